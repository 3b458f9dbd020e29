"""Example data assembled from the ``example`` values of the spec's schemas and properties."""

from __future__ import annotations

import copy
import functools
import json
from dataclasses import dataclass, field
from typing import Any, Final

from codegen.spec import Operation, deref
from tests.spec_loading import Spec, spec, spec_operations

# -- example data -------------------------------------------------------------------------


class _Missing:
    """No example and not required: the property is left out."""

    __slots__ = ()

    def __repr__(self) -> str:
        return "MISSING"


MISSING: Final = _Missing()


_SYNTHETIC_STRINGS: Final = {
    "date-time": "2012-02-22T02:06:58.147Z",
    "date": "2012-02-22",
    "uri": "https://example.com/",
    "url": "https://example.com/",
    "email": "user@example.com",
}


# Recursive schemas (a task's parent is a task...) stop after this many nested references.
_MAX_REF_DEPTH: Final = 6


@dataclass(frozen=True)
class _Shape:
    """An object schema with its ``allOf`` parts merged."""

    properties: dict[str, Any] = field(default_factory=dict)
    required: frozenset[str] = frozenset()
    is_object: bool = False


class _ExampleBuilder:
    """Assembles a value for a schema from the spec's ``example`` values.

    ``mode`` is ``"response"`` (``writeOnly`` properties left out) or ``"request"``
    (``readOnly`` ones left out). A node's own ``example`` wins; objects are built property
    by property, arrays hold one item, and required values without an example are
    synthesised from their type. Every object whose schema has ``gid`` gets one.
    """

    def __init__(self, root: Spec, mode: str) -> None:
        self.root = root
        self.skip = "readOnly" if mode == "request" else "writeOnly"

    def shape(self, node: Spec) -> _Shape:
        node = deref(self.root, node)
        properties: dict[str, Any] = {}
        required: set[str] = set()
        is_object = node.get("type") == "object" or "properties" in node
        for part in node.get("allOf", []):
            inner = self.shape(part)
            properties.update(inner.properties)
            required |= inner.required
            is_object = is_object or inner.is_object
        properties.update(node.get("properties", {}))
        required |= set(node.get("required", []))
        return _Shape(properties, frozenset(required), is_object)

    def value(self, node: Spec, *, required: bool, depth: int = 0) -> object:
        if "example" in node:  # an example next to a $ref counts too
            return self.with_gids(copy.deepcopy(node["example"]), node)
        if "$ref" in node:
            if depth >= _MAX_REF_DEPTH:
                return self.minimal(node) if required else MISSING
            return self.value(deref(self.root, node), required=required, depth=depth + 1)
        for key in ("oneOf", "anyOf"):
            if node.get(key):
                return self.value(node[key][0], required=required, depth=depth)
        shape = self.shape(node)
        if shape.is_object:
            return self.object_value(shape, required=required, depth=depth)
        if "allOf" in node:  # a scalar wrapped in allOf (to carry a description, ...)
            return self.value(self.flatten(node), required=required, depth=depth)
        if node.get("type") == "array":
            item = self.value(node.get("items", {}), required=False, depth=depth)
            if isinstance(item, _Missing):
                return [] if required else MISSING
            return [item]
        return self.synthesise(node) if required else MISSING

    def object_value(self, shape: _Shape, *, required: bool, depth: int) -> object:
        result: dict[str, object] = {}
        for name, prop in shape.properties.items():
            if deref(self.root, prop).get(self.skip) or prop.get(self.skip):
                continue
            value = self.value(prop, required=name in shape.required, depth=depth)
            if not isinstance(value, _Missing):
                result[name] = value
        if "gid" in shape.properties and "gid" not in result and self.skip != "readOnly":
            result["gid"] = self.gid(shape.properties["gid"])
        if not result and not required:
            return MISSING
        return result

    def flatten(self, node: Spec) -> Spec:
        """The keywords of ``node`` and of every ``allOf`` part, merged into one schema."""
        flat: Spec = {}
        for part in node.get("allOf", []):
            flat.update(self.flatten(deref(self.root, part)))
        flat.update({key: value for key, value in node.items() if key != "allOf"})
        return flat

    def only_required(self, node: Spec) -> dict[str, object]:
        """An object holding just the required properties of ``node`` (request ``data``)."""
        shape = self.shape(node)
        result: dict[str, object] = {}
        for name in sorted(shape.required):
            prop = shape.properties.get(name, {})
            if deref(self.root, prop).get(self.skip):
                continue
            result[name] = self.value(prop, required=True)
        return result

    def minimal(self, node: Spec) -> object:
        shape = self.shape(node)
        if "gid" in shape.properties:
            return {"gid": self.gid(shape.properties["gid"])}
        return {} if shape.is_object else self.synthesise(deref(self.root, node))

    def gid(self, node: Spec) -> str:
        example = deref(self.root, node).get("example", "12345")
        return str(example)

    def with_gids(self, value: object, node: Spec) -> object:
        """``value`` (a spec example) with ``gid`` added wherever the schema has one."""
        node = deref(self.root, node)
        if isinstance(value, list) and node.get("type") == "array":
            return [self.with_gids(item, node.get("items", {})) for item in value]
        if isinstance(value, dict):
            shape = self.shape(node)
            if "gid" in shape.properties and "gid" not in value:
                value["gid"] = self.gid(shape.properties["gid"])
        return value

    def synthesise(self, node: Spec) -> object:
        node = deref(self.root, node)
        if "default" in node:
            return copy.deepcopy(node["default"])
        if node.get("enum"):
            return node["enum"][0]
        kind = node.get("type", "string")
        if kind == "integer":
            return int(node.get("minimum", 1))
        if kind == "number":
            return float(node.get("minimum", 1.5))
        if kind == "boolean":
            return True
        if kind == "array":
            return []
        if kind == "object":
            return {}
        # A digit string passes for any string, and for the gids most unexampled strings are.
        return _SYNTHETIC_STRINGS.get(node.get("format", ""), "12345")


