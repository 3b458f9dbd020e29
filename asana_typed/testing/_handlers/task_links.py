"""What a task is linked to: projects (and sections), tags, parent, followers, dependencies.

The ``join_*``/``set_parent`` helpers also serve task creation in ``tasks.py``; each link
made or broken leaves a system story and an ``added``/``removed``/``changed`` event.
"""

from __future__ import annotations

from typing import Any

from .._app import Reply, Request, empty, many, route
from .._store import ApiError, Record, Ref, Store
from ._common import gid, user_for
from .project_records import can_see, require_project
from .stories import add_story
from .task_records import (
    UNSET,
    can_see_task,
    place_in,
    project_sections,
    recount_subtasks,
    reply_task,
    reply_tasks,
    require_task,
    require_visible,
    task_event,
    tasks_in,
)

__all__ = ["join_project", "join_tag", "set_parent"]

MAX_DEPENDENCIES = 30  # dependencies and dependents together, as Asana limits them


def _anchor(data: dict[str, Any], name: str) -> Any:
    """``insert_before``/``insert_after``: UNSET when absent, None when null, else a gid."""
    return gid(data, name) if data.get(name) is not None else (None if name in data else UNSET)


def _same_workspace(task: Record, other: Record, name: str) -> None:
    """400 if ``other`` (a project, tag or parent) is in another workspace."""
    if other.get("workspace") not in (None, task["workspace"]):
        raise ApiError(400, f"{name}: {other['gid']} is in a different workspace than the task")


# -- projects and sections -------------------------------------------------------------------


def join_project(
    request: Request,
    task: Record,
    project: Record,
    *,
    section: Record | None = None,
    before: Any = UNSET,
    after: Any = UNSET,
    quiet: bool = False,
) -> None:
    """Add ``task`` to ``project`` (or move it there): into ``section``, else the first one.

    ``quiet`` (at creation) records the event but no story, as Asana does.
    """
    store = request.fake.store
    _same_workspace(task, project, "project")
    ref = Ref(project["gid"])
    if section is not None and section.get("project") != ref:
        raise ApiError(400, f"section: {section['gid']} is not a section of project {ref.gid}")
    if section is None:
        section = _default_section(store, task, project, before, after)
    membership: dict[str, Ref] = {"project": ref}
    if section is not None:
        membership["section"] = Ref(section["gid"])
    members = None
    if section is not None and (before is not UNSET or after is not UNSET):
        members = [t["gid"] for t in _section_tasks(store, project, section)]
    place_in(project, task["gid"], before=before, after=after, members=members)
    joined = ref not in task["projects"]
    old = next((m for m in task["memberships"] if m["project"] == ref), None)
    task["memberships"] = [m for m in task["memberships"] if m["project"] != ref] + [membership]
    if joined:
        task["projects"].append(ref)
        task_event(request, task, "added", parent=project)
        if not quiet:
            add_story(request, task, "added_to_project", f"added to {project['name']}", project=ref)
    elif old is not None and old.get("section") != membership.get("section") and section:
        story: dict[str, Any] = {"project": ref, "new_section": membership["section"]}
        if old.get("section") is not None:
            story["old_section"] = old["section"]
        task_event(request, task, "changed", change=_change("memberships", membership))
        add_story(request, task, "section_changed", f"moved to {section['name']}", **story)


def _default_section(
    store: Store, task: Record, project: Record, before: Any, after: Any
) -> Record | None:
    """Where a task goes without ``section``: its anchor's section, its own, else the first."""
    ref = Ref(project["gid"])
    for who in (before, after, task["gid"]):
        holder = store.records.get(who) if isinstance(who, str) else None
        for membership in holder.get("memberships", []) if holder else []:
            section = membership.get("section")
            if membership["project"] == ref and isinstance(section, Ref):
                return store.records.get(section.gid)
    sections = project_sections(store, project)
    return sections[0] if sections else None


def _section_tasks(store: Store, project: Record, section: Record) -> list[Record]:
    """The tasks of one section of ``project``, in the project's order."""
    ref = Ref(section["gid"])
    return tasks_in(
        store, project, lambda t: any(m.get("section") == ref for m in t["memberships"])
    )


