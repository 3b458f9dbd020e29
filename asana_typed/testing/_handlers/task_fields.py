"""A task's writable fields: checking a create/update body, applying it, telling the change.

:func:`apply_fields` writes what a ``POST``/``PUT`` body asks and returns one
:class:`Change` per field that really changed; :func:`tell` turns those into the system
stories and ``changed`` events Asana records.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import dataclass
from typing import Any

from .._app import Request
from .._store import ApiError, Record, Ref
from ._common import boolean, choice, date, now_iso, text, user_for
from .custom_field_values import custom_field_value
from .stories import add_story
from .task_records import body_html, html_text, iso_datetime, task_event

__all__ = ["READ_ONLY_ON_UPDATE", "Change", "apply_fields", "tell"]

SUBTYPES = ("default_task", "milestone", "approval", "custom")
APPROVAL = ("pending", "approved", "rejected", "changes_requested")
ASSIGNEE_STATUS = ("today", "upcoming", "later", "new", "inbox")
# Set at creation or through their own endpoints (addProject, setParent, ...), never by PUT.
READ_ONLY_ON_UPDATE = ("projects", "tags", "followers", "parent", "memberships", "workspace")


@dataclass
class Change:
    """One field that changed: the event's field and value, and the story (if any)."""

    field: str
    value: Any
    story: str | None = None
    text: str = ""
    story_fields: dict[str, Any] = dataclasses.field(default_factory=dict)
    action: str = "changed"  # or "added"/"removed" (the value is then added/removed_value)


def _name(record: Record | None) -> str:
    return str(record.get("name", "")) if record else ""


def _day(value: str) -> str:
    """``2026-03-05`` (or a date-time) as a story says it: ``Mar 5``."""
    day = dt.date.fromisoformat(value[:10])
    return f"{day:%b} {day.day}"


def _dates(task: Record) -> dict[str, Any]:
    """The schedule as a story's ``old_dates``/``new_dates`` hold it."""
    return {"due_on": task["due_on"], "due_at": task["due_at"], "start_on": task["start_on"]}


def apply_fields(request: Request, task: Record, data: dict[str, Any]) -> list[Change]:
    """Write the body's fields on ``task``; 400 (nothing written) if any is invalid."""
    staged = _check(request, task, data)
    changes: list[Change] = []
    for step in (_plain, _completion, _assignee, _schedule, _likes, _custom):
        changes += step(request, task, staged)
    if any(c.field not in ("likes",) for c in changes):
        task["modified_at"] = now_iso(request.fake)
    return changes


def _check(request: Request, task: Record, data: dict[str, Any]) -> dict[str, Any]:
    """Every field of ``data`` checked and converted, before anything is written."""
    staged: dict[str, Any] = {}
    for key in ("name", "notes"):
        if key in data:
            staged[key] = text(data, key) or ""
    if data.get("html_notes") is not None:
        html = text(data, "html_notes") or ""
        staged["notes"] = html_text(html, "html_notes")
        staged["html_notes"] = html
    elif "notes" in staged:
        staged["html_notes"] = body_html(staged["notes"])
    for key, options in (
        ("resource_subtype", SUBTYPES),
        ("approval_status", APPROVAL),
        ("assignee_status", ASSIGNEE_STATUS),
    ):
        if data.get(key) is not None:
            staged[key] = choice(data, key, options)
    for key in ("completed", "liked"):
        if data.get(key) is not None:
            staged[key] = boolean(data, key)
    if "assignee" in data:
        ident = data["assignee"]
        if ident is not None and not isinstance(ident, str | int):
            raise ApiError(400, f"assignee: Not a valid gid: {ident!r}")
        staged["assignee"] = None if ident is None else user_for(request, str(ident), "assignee")
    if "due_on" in data and "due_at" in data and data["due_on"] and data["due_at"]:
        raise ApiError(400, "You may only provide one of due_on or due_at")
    for key in ("due_on", "start_on"):
        if key in data:
            staged[key] = date(data, key)
    for key in ("due_at", "start_at"):
        if key in data:
            staged[key] = iso_datetime(data, key)
    _check_schedule(task, staged)
    if isinstance(data.get("external"), dict):
        staged["external"] = {
            k: str(v) for k, v in data["external"].items() if k in ("gid", "data")
        }
    if data.get("custom_fields") is not None:
        staged["custom_fields"] = _check_custom(request, data["custom_fields"])
    return staged


