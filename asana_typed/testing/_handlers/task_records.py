"""The task record: its fields, ordering, derived values and event targets (no routes here).

``tasks.py`` and ``task_links.py`` serve the task endpoints on top of these helpers;
``stories.py`` and ``attachments.py`` use them to find who hears about a task.
"""

from __future__ import annotations

import datetime as dt
import xml.etree.ElementTree as ET
from typing import Any
from xml.sax.saxutils import escape

from .._app import Reply, Request, many, one
from .._store import ApiError, Record, Ref, Store
from ._common import in_workspace, now_iso
from .custom_field_values import custom_field_value
from .project_records import can_see
from .teams import visible as team_visible

__all__ = [
    "UNSET",
    "body_html",
    "can_see_task",
    "html_text",
    "iso_datetime",
    "new_task",
    "order_key",
    "parse_time",
    "place_in",
    "prepare",
    "project_sections",
    "project_tasks",
    "recount_subtasks",
    "reply_task",
    "reply_tasks",
    "require_task",
    "require_visible",
    "subtasks_of",
    "targets",
    "task_event",
    "tasks_in",
]

# ``insert_before``/``insert_after`` absent (as opposed to an explicit null).
UNSET: Any = object()
ORDER_KEY = "_task_order"  # on a project, tag or parent task: its tasks' gids, in order


# -- values ----------------------------------------------------------------------------------


def parse_time(value: str, name: str) -> float:
    """An ISO 8601 date or date-time (``Z`` or offset; naive means UTC) as epoch seconds."""
    try:
        stamp = dt.datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        raise ApiError(400, f"{name}: Invalid date-time string: {value!r}") from None
    if stamp.tzinfo is None:
        stamp = stamp.replace(tzinfo=dt.timezone.utc)
    return stamp.timestamp()


def iso_datetime(data: dict[str, Any], name: str) -> str | None:
    """A date-time member normalised to Asana's ``YYYY-MM-DDTHH:MM:SS.mmmZ`` (null clears)."""
    value = data.get(name)
    if value is None:
        return None
    if not isinstance(value, str) or "T" not in value:
        raise ApiError(400, f"{name}: Invalid date-time string: {value!r}")
    seconds = parse_time(value, name)
    stamp = dt.datetime.fromtimestamp(seconds, dt.timezone.utc)
    return stamp.strftime("%Y-%m-%dT%H:%M:%S.") + f"{stamp.microsecond // 1000:03d}Z"


def body_html(plain: str) -> str:
    """Plain text as Asana's rich text: ``<body>...</body>``."""
    return f"<body>{escape(plain)}</body>"


def html_text(html: str, name: str) -> str:
    """The plain text of rich text; 400 unless it is XML with a ``<body>`` root, as Asana."""
    try:
        root = ET.fromstring(html)
    except ET.ParseError as exc:
        raise ApiError(400, f"{name}: XML is invalid: {exc}") from None
    if root.tag != "body":
        raise ApiError(400, f"{name}: The root element must be <body>")
    return "".join(root.itertext())


# -- the record ------------------------------------------------------------------------------


def new_task(request: Request, workspace: Record, creator: Record | None) -> Record:
    """A blank task in ``workspace`` with every field Asana sends; the creator follows it."""
    fake = request.fake
    now = now_iso(fake)
    task = fake.store.add(
        "task",
        name="",
        resource_subtype="default_task",
        created_by=Ref(creator["gid"]) if creator else None,
        actual_time_minutes=None,
        assignee=None,
        assignee_status="upcoming",
        assigned_by=None,
        completed=False,
        completed_at=None,
        completed_by=None,
        created_at=now,
        custom_fields=[],
        dependencies=[],
        dependents=[],
        due_at=None,
        due_on=None,
        followers=[Ref(creator["gid"])] if creator else [],
        hearted=False,
        hearts=[],
        html_notes="<body></body>",
        is_rendered_as_separator=False,
        liked=False,
        likes=[],
        memberships=[],
        modified_at=now,
        notes="",
        num_hearts=0,
        num_likes=0,
        num_subtasks=0,
        parent=None,
        permalink_url="",
        projects=[],
        start_at=None,
        start_on=None,
        tags=[],
        workspace=Ref(workspace["gid"]),
        _custom_values={},
    )
    task["permalink_url"] = f"https://app.asana.com/1/{workspace['gid']}/task/{task['gid']}"
    return task


def targets(store: Store, task: Record) -> list[str]:
    """Whose event streams hear about ``task``: it, its parent, its projects, its workspace."""
    gids = [task["gid"]]
    for ref in [task.get("parent"), *task.get("projects", []), task.get("workspace")]:
        if isinstance(ref, Ref) and ref.gid not in gids:
            gids.append(ref.gid)
    return gids


