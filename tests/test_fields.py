"""Projections: ``fields``/``expand`` as names or as a model class, and parsing into it."""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Annotated

import pytest
from pydantic import Field
from typing_extensions import assert_type

import asana_typed as asana
from asana_typed import AsanaModel
from asana_typed._fields import expand_paths, field_paths
from asana_typed.models import Envelope, Project, Task, User
from tests.conftest import ScriptedAsana

# -- views -----------------------------------------------------------------------------


class UserView(AsanaModel):
    name: str
    email: str


class MyView(AsanaModel):
    name: str
    assignee: UserView | None
    followers: list[UserView]
    projects: list[Project]


MY_VIEW_FIELDS = "name,assignee.name,assignee.email,followers.name,followers.email,projects"
MY_VIEW_EXPAND = "assignee,followers,projects"

MY_VIEW_RECORD: dict[str, object] = {
    "gid": "1",
    "name": "Ship it",
    "assignee": {"gid": "2", "name": "Ann", "email": "ann@example.com"},
    "followers": [
        {"gid": "2", "name": "Ann", "email": "ann@example.com"},
        {"gid": "3", "name": "Bob", "email": "bob@example.com"},
    ],
    "projects": [{"gid": "5", "name": "Launch", "resource_type": "project"}],
}


class GidOnly(AsanaModel):
    """A nested view that declares nothing besides gid."""


class BareNested(AsanaModel):
    parent: GidOnly | None
    workspace: asana.models.Workspace


class Node(AsanaModel):
    """Refers to itself."""

    name: str
    parent: Node | None = None


class Left(AsanaModel):
    name: str
    right: Right | None = None


class Right(AsanaModel):
    title: str
    left: Left | None = None


class Chain1(AsanaModel):
    name: str
    next: Chain2


class Chain2(AsanaModel):
    name: str
    next: Chain3


class Chain3(AsanaModel):
    name: str
    next: Chain4


class Chain4(AsanaModel):
    name: str
    next: Chain5


class Chain5(AsanaModel):
    name: str
    next: Chain6


class Chain6(AsanaModel):
    name: str


class OuterFirst(AsanaModel):
    """Names a view defined after it; used by one test only, so nothing rebuilt it before."""

    owner: InnerLater
    helpers: list[InnerLater]


class InnerLater(AsanaModel):
    name: str


class Aliased(AsanaModel):
    title: str = Field(alias="name")
    people: list[UserView] = Field(alias="followers")


class Containers(AsanaModel):
    followers: Sequence[UserView]
    likes: tuple[UserView, ...] | None
    assignee: Annotated[UserView | None, "note"]


class WithOptional(AsanaModel):
    name: str
    notes: str | None = None


def opt(api: ScriptedAsana, name: str = "opt_fields") -> str:
    assert name in api.last.url.params, f"no {name} in {api.last.url}"
    return str(api.last.url.params[name])


# -- names -----------------------------------------------------------------------------


def test_list_of_names(api: ScriptedAsana) -> None:
    api.data({"gid": "1", "name": "T", "assignee": {"gid": "2", "name": "Ann"}})
    task = api.client().tasks.get_task("1", fields=["name", "assignee.name"])
    assert_type(task, Task)
    assert api.last.url.query == b"opt_fields=name,assignee.name"
    assert task.name == "T"
    assert task.assignee is not None
    assert task.assignee.name == "Ann"


def test_string_of_names_is_split(api: ScriptedAsana) -> None:
    api.data({"gid": "1", "name": "T", "notes": "N"})
    task = api.client().tasks.get_task("1", fields="name,notes")
    assert opt(api) == "name,notes"
    assert (task.name, task.notes) == ("T", "N")


def test_string_of_names_with_spaces(api: ScriptedAsana) -> None:
    api.data({"gid": "1"})
    api.client().tasks.get_task("1", fields="name, notes")
    assert opt(api) == "name,notes"


def test_tuple_of_names_and_expand_names(api: ScriptedAsana) -> None:
    api.data({"gid": "1"})
    api.client().tasks.get_task("1", fields=("name",), expand=["assignee"])
    assert api.last.url.query == b"opt_fields=name&opt_expand=assignee"


