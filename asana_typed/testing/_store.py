"""The fake's state: records by gid, references between them, and their rendering.

A record is a plain dict. A field that points at another record holds a :class:`Ref` (or
a list of them), so one rename shows everywhere and ``opt_fields`` can reach through it.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import Any

__all__ = ["COMPACT", "ApiError", "Record", "Ref", "Store"]

Record = dict[str, Any]

# Fields of each resource's compact record (Asana's ``*Compact`` schemas).
COMPACT: dict[str, tuple[str, ...]] = {
    "attachment": ("name", "resource_subtype"),
    "custom_field": (
        "name",
        "type",
        "resource_subtype",
        "enum_options",
        "enabled",
        "representation_type",
        "display_value",
    ),
    "custom_field_setting": (),
    "enum_option": ("name", "enabled", "color"),
    "project": ("name",),
    "project_membership": ("parent", "member", "access_level"),
    "section": ("name",),
    "story": ("created_at", "created_by", "resource_subtype", "text"),
    "tag": ("name",),
    "task": ("name", "resource_subtype", "created_by"),
    "team": ("name",),
    "user": ("name",),
    "webhook": ("active", "resource", "target"),
    "workspace": ("name",),
}


class ApiError(Exception):
    """An error answer in Asana's shape: ``{"errors": [{"message": ...}], **extra}``."""

    def __init__(
        self,
        status: int,
        message: str,
        *,
        extra: dict[str, Any] | None = None,
        headers: dict[str, str] | None = None,
    ) -> None:
        super().__init__(message)
        self.status = status
        self.message = message
        self.extra = extra or {}
        self.headers = headers or {}


@dataclass(frozen=True, slots=True)
class Ref:
    """A reference from one record to another."""

    gid: str


class Store:
    """Every record of the fake, by gid."""

    def __init__(self) -> None:
        self.records: dict[str, Record] = {}
        self._gids: Iterator[int] = itertools.count(1_200_000_000_000_001)

    def new_gid(self) -> str:
        return str(next(self._gids))

    def add(self, resource_type: str, **fields: Any) -> Record:
        """Create a record; ``gid`` and ``resource_type`` come first, as Asana orders them."""
        record: Record = {"gid": self.new_gid(), "resource_type": resource_type, **fields}
        self.records[record["gid"]] = record
        return record

    def get(self, gid: str, *types: str) -> Record:
        """The record ``gid`` (of one of ``types``, if given), else a 404 as Asana words it."""
        record = self.records.get(gid)
        if record is None or (types and record["resource_type"] not in types):
            kind = types[0] if types else "object"
            if not gid.isdigit():
                raise ApiError(400, f"{kind}: Not a valid gid: {gid}")
            raise ApiError(404, f"{kind}: Unknown object: {gid}")
        return record

    def find(
        self, resource_type: str, where: Callable[[Record], bool] = lambda r: True
    ) -> list[Record]:
        return [
            r for r in self.records.values() if r["resource_type"] == resource_type and where(r)
        ]

    def delete(self, gid: str) -> Record:
        return self.records.pop(gid)

    # -- rendering -----------------------------------------------------------------------

    def compact(self, record: Record) -> Record:
        out = {"gid": record["gid"], "resource_type": record["resource_type"]}
        for name in COMPACT.get(record["resource_type"], ("name",)):
            if name in record:
                out[name] = self._value(record[name], None)
        return out

    def full(self, record: Record) -> Record:
        return {k: self._value(v, None) for k, v in record.items() if not k.startswith("_")}

    def project(self, record: Record, fields: Iterable[str]) -> Record:
        """``opt_fields``: gid always, plus each requested field; ``a.b`` reaches into ``a``."""
        tree: dict[str, Any] = {}
        for path in fields:
            node = tree
            for part in path.split("."):
                node = node.setdefault(part, {})
        return self._project(record, tree)

    def _project(self, record: Record, tree: dict[str, Any]) -> Record:
        out: Record = {"gid": record["gid"]}
        for name, sub in tree.items():
            if name in record and not name.startswith("_"):
                out[name] = self._value(record[name], sub)
        return out

    def _value(self, value: Any, tree: dict[str, Any] | None) -> Any:
        if isinstance(value, Ref):
            target = self.records.get(value.gid)
            if target is None:
                return None
            if tree:
                return self._project(target, tree)
            if tree is None:
                return self.compact(target)
            return {"gid": target["gid"], "resource_type": target["resource_type"]}
        if isinstance(value, list):
            return [
                self._value(v, tree)
                for v in value
                if not (isinstance(v, Ref) and v.gid not in self.records)
            ]
        if isinstance(value, dict) and tree:  # an embedded object keeps its gid, as in Asana
            return {
                k: self._value(v, tree.get(k) or None)
                for k, v in value.items()
                if k in tree or k == "gid"
            }
        if isinstance(value, dict):
            return {k: self._value(v, None) for k, v in value.items()}
        return value
