"""``FakeAsana``: the in-memory Asana, its knobs, and the two ways to reach it."""

from __future__ import annotations

import json
import os
import re
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any
from urllib.parse import parse_qsl, urlsplit

import httpx

from . import _handlers  # noqa: F401  # registers every route
from ._app import Reply, Request, dispatch
from ._store import ApiError, Record, Ref, Store

if TYPE_CHECKING:
    from ..client import Client

__all__ = ["FakeAsana", "LoggedRequest"]

API_PREFIX = "/api/1.0"
OAUTH_PREFIX = "/-/oauth_"
DEFAULT_HOST = "https://app.asana.com"


@dataclass(frozen=True)
class LoggedRequest:
    """One request the fake received, for assertions in tests."""

    method: str
    path: str
    query: dict[str, str]
    body: bytes
    status: int

    def json(self) -> Any:
        return json.loads(self.body) if self.body else None


@dataclass
class _Failure:
    status: int
    times: int
    method: str | None
    path: str | None
    retry_after: float | None = None
    message: str = "Server Error"

    def matches(self, method: str, path: str) -> bool:
        return (self.method is None or self.method == method) and (
            self.path is None or re.fullmatch(self.path, path) is not None
        )


@dataclass
class _Knobs:
    latency: float = 0.0
    failures: list[_Failure] = field(default_factory=list)


