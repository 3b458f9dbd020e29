"""Users: ``/users/me``, ``/users/{gid}``, ``/users``, ``/workspaces/{gid}/users``."""

from __future__ import annotations

from .._app import Reply, Request, many, one, route
from .._store import ApiError, Record, Ref
from ._common import user_for
from .workspaces import member_workspace


@route("GET", "/users/{user_gid}")
def get_user(request: Request, user_gid: str) -> Reply:
    user = user_for(request, user_gid, "user")
    if not _shares_a_workspace(request, user):
        raise ApiError(404, f"user: Unknown object: {user_gid}")
    return one(request, user)


def _shares_a_workspace(request: Request, user: Record) -> bool:
    """Asana shows people only to those who share a workspace with them."""
    assert request.user is not None
    return bool(set(request.user.get("workspaces", [])) & set(user.get("workspaces", [])))


@route("GET", "/users")
def get_users(request: Request) -> Reply:
    workspace = request.param("workspace")
    if workspace is not None:
        member_workspace(request, workspace)
    store = request.fake.store
    users = store.find(
        "user",
        lambda u: (
            _shares_a_workspace(request, u)
            and (workspace is None or Ref(workspace) in u.get("workspaces", []))
        ),
    )
    return many(request, users)


@route("GET", "/workspaces/{workspace_gid}/users")
def get_users_for_workspace(request: Request, workspace_gid: str) -> Reply:
    member_workspace(request, workspace_gid)
    users = request.fake.store.find("user", lambda u: Ref(workspace_gid) in u.get("workspaces", []))
    return many(request, users)
