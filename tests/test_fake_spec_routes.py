"""Every endpoint ``FakeAsana`` serves answers as Asana's OpenAPI spec says it should.

Each route of ``asana_typed.testing._app.ROUTES`` is the spec operation with the same verb
and path template (placeholder names aside), unless it is on :data:`FAKE_ONLY`. For each,
a :class:`World` builds the records the call needs through the fake's own API, the call is
made with plain httpx (the request itself is checked against the spec first, so a bad
scenario cannot pass for a good answer), and openapi-core validates the answer: its status
must be the operation's success status, and its headers and JSON body must match the
response schema declared for that status. Error answers (unknown gid, malformed gid, no
``data`` in a body, no token) are validated the same way against the spec's declared
error responses.
"""

from __future__ import annotations

import re

import httpx
import pytest

from asana_typed.testing._app import ROUTES, Route
from codegen.spec import Operation
from tests import spec_support as ss
from tests.fake_spec_calls import (
    CALLS,
    FAKE_ONLY_CALLS,
    build,
    check_request,
    check_response,
    describe,
    route_params,
)
from tests.fake_spec_world import API, FAKE_ONLY, PROMISED, World

# -- the tests -----------------------------------------------------------------------------------


def _answer(path: str, status: int, body: object) -> httpx.Response:
    request = httpx.Request("GET", f"{API}{path}", headers={"Authorization": "Bearer x"})
    return httpx.Response(status, json=body, request=request)


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"data": {"gid": "1", "completed": "yes"}}, "completed"),
        ({"data": {"gid": "1", "parent": {"gid": 5}}}, "parent"),
        ({"data": {"gid": "1", "parent": "1"}}, "parent"),
        ({"data": {"gid": "1", "assignee": []}}, "assignee"),
        ({"data": {"gid": 1}}, "gid"),
    ],
    ids=["bool", "nested-gid", "string-for-object", "list-for-object", "gid-number"],
)
def test_response_validation_still_catches_bad_bodies(body: object, field: str) -> None:
    """The harness: honouring ``nullable`` must not let wrong non-null values through."""
    ss.require_spec()
    errors = ss.response_errors(_answer("/tasks/12345", 200, body))
    assert errors, f"{body} passed"
    assert field in ss.format_errors(errors)


def test_response_validation_honours_nullable() -> None:
    """The harness: nulls Asana's spec allows (``allOf`` + ``nullable``, nullable enums)."""
    ss.require_spec()
    task = {"gid": "1", "parent": None, "assignee": None, "completed_by": None}
    assert not ss.response_errors(_answer("/tasks/12345", 200, {"data": task}))
    tag = {"gid": "1", "color": None}
    assert not ss.response_errors(_answer("/tags/12345", 200, {"data": tag}))
    bad_color = ss.response_errors(
        _answer("/tags/12345", 200, {"data": {"gid": "1", "color": "x"}})
    )
    assert "color" in ss.format_errors(bad_color)
    undeclared = ss.response_errors(_answer("/tags/12345", 418, {}))
    assert "418" in ss.format_errors(undeclared)


def test_routes_cover_the_promised_resources() -> None:
    served = {route.template.split("/")[1] for route in ROUTES}
    missing = [name for name in PROMISED if name not in served]
    assert not missing, f"the fake serves no route for {missing}"
    # Each promised resource can at least be read.
    readable = {r.template.split("/")[1] for r in ROUTES if r.method == "GET"}
    assert set(PROMISED) <= readable


def test_every_route_is_an_asana_operation_or_listed_as_fake_only() -> None:
    ss.require_spec()
    unknown = [
        f"{r.method} {r.template}"
        for r in ROUTES
        if ss.operation_for(r.method, r.template) is None
        and (r.method, r.template) not in FAKE_ONLY
    ]
    assert not unknown, f"routes that are neither in the spec nor in FAKE_ONLY: {unknown}"
    for key in FAKE_ONLY:
        assert ss.operation_for(*key) is None, (
            f"{key} is an Asana operation: drop it from FAKE_ONLY"
        )
        assert any((r.method, r.template) == key for r in ROUTES), f"{key} is no longer served"


def test_every_route_has_a_scenario_and_no_scenario_is_stale() -> None:
    ss.require_spec()
    served = {
        op.operation_id
        for r in ROUTES
        if (op := ss.operation_for(r.method, r.template)) is not None
    }
    assert not sorted(served - set(CALLS)), (
        f"routes without a scenario: {sorted(served - set(CALLS))}"
    )
    assert not sorted(set(CALLS) - served), f"scenarios of no route: {sorted(set(CALLS) - served)}"
    assert set(FAKE_ONLY_CALLS) == set(FAKE_ONLY)


def test_no_route_shadows_another() -> None:
    """Routes are tried in order: a template must not be matched by an earlier pattern."""
    for i, route in enumerate(ROUTES):
        sample = re.sub(r"\{\w+\}", "1234", route.template)
        first = next(r for r in ROUTES if r.method == route.method and r.pattern.match(sample))
        assert first is route, f"{route.method} {route.template} is shadowed by {first.template}"
        assert ROUTES.index(first) <= i


@pytest.mark.parametrize(("route", "op"), route_params())
def test_route_answers_per_spec(world: World, route: Route | None, op: Operation | None) -> None:
    ss.require_spec()
    assert route is not None
    key = (route.method, route.template)
    if op is None:
        assert key in FAKE_ONLY, f"{key} is not an Asana operation nor listed in FAKE_ONLY"
        request = build(world, route, FAKE_ONLY_CALLS[key](world))
        response = world.http.send(request)
        assert response.status_code == 200, describe(response)
        assert response.content == b"hello"
        return
    scenario = CALLS.get(op.operation_id)
    assert scenario is not None, f"no scenario for {op.operation_id}: add one to CALLS"
    request = build(world, route, scenario(world))
    check_request(op, request)
    response = world.http.send(request)
    check_response(op, response, int(op.success[0]))
    if op.response_schema() is not None:
        body = response.json()
        assert "data" in body, describe(response)
        if ss.data_is_array(op):
            assert isinstance(body["data"], list)
            assert body["data"], f"{op.operation_id}: the scenario should list something"
    requested = world.fake.requests[-1]
    assert (requested.method, requested.status) == (route.method, response.status_code)
