"""Models: loaded vs null, exact round trips, forward compatibility, JSON schema."""

from __future__ import annotations

import copy
import datetime
import json
import pickle
from typing import Any

import pytest
from pydantic import ValidationError

import asana_typed as asana
from asana_typed.models import (
    AsanaResource,
    Envelope,
    NextPage,
    Project,
    Task,
    User,
    Workspace,
)
from asana_typed.models._base import NOT_LOADED, AsanaObject
from asana_typed.models._json_schema import AsanaJsonSchema
from tests.conftest import ScriptedAsana

# A task as Asana sends it with opt_fields: compact records, nulls, dates, an unknown field.
TASK: dict[str, Any] = {
    "gid": "1201",
    "resource_type": "task",
    "name": "Write the tests",
    "resource_subtype": "default_task",
    "assignee": None,
    "completed": False,
    "completed_at": None,
    "created_at": "2024-01-02T03:04:05.678Z",
    "modified_at": "2024-03-04T05:06:07+02:00",
    "due_on": "2024-02-03",
    "due_at": None,
    "workspace": {"gid": "9", "resource_type": "workspace", "name": "Acme"},
    "followers": [
        {"gid": "2", "resource_type": "user", "name": "Ann"},
        {"gid": "3", "resource_type": "user", "name": "Bob"},
    ],
    "projects": [],
    "dependencies": [{"gid": "77", "resource_type": "task", "name": "Earlier task"}],
    "parent": {"gid": "1100", "name": "Epic", "resource_type": "task"},
    "memberships": [{"project": {"gid": "5", "name": "P"}, "section": {"gid": "6", "name": "S"}}],
    "x_new_field": {"nested": [1, 2, {"a": None}]},
}


