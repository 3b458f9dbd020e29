"""Request encoding: every method's verb and path, and the legacy method names."""

from __future__ import annotations

import pytest

from asana_typed.api.projects import Projects
from asana_typed.api.tasks import Tasks
from asana_typed.api.users import Users
from asana_typed.api.workspaces import Workspaces
from tests.conftest import ScriptedAsana
from tests.encoding_support import BASE, Call
from tests.routes import ROUTES


@pytest.mark.parametrize(
    ("call", "method", "path", "data"), [r[1:] for r in ROUTES], ids=[r[0] for r in ROUTES]
)
def test_every_method_sends_its_verb_and_path(
    api: ScriptedAsana, call: Call, method: str, path: str, data: object
) -> None:
    client = api.client()
    api.data(data)
    call(client)
    assert len(api.requests) == 1
    assert api.last.method == method
    assert str(api.last.url) == BASE + path
    has_body = method in ("POST", "PUT")
    assert (api.last.content != b"") is has_body
    assert ("content-type" in api.last.headers) is has_body


def test_routes_cover_every_public_method() -> None:
    resources = {"users": Users, "workspaces": Workspaces, "projects": Projects, "tasks": Tasks}
    public = {
        f"{name}.{attr}"
        for name, cls in resources.items()
        for attr in dir(cls)
        if not attr.startswith("_") and callable(getattr(cls, attr))
    }
    assert public == {r[0] for r in ROUTES}


@pytest.mark.parametrize(
    ("cls", "legacy", "spec"),
    [
        (Users, "find_by_id", "get_user"),
        (Users, "find_all", "get_users"),
        (Users, "find_by_workspace", "get_users_for_workspace"),
        (Workspaces, "find_all", "get_workspaces"),
        (Workspaces, "find_by_id", "get_workspace"),
        (Projects, "create_in_workspace", "create_project_for_workspace"),
        (Projects, "find_by_id", "get_project"),
        (Projects, "find_all", "get_projects"),
        (Projects, "update", "update_project"),
        (Projects, "delete", "delete_project"),
        (Tasks, "create", "create_task"),
        (Tasks, "find_by_id", "get_task"),
        (Tasks, "find_all", "get_tasks"),
        (Tasks, "find_by_project", "get_tasks_for_project"),
        (Tasks, "update", "update_task"),
        (Tasks, "delete", "delete_task"),
        (Users, "get_user_favorites", "get_favorites_for_user"),
        (Workspaces, "update", "update_workspace"),
        (Workspaces, "add_user", "add_user_for_workspace"),
        (Projects, "create", "create_project"),
        (Projects, "find_by_team", "get_projects_for_team"),
        (Tasks, "add_subtask", "create_subtask_for_task"),
        (Tasks, "search_in_workspace", "search_tasks_for_workspace"),
        (Tasks, "set_parent", "set_parent_for_task"),
    ],
)
def test_legacy_names_are_the_spec_methods(cls: type, legacy: str, spec: str) -> None:
    assert getattr(cls, legacy) is getattr(cls, spec)


def test_tasks_create_in_workspace_puts_the_workspace_in_the_body(api: ScriptedAsana) -> None:
    client = api.client()
    api.data({"gid": "9", "name": "t"})
    task = client.tasks.create_in_workspace("7", {"name": "t", "workspace": "ignored"})
    assert task.gid == "9"
    assert api.last_json() == {"data": {"name": "t", "workspace": "7"}}
