"""Asana's OpenAPI spec for the conformance tests: finding it, loading it once, validating with it.

- :func:`spec_path` finds the spec (``$ASANA_OAS``, else ``<repo>/../shared/asana_oas.yaml``);
  :func:`require_spec` skips a test without it, except under CI (``$CI`` set), where a
  missing spec fails the test, since CI always has it.
- :func:`spec`, :func:`spec_operations` and :func:`openapi` load it once per session, with
  every patch of ``codegen/overrides.py`` applied (``codegen.spec.load_spec``).
- :class:`RecordedRequest` adapts a recorded ``httpx.Request`` to openapi-core's request
  protocol; :func:`request_errors` validates one and adds the checks openapi-core does not
  make (undeclared query parameters, bodies where the spec has none, ``options.fields``).
- :func:`example_value`, :func:`example_response` and :func:`example_params` assemble
  example data from the ``example`` values of the spec's schemas and properties.
- :class:`RecordedResponse` adapts an ``httpx.Response`` to openapi-core's response
  protocol; :func:`response_errors` validates one (status, headers, body) against the
  operation its request names, and :func:`operation_for` finds an operation by verb and
  path template (placeholder names ignored); :func:`spec_request_errors` validates a
  request with openapi-core alone (any path arguments).
"""

from __future__ import annotations

import copy
import functools
import inspect
import json
import os
import re
import warnings
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Final
from urllib.parse import parse_qsl

import httpx
import pytest
from openapi_core import Config, OpenAPI
from openapi_core.datatypes import RequestParameters
from pydantic import BaseModel
from werkzeug.datastructures import Headers, ImmutableMultiDict

from codegen.names import snake, tag_attribute
from codegen.spec import Operation, deref, load_spec, operations

__all__ = [
    "OPT_FIELDS",
    "PATH_SAMPLES",
    "RecordedRequest",
    "RecordedResponse",
    "describe_request",
    "example_params",
    "example_response",
    "example_value",
    "first_item",
    "format_errors",
    "invoke",
    "openapi",
    "openapi_nullable",
    "operation_for",
    "operation_params",
    "opt_fields_enum",
    "path_args",
    "raw_spec",
    "request_errors",
    "require_spec",
    "response_errors",
    "schema_properties",
    "sdk_method",
    "shared_file",
    "shared_file_or_none",
    "spec",
    "spec_operations",
    "spec_path",
    "spec_request_errors",
]

Spec = dict[str, Any]

REPO: Final = Path(__file__).resolve().parent.parent
SPEC_ENV: Final = "ASANA_OAS"
OPT_FIELDS: Final = "opt_fields"
# Distinct sample values for path placeholders, in the order the path names them.
PATH_SAMPLES: Final = ("12345", "67890", "24680")


# -- finding and loading ------------------------------------------------------------------


def spec_path() -> Path:
    """Where the spec should be: ``$ASANA_OAS``, else ``<repo>/../shared/asana_oas.yaml``."""
    configured = os.environ.get(SPEC_ENV)
    if configured:
        return Path(configured)
    return REPO.parent / "shared" / "asana_oas.yaml"


def require_spec() -> Path:
    """The spec's path; skips the calling test without it, or fails it under CI."""
    path = spec_path()
    if path.is_file():
        return path
    reason = (
        f"Asana's OpenAPI spec not found at {path} (set ${SPEC_ENV} to the path of asana_oas.yaml)"
    )
    if os.environ.get("CI"):
        pytest.fail(f"{reason}; CI must always have it", pytrace=False)
    pytest.skip(reason)


@functools.cache
def spec() -> Spec:
    """The patched spec (every override applied), loaded once per session."""
    return load_spec(require_spec())


@functools.cache
def spec_operations() -> tuple[Operation, ...]:
    """Every operation of the patched spec, in spec order."""
    return tuple(operations(spec()))


