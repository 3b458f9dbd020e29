"""Asana's OpenAPI spec: finding it, loading it once, and reading operations from it."""

from __future__ import annotations

import functools
import inspect
import os
import re
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any, Final

import pytest
from openapi_core import OpenAPI
from pydantic import BaseModel

from codegen.names import snake, tag_attribute
from codegen.spec import Operation, deref, load_spec, operations

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
