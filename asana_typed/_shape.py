"""Validators narrowed to the fields Asana actually sends, learned from earlier responses.

pydantic checks every declared field of a model, sent or not: for a compact task (4 of its
43 fields) most of the work is filling in and then removing the 39 absent ones, in a Python
hook per record. Responses to the same request look alike, though. So the first responses
for a key (envelope class and requested fields) are validated in full and their shape is
noted: per path, which fields every record had, which some had, and which none had. From
then on the key gets a validator built from the models' own core schemas with just those
fields: always-present ones required, the rest left out, and the Python hook kept only
where some record lacked a field. It builds the same classes.

A response that does not fit (a field left out appears, a required one is missing) fails
the narrowed validator, is validated in full, and widens the shape; after a few misses the
key stays on full validation. So narrowing changes the speed, never the result.
"""

from __future__ import annotations

import threading
from collections.abc import Hashable, Iterator
from typing import Any

from pydantic import BaseModel
from pydantic_core import PydanticCustomError, SchemaValidator, core_schema

from .models._base import NOT_LOADED, AsanaObject

__all__ = ["ShapeKey", "learn", "narrowed"]

ShapeKey = tuple[type[BaseModel], Hashable]

LEARN_FROM = 2
"""Responses validated in full (and noted) before a key gets a narrowed validator."""

MAX_MISSES = 3
"""Responses that may not fit before a key goes back to full validation for good."""

_MAX_DEPTH = 8
_MAX_KEYS = 512  # distinct keys tracked; later ones are validated in full

CoreDict = dict[str, Any]
_REMOVES_ABSENT = AsanaObject.model_post_init


class _Seen:
    """What the records at one path (of one class) carried."""

    __slots__ = ("counts", "nested", "records")

    def __init__(self) -> None:
        self.records = 0
        self.counts: dict[str, int] = {}  # field name -> records that had it
        self.nested: dict[tuple[str, type[BaseModel]], _Seen] = {}

    def note(self, record: BaseModel, depth: int) -> None:
        self.records += 1
        counts = self.counts
        declared = type(record).__pydantic_fields__
        values = record.__dict__
        for name in record.__pydantic_fields_set__:
            if name not in declared or name not in values:
                continue  # an extra key, or a field kept as sent (see _lenient)
            counts[name] = counts.get(name, 0) + 1
            if depth < _MAX_DEPTH:
                for item in _records(values[name]):
                    key = (name, type(item))
                    child = self.nested.get(key)
                    if child is None:
                        child = self.nested[key] = _Seen()
                    child.note(item, depth + 1)


def _records(value: object) -> Iterator[BaseModel]:
    if isinstance(value, BaseModel):
        yield value
    elif isinstance(value, list):
        for item in value:
            if isinstance(item, BaseModel):
                yield item


class _Entry:
    """One key: what was seen so far, and the validator learned from it."""

    __slots__ = ("learned", "misses", "off", "seen", "validator")

    def __init__(self) -> None:
        self.seen = _Seen()
        self.learned = 0
        self.misses = 0
        self.validator: SchemaValidator | None = None
        self.off = False


_entries: dict[ShapeKey, _Entry] = {}
_lock = threading.Lock()


def narrowed(key: ShapeKey) -> SchemaValidator | None:
    """The narrowed validator for ``key``, once one has been learned."""
    entry = _entries.get(key)
    return entry.validator if entry is not None else None


def learn(key: ShapeKey, envelope: BaseModel | None, missed: bool) -> None:
    """Note the shape of a response validated in full (``None``: it did not validate), and
    whether the narrowed validator failed on it first."""
    with _lock:
        entry = _entries.get(key)
        if entry is None:
            if len(_entries) >= _MAX_KEYS:
                return
            entry = _entries[key] = _Entry()
        if entry.off:
            return
        if missed:
            entry.misses += 1
            entry.validator = None
            if entry.misses >= MAX_MISSES:
                entry.off = True
                entry.seen = _Seen()
                return
        if envelope is None or entry.validator is not None:
            return
        if getattr(envelope, "data", None) == []:
            return  # an empty page shows no record's shape (the first event polls, say)
        entry.seen.note(envelope, 0)
        entry.learned += 1
        if entry.learned >= LEARN_FROM:
            entry.validator = _build(key[0], entry.seen)
            entry.off = entry.validator is None


def _build(envelope: type[BaseModel], seen: _Seen) -> SchemaValidator | None:
    narrower = _Narrower()
    top = narrower.resolve(dict(envelope.__pydantic_core_schema__))
    if top is None:
        return None
    schema = narrower.model(top, seen)
    used = narrower.definitions_used(schema)
    if used:
        schema = dict(core_schema.definitions_schema(schema, used))  # type: ignore[arg-type]  # plain dicts
    # pydantic-core reuses a complete model's own validator for any schema naming its class;
    # marking the narrowed classes incomplete while building makes it use the narrowed fields.
    # Should it stop honouring that, the validator is a full one: slower, never wrong.
    flipped = [c for c in narrower.classes if c.__dict__.get("__pydantic_complete__")]
    try:
        for cls in flipped:
            cls.__pydantic_complete__ = False
        return SchemaValidator(schema)
    finally:
        for cls in flipped:
            cls.__pydantic_complete__ = True