def _normalise(value: object) -> object:
    """Datetimes as instants, so ``Z``/``.678``/``.678000`` spellings compare equal."""
    if isinstance(value, dict):
        return {k: _normalise(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_normalise(v) for v in value]
    if isinstance(value, str) and len(value) > 10 and value[4] == "-" and value[10] == "T":
        return datetime.datetime.fromisoformat(value.replace("Z", "+00:00"))
    return value


@pytest.fixture
def task() -> Task:
    return Task.model_validate(TASK)


# -- not loaded vs null ----------------------------------------------------------------


def test_absent_field_raises_field_not_loaded(task: Task) -> None:
    with pytest.raises(asana.FieldNotLoadedError) as info:
        _ = task.notes
    err = info.value
    assert isinstance(err, AttributeError)
    assert isinstance(err, KeyError)
    assert isinstance(err, asana.FieldNotLoadedError)
    assert (err.model, err.field) == ("Task", "notes")
    text = str(err)
    assert "Task" in text
    assert "notes" in text
    assert "fields=" in text


def test_absent_field_dict_style_and_getattr_default(task: Task) -> None:
    assert getattr(task, "notes", None) is None
    assert not hasattr(task, "html_notes")
    with pytest.raises(KeyError):
        task["notes"]
    with pytest.raises(asana.FieldNotLoadedError):
        task["notes"]
    assert task.get("notes") is None
    assert task.get("notes", "fallback") == "fallback"
    assert "notes" not in task
    assert not task.is_loaded("notes")


def test_null_field_reads_none_and_counts_as_sent(task: Task) -> None:
    assert task.assignee is None
    assert task["assignee"] is None
    assert task.get("assignee", "fallback") is None
    assert "assignee" in task
    assert task.is_loaded("assignee")
    assert task.completed_at is None
    assert "completed_at" in task


def test_loaded_values_read_by_attribute_and_key(task: Task) -> None:
    assert task.name == "Write the tests"
    assert task["name"] == "Write the tests"
    assert task.get("name") == "Write the tests"
    assert task.completed is False
    assert task.projects == []
    assert "projects" in task


def test_misspelt_attribute_is_plain_attribute_error(task: Task) -> None:
    with pytest.raises(AttributeError) as info:
        _ = task.nmae  # type: ignore[attr-defined]  # the typo is the point (mypy catches it too)
    assert not isinstance(info.value, asana.FieldNotLoadedError)
    assert "nmae" in str(info.value)
    with pytest.raises(KeyError) as key_info:
        task["nmae"]
    assert not isinstance(key_info.value, asana.FieldNotLoadedError)
    assert "nmae" not in task
    assert 42 not in task  # a non-string key is never "in" a model


def test_not_loaded_is_absent_from_instance_state(task: Task) -> None:
    assert "notes" not in task.__dict__
    assert NOT_LOADED not in task.__dict__.values()
    assert "notes" not in task.model_fields_set
    assert "name" in task.model_fields_set


def test_compact_record_with_unknown_key_has_no_not_loaded_leftovers() -> None:
    # AsanaResource declares gid and resource_type; a compact record with gid and an
    # unknown key has as many set names as declared ones, which once fooled a fast path.
    dep = AsanaResource.model_validate({"gid": "2", "name": "dep"})
    assert "resource_type" not in dep
    with pytest.raises(asana.FieldNotLoadedError):
        _ = dep.resource_type
    assert dep.model_dump() == {"gid": "2", "name": "dep"}
    ws = Workspace.model_validate({"gid": "1", "a": 1, "b": 2, "c": 3, "d": 4})
    assert ws.model_dump() == {"gid": "1", "a": 1, "b": 2, "c": 3, "d": 4}
    assert "name" not in ws


# -- dumps round-trip exactly ----------------------------------------------------------


def test_model_dump_is_exactly_what_was_sent(task: Task) -> None:
    dumped = task.model_dump()
    assert dumped.keys() == TASK.keys()
    assert dumped["workspace"] == {"gid": "9", "resource_type": "workspace", "name": "Acme"}
    assert dumped["followers"][0] == {"gid": "2", "resource_type": "user", "name": "Ann"}
    assert dumped["dependencies"] == TASK["dependencies"]
    assert dumped["memberships"] == TASK["memberships"]
    assert dumped["assignee"] is None
    assert dumped["created_at"] == datetime.datetime(
        2024, 1, 2, 3, 4, 5, 678000, tzinfo=datetime.timezone.utc
    )
    assert dumped["due_on"] == datetime.date(2024, 2, 3)
    assert _normalise(task.model_dump(mode="json")) == _normalise(TASK)
    assert Task.model_validate(dumped) == task


def test_model_dump_json_round_trips(task: Task) -> None:
    text = task.model_dump_json()
    again = Task.model_validate_json(text)
    assert again == task
    assert again.model_dump() == task.model_dump()
    assert _normalise(json.loads(text)) == _normalise(TASK)
    assert "notes" not in json.loads(text)


def test_minimal_compact_record_dumps_to_itself() -> None:
    user = User.model_validate({"gid": "2"})
    assert user.model_dump() == {"gid": "2"}
    assert user.model_dump_json() == '{"gid":"2"}'
    assert "name" not in user


def test_gid_is_required() -> None:
    with pytest.raises(ValidationError):
        Task.model_validate({"name": "no gid"})


# -- forward compatibility -------------------------------------------------------------


def test_unknown_fields_are_kept(task: Task) -> None:
    expected = {"nested": [1, 2, {"a": None}]}
    assert task.model_extra == {"x_new_field": expected}
    unknown = "x_new_field"  # not a declared field, so read it by name
    assert getattr(task, unknown) == expected
    assert task["x_new_field"] == expected
    assert task.get("x_new_field") == expected
    assert "x_new_field" in task
    assert task.model_dump()["x_new_field"] == expected


def test_unknown_enum_value_is_kept_as_string() -> None:
    task = Task.model_validate({"gid": "1", "resource_subtype": "brand_new"})
    subtype: str = task.resource_subtype  # typed as the known Literal values
    assert subtype == "brand_new"
    assert task.model_dump() == {"gid": "1", "resource_subtype": "brand_new"}
    project = Project.model_validate({"gid": "1", "color": "ultraviolet", "icon": None})
    color: str | None = project.color
    assert color == "ultraviolet"
    assert project.icon is None


def test_known_enum_value(task: Task) -> None:
    assert task.resource_subtype == "default_task"


def test_open_enum_still_rejects_non_strings() -> None:
    with pytest.raises(ValidationError):
        Task.model_validate({"gid": "1", "resource_subtype": 5})


# -- types -----------------------------------------------------------------------------


def test_datetime_and_date_fields_parse(task: Task) -> None:
    assert task.created_at == datetime.datetime(
        2024, 1, 2, 3, 4, 5, 678000, tzinfo=datetime.timezone.utc
    )
    assert task.created_at.utcoffset() == datetime.timedelta(0)
    assert task.modified_at.utcoffset() == datetime.timedelta(hours=2)
    assert type(task.due_on) is datetime.date
    assert task.due_on == datetime.date(2024, 2, 3)
    assert task.due_at is None


def test_nested_models_are_typed(task: Task) -> None:
    assert isinstance(task.workspace, Workspace)
    assert task.workspace.name == "Acme"
    assert task.workspace.gid == "9"
    assert all(isinstance(u, User) for u in task.followers)
    assert [u.name for u in task.followers] == ["Ann", "Bob"]
    with pytest.raises(asana.FieldNotLoadedError) as info:
        _ = task.followers[0].email
    assert (info.value.model, info.value.field) == ("User", "email")
    assert isinstance(task.parent, Task)
    assert task.parent.name == "Epic"
    assert isinstance(task.memberships[0].project, Project)
    assert task.memberships[0].section.name == "S"
    assert isinstance(task.dependencies[0], AsanaResource)
    assert task.dependencies[0]["name"] == "Earlier task"


def test_nested_user_workspaces() -> None:
    user = User.model_validate(
        {"gid": "1", "name": "Ann", "photo": None, "workspaces": [{"gid": "9", "name": "Acme"}]}
    )
    assert user.photo is None
    assert isinstance(user.workspaces[0], Workspace)
    assert user.workspaces[0].name == "Acme"


# -- Python protocols ------------------------------------------------------------------


def test_deepcopy_keeps_loaded_state(task: Task) -> None:
    clone = copy.deepcopy(task)
    assert clone == task
    assert clone is not task
    assert clone.workspace is not task.workspace
    assert clone.model_extra == task.model_extra
    assert "notes" not in clone
    with pytest.raises(asana.FieldNotLoadedError):
        _ = clone.notes
    assert copy.copy(task) == task


def test_pickle_keeps_loaded_state(task: Task) -> None:
    clone = pickle.loads(pickle.dumps(task))
    assert clone == task
    assert clone.model_dump() == task.model_dump()
    assert clone.model_extra == {"x_new_field": TASK["x_new_field"]}
    with pytest.raises(asana.FieldNotLoadedError):
        _ = clone.notes


def test_equality_distinguishes_null_from_not_loaded() -> None:
    loaded_null = Task.model_validate({"gid": "1", "assignee": None})
    not_loaded = Task.model_validate({"gid": "1"})
    assert loaded_null != not_loaded
    assert not_loaded == Task.model_validate({"gid": "1"})
    assert loaded_null == Task.model_validate({"gid": "1", "assignee": None})
    assert Task.model_validate({"gid": "1"}) != Task.model_validate({"gid": "2"})
    assert Task.model_validate({"gid": "1", "x": 1}) != Task.model_validate({"gid": "1", "x": 2})


def test_assignment_loads_a_field() -> None:
    task = Task.model_validate({"gid": "1"})
    task.notes = "now set"
    assert task.notes == "now set"
    assert "notes" in task
    assert task.model_dump() == {"gid": "1", "notes": "now set"}


# -- Envelope and NextPage -------------------------------------------------------------


def test_envelope_parses_page() -> None:
    body = {
        "data": [{"gid": "1", "name": "a"}, {"gid": "2"}],
        "next_page": {"offset": "eyJ", "path": "/tasks?offset=eyJ", "uri": "https://x/tasks"},
    }
    env = Envelope[list[Task]].model_validate(body)
    assert [t.gid for t in env.data] == ["1", "2"]
    assert all(isinstance(t, Task) for t in env.data)
    assert env.data[0].name == "a"
    assert "name" not in env.data[1]
    assert isinstance(env.next_page, NextPage)
    assert env.next_page.offset == "eyJ"
    assert env.next_page.path == "/tasks?offset=eyJ"
    assert env.sync is None


def test_envelope_single_with_sync_and_null_next_page() -> None:
    env = Envelope[Task].model_validate_json(
        b'{"data": {"gid": "1"}, "next_page": null, "sync": "tok", "extra_meta": 1}'
    )
    assert isinstance(env.data, Task)
    assert env.next_page is None
    assert env.sync == "tok"
    assert env.model_extra == {"extra_meta": 1}


def test_envelope_requires_data() -> None:
    with pytest.raises(ValidationError):
        Envelope[Task].model_validate({"next_page": None})


def test_next_page_minimal() -> None:
    page = NextPage.model_validate({"offset": "abc"})
    assert page.offset == "abc"
    assert page.path is None
    assert page.uri is None


def test_full_payload_single_get_through_client(api: ScriptedAsana) -> None:
    api.data({"gid": "1", "name": "x"}, sync="s1")
    env = api.client().tasks.get_task("1", full_payload=True)
    assert isinstance(env, Envelope)
    assert isinstance(env.data, Task)
    assert env.data.name == "x"
    assert env.sync == "s1"


# -- JSON schema -----------------------------------------------------------------------


def _own_schema(model: type[AsanaObject], **kwargs: Any) -> dict[str, Any]:
    """A model's own schema: one that refers back to itself sits in ``$defs``."""
    schema = model.model_json_schema(**kwargs)
    if "$ref" not in schema:
        return schema
    assert schema["$ref"] == f"#/$defs/{model.__name__}"
    own: dict[str, Any] = schema["$defs"][model.__name__]
    return own


def _task_schema() -> dict[str, Any]:
    """``Task``'s own schema: it refers to itself (``parent``), so it sits in ``$defs``."""
    assert Task.model_json_schema()["$ref"] == "#/$defs/Task"
    return _own_schema(Task)


def test_json_schema_without_warnings() -> None:
    # pytest turns warnings into errors, so this fails if NOT_LOADED leaks into the schema.
    task_schema = _task_schema()
    props = task_schema["properties"]
    assert task_schema["required"] == ["gid"]
    assert props["name"] == {"title": "Name", "type": "string"}
    assert all("default" not in p for p in props.values())
    assert "NOT_LOADED" not in json.dumps(task_schema)
    assert props["parent"]["anyOf"] == [{"$ref": "#/$defs/Task"}, {"type": "null"}]


def test_json_schema_serialization_mode_and_envelope() -> None:
    schema = Task.model_json_schema(mode="serialization")
    assert "NOT_LOADED" not in json.dumps(schema)
    env_schema = Envelope[list[Task]].model_json_schema()
    assert set(env_schema["properties"]) == {"data", "next_page", "sync", "has_more"}
    assert env_schema["required"] == ["data"]
    for model in (User, Project, Workspace):
        assert "NOT_LOADED" not in json.dumps(model.model_json_schema())


def test_json_schema_with_explicit_generator() -> None:
    schema = _own_schema(User, schema_generator=AsanaJsonSchema, by_alias=True)
    assert schema["required"] == ["gid"]


def test_open_enum_schema_lists_values() -> None:
    subtype = _task_schema()["properties"]["resource_subtype"]
    assert {"enum": ["default_task", "milestone", "approval", "custom"], "type": "string"} in (
        subtype["anyOf"]
    )
    assert {"type": "string"} in subtype["anyOf"]
    color = _own_schema(Project)["properties"]["color"]
    assert {"type": "null"} in color["anyOf"]
    enums = [s["enum"] for s in color["anyOf"] if "enum" in s]
    assert len(enums) == 1
    assert "dark-pink" in enums[0]


# -- responses that disagree with the models ---------------------------------------------


def test_mismatching_values_are_kept_and_dump_quietly(api: ScriptedAsana) -> None:
    sent = {
        "gid": "1",
        "created_at": "not a date",
        "workspace": {"gid": "9", "is_organization": "maybe"},
    }
    api.data(sent)
    with pytest.warns(asana.ResponseValidationWarning):
        task = api.client().tasks.get_task("1")
    created_at: object = task.created_at  # typed datetime, kept as sent
    assert created_at == "not a date"
    # Dumping warns no more (pytest runs with warnings as errors) and returns what was sent.
    assert task.model_dump() == sent
    assert json.loads(task.model_dump_json()) == sent
    assert Envelope[Task](data=task).model_dump() == {
        "data": sent,
        "next_page": None,
        "sync": None,
        "has_more": None,
    }


def test_dump_warnings_can_still_be_asked_for() -> None:
    task = Task.model_validate({"gid": "1"})
    task.__dict__["completed"] = "not a bool"  # what the lenient path does on a mismatch
    task.__pydantic_fields_set__.add("completed")
    assert task.model_dump() == {"gid": "1", "completed": "not a bool"}
    with pytest.warns(UserWarning, match="Expected `bool`"):
        task.model_dump(warnings=True)