def test_names_from_client_options(api: ScriptedAsana) -> None:
    api.data({"gid": "1"})
    api.data({"gid": "1"})
    client = api.client(fields=["name"])
    client.tasks.get_task("1")
    assert opt(api) == "name"
    client.tasks.get_task("1", fields=["notes"])  # the call wins
    assert opt(api) == "notes"


def test_no_fields_sends_no_opt_fields(api: ScriptedAsana) -> None:
    api.data({"gid": "1"})
    api.client().tasks.get_task("1")
    assert api.last.url.query == b""


def test_invalid_fields_value() -> None:
    client = ScriptedAsana().client()
    with pytest.raises(asana.InvalidOptionError):
        client.tasks.get_task("1", fields=[""])
    with pytest.raises(asana.InvalidOptionError):
        client.tasks.get_task("1", fields=dict)  # type: ignore[type-var]  # not a model


# -- paths from a model class ----------------------------------------------------------


def test_field_paths_of_view() -> None:
    assert ",".join(field_paths(MyView)) == MY_VIEW_FIELDS
    assert field_paths(UserView) == ("name", "email")


def test_expand_paths_of_view() -> None:
    assert ",".join(expand_paths(MyView)) == MY_VIEW_EXPAND
    assert expand_paths(UserView) == ()


def test_view_without_fields_gives_bare_name() -> None:
    assert field_paths(BareNested) == ("parent", "workspace")
    assert field_paths(GidOnly) == ()


def test_self_reference_is_bounded() -> None:
    assert field_paths(Node) == ("name", "parent")
    assert expand_paths(Node) == ("parent",)


def test_mutual_recursion_is_bounded() -> None:
    assert field_paths(Left) == ("name", "right.title", "right.left")
    assert field_paths(Right) == ("title", "left.name", "left.right")


def test_deep_chain_is_bounded() -> None:
    paths = field_paths(Chain1)
    assert paths == (
        "name",
        "next.name",
        "next.next.name",
        "next.next.next.name",
        "next.next.next.next",
    )
    assert max(p.count(".") for p in paths) <= 4


def test_view_defined_before_its_nested_view(api: ScriptedAsana) -> None:
    api.data({"gid": "1", "owner": {"gid": "2", "name": "Ann"}, "helpers": []})
    view = api.client().tasks.get_task("1", fields=OuterFirst)
    assert opt(api) == "owner.name,helpers.name"
    assert type(view.owner) is InnerLater
    assert view.owner.name == "Ann"


def test_aliases_are_wire_names() -> None:
    assert field_paths(Aliased) == ("name", "followers.name", "followers.email")


def test_views_inside_containers() -> None:
    assert field_paths(Containers) == (
        "followers.name",
        "followers.email",
        "likes.name",
        "likes.email",
        "assignee.name",
        "assignee.email",
    )


def test_optional_fields_are_requested() -> None:
    assert field_paths(WithOptional) == ("name", "notes")


def test_sdk_models_are_walked_only_at_top_level() -> None:
    # An SDK model passed directly asks for each of its fields, but nested SDK models stay bare.
    paths = field_paths(User)
    assert paths == ("resource_type", "name", "email", "photo", "workspaces", "custom_fields")


# -- single gets -----------------------------------------------------------------------


def test_fields_view_single_get(api: ScriptedAsana) -> None:
    api.data(MY_VIEW_RECORD)
    view = api.client().tasks.get_task("1", fields=MyView)
    assert_type(view, MyView)
    assert opt(api) == MY_VIEW_FIELDS
    assert api.last.url.query.decode() == f"opt_fields={MY_VIEW_FIELDS}"
    assert type(view) is MyView
    assert view.name == "Ship it"
    assert type(view.assignee) is UserView
    assert view.assignee.email == "ann@example.com"
    assert [type(f) for f in view.followers] == [UserView, UserView]
    assert [f.name for f in view.followers] == ["Ann", "Bob"]
    assert type(view.projects[0]) is Project
    assert view.projects[0].name == "Launch"
    assert view.model_dump() == MY_VIEW_RECORD


