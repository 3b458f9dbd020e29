"""Which schemas become which models, and the merged properties of each model.

The Compact, Base and Response variants of a resource (all names that
:func:`names.model_name` maps to one class) merge into one model, richest definition last;
``allOf``/``anyOf`` are followed, and an ``allOf`` wrapper on a property adds what it
lacks to the model it refers to.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from . import names
from .spec import SCHEMA_REF, Spec, deref, operations, ref_name

__all__ = [
    "NOT_MODELS",
    "Prop",
    "Props",
    "augment",
    "flatten",
    "group_props",
    "model_schemas",
    "rank",
    "schema_description",
]

# Schemas that become no model of their own, and why.
NOT_MODELS = {
    "EmptyResponse": "the empty `data: {}` of a DELETE",
    "NextPage": "hand-written in _base.py",
    "ErrorResponse": "the error envelope, which model_name would merge into Error",
}


# -- which schemas become which models ---------------------------------------------------


def _refs_in(node: object, out: set[str]) -> None:
    name = ref_name(node)
    if name is not None:
        out.add(name)
    if isinstance(node, dict):
        for value in node.values():
            _refs_in(value, out)
    elif isinstance(node, list):
        for value in node:
            _refs_in(value, out)


def _closure(spec: Spec, start: set[str]) -> set[str]:
    schemas = spec["components"]["schemas"]
    seen: set[str] = set()
    todo = sorted(start)
    while todo:
        name = todo.pop()
        if name in seen or name not in schemas:
            continue
        seen.add(name)
        found: set[str] = set()
        _refs_in(schemas[name], found)
        todo.extend(sorted(found - seen))
    return seen


def _is_request_name(name: str) -> bool:
    return name.endswith(("Request", "RequestBase"))


def model_schemas(spec: Spec) -> dict[str, list[str]]:
    """``{model: [schema, ...]}`` in spec order: which schemas merge into which model.

    Left out: request bodies (``*Request``, ``*RequestBase``), schemas only request bodies
    use (``BatchRequestAction``, ...), and :data:`NOT_MODELS`.
    """
    in_requests: set[str] = set()
    in_responses: set[str] = set()
    for op in operations(spec):
        _refs_in(op.raw.get("requestBody"), in_requests)
        for response in op.raw.get("responses", {}).values():
            _refs_in(deref(spec, response), in_responses)
    request_only = _closure(spec, in_requests) - _closure(spec, in_responses)
    groups: dict[str, list[str]] = {}
    for name in spec["components"]["schemas"]:
        if name in NOT_MODELS or _is_request_name(name) or name in request_only:
            continue
        groups.setdefault(names.model_name(name), []).append(name)
    return groups


def rank(name: str) -> int:
    """Compact, then Base (and the rest), then Response: the order variants merge in."""
    if name.endswith("Response"):
        return 2
    if name.endswith("Compact"):
        return 0
    return 1


# -- properties --------------------------------------------------------------------------


@dataclass
class Prop:
    """One property of a class: its schema (alternatives, for anyOf) and its description."""

    schemas: list[Spec]
    description: str | None


Props = dict[str, Prop]


def _description(node: Spec) -> str | None:
    """A property's own description (on itself or on a non-``$ref`` part of its allOf)."""
    if isinstance(node.get("description"), str):
        text: str = node["description"]
        return text
    for part in node.get("allOf", []):
        if (
            isinstance(part, dict)
            and "$ref" not in part
            and isinstance(part.get("description"), str)
        ):
            found: str = part["description"]
            return found
    return None


def _merge(into: Props, more: Props, union: bool) -> None:
    """Later definitions win (allOf, variants); with ``union`` (anyOf) they add alternatives."""
    for key, prop in more.items():
        old = into.get(key)
        if old is None:
            into[key] = Prop(list(prop.schemas), prop.description)
        elif union:
            old.schemas.extend(s for s in prop.schemas if s not in old.schemas)
            old.description = old.description or prop.description
        else:
            old.schemas = list(prop.schemas)
            old.description = prop.description or old.description


def flatten(spec: Spec, node: Spec, seen: tuple[str, ...] = ()) -> Props:
    """The properties of an object schema, following ``$ref``, ``allOf`` and ``anyOf``."""
    props: Props = {}
    name = ref_name(node)
    if name is not None:
        if name in seen:
            return props
        return flatten(spec, deref(spec, node), (*seen, name))
    for part in node.get("allOf", []):
        _merge(props, flatten(spec, part, seen), union=False)
    for key in ("anyOf", "oneOf"):
        for part in node.get(key, []):
            _merge(props, flatten(spec, part, seen), union=True)
    for key, value in (node.get("properties") or {}).items():
        _merge(props, {key: Prop([value], _description(value))}, union=False)
    return props


def schema_description(spec: Spec, node: Spec) -> str | None:
    """A schema's description, or the first one found along its allOf chain."""
    node = deref(spec, node)
    if isinstance(node.get("description"), str):
        text: str = node["description"]
        return text
    for part in node.get("allOf", []):
        found = schema_description(spec, part)
        if found:
            return found
    return None


def group_props(spec: Spec, group: list[str]) -> Props:
    """The properties of a model: its schemas merged, the richest variant last."""
    schemas = spec["components"]["schemas"]
    ordered = sorted(
        group,
        key=lambda s: (rank(s), len(flatten(spec, schemas[s])), group.index(s)),
    )
    props: Props = {}
    for schema in ordered:
        _merge(props, flatten(spec, {"$ref": SCHEMA_REF + schema}), union=False)
    return props


def _wrappers(node: object, root: bool) -> Iterator[Spec]:
    """Property-level ``allOf`` nodes (not a schema's own allOf inheritance)."""
    if not isinstance(node, dict):
        return
    if not root and node.get("allOf"):
        yield node
    for part in node.get("allOf", []):
        yield from _wrappers(part, root)
    for value in (node.get("properties") or {}).values():
        yield from _wrappers(value, False)
    for key in ("items", "additionalProperties"):
        yield from _wrappers(node.get(key), False)
    for key in ("anyOf", "oneOf"):
        for part in node.get(key, []):
            yield from _wrappers(part, root)


def augment(spec: Spec, model_of: dict[str, str], props: dict[str, Props]) -> None:
    """``allOf: [$ref X, {properties: ...}]`` on a property adds to X's model what it lacks.

    (``Goal.metric`` is a ``GoalMetricBase`` plus ``can_manage``: ``GoalMetric`` gets it.)
    """
    schemas = spec["components"]["schemas"]
    for name in schemas:
        if name not in model_of:
            continue
        for node in _wrappers(schemas[name], True):
            refs = [p for p in node["allOf"] if ref_name(p)]
            if len(refs) != 1:
                continue
            target = model_of.get(ref_name(refs[0]) or "")
            if target is None:
                continue
            for part in node["allOf"]:
                if ref_name(part):
                    continue
                for key, prop in flatten(spec, part).items():
                    if key not in props[target]:
                        props[target][key] = prop