def _check_schedule(task: Record, staged: dict[str, Any]) -> None:
    """A start date needs a due date (after this body is applied), as Asana insists."""

    def after(on: str, at: str) -> Any:
        if staged.get(at) is not None:
            return staged[at][:10]
        return staged.get(on) if on in staged or at in staged else task[on]

    if after("start_on", "start_at") is not None and after("due_on", "due_at") is None:
        raise ApiError(400, "start_on: A start date requires a due date")


def _check_custom(request: Request, values: Any) -> dict[str, Any]:
    """``custom_fields`` of a body: known fields, values each field accepts."""
    if not isinstance(values, dict):
        raise ApiError(400, "custom_fields: Not an object mapping custom field gids to values")
    store = request.fake.store
    for gid, raw in values.items():
        field_record = store.records.get(str(gid))
        if field_record is None or field_record["resource_type"] != "custom_field":
            raise ApiError(400, f"custom_fields: Custom field with ID {gid} is not on given object")
        custom_field_value(store, field_record, raw)  # raises ApiError on a bad value
    return {str(k): v for k, v in values.items()}


def _plain(request: Request, task: Record, staged: dict[str, Any]) -> list[Change]:
    """Name, notes, subtype, approval and assignee status, external: written as sent."""
    changes = []
    if "name" in staged and staged["name"] != task["name"]:
        old, task["name"] = task["name"], staged["name"]
        story = {"old_name": old, "new_name": task["name"]}
        text_ = f'changed the name to "{task["name"]}"'
        changes.append(Change("name", task["name"], "name_changed", text_, story))
    if "notes" in staged and staged["notes"] != task["notes"]:
        task["notes"], task["html_notes"] = staged["notes"], staged["html_notes"]
        changes.append(Change("notes", task["notes"], "notes_changed", "changed the description"))
    if "resource_subtype" in staged and staged["resource_subtype"] != task["resource_subtype"]:
        old, new = task["resource_subtype"], staged["resource_subtype"]
        task["resource_subtype"] = new
        if new == "approval":
            task.setdefault("approval_status", "pending")
        story = {"old_resource_subtype": old, "new_resource_subtype": new}
        text_ = f"changed this task from {old} to {new}".replace("_", " ")
        changes.append(Change("resource_subtype", new, "resource_subtype_changed", text_, story))
    if "approval_status" in staged and staged["approval_status"] != task.get("approval_status"):
        old, new = task.get("approval_status", "pending"), staged["approval_status"]
        task["approval_status"] = new
        story = {"old_approval_status": old, "new_approval_status": new}
        text_ = f"changed the approval status to {new}".replace("_", " ")
        changes.append(Change("approval_status", new, "approval_status_changed", text_, story))
    if "assignee_status" in staged and staged["assignee_status"] != task["assignee_status"]:
        task["assignee_status"] = staged["assignee_status"]
        changes.append(Change("assignee_status", task["assignee_status"]))
    if "external" in staged:
        task["external"] = staged["external"]
        changes.append(Change("external", task["external"]))
    return changes


def _completion(request: Request, task: Record, staged: dict[str, Any]) -> list[Change]:
    """``completed``: also ``completed_at`` and ``completed_by``."""
    if "completed" not in staged or staged["completed"] == task["completed"]:
        return []
    done: bool = staged["completed"]
    task["completed"] = done
    task["completed_at"] = now_iso(request.fake) if done else None
    task["completed_by"] = Ref(request.user["gid"]) if done and request.user else None
    if done:
        return [Change("completed", True, "marked_complete", "marked this task complete")]
    return [Change("completed", False, "marked_incomplete", "marked incomplete")]


