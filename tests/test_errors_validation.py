"""Responses that disagree with the models are kept as sent (with a warning), never a crash."""

from __future__ import annotations

import json
import warnings
from typing import Any

import httpx
import pytest

import asana_typed as asana
from asana_typed import models
from tests.conftest import ScriptedAsana
from tests.error_helpers import ME_URL, TOKEN, asana_errors

# -- responses that disagree with the models: kept as sent, with a warning -------------------


def test_wrong_type_is_kept_as_sent_with_a_warning(api: ScriptedAsana) -> None:
    sent = {"gid": "1", "name": 123, "notes": "fine", "completed": False}
    api.data(sent)

    with pytest.warns(asana.ResponseValidationWarning, match=r"data\.name") as record:
        task = api.client().tasks.get_task("1")

    assert len(record) == 1
    assert isinstance(task, models.Task)
    name: object = task.name  # typed str, but the API sent an int
    assert name == 123
    assert task["name"] == 123
    assert task.notes == "fine"
    assert task.completed is False
    assert task.model_dump(warnings=False) == sent


def test_warning_names_method_and_url(api: ScriptedAsana) -> None:
    api.data({"gid": "42", "email": ["not", "a", "string"]})

    with pytest.warns(asana.ResponseValidationWarning) as record:
        user = api.client().users.me()

    assert f"GET {ME_URL}" in str(record[0].message)
    assert "data.email" in str(record[0].message)
    email: object = user.email
    assert email == ["not", "a", "string"]


def test_several_bad_fields_are_all_kept(api: ScriptedAsana) -> None:
    sent: dict[str, Any] = {
        "gid": "1",
        "name": ["a", "list"],
        "created_at": "not a date",
        "due_on": 20240101,
        "liked": {"no": "bool"},
        "notes": "fine",
    }
    api.data(sent)

    with pytest.warns(asana.ResponseValidationWarning) as record:
        task = api.client().tasks.get_task("1")

    message = str(record[0].message)
    for path in ("data.name", "data.created_at", "data.due_on", "data.liked"):
        assert path in message
    assert "data.notes" not in message
    assert task["created_at"] == "not a date"
    assert task["due_on"] == 20240101
    assert task.notes == "fine"
    assert task.model_dump(warnings=False) == sent


def test_bad_nested_field_in_a_list_item(api: ScriptedAsana) -> None:
    sent = [
        {"gid": "1", "name": "good"},
        {"gid": "2", "name": "bad assignee", "assignee": {"gid": "9", "name": 7}},
        {"gid": "3", "name": "bad membership", "memberships": [{"project": "not an object"}]},
    ]
    api.data(sent)

    with pytest.warns(asana.ResponseValidationWarning) as record:
        tasks = list(api.client().tasks.get_tasks({"project": "5"}))

    assert [t.gid for t in tasks] == ["1", "2", "3"]
    assert all(isinstance(t, models.Task) for t in tasks)
    assert tasks[0].name == "good"
    assert isinstance(tasks[1].assignee, models.User)
    assert tasks[1].assignee.gid == "9"
    assert tasks[1].assignee["name"] == 7
    assert tasks[2].memberships[0]["project"] == "not an object"
    message = str(record[0].message)
    assert "data.1.assignee.name" in message
    assert "data.2.memberships.0.project" in message
    assert [t.model_dump(warnings=False) for t in tasks] == sent


def test_bad_field_with_full_payload(api: ScriptedAsana) -> None:
    api.reply(200, {"data": {"gid": "1", "name": 5}, "sync": "s1"})

    with pytest.warns(asana.ResponseValidationWarning):
        envelope = api.client().tasks.get_task("1", full_payload=True)

    assert isinstance(envelope, asana.Envelope)
    assert envelope.data.gid == "1"
    assert envelope.data["name"] == 5
    assert envelope.sync == "s1"


def test_bad_field_on_a_project_and_workspace(api: ScriptedAsana) -> None:
    api.data({"gid": "77", "archived": "maybe", "name": "P"})
    api.data([{"gid": "5", "is_organization": {"x": 1}, "name": "W"}])
    client = api.client()

    with pytest.warns(asana.ResponseValidationWarning, match=r"data\.archived"):
        project = client.projects.create_in_workspace("123", {"name": "P"})
    with pytest.warns(asana.ResponseValidationWarning, match=r"data\.0\.is_organization"):
        workspaces = list(client.workspaces.get_workspaces())

    assert project["archived"] == "maybe"
    assert project.name == "P"
    assert workspaces[0]["is_organization"] == {"x": 1}
    assert workspaces[0].name == "W"


def test_unknown_fields_pass_silently_and_round_trip(api: ScriptedAsana) -> None:
    sent = {
        "gid": "1",
        "name": "T",
        "brand_new_field": {"nested": [1, 2, 3]},
        "another_one": None,
    }
    api.data(sent)

    with warnings.catch_warnings():
        warnings.simplefilter("error")
        task = api.client().tasks.get_task("1")
        dumped = task.model_dump()

    assert task["brand_new_field"] == {"nested": [1, 2, 3]}
    assert task.model_extra == {"brand_new_field": {"nested": [1, 2, 3]}, "another_one": None}
    assert dumped == sent


