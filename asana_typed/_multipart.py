"""``multipart/form-data`` bodies, for the one upload endpoint (``POST /attachments``).

The body is built in memory with a random boundary; CRLF line ends as RFC 7578 requires,
and a non-ASCII file name is sent both plainly (UTF-8) and as ``filename*``.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from typing import IO, TypeAlias
from urllib.parse import quote

from .errors import InvalidParamsError

__all__ = ["FileUpload", "encode_multipart"]

FileContent: TypeAlias = bytes | IO[bytes]
# (file name, content) or (file name, content, content type)
FileUpload: TypeAlias = tuple[str, FileContent] | tuple[str, FileContent, str | None]


def _disposition(name: str, filename: str | None = None) -> bytes:
    value = f'form-data; name="{name}"'
    if filename is not None:
        plain = (
            filename.replace("\\", "\\\\").replace('"', '\\"').replace("\r", "").replace("\n", "")
        )
        value += f'; filename="{plain}"'
        if not filename.isascii():
            value += f"; filename*=UTF-8''{quote(filename, safe='')}"
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


def _file_parts(name: str, value: object) -> tuple[str, bytes, str]:
    if not isinstance(value, tuple) or len(value) not in (2, 3):
        raise InvalidParamsError(
            f"{name!r} must be (file_name, content) or (file_name, content, content_type)"
        )
    filename, content = value[0], value[1]
    content_type = value[2] if len(value) == 3 and value[2] else "application/octet-stream"
    if not isinstance(filename, str) or not filename:
        raise InvalidParamsError(f"{name!r} needs a non-empty file name")
    if isinstance(content, bytes | bytearray | memoryview):
        data = bytes(content)
    elif hasattr(content, "read"):
        data = content.read()
        if not isinstance(data, bytes):
            raise InvalidParamsError(f"{name!r} must be opened in binary mode ('rb')")
    else:
        raise InvalidParamsError(f"{name!r} content must be bytes or a binary file object")
    return filename, data, str(content_type)


def encode_multipart(fields: Mapping[str, object]) -> tuple[bytes, str]:
    """``(body, content_type)`` for ``fields``; tuple values are files, the rest text."""
    boundary = os.urandom(16).hex()
    dash = f"--{boundary}\r\n".encode()
    chunks: list[bytes] = []
    for name, value in fields.items():
        if value is None:
            continue
        chunks.append(dash)
        if isinstance(value, tuple):
            filename, data, content_type = _file_parts(name, value)
            chunks.append(_disposition(name, filename))
            chunks.append(f"Content-Type: {content_type}\r\n\r\n".encode())
            chunks.append(data)
        else:
            chunks.append(_disposition(name))
            chunks.append(b"\r\n")
            chunks.append(_text(name, value).encode())
        chunks.append(b"\r\n")
    chunks.append(f"--{boundary}--\r\n".encode())
    return b"".join(chunks), f"multipart/form-data; boundary={boundary}"