def test_fields_view_null_nested(api: ScriptedAsana) -> None:
    api.data({**MY_VIEW_RECORD, "assignee": None, "followers": []})
    view = api.client().tasks.get_task("1", fields=MyView)
    assert view.assignee is None
    assert view.followers == []


def test_fields_view_keeps_unknown_fields(api: ScriptedAsana) -> None:
    api.data({**MY_VIEW_RECORD, "notes": "extra"})
    view = api.client().tasks.get_task("1", fields=MyView)
    assert view.model_extra == {"notes": "extra"}
    assert view["notes"] == "extra"


def test_fields_view_full_payload(api: ScriptedAsana) -> None:
    api.data(MY_VIEW_RECORD)
    env = api.client().tasks.get_task("1", fields=MyView, full_payload=True)
    assert_type(env, Envelope[MyView])
    assert isinstance(env, Envelope)
    assert type(env.data) is MyView
    assert env.data.name == "Ship it"


def test_fields_view_on_users_me(api: ScriptedAsana) -> None:
    api.data({"gid": "2", "name": "Ann", "email": "ann@example.com"})
    me = api.client().users.me(fields=UserView)
    assert_type(me, UserView)
    assert api.last.url.path == "/api/1.0/users/me"
    assert opt(api) == "name,email"
    assert (me.name, me.email) == ("Ann", "ann@example.com")


def test_fields_view_with_alias(api: ScriptedAsana) -> None:
    api.data({"gid": "1", "name": "T", "followers": [{"gid": "2", "name": "A", "email": "a@x"}]})
    view = api.client().tasks.get_task("1", fields=Aliased)
    assert opt(api) == "name,followers.name,followers.email"
    assert view.title == "T"
    assert view.people[0].email == "a@x"


def test_fields_view_from_client_options(api: ScriptedAsana) -> None:
    api.data(MY_VIEW_RECORD)
    client = api.client(fields=MyView)
    result = client.tasks.get_task("1")
    assert opt(api) == MY_VIEW_FIELDS
    # Parsed into the projection, though mypy (seeing no fields= in the call) says Task.
    result_type: type[object] = type(result)
    assert result_type is MyView


def test_response_missing_a_required_view_field(api: ScriptedAsana) -> None:
    api.data({"gid": "1", "assignee": None, "followers": [], "projects": []})
    with pytest.raises(asana.InvalidResponseError) as info:
        api.client().tasks.get_task("1", fields=MyView)
    assert "name" in str(info.value)


# -- expand ----------------------------------------------------------------------------


def test_expand_view(api: ScriptedAsana) -> None:
    api.data(MY_VIEW_RECORD)
    view = api.client().tasks.get_task("1", expand=MyView)
    assert_type(view, MyView)
    assert opt(api, "opt_expand") == MY_VIEW_EXPAND
    assert "opt_fields" not in api.last.url.params
    assert type(view) is MyView
    assert type(view.assignee) is UserView


def test_fields_and_expand_same_view(api: ScriptedAsana) -> None:
    api.data(MY_VIEW_RECORD)
    view = api.client().tasks.get_task("1", fields=MyView, expand=MyView)
    assert_type(view, MyView)
    assert opt(api) == MY_VIEW_FIELDS
    assert opt(api, "opt_expand") == MY_VIEW_EXPAND
    assert type(view) is MyView


def test_fields_view_with_expand_names(api: ScriptedAsana) -> None:
    api.data(MY_VIEW_RECORD)
    view = api.client().tasks.get_task("1", fields=MyView, expand=["assignee"])
    assert opt(api, "opt_expand") == "assignee"
    assert type(view) is MyView


def test_fields_and_expand_different_views(api: ScriptedAsana) -> None:
    client = api.client()
    with pytest.raises(asana.InvalidOptionError) as info:
        client.tasks.get_task("1", fields=MyView, expand=UserView)
    assert "MyView" in str(info.value)
    assert "UserView" in str(info.value)
    with pytest.raises(asana.InvalidOptionError):
        client.tasks.get_tasks_for_project("P", fields=MyView, expand=UserView)
    assert api.requests == []


