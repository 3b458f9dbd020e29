"""Sections: list and create in a project, read, rename, delete, reorder, and move tasks in.

A project's section order is its hidden ``_sections`` (gids); a task's section is in its
``memberships``. ``GET /sections/{gid}/tasks`` lives with the task handlers.
"""

from __future__ import annotations

from typing import Any

from .._app import Reply, Request, empty, many, one, route
from .._store import ApiError, Record, Ref
from ._common import gid, live, place, required_gid, text
from .project_records import add_section, require_project
from .task_links import join_project
from .task_records import UNSET


def _section(request: Request, section_gid: str) -> tuple[Record, Record]:
    """The section (404) and its project, if the caller may see it (403)."""
    section = request.fake.store.get(section_gid, "section")
    return section, require_project(request, section["project"].gid)


def _sibling(project: Record, data: dict[str, Any], name: str) -> str | None:
    """A section of ``project`` named by ``name`` in the body (400 if it is not one)."""
    value = gid(data, name)
    if value is not None and value not in project["_sections"]:
        raise ApiError(400, f"{name}: {value} is not a section of project {project['gid']}")
    return value


def _one_anchor(
    project: Record, data: dict[str, Any], before: str, after: str
) -> tuple[str | None, str | None]:
    """``(before, after)`` section gids; at most one may be given."""
    anchors = _sibling(project, data, before), _sibling(project, data, after)
    if None not in anchors:
        raise ApiError(400, f"You may only provide one of {before} or {after}")
    return anchors


def _tell(
    request: Request,
    section: Record,
    project: Record,
    action: str,
    change: dict[str, Any] | None = None,
) -> None:
    """Record a section event for the section's and the project's subscribers."""
    request.fake.record_event(
        section,
        action,
        targets=[section["gid"], project["gid"]],
        user=request.user,
        parent=project if action in ("added", "removed") else None,
        change=change,
    )


@route("GET", "/projects/{project_gid}/sections")
def get_sections_for_project(request: Request, project_gid: str) -> Reply:
    project = require_project(request, project_gid)
    return many(request, live(request.fake.store, project["_sections"]))


@route("POST", "/projects/{project_gid}/sections")
def create_section_for_project(request: Request, project_gid: str) -> Reply:
    """A new section, last unless insert_before/insert_after."""
    data = request.data()
    name = text(data, "name", required=True)
    assert name is not None
    project = require_project(request, project_gid)
    before, after = _one_anchor(project, data, "insert_before", "insert_after")
    section = add_section(request, project, name, before=before, after=after)
    return one(request, section, 201)


@route("GET", "/sections/{section_gid}")
def get_section(request: Request, section_gid: str) -> Reply:
    return one(request, _section(request, section_gid)[0])


@route("PUT", "/sections/{section_gid}")
def update_section(request: Request, section_gid: str) -> Reply:
    """Rename (and, leniently, move with insert_before/insert_after)."""
    data = request.data()
    section, project = _section(request, section_gid)
    before, after = _one_anchor(project, data, "insert_before", "insert_after")
    if "name" in data or (before is None and after is None):
        name = text(data, "name", required=True)
        if name != section["name"]:
            section["name"] = name
            _tell(request, section, project, "changed", {"field": "name", "action": "changed"})
    if before is not None or after is not None:
        place(project["_sections"], section_gid, before=before, after=after)
    return one(request, section)


@route("DELETE", "/sections/{section_gid}")
def delete_section(request: Request, section_gid: str) -> Reply:
    """Only an empty section, and never a project's last one."""
    section, project = _section(request, section_gid)
    store = request.fake.store
    ref = Ref(section_gid)
    if store.find("task", lambda t: any(m.get("section") == ref for m in t.get("memberships", []))):
        raise ApiError(400, "Sections must be empty to be deleted")
    if len(live(store, project["_sections"])) <= 1:
        raise ApiError(400, "The last remaining section of a project cannot be deleted")
    project["_sections"].remove(section_gid)
    store.delete(section_gid)
    _tell(request, section, project, "deleted")
    return empty()


@route("POST", "/projects/{project_gid}/sections/insert")
def insert_section_for_project(request: Request, project_gid: str) -> Reply:
    """Move a section before or after another of the same project."""
    data = request.data()
    project = require_project(request, project_gid)
    section_gid = required_gid(data, "section")
    request.fake.store.get(section_gid, "section")
    if section_gid not in project["_sections"]:
        raise ApiError(400, "section: Sections cannot be moved between projects")
    before, after = _one_anchor(project, data, "before_section", "after_section")
    if before is None and after is None:
        raise ApiError(400, "One of before_section or after_section is required")
    if section_gid not in (before, after):
        place(project["_sections"], section_gid, before=before, after=after)
    return empty()


@route("POST", "/sections/{section_gid}/addTask")
def add_task_for_section(request: Request, section_gid: str) -> Reply:
    """Move a task into the section (and project): at the top, unless anchored."""
    data = request.data()
    section, project = _section(request, section_gid)
    task = request.fake.store.get(required_gid(data, "task"), "task")
    if task.get("resource_subtype") == "section":
        raise ApiError(400, "task: Separators cannot be added to a section")
    before = gid(data, "insert_before") if data.get("insert_before") is not None else UNSET
    after = gid(data, "insert_after") if data.get("insert_after") is not None else UNSET
    if before is not UNSET and after is not UNSET:
        raise ApiError(400, "You may only provide one of insert_before or insert_after")
    if before is UNSET and after is UNSET:
        after = None  # no anchor: the top of the section, as Asana puts it
    join_project(request, task, project, section=section, before=before, after=after)
    return empty()