@functools.cache
def openapi() -> OpenAPI:
    """openapi-core's view of the patched spec (validated as OpenAPI 3.0 on the way in)."""
    return OpenAPI.from_dict(spec())


def operation_params(where: Callable[[Operation], bool] | None = None) -> list[Any]:
    """``pytest.param`` per operation (id = operationId; only those ``where`` accepts), for
    ``parametrize`` at collection.

    Without the spec there is one parameter, ``no-spec``, whose test calls
    :func:`require_spec` and so is skipped (or fails under CI) with the reason.
    """
    if not spec_path().is_file():
        return [pytest.param(None, id="no-spec")]
    return [
        pytest.param(op, id=op.operation_id)
        for op in spec_operations()
        if where is None or where(op)
    ]


def _shared_candidates(name: str) -> list[Path]:
    return [spec_path().parent / name, REPO.parent / "shared" / name]


def shared_file_or_none(name: str) -> Path | None:
    """A file of the shared reference folder (``reference/...``): next to the spec, else in
    ``<repo>/../shared``; None if neither has it."""
    return next((p for p in _shared_candidates(name) if p.is_file()), None)


def shared_file(name: str) -> Path:
    """:func:`shared_file_or_none`, but skips without the file, or fails under CI."""
    path = shared_file_or_none(name)
    if path is not None:
        return path
    candidates = _shared_candidates(name)
    reason = f"{name} not found in {[str(c.parent) for c in candidates]}"
    if os.environ.get("CI"):
        pytest.fail(f"{reason}; CI must always have it", pytrace=False)
    pytest.skip(reason)


@functools.cache
def raw_spec() -> Spec:
    """The spec as published, without the overrides (do not modify: copy first)."""
    return load_spec(require_spec(), patched=False)


# -- operations ---------------------------------------------------------------------------


def path_args(op: Operation) -> list[str]:
    """Sample values for the path placeholders, in the order the path names them."""
    names = re.findall(r"\{(\w+)\}", op.path)
    return list(PATH_SAMPLES[: len(names)])


def expected_path(op: Operation) -> str:
    """The path (after the server's base path) that :func:`path_args` must produce."""
    values = iter(PATH_SAMPLES)
    return re.sub(r"\{\w+\}", lambda _: next(values), op.path)


def opt_fields_enum(op: Operation) -> list[str]:
    """The closed list of ``opt_fields`` values the operation declares (empty if none)."""
    for param in op.params_in("query"):
        if param["name"] == OPT_FIELDS:
            items = deref(op.spec, param["schema"].get("items", {}))
            return list(items.get("enum", []))
    return []


def data_schema(op: Operation) -> tuple[str | None, Spec | None]:
    """``(schema name, schema)`` of the success envelope's ``data`` (array: of its items)."""
    envelope = op.response_schema()
    if envelope is None:
        return None, None
    data = envelope.get("properties", {}).get("data")
    if data is None:
        return None, None
    if data.get("type") == "array":
        data = data["items"]
    ref = data.get("$ref")
    name = ref.rsplit("/", 1)[-1] if isinstance(ref, str) else None
    return name, deref(op.spec, data)


def data_is_array(op: Operation) -> bool:
    envelope = op.response_schema() or {}
    data = envelope.get("properties", {}).get("data", {})
    return bool(data.get("type") == "array")


def is_paginated(op: Operation) -> bool:
    """Whether the SDK should iterate the operation's pages: its ``data`` is an array and the
    envelope has ``next_page`` or the operation takes an ``offset`` (``/task_templates`` and
    the users of a team or workspace take one, though their envelopes list no ``next_page``).
    """
    envelope = op.response_schema() or {}
    offset = any(p["name"] == "offset" for p in op.params_in("query"))
    return data_is_array(op) and ("next_page" in envelope.get("properties", {}) or offset)


