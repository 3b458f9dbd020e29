"""``Client``: constructors, options and the resource attributes (``client.tasks``, ...)."""

from __future__ import annotations

import functools
import time
from collections.abc import Callable
from typing import TYPE_CHECKING

import httpx
from typing_extensions import Self, Unpack

from ._auth import TokenAuth
from ._base_client import BaseClient
from ._options import ClientOptions
from ._retry import RetryPolicy

if TYPE_CHECKING:
    from .api.projects import Projects
    from .api.tasks import Tasks
    from .api.users import Users
    from .api.workspaces import Workspaces

__all__ = ["Client"]


class Client(BaseClient):
    """A synchronous Asana client.

    ``Client.DEFAULTS`` holds options for every client, ``client.options`` for this one,
    and keyword arguments of a call win over both.
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

    # Resources are imported on first use, so ``import asana_typed`` stays cheap.

    @functools.cached_property
    def projects(self) -> Projects:
        """Projects: ``create_in_workspace``, ``find_by_id``, ``find_all``, ``update``, ..."""
        from .api.projects import Projects

        return Projects(self)

    @functools.cached_property
    def tasks(self) -> Tasks:
        """Tasks: ``find_all``, ``find_by_id``, ``find_by_project``, ``create_in_workspace``, ..."""
        from .api.tasks import Tasks

        return Tasks(self)

    @functools.cached_property
    def users(self) -> Users:
        """Users: ``me``, ``find_by_id``, ``find_all``, ``find_by_workspace``."""
        from .api.users import Users

        return Users(self)

    @functools.cached_property
    def workspaces(self) -> Workspaces:
        """Workspaces: ``find_all``, ``find_by_id``."""
        from .api.workspaces import Workspaces

        return Workspaces(self)
