"""Users: ``/users/me``, ``/users/{gid}``, ``/users``, ``/workspaces/{gid}/users``."""

from __future__ import annotations

from .._app import Reply, Request, many, one, route
from .._store import Ref
from ._common import user_for
from .workspaces import member_workspace


@route("GET", "/users/{user_gid}")
def get_user(request: Request, user_gid: str) -> Reply:
    return one(request, user_for(request, user_gid, "user"))


@route("GET", "/users")
def get_users(request: Request) -> Reply:
    workspace = request.param("workspace")
    if workspace is not None:
        member_workspace(request, workspace)
    store = request.fake.store
    users = store.find(
        "user", lambda u: workspace is None or Ref(workspace) in u.get("workspaces", [])
    )
    return many(request, users)


@route("GET", "/workspaces/{workspace_gid}/users")
def get_users_for_workspace(request: Request, workspace_gid: str) -> Reply:
    member_workspace(request, workspace_gid)
    users = request.fake.store.find("user", lambda u: Ref(workspace_gid) in u.get("workspaces", []))
    return many(request, users)
