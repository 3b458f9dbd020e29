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
import json
import re
import warnings
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import Any, Final
from urllib.parse import parse_qsl

import httpx
from openapi_core import Config, OpenAPI
from openapi_core.datatypes import RequestParameters
from werkzeug.datastructures import Headers, ImmutableMultiDict

from codegen.spec import Operation
from tests.spec_examples import example_params, example_response, example_value, schema_properties
from tests.spec_examples import required_query as required_query
from tests.spec_loading import (
    OPT_FIELDS,
    PATH_SAMPLES,
    first_item,
    invoke,
    openapi,
    operation_params,
    opt_fields_enum,
    path_args,
    raw_spec,
    require_spec,
    sdk_method,
    shared_file,
    shared_file_or_none,
    spec,
    spec_operations,
    spec_path,
)
from tests.spec_loading import REPO as REPO
from tests.spec_loading import data_is_array as data_is_array
from tests.spec_loading import data_schema as data_schema
from tests.spec_loading import expected_path as expected_path
from tests.spec_loading import is_paginated as is_paginated

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
