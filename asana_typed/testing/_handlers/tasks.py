"""Tasks: create, read, update, delete, and the lists of tasks (by project, section, tag, ...).

Links (projects, tags, parent, followers, dependencies) are in ``task_links.py``, search in
``task_search.py``, the record and its helpers in ``task_records.py``.
"""

from __future__ import annotations

from typing import Any

from .._app import Reply, Request, empty, route
from .._store import ApiError, Record, Ref
from ._common import gid, gid_list, require_workspace, user_for, users_for
from .project_records import require_project
from .stories import delete_stories_of
from .task_fields import READ_ONLY_ON_UPDATE, apply_fields, tell
from .task_links import join_project, join_tag, set_parent
from .task_records import (
    can_see_task,
    new_task,
    parse_time,
    project_tasks,
    recount_subtasks,
    reply_task,
    reply_tasks,
    require_task,
    require_visible,
    subtasks_of,
    targets,
    task_event,
    tasks_in,
)

__all__ = ["delete_task_record"]

WHICH_TASKS = (
    "Must specify exactly one of project, tag, section, user task list, or assignee + workspace"
)


# -- create ----------------------------------------------------------------------------------


def _create(request: Request, data: dict[str, Any], parent: Record | None) -> Record:
    """A task from a create body: in a workspace, projects and/or under a parent."""
    store = request.fake.store
    projects = [require_project(request, g) for g in gid_list(data, "projects")]
    if parent is None:
        parent_gid = gid(data, "parent")
        parent = require_task(request, parent_gid) if parent_gid else None
    workspace_gid = gid(data, "workspace")
    if workspace_gid is not None:
        workspace = store.get(workspace_gid, "workspace")
    elif projects or parent is not None:
        holder = projects[0] if projects else parent
        assert holder is not None
        workspace = store.get(holder["workspace"].gid, "workspace")
    else:
        raise ApiError(400, "You should specify one of workspace, parent, projects")
    require_workspace(request, workspace)
    tags = [require_visible(request, store.get(g, "tag")) for g in gid_list(data, "tags")]
    followers = users_for(request, gid_list(data, "followers"), "followers")
    task = new_task(request, workspace, request.user)
    try:
        apply_fields(request, task, data)
        for other in [*projects, *tags, *([parent] if parent else [])]:
            if other.get("workspace") not in (None, task["workspace"]):
                raise ApiError(400, f"{other['gid']} is in a different workspace than the task")
    except ApiError:
        store.delete(task["gid"])
        raise
    for user in followers:
        if Ref(user["gid"]) not in task["followers"]:
            task["followers"].append(Ref(user["gid"]))
    for project in projects:
        join_project(request, task, project, quiet=True)
    for tag in tags:
        join_tag(request, task, tag, quiet=True)
    if parent is not None:
        set_parent(request, task, parent, quiet=True)
    if not projects and not tags and parent is None:
        task_event(request, task, "added")
    return task


@route("POST", "/tasks")
def create_task(request: Request) -> Reply:
    """Needs ``workspace``, ``projects`` or ``parent``; the workspace follows from them."""
    return reply_task(request, _create(request, request.data(), None), 201)


@route("POST", "/tasks/{task_gid}/subtasks")
def create_subtask_for_task(request: Request, task_gid: str) -> Reply:
    """A new task under ``task_gid`` (its workspace is the parent's)."""
    parent = require_task(request, task_gid)
    return reply_task(request, _create(request, request.data(), parent), 201)


# -- read, update, delete --------------------------------------------------------------------


@route("GET", "/tasks/{task_gid}")
def get_task(request: Request, task_gid: str) -> Reply:
    return reply_task(request, require_task(request, task_gid))


@route("PUT", "/tasks/{task_gid}")
def update_task(request: Request, task_gid: str) -> Reply:
    """Change fields; each change leaves a system story and a ``changed`` event."""
    task = require_task(request, task_gid)
    data = request.data()
    for key in READ_ONLY_ON_UPDATE:
        if key == "workspace" and gid(data, key) in (None, task["workspace"].gid):
            continue
        if key in data:
            raise ApiError(400, f"{key}: Cannot write this property with PUT; see its endpoints")
    tell(request, task, apply_fields(request, task, data))
    return reply_task(request, task)


