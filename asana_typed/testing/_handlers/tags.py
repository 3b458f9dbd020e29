"""Tags: ``/tags``, ``/tags/{gid}``, ``/workspaces/{gid}/tags`` (a task's tags: task_links.py).

The tasks of a tag are listed in ``tasks.py`` (``GET /tags/{gid}/tasks``).
"""

from __future__ import annotations

from typing import Any

from .._app import Reply, Request, empty, many, one, route
from .._store import Record, Ref
from ._common import choice, gid, gid_list, now_iso, require_workspace, text, users_for
from .task_records import require_visible

__all__: list[str] = []

COLORS = tuple(
    f"{shade}-{hue}"
    for shade in ("dark", "light")
    for hue in ("pink", "green", "blue", "red", "teal", "brown", "orange", "purple", "warm-gray")
)


def _event(
    request: Request, tag: Record, action: str, change: dict[str, Any] | None = None
) -> None:
    """Record an event on a tag for its subscribers and its workspace's."""
    request.fake.record_event(
        tag,
        action,
        targets=[tag["gid"], tag["workspace"].gid],
        user=request.user,
        change=change,
    )


def _create(request: Request, data: dict[str, Any], workspace_gid: str | None) -> Reply:
    """A new tag (201); the creator follows it."""
    store = request.fake.store
    workspace = store.get(workspace_gid or gid(data, "workspace", required=True) or "", "workspace")
    require_workspace(request, workspace)
    name = text(data, "name", required=True)
    color = choice(data, "color", COLORS, nullable=True)
    notes = text(data, "notes") or ""
    followers = users_for(request, gid_list(data, "followers"), "followers")
    if request.user is not None and request.user not in followers:
        followers.insert(0, request.user)
    tag = store.add(
        "tag",
        name=name,
        color=color,
        notes=notes,
        created_at=now_iso(request.fake),
        followers=[Ref(u["gid"]) for u in followers],
        workspace=Ref(workspace["gid"]),
        permalink_url="",
    )
    tag["permalink_url"] = f"https://app.asana.com/0/resource/{tag['gid']}/list"
    _event(request, tag, "added")
    return one(request, tag, 201)


@route("POST", "/tags")
def create_tag(request: Request) -> Reply:
    """A tag in ``workspace`` (required), named ``name``."""
    return _create(request, request.data(), None)


@route("POST", "/workspaces/{workspace_gid}/tags")
def create_tag_for_workspace(request: Request, workspace_gid: str) -> Reply:
    """A tag in the workspace of the path."""
    return _create(request, request.data(), workspace_gid)


def _in_workspaces(request: Request, workspace_gids: set[Ref]) -> Reply:
    """The tags of the given workspaces, in creation order."""
    tags = request.fake.store.find("tag", lambda t: t["workspace"] in workspace_gids)
    return many(request, tags)


@route("GET", "/tags")
def get_tags(request: Request) -> Reply:
    """Tags of ``workspace``, else of every workspace of the caller."""
    workspace = request.param("workspace")
    if workspace is not None:
        require_workspace(request, request.fake.store.get(workspace, "workspace"))
        return _in_workspaces(request, {Ref(workspace)})
    mine = set(request.user.get("workspaces", [])) if request.user else set()
    return _in_workspaces(request, mine)


@route("GET", "/workspaces/{workspace_gid}/tags")
def get_tags_for_workspace(request: Request, workspace_gid: str) -> Reply:
    """The tags of a workspace the caller belongs to."""
    require_workspace(request, request.fake.store.get(workspace_gid, "workspace"))
    return _in_workspaces(request, {Ref(workspace_gid)})


def _tag(request: Request, tag_gid: str) -> Record:
    """The tag (404) if the caller belongs to its workspace (403)."""
    return require_visible(request, request.fake.store.get(tag_gid, "tag"))


@route("GET", "/tags/{tag_gid}")
def get_tag(request: Request, tag_gid: str) -> Reply:
    return one(request, _tag(request, tag_gid))


@route("PUT", "/tags/{tag_gid}")
def update_tag(request: Request, tag_gid: str) -> Reply:
    """Change ``name``, ``color`` or ``notes``; each change is a ``changed`` event."""
    tag = _tag(request, tag_gid)
    data = request.data()
    staged: dict[str, Any] = {}
    if "name" in data:
        staged["name"] = text(data, "name", required=True)
    if "color" in data:
        staged["color"] = choice(data, "color", COLORS, nullable=True)
    if "notes" in data:
        staged["notes"] = text(data, "notes") or ""
    for field, value in staged.items():
        if tag[field] != value:
            tag[field] = value
            _event(
                request, tag, "changed", {"field": field, "action": "changed", "new_value": value}
            )
    return one(request, tag)


@route("DELETE", "/tags/{tag_gid}")
def delete_tag(request: Request, tag_gid: str) -> Reply:
    """Delete a tag; the tasks that had it lose it."""
    store = request.fake.store
    tag = _tag(request, tag_gid)
    ref = Ref(tag_gid)
    for task in store.find("task", lambda t: ref in t.get("tags", [])):
        task["tags"].remove(ref)
    _event(request, tag, "deleted")
    store.delete(tag_gid)
    return empty()
