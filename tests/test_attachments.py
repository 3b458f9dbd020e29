"""Uploads: the multipart body as sent, streaming with bounded memory, names, limits, repeats."""

from __future__ import annotations

import hashlib
import io
import os
import tracemalloc
from pathlib import Path

import httpx
import pytest

import asana_typed as asana
from asana_typed import _multipart, models
from asana_typed.testing import FakeAsana
from tests.conftest import ScriptedAsana

ATTACHMENT = {"gid": "77", "resource_type": "attachment", "name": "notes.txt"}


def _boundary(request: httpx.Request) -> str:
    kind, _, boundary = request.headers["content-type"].partition("; boundary=")
    assert kind == "multipart/form-data"
    return boundary


class Pattern(io.RawIOBase):
    """``size`` bytes of a repeating pattern, made as they are read: a big file in no memory."""

    def __init__(self, size: int, *, seekable: bool = True) -> None:
        self.size, self.pos, self._seekable = size, 0, seekable

    def readable(self) -> bool:
        return True

    def seekable(self) -> bool:
        return self._seekable

    def tell(self) -> int:
        if not self._seekable:
            raise io.UnsupportedOperation("tell")
        return self.pos

    def seek(self, offset: int, whence: int = os.SEEK_SET) -> int:
        if not self._seekable:
            raise io.UnsupportedOperation("seek")
        self.pos = {os.SEEK_SET: 0, os.SEEK_CUR: self.pos, os.SEEK_END: self.size}[whence] + offset
        return self.pos

    def readinto(self, buffer: memoryview | bytearray) -> int:  # type: ignore[override]  # RawIOBase's is typed for any buffer
        n = min(len(buffer), self.size - self.pos)
        buffer[:n] = _pattern(self.pos, n)
        self.pos += n
        return n


