"""httpx transports that hand requests to a ``FakeAsana`` in the same process."""

from __future__ import annotations

from typing import TYPE_CHECKING

import httpx

if TYPE_CHECKING:
    from ._fake import FakeAsana

__all__ = ["AsyncFakeTransport", "FakeTransport"]


def _answer(fake: FakeAsana, request: httpx.Request, body: bytes) -> httpx.Response:
    status, headers, content = fake.handle(
        request.method, str(request.url), dict(request.headers), body
    )
    return httpx.Response(status, headers=headers, content=content, request=request)


class FakeTransport(httpx.BaseTransport):
    """For ``httpx.Client(transport=fake.transport())``."""

    def __init__(self, fake: FakeAsana) -> None:
        self.fake = fake

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        return _answer(self.fake, request, request.read())


class AsyncFakeTransport(httpx.AsyncBaseTransport):
    """For ``httpx.AsyncClient(transport=fake.async_transport())``."""

    def __init__(self, fake: FakeAsana) -> None:
        self.fake = fake

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        return _answer(self.fake, request, await request.aread())
