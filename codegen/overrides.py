"""Fixes to Asana's spec, applied before generation and before validation in the tests.

Each patch names what it changes and why in one line. Keep them small and specific: a patch
that no longer finds what it fixes raises, so a corrected spec is noticed.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

__all__ = ["PATCHES", "Patch"]

Spec = dict[str, Any]


@dataclass(frozen=True)
class Patch:
    """One fix: ``apply`` changes the spec in place."""

    name: str
    reason: str
    apply: Callable[[Spec], None]


def _schema(spec: Spec, name: str) -> Spec:
    schema: Spec = spec["components"]["schemas"][name]
    return schema


def _op(spec: Spec, path: str, verb: str) -> Spec:
    op: Spec = spec["paths"][path][verb]
    return op


def _props(schema: Spec) -> Spec:
    """The ``properties`` of a schema, looking inside an ``allOf`` wrapper."""
    if "properties" in schema:
        props: Spec = schema["properties"]
        return props
    for part in schema.get("allOf", []):
        if "properties" in part:
            found: Spec = part["properties"]
            return found
    raise KeyError("no properties")


def _make_nullable(schema_name: str, *fields: str) -> Callable[[Spec], None]:
    def apply(spec: Spec) -> None:
        props = _props(_schema(spec, schema_name))
        for field in fields:
            props[field]["nullable"] = True

    return apply


def _rekey_responses(spec: Spec) -> None:
    fixed = 0
    for item in spec["paths"].values():
        for op in item.values():
            if not isinstance(op, dict) or "responses" not in op:
                continue
            responses = op["responses"]
            for wrong, right in (("424", "429"), ("501", "502")):
                if wrong in responses:
                    responses.setdefault(right, responses.pop(wrong))
                    fixed += 1
    if not fixed:
        raise LookupError("no 424/501 responses left to re-key")


def _declare_429(spec: Spec) -> None:
    for item in spec["paths"].values():
        for op in item.values():
            if isinstance(op, dict) and "responses" in op:
                op["responses"].setdefault(
                    "429", {"$ref": "#/components/responses/TooManyRequests"}
                )


def _search_limit(spec: Spec) -> None:
    op = _op(spec, "/workspaces/{workspace_gid}/tasks/search", "get")
    names = {p.get("name") for p in op["parameters"]} | {
        p["$ref"].rsplit("/", 1)[-1] for p in op["parameters"] if "$ref" in p
    }
    if "limit" in names:
        raise LookupError("search already declares limit")
    op["parameters"].append({"$ref": "#/components/parameters/limit"})


def _hook_secret_header(spec: Spec) -> None:
    response = _op(spec, "/webhooks", "post")["responses"]["201"]
    schema = response["content"]["application/json"]["schema"]
    prop = schema["properties"].pop("X-Hook-Secret")
    response.setdefault("headers", {})["X-Hook-Secret"] = {
        "description": prop.get("description", ""),
        "schema": {"type": "string"},
    }


def _workspace_events_412(spec: Spec) -> None:
    events = _op(spec, "/events", "get")["responses"]["412"]
    _op(spec, "/workspaces/{workspace_gid}/events", "get")["responses"].setdefault("412", events)


def _drop_explicit_null_in_enums(spec: Spec) -> None:
    dropped = 0

    def walk(node: object) -> None:
        nonlocal dropped
        if isinstance(node, dict):
            enum = node.get("enum")
            if isinstance(enum, list) and None in enum and node.get("nullable"):
                node["enum"] = [v for v in enum if v is not None]
                dropped += 1
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    walk(spec["components"]["schemas"])
    if not dropped:
        raise LookupError("no nullable enum lists null any more")


def _batch_offset_is_a_token(spec: Spec) -> None:
    options = _props(_schema(spec, "BatchRequestAction"))["options"]
    options["properties"]["offset"]["type"] = "string"
    options["properties"]["offset"]["example"] = "eyJ0eXAiOJiKV1iQLCJhbGciOiJIUzI1NiJ9"


def _event_change_types(spec: Spec) -> None:
    event = _props(_schema(spec, "EventResponse"))
    change = event["change"]["properties"]
    for key in ("new_value", "added_value", "removed_value"):
        if "$ref" in change[key] or "type" in change[key]:
            raise LookupError(f"EventResponse.change.{key} has a schema now")
        # A resource as Asana documents it (gid and resource_type, or its compact record).
        change[key] = {
            "allOf": [{"$ref": "#/components/schemas/AsanaNamedResource"}],
            "description": change[key].get("description"),
        }
    event["action"]["enum"] = ["changed", "added", "removed", "deleted", "undeleted"]
    change["action"]["enum"] = ["changed", "added", "removed"]


PATCHES: tuple[Patch, ...] = (
    Patch(
        "event-user-parent-nullable",
        "Asana sends null for Event.user on system events and Event.parent outside added/removed",
        _make_nullable("EventResponse", "user", "parent"),
    ),
    Patch(
        "rekey-424-501",
        "getAttachment/getProjectBrief list 424 and 501 for TooManyRequests and BadGateway: typos",
        _rekey_responses,
    ),
    Patch(
        "declare-429",
        "every operation can answer 429 with Retry-After, but the spec declares it nowhere",
        _declare_429,
    ),
    Patch(
        "search-limit",
        "task search takes limit (1..100) as Asana documents, but the spec does not declare it",
        _search_limit,
    ),
    Patch(
        "hook-secret-header",
        "X-Hook-Secret of POST /webhooks is a response header, not a member of the JSON body",
        _hook_secret_header,
    ),
    Patch(
        "workspace-events-412",
        "workspace events answer 412 with a fresh sync token like /events, but declare no 412",
        _workspace_events_412,
    ),
    Patch(
        "enum-null",
        "nullable enums that also list null break some validators; nullable alone says it",
        _drop_explicit_null_in_enums,
    ),
    Patch(
        "batch-offset-string",
        "BatchRequestAction.options.offset is an offset token (a string), typed integer",
        _batch_offset_is_a_token,
    ),
    Patch(
        "event-change-types",
        "Event.change values have no schema but are documented as resources (gid, resource_type);"
        " the actions are documented lists",
        _event_change_types,
    ),
    Patch(
        "project-team-nullable",
        "projects in personal workspaces have no team: Asana sends team: null",
        _make_nullable("ProjectResponse", "team"),
    ),
)