# -- collections -----------------------------------------------------------------------


def test_fields_view_collection_items(api: ScriptedAsana) -> None:
    api.data([MY_VIEW_RECORD], next_page={"offset": "o1"})
    api.data([{**MY_VIEW_RECORD, "gid": "9", "name": "Second"}], next_page=None)
    items = api.client().tasks.get_tasks_for_project("P", fields=MyView, page_size=1)
    assert api.requests == []
    views = list(items)
    assert [type(v) for v in views] == [MyView, MyView]
    assert [v.name for v in views] == ["Ship it", "Second"]
    assert [r.url.params["opt_fields"] for r in api.requests] == [MY_VIEW_FIELDS] * 2
    assert api.requests[1].url.params["offset"] == "o1"


def test_fields_view_collection_page(api: ScriptedAsana) -> None:
    api.data([MY_VIEW_RECORD], next_page=None)
    page = api.client().tasks.get_tasks_for_project("P", fields=MyView, iterator_type=None)
    assert_type(page, list[MyView])
    assert [type(v) for v in page] == [MyView]
    assert page[0].followers[1].name == "Bob"
    assert opt(api) == MY_VIEW_FIELDS


def test_fields_view_collection_full_payload(api: ScriptedAsana) -> None:
    api.data([MY_VIEW_RECORD], next_page={"offset": "o1"})
    env = api.client().tasks.get_tasks_for_project(
        "P", fields=MyView, iterator_type=None, full_payload=True
    )
    assert_type(env, Envelope[list[MyView]])
    assert type(env.data[0]) is MyView
    assert env.next_page is not None
    assert env.next_page.offset == "o1"


def test_expand_view_collection(api: ScriptedAsana) -> None:
    api.data([MY_VIEW_RECORD], next_page=None)
    views = list(api.client().tasks.get_tasks({"project": "P"}, expand=MyView))
    assert type(views[0]) is MyView
    assert opt(api, "opt_expand") == MY_VIEW_EXPAND


# -- POST and PUT ----------------------------------------------------------------------


def test_fields_view_in_post_body(api: ScriptedAsana) -> None:
    api.data(MY_VIEW_RECORD)
    view = api.client().tasks.create_task({"name": "Ship it", "workspace": "9"}, fields=MyView)
    assert_type(view, MyView)
    assert api.last.method == "POST"
    assert api.last.url.query == b""
    assert api.last_json() == {
        "data": {"name": "Ship it", "workspace": "9"},
        "options": {"fields": MY_VIEW_FIELDS.split(",")},
    }
    assert type(view) is MyView
    assert type(view.assignee) is UserView


def test_fields_and_expand_view_in_put_body(api: ScriptedAsana) -> None:
    api.data(MY_VIEW_RECORD)
    view = api.client().tasks.update_task("1", {"name": "Ship it"}, fields=MyView, expand=MyView)
    assert api.last.method == "PUT"
    assert api.last.url.path == "/api/1.0/tasks/1"
    body = json.loads(api.last.content)
    assert body["options"] == {
        "fields": MY_VIEW_FIELDS.split(","),
        "expand": MY_VIEW_EXPAND.split(","),
    }
    assert type(view) is MyView


def test_field_names_in_post_body(api: ScriptedAsana) -> None:
    api.data({"gid": "5", "name": "P"})
    project = api.client().projects.create_in_workspace(
        "9", {"name": "P"}, fields="name,owner.name"
    )
    assert_type(project, Project)
    body = api.last_json()
    assert isinstance(body, dict)
    assert body["options"] == {"fields": ["name", "owner.name"]}
    assert project.name == "P"


def test_fields_view_post_full_payload(api: ScriptedAsana) -> None:
    api.data(MY_VIEW_RECORD)
    env = api.client().tasks.create_task({"name": "x"}, fields=MyView, full_payload=True)
    assert_type(env, Envelope[MyView])
    assert type(env.data) is MyView