def leave_project(request: Request, task: Record, project: Record) -> None:
    """Take ``task`` out of ``project``; the project's subscribers still hear of it."""
    ref = Ref(project["gid"])
    if ref not in task["projects"]:
        return
    task["projects"].remove(ref)
    task["memberships"] = [m for m in task["memberships"] if m["project"] != ref]
    task_event(request, task, "removed", parent=project, extra=(project["gid"],))
    add_story(request, task, "removed_from_project", f"removed from {project['name']}", project=ref)


@route("POST", "/tasks/{task_gid}/addProject")
def add_project_for_task(request: Request, task_gid: str) -> Reply:
    """Add to a project (or move within it): ``section``, ``insert_before``/``insert_after``."""
    store = request.fake.store
    task = require_task(request, task_gid)
    data = request.data()
    project = require_project(request, gid(data, "project", required=True) or "")
    section_gid = gid(data, "section")
    section = store.get(section_gid, "section") if section_gid else None
    before, after = _anchor(data, "insert_before"), _anchor(data, "insert_after")
    if before is not UNSET and after is not UNSET:
        raise ApiError(400, "You may only provide one of insert_before or insert_after")
    join_project(request, task, project, section=section, before=before, after=after)
    return empty()


@route("POST", "/tasks/{task_gid}/removeProject")
def remove_project_for_task(request: Request, task_gid: str) -> Reply:
    """Remove a task from a project (its membership there goes too)."""
    task = require_task(request, task_gid)
    project = require_project(request, gid(request.data(), "project", required=True) or "")
    leave_project(request, task, project)
    return empty()


@route("GET", "/tasks/{task_gid}/projects")
def get_projects_for_task(request: Request, task_gid: str) -> Reply:
    """The projects of a task that the caller may see."""
    store = request.fake.store
    task = require_task(request, task_gid)
    projects = [store.records[r.gid] for r in task["projects"] if r.gid in store.records]
    return many(request, [p for p in projects if can_see(store, p, request.user)])


# -- tags ------------------------------------------------------------------------------------


def join_tag(request: Request, task: Record, tag: Record, *, quiet: bool = False) -> None:
    """Tag ``task`` (it goes last in the tag's list); ``quiet`` skips the story."""
    ref = Ref(tag["gid"])
    _same_workspace(task, tag, "tag")
    if ref in task["tags"]:
        return
    task["tags"].append(ref)
    place_in(tag, task["gid"])
    task_event(request, task, "added", parent=tag, extra=(tag["gid"],))
    if not quiet:
        add_story(request, task, "added_to_tag", f"added to {tag['name']}", tag=ref)


def _tag(request: Request, data: dict[str, Any]) -> Record:
    """The body's ``tag`` (404), in a workspace of the caller (403)."""
    tag = request.fake.store.get(gid(data, "tag", required=True) or "", "tag")
    return require_visible(request, tag)


@route("POST", "/tasks/{task_gid}/addTag")
def add_tag_for_task(request: Request, task_gid: str) -> Reply:
    """Tag a task; tagging it twice changes nothing."""
    task = require_task(request, task_gid)
    join_tag(request, task, _tag(request, request.data()))
    return empty()


@route("POST", "/tasks/{task_gid}/removeTag")
def remove_tag_for_task(request: Request, task_gid: str) -> Reply:
    """Untag a task (nothing happens if it did not have the tag)."""
    task = require_task(request, task_gid)
    tag = _tag(request, request.data())
    ref = Ref(tag["gid"])
    if ref in task["tags"]:
        task["tags"].remove(ref)
        task_event(request, task, "removed", parent=tag, extra=(tag["gid"],))
        add_story(request, task, "removed_from_tag", f"removed from {tag['name']}", tag=ref)
    return empty()


@route("GET", "/tasks/{task_gid}/tags")
def get_tags_for_task(request: Request, task_gid: str) -> Reply:
    """The tags of a task, in the order they were added."""
    store = request.fake.store
    task = require_task(request, task_gid)
    return many(request, [store.records[r.gid] for r in task["tags"] if r.gid in store.records])


# -- parent ----------------------------------------------------------------------------------


