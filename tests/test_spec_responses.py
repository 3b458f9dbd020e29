"""Every operation of Asana's spec: its example response parses into the method's model.

The example response is assembled from the spec's ``example`` values (see
``tests/spec_support.py``), checked against the spec itself, served by a scripted Asana,
and must come back as the model ``codegen.names.model_name`` names for the response's
``data`` schema (``None`` for ``EmptyResponse``) without any ``ResponseValidationWarning``:
a warning means a model disagrees with the spec. Examples that break their own schema are
spec quirks; they are listed below with the operation and the reason, never silenced
wholesale.
"""

from __future__ import annotations

import warnings
from collections.abc import Iterator
from typing import Any

import httpx
import pytest
from openapi_core.testing import MockResponse

import asana_typed as asana
from asana_typed.models._base import AsanaObject
from codegen.names import model_name
from codegen.spec import Operation
from tests import spec_support as ss
from tests.conftest import ScriptedAsana

# Operations whose example response breaks the spec's own declared types, so a correct model
# must warn. Each entry: operationId -> (the field the warning must name, why). An entry whose
# warning no longer appears fails, so the list only holds quirks that still bite.
#
# Empty today. The example quirks of spec-quirks.md are served as the spec has them, but do
# not warn: ``download_url`` of the three export schemas (a folded YAML line, so it contains
# spaces) and ``WorkspaceResponse.email_domains`` ("asana.com") break ``format: uri``, and
# the models type ``format: uri`` as plain ``str``, as Asana sends it. Were a model to
# validate URIs, add e.g.
#   "getOrganizationExport": ("download_url", "example URL holds spaces (folded YAML line)"),
KNOWN_EXAMPLE_QUIRKS: dict[str, tuple[str, str]] = {}


def call(api: ScriptedAsana, op: Operation) -> tuple[object, list[warnings.WarningMessage]]:
    """Call ``op`` with the example response queued; the result (a collection as the list of
    its first item) and every warning raised meanwhile."""
    api.reply(int(op.success[0]), ss.example_response(op))
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        result = ss.invoke(api.client(), op, ss.example_params(op))
        if ss.is_paginated(op):
            result = [ss.first_item(result)]
    return result, list(caught)


def assert_loaded(op: Operation, model: object, sent: Any) -> None:
    """Every member the example sent is loaded on the model, with the same gid."""
    assert isinstance(model, AsanaObject), f"{op.operation_id}: {type(model)} is no AsanaObject"
    if not isinstance(sent, dict):
        return
    missing = [key for key in sent if key not in model]
    assert not missing, f"{op.operation_id}: sent but not loaded on the model: {missing}"
    if "gid" in sent:
        assert model["gid"] == sent["gid"], f"{op.operation_id}: gid lost"


@pytest.mark.parametrize("op", ss.operation_params())
def test_example_response_parses_into_model(api: ScriptedAsana, op: Operation | None) -> None:
    ss.require_spec()
    assert op is not None
    schema, _ = ss.data_schema(op)
    assert schema is not None, f"{op.operation_id}: success data is not a named schema"
    body = ss.example_response(op)
    result, caught = call(api, op)

    warned = [w for w in caught if issubclass(w.category, asana.ResponseValidationWarning)]
    quirk = KNOWN_EXAMPLE_QUIRKS.get(op.operation_id)
    if quirk is None:
        assert not warned, (
            f"{op.operation_id}: the model disagrees with the spec's example "
            f"({schema}):\n" + "\n".join(str(w.message) for w in warned)
        )
    else:
        field, reason = quirk
        assert any(field in str(w.message) for w in warned), (
            f"{op.operation_id}: known quirk ({reason}) no longer warns about {field!r}: "
            "remove it from KNOWN_EXAMPLE_QUIRKS"
        )
    others = [w for w in caught if w not in warned]
    assert not others, [str(w.message) for w in others]

    expected = model_name(schema)
    if schema == "EmptyResponse":
        assert result is None, f"{op.operation_id} returns {result!r}, expected None"
        return
    items = ss.example_data_items(op, body)
    if ss.data_is_array(op):
        assert isinstance(result, list), f"{op.operation_id}: expected items, got {result!r}"
        assert len(result) == 1
        got = result[0]
    else:
        got = result
    assert type(got).__name__ == expected, (
        f"{op.operation_id}: data schema {schema} should parse into {expected}, "
        f"got {type(got).__module__}.{type(got).__qualname__}"
    )
    assert type(got).__module__.startswith("asana_typed.models"), type(got).__module__
    assert_loaded(op, got, items[0])


@pytest.mark.parametrize("op", ss.operation_params(ss.data_is_array))
def test_collections_are_lazy_and_lists_are_lists(api: ScriptedAsana, op: Operation | None) -> None:
    """A paginated collection (``next_page`` or ``offset``) returns a lazy iterator that
    fetches one page when first iterated; other arrays come back as a list."""
    ss.require_spec()
    assert op is not None
    api.reply(int(op.success[0]), ss.example_response(op))
    result = ss.invoke(api.client(), op, ss.example_params(op))
    if ss.is_paginated(op):
        assert isinstance(result, Iterator), f"{op.operation_id}: paginated, got {result!r}"
        assert len(api.requests) == 0, "an item iterator must not fetch before it is iterated"
        next(result)
    else:
        assert isinstance(result, list), f"{op.operation_id}: not paginated, got {result!r}"
    assert len(api.requests) == 1


@pytest.mark.parametrize("op", ss.operation_params())
def test_example_response_matches_spec(op: Operation | None) -> None:
    """The harness itself: what the scripted Asana serves is valid per the spec."""
    ss.require_spec()
    assert op is not None
    path = ss.expected_path(op)
    params = ss.required_query(op) if op.request_body() is None else {}
    request = httpx.Request(
        op.verb,
        ss.spec()["servers"][0]["url"] + path,
        params={k: str(v) for k, v in params.items()},
        headers={"Authorization": "Bearer x"},
    )
    code = op.success[0]
    example = ss.example_response(op)
    _, data = ss.data_schema(op)
    if data is not None and "gid" in ss.schema_properties(data):
        for item in ss.example_data_items(op, example):
            assert "gid" in item, f"{op.operation_id}: example item without gid: {item}"
    body = httpx.Response(int(code), json=example).content
    response = MockResponse(body, status_code=int(code), content_type="application/json")
    errors = list(
        ss.openapi().response_validator.iter_errors(
            ss.RecordedRequest.from_httpx(request), response
        )
    )
    assert not errors, f"{op.operation_id}: example response\n{ss.format_errors(errors)}"


def test_response_validator_catches_a_bad_example() -> None:
    """The harness itself: a response that breaks the spec is reported."""
    ss.require_spec()
    request = httpx.Request(
        "GET", "https://app.asana.com/api/1.0/tasks/12345", headers={"Authorization": "Bearer x"}
    )
    body = httpx.Response(200, json={"data": {"gid": "1", "completed": "yes"}}).content
    response = MockResponse(body, status_code=200, content_type="application/json")
    errors = list(
        ss.openapi().response_validator.iter_errors(
            ss.RecordedRequest.from_httpx(request), response
        )
    )
    assert "completed" in ss.format_errors(errors)