def _pattern(start: int, n: int) -> bytes:
    block = bytes(range(251)) * (n // 251 + 2)
    offset = start % 251
    return block[offset : offset + n]


def _digest(size: int) -> str:
    stream, sha = Pattern(size), hashlib.sha256()
    while chunk := stream.read(1 << 20):
        sha.update(chunk)
    return sha.hexdigest()


# -- the body as the server receives it --------------------------------------------------------


def test_the_multipart_body_as_received(api: ScriptedAsana) -> None:
    api.data(ATTACHMENT)

    attachment = api.client().attachments.create_on_task(
        "123", b"hello\r\n", "notes.txt", "text/plain"
    )

    assert isinstance(attachment, models.Attachment)
    request = api.last
    b = _boundary(request)
    assert request.method == "POST"
    assert request.url.path == "/api/1.0/attachments"
    assert (
        request.read()
        == (
            f"--{b}\r\n"
            'Content-Disposition: form-data; name="parent"\r\n'
            "\r\n"
            "123\r\n"
            f"--{b}\r\n"
            'Content-Disposition: form-data; name="file"; filename="notes.txt"\r\n'
            "Content-Type: text/plain\r\n"
            "\r\n"
            "hello\r\n\r\n"
            f"--{b}--\r\n"
        ).encode()
    )
    assert request.headers["content-length"] == str(len(request.read()))
    assert "transfer-encoding" not in request.headers


def test_a_non_ascii_name_is_sent_as_utf8_without_filename_star(api: ScriptedAsana) -> None:
    api.data(ATTACHMENT)
    name = 'résumé 文書 "v2"\r\n.pdf'

    api.client().attachments.create_on_task("1", b"%PDF", name)

    body = api.last.read()
    assert 'filename="résumé 文書 %22v2%22%0D%0A.pdf"'.encode() in body
    assert b"filename*" not in body
    assert b"Content-Type: application/octet-stream\r\n" in body


def test_a_non_ascii_name_reaches_the_fake_intact(fake: FakeAsana, client: asana.Client) -> None:
    task = client.tasks.create_task({"name": "T", "workspace": fake.workspace["gid"]})

    made = client.attachments.create_on_task(task.gid, b"data", "über 報告.txt", "text/plain")

    assert made.name == "über 報告.txt"
    stored = fake.store.records[made.gid]
    assert stored["_content"] == b"data"
    assert stored["_content_type"] == "text/plain"


def test_create_attachment_for_object_with_a_file_or_an_url(
    fake: FakeAsana, client: asana.Client
) -> None:
    task = client.tasks.create_task({"name": "T", "workspace": fake.workspace["gid"]})
    uploaded = client.attachments.create_attachment_for_object(
        {"parent": task.gid, "file": ("a.bin", io.BytesIO(b"\x00\x01"))}
    )
    linked = client.attachments.create_attachment_for_object(
        {
            "parent": task.gid,
            "resource_subtype": "external",
            "url": "https://example.com/spec.pdf",
            "name": "Spec",
        }
    )
    assert (uploaded.name, uploaded.resource_subtype) == ("a.bin", "asana")
    assert (linked.name, linked.resource_subtype) == ("Spec", "external")
    assert linked.view_url == "https://example.com/spec.pdf"


# -- streaming ---------------------------------------------------------------------------------


class Receiver(httpx.BaseTransport):
    """A server end that reads the body chunk by chunk and keeps none of it (unlike
    ``httpx.MockTransport``, which reads the whole body first)."""

    def __init__(self) -> None:
        self.received = 0
        self.largest = 0
        self.declared: str | None = None
        self.sha = hashlib.sha256()

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        self.declared = request.headers.get("content-length")
        assert isinstance(request.stream, httpx.SyncByteStream)
        for chunk in request.stream:
            self.received += len(chunk)
            self.largest = max(self.largest, len(chunk))
            self.sha.update(chunk)
        return httpx.Response(200, json={"data": ATTACHMENT})


def test_a_large_file_is_streamed_in_bounded_memory() -> None:
    size = 48 * 1024 * 1024
    receiver = Receiver()
    client = asana.Client.access_token("t", http_client=httpx.Client(transport=receiver))

    tracemalloc.start()
    try:
        client.attachments.create_on_task("1", Pattern(size), "big.bin")
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()

    assert receiver.received > size
    assert receiver.declared == str(receiver.received)
    assert receiver.largest <= 64 * 1024  # one read of the file at a time
    assert peak < 4 * 1024 * 1024, f"peak {peak:,} bytes while sending {size:,}"


def test_the_streamed_bytes_are_the_file(api: ScriptedAsana) -> None:
    size = 5 * 1024 * 1024 + 3
    receiver = Receiver()
    client = asana.Client.access_token("t", http_client=httpx.Client(transport=receiver))

    client.attachments.create_on_task("1", Pattern(size), "p.bin")

    # The body is the file between the part headers and the closing boundary.
    api.data(ATTACHMENT)
    api.client().attachments.create_on_task("1", Pattern(size), "p.bin")
    body = api.last.read()
    start = body.index(b"\r\n\r\n", body.index(b'filename="p.bin"')) + 4
    end = body.rindex(b"\r\n--")
    assert hashlib.sha256(body[start:end]).hexdigest() == _digest(size)
    assert receiver.received == len(body)  # same parts; only the random boundary differs


def test_the_streamed_file_arrives_byte_for_byte(fake: FakeAsana, client: asana.Client) -> None:
    task = client.tasks.create_task({"name": "T", "workspace": fake.workspace["gid"]})
    size = 300_001
    stream = Pattern(size)
    stream.seek(1000)  # the upload starts where the file is, as a read would

    made = client.attachments.create_on_task(task.gid, stream, "p.bin")

    content = fake.store.records[made.gid]["_content"]
    assert len(content) == size - 1000
    assert content == _pattern(1000, size - 1000)


def test_a_stream_of_unknown_size_is_sent_chunked(api: ScriptedAsana) -> None:
    api.data(ATTACHMENT)

    api.client().attachments.create_on_task("1", Pattern(200_000, seekable=False), "s.bin")

    request = api.last
    assert "content-length" not in request.headers
    assert request.headers["transfer-encoding"] == "chunked"
    assert _pattern(0, 200_000) in request.read()


def test_the_file_is_sent_again_when_the_upload_is_retried(api: ScriptedAsana) -> None:
    api.reply(429, {"errors": [{"message": "slow down"}]}, headers={"Retry-After": "0"})
    api.data(ATTACHMENT)

    api.client().attachments.create_on_task("1", Pattern(100_000), "r.bin")

    first, second = api.requests
    assert first.read() == second.read()
    assert _pattern(0, 100_000) in second.read()


def test_a_stream_that_cannot_rewind_is_not_sent_twice(api: ScriptedAsana) -> None:
    api.reply(429, {"errors": [{"message": "slow down"}]}, headers={"Retry-After": "0"})
    api.data(ATTACHMENT)

    with pytest.raises(asana.InvalidParamsError, match="cannot be repeated"):
        api.client().attachments.create_on_task("1", Pattern(10, seekable=False), "r.bin")


def test_an_upload_repeats_after_an_oauth_token_refresh(fake: FakeAsana, tmp_path: Path) -> None:
    fake.add_oauth_app("cid", "csecret", "https://example.com/cb")
    client = asana.Client.oauth(
        client_id="cid",
        client_secret="csecret",
        redirect_uri="https://example.com/cb",
        http_client=httpx.Client(transport=fake.transport()),
    )
    url, _ = client.session.authorization_url()
    with httpx.Client(transport=fake.transport()) as browser:
        callback = browser.get(url).headers["location"]
    client.session.fetch_token(authorization_response=callback)
    token = client.session.token
    assert token is not None
    task = client.tasks.create_task({"name": "T", "workspace": fake.workspace["gid"]})
    del fake.tokens[token["access_token"]]  # refused from now on: the upload gets a 401
    path = tmp_path / "f.txt"
    path.write_bytes(b"x" * 70_000)

    with path.open("rb") as f:
        made = client.attachments.create_on_task(task.gid, f, "f.txt")

    assert fake.store.records[made.gid]["_content"] == b"x" * 70_000


def test_upload_over_loopback_http(fake: FakeAsana, tmp_path: Path) -> None:
    path = tmp_path / "data.bin"
    path.write_bytes(_pattern(0, 2_000_000))
    with fake.serve() as base_url, asana.Client.access_token(fake.token, base_url=base_url) as sdk:
        task = sdk.tasks.create_task({"name": "T", "workspace": fake.workspace["gid"]})
        with path.open("rb") as f:
            made = sdk.attachments.create_on_task(task.gid, f, "data.bin")
    assert fake.store.records[made.gid]["_content"] == path.read_bytes()


# -- limits and bad input ----------------------------------------------------------------------


def test_over_100_mb_is_refused_before_sending(api: ScriptedAsana) -> None:
    client = api.client()
    with pytest.raises(asana.FileTooLargeError, match="104,857,601 bytes"):
        client.attachments.create_on_task("1", Pattern(100 * 1024 * 1024 + 1), "huge.bin")
    assert api.requests == []
    assert issubclass(asana.FileTooLargeError, asana.InvalidParamsError)


def test_a_stream_of_unknown_size_stops_at_the_limit(
    api: ScriptedAsana, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(_multipart, "MAX_FILE_SIZE", 100_000)
    api.data(ATTACHMENT)
    with pytest.raises(asana.FileTooLargeError, match="100,000 bytes"):
        api.client().attachments.create_on_task("1", Pattern(100_001, seekable=False), "s.bin")


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (io.StringIO("text"), "binary mode"),
        ("text", "bytes or a binary file object"),
        (None, "bytes or a binary file object"),
    ],
)
def test_bad_file_content_is_a_clear_error(
    api: ScriptedAsana, content: object, message: str
) -> None:
    with pytest.raises(asana.InvalidParamsError, match=message):
        api.client().attachments.create_on_task("1", content, "f.txt")  # type: ignore[arg-type]  # the misuse under test
    assert api.requests == []