def set_parent(
    request: Request,
    task: Record,
    parent: Record | None,
    *,
    before: Any = UNSET,
    after: Any = UNSET,
    quiet: bool = False,
) -> None:
    """Make ``task`` a subtask of ``parent`` (None: a top-level task), at the given place."""
    store = request.fake.store
    if parent is not None:
        _same_workspace(task, parent, "parent")
        ancestor: Record | None = parent
        while ancestor is not None:
            if ancestor["gid"] == task["gid"]:
                raise ApiError(400, "parent: A task cannot be its own parent or subtask")
            up = ancestor.get("parent")
            ancestor = store.records.get(up.gid) if isinstance(up, Ref) else None
    old_ref = task.get("parent")
    old = store.records.get(old_ref.gid) if isinstance(old_ref, Ref) else None
    new_ref = Ref(parent["gid"]) if parent else None
    if parent is not None:
        place_in(parent, task["gid"], before=before, after=after)
    if new_ref == old_ref:
        return
    if old is not None:
        task_event(request, task, "removed", parent=old, extra=(old["gid"],))
    task["parent"] = new_ref
    recount_subtasks(store, old)
    recount_subtasks(store, parent)
    if parent is None:
        if not quiet:
            task_event(request, task, "changed", change=_change("parent", None))
        return
    if not quiet:
        task_event(request, task, "changed", change=_change("parent", new_ref))
    task_event(request, task, "added", parent=parent)
    if not quiet:
        add_story(request, task, "added_to_task", f"added to {parent['name']}", task=new_ref)


@route("POST", "/tasks/{task_gid}/setParent")
def set_parent_for_task(request: Request, task_gid: str) -> Reply:
    """Move a task under ``parent`` (or to the top level with null)."""
    task = require_task(request, task_gid)
    data = request.data()
    if "parent" not in data:
        raise ApiError(400, "parent: Missing input")
    parent_gid = gid(data, "parent")
    parent = require_task(request, parent_gid, "parent") if parent_gid else None
    before, after = _anchor(data, "insert_before"), _anchor(data, "insert_after")
    set_parent(request, task, parent, before=before, after=after)
    return reply_task(request, task)


# -- followers -------------------------------------------------------------------------------


def _users(request: Request, data: dict[str, Any]) -> list[Record]:
    """The body's ``followers``: an array (or comma list) of gids, emails or ``me``."""
    value = data.get("followers")
    if isinstance(value, str):
        value = [v.strip() for v in value.split(",") if v.strip()]
    if not isinstance(value, list) or not value:
        raise ApiError(400, "followers: Missing input")
    return [user_for(request, str(v), "followers") for v in value]


@route("POST", "/tasks/{task_gid}/addFollowers")
def add_followers_for_task(request: Request, task_gid: str) -> Reply:
    """Add followers; answers the whole task, as Asana does."""
    task = require_task(request, task_gid)
    for user in _users(request, request.data()):
        ref = Ref(user["gid"])
        if ref not in task["followers"]:
            task["followers"].append(ref)
            text = f"added {user['name']} as a collaborator"
            task_event(request, task, "changed", change=_change("followers", ref, "added"))
            add_story(request, task, "collaborator_added", text, follower=ref)
    return reply_task(request, task)


@route("POST", "/tasks/{task_gid}/removeFollowers")
def remove_follower_for_task(request: Request, task_gid: str) -> Reply:
    """Remove followers; answers the whole task, as Asana does."""
    task = require_task(request, task_gid)
    for user in _users(request, request.data()):
        ref = Ref(user["gid"])
        if ref in task["followers"]:
            task["followers"].remove(ref)
            task_event(request, task, "changed", change=_change("followers", ref, "removed"))
    return reply_task(request, task)


def _change(field: str, value: Any, action: str = "changed") -> dict[str, Any]:
    """An event's ``change``: the value under ``new_value``/``added_value``/``removed_value``."""
    key = "new_value" if action == "changed" else f"{action}_value"
    return {"field": field, "action": action, key: value}


# -- dependencies ----------------------------------------------------------------------------


def _task_list(request: Request, data: dict[str, Any], name: str) -> list[Record]:
    """The tasks an array member of the body names (each visible to the caller)."""
    value = data.get(name)
    if not isinstance(value, list) or not value:
        raise ApiError(400, f"{name}: Missing input")
    return [require_task(request, str(g), name) for g in value]