def test_unknown_enum_values_pass_silently_and_round_trip(api: ScriptedAsana) -> None:
    task_sent = {"gid": "1", "resource_subtype": "quantum_task", "approval_status": "vetoed"}
    project_sent = {"gid": "2", "color": "ultraviolet", "default_view": "hologram"}
    api.data(task_sent)
    api.data(project_sent)
    client = api.client()

    with warnings.catch_warnings():
        warnings.simplefilter("error")
        task = client.tasks.get_task("1")
        project = client.projects.get_project("2")
        dumps = (task.model_dump(), project.model_dump())

    # Typed as the spec's Literal; at run time the new value is kept as the string sent.
    subtype: object = task.resource_subtype
    approval: object = task.approval_status
    color: object = project.color
    assert (subtype, approval, color) == ("quantum_task", "vetoed", "ultraviolet")
    assert dumps == (task_sent, project_sent)


def test_known_enum_value_still_parses(api: ScriptedAsana) -> None:
    api.data({"gid": "1", "resource_subtype": "milestone"})

    task = api.client().tasks.get_task("1")

    assert task.resource_subtype == "milestone"


# -- values kept as sent ----------------------------------------------------------------------


def test_model_dump_of_kept_value_does_not_warn(api: ScriptedAsana) -> None:
    sent = {"gid": "1", "name": 123}
    api.data(sent)
    with pytest.warns(asana.ResponseValidationWarning):
        task = api.client().tasks.get_task("1")

    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert task.model_dump() == sent


@pytest.mark.parametrize("value", ["yes", 1, "true"])
def test_lax_coercion_is_reported_and_value_kept(api: ScriptedAsana, value: object) -> None:
    sent = {"gid": "1", "completed": value}
    api.data(sent)

    with pytest.warns(asana.ResponseValidationWarning, match=r"data\.completed"):
        task = api.client().tasks.get_task("1")

    completed: object = task.completed
    assert completed == value
    assert type(completed) is type(value)
    assert task.model_dump(warnings=False) == sent


def test_nested_record_with_bad_gid_is_kept_as_sent(api: ScriptedAsana) -> None:
    sent = {"gid": "1", "name": "T", "assignee": {"gid": 5, "name": "Ann"}}
    api.data(sent)

    with pytest.warns(asana.ResponseValidationWarning, match=r"data\.assignee"):
        task = api.client().tasks.get_task("1")

    assert task.name == "T"
    assert task["assignee"] is not None
    assert task.model_dump(warnings=False) == sent


def test_validation_warning_points_at_the_callers_line(api: ScriptedAsana) -> None:
    api.data({"gid": "1", "name": 123})

    with pytest.warns(asana.ResponseValidationWarning) as record:
        api.client().tasks.get_task("1")

    assert record[0].filename == __file__


# -- warnings about responses point at the caller ------------------------------------------


def test_asana_change_warning_points_at_the_callers_line(api: ScriptedAsana) -> None:
    change = {"Asana-Change": "name=new_goal_memberships;info=https://asana.com/x;affected=true"}
    api.reply(200, {"data": {"gid": "1"}}, headers=change)
    api.reply(200, {"data": [{"gid": "1"}]}, headers=change)
    client = api.client()

    with pytest.warns(asana.AsanaChangeWarning, match="new_goal_memberships") as single:
        client.tasks.get_task("1")
    with pytest.warns(asana.AsanaChangeWarning) as paged:
        list(client.tasks.get_tasks({"project": "1"}))

    assert single[0].filename == __file__
    assert paged[0].filename == __file__


def test_errors_survive_json_round_trip_of_their_details(api: ScriptedAsana) -> None:
    # What a logging handler might do with an error: its details serialize cleanly.
    api.reply(403, asana_errors(("Forbidden", "Ask an admin", None)))

    with pytest.raises(asana.ForbiddenError) as info:
        api.client().users.me()

    details = [
        {"message": e.message, "help": e.help, "phrase": e.phrase} for e in info.value.errors
    ]
    assert json.loads(json.dumps(details)) == [
        {"message": "Forbidden", "help": "Ask an admin", "phrase": None}
    ]
    assert repr(info.value.errors[0]) == (
        "ErrorDetail(message='Forbidden', help='Ask an admin', phrase=None)"
    )


def test_transport_error_mentions_no_credentials(api: ScriptedAsana) -> None:
    api.fail(httpx.ConnectError("connection refused"))

    with pytest.raises(asana.AsanaConnectionError) as info:
        api.client(max_retries=0).users.me()

    assert TOKEN not in str(info.value)
    assert TOKEN not in repr(info.value)
    assert info.value.status is None
    assert info.value.errors == ()
    assert info.value.message == str(info.value)
