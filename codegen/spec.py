"""Loading Asana's spec: YAML to plain dicts, response codes as strings, overrides applied."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import yaml

from .overrides import PATCHES

__all__ = [
    "HTTP_VERBS",
    "SCHEMA_REF",
    "Operation",
    "Spec",
    "deref",
    "load_spec",
    "operations",
    "ref_name",
]

Spec = dict[str, Any]
HTTP_VERBS = ("get", "post", "put", "patch", "delete")
SCHEMA_REF = "#/components/schemas/"


def _string_codes(spec: Spec) -> None:
    # YAML reads `200:` as an int; OpenAPI tools (and JSON) want "200".
    for item in spec.get("paths", {}).values():
        for verb in HTTP_VERBS:
            op = item.get(verb)
            if op and "responses" in op:
                op["responses"] = {str(code): r for code, r in op["responses"].items()}


def load_spec(path: str | Path, *, patched: bool = True) -> Spec:
    """The spec as dicts; with ``patched`` (the default) every override applied."""
    with open(path, encoding="utf-8") as handle:
        spec: Spec = yaml.safe_load(handle)
    _string_codes(spec)
    if patched:
        for patch in PATCHES:
            patch.apply(spec)
    return spec


def deref(spec: Spec, node: Any) -> Any:
    """Follow ``$ref`` chains inside the spec (``#/components/...`` only)."""
    while isinstance(node, dict) and "$ref" in node:
        parts = node["$ref"].removeprefix("#/").split("/")
        target: Any = spec
        for part in parts:
            target = target[part]
        node = target
    return node


def ref_name(node: object) -> str | None:
    """The schema a ``$ref`` node names (``#/components/schemas/Task`` -> ``Task``), or None."""
    if isinstance(node, dict) and isinstance(node.get("$ref"), str):
        ref: str = node["$ref"]
        if ref.startswith(SCHEMA_REF):
            return ref[len(SCHEMA_REF) :]
    return None


class Operation:
    """One operation with its path-level parameters merged in and references resolved."""

    def __init__(self, spec: Spec, path: str, verb: str, op: Spec, common: list[Any]) -> None:
        self.spec = spec
        self.path = path
        self.verb = verb.upper()
        self.raw = op
        self.operation_id: str = op["operationId"]
        self.tag: str = op["tags"][0]
        self.summary: str = (op.get("summary") or "").strip()
        by_key: dict[tuple[str, str], Spec] = {}
        for param in [*common, *op.get("parameters", [])]:
            param = deref(spec, param)
            by_key[(param["in"], param["name"])] = param
        self.parameters = list(by_key.values())

    def params_in(self, where: str) -> list[Spec]:
        return [p for p in self.parameters if p["in"] == where]

    @property
    def success(self) -> tuple[str, Spec]:
        code = min(c for c in self.raw["responses"] if c.startswith("2"))
        return code, deref(self.spec, self.raw["responses"][code])

    def response_schema(self) -> Spec | None:
        """The success body's schema (the envelope), resolved; None without a JSON body."""
        content = self.success[1].get("content", {})
        media = content.get("application/json")
        return deref(self.spec, media["schema"]) if media else None

    def request_body(self) -> tuple[str, Spec] | None:
        """``(media type, schema)`` of the request body, if the operation has one."""
        body = deref(self.spec, self.raw.get("requestBody"))
        if not body:
            return None
        media_type, media = next(iter(body["content"].items()))
        return media_type, deref(self.spec, media["schema"])

    def __repr__(self) -> str:
        return f"<Operation {self.operation_id}: {self.verb} {self.path}>"


def operations(spec: Spec) -> Iterator[Operation]:
    """Every operation, in spec order."""
    for path, item in spec["paths"].items():
        common = item.get("parameters", [])
        for verb in HTTP_VERBS:
            if verb in item:
                yield Operation(spec, path, verb, item[verb], common)
