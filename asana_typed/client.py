"""``Client``: constructors and options; the resource attributes come from ``Resources``."""

from __future__ import annotations

import time
from collections.abc import Callable

import httpx
from typing_extensions import Self, Unpack

from ._auth import TokenAuth
from ._options import ClientOptions
from ._retry import RetryPolicy
from .api._resources import Resources

__all__ = ["Client"]


class Client(Resources):
    """A synchronous Asana client.

    ``Client.DEFAULTS`` holds options for every client, ``client.options`` for this one,
    and keyword arguments of a call win over both. Each resource (``client.tasks``,
    ``client.users``, ...) is a generated attribute of :class:`Resources`, imported on
    first use so ``import asana_typed`` stays cheap.
    """

    @classmethod
    def access_token(
        cls,
        token: str,
        *,
        http_client: httpx.Client | None = None,
        sleep: Callable[[float], None] = time.sleep,
        retry_policy: RetryPolicy | None = None,
        **options: Unpack[ClientOptions],
    ) -> Self:
        """A client that authenticates with a personal access token (or an OAuth access token)."""
        return cls(
            TokenAuth(token),
            http_client=http_client,
            sleep=sleep,
            retry_policy=retry_policy,
            **options,
        )