def test_an_empty_file_name_is_refused(api: ScriptedAsana) -> None:
    with pytest.raises(asana.InvalidParamsError, match="file name"):
        api.client().attachments.create_on_task("1", b"x", "")


def test_a_body_iterates_again_from_the_start() -> None:
    stream = io.BytesIO(b"abcdef")
    body = _multipart.encode_multipart({"parent": "1", "file": ("a", stream)})
    first = b"".join(body)
    second = b"".join(body)
    assert first == second
    assert body.length == len(first)


def test_a_file_that_grows_while_sent_is_sent_as_measured() -> None:
    stream = io.BytesIO(b"a" * 1000)
    body = _multipart.encode_multipart({"file": ("g.bin", stream)})
    stream.seek(0, os.SEEK_END)
    stream.write(b"b" * 500)  # appended after the size was taken

    sent = b"".join(body)

    assert body.length == len(sent)  # Content-Length stays true
    assert b"\r\n\r\n" + b"a" * 1000 + b"\r\n--" in sent
    assert b"b" * 10 not in sent


def test_a_file_that_shrinks_while_sent_is_an_error() -> None:
    stream = io.BytesIO(b"a" * 1000)
    body = _multipart.encode_multipart({"file": ("s.bin", stream)})
    stream.truncate(10)

    with pytest.raises(asana.InvalidParamsError, match="shrank"):
        b"".join(body)


def test_a_stream_of_unknown_size_over_loopback_http(fake: FakeAsana) -> None:
    with fake.serve() as base_url, asana.Client.access_token(fake.token, base_url=base_url) as sdk:
        task = sdk.tasks.create_task({"name": "T", "workspace": fake.workspace["gid"]})
        made = sdk.attachments.create_on_task(
            task.gid, Pattern(300_000, seekable=False), "pipe.bin"
        )
    assert fake.store.records[made.gid]["_content"] == _pattern(0, 300_000)
