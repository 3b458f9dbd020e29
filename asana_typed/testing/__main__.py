"""``python -m asana_typed.testing [--host 127.0.0.1] [--port 0]``: run the fake over HTTP.

Prints the API base URL and a token for the built-in user, then serves until interrupted.
"""

from __future__ import annotations

import argparse
import contextlib
import signal
import sys
import threading

from ._fake import FakeAsana


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m asana_typed.testing", description=__doc__)
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=0, help="0 picks a free port")
    args = parser.parse_args(argv)
    fake = FakeAsana()
    # terminate() sends SIGTERM: leave through the same clean path as Ctrl-C.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
    with fake.serve(args.host, args.port) as base_url:
        print(base_url, flush=True)
        print(f"token: {fake.token}", flush=True)
        with contextlib.suppress(KeyboardInterrupt):
            threading.Event().wait()
    return 0


if __name__ == "__main__":
    sys.exit(main())
