"""Users: ``client.users``."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Literal, TypedDict, overload

from typing_extensions import Unpack

from .._options import CallOptions, ClientOptions
from .._request import path_arg
from .._resource import M, Projection, Resource
from ..models import Envelope, User

__all__ = ["GetUserParams", "GetUsersForWorkspaceParams", "GetUsersParams", "Users"]


class GetUserParams(TypedDict, total=False):
    """Query parameters of ``get_user``."""

    workspace: str


class GetUsersParams(TypedDict, total=False):
    """Query parameters of ``get_users``: filter by ``workspace`` or ``team``."""

    workspace: str
    team: str


class GetUsersForWorkspaceParams(TypedDict, total=False):
    """Query parameters of ``get_users_for_workspace`` (none besides options)."""


class Users(Resource):
    """Asana users: the people of workspaces and organizations."""

    # -- GET /users/{user_gid} ----------------------------------------------------------

    @overload
    def get_user(
        self,
        user_gid: str,
        params: GetUserParams | None = None,
        *,
        fields: Sequence[str] | None = None,
        expand: Sequence[str] | None = None,
        full_payload: Literal[False] = False,
        **options: Unpack[CallOptions],
    ) -> User: ...
    @overload
    def get_user(
        self,
        user_gid: str,
        params: GetUserParams | None = None,
        *,
        fields: Projection[M] = None,
        expand: Projection[M] = None,
        full_payload: Literal[False] = False,
        **options: Unpack[CallOptions],
    ) -> M: ...
    @overload
    def get_user(
        self,
        user_gid: str,
        params: GetUserParams | None = None,
        *,
        fields: Sequence[str] | None = None,
        expand: Sequence[str] | None = None,
        full_payload: Literal[True],
        **options: Unpack[CallOptions],
    ) -> Envelope[User]: ...
    @overload
    def get_user(
        self,
        user_gid: str,
        params: GetUserParams | None = None,
        *,
        fields: Projection[M] = None,
        expand: Projection[M] = None,
        full_payload: Literal[True],
        **options: Unpack[CallOptions],
    ) -> Envelope[M]: ...
    def get_user(
        self, user_gid: str, params: GetUserParams | None = None, **options: Unpack[ClientOptions]
    ) -> object:
        """Get a user by gid, email address, or ``"me"``."""
        path = f"/users/{path_arg('user_gid', user_gid)}"
        return self._client._single("GET", path, params, User, options)

    find_by_id = get_user

    # -- GET /users/me (the old client's shortcut) ---------------------------------------

    @overload
    def me(
        self,
        params: GetUserParams | None = None,
        *,
        fields: Sequence[str] | None = None,
        expand: Sequence[str] | None = None,
        full_payload: Literal[False] = False,
        **options: Unpack[CallOptions],
    ) -> User: ...
    @overload
    def me(
        self,
        params: GetUserParams | None = None,
        *,
        fields: Projection[M] = None,
        expand: Projection[M] = None,
        full_payload: Literal[False] = False,
        **options: Unpack[CallOptions],
    ) -> M: ...
    @overload
    def me(
        self,
        params: GetUserParams | None = None,
        *,
        fields: Sequence[str] | None = None,
        expand: Sequence[str] | None = None,
        full_payload: Literal[True],
        **options: Unpack[CallOptions],
    ) -> Envelope[User]: ...
    @overload
    def me(
        self,
        params: GetUserParams | None = None,
        *,
        fields: Projection[M] = None,
        expand: Projection[M] = None,
        full_payload: Literal[True],
        **options: Unpack[CallOptions],
    ) -> Envelope[M]: ...
    def me(self, params: GetUserParams | None = None, **options: Unpack[ClientOptions]) -> object:
        """The user the credentials belong to."""
        return self._client._single("GET", "/users/me", params, User, options)

    # -- GET /users ------------------------------------------------------------------------

    @overload
    def get_users(
        self,
        params: GetUsersParams | None = None,
        *,
        fields: Sequence[str] | None = None,
        expand: Sequence[str] | None = None,
        iterator_type: Literal["items"] = "items",
        full_payload: bool = False,
        **options: Unpack[CallOptions],
    ) -> Iterator[User]: ...
    @overload
    def get_users(
        self,
        params: GetUsersParams | None = None,
        *,
        fields: Projection[M] = None,
        expand: Projection[M] = None,
        iterator_type: Literal["items"] = "items",
        full_payload: bool = False,
        **options: Unpack[CallOptions],
    ) -> Iterator[M]: ...
    @overload
    def get_users(
        self,
        params: GetUsersParams | None = None,
        *,
        fields: Sequence[str] | None = None,
        expand: Sequence[str] | None = None,
        iterator_type: None,
        full_payload: Literal[False] = False,
        **options: Unpack[CallOptions],
    ) -> list[User]: ...
    @overload
    def get_users(
        self,
        params: GetUsersParams | None = None,
        *,
        fields: Projection[M] = None,
        expand: Projection[M] = None,
        iterator_type: None,
        full_payload: Literal[False] = False,
        **options: Unpack[CallOptions],
    ) -> list[M]: ...
    @overload
    def get_users(
        self,
        params: GetUsersParams | None = None,
        *,
        fields: Sequence[str] | None = None,
        expand: Sequence[str] | None = None,
        iterator_type: None,
        full_payload: Literal[True],
        **options: Unpack[CallOptions],
    ) -> Envelope[list[User]]: ...
    @overload
    def get_users(
        self,
        params: GetUsersParams | None = None,
        *,
        fields: Projection[M] = None,
        expand: Projection[M] = None,
        iterator_type: None,
        full_payload: Literal[True],
        **options: Unpack[CallOptions],
    ) -> Envelope[list[M]]: ...
    def get_users(
        self, params: GetUsersParams | None = None, **options: Unpack[ClientOptions]
    ) -> object:
        """Users in a workspace or team the credentials can see."""
        return self._client._collection("/users", params, User, options)

    find_all = get_users

    @overload
    def get_users_for_workspace(
        self,
        workspace_gid: str,
        params: GetUsersForWorkspaceParams | None = None,
        *,
        fields: Sequence[str] | None = None,
        expand: Sequence[str] | None = None,
        iterator_type: Literal["items"] = "items",
        full_payload: bool = False,
        **options: Unpack[CallOptions],
    ) -> Iterator[User]: ...
    @overload
    def get_users_for_workspace(
        self,
        workspace_gid: str,
        params: GetUsersForWorkspaceParams | None = None,
        *,
        fields: Projection[M] = None,
        expand: Projection[M] = None,
        iterator_type: Literal["items"] = "items",
        full_payload: bool = False,
        **options: Unpack[CallOptions],
    ) -> Iterator[M]: ...
    @overload
    def get_users_for_workspace(
        self,
        workspace_gid: str,
        params: GetUsersForWorkspaceParams | None = None,
        *,
        fields: Sequence[str] | None = None,
        expand: Sequence[str] | None = None,
        iterator_type: None,
        full_payload: Literal[False] = False,
        **options: Unpack[CallOptions],
    ) -> list[User]: ...
    @overload
    def get_users_for_workspace(
        self,
        workspace_gid: str,
        params: GetUsersForWorkspaceParams | None = None,
        *,
        fields: Projection[M] = None,
        expand: Projection[M] = None,
        iterator_type: None,
        full_payload: Literal[False] = False,
        **options: Unpack[CallOptions],
    ) -> list[M]: ...
    @overload
    def get_users_for_workspace(
        self,
        workspace_gid: str,
        params: GetUsersForWorkspaceParams | None = None,
        *,
        fields: Sequence[str] | None = None,
        expand: Sequence[str] | None = None,
        iterator_type: None,
        full_payload: Literal[True],
        **options: Unpack[CallOptions],
    ) -> Envelope[list[User]]: ...
    @overload
    def get_users_for_workspace(
        self,
        workspace_gid: str,
        params: GetUsersForWorkspaceParams | None = None,
        *,
        fields: Projection[M] = None,
        expand: Projection[M] = None,
        iterator_type: None,
        full_payload: Literal[True],
        **options: Unpack[CallOptions],
    ) -> Envelope[list[M]]: ...
    def get_users_for_workspace(
        self,
        workspace_gid: str,
        params: GetUsersForWorkspaceParams | None = None,
        **options: Unpack[ClientOptions],
    ) -> object:
        """Users in a workspace or organization."""
        path = f"/workspaces/{path_arg('workspace_gid', workspace_gid)}/users"
        return self._client._collection(path, params, User, options)

    find_by_workspace = get_users_for_workspace
