"""``multipart/form-data`` bodies for uploads (``POST /attachments``), streamed.

A file is read and sent in 64 KiB chunks, never held whole in memory, and its size is
checked against Asana's 100 MB limit before anything is sent. Parts end with CRLF as RFC
7578 requires. A file name goes in ``filename`` as UTF-8, with ``"``, CR and LF
percent-encoded as browsers do; RFC 7578 forbids ``filename*``.
"""

from __future__ import annotations

import io
import os
from collections.abc import Callable, Iterator, Mapping
from typing import Protocol, TypeAlias, runtime_checkable

from .errors import FileTooLargeError, InvalidParamsError

__all__ = [
    "MAX_FILE_SIZE",
    "BinaryReadable",
    "FileContent",
    "FileUpload",
    "MultipartBody",
    "encode_multipart",
]

MAX_FILE_SIZE = 100 * 1024 * 1024
"""Asana's limit on one uploaded file, in bytes."""

_CHUNK = 64 * 1024


@runtime_checkable
class BinaryReadable(Protocol):
    """A file opened in binary mode, or any object whose ``read(size)`` returns bytes.

    ``seek``/``tell`` are used when the object has them (to check the size up front and
    to send the file again on a retry).
    """

    def read(self, size: int = ..., /) -> bytes | None: ...


FileContent: TypeAlias = bytes | BinaryReadable
# (file name, content) or (file name, content, content type)
FileUpload: TypeAlias = tuple[str, FileContent] | tuple[str, FileContent, str | None]

_NAME_ESCAPES = str.maketrans({'"': "%22", "\r": "%0D", "\n": "%0A"})


def _disposition(name: str, filename: str | None = None) -> bytes:
    value = f'form-data; name="{name.translate(_NAME_ESCAPES)}"'
    if filename is not None:
        value += f'; filename="{filename.translate(_NAME_ESCAPES)}"'
    return f"Content-Disposition: {value}\r\n".encode()


def _text(name: str, value: object) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str | int | float):
        return str(value)
    gid = getattr(value, "gid", None)
    if isinstance(gid, str):
        return gid
    raise InvalidParamsError(f"form field {name!r} cannot be sent as text: {value!r}")


def _too_large(name: str, size: int) -> FileTooLargeError:
    return FileTooLargeError(
        f"{name!r} is {size:,} bytes; Asana accepts files of at most {MAX_FILE_SIZE:,} bytes "
        "(100 MB)"
    )


class _File:
    """One file part: where its bytes come from, and how many there are (when known)."""

    def __init__(self, field: str, value: object) -> None:
        if not isinstance(value, tuple) or len(value) not in (2, 3):
            raise InvalidParamsError(
                f"{field!r} must be (file_name, content) or (file_name, content, content_type)"
            )
        filename, content = value[0], value[1]
        content_type = value[2] if len(value) == 3 and value[2] else "application/octet-stream"
        if not isinstance(filename, str) or not filename:
            raise InvalidParamsError(f"{field!r} needs a non-empty file name")
        if not isinstance(content_type, str):
            raise InvalidParamsError(f"{field!r}: the content type must be a string")
        self.field, self.filename, self.content_type = field, filename, content_type
        self.data: bytes | None = None
        self.stream: BinaryReadable | None = None
        self.start: int | None = None  # where a seekable stream starts; None: not seekable
        self._seek: Callable[[int], object] | None = None
        self.sent = False
        if isinstance(content, bytes | bytearray | memoryview):
            self.data = bytes(content)
            self.size: int | None = len(self.data)
        elif isinstance(content, BinaryReadable):
            self.stream = content
            self.size = self._measure(content)
        else:
            raise InvalidParamsError(f"{field!r} content must be bytes or a binary file object")
        if self.size is not None and self.size > MAX_FILE_SIZE:
            raise _too_large(filename, self.size)

    def _measure(self, stream: BinaryReadable) -> int | None:
        """The bytes left in a seekable stream (remembering where it starts), else ``None``."""
        given: object = stream  # typed binary, but a text file is an easy mistake
        if isinstance(given, io.TextIOBase):
            raise InvalidParamsError(f"{self.field!r} must be opened in binary mode ('rb')")
        seekable = getattr(stream, "seekable", None)
        seek, tell = getattr(stream, "seek", None), getattr(stream, "tell", None)
        try:
            if not (callable(seek) and callable(tell)) or (callable(seekable) and not seekable()):
                return None
            start, end = tell(), seek(0, os.SEEK_END)
            seek(start)
        except (OSError, ValueError):  # io.UnsupportedOperation is both
            return None
        if not isinstance(start, int) or not isinstance(end, int):
            return None
        self.start, self._seek = start, seek
        return end - start

    def chunks(self) -> Iterator[bytes]:
        if self.data is not None:
            yield self.data
            return
        stream = self.stream
        assert stream is not None
        if self._seek is not None and self.start is not None:
            self._seek(self.start)  # a repeat (retry, refreshed token) sends the file again
        elif self.sent:
            raise InvalidParamsError(
                f"{self.filename!r} is a stream that cannot be rewound, so the upload "
                "cannot be repeated; pass a seekable file (open(path, 'rb')) or bytes"
            )
        self.sent = True
        # A measured file sends exactly the bytes Content-Length announced, even if it grows.
        limit = self.size if self.size is not None else MAX_FILE_SIZE + 1
        total = 0
        while total < limit and (chunk := stream.read(min(_CHUNK, limit - total))):
            if not isinstance(chunk, bytes | bytearray | memoryview):
                raise InvalidParamsError(f"{self.field!r} must be opened in binary mode ('rb')")
            total += len(chunk)
            if total > MAX_FILE_SIZE:  # a stream of unknown size: stop before sending more
                raise _too_large(self.filename, total)
            yield bytes(chunk)
        if self.size is not None and total < self.size:
            raise InvalidParamsError(
                f"{self.filename!r} shrank while it was being sent ({total:,} of "
                f"{self.size:,} bytes); nothing was uploaded"
            )


class MultipartBody:
    """A ``multipart/form-data`` body that streams its parts; iterable again for a repeat."""

    def __init__(self, parts: list[bytes | _File], boundary: str) -> None:
        self._parts = parts
        self.content_type = f"multipart/form-data; boundary={boundary}"
        # Content-Length, or None (sent chunked) when a stream's size is unknown.
        sizes = [len(p) if isinstance(p, bytes) else p.size for p in parts]
        known = [s for s in sizes if s is not None]
        self.length: int | None = sum(known) if len(known) == len(sizes) else None

    def __iter__(self) -> Iterator[bytes]:
        for part in self._parts:
            if isinstance(part, bytes):
                yield part
            else:
                yield from part.chunks()


def encode_multipart(fields: Mapping[str, object]) -> MultipartBody:
    """The body for ``fields``: tuple values are files, the rest text; ``None`` is left out."""
    boundary = os.urandom(16).hex()
    dash = f"--{boundary}\r\n".encode()
    parts: list[bytes | _File] = []
    for name, value in fields.items():
        if value is None:
            continue
        if isinstance(value, tuple):
            upload = _File(name, value)
            head = _disposition(name, upload.filename)
            parts.append(dash + head + f"Content-Type: {upload.content_type}\r\n\r\n".encode())
            parts.append(upload)
            parts.append(b"\r\n")
        else:
            text = _text(name, value).encode()
            parts.append(dash + _disposition(name) + b"\r\n" + text + b"\r\n")
    parts.append(f"--{boundary}--\r\n".encode())
    return MultipartBody(parts, boundary)