def sdk_method(client: object, op: Operation) -> Any:
    """``client.<tag_attribute(tag)>.<snake(operationId)>``; fails (not skips) without it."""
    attribute, name = tag_attribute(op.tag), snake(op.operation_id)
    resource = getattr(client, attribute, None)
    if resource is None:
        pytest.fail(f"client has no resource {attribute!r} for {op!r} (tag {op.tag!r})")
    method = getattr(resource, name, None)
    if not callable(method):
        pytest.fail(f"client.{attribute} has no method {name!r} for {op!r}")
    return method


def invoke(client: object, op: Operation, params: dict[str, object], **options: Any) -> Any:
    """Call the SDK method of ``op`` with sample path arguments and ``params``.

    A method whose operation has no parameters at all may take no ``params`` dict; one that
    takes none although the operation needs some fails the test.
    """
    method = sdk_method(client, op)
    args: list[object] = list(path_args(op))
    positional = [
        p
        for p in inspect.signature(method).parameters.values()
        if p.kind in (p.POSITIONAL_ONLY, p.POSITIONAL_OR_KEYWORD)
    ]
    if len(positional) > len(args):
        args.append(params)
    elif params:
        pytest.fail(f"{method.__qualname__} takes no params dict, but {op!r} needs {params}")
    return method(*args, **options)


def first_item(result: object) -> object:
    """A lazy collection's first item (fetching one page only); anything else as it is."""
    if result is None or isinstance(result, list | dict | str | BaseModel):
        return result
    if isinstance(result, Iterator):
        return next(result, None)
    if isinstance(result, Iterable):
        return next(iter(result), None)
    return result


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


# -- requests -----------------------------------------------------------------------------


@dataclass
class RecordedRequest:
    """An ``httpx.Request`` as openapi-core's ``Request`` protocol wants it."""

    host_url: str
    path: str
    method: str
    parameters: RequestParameters
    body: bytes | None
    content_type: str

    @classmethod
    def from_httpx(cls, request: httpx.Request) -> RecordedRequest:
        url = request.url
        query = parse_qsl(url.query.decode("ascii"), keep_blank_values=True)
        # opt_fields arrives as one comma-joined value: openapi-core splits it by the
        # parameter's style (form, explode=false) and checks every item against the enum.
        headers = Headers(list(request.headers.multi_items()))
        return cls(
            host_url=f"{url.scheme}://{url.netloc.decode('ascii')}",
            path=url.path,
            method=request.method.lower(),
            parameters=RequestParameters(query=ImmutableMultiDict(query), header=headers),
            body=request.content or None,
            content_type=request.headers.get("content-type", "").lower(),
        )


def _walk_causes(error: BaseException) -> Iterable[str]:
    seen: set[int] = set()
    current: BaseException | None = error
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        yield f"{type(current).__name__}: {current}"
        for schema_error in getattr(current, "schema_errors", ()) or ():
            where = "/".join(str(p) for p in getattr(schema_error, "absolute_path", ()))
            yield f"    at {where or '(root)'}: {getattr(schema_error, 'message', schema_error)}"
        current = current.__cause__ or current.__context__


def format_errors(errors: Iterable[BaseException | str]) -> str:
    lines: list[str] = []
    for error in errors:
        if isinstance(error, str):
            lines.append(f"- {error}")
            continue
        causes = list(_walk_causes(error))
        lines.append(f"- {causes[0]}")
        lines.extend(f"  {cause}" for cause in causes[1:])
    return "\n".join(lines)


def describe_request(request: httpx.Request) -> str:
    """Method, URL, headers (no credentials) and body, for a failure message."""
    headers = {
        k: v
        for k, v in request.headers.items()
        if k.lower() not in ("authorization", "user-agent", "x-asana-client-lib")
    }
    body = request.content[:2000].decode("utf-8", "replace")
    more = " ..." if len(request.content) > 2000 else ""
    return f"{request.method} {request.url}\n  headers: {headers}\n  body: {body!r}{more}"


