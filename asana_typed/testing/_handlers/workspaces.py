"""Workspaces: ``/workspaces``, ``/workspaces/{gid}``."""

from __future__ import annotations

from .._app import Reply, Request, many, one, route
from .._store import Record, Ref
from ._common import require_workspace


def member_workspace(request: Request, workspace_gid: str) -> Record:
    """The workspace, if the caller belongs to it; Asana answers 403 otherwise."""
    workspace = request.fake.store.get(workspace_gid, "workspace")
    require_workspace(request, workspace)
    return workspace


@route("GET", "/workspaces")
def get_workspaces(request: Request) -> Reply:
    assert request.user is not None
    mine = set(request.user.get("workspaces", []))
    return many(request, request.fake.store.find("workspace", lambda w: Ref(w["gid"]) in mine))


@route("GET", "/workspaces/{workspace_gid}")
def get_workspace(request: Request, workspace_gid: str) -> Reply:
    return one(request, member_workspace(request, workspace_gid))