def task_event(
    request: Request,
    task: Record,
    action: str,
    *,
    parent: Record | None = None,
    change: dict[str, Any] | None = None,
    extra: tuple[str, ...] = (),
) -> None:
    """Record an event on ``task`` for its usual subscribers (plus ``extra`` gids)."""
    gids = targets(request.fake.store, task) + [g for g in extra if g]
    request.fake.record_event(
        task, action, targets=gids, user=request.user, parent=parent, change=change
    )


# -- who may see what ------------------------------------------------------------------------


def can_see_task(store: Store, task: Record, user: Record | None) -> bool:
    """Asana's rule: a workspace member who collaborates on the task (creator, assignee,
    follower), can see one of its projects, or can see its parent task."""
    seen: set[str] = set()
    current: Record | None = task
    while current is not None and current["gid"] not in seen:
        seen.add(current["gid"])
        if user is None or not in_workspace(user, current["workspace"].gid):
            return False
        me = Ref(user["gid"])
        if me in (current.get("created_by"), current.get("assignee")) or me in current.get(
            "followers", []
        ):
            return True
        for ref in current.get("projects", []):
            project = store.records.get(ref.gid)
            if project is not None and can_see(store, project, user):
                return True
        parent = current.get("parent")
        current = store.records.get(parent.gid) if isinstance(parent, Ref) else None
    return False


def require_task(request: Request, task_gid: str, name: str = "task") -> Record:
    """The task ``task_gid`` (404) if the caller may see it (403)."""
    task = request.fake.store.get(task_gid, "task")
    if not can_see_task(request.fake.store, task, request.user):
        raise ApiError(403, f"{name}: You do not have access to task {task_gid}")
    return task


def require_visible(request: Request, record: Record) -> Record:
    """403 unless the caller may see ``record`` (any resource: by its kind's rule, else by
    its workspace, else by what it belongs to); returns it."""
    store, user = request.fake.store, request.user
    if not _visible(store, record, user, depth=0):
        kind = record["resource_type"]
        raise ApiError(403, f"You do not have access to {kind} {record['gid']}")
    return record


def _visible(store: Store, record: Record, user: Record | None, depth: int) -> bool:
    """``require_visible``'s rule for one record (``depth`` bounds the owner chain)."""
    kind = record["resource_type"]
    if kind == "task":
        return can_see_task(store, record, user)
    if kind == "project":
        return can_see(store, record, user)
    if kind == "team":
        return team_visible(store, record, user)
    if kind == "workspace":
        return in_workspace(user, record["gid"])
    if kind == "user":
        mine = set(user.get("workspaces", [])) if user else set()
        return user is not None and (user is record or bool(mine & set(record["workspaces"])))
    for key in ("project", "target", "parent", "custom_field"):  # section, story, attachment
        ref = record.get(key)
        owner = store.records.get(ref.gid) if isinstance(ref, Ref) else None
        if owner is not None and owner is not record and depth < 5:
            return _visible(store, owner, user, depth + 1)
    for key in ("workspace", "organization"):
        ref = record.get(key)
        if isinstance(ref, Ref):
            return in_workspace(user, ref.gid)
    workspace = record.get("_workspace")
    return not isinstance(workspace, str) or in_workspace(user, workspace)


# -- ordering --------------------------------------------------------------------------------


def order_key(container: Record) -> list[str]:
    """The ordered gids of the tasks in ``container`` (a project, tag or parent task)."""
    order: list[str] = container.setdefault(ORDER_KEY, [])
    return order


def place_in(
    container: Record,
    task_gid: str,
    *,
    before: Any = UNSET,
    after: Any = UNSET,
    members: list[str] | None = None,
) -> None:
    """Put ``task_gid`` in ``container``'s order, as Asana's ``insert_before/after`` do.

    ``before``/``after`` name a task of the scope (``members``, e.g. a section's tasks, else
    the whole container); an explicit ``None`` means the end (before) or the start (after)
    of the scope; neither given means the end.
    """
    order = order_key(container)
    if task_gid in order:
        order.remove(task_gid)
    pool = order if members is None else members
    scope = [g for g in pool if g != task_gid and g in order]
    for name, anchor in (("insert_before", before), ("insert_after", after)):
        if anchor is not UNSET and anchor is not None and anchor not in scope:
            raise ApiError(400, f"{name}: {anchor} is not a task in the list it would go into")
    if before is not UNSET and before is not None:
        order.insert(order.index(before), task_gid)
    elif after is not UNSET and after is not None:
        order.insert(order.index(after) + 1, task_gid)
    elif after is None:
        order.insert(order.index(scope[0]) if scope else 0, task_gid)
    else:
        order.insert(order.index(scope[-1]) + 1 if scope else len(order), task_gid)