def _assignee(request: Request, task: Record, staged: dict[str, Any]) -> list[Change]:
    """``assignee``: also ``assigned_by``; a new assignee follows the task."""
    if "assignee" not in staged:
        return []
    user: Record | None = staged["assignee"]
    new = Ref(user["gid"]) if user else None
    if new == task["assignee"]:
        return []
    old = request.fake.store.records.get(task["assignee"].gid) if task["assignee"] else None
    task["assignee"] = new
    task["assigned_by"] = Ref(request.user["gid"]) if new and request.user else None
    if new is None:
        return [Change("assignee", None, "unassigned", f"unassigned from {_name(old)}")]
    if new not in task["followers"]:
        task["followers"].append(new)  # the assignee becomes a collaborator, as in Asana
    task["assignee_status"] = "inbox"
    story = {"assignee": new}
    return [Change("assignee", new, "assigned", f"assigned to {_name(user)}", story)]


def _schedule(request: Request, task: Record, staged: dict[str, Any]) -> list[Change]:
    """Due and start dates: ``due_at`` also sets ``due_on``; ``due_on`` clears ``due_at``."""
    old = _dates(task)
    changes = []
    if "due_at" in staged and staged["due_at"] is not None:
        task["due_at"], task["due_on"] = staged["due_at"], staged["due_at"][:10]
    elif "due_on" in staged or "due_at" in staged:
        task["due_on"], task["due_at"] = staged.get("due_on"), None
    if "start_at" in staged and staged["start_at"] is not None:
        task["start_at"], task["start_on"] = staged["start_at"], staged["start_at"][:10]
    elif "start_on" in staged or "start_at" in staged:
        task["start_on"], task["start_at"] = staged.get("start_on"), None
    new = _dates(task)
    dates = {"old_dates": old, "new_dates": new}
    for key, word in (("due", "due date"), ("start", "start date")):
        if old[f"{key}_on"] != new[f"{key}_on"] or (
            key == "due" and old["due_at"] != new["due_at"]
        ):
            value = (new["due_at"] or new["due_on"]) if key == "due" else new["start_on"]
            text_ = f"changed the {word} to {_day(value)}" if value else f"removed the {word}"
            field_name = "due_at" if key == "due" and new["due_at"] else f"{key}_on"
            changes.append(Change(field_name, value, f"{key}_date_changed", text_, dates))
    return changes


def _likes(request: Request, task: Record, staged: dict[str, Any]) -> list[Change]:
    """``liked``: the caller's like added or taken back."""
    if "liked" not in staged or request.user is None:
        return []
    me = Ref(request.user["gid"])
    mine = [like for like in task["likes"] if like["user"] == me]
    if staged["liked"] and not mine:
        task["likes"].append({"gid": request.fake.store.new_gid(), "user": me})
    elif not staged["liked"] and mine:
        task["likes"] = [like for like in task["likes"] if like["user"] != me]
    else:
        return []
    task["hearts"] = list(task["likes"])
    task["num_likes"] = task["num_hearts"] = len(task["likes"])
    return [Change("likes", me, action="added" if staged["liked"] else "removed")]


def _custom(request: Request, task: Record, staged: dict[str, Any]) -> list[Change]:
    """``custom_fields``: each value changed gets its own story and event."""
    store = request.fake.store
    changes = []
    values: dict[str, Any] = task.setdefault("_custom_values", {})
    for gid, raw in staged.get("custom_fields", {}).items():
        if gid in values and values[gid] == raw:
            continue
        values[gid] = raw
        field_record = store.records[gid]
        rendered = custom_field_value(store, field_record, raw)
        kind = field_record.get("resource_subtype") or field_record.get("type") or "text"
        shown = rendered.get("display_value")
        text_ = (
            f"changed {field_record.get('name', '')} to {shown}"
            if shown
            else (f"cleared {field_record.get('name', '')}")
        )
        story = {"custom_field": Ref(gid)}
        changes.append(
            Change("custom_fields", rendered, f"{kind}_custom_field_changed", text_, story)
        )
    return changes


def tell(request: Request, task: Record, changes: list[Change]) -> None:
    """The system story and the ``changed`` event of each change, as Asana records them."""
    for change in changes:
        key = "new_value" if change.action == "changed" else f"{change.action}_value"
        task_event(
            request,
            task,
            "changed",
            change={"field": change.field, "action": change.action, key: change.value},
        )
        if change.story is not None:
            add_story(request, task, change.story, change.text, **change.story_fields)
