"""Workspaces and organizations: ``client.workspaces``."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Literal, TypedDict, overload

from typing_extensions import Unpack

from .._options import CallOptions, ClientOptions
from .._request import path_arg
from .._resource import M, Projection, Resource
from ..models import Envelope, Workspace

__all__ = ["GetWorkspaceParams", "GetWorkspacesParams", "Workspaces"]


class GetWorkspacesParams(TypedDict, total=False):
    """Query parameters of ``get_workspaces`` (none besides options)."""


class GetWorkspaceParams(TypedDict, total=False):
    """Query parameters of ``get_workspace`` (none besides options)."""


class Workspaces(Resource):
    """Workspaces and organizations the credentials can see."""

    @overload
    def get_workspaces(
        self,
        params: GetWorkspacesParams | None = None,
        *,
        fields: Sequence[str] | None = None,
        expand: Sequence[str] | None = None,
        iterator_type: Literal["items"] = "items",
        full_payload: bool = False,
        **options: Unpack[CallOptions],
    ) -> Iterator[Workspace]: ...
    @overload
    def get_workspaces(
        self,
        params: GetWorkspacesParams | None = None,
        *,
        fields: Projection[M] = None,
        expand: Projection[M] = None,
        iterator_type: Literal["items"] = "items",
        full_payload: bool = False,
        **options: Unpack[CallOptions],
    ) -> Iterator[M]: ...
    @overload
    def get_workspaces(
        self,
        params: GetWorkspacesParams | None = None,
        *,
        fields: Sequence[str] | None = None,
        expand: Sequence[str] | None = None,
        iterator_type: None,
        full_payload: Literal[False] = False,
        **options: Unpack[CallOptions],
    ) -> list[Workspace]: ...
    @overload
    def get_workspaces(
        self,
        params: GetWorkspacesParams | None = None,
        *,
        fields: Projection[M] = None,
        expand: Projection[M] = None,
        iterator_type: None,
        full_payload: Literal[False] = False,
        **options: Unpack[CallOptions],
    ) -> list[M]: ...
    @overload
    def get_workspaces(
        self,
        params: GetWorkspacesParams | None = None,
        *,
        fields: Sequence[str] | None = None,
        expand: Sequence[str] | None = None,
        iterator_type: None,
        full_payload: Literal[True],
        **options: Unpack[CallOptions],
    ) -> Envelope[list[Workspace]]: ...
    @overload
    def get_workspaces(
        self,
        params: GetWorkspacesParams | None = None,
        *,
        fields: Projection[M] = None,
        expand: Projection[M] = None,
        iterator_type: None,
        full_payload: Literal[True],
        **options: Unpack[CallOptions],
    ) -> Envelope[list[M]]: ...
    def get_workspaces(
        self, params: GetWorkspacesParams | None = None, **options: Unpack[ClientOptions]
    ) -> object:
        """Workspaces visible to the authorized user."""
        path = "/workspaces"
        return self._client._collection(path, params, Workspace, options)

    find_all = get_workspaces

    @overload
    def get_workspace(
        self,
        workspace_gid: str,
        params: GetWorkspaceParams | None = None,
        *,
        fields: Sequence[str] | None = None,
        expand: Sequence[str] | None = None,
        full_payload: Literal[False] = False,
        **options: Unpack[CallOptions],
    ) -> Workspace: ...
    @overload
    def get_workspace(
        self,
        workspace_gid: str,
        params: GetWorkspaceParams | None = None,
        *,
        fields: Projection[M] = None,
        expand: Projection[M] = None,
        full_payload: Literal[False] = False,
        **options: Unpack[CallOptions],
    ) -> M: ...
    @overload
    def get_workspace(
        self,
        workspace_gid: str,
        params: GetWorkspaceParams | None = None,
        *,
        fields: Sequence[str] | None = None,
        expand: Sequence[str] | None = None,
        full_payload: Literal[True],
        **options: Unpack[CallOptions],
    ) -> Envelope[Workspace]: ...
    @overload
    def get_workspace(
        self,
        workspace_gid: str,
        params: GetWorkspaceParams | None = None,
        *,
        fields: Projection[M] = None,
        expand: Projection[M] = None,
        full_payload: Literal[True],
        **options: Unpack[CallOptions],
    ) -> Envelope[M]: ...
    def get_workspace(
        self,
        workspace_gid: str,
        params: GetWorkspaceParams | None = None,
        **options: Unpack[ClientOptions],
    ) -> object:
        """Get one workspace."""
        path = f"/workspaces/{path_arg('workspace_gid', workspace_gid)}"
        return self._client._single("GET", path, params, Workspace, options)

    find_by_id = get_workspace