def delete_task_record(request: Request, task: Record) -> None:
    """Delete ``task`` with its subtasks, stories and attachments; ``deleted`` events."""
    store = request.fake.store
    for sub in subtasks_of(store, task):
        delete_task_record(request, sub)
    request.fake.record_event(task, "deleted", targets=targets(store, task), user=request.user)
    me = Ref(task["gid"])
    for other in store.find("task", lambda t: me in t["dependencies"] or me in t["dependents"]):
        other["dependencies"] = [r for r in other["dependencies"] if r != me]
        other["dependents"] = [r for r in other["dependents"] if r != me]
    delete_stories_of(request, task)
    for attachment in store.find("attachment", lambda a: a.get("parent") == me):
        store.delete(attachment["gid"])
    store.delete(task["gid"])
    parent = task.get("parent")
    recount_subtasks(store, store.records.get(parent.gid) if isinstance(parent, Ref) else None)


@route("DELETE", "/tasks/{task_gid}")
def delete_task(request: Request, task_gid: str) -> Reply:
    """Delete a task, its subtasks, stories and attachments."""
    delete_task_record(request, require_task(request, task_gid))
    return empty()


# -- lists -----------------------------------------------------------------------------------


def _since(request: Request, tasks: list[Record]) -> list[Record]:
    """``completed_since`` (incomplete, or completed since; ``now``) and ``modified_since``."""
    completed = request.param("completed_since")
    if completed == "now":
        tasks = [t for t in tasks if not t["completed"]]
    elif completed:
        cutoff = parse_time(completed, "completed_since")
        tasks = [
            t
            for t in tasks
            if not t["completed"] or parse_time(t["completed_at"], "completed_at") >= cutoff
        ]
    modified = request.param("modified_since")
    if modified:
        cutoff = parse_time(modified, "modified_since")
        tasks = [t for t in tasks if parse_time(t["modified_at"], "modified_at") >= cutoff]
    return tasks


@route("GET", "/tasks")
def get_tasks(request: Request) -> Reply:
    """By ``project``, ``section``, ``tag``, or ``assignee`` + ``workspace``."""
    store = request.fake.store
    chosen = [k for k in ("project", "section", "tag", "assignee") if request.param(k)]
    workspace = request.param("workspace")
    if len(chosen) != 1 or (chosen == ["assignee"] and not workspace):
        raise ApiError(400, WHICH_TASKS)
    value = request.param(chosen[0]) or ""
    if chosen == ["project"]:
        tasks = project_tasks(store, require_project(request, value))
    elif chosen == ["section"]:
        tasks = _section(request, value)
    elif chosen == ["tag"]:
        tasks = _tagged(request, value)
    else:
        user = Ref(user_for(request, value, "assignee")["gid"])
        space = store.get(workspace or "", "workspace")
        require_workspace(request, space)
        ref = Ref(space["gid"])
        tasks = store.find("task", lambda t: t["assignee"] == user and t["workspace"] == ref)
    tasks = [t for t in tasks if can_see_task(store, t, request.user)]
    return reply_tasks(request, _since(request, tasks))


@route("GET", "/projects/{project_gid}/tasks")
def get_tasks_for_project(request: Request, project_gid: str) -> Reply:
    """The project's tasks in list order (section by section)."""
    project = require_project(request, project_gid)
    return reply_tasks(request, _since(request, project_tasks(request.fake.store, project)))


def _section(request: Request, section_gid: str) -> list[Record]:
    """The tasks in a section, in their project's order (403 if the project is hidden)."""
    store = request.fake.store
    section = store.get(section_gid, "section")
    ref = Ref(section_gid)
    in_section = [
        t
        for t in project_tasks(store, require_project(request, section["project"].gid))
        if any(m.get("section") == ref for m in t["memberships"])
    ]
    return in_section


@route("GET", "/sections/{section_gid}/tasks")
def get_tasks_for_section(request: Request, section_gid: str) -> Reply:
    """The section's tasks, in order; ``completed_since`` applies."""
    return reply_tasks(request, _since(request, _section(request, section_gid)))


def _tagged(request: Request, tag_gid: str) -> list[Record]:
    """The tasks with a tag that the caller may see, in the order they were tagged."""
    store = request.fake.store
    tag = require_visible(request, store.get(tag_gid, "tag"))
    ref = Ref(tag_gid)
    tagged = tasks_in(store, tag, lambda t: ref in t["tags"])
    return [t for t in tagged if can_see_task(store, t, request.user)]


@route("GET", "/tags/{tag_gid}/tasks")
def get_tasks_for_tag(request: Request, tag_gid: str) -> Reply:
    """The tasks with this tag (only those the caller may see)."""
    return reply_tasks(request, _tagged(request, tag_gid))


@route("GET", "/tasks/{task_gid}/subtasks")
def get_subtasks_for_task(request: Request, task_gid: str) -> Reply:
    """The subtasks, in their order (``setParent`` can move them)."""
    store = request.fake.store
    return reply_tasks(request, subtasks_of(store, require_task(request, task_gid)))