def schema_properties(node: Spec) -> dict[str, Any]:
    """The properties of a schema, ``allOf`` parts merged."""
    return _ExampleBuilder(spec(), "response").shape(node).properties


def example_value(node: Spec, *, mode: str = "response", required: bool = True) -> object:
    """Example data for one schema (see :class:`_ExampleBuilder`)."""
    return _ExampleBuilder(spec(), mode).value(node, required=required)


@functools.cache
def _example_response_json(operation_id: str) -> str:
    op = next(o for o in spec_operations() if o.operation_id == operation_id)
    envelope = op.response_schema()
    assert envelope is not None, f"{operation_id} has no JSON success body"
    builder = _ExampleBuilder(op.spec, "response")
    body = builder.value(envelope, required=True)
    assert isinstance(body, dict), f"{operation_id}: envelope example is not an object"
    if "data" not in body:
        body["data"] = builder.value(envelope["properties"]["data"], required=True)
    return json.dumps(body)


def example_response(op: Operation) -> dict[str, Any]:
    """The success body assembled from examples (a fresh copy; built once per operation)."""
    body: dict[str, Any] = json.loads(_example_response_json(op.operation_id))
    return body


def required_query(op: Operation) -> dict[str, object]:
    """A value for each required query parameter: its example, else one built from its schema."""
    builder = _ExampleBuilder(op.spec, "request")
    params: dict[str, object] = {}
    for param in op.params_in("query"):
        if not param.get("required"):
            continue
        schema = deref(op.spec, param.get("schema", {}))
        if "example" in param:
            params[param["name"]] = copy.deepcopy(param["example"])
        else:
            params[param["name"]] = builder.value(schema, required=True)
    return params


def request_data(op: Operation) -> dict[str, object] | None:
    """The required members of the JSON body's ``data``; None without a JSON body."""
    body = op.request_body()
    if body is None or body[0] != "application/json":
        return None
    envelope = body[1]
    builder = _ExampleBuilder(op.spec, "request")
    data = builder.shape(envelope).properties.get("data")
    if data is None:
        return {}
    return builder.only_required(data)


def example_params(op: Operation) -> dict[str, object]:
    """The ``params`` dict for a call: required query parameters, or the body's ``data``."""
    body = op.request_body()
    if body is not None and body[0] == "multipart/form-data":
        parent = example_value(body[1]["properties"]["parent"], mode="request")
        return {"parent": parent, "file": ("a.txt", b"hi", "text/plain")}
    data = request_data(op)
    if data is not None:
        return data
    return required_query(op)
