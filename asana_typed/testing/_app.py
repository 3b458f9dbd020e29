"""Requests, routes and replies of the fake: the part every resource handler uses.

Handlers are plain functions registered with :func:`route`; they read a :class:`Request`
and return a :class:`Reply` (usually built with :func:`one`, :func:`many` or :func:`empty`)
or raise :class:`~asana_typed.testing._store.ApiError`.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from email.parser import BytesParser
from email.policy import HTTP
from typing import TYPE_CHECKING, Any
from urllib.parse import urlencode

from ._store import ApiError, Record

if TYPE_CHECKING:
    from ._fake import FakeAsana

__all__ = ["ROUTES", "Reply", "Request", "Route", "empty", "many", "one", "route"]

MAX_LIMIT = 100


@dataclass
class Reply:
    """A response: status, JSON body, extra headers (``raw``: bytes sent instead of JSON)."""

    status: int
    body: dict[str, Any]
    headers: dict[str, str] = field(default_factory=dict)
    raw: bytes | None = None


@dataclass
class Upload:
    """A file part of a multipart body."""

    filename: str
    content: bytes
    content_type: str


@dataclass
class Request:
    """One API request as a handler sees it (``path`` is below ``/api/1.0``)."""

    method: str
    path: str
    query: dict[str, str]
    headers: dict[str, str]
    body: bytes
    fake: FakeAsana
    user: Record | None = None

    # -- the body ------------------------------------------------------------------------

    def json(self) -> dict[str, Any]:
        try:
            value = json.loads(self.body or b"{}")
        except ValueError:
            raise ApiError(400, "Could not parse request data, invalid JSON") from None
        if not isinstance(value, dict):
            raise ApiError(400, "Request data must be a JSON object")
        return value

    def data(self) -> dict[str, Any]:
        """The ``data`` object of a JSON body; Asana rejects a body without it."""
        data = self.json().get("data")
        if not isinstance(data, dict):
            raise ApiError(400, "data: Missing input")
        return data

    def form(self) -> dict[str, str | Upload]:
        """The fields of a ``multipart/form-data`` body."""
        ctype = self.headers.get("content-type", "")
        if not ctype.startswith("multipart/form-data"):
            raise ApiError(400, "file: Missing input (expected multipart/form-data)")
        message = BytesParser(policy=HTTP).parsebytes(
            f"Content-Type: {ctype}\r\n\r\n".encode() + self.body
        )
        fields: dict[str, str | Upload] = {}
        for part in message.iter_parts():
            name = part.get_param("name", header="content-disposition")
            if not isinstance(name, str):
                continue
            payload = part.get_payload(decode=True)
            content = payload if isinstance(payload, bytes) else b""
            filename = part.get_filename()
            if filename is not None:
                fields[name] = Upload(filename, content, part.get_content_type())
            else:
                fields[name] = content.decode("utf-8")
        return fields

    # -- common query parameters ---------------------------------------------------------

    def opt_fields(self) -> list[str] | None:
        raw = self.query.get("opt_fields")
        if raw is None:
            return None
        return [f.strip() for f in raw.split(",") if f.strip()]

    def param(self, name: str, *, required: bool = False) -> str | None:
        value = self.query.get(name)
        if required and not value:
            raise ApiError(400, f"{name}: Missing input")
        return value

    def flag(self, name: str) -> bool | None:
        value = self.query.get(name)
        if value is None:
            return None
        if value not in ("true", "false"):
            raise ApiError(400, f"{name}: Not a boolean: {value}")
        return value == "true"

    def limit(self) -> int:
        raw = self.query.get("limit")
        if raw is None:
            return MAX_LIMIT
        if not raw.isdigit() or not 1 <= int(raw) <= MAX_LIMIT:
            raise ApiError(400, f"limit: The value must be between 1 and {MAX_LIMIT}: {raw}")
        return int(raw)

    # -- rendering -----------------------------------------------------------------------

    def render(self, record: Record, *, compact: bool = False) -> Record:
        """A record as Asana sends it: projected with opt_fields, else full or compact."""
        fields = self.opt_fields()
        store = self.fake.store
        if fields is not None:
            return store.project(record, fields)
        return store.compact(record) if compact else store.full(record)


def one(request: Request, record: Record, status: int = 200) -> Reply:
    """A single record in ``data`` (full unless opt_fields say otherwise)."""
    return Reply(status, {"data": request.render(record)})


def empty() -> Reply:
    """Asana's ``EmptyResponse``."""
    return Reply(200, {"data": {}})