def _depends_on(store: Store, task: Record, other: Record) -> bool:
    """Whether ``task`` already waits on ``other``, directly or through others."""
    seen: set[str] = set()
    todo = [task]
    while todo:
        current = todo.pop()
        for ref in current.get("dependencies", []):
            if ref.gid == other["gid"]:
                return True
            if ref.gid not in seen and ref.gid in store.records:
                seen.add(ref.gid)
                todo.append(store.records[ref.gid])
    return False


def _link(request: Request, blocked: Record, blocking: Record) -> None:
    """``blocked`` now depends on ``blocking`` (each side keeps its list)."""
    store = request.fake.store
    if blocking["gid"] == blocked["gid"] or _depends_on(store, blocking, blocked):
        raise ApiError(400, "dependencies: A task cannot depend on itself, even indirectly")
    ref, back = Ref(blocking["gid"]), Ref(blocked["gid"])
    if ref in blocked["dependencies"]:
        return
    for task in (blocked, blocking):
        if len(task["dependencies"]) + len(task["dependents"]) >= MAX_DEPENDENCIES:
            raise ApiError(
                400, f"Tasks can have at most {MAX_DEPENDENCIES} dependencies and dependents"
            )
    blocked["dependencies"].append(ref)
    blocking["dependents"].append(back)
    text = f"marked this task as waiting on {blocking['name']}"
    task_event(request, blocked, "changed", change=_change("dependencies", ref, "added"))
    task_event(request, blocking, "changed", change=_change("dependents", back, "added"))
    add_story(request, blocked, "dependency_added", text, dependency=ref)


def _unlink(request: Request, blocked: Record, blocking: Record) -> None:
    """``blocked`` no longer depends on ``blocking`` (both sides updated)."""
    ref, back = Ref(blocking["gid"]), Ref(blocked["gid"])
    if ref not in blocked["dependencies"]:
        return
    blocked["dependencies"].remove(ref)
    if back in blocking["dependents"]:
        blocking["dependents"].remove(back)
    text = f"marked this task as no longer waiting on {blocking['name']}"
    task_event(request, blocked, "changed", change=_change("dependencies", ref, "removed"))
    task_event(request, blocking, "changed", change=_change("dependents", back, "removed"))
    add_story(request, blocked, "dependency_removed", text, dependency=ref)


@route("POST", "/tasks/{task_gid}/addDependencies")
def add_dependencies_for_task(request: Request, task_gid: str) -> Reply:
    """The task now waits on each task given."""
    task = require_task(request, task_gid)
    for other in _task_list(request, request.data(), "dependencies"):
        _link(request, task, other)
    return empty()


@route("POST", "/tasks/{task_gid}/removeDependencies")
def remove_dependencies_for_task(request: Request, task_gid: str) -> Reply:
    """The task no longer waits on the tasks given."""
    task = require_task(request, task_gid)
    for other in _task_list(request, request.data(), "dependencies"):
        _unlink(request, task, other)
    return empty()


@route("POST", "/tasks/{task_gid}/addDependents")
def add_dependents_for_task(request: Request, task_gid: str) -> Reply:
    """Each task given now waits on this one."""
    task = require_task(request, task_gid)
    for other in _task_list(request, request.data(), "dependents"):
        _link(request, other, task)
    return empty()


@route("POST", "/tasks/{task_gid}/removeDependents")
def remove_dependents_for_task(request: Request, task_gid: str) -> Reply:
    """The tasks given no longer wait on this one."""
    task = require_task(request, task_gid)
    for other in _task_list(request, request.data(), "dependents"):
        _unlink(request, other, task)
    return empty()


def _linked(request: Request, task_gid: str, name: str) -> Reply:
    """A task's dependencies or dependents that the caller may see."""
    store = request.fake.store
    task = require_task(request, task_gid)
    linked = [store.records[r.gid] for r in task[name] if r.gid in store.records]
    return reply_tasks(request, [t for t in linked if can_see_task(store, t, request.user)])


@route("GET", "/tasks/{task_gid}/dependencies")
def get_dependencies_for_task(request: Request, task_gid: str) -> Reply:
    return _linked(request, task_gid, "dependencies")


@route("GET", "/tasks/{task_gid}/dependents")
def get_dependents_for_task(request: Request, task_gid: str) -> Reply:
    return _linked(request, task_gid, "dependents")
