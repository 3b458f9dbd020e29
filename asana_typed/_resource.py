"""The base of every resource class (``client.tasks``, ``client.users``, ...)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TypeAlias, TypeVar

from ._base_client import BaseClient
from .models._base import AsanaObject

__all__ = ["M", "Projection", "Resource"]

M = TypeVar("M", bound=AsanaObject)

# ``fields=``/``expand=`` in an overload whose result is the projection class ``M``.
Projection: TypeAlias = Sequence[str] | type[M] | None


class Resource:
    """Groups the methods of one Asana resource; all state lives on the client."""

    __slots__ = ("_client",)

    def __init__(self, client: BaseClient) -> None:
        self._client = client

    def __repr__(self) -> str:
        return f"<{type(self).__name__}>"