def _offset_key(request: Request) -> str:
    # An offset token belongs to one query: same path, same filters.
    kept = sorted((k, v) for k, v in request.query.items() if k not in ("offset", "limit"))
    return hashlib.sha256(json.dumps([request.path, kept]).encode()).hexdigest()[:16]


def many(request: Request, records: Iterable[Record], *, paginate: bool = True) -> Reply:
    """A list in ``data``: compact records, paginated with opaque offset tokens."""
    items = list(records)
    if not paginate:
        return Reply(200, {"data": [request.render(r, compact=True) for r in items]})
    fake = request.fake
    limit = request.limit()
    start = 0
    token = request.query.get("offset")
    if token is not None:
        start = _read_offset(fake, token, _offset_key(request))
    chunk = items[start : start + limit]
    body: dict[str, Any] = {"data": [request.render(r, compact=True) for r in chunk]}
    end = start + len(chunk)
    if end < len(items):
        offset = _make_offset(fake, _offset_key(request), end)
        query = {k: v for k, v in request.query.items() if k != "offset"}
        query["offset"] = offset
        qs = urlencode(query, safe=",")
        body["next_page"] = {
            "offset": offset,
            "path": f"{request.path}?{qs}",
            "uri": f"{fake.base_url}{request.path}?{qs}",
        }
    else:
        body["next_page"] = None
    return Reply(200, body)


def _sign(fake: FakeAsana, payload: bytes) -> str:
    return hmac.new(fake.secret, payload, hashlib.sha256).hexdigest()[:20]


def _make_offset(fake: FakeAsana, key: str, index: int) -> str:
    payload = json.dumps({"k": key, "i": index, "t": fake.clock()}).encode()
    encoded = base64.urlsafe_b64encode(payload).decode().rstrip("=")
    return f"{encoded}.{_sign(fake, payload)}"


def _read_offset(fake: FakeAsana, token: str, key: str) -> int:
    try:
        encoded, signature = token.rsplit(".", 1)
        payload = base64.urlsafe_b64decode(encoded + "=" * (-len(encoded) % 4))
        fields = json.loads(payload)
        valid = hmac.compare_digest(signature, _sign(fake, payload)) and fields["k"] == key
    except (ValueError, KeyError, TypeError):
        valid = False
    if not valid:
        raise ApiError(400, "offset: Your pagination token is invalid for this request.")
    if fake.clock() - fields["t"] > fake.offset_ttl:
        raise ApiError(400, "offset: Your pagination token has expired.")
    index: int = fields["i"]
    return index


Handler = Callable[..., Reply]


@dataclass(frozen=True)
class Route:
    method: str
    template: str
    pattern: re.Pattern[str]
    handler: Handler


ROUTES: list[Route] = []


def route(method: str, template: str) -> Callable[[Handler], Handler]:
    """Register ``handler(request, **path_params)`` for ``METHOD /path/{param}``."""
    regex = re.sub(r"\{(\w+)\}", r"(?P<\1>[^/]+)", template)
    pattern = re.compile(f"^{regex}$")

    def register(handler: Handler) -> Handler:
        ROUTES.append(Route(method, template, pattern, handler))
        return handler

    return register


def dispatch(request: Request) -> Reply:
    """Find the route for ``request`` and run it."""
    for candidate in ROUTES:
        if candidate.method != request.method:
            continue
        match = candidate.pattern.match(request.path)
        if match:
            return candidate.handler(request, **match.groupdict())
    raise ApiError(404, f"No matching route for request: {request.method} {request.path}")