def tasks_in(store: Store, container: Record, member: Any) -> list[Record]:
    """The tasks for which ``member(task)`` holds, in ``container``'s order (others last)."""
    found = store.find("task", member)
    rank = {g: i for i, g in enumerate(container.get(ORDER_KEY, []))}
    return sorted(found, key=lambda t: rank.get(t["gid"], len(rank)))


def subtasks_of(store: Store, task: Record) -> list[Record]:
    """The subtasks of ``task`` in their order."""
    ref = Ref(task["gid"])
    return tasks_in(store, task, lambda t: t.get("parent") == ref)


def recount_subtasks(store: Store, task: Record | None) -> None:
    """Refresh ``num_subtasks`` of ``task`` (None: nothing to do)."""
    if task is not None:
        ref = Ref(task["gid"])
        task["num_subtasks"] = len(store.find("task", lambda t: t.get("parent") == ref))


def project_sections(store: Store, project: Record) -> list[Record]:
    """A project's sections in their order (the project's ``_sections`` order if kept)."""
    ref = Ref(project["gid"])
    found = store.find("section", lambda s: s.get("project") == ref)
    order = project.get("_sections")
    if isinstance(order, list):
        rank = {g: i for i, g in enumerate(order)}
        found.sort(key=lambda s: rank.get(s["gid"], len(rank)))
    return found


# -- derived fields --------------------------------------------------------------------------


def prepare(request: Request, task: Record) -> Record:
    """Bring derived fields up to date before ``task`` is rendered; returns it.

    ``liked``/``hearted`` are the caller's own, memberships of deleted projects or sections
    go, and ``custom_fields`` shows the current definition of each field with its value.
    """
    store = request.fake.store
    me = Ref(request.user["gid"]) if request.user else None
    mine = any(like.get("user") == me for like in task.get("likes", []))
    task["liked"] = task["hearted"] = mine
    memberships = []
    for membership in task.get("memberships", []):
        if membership["project"].gid not in store.records:
            continue
        section = membership.get("section")
        if section is not None and section.gid not in store.records:
            membership = {"project": membership["project"]}
        memberships.append(membership)
    task["memberships"] = memberships
    task["custom_fields"] = custom_field_values(store, task)
    return task


def custom_field_values(store: Store, task: Record) -> list[Record]:
    """A task's custom fields: its projects' (in their settings' order), then any set on it
    directly, each rendered with the task's value by ``custom_fields.custom_field_value``."""
    values: dict[str, Any] = task.get("_custom_values", {})
    gids: list[str] = []
    for ref in task.get("projects", []):
        project = store.records.get(ref.gid)
        for setting in project.get("custom_field_settings", []) if project else []:
            field = setting.get("custom_field")
            if isinstance(field, Ref) and field.gid not in gids:
                gids.append(field.gid)
    gids += [g for g in values if g not in gids]
    out = []
    for field_gid in gids:
        field = store.records.get(field_gid)
        if field is None or field["resource_type"] != "custom_field":
            continue
        try:
            out.append(custom_field_value(store, field, values.get(field_gid)))
        except ApiError:  # the value no longer fits (an option removed, say): shown empty
            out.append(custom_field_value(store, field, None))
    return out


def project_tasks(store: Store, project: Record) -> list[Record]:
    """A project's tasks as its list shows them: section by section, each in its order."""
    ref = Ref(project["gid"])
    found = store.find("task", lambda t: ref in t.get("projects", []))
    sections = {s["gid"]: i for i, s in enumerate(project_sections(store, project))}
    rank = {g: i for i, g in enumerate(project.get(ORDER_KEY, []))}

    def key(task: Record) -> tuple[int, int]:
        section = next((m.get("section") for m in task["memberships"] if m["project"] == ref), None)
        where = sections.get(section.gid, -1) if isinstance(section, Ref) else -1
        return where, rank.get(task["gid"], len(rank))

    return sorted(found, key=key)


def reply_task(request: Request, task: Record, status: int = 200) -> Reply:
    """One task, full (or as opt_fields ask), its derived fields fresh."""
    return one(request, prepare(request, task), status)


def reply_tasks(request: Request, tasks: list[Record], *, paginate: bool = True) -> Reply:
    """Tasks as a list: compact, or projected (derived fields fresh) with opt_fields."""
    if request.opt_fields() is not None:
        for task in tasks:
            prepare(request, task)
    return many(request, tasks, paginate=paginate)
