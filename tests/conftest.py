"""Shared fixtures: a scripted Asana behind ``httpx.MockTransport``; no network at all."""

from __future__ import annotations

import json
from collections import deque
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

import httpx
import pytest
from typing_extensions import Unpack

import asana_typed as asana
from asana_typed.testing import FakeAsana
from tests.fake_helpers import _no_sleep
from tests.fake_spec_world import World

Handler = Callable[[httpx.Request], httpx.Response]


@dataclass
class ScriptedAsana:
    """Answers requests from a queue (or a handler) and records what it was sent."""

    requests: list[httpx.Request] = field(default_factory=list)
    sleeps: list[float] = field(default_factory=list)
    _queue: deque[httpx.Response | Exception | Handler] = field(default_factory=deque)

    def reply(
        self,
        status: int = 200,
        json_body: object = None,
        *,
        content: bytes | None = None,
        headers: dict[str, str] | None = None,
    ) -> None:
        """Queue one response; ``json_body`` is serialized, ``content`` sent as is."""
        if content is None:
            content = json.dumps(json_body).encode()
            headers = {"content-type": "application/json", **(headers or {})}
        self._queue.append(httpx.Response(status, content=content, headers=headers))

    def data(self, data: object, **extra: object) -> None:
        """Queue a 200 with ``{"data": data, **extra}``."""
        self.reply(200, {"data": data, **extra})

    def fail(self, exc: Exception) -> None:
        """Queue a transport exception (timeout, connection error) instead of a response."""
        self._queue.append(exc)

    def handle(self, handler: Handler) -> None:
        """Queue a function that builds the response from the request."""
        self._queue.append(handler)

    def __call__(self, request: httpx.Request) -> httpx.Response:
        request.read()
        self.requests.append(request)
        if not self._queue:
            raise AssertionError(f"unexpected request: {request.method} {request.url}")
        item = self._queue.popleft()
        if isinstance(item, Exception):
            raise item
        if isinstance(item, httpx.Response):
            return item
        return item(request)

    @property
    def pending(self) -> int:
        """Responses queued but not yet used."""
        return len(self._queue)

    def client(self, **options: Unpack[asana.ClientOptions]) -> asana.Client:
        """A client on this fake, with a recording sleep instead of ``time.sleep``."""
        http = httpx.Client(transport=httpx.MockTransport(self))
        return asana.Client.access_token(
            "0/secret-token-value",
            http_client=http,
            sleep=self.sleeps.append,
            **options,
        )

    @property
    def last(self) -> httpx.Request:
        return self.requests[-1]

    def last_json(self) -> object:
        return json.loads(self.requests[-1].content)


@pytest.fixture
def api() -> ScriptedAsana:
    return ScriptedAsana()


@pytest.fixture(autouse=True)
def _clean_defaults() -> Iterator[None]:
    """``Client.DEFAULTS`` is global: every test starts and ends with it empty."""
    saved = asana.Client.DEFAULTS
    asana.Client.DEFAULTS = {}
    yield
    asana.Client.DEFAULTS = saved


START = 1_750_000_000.0  # 2025-06-15T15:06:40Z


class Clock:
    """A clock the test moves by hand (for FakeAsana's token expiry)."""

    def __init__(self, now: float = START) -> None:
        self.now = now

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def fake(clock: Clock) -> FakeAsana:
    return FakeAsana(clock=clock)


@pytest.fixture
def client(fake: FakeAsana) -> Iterator[asana.Client]:
    with fake.client(sleep=_no_sleep) as sdk:
        yield sdk


@pytest.fixture
def ws(fake: FakeAsana) -> str:
    gid: str = fake.workspace["gid"]
    return gid


@pytest.fixture
def me(fake: FakeAsana) -> str:
    gid: str = fake.me["gid"]
    return gid


@pytest.fixture
def world() -> Iterator[World]:
    made = World()
    yield made
    made.close()