class FakeAsana:
    """An in-memory Asana for tests and demos.

    It starts with one workspace, one user (``fake.me``) and a personal access token for
    that user (``fake.token``). Reach it in process with ``fake.client()`` (or
    ``fake.transport()`` for your own ``httpx.Client``), or over HTTP with ``fake.serve()``.
    """

    def __init__(self, *, clock: Callable[[], float] = time.time) -> None:
        self.store = Store()
        self.clock = clock
        self.secret = os.urandom(16)
        self.base_url = DEFAULT_HOST + API_PREFIX
        self.offset_ttl = 3600.0
        self.sync_ttl = 3600.0
        self.tokens: dict[str, str] = {}
        self.requests: list[LoggedRequest] = []
        self.events: list[Record] = []
        self.oauth_apps: dict[str, Record] = {}
        self.oauth_codes: dict[str, Record] = {}
        self.oauth_refresh: dict[str, Record] = {}
        self.token_expiry: dict[str, float] = {}  # token -> clock() when it stops working
        self._knobs = _Knobs()
        self._lock = threading.RLock()
        self.workspace = self.add_workspace("Fake Workspace")
        self.me = self.add_user("Fake User", "fake.user@example.com", workspaces=[self.workspace])
        self.token = self.token_for(self.me)

    # -- seeding -------------------------------------------------------------------------

    def add_workspace(self, name: str, *, is_organization: bool = False) -> Record:
        return self.store.add(
            "workspace", name=name, is_organization=is_organization, email_domains=[]
        )

    def add_user(self, name: str, email: str, *, workspaces: Sequence[Record] = ()) -> Record:
        return self.store.add(
            "user",
            name=name,
            email=email,
            photo=None,
            workspaces=[Ref(w["gid"]) for w in workspaces],
        )

    def add_oauth_app(self, client_id: str, client_secret: str, redirect_uri: str) -> Record:
        """Register an OAuth app whose users ``/-/oauth_authorize`` approves as ``me``."""
        app: Record = {"client_secret": client_secret, "redirect_uris": [redirect_uri]}
        self.oauth_apps[client_id] = app
        return app

    def token_for(self, user: Record) -> str:
        """A new personal access token that authenticates as ``user``."""
        token = f"0/{os.urandom(12).hex()}"
        self.tokens[token] = user["gid"]
        return token

    # -- knobs ---------------------------------------------------------------------------

    def rate_limit(self, times: int = 1, *, retry_after: float = 1.0) -> None:
        """Answer the next ``times`` requests with 429 and ``Retry-After``."""
        self._knobs.failures.append(
            _Failure(
                429, times, None, None, retry_after, "You have made too many requests recently."
            )
        )

    def fail(
        self,
        status: int = 500,
        *,
        times: int = 1,
        method: str | None = None,
        path: str | None = None,
    ) -> None:
        """Answer the next ``times`` matching requests (``path`` is a regex) with ``status``."""
        self._knobs.failures.append(_Failure(status, times, method, path))

    @property
    def latency(self) -> float:
        return self._knobs.latency

    @latency.setter
    def latency(self, seconds: float) -> None:
        self._knobs.latency = seconds

    # -- events --------------------------------------------------------------------------

    def record_event(
        self,
        resource: Record,
        action: str,
        *,
        targets: list[str],
        user: Record | None = None,
        parent: Record | None = None,
        change: dict[str, Any] | None = None,
    ) -> None:
        """Append an event that subscribers of any gid in ``targets`` will see."""
        event: Record = {
            "user": Ref(user["gid"]) if user else None,
            "resource": Ref(resource["gid"]),
            "type": resource["resource_type"],
            "action": action,
            "parent": Ref(parent["gid"]) if parent else None,
            "created_at": _now_iso(self.clock()),
            "_targets": set(targets),
            "_seq": len(self.events) + 1,
        }
        if change is not None:
            # Asana sends a change's new/added/removed value only when it is a resource; a new
            # name or a completed flag is named by ``field`` alone (and read from the resource).
            event["change"] = {
                key: value
                for key, value in change.items()
                if not key.endswith("_value") or isinstance(value, Ref)
            }
        self.events.append(event)

    # -- the one entry point -------------------------------------------------------------

    def handle(
        self, method: str, url: str, headers: dict[str, str], body: bytes
    ) -> tuple[int, dict[str, str], bytes]:
        """Answer one HTTP request: ``(status, headers, body)``."""
        parts = urlsplit(url)
        query = dict(parse_qsl(parts.query, keep_blank_values=True))
        lowered = {k.lower(): v for k, v in headers.items()}
        with self._lock:
            reply = self._reply(method.upper(), parts.path, query, lowered, body)
            self.requests.append(
                LoggedRequest(method.upper(), parts.path, query, body, reply.status)
            )
        if self._knobs.latency:
            time.sleep(self._knobs.latency)
        out = (
            reply.raw
            if reply.raw is not None
            else json.dumps(reply.body, separators=(",", ":")).encode()
        )
        return (
            reply.status,
            {"content-type": "application/json; charset=UTF-8", **reply.headers},
            out,
        )

    def _reply(
        self, method: str, path: str, query: dict[str, str], headers: dict[str, str], body: bytes
    ) -> Reply:
        request = Request(method, path, query, headers, body, self)
        try:
            if path.startswith(OAUTH_PREFIX):
                from ._oauth import handle_oauth

                return handle_oauth(request)
            if not path.startswith(API_PREFIX + "/"):
                raise ApiError(404, f"No matching route for request: {method} {path}")
            request.path = path[len(API_PREFIX) :]
            request.user = self._authenticate(headers)
            self._inject(method, request.path)
            return dispatch(request)
        except ApiError as exc:
            return Reply(exc.status, {"errors": [_error(exc)], **exc.extra}, dict(exc.headers))
        except Exception as exc:  # a bug in a handler: answer like Asana's 500, don't drop
            error = ApiError(500, f"Server Error ({type(exc).__name__} in the fake: {exc})")
            return Reply(500, {"errors": [_error(error)]})

    def _authenticate(self, headers: dict[str, str]) -> Record:
        scheme, _, token = headers.get("authorization", "").partition(" ")
        gid = self.tokens.get(token) if scheme.lower() == "bearer" else None
        if self.token_expiry.get(token, float("inf")) <= self.clock():
            gid = None
        if gid is None or gid not in self.store.records:
            raise ApiError(401, "Not Authorized")
        return self.store.records[gid]

    def _inject(self, method: str, path: str) -> None:
        for failure in self._knobs.failures:
            if failure.times > 0 and failure.matches(method, path):
                failure.times -= 1
                headers = {}
                if failure.retry_after is not None:
                    headers["Retry-After"] = f"{failure.retry_after:g}"
                raise ApiError(failure.status, failure.message, headers=headers)
        self._knobs.failures = [f for f in self._knobs.failures if f.times > 0]

    # -- ways in -------------------------------------------------------------------------

    def transport(self) -> httpx.BaseTransport:
        """An httpx transport that answers in process (no sockets)."""
        from ._transport import FakeTransport

        return FakeTransport(self)

    def async_transport(self) -> httpx.AsyncBaseTransport:
        """The same, for ``httpx.AsyncClient``."""
        from ._transport import AsyncFakeTransport

        return AsyncFakeTransport(self)

    def client(self, user: Record | None = None, **options: Any) -> Client:
        """An ``asana_typed.Client`` on this fake, in process, authenticated as ``user``."""
        from ..client import Client

        token = self.token if user is None else self.token_for(user)
        http = httpx.Client(transport=self.transport())
        return Client.access_token(token, http_client=http, **options)

    @contextmanager
    def serve(self, host: str = "127.0.0.1", port: int = 0) -> Iterator[str]:
        """Serve over real HTTP on ``host:port`` (0: any free port); yields the API base URL."""
        from ._server import serve

        with serve(self, host, port) as origin:
            previous = self.base_url
            self.base_url = origin + API_PREFIX
            try:
                yield self.base_url
            finally:
                self.base_url = previous


def _error(exc: ApiError) -> dict[str, str]:
    error = {"message": exc.message}
    if exc.status >= 500:
        error["phrase"] = "6 sad squid snuggle softly"
    elif exc.status in (400, 401, 403, 404):
        error["help"] = (
            "For more information on API status codes and how to handle them, "
            "read the docs on errors: https://developers.asana.com/docs/errors"
        )
    return error


def _now_iso(seconds: float) -> str:
    return (
        time.strftime("%Y-%m-%dT%H:%M:%S", time.gmtime(seconds))
        + f".{int(seconds * 1000) % 1000:03d}Z"
    )