def _outside_shape(declared: frozenset[str]) -> CoreDict:
    """The extra-keys check: a declared field the shape left out must not pass as an extra."""

    def check(key: str) -> str:
        if key in declared:
            raise PydanticCustomError(
                "outside_shape", "{key} was not in the learned shape", {"key": key}
            )
        return key

    return dict(core_schema.no_info_after_validator_function(check, core_schema.str_schema()))


class _Narrower:
    """Copies core schemas with model fields cut to a learned shape (originals untouched)."""

    def __init__(self) -> None:
        self.definitions: dict[str, CoreDict] = {}
        self.classes: set[type[BaseModel]] = set()

    def _collect(self, schema: CoreDict) -> None:
        if schema.get("type") == "definitions":
            for item in schema["definitions"]:
                self.definitions.setdefault(item["ref"], item)

    def resolve(self, schema: CoreDict) -> CoreDict | None:
        """The model schema behind a definitions wrapper or a reference, if any."""
        self._collect(schema)
        if schema.get("type") == "definitions":
            schema = schema["schema"]
        if schema.get("type") == "definition-ref":
            found = self.definitions.get(schema["schema_ref"])
            if found is None:
                return None
            schema = found
        return schema if schema.get("type") == "model" else None

    def model(self, schema: CoreDict, seen: _Seen) -> CoreDict:
        cls: type[BaseModel] = schema["cls"]
        fields_schema = schema["schema"]
        if fields_schema.get("type") != "model-fields" or not seen.records:
            return self._reference(schema)
        fields: dict[str, CoreDict] = {}
        declared: set[str] = set()
        sometimes_absent = False
        # A field is only left out where unknown keys are kept as extras, so the extra-keys
        # check sees it if it does come; elsewhere it would be dropped without a trace.
        extra = fields_schema.get("extra_behavior") or schema.get("config", {}).get(
            "extra_fields_behavior"
        )
        may_leave_out = extra == "allow"
        for name, spec in fields_schema["fields"].items():
            alias = spec.get("validation_alias")
            declared.add(alias if isinstance(alias, str) else name)
            inner = spec["schema"]
            optional = inner.get("type") == "default" and inner.get("default") is NOT_LOADED
            count = seen.counts.get(name, 0)
            if optional and count == 0 and may_leave_out:
                continue  # never sent: left out, and caught by the extra-keys check if it is
            if optional and count == seen.records and count:
                inner = inner["schema"]  # always sent: required, so nothing to fill or remove
            elif optional:
                sometimes_absent = True
            fields[name] = {**spec, "schema": self.inner(inner, seen, name)}
        narrowed = {**fields_schema, "fields": fields}
        if len(fields) < len(declared):
            narrowed["extras_keys_schema"] = _outside_shape(frozenset(declared))
        self.classes.add(cls)
        copy = {k: v for k, v in schema.items() if k != "ref"}
        copy["schema"] = narrowed
        if not sometimes_absent and getattr(cls, "model_post_init", None) is _REMOVES_ABSENT:
            # AsanaObject.model_post_init only removes absent fields; none can be absent here.
            copy.pop("post_init", None)
        return copy

    def _reference(self, schema: CoreDict) -> CoreDict:
        ref = schema.get("ref")
        if ref is None:
            return schema
        self.definitions.setdefault(ref, schema)
        return {"type": "definition-ref", "schema_ref": ref}

    def inner(self, schema: CoreDict, seen: _Seen, name: str) -> CoreDict:
        """``schema`` with the models inside it (through lists, nulls, unions) narrowed."""
        kind = schema.get("type")
        if kind in ("model", "definition-ref", "definitions"):
            model = self.resolve(schema)
            if model is None:
                return schema
            child = seen.nested.get((name, model["cls"]))
            return self.model(model, child) if child is not None else self._reference(model)
        if kind in ("default", "nullable"):
            return {**schema, "schema": self.inner(schema["schema"], seen, name)}
        if kind == "list" and "items_schema" in schema:
            return {**schema, "items_schema": self.inner(schema["items_schema"], seen, name)}
        if kind == "tagged-union":
            choices = {k: self.inner(v, seen, name) for k, v in schema["choices"].items()}
            return {**schema, "choices": choices}
        if kind == "union":
            options = [
                (self.inner(c[0], seen, name), c[1])
                if isinstance(c, tuple)
                else self.inner(c, seen, name)
                for c in schema["choices"]
            ]
            return {**schema, "choices": options}
        return schema

    def definitions_used(self, schema: CoreDict) -> list[CoreDict]:
        """The definitions ``schema`` still refers to, and the ones those refer to."""
        found: dict[str, CoreDict] = {}
        todo = list(_refs(schema))
        while todo:
            ref = todo.pop()
            if ref in found or ref not in self.definitions:
                continue
            found[ref] = self.definitions[ref]
            todo.extend(_refs(found[ref]))
        return list(found.values())


def _refs(node: object) -> Iterator[str]:
    if isinstance(node, dict):
        if node.get("type") == "definition-ref":
            yield node["schema_ref"]
        for value in node.values():
            yield from _refs(value)
    elif isinstance(node, (list, tuple)):
        for value in node:
            yield from _refs(value)
