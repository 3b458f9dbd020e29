"""``FakeAsana`` against Asana's OpenAPI spec: error answers (404, 400, 401, 412, knobs)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from asana_typed.testing._app import Route
from codegen.spec import Operation
from tests import spec_support as ss
from tests.fake_spec_calls import CALLS, Call, build, check_response, placeholders, route_params
from tests.fake_spec_world import UNKNOWN_GID, World


def error_params(where: Callable[[Route, Operation], bool]) -> list[Any]:
    """:func:`route_params` of the Asana operations ``where`` accepts."""
    return [p for p in route_params() if p.id == "no-spec" or (p.values[1] and where(*p.values))]


def has_gid(route: Route, op: Operation) -> bool:
    return bool(placeholders(route.template))


def has_json_body(route: Route, op: Operation) -> bool:
    body = op.request_body()
    return body is not None and body[0] == "application/json"


def _declares(op: Operation, status: int) -> bool:
    return str(status) in op.raw["responses"]


@pytest.mark.parametrize(("route", "op"), error_params(has_gid))
def test_unknown_gid_is_404_per_spec(
    world: World, route: Route | None, op: Operation | None
) -> None:
    ss.require_spec()
    assert route is not None
    assert op is not None
    names = placeholders(route.template)
    call = CALLS[op.operation_id](world)
    request = build(world, route, call, **dict.fromkeys(names, UNKNOWN_GID))
    response = world.http.send(request)
    assert _declares(op, 404), f"{op.operation_id} declares no 404"
    check_response(op, response, 404)
    assert UNKNOWN_GID in response.json()["errors"][0]["message"]


@pytest.mark.parametrize(("route", "op"), error_params(has_gid))
def test_malformed_gid_is_400_per_spec(
    world: World, route: Route | None, op: Operation | None
) -> None:
    ss.require_spec()
    assert route is not None
    assert op is not None
    names = placeholders(route.template)
    call = CALLS[op.operation_id](world)
    request = build(world, route, call, **dict.fromkeys(names, "not-a-gid"))
    response = world.http.send(request)
    assert _declares(op, 400), f"{op.operation_id} declares no 400"
    check_response(op, response, 400)
    assert "not-a-gid" in response.json()["errors"][0]["message"]


@pytest.mark.parametrize(("route", "op"), error_params(has_json_body))
def test_body_without_data_is_400_per_spec(
    world: World, route: Route | None, op: Operation | None
) -> None:
    ss.require_spec()
    assert route is not None
    assert op is not None
    request = build(world, route, Call(path=CALLS[op.operation_id](world).path, data=None))
    request = world.http.build_request(route.method, request.url, json={"options": {}})
    response = world.http.send(request)
    assert _declares(op, 400), f"{op.operation_id} declares no 400"
    check_response(op, response, 400)
    assert response.json()["errors"][0]["message"] == "data: Missing input"


@pytest.mark.parametrize(("route", "op"), error_params(lambda route, op: True))
def test_no_token_is_401_per_spec(world: World, route: Route | None, op: Operation | None) -> None:
    ss.require_spec()
    assert route is not None
    assert op is not None
    call = CALLS[op.operation_id](world)
    request = build(world, route, call)
    del request.headers["Authorization"]
    response = world.http.send(request)
    assert _declares(op, 401), f"{op.operation_id} declares no 401"
    check_response(op, response, 401)


@pytest.mark.parametrize(
    ("path", "resource"),
    [("/events", True), ("/workspaces/{ws}/events", False)],
    ids=["getEvents", "getWorkspaceEvents"],
)
def test_events_412_per_spec(world: World, path: str, resource: bool) -> None:
    """No sync token: 412, Asana's message and a fresh ``sync`` in the body."""
    ss.require_spec()
    template = path.replace("{ws}", "{workspace_gid}")
    op = ss.operation_for("GET", template)
    assert op is not None
    query = {"resource": world.project} if resource else {}
    response = world.http.get(path.format(ws=world.ws), params=query)
    check_response(op, response, 412)
    body = response.json()
    assert body["sync"]
    assert "Sync token invalid or too old" in body["errors"][0]["message"]
    garbled = world.http.get(path.format(ws=world.ws), params={**query, "sync": "garbage"})
    check_response(op, garbled, 412)


@pytest.mark.parametrize("status", [429, 500, 503])
def test_knob_answers_per_spec(world: World, status: int) -> None:
    """``fake.rate_limit``/``fake.fail`` answer in the shape the spec declares."""
    ss.require_spec()
    op = ss.operation_for("GET", "/tasks/{task_gid}")
    assert op is not None
    task = world.task
    if status == 429:
        world.fake.rate_limit(retry_after=2)
    else:
        world.fake.fail(status)
    response = world.http.get(f"/tasks/{task}")
    if str(status) in op.raw["responses"]:
        check_response(op, response, status)
    else:  # 503 is not declared: the body is still Asana's error shape
        assert response.status_code == status
        assert set(response.json()) == {"errors"}
    assert response.json()["errors"][0]["message"]
