"""Request encoding: GET query strings, compared exactly."""

from __future__ import annotations

import datetime
import math

import pytest

import asana_typed as asana
from asana_typed._options import resolve_options
from asana_typed._request import encode_query
from asana_typed.api.tasks import GetTasksParams
from asana_typed.models import Project, Task, User
from tests.conftest import ScriptedAsana
from tests.encoding_support import BASE, UTC, Color, Level, sent_query

# -- GET: query strings -----------------------------------------------------------------------


def test_get_query_with_params_and_all_opt_options(api: ScriptedAsana) -> None:
    client = api.client()
    api.data([])
    client.tasks.get_tasks(
        {"project": "1", "completed_since": datetime.datetime(2024, 1, 2, 3, 4, 5, tzinfo=UTC)},
        fields=["name", "assignee.name"],
        expand=["assignee"],
        pretty=True,
        iterator_type=None,
    )
    assert api.last.method == "GET"
    assert sent_query(api) == (
        "project=1&completed_since=2024-01-02T03%3A04%3A05%2B00%3A00&limit=50"
        "&opt_fields=name,assignee.name&opt_expand=assignee&opt_pretty=true"
    )
    assert api.last.content == b""


def test_get_single_resource_query(api: ScriptedAsana) -> None:
    client = api.client()
    api.data({"gid": "1"})
    client.users.get_user("1", {"workspace": "7"}, fields=["name", "email"])
    assert str(api.last.url) == f"{BASE}/users/1?workspace=7&opt_fields=name,email"


def test_get_without_params_or_options_has_no_query(api: ScriptedAsana) -> None:
    client = api.client()
    api.data({"gid": "1"})
    client.tasks.get_task("1")
    assert api.last.url.query == b""
    assert str(api.last.url) == f"{BASE}/tasks/1"


def test_get_query_with_every_value_type_end_to_end(api: ScriptedAsana) -> None:
    client = api.client()
    api.data([])
    params: dict[str, object] = {
        "project": Project(gid="11"),
        "assignee": "a b&c",
        "completed_since": datetime.datetime(2024, 5, 6, 7, 8, 9),
        "due_on": datetime.date(2024, 5, 6),
        "is_subtask": False,
        "tags": ["1", "2"],
        "count": 3,
        "section": None,
    }
    client.tasks.get_tasks(params, iterator_type=None)  # type: ignore[call-overload]  # value types beyond GetTasksParams
    assert sent_query(api) == (
        "project=11&assignee=a+b%26c&completed_since=2024-05-06T07%3A08%3A09"
        "&due_on=2024-05-06&is_subtask=false&tags=1,2&count=3&limit=50"
    )


@pytest.mark.parametrize(
    ("value", "encoded"),
    [
        ("abc", "abc"),
        ("a b&c=d/é", "a+b%26c%3Dd%2F%C3%A9"),
        ("", ""),
        (True, "true"),
        (False, "false"),
        (0, "0"),
        (1201234567890, "1201234567890"),
        (1.5, "1.5"),
        (["a", "b", "c"], "a,b,c"),
        (("1", 2, True), "1,2,true"),
        ([], ""),
        ({"b", "c", "a"}, "a,b,c"),
        (frozenset({"2", "1"}), "1,2"),
        (datetime.datetime(2024, 1, 2, 3, 4, 5), "2024-01-02T03%3A04%3A05"),
        (datetime.datetime(2024, 1, 2, 3, 4, 5, tzinfo=UTC), "2024-01-02T03%3A04%3A05%2B00%3A00"),
        (datetime.date(2024, 1, 2), "2024-01-02"),
        (Task(gid="123"), "123"),
        (User(gid="5", name="Ann"), "5"),
        ([Project(gid="1"), Project(gid="2")], "1,2"),
        (Color.RED, "red"),
        (Level.HIGH, "3"),
    ],
    ids=repr,
)
def test_query_value_encoding(value: object, encoded: str) -> None:
    opts = resolve_options({}, {}, {})
    assert encode_query({"p": value}, opts) == f"p={encoded}"


def test_query_skips_none_values() -> None:
    opts = resolve_options({}, {}, {})
    assert encode_query({"a": None, "b": "1", "c": None}, opts) == "b=1"
    assert encode_query({"a": None}, opts) == ""


def test_query_pagination_and_options_order() -> None:
    opts = resolve_options({}, {}, {"fields": ["name"], "expand": ["assignee"], "pretty": True})
    assert encode_query({"b": "2", "a": "1"}, opts, limit=10, offset="x y") == (
        "b=2&a=1&limit=10&offset=x+y&opt_fields=name&opt_expand=assignee&opt_pretty=true"
    )


class AssigneeView(asana.AsanaModel):
    name: str


class TaskView(asana.AsanaModel):
    name: str
    assignee: AssigneeView | None


def test_projection_class_becomes_opt_fields_and_opt_expand(api: ScriptedAsana) -> None:
    client = api.client()
    api.data({"gid": "1", "name": "t", "assignee": {"gid": "2", "name": "Ann"}})
    task = client.tasks.get_task("1", fields=TaskView, expand=TaskView)
    assert sent_query(api) == "opt_fields=name,assignee.name&opt_expand=assignee"
    assert isinstance(task, TaskView)
    assert task.assignee is not None
    assert task.assignee.name == "Ann"


def test_projection_class_in_a_post_body(api: ScriptedAsana) -> None:
    client = api.client()
    api.data({"gid": "1", "name": "t", "assignee": None})
    client.tasks.create({"name": "t", "workspace": "7"}, fields=TaskView)
    assert api.last_json() == {
        "data": {"name": "t", "workspace": "7"},
        "options": {"fields": ["name", "assignee.name"]},
    }


@pytest.mark.parametrize(
    "value",
    [{"a": 1}, [{"a": 1}], object(), b"bytes", None.__class__, math.nan, math.inf, [None]],
    ids=repr,
)
def test_bad_query_values_raise_invalid_params_error(api: ScriptedAsana, value: object) -> None:
    client = api.client()
    params: GetTasksParams = {"project": value}  # type: ignore[typeddict-item]  # bad value on purpose
    with pytest.raises(asana.InvalidParamsError, match="'project'"):
        client.tasks.get_tasks(params, iterator_type=None)
    assert api.requests == []


def test_invalid_params_error_is_an_asana_error_and_type_error() -> None:
    assert issubclass(asana.InvalidParamsError, asana.AsanaError)
    assert issubclass(asana.InvalidParamsError, TypeError)
