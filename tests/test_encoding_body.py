"""Request encoding: POST / PUT JSON bodies and DELETE requests, compared exactly."""

from __future__ import annotations

import datetime
import json
import math

import pytest

import asana_typed as asana
from asana_typed._options import resolve_options
from asana_typed._request import encode_body
from asana_typed.api.projects import DeleteProjectParams
from asana_typed.api.tasks import CreateTaskData
from asana_typed.models import Task, User
from tests.conftest import ScriptedAsana
from tests.encoding_support import BASE, UTC, Color, sent_query

# -- POST / PUT: JSON bodies ----------------------------------------------------------------


def test_post_body_is_data_only_without_options(api: ScriptedAsana) -> None:
    client = api.client()
    api.data({"gid": "9"})
    client.tasks.create(
        {
            "name": "t",
            "projects": ["1", "2"],
            "due_on": datetime.date(2024, 1, 2),
            "due_at": datetime.datetime(2024, 1, 2, 3, 4, 5, tzinfo=UTC),
            "completed": False,
            "custom_fields": {"12": "x", "13": 4.5},
            "assignee": None,
        }
    )
    assert api.last.method == "POST"
    assert api.last.url.query == b""
    assert api.last_json() == {
        "data": {
            "name": "t",
            "projects": ["1", "2"],
            "due_on": "2024-01-02",
            "due_at": "2024-01-02T03:04:05+00:00",
            "completed": False,
            "custom_fields": {"12": "x", "13": 4.5},
            "assignee": None,
        }
    }
    assert api.last.headers["Content-Type"] == "application/json"


def test_post_body_with_fields_expand_pretty(api: ScriptedAsana) -> None:
    client = api.client()
    api.data({"gid": "3"})
    client.projects.create_in_workspace(
        "7", {"name": "p"}, fields=["name", "owner"], expand=["owner"], pretty=True
    )
    assert api.last.url.query == b""
    assert api.last_json() == {
        "data": {"name": "p"},
        "options": {"fields": ["name", "owner"], "expand": ["owner"], "pretty": True},
    }


def test_post_body_bytes_are_compact_json(api: ScriptedAsana) -> None:
    client = api.client()
    api.data({"gid": "9"})
    client.tasks.create({"name": "ü"}, fields=["name"])
    assert api.last.content == b'{"data":{"name":"\\u00fc"},"options":{"fields":["name"]}}'


def test_post_without_params_sends_empty_data(api: ScriptedAsana) -> None:
    client = api.client()
    api.data({"gid": "3"})
    client.projects.create_in_workspace("7")
    assert api.last_json() == {"data": {}}


def test_put_body_keeps_null_to_clear_a_field(api: ScriptedAsana) -> None:
    client = api.client()
    api.data({"gid": "9"})
    client.tasks.update("9", {"assignee": None, "due_on": None, "completed": True}, pretty=True)
    assert api.last.method == "PUT"
    assert api.last.url.query == b""
    assert api.last_json() == {
        "data": {"assignee": None, "due_on": None, "completed": True},
        "options": {"pretty": True},
    }


def test_body_encodes_models_enums_and_sets(api: ScriptedAsana) -> None:
    client = api.client()
    api.data({"gid": "9"})
    params: dict[str, object] = {
        "parent": Task(gid="1"),
        "followers": [User(gid="2"), User(gid="3")],
        "tags": {"b", "a"},
        "resource_subtype": Color.RED,
    }
    client.tasks.create(params)  # type: ignore[call-overload]  # models, an enum and a set where str is typed
    assert api.last_json() == {
        "data": {
            "parent": "1",
            "followers": ["2", "3"],
            "tags": ["a", "b"],
            "resource_subtype": "red",
        }
    }


@pytest.mark.parametrize("value", [object(), math.nan, math.inf, b"x"], ids=repr)
def test_bad_body_values_raise_invalid_params_error(api: ScriptedAsana, value: object) -> None:
    client = api.client()
    params: CreateTaskData = {"name": value}  # type: ignore[typeddict-item]  # bad value on purpose
    with pytest.raises(asana.InvalidParamsError):
        client.tasks.create(params)
    assert api.requests == []


def test_encode_body_directly() -> None:
    opts = resolve_options({}, {}, {"fields": "name,notes", "expand": ["assignee"]})
    assert json.loads(encode_body(None, opts)) == {
        "data": {},
        "options": {"fields": ["name", "notes"], "expand": ["assignee"]},
    }


# -- DELETE ----------------------------------------------------------------------------------


def test_delete_sends_a_query_and_no_body(api: ScriptedAsana) -> None:
    client = api.client()
    api.data({})
    result = client.tasks.delete("9", pretty=True)
    assert result is None
    assert api.last.method == "DELETE"
    assert str(api.last.url) == f"{BASE}/tasks/9?opt_pretty=true"
    assert api.last.content == b""
    assert "content-type" not in api.last.headers


def test_delete_params_go_into_the_query(api: ScriptedAsana) -> None:
    client = api.client()
    api.data({})
    params: DeleteProjectParams = {"dry_run": True}  # type: ignore[typeddict-unknown-key]  # extra param on purpose
    client.projects.delete("3", params)
    assert sent_query(api) == "dry_run=true"
