"""Users: ``/users/me``, ``/users/{gid}``, ``/users``, ``/workspaces/{gid}/users``."""

from __future__ import annotations

from .._app import Reply, Request, many, one, route
from .._store import Ref


def _user(request: Request, user_gid: str) -> dict:  # type: ignore[type-arg]
    if user_gid == "me":
        assert request.user is not None
        return request.user
    return request.fake.store.get(user_gid, "user")


@route("GET", "/users/{user_gid}")
def get_user(request: Request, user_gid: str) -> Reply:
    return one(request, _user(request, user_gid))


@route("GET", "/users")
def get_users(request: Request) -> Reply:
    workspace = request.param("workspace")
    store = request.fake.store
    users = store.find(
        "user", lambda u: workspace is None or Ref(workspace) in u.get("workspaces", [])
    )
    return many(request, users)


@route("GET", "/workspaces/{workspace_gid}/users")
def get_users_for_workspace(request: Request, workspace_gid: str) -> Reply:
    store = request.fake.store
    store.get(workspace_gid, "workspace")
    users = store.find("user", lambda u: Ref(workspace_gid) in u.get("workspaces", []))
    return many(request, users)
