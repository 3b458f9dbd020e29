"""The fake over real HTTP on a loopback port (a thread of ``ThreadingHTTPServer``)."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ._fake import FakeAsana

__all__ = ["serve"]


def _handler_for(fake: FakeAsana) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"  # keep-alive, as Asana
        # Small responses on a kept-alive socket otherwise wait for delayed ACKs (~40 ms).
        disable_nagle_algorithm = True

        def _body(self) -> bytes:
            if "chunked" in self.headers.get("Transfer-Encoding", "").lower():
                # A streamed upload of unknown size: ``size CRLF data CRLF``, ending at 0.
                chunks = []
                while size := int(self.rfile.readline().split(b";")[0].strip() or b"0", 16):
                    chunks.append(self.rfile.read(size))
                    self.rfile.readline()
                while self.rfile.readline() not in (b"\r\n", b"\n", b""):
                    pass  # trailers
                return b"".join(chunks)
            length = int(self.headers.get("Content-Length") or 0)
            return self.rfile.read(length) if length else b""

        def _answer(self) -> None:
            body = self._body()
            origin = f"http://{self.headers.get('Host', 'localhost')}"
            status, headers, content = fake.handle(
                self.command, origin + self.path, dict(self.headers.items()), body
            )
            self.send_response(status)
            for name, value in headers.items():
                self.send_header(name, value)
            self.send_header("Content-Length", str(len(content)))
            self.end_headers()
            self.wfile.write(content)

        do_GET = do_POST = do_PUT = do_DELETE = do_PATCH = _answer

        def log_message(self, format: str, *args: object) -> None:
            pass  # the fake's request log is fake.requests

    return Handler


@contextmanager
def serve(fake: FakeAsana, host: str, port: int) -> Iterator[str]:
    """Run the server in a daemon thread; yields ``http://host:port``."""
    server = ThreadingHTTPServer((host, port), _handler_for(fake))
    server.daemon_threads = True
    # A short poll interval, so leaving ``serve()`` takes milliseconds, not half a second.
    thread = threading.Thread(
        target=server.serve_forever, args=(0.05,), name="fake-asana", daemon=True
    )
    thread.start()
    try:
        yield f"http://{host}:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)