def _declared_query(op: Operation) -> set[str]:
    return {p["name"] for p in op.params_in("query")}


def _harness_checks(op: Operation, request: httpx.Request) -> list[str]:
    """What openapi-core does not check: verb, exact path, query names, body presence."""
    problems: list[str] = []
    if request.method != op.verb:
        problems.append(f"verb {request.method}, spec says {op.verb}")
    base = httpx.URL(spec()["servers"][0]["url"])
    want = base.path.rstrip("/") + expected_path(op)
    if request.url.path != want:
        problems.append(f"path {request.url.path!r}, expected {want!r} (path arguments in order)")
    query = parse_qsl(request.url.query.decode("ascii"), keep_blank_values=True)
    names = [name for name, _ in query]
    undeclared = sorted(set(names) - _declared_query(op))
    if undeclared:
        problems.append(f"query parameters the spec does not declare: {undeclared}")
    repeated = sorted({n for n in names if names.count(n) > 1})
    if repeated:
        problems.append(f"query parameters sent more than once: {repeated}")
    body = op.request_body()
    if body is None and request.content:
        problems.append(f"a body was sent but the spec declares none ({len(request.content)} B)")
    if body is not None and body[0] == "application/json" and request.content:
        problems.extend(_json_body_checks(op, request))
    if body is not None and body[0] == "multipart/form-data":
        kind = request.headers.get("content-type", "")
        if not kind.startswith("multipart/form-data; boundary="):
            problems.append(f"content type {kind!r}, spec says multipart/form-data")
    return problems


def _json_body_checks(op: Operation, request: httpx.Request) -> list[str]:
    problems: list[str] = []
    try:
        payload = json.loads(request.content)
    except ValueError as exc:
        return [f"body is not JSON: {exc}"]
    if not isinstance(payload, dict) or not isinstance(payload.get("data"), dict):
        return [f"body is not {{'data': {{...}}, ...}}: {payload!r}"[:300]]
    extra = sorted(set(payload) - {"data", "options"})
    if extra:
        problems.append(f"body has members besides data/options: {extra}")
    options = payload.get("options", {})
    allowed = set(opt_fields_enum(op))
    sent = options.get("fields", []) if isinstance(options, dict) else []
    unknown = sorted(set(sent) - allowed) if allowed else []
    if unknown:
        problems.append(f"options.fields not in the operation's opt_fields enum: {unknown}")
    return problems


def request_errors(op: Operation, request: httpx.Request) -> list[BaseException | str]:
    """Everything wrong with ``request`` as a call of ``op``: openapi-core's errors first."""
    recorded = RecordedRequest.from_httpx(request)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        errors: list[BaseException | str] = list(openapi().request_validator.iter_errors(recorded))
    for warning in caught:
        message = str(warning.message)
        # openapi-core warns that allowEmptyValue (declared on opt_pretty) is deprecated
        # in OpenAPI itself; only a deprecated *parameter the SDK sent* is the SDK's business.
        if "allowEmptyValue" not in message:
            errors.append(f"validator warning: {message}")
    errors.extend(_harness_checks(op, request))
    return errors


def example_data_items(op: Operation, body: Mapping[str, Any]) -> list[Any]:
    """The example ``data`` as a list of items (one item for a single object)."""
    data = body["data"]
    return list(data) if data_is_array(op) else [data]


# -- responses ----------------------------------------------------------------------------


def _template_key(path: str) -> str:
    return re.sub(r"\{\w+\}", "{}", path.rstrip("/") or "/")


def operation_for(method: str, template: str) -> Operation | None:
    """The spec's operation for ``METHOD /path/{param}`` (placeholder names ignored), or None."""
    key = (method.upper(), _template_key(template))
    for op in spec_operations():
        if (op.verb, _template_key(op.path)) == key:
            return op
    return None


