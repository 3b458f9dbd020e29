"""Input checks and access rules shared by the handlers, with Asana's error wording."""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Collection, Iterable
from typing import TYPE_CHECKING, Any

from .._app import Request
from .._store import ApiError, Record, Ref, Store

if TYPE_CHECKING:
    from .._fake import FakeAsana

__all__ = [
    "add_refs",
    "boolean",
    "choice",
    "date",
    "gid",
    "gid_list",
    "in_workspace",
    "live",
    "now_iso",
    "place",
    "refs",
    "require_workspace",
    "required_gid",
    "text",
    "user_for",
    "users_for",
]


def now_iso(fake: FakeAsana) -> str:
    """The fake's clock as Asana writes timestamps: ISO 8601, milliseconds, ``Z``."""
    seconds = fake.clock()
    stamp = time.strftime("%Y-%m-%dT%H:%M:%S", time.gmtime(seconds))
    return f"{stamp}.{int(seconds * 1000) % 1000:03d}Z"


def text(data: dict[str, Any], name: str, *, required: bool = False) -> str | None:
    """A string member of a request's ``data``; ``None`` when absent (400 if required)."""
    value = data.get(name)
    if value is None:
        if required:
            raise ApiError(400, f"{name}: Missing input")
        return None
    if not isinstance(value, str):
        raise ApiError(400, f"{name}: Not a string: {value!r}")
    if required and not value.strip():
        raise ApiError(400, f"{name}: Missing input")
    return value


def boolean(data: dict[str, Any], name: str) -> bool | None:
    """A boolean member of a request's ``data`` (400 if it is anything else)."""
    value = data.get(name)
    if value is None or isinstance(value, bool):
        return value
    raise ApiError(400, f"{name}: Not a boolean: {value!r}")


def choice(
    data: dict[str, Any], name: str, options: Collection[str], *, nullable: bool = False
) -> str | None:
    """An enum member: one of ``options`` (or null, where the spec allows it)."""
    if name not in data:
        return None
    value = data[name]
    if value is None and nullable:
        return None
    if value not in options:
        raise ApiError(400, f"{name}: Not a valid enum value: {value!r}")
    result: str = value
    return result


def date(data: dict[str, Any], name: str) -> str | None:
    """A ``YYYY-MM-DD`` member (null clears it)."""
    value = data.get(name)
    if value is None:
        return None
    try:
        if not isinstance(value, str):
            raise ValueError
        dt.date.fromisoformat(value)
    except ValueError:
        raise ApiError(400, f"{name}: Invalid date string: {value!r}") from None
    return value


def gid(data: dict[str, Any], name: str, *, required: bool = False) -> str | None:
    """A gid member (Asana takes strings and numbers alike)."""
    value = data.get(name)
    if value is None or value == "":
        if required:
            raise ApiError(400, f"{name}: Missing input")
        return None
    if isinstance(value, bool) or not isinstance(value, str | int):
        raise ApiError(400, f"{name}: Not a valid gid: {value!r}")
    return str(value)


def required_gid(data: dict[str, Any], name: str) -> str:
    """A gid member that must be there (``"{name}: Missing input"`` otherwise)."""
    value = gid(data, name, required=True)
    assert value is not None
    return value


def gid_list(data: dict[str, Any], name: str, *, required: bool = False) -> list[str]:
    """A list of gids sent as a comma-separated string (or, leniently, as an array)."""
    value = data.get(name)
    if value is None or value == "" or value == []:
        if required:
            raise ApiError(400, f"{name}: Missing input")
        return []
    if isinstance(value, str):
        items: Iterable[object] = value.split(",")
    elif isinstance(value, list):
        items = value
    else:
        raise ApiError(400, f"{name}: Not a comma-separated list of gids: {value!r}")
    result = []
    for item in items:
        if isinstance(item, bool) or not isinstance(item, str | int) or not str(item).strip():
            raise ApiError(400, f"{name}: Not a valid gid: {item!r}")
        result.append(str(item).strip())
    return result


def user_for(request: Request, ident: str, name: str) -> Record:
    """A user named by gid, ``"me"`` or email, as Asana accepts in user fields."""
    store = request.fake.store
    if ident == "me" and request.user is not None:
        return request.user
    if "@" in ident:
        found = store.find("user", lambda u: u.get("email") == ident)
        if not found:
            raise ApiError(404, f"{name}: Unknown object: {ident}")
        return found[0]
    if not ident.isdigit():
        raise ApiError(400, f"{name}: Not a valid gid: {ident}")
    record = store.records.get(ident)
    if record is None or record["resource_type"] != "user":
        raise ApiError(404, f"{name}: Unknown object: {ident}")
    return record


def users_for(request: Request, idents: Iterable[str], name: str) -> list[Record]:
    """The users ``idents`` name (see :func:`user_for`)."""
    return [user_for(request, ident, name) for ident in idents]


def in_workspace(user: Record | None, workspace_gid: str) -> bool:
    """Whether ``user`` belongs to the workspace ``workspace_gid``."""
    return user is not None and Ref(workspace_gid) in user.get("workspaces", [])


def require_workspace(request: Request, workspace: Record) -> None:
    """403 unless the caller belongs to ``workspace``."""
    if not in_workspace(request.user, workspace["gid"]):
        raise ApiError(403, f"You do not have access to workspace {workspace['gid']}")


def refs(records: Iterable[Record]) -> list[Ref]:
    """A ``Ref`` to each record."""
    return [Ref(r["gid"]) for r in records]


def add_refs(current: list[Ref], new: Iterable[Ref]) -> list[Ref]:
    """``current`` plus each of ``new`` not in it yet, order kept."""
    out = list(current)
    for ref in new:
        if ref not in out:
            out.append(ref)
    return out


def place(order: list[str], item: str, *, before: str | None, after: str | None) -> None:
    """Move (or insert) ``item`` in ``order``: before/after a member, else at the end."""
    anchor = before if before is not None else after
    if anchor == item and item in order:
        return  # placed next to itself: it stays where it is
    if item in order:
        order.remove(item)
    if anchor is None:
        order.append(item)
        return
    index = order.index(anchor)
    order.insert(index if before is not None else index + 1, item)


def live(store: Store, gids: Iterable[str]) -> list[Record]:
    """The records of ``gids`` that still exist, in order."""
    return [store.records[g] for g in gids if g in store.records]
