"""Task search: ``GET /workspaces/{gid}/tasks/search`` (one plain list, no pagination).

Covers the common filters (text, completion, people, projects, sections, tags, dates,
blocking) and ``sort_by``/``sort_ascending``; the answer holds at most ``limit`` tasks.
"""

from __future__ import annotations

from collections.abc import Callable

from .._app import Reply, Request, route
from .._store import ApiError, Record, Ref
from ._common import require_workspace, user_for
from .task_records import can_see_task, parse_time, reply_tasks

__all__: list[str] = []

Test = Callable[[Record], bool]
SORTS = ("due_date", "created_at", "completed_at", "likes", "modified_at")


def _gids(request: Request, name: str) -> set[str] | None:
    """A comma-separated gid list parameter (users may be ``me`` or emails); None if absent."""
    raw = request.param(name)
    if raw is None:
        return None
    idents = [p.strip() for p in raw.split(",") if p.strip()]
    if name.split(".")[0] in ("assignee", "followers", "created_by"):
        return {user_for(request, i, name)["gid"] if i != "null" else "null" for i in idents}
    return set(idents)


def _set_filters(request: Request) -> list[Test]:
    """``<field>.any/.not/.all`` over the task's users, projects, sections and tags."""
    tests: list[Test] = []
    fields: dict[str, Callable[[Record], set[str]]] = {
        "assignee": lambda t: {t["assignee"].gid} if t["assignee"] else {"null"},
        "created_by": lambda t: {t["created_by"].gid} if t["created_by"] else set(),
        "followers": lambda t: {r.gid for r in t["followers"]},
        "projects": lambda t: {r.gid for r in t["projects"]},
        "sections": lambda t: {m["section"].gid for m in t["memberships"] if "section" in m},
        "tags": lambda t: {r.gid for r in t["tags"]},
    }
    for name, of in fields.items():
        for mode in ("any", "not", "all"):
            wanted = _gids(request, f"{name}.{mode}")
            if wanted is None:
                continue
            tests.append(_set_test(of, mode, wanted))
    return tests


def _set_test(of: Callable[[Record], set[str]], mode: str, wanted: set[str]) -> Test:
    """A test of ``<field>.any/.not/.all``: overlap, no overlap, or all present."""

    def test(task: Record) -> bool:
        have = of(task)
        if mode == "any":
            return bool(have & wanted)
        if mode == "not":
            return not have & wanted
        return wanted <= have

    return test


def _date_filters(request: Request) -> list[Test]:
    """``due_on``/``start_on`` (dates), ``*_at.before/.after`` and ``*_on[.before/.after]``."""
    tests: list[Test] = []
    for field in ("due_on", "start_on"):
        for suffix in ("", ".before", ".after"):
            value = request.param(field + suffix)
            if value:
                tests.append(_day_test(field, suffix, value))
    for field in ("due", "created", "modified", "completed"):
        kinds = [("at", s) for s in (".before", ".after")]
        if field != "due":
            kinds += [("on", s) for s in ("", ".before", ".after")]
        for kind, suffix in kinds:
            name = f"{field}_{kind}{suffix}"
            value = request.param(name)
            if value:
                tests.append(_time_test(f"{field}_at", suffix, kind, parse_time(value, name)))
    return tests


def _day_test(field: str, suffix: str, day: str) -> Test:
    """A test of a date field (``YYYY-MM-DD``) against ``day``."""

    def test(task: Record) -> bool:
        value = task[field]
        if value is None:
            return False
        if suffix == ".before":
            return bool(value < day)
        return bool(value > day) if suffix == ".after" else bool(value == day)

    return test


def _time_test(stamp: str, suffix: str, kind: str, cutoff: float) -> Test:
    """A test of a timestamp field: before/after an instant, or on a UTC day."""

    def test(task: Record) -> bool:
        value = task.get(stamp)
        if value is None:
            return False
        seconds = parse_time(value, stamp)
        if kind == "on":  # a whole UTC day
            start = cutoff - cutoff % 86400
            if suffix == ".before":
                return seconds < start
            if suffix == ".after":
                return seconds >= start + 86400
            return start <= seconds < start + 86400
        return seconds < cutoff if suffix == ".before" else seconds > cutoff

    return test


def _flag_filters(request: Request) -> list[Test]:
    """``completed``, ``is_subtask``, ``is_blocked``, ``is_blocking``, ``has_attachment``."""
    store = request.fake.store
    tests: list[Test] = []

    def open_tasks(refs: list[Ref]) -> bool:
        return any(r.gid in store.records and not store.records[r.gid]["completed"] for r in refs)

    flags: dict[str, Test] = {
        "completed": lambda t: bool(t["completed"]),
        "is_subtask": lambda t: t["parent"] is not None,
        "is_blocked": lambda t: open_tasks(t["dependencies"]),
        "is_blocking": lambda t: not t["completed"] and bool(t["dependents"]),
        "has_attachment": lambda t: bool(
            store.find("attachment", lambda a: a.get("parent") == Ref(t["gid"]))
        ),
    }
    for name, test in flags.items():
        wanted = request.flag(name)
        if wanted is not None:
            tests.append(_flag_test(test, wanted))
    return tests


def _flag_test(test: Test, wanted: bool) -> Test:
    """A test that a flag of the task is ``wanted``."""
    return lambda task: test(task) == wanted


def _sort_key(sort_by: str) -> Callable[[Record], tuple[int, str | int]]:
    """How ``sort_by`` orders tasks; those without the value sort last."""

    def key(task: Record) -> tuple[int, str | int]:
        if sort_by == "likes":
            return 0, int(task["num_likes"])
        value = (task["due_at"] or task["due_on"]) if sort_by == "due_date" else task[sort_by]
        return (0, value) if value else (1, "")

    return key


@route("GET", "/workspaces/{workspace_gid}/tasks/search")
def search_tasks_for_workspace(request: Request, workspace_gid: str) -> Reply:
    """Tasks of a workspace matching every filter given, sorted, at most ``limit`` of them."""
    store = request.fake.store
    workspace = store.get(workspace_gid, "workspace")
    require_workspace(request, workspace)
    space = Ref(workspace["gid"])
    tests = _set_filters(request) + _date_filters(request) + _flag_filters(request)
    words = (request.param("text") or "").lower().split()
    if words:
        tests.append(lambda t: all(w in f"{t['name']} {t['notes']}".lower() for w in words))
    subtype = request.param("resource_subtype")
    if subtype:
        tests.append(lambda t: t["resource_subtype"] == subtype)
    found = store.find("task", lambda t: t["workspace"] == space and all(f(t) for f in tests))
    found = [t for t in found if can_see_task(store, t, request.user)]
    sort_by = request.param("sort_by") or "modified_at"
    if sort_by not in SORTS:
        raise ApiError(400, f"sort_by: Not a valid enum value: {sort_by!r}")
    ascending = request.flag("sort_ascending") or False
    dated = [t for t in found if _sort_key(sort_by)(t)[0] == 0]
    undated = [t for t in found if _sort_key(sort_by)(t)[0] == 1]
    dated.sort(key=_sort_key(sort_by), reverse=not ascending)
    return reply_tasks(request, (dated + undated)[: request.limit()], paginate=False)