@dataclass
class RecordedResponse:
    """An ``httpx.Response`` as openapi-core's ``Response`` protocol wants it."""

    status_code: int
    headers: Headers
    content_type: str
    data: bytes | None

    @classmethod
    def from_httpx(cls, response: httpx.Response) -> RecordedResponse:
        return cls(
            status_code=response.status_code,
            headers=Headers(list(response.headers.multi_items())),
            content_type=response.headers.get("content-type", "").lower(),
            data=response.content or None,
        )


def _validate(run: Callable[[], Iterable[BaseException]]) -> list[BaseException | str]:
    """``run``'s errors, plus every warning openapi-core raised except the allowEmptyValue
    deprecation (declared on ``opt_pretty``: the spec's business, not the caller's)."""
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        errors: list[BaseException | str] = list(run())
    errors.extend(
        f"validator warning: {w.message}" for w in caught if "allowEmptyValue" not in str(w.message)
    )
    return errors


def spec_request_errors(request: httpx.Request) -> list[BaseException | str]:
    """openapi-core's errors for ``request`` under the patched spec (operation found by its
    method and path), without :func:`request_errors`' checks of sample path arguments."""
    recorded = RecordedRequest.from_httpx(request)
    return _validate(lambda: openapi().request_validator.iter_errors(recorded))


_NULL_ONLY: Final = {"type": "object", "nullable": True, "enum": [None]}


def _honour_nullable(node: Any) -> Any:
    """``node`` (part of a spec) with ``nullable`` meaning what Asana's spec means by it.

    Asana writes a nullable reference as ``allOf: [{$ref: X}, {nullable: true}]`` (or puts
    ``nullable`` beside ``allOf``), and a nullable enum as ``nullable`` with an ``enum``
    that (after the ``enum-null`` override) does not list null. openapi-core reads
    ``nullable`` strictly (OpenAPI 3.0.3: it only widens a ``type`` in the same schema
    object, and never an ``enum``), so it rejects every null those fields hold. Here such a
    schema becomes ``anyOf: [schema, null-only]`` and such an enum lists null.
    """
    if isinstance(node, list):
        return [_honour_nullable(item) for item in node]
    if not isinstance(node, dict):
        return node
    out = {key: _honour_nullable(value) for key, value in node.items()}
    enum = out.get("enum")
    if out.get("nullable") and isinstance(enum, list) and None not in enum:
        out["enum"] = [*enum, None]
    parts = out.get("allOf", [])
    composed = any(key in out for key in ("allOf", "anyOf", "oneOf", "$ref"))
    nullable_part = any(
        isinstance(part, dict) and part.get("nullable") and "$ref" not in part for part in parts
    )
    if composed and "type" not in out and (out.get("nullable") or nullable_part):
        inner = {key: value for key, value in out.items() if key != "nullable"}
        return {"anyOf": [inner, dict(_NULL_ONLY)]}
    return out


@functools.cache
def openapi_nullable() -> OpenAPI:
    """openapi-core's view of the patched spec with ``nullable`` honoured as Asana means it
    (see :func:`_honour_nullable`); for validating what a server sends. The spec itself is
    checked once, by :func:`openapi`; this mechanical rewrite of it is not checked again."""
    openapi()
    rewritten = _honour_nullable(copy.deepcopy(spec()))
    return OpenAPI.from_dict(rewritten, config=Config(spec_validator_cls=None))


def response_errors(response: httpx.Response) -> list[BaseException | str]:
    """Everything openapi-core finds wrong with ``response`` (its status must be declared,
    declared headers must match, the JSON body must match the schema for that status)
    as the answer to ``response.request`` under the patched spec, ``nullable`` read as
    Asana means it (:func:`openapi_nullable`)."""
    request = RecordedRequest.from_httpx(response.request)
    recorded = RecordedResponse.from_httpx(response)
    validator = openapi_nullable().response_validator
    return _validate(lambda: validator.iter_errors(request, recorded))
