"""Request encoding: verbs and paths, query strings, JSON bodies and headers, compared exactly."""

from __future__ import annotations

import datetime
import enum
import json
import math
import platform
import warnings
from collections.abc import Callable
from urllib.parse import parse_qs

import httpx
import pydantic
import pytest

import asana_typed as asana
from asana_typed._options import resolve_options
from asana_typed._request import encode_body, encode_query
from asana_typed.api.projects import DeleteProjectParams, Projects
from asana_typed.api.tasks import CreateTaskData, GetTasksParams, Tasks
from asana_typed.api.users import Users
from asana_typed.api.workspaces import Workspaces
from asana_typed.models import Project, Task, User
from tests.conftest import ScriptedAsana

TOKEN = "0/secret-token-value"  # what conftest's ScriptedAsana.client() authenticates with
BASE = "https://app.asana.com/api/1.0"
UTC = datetime.timezone.utc


def sent_query(api: ScriptedAsana) -> str:
    """The last request's query string, byte for byte."""
    return api.last.url.query.decode()


class Color(str, enum.Enum):
    RED = "red"


class Level(enum.IntEnum):
    HIGH = 3


# -- every resource method: verb and path -------------------------------------------------

Call = Callable[[asana.Client], object]

ROUTES: list[tuple[str, Call, str, str, object]] = [
    # users
    ("users.get_user", lambda c: c.users.get_user("5"), "GET", "/users/5", {"gid": "5"}),
    ("users.find_by_id", lambda c: c.users.find_by_id("5"), "GET", "/users/5", {"gid": "5"}),
    ("users.me", lambda c: c.users.me(), "GET", "/users/me", {"gid": "5"}),
    (
        "users.get_users",
        lambda c: c.users.get_users({"workspace": "7"}, iterator_type=None),
        "GET",
        "/users?workspace=7&limit=50",
        [],
    ),
    (
        "users.find_all",
        lambda c: c.users.find_all({"team": "8"}, iterator_type=None),
        "GET",
        "/users?team=8&limit=50",
        [],
    ),
    (
        "users.get_users_for_workspace",
        lambda c: c.users.get_users_for_workspace("7", iterator_type=None),
        "GET",
        "/workspaces/7/users",
        [],
    ),
    (
        "users.find_by_workspace",
        lambda c: c.users.find_by_workspace("7", iterator_type=None),
        "GET",
        "/workspaces/7/users",
        [],
    ),
    # workspaces
    (
        "workspaces.get_workspaces",
        lambda c: c.workspaces.get_workspaces(iterator_type=None),
        "GET",
        "/workspaces?limit=50",
        [],
    ),
    (
        "workspaces.find_all",
        lambda c: c.workspaces.find_all(iterator_type=None),
        "GET",
        "/workspaces?limit=50",
        [],
    ),
    (
        "workspaces.get_workspace",
        lambda c: c.workspaces.get_workspace("7"),
        "GET",
        "/workspaces/7",
        {"gid": "7"},
    ),
    (
        "workspaces.find_by_id",
        lambda c: c.workspaces.find_by_id("7"),
        "GET",
        "/workspaces/7",
        {"gid": "7"},
    ),
    # projects
    (
        "projects.create_project_for_workspace",
        lambda c: c.projects.create_project_for_workspace("7", {"name": "p"}),
        "POST",
        "/workspaces/7/projects",
        {"gid": "3"},
    ),
    (
        "projects.create_in_workspace",
        lambda c: c.projects.create_in_workspace("7", {"name": "p"}),
        "POST",
        "/workspaces/7/projects",
        {"gid": "3"},
    ),
    (
        "projects.get_project",
        lambda c: c.projects.get_project("3"),
        "GET",
        "/projects/3",
        {"gid": "3"},
    ),
    (
        "projects.find_by_id",
        lambda c: c.projects.find_by_id("3"),
        "GET",
        "/projects/3",
        {"gid": "3"},
    ),
    (
        "projects.get_projects",
        lambda c: c.projects.get_projects(
            {"workspace": "7", "archived": False}, iterator_type=None
        ),
        "GET",
        "/projects?workspace=7&archived=false&limit=50",
        [],
    ),
    (
        "projects.find_all",
        lambda c: c.projects.find_all({"team": "8", "archived": True}, iterator_type=None),
        "GET",
        "/projects?team=8&archived=true&limit=50",
        [],
    ),
    (
        "projects.update_project",
        lambda c: c.projects.update_project("3", {"name": "q"}),
        "PUT",
        "/projects/3",
        {"gid": "3"},
    ),
    (
        "projects.update",
        lambda c: c.projects.update("3", {"name": "q"}),
        "PUT",
        "/projects/3",
        {"gid": "3"},
    ),
    (
        "projects.delete_project",
        lambda c: c.projects.delete_project("3"),
        "DELETE",
        "/projects/3",
        {},
    ),
    ("projects.delete", lambda c: c.projects.delete("3"), "DELETE", "/projects/3", {}),
    # tasks
    (
        "tasks.create_task",
        lambda c: c.tasks.create_task({"name": "t", "workspace": "7"}),
        "POST",
        "/tasks",
        {"gid": "9"},
    ),
    (
        "tasks.create",
        lambda c: c.tasks.create({"name": "t", "workspace": "7"}),
        "POST",
        "/tasks",
        {"gid": "9"},
    ),
    (
        "tasks.create_in_workspace",
        lambda c: c.tasks.create_in_workspace("7", {"name": "t"}),
        "POST",
        "/tasks",
        {"gid": "9"},
    ),
    ("tasks.get_task", lambda c: c.tasks.get_task("9"), "GET", "/tasks/9", {"gid": "9"}),
    ("tasks.find_by_id", lambda c: c.tasks.find_by_id("9"), "GET", "/tasks/9", {"gid": "9"}),
    (
        "tasks.get_tasks",
        lambda c: c.tasks.get_tasks({"project": "3"}, iterator_type=None),
        "GET",
        "/tasks?project=3&limit=50",
        [],
    ),
    (
        "tasks.find_all",
        lambda c: c.tasks.find_all({"assignee": "me", "workspace": "7"}, iterator_type=None),
        "GET",
        "/tasks?assignee=me&workspace=7&limit=50",
        [],
    ),
    (
        "tasks.get_tasks_for_project",
        lambda c: c.tasks.get_tasks_for_project("3", iterator_type=None),
        "GET",
        "/projects/3/tasks?limit=50",
        [],
    ),
    (
        "tasks.find_by_project",
        lambda c: c.tasks.find_by_project("3", iterator_type=None),
        "GET",
        "/projects/3/tasks?limit=50",
        [],
    ),
    (
        "tasks.update_task",
        lambda c: c.tasks.update_task("9", {"completed": True}),
        "PUT",
        "/tasks/9",
        {"gid": "9"},
    ),
    (
        "tasks.update",
        lambda c: c.tasks.update("9", {"completed": True}),
        "PUT",
        "/tasks/9",
        {"gid": "9"},
    ),
    ("tasks.delete_task", lambda c: c.tasks.delete_task("9"), "DELETE", "/tasks/9", {}),
    ("tasks.delete", lambda c: c.tasks.delete("9"), "DELETE", "/tasks/9", {}),
    # every other method of the four resources (generated from the spec), legacy names too
    (
        "users.get_favorites_for_user",
        lambda c: c.users.get_favorites_for_user("11", {"workspace": "1"}, iterator_type=None),
        "GET",
        "/users/11/favorites?workspace=1&limit=50",
        [],
    ),
    (
        "users.get_user_favorites",
        lambda c: c.users.get_user_favorites("11", {"workspace": "1"}, iterator_type=None),
        "GET",
        "/users/11/favorites?workspace=1&limit=50",
        [],
    ),
    (
        "users.get_user_for_workspace",
        lambda c: c.users.get_user_for_workspace("11", "12"),
        "GET",
        "/workspaces/11/users/12",
        {"gid": "1"},
    ),
    (
        "users.get_users_for_team",
        lambda c: c.users.get_users_for_team("11", iterator_type=None),
        "GET",
        "/teams/11/users",
        [],
    ),
    ("users.update_user", lambda c: c.users.update_user("11"), "PUT", "/users/11", {"gid": "1"}),
    (
        "users.update_user_for_workspace",
        lambda c: c.users.update_user_for_workspace("11", "12"),
        "PUT",
        "/workspaces/11/users/12",
        {"gid": "1"},
    ),
    (
        "workspaces.add_user",
        lambda c: c.workspaces.add_user("11"),
        "POST",
        "/workspaces/11/addUser",
        {"gid": "1"},
    ),
    (
        "workspaces.add_user_for_workspace",
        lambda c: c.workspaces.add_user_for_workspace("11"),
        "POST",
        "/workspaces/11/addUser",
        {"gid": "1"},
    ),
    (
        "workspaces.get_workspace_events",
        lambda c: c.workspaces.get_workspace_events("11"),
        "GET",
        "/workspaces/11/events",
        [],
    ),
    (
        "workspaces.remove_user",
        lambda c: c.workspaces.remove_user("11"),
        "POST",
        "/workspaces/11/removeUser",
        {},
    ),
    (
        "workspaces.remove_user_for_workspace",
        lambda c: c.workspaces.remove_user_for_workspace("11"),
        "POST",
        "/workspaces/11/removeUser",
        {},
    ),
    (
        "workspaces.typeahead",
        lambda c: c.workspaces.typeahead("11"),
        "GET",
        "/workspaces/11/typeahead",
        [],
    ),
    (
        "workspaces.update",
        lambda c: c.workspaces.update("11"),
        "PUT",
        "/workspaces/11",
        {"gid": "1"},
    ),
    (
        "workspaces.update_workspace",
        lambda c: c.workspaces.update_workspace("11"),
        "PUT",
        "/workspaces/11",
        {"gid": "1"},
    ),
    (
        "projects.add_custom_field_setting",
        lambda c: c.projects.add_custom_field_setting("11", {"custom_field": "1"}),
        "POST",
        "/projects/11/addCustomFieldSetting",
        {"gid": "1"},
    ),
    (
        "projects.add_custom_field_setting_for_project",
        lambda c: c.projects.add_custom_field_setting_for_project("11", {"custom_field": "1"}),
        "POST",
        "/projects/11/addCustomFieldSetting",
        {"gid": "1"},
    ),
    (
        "projects.add_followers",
        lambda c: c.projects.add_followers("11", {"followers": "1"}),
        "POST",
        "/projects/11/addFollowers",
        {"gid": "1"},
    ),
    (
        "projects.add_followers_for_project",
        lambda c: c.projects.add_followers_for_project("11", {"followers": "1"}),
        "POST",
        "/projects/11/addFollowers",
        {"gid": "1"},
    ),
    (
        "projects.add_members",
        lambda c: c.projects.add_members("11", {"members": "1"}),
        "POST",
        "/projects/11/addMembers",
        {"gid": "1"},
    ),
    (
        "projects.add_members_for_project",
        lambda c: c.projects.add_members_for_project("11", {"members": "1"}),
        "POST",
        "/projects/11/addMembers",
        {"gid": "1"},
    ),
    ("projects.create", lambda c: c.projects.create(), "POST", "/projects", {"gid": "1"}),
    (
        "projects.create_in_team",
        lambda c: c.projects.create_in_team("11"),
        "POST",
        "/teams/11/projects",
        {"gid": "1"},
    ),
    (
        "projects.create_project",
        lambda c: c.projects.create_project(),
        "POST",
        "/projects",
        {"gid": "1"},
    ),
    (
        "projects.create_project_for_team",
        lambda c: c.projects.create_project_for_team("11"),
        "POST",
        "/teams/11/projects",
        {"gid": "1"},
    ),
    (
        "projects.duplicate_project",
        lambda c: c.projects.duplicate_project("11", {"name": "1"}),
        "POST",
        "/projects/11/duplicate",
        {"gid": "1"},
    ),
    (
        "projects.find_by_team",
        lambda c: c.projects.find_by_team("11", iterator_type=None),
        "GET",
        "/teams/11/projects?limit=50",
        [],
    ),
    (
        "projects.find_by_workspace",
        lambda c: c.projects.find_by_workspace("11", iterator_type=None),
        "GET",
        "/workspaces/11/projects?limit=50",
        [],
    ),
    (
        "projects.get_projects_for_task",
        lambda c: c.projects.get_projects_for_task("11", iterator_type=None),
        "GET",
        "/tasks/11/projects?limit=50",
        [],
    ),
    (
        "projects.get_projects_for_team",
        lambda c: c.projects.get_projects_for_team("11", iterator_type=None),
        "GET",
        "/teams/11/projects?limit=50",
        [],
    ),
    (
        "projects.get_projects_for_workspace",
        lambda c: c.projects.get_projects_for_workspace("11", iterator_type=None),
        "GET",
        "/workspaces/11/projects?limit=50",
        [],
    ),
    (
        "projects.get_task_counts_for_project",
        lambda c: c.projects.get_task_counts_for_project("11"),
        "GET",
        "/projects/11/task_counts",
        {"gid": "1"},
    ),
    (
        "projects.project_save_as_template",
        lambda c: c.projects.project_save_as_template("11", {"name": "1", "public": True}),
        "POST",
        "/projects/11/saveAsTemplate",
        {"gid": "1"},
    ),
    (
        "projects.remove_custom_field_setting",
        lambda c: c.projects.remove_custom_field_setting("11", {"custom_field": "1"}),
        "POST",
        "/projects/11/removeCustomFieldSetting",
        {},
    ),
    (
        "projects.remove_custom_field_setting_for_project",
        lambda c: c.projects.remove_custom_field_setting_for_project("11", {"custom_field": "1"}),
        "POST",
        "/projects/11/removeCustomFieldSetting",
        {},
    ),
    (
        "projects.remove_followers",
        lambda c: c.projects.remove_followers("11", {"followers": "1"}),
        "POST",
        "/projects/11/removeFollowers",
        {"gid": "1"},
    ),
    (
        "projects.remove_followers_for_project",
        lambda c: c.projects.remove_followers_for_project("11", {"followers": "1"}),
        "POST",
        "/projects/11/removeFollowers",
        {"gid": "1"},
    ),
    (
        "projects.remove_members",
        lambda c: c.projects.remove_members("11", {"members": "1"}),
        "POST",
        "/projects/11/removeMembers",
        {"gid": "1"},
    ),
    (
        "projects.remove_members_for_project",
        lambda c: c.projects.remove_members_for_project("11", {"members": "1"}),
        "POST",
        "/projects/11/removeMembers",
        {"gid": "1"},
    ),
    (
        "projects.search_projects_for_workspace",
        lambda c: c.projects.search_projects_for_workspace("11"),
        "GET",
        "/workspaces/11/projects/search",
        [],
    ),
    (
        "projects.tasks",
        lambda c: c.projects.tasks("11", iterator_type=None),
        "GET",
        "/projects/11/tasks?limit=50",
        [],
    ),
    (
        "tasks.add_comment",
        lambda c: c.tasks.add_comment("11"),
        "POST",
        "/tasks/11/stories",
        {"gid": "1"},
    ),
    (
        "tasks.add_dependencies",
        lambda c: c.tasks.add_dependencies("11"),
        "POST",
        "/tasks/11/addDependencies",
        {},
    ),
    (
        "tasks.add_dependencies_for_task",
        lambda c: c.tasks.add_dependencies_for_task("11"),
        "POST",
        "/tasks/11/addDependencies",
        {},
    ),
    (
        "tasks.add_dependents",
        lambda c: c.tasks.add_dependents("11"),
        "POST",
        "/tasks/11/addDependents",
        {},
    ),
    (
        "tasks.add_dependents_for_task",
        lambda c: c.tasks.add_dependents_for_task("11"),
        "POST",
        "/tasks/11/addDependents",
        {},
    ),
    (
        "tasks.add_followers",
        lambda c: c.tasks.add_followers("11", {"followers": "1"}),
        "POST",
        "/tasks/11/addFollowers",
        {"gid": "1"},
    ),
    (
        "tasks.add_followers_for_task",
        lambda c: c.tasks.add_followers_for_task("11", {"followers": "1"}),
        "POST",
        "/tasks/11/addFollowers",
        {"gid": "1"},
    ),
    (
        "tasks.add_project",
        lambda c: c.tasks.add_project("11", {"project": "1"}),
        "POST",
        "/tasks/11/addProject",
        {},
    ),
    (
        "tasks.add_project_for_task",
        lambda c: c.tasks.add_project_for_task("11", {"project": "1"}),
        "POST",
        "/tasks/11/addProject",
        {},
    ),
    (
        "tasks.add_subtask",
        lambda c: c.tasks.add_subtask("11"),
        "POST",
        "/tasks/11/subtasks",
        {"gid": "1"},
    ),
    (
        "tasks.add_tag",
        lambda c: c.tasks.add_tag("11", {"tag": "1"}),
        "POST",
        "/tasks/11/addTag",
        {},
    ),
    (
        "tasks.add_tag_for_task",
        lambda c: c.tasks.add_tag_for_task("11", {"tag": "1"}),
        "POST",
        "/tasks/11/addTag",
        {},
    ),
    (
        "tasks.create_subtask_for_task",
        lambda c: c.tasks.create_subtask_for_task("11"),
        "POST",
        "/tasks/11/subtasks",
        {"gid": "1"},
    ),
    (
        "tasks.dependencies",
        lambda c: c.tasks.dependencies("11", iterator_type=None),
        "GET",
        "/tasks/11/dependencies?limit=50",
        [],
    ),
    (
        "tasks.dependents",
        lambda c: c.tasks.dependents("11", iterator_type=None),
        "GET",
        "/tasks/11/dependents?limit=50",
        [],
    ),
    (
        "tasks.duplicate_task",
        lambda c: c.tasks.duplicate_task("11"),
        "POST",
        "/tasks/11/duplicate",
        {"gid": "1"},
    ),
    (
        "tasks.find_by_section",
        lambda c: c.tasks.find_by_section("11", iterator_type=None),
        "GET",
        "/sections/11/tasks?limit=50",
        [],
    ),
    (
        "tasks.find_by_tag",
        lambda c: c.tasks.find_by_tag("11", iterator_type=None),
        "GET",
        "/tags/11/tasks?limit=50",
        [],
    ),
    (
        "tasks.find_by_user_task_list",
        lambda c: c.tasks.find_by_user_task_list("11", iterator_type=None),
        "GET",
        "/user_task_lists/11/tasks?limit=50",
        [],
    ),
    (
        "tasks.get_dependencies_for_task",
        lambda c: c.tasks.get_dependencies_for_task("11", iterator_type=None),
        "GET",
        "/tasks/11/dependencies?limit=50",
        [],
    ),
    (
        "tasks.get_dependents_for_task",
        lambda c: c.tasks.get_dependents_for_task("11", iterator_type=None),
        "GET",
        "/tasks/11/dependents?limit=50",
        [],
    ),
    (
        "tasks.get_subtasks_for_task",
        lambda c: c.tasks.get_subtasks_for_task("11", iterator_type=None),
        "GET",
        "/tasks/11/subtasks?limit=50",
        [],
    ),
    (
        "tasks.get_task_for_custom_id",
        lambda c: c.tasks.get_task_for_custom_id("11", "12"),
        "GET",
        "/workspaces/11/tasks/custom_id/12",
        {"gid": "1"},
    ),
    (
        "tasks.get_tasks_for_section",
        lambda c: c.tasks.get_tasks_for_section("11", iterator_type=None),
        "GET",
        "/sections/11/tasks?limit=50",
        [],
    ),
    (
        "tasks.get_tasks_for_tag",
        lambda c: c.tasks.get_tasks_for_tag("11", iterator_type=None),
        "GET",
        "/tags/11/tasks?limit=50",
        [],
    ),
    (
        "tasks.get_tasks_for_user_task_list",
        lambda c: c.tasks.get_tasks_for_user_task_list("11", iterator_type=None),
        "GET",
        "/user_task_lists/11/tasks?limit=50",
        [],
    ),
    (
        "tasks.insert_in_user_task_list",
        lambda c: c.tasks.insert_in_user_task_list("11"),
        "POST",
        "/user_task_lists/11/tasks/insert",
        {},
    ),
    (
        "tasks.projects",
        lambda c: c.tasks.projects("11", iterator_type=None),
        "GET",
        "/tasks/11/projects?limit=50",
        [],
    ),
    (
        "tasks.remove_dependencies",
        lambda c: c.tasks.remove_dependencies("11"),
        "POST",
        "/tasks/11/removeDependencies",
        {},
    ),
    (
        "tasks.remove_dependencies_for_task",
        lambda c: c.tasks.remove_dependencies_for_task("11"),
        "POST",
        "/tasks/11/removeDependencies",
        {},
    ),
    (
        "tasks.remove_dependents",
        lambda c: c.tasks.remove_dependents("11"),
        "POST",
        "/tasks/11/removeDependents",
        {},
    ),
    (
        "tasks.remove_dependents_for_task",
        lambda c: c.tasks.remove_dependents_for_task("11"),
        "POST",
        "/tasks/11/removeDependents",
        {},
    ),
    (
        "tasks.remove_follower_for_task",
        lambda c: c.tasks.remove_follower_for_task("11", {"followers": "1"}),
        "POST",
        "/tasks/11/removeFollowers",
        {"gid": "1"},
    ),
    (
        "tasks.remove_followers",
        lambda c: c.tasks.remove_followers("11", {"followers": "1"}),
        "POST",
        "/tasks/11/removeFollowers",
        {"gid": "1"},
    ),
    (
        "tasks.remove_project",
        lambda c: c.tasks.remove_project("11", {"project": "1"}),
        "POST",
        "/tasks/11/removeProject",
        {},
    ),
    (
        "tasks.remove_project_for_task",
        lambda c: c.tasks.remove_project_for_task("11", {"project": "1"}),
        "POST",
        "/tasks/11/removeProject",
        {},
    ),
    (
        "tasks.remove_tag",
        lambda c: c.tasks.remove_tag("11", {"tag": "1"}),
        "POST",
        "/tasks/11/removeTag",
        {},
    ),
    (
        "tasks.remove_tag_for_task",
        lambda c: c.tasks.remove_tag_for_task("11", {"tag": "1"}),
        "POST",
        "/tasks/11/removeTag",
        {},
    ),
    (
        "tasks.search_in_workspace",
        lambda c: c.tasks.search_in_workspace("11"),
        "GET",
        "/workspaces/11/tasks/search",
        [],
    ),
    (
        "tasks.search_tasks_for_workspace",
        lambda c: c.tasks.search_tasks_for_workspace("11"),
        "GET",
        "/workspaces/11/tasks/search",
        [],
    ),
    (
        "tasks.set_parent",
        lambda c: c.tasks.set_parent("11", {"parent": "1"}),
        "POST",
        "/tasks/11/setParent",
        {"gid": "1"},
    ),
    (
        "tasks.set_parent_for_task",
        lambda c: c.tasks.set_parent_for_task("11", {"parent": "1"}),
        "POST",
        "/tasks/11/setParent",
        {"gid": "1"},
    ),
    (
        "tasks.stories",
        lambda c: c.tasks.stories("11", iterator_type=None),
        "GET",
        "/tasks/11/stories?limit=50",
        [],
    ),
    (
        "tasks.subtasks",
        lambda c: c.tasks.subtasks("11", iterator_type=None),
        "GET",
        "/tasks/11/subtasks?limit=50",
        [],
    ),
    (
        "tasks.tags",
        lambda c: c.tasks.tags("11", iterator_type=None),
        "GET",
        "/tasks/11/tags?limit=50",
        [],
    ),
]


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


# -- headers -----------------------------------------------------------------------------------


def test_standard_headers(api: ScriptedAsana) -> None:
    client = api.client()
    api.data({"gid": "1"})
    client.users.me()
    headers = api.last.headers
    assert headers["Authorization"] == f"Bearer {TOKEN}"
    assert headers["Accept"] == "application/json"
    assert "content-type" not in headers
    assert "asana-enable" not in headers
    assert "asana-disable" not in headers
    agent = headers["User-Agent"]
    assert agent.startswith(f"asana-typed/{asana.__version__} ")
    assert f"python/{platform.python_version()}" in agent.split()
    assert f"httpx/{httpx.__version__}" in agent.split()
    assert f"pydantic/{pydantic.VERSION}" in agent.split()


def test_client_lib_header(api: ScriptedAsana) -> None:
    client = api.client()
    api.data({"gid": "1"})
    client.users.me()
    lib = parse_qs(api.last.headers["X-Asana-Client-Lib"], strict_parsing=True)
    assert lib["version"] == [asana.__version__]
    assert lib["language"] == ["Python"]
    assert lib["language_version"] == [platform.python_version()]
    assert "client_name" not in lib


def test_client_lib_header_with_client_name(api: ScriptedAsana) -> None:
    client = api.client(client_name="my app & co=1")
    api.data({"gid": "1"})
    client.users.me()
    raw = api.last.headers["X-Asana-Client-Lib"]
    assert "client_name=my+app+%26+co%3D1" in raw.split("&")
    lib = parse_qs(raw, strict_parsing=True)
    assert lib["client_name"] == ["my app & co=1"]
    assert lib["version"] == [asana.__version__]


def test_asana_enable_and_disable_headers(api: ScriptedAsana) -> None:
    client = api.client(asana_enable=["new_user_task_lists", "new_goal_memberships"])
    api.data({"gid": "1"})
    client.users.me(asana_disable="string_ids,other")
    assert api.last.headers["Asana-Enable"] == "new_user_task_lists,new_goal_memberships"
    assert api.last.headers["Asana-Disable"] == "string_ids,other"


def test_content_type_only_with_a_body(api: ScriptedAsana) -> None:
    client = api.client()
    api.data({"gid": "9"})
    client.tasks.update("9", {})
    assert api.last.headers.get_list("content-type") == ["application/json"]
    api.data([])
    client.tasks.find_all({"project": "1"}, iterator_type=None)
    assert "content-type" not in api.last.headers


# -- Asana-Change warnings -------------------------------------------------------------------


def _reply_with_change(api: ScriptedAsana, change: str) -> None:
    api.reply(200, {"data": {"gid": "1"}}, headers={"Asana-Change": change})


def _change_warnings(call: Callable[[], object]) -> list[warnings.WarningMessage]:
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        call()
    return [w for w in caught if issubclass(w.category, asana.AsanaChangeWarning)]


def test_affected_change_warns(api: ScriptedAsana) -> None:
    client = api.client()
    _reply_with_change(
        api, "name=new_user_task_lists;info=https://forum.asana.com/t/1;affected=true"
    )
    with pytest.warns(asana.AsanaChangeWarning, match="new_user_task_lists") as record:
        client.users.me()
    assert len(record) == 1
    message = str(record[0].message)
    assert "asana_enable=['new_user_task_lists']" in message
    assert "https://forum.asana.com/t/1" in message
    assert f"{BASE}/users/me" in message


def test_unaffected_change_does_not_warn(api: ScriptedAsana) -> None:
    client = api.client()
    _reply_with_change(api, "name=new_user_task_lists;info=https://x;affected=false")
    assert _change_warnings(client.users.me) == []
    _reply_with_change(api, "name=new_user_task_lists;info=https://x")
    assert _change_warnings(client.users.me) == []


@pytest.mark.parametrize("option", ["asana_enable", "asana_disable"])
def test_change_decided_by_the_caller_does_not_warn(api: ScriptedAsana, option: str) -> None:
    client = api.client(**{option: ["new_user_task_lists"]})  # type: ignore[arg-type]  # either list option
    _reply_with_change(api, "name=new_user_task_lists;affected=true")
    assert _change_warnings(client.users.me) == []
    assert api.last.headers[option.replace("asana_", "Asana-").title()] == "new_user_task_lists"


def test_only_undecided_affected_changes_warn(api: ScriptedAsana) -> None:
    client = api.client(asana_disable=["decided"])
    _reply_with_change(
        api, "name=decided;affected=true,name=fresh;affected=TRUE,name=other;affected=false"
    )
    caught = _change_warnings(client.users.me)
    assert [str(w.message).split("'")[1] for w in caught] == ["fresh"]


def test_change_warning_on_a_collection_page(api: ScriptedAsana) -> None:
    client = api.client()
    api.reply(
        200,
        {"data": [{"gid": "1"}]},
        headers={"Asana-Change": "name=string_ids;affected=true"},
    )
    with pytest.warns(asana.AsanaChangeWarning, match="string_ids"):
        assert [t.gid for t in client.tasks.find_all({"project": "1"})] == ["1"]


def test_change_warning_points_at_the_callers_line(api: ScriptedAsana) -> None:
    client = api.client()
    _reply_with_change(api, "name=x;affected=true")
    with pytest.warns(asana.AsanaChangeWarning) as record:
        client.users.me()
    assert record[0].filename == __file__
    api.reply(200, {"data": [{"gid": "1"}]}, headers={"Asana-Change": "name=y;affected=true"})
    with pytest.warns(asana.AsanaChangeWarning) as record:
        list(client.tasks.find_all({"project": "1"}))
    assert record[0].filename == __file__


# -- path arguments ------------------------------------------------------------------------------

GidCall = Callable[[asana.Client, str], object]

GID_METHODS: list[tuple[str, GidCall]] = [
    ("users.get_user", lambda c, g: c.users.get_user(g)),
    ("users.find_by_id", lambda c, g: c.users.find_by_id(g)),
    ("users.get_users_for_workspace", lambda c, g: c.users.get_users_for_workspace(g)),
    ("users.find_by_workspace", lambda c, g: c.users.find_by_workspace(g)),
    ("workspaces.get_workspace", lambda c, g: c.workspaces.get_workspace(g)),
    ("workspaces.find_by_id", lambda c, g: c.workspaces.find_by_id(g)),
    (
        "projects.create_project_for_workspace",
        lambda c, g: c.projects.create_project_for_workspace(g),
    ),
    ("projects.create_in_workspace", lambda c, g: c.projects.create_in_workspace(g)),
    ("projects.get_project", lambda c, g: c.projects.get_project(g)),
    ("projects.find_by_id", lambda c, g: c.projects.find_by_id(g)),
    ("projects.update_project", lambda c, g: c.projects.update_project(g, {"name": "x"})),
    ("projects.update", lambda c, g: c.projects.update(g, {"name": "x"})),
    ("projects.delete_project", lambda c, g: c.projects.delete_project(g)),
    ("projects.delete", lambda c, g: c.projects.delete(g)),
    ("tasks.create_in_workspace", lambda c, g: c.tasks.create_in_workspace(g, {"name": "x"})),
    ("tasks.get_task", lambda c, g: c.tasks.get_task(g)),
    ("tasks.find_by_id", lambda c, g: c.tasks.find_by_id(g)),
    ("tasks.get_tasks_for_project", lambda c, g: c.tasks.get_tasks_for_project(g)),
    ("tasks.find_by_project", lambda c, g: c.tasks.find_by_project(g)),
    ("tasks.update_task", lambda c, g: c.tasks.update_task(g, {"name": "x"})),
    ("tasks.update", lambda c, g: c.tasks.update(g, {"name": "x"})),
    ("tasks.delete_task", lambda c, g: c.tasks.delete_task(g)),
    ("tasks.delete", lambda c, g: c.tasks.delete(g)),
    (
        "users.get_favorites_for_user",
        lambda c, g: c.users.get_favorites_for_user(g, {"workspace": "1"}),
    ),
    ("users.get_user_favorites", lambda c, g: c.users.get_user_favorites(g, {"workspace": "1"})),
    ("users.get_user_for_workspace", lambda c, g: c.users.get_user_for_workspace(g, "12")),
    ("users.get_users_for_team", lambda c, g: c.users.get_users_for_team(g)),
    ("users.update_user", lambda c, g: c.users.update_user(g)),
    ("users.update_user_for_workspace", lambda c, g: c.users.update_user_for_workspace(g, "12")),
    ("workspaces.add_user", lambda c, g: c.workspaces.add_user(g)),
    ("workspaces.add_user_for_workspace", lambda c, g: c.workspaces.add_user_for_workspace(g)),
    ("workspaces.get_workspace_events", lambda c, g: c.workspaces.get_workspace_events(g)),
    ("workspaces.remove_user", lambda c, g: c.workspaces.remove_user(g)),
    (
        "workspaces.remove_user_for_workspace",
        lambda c, g: c.workspaces.remove_user_for_workspace(g),
    ),
    ("workspaces.typeahead", lambda c, g: c.workspaces.typeahead(g)),
    ("workspaces.update", lambda c, g: c.workspaces.update(g)),
    ("workspaces.update_workspace", lambda c, g: c.workspaces.update_workspace(g)),
    (
        "projects.add_custom_field_setting",
        lambda c, g: c.projects.add_custom_field_setting(g, {"custom_field": "1"}),
    ),
    (
        "projects.add_custom_field_setting_for_project",
        lambda c, g: c.projects.add_custom_field_setting_for_project(g, {"custom_field": "1"}),
    ),
    ("projects.add_followers", lambda c, g: c.projects.add_followers(g, {"followers": "1"})),
    (
        "projects.add_followers_for_project",
        lambda c, g: c.projects.add_followers_for_project(g, {"followers": "1"}),
    ),
    ("projects.add_members", lambda c, g: c.projects.add_members(g, {"members": "1"})),
    (
        "projects.add_members_for_project",
        lambda c, g: c.projects.add_members_for_project(g, {"members": "1"}),
    ),
    ("projects.create_in_team", lambda c, g: c.projects.create_in_team(g)),
    ("projects.create_project_for_team", lambda c, g: c.projects.create_project_for_team(g)),
    ("projects.duplicate_project", lambda c, g: c.projects.duplicate_project(g, {"name": "1"})),
    ("projects.find_by_team", lambda c, g: c.projects.find_by_team(g)),
    ("projects.find_by_workspace", lambda c, g: c.projects.find_by_workspace(g)),
    ("projects.get_projects_for_task", lambda c, g: c.projects.get_projects_for_task(g)),
    ("projects.get_projects_for_team", lambda c, g: c.projects.get_projects_for_team(g)),
    ("projects.get_projects_for_workspace", lambda c, g: c.projects.get_projects_for_workspace(g)),
    (
        "projects.get_task_counts_for_project",
        lambda c, g: c.projects.get_task_counts_for_project(g),
    ),
    (
        "projects.project_save_as_template",
        lambda c, g: c.projects.project_save_as_template(g, {"name": "1", "public": True}),
    ),
    (
        "projects.remove_custom_field_setting",
        lambda c, g: c.projects.remove_custom_field_setting(g, {"custom_field": "1"}),
    ),
    (
        "projects.remove_custom_field_setting_for_project",
        lambda c, g: c.projects.remove_custom_field_setting_for_project(g, {"custom_field": "1"}),
    ),
    ("projects.remove_followers", lambda c, g: c.projects.remove_followers(g, {"followers": "1"})),
    (
        "projects.remove_followers_for_project",
        lambda c, g: c.projects.remove_followers_for_project(g, {"followers": "1"}),
    ),
    ("projects.remove_members", lambda c, g: c.projects.remove_members(g, {"members": "1"})),
    (
        "projects.remove_members_for_project",
        lambda c, g: c.projects.remove_members_for_project(g, {"members": "1"}),
    ),
    (
        "projects.search_projects_for_workspace",
        lambda c, g: c.projects.search_projects_for_workspace(g),
    ),
    ("projects.tasks", lambda c, g: c.projects.tasks(g)),
    ("tasks.add_comment", lambda c, g: c.tasks.add_comment(g)),
    ("tasks.add_dependencies", lambda c, g: c.tasks.add_dependencies(g)),
    ("tasks.add_dependencies_for_task", lambda c, g: c.tasks.add_dependencies_for_task(g)),
    ("tasks.add_dependents", lambda c, g: c.tasks.add_dependents(g)),
    ("tasks.add_dependents_for_task", lambda c, g: c.tasks.add_dependents_for_task(g)),
    ("tasks.add_followers", lambda c, g: c.tasks.add_followers(g, {"followers": "1"})),
    (
        "tasks.add_followers_for_task",
        lambda c, g: c.tasks.add_followers_for_task(g, {"followers": "1"}),
    ),
    ("tasks.add_project", lambda c, g: c.tasks.add_project(g, {"project": "1"})),
    ("tasks.add_project_for_task", lambda c, g: c.tasks.add_project_for_task(g, {"project": "1"})),
    ("tasks.add_subtask", lambda c, g: c.tasks.add_subtask(g)),
    ("tasks.add_tag", lambda c, g: c.tasks.add_tag(g, {"tag": "1"})),
    ("tasks.add_tag_for_task", lambda c, g: c.tasks.add_tag_for_task(g, {"tag": "1"})),
    ("tasks.create_subtask_for_task", lambda c, g: c.tasks.create_subtask_for_task(g)),
    ("tasks.dependencies", lambda c, g: c.tasks.dependencies(g)),
    ("tasks.dependents", lambda c, g: c.tasks.dependents(g)),
    ("tasks.duplicate_task", lambda c, g: c.tasks.duplicate_task(g)),
    ("tasks.find_by_section", lambda c, g: c.tasks.find_by_section(g)),
    ("tasks.find_by_tag", lambda c, g: c.tasks.find_by_tag(g)),
    ("tasks.find_by_user_task_list", lambda c, g: c.tasks.find_by_user_task_list(g)),
    ("tasks.get_dependencies_for_task", lambda c, g: c.tasks.get_dependencies_for_task(g)),
    ("tasks.get_dependents_for_task", lambda c, g: c.tasks.get_dependents_for_task(g)),
    ("tasks.get_subtasks_for_task", lambda c, g: c.tasks.get_subtasks_for_task(g)),
    ("tasks.get_task_for_custom_id", lambda c, g: c.tasks.get_task_for_custom_id(g, "12")),
    ("tasks.get_tasks_for_section", lambda c, g: c.tasks.get_tasks_for_section(g)),
    ("tasks.get_tasks_for_tag", lambda c, g: c.tasks.get_tasks_for_tag(g)),
    ("tasks.get_tasks_for_user_task_list", lambda c, g: c.tasks.get_tasks_for_user_task_list(g)),
    ("tasks.insert_in_user_task_list", lambda c, g: c.tasks.insert_in_user_task_list(g)),
    ("tasks.projects", lambda c, g: c.tasks.projects(g)),
    ("tasks.remove_dependencies", lambda c, g: c.tasks.remove_dependencies(g)),
    ("tasks.remove_dependencies_for_task", lambda c, g: c.tasks.remove_dependencies_for_task(g)),
    ("tasks.remove_dependents", lambda c, g: c.tasks.remove_dependents(g)),
    ("tasks.remove_dependents_for_task", lambda c, g: c.tasks.remove_dependents_for_task(g)),
    (
        "tasks.remove_follower_for_task",
        lambda c, g: c.tasks.remove_follower_for_task(g, {"followers": "1"}),
    ),
    ("tasks.remove_followers", lambda c, g: c.tasks.remove_followers(g, {"followers": "1"})),
    ("tasks.remove_project", lambda c, g: c.tasks.remove_project(g, {"project": "1"})),
    (
        "tasks.remove_project_for_task",
        lambda c, g: c.tasks.remove_project_for_task(g, {"project": "1"}),
    ),
    ("tasks.remove_tag", lambda c, g: c.tasks.remove_tag(g, {"tag": "1"})),
    ("tasks.remove_tag_for_task", lambda c, g: c.tasks.remove_tag_for_task(g, {"tag": "1"})),
    ("tasks.search_in_workspace", lambda c, g: c.tasks.search_in_workspace(g)),
    ("tasks.search_tasks_for_workspace", lambda c, g: c.tasks.search_tasks_for_workspace(g)),
    ("tasks.set_parent", lambda c, g: c.tasks.set_parent(g, {"parent": "1"})),
    ("tasks.set_parent_for_task", lambda c, g: c.tasks.set_parent_for_task(g, {"parent": "1"})),
    ("tasks.stories", lambda c, g: c.tasks.stories(g)),
    ("tasks.subtasks", lambda c, g: c.tasks.subtasks(g)),
    ("tasks.tags", lambda c, g: c.tasks.tags(g)),
]

BAD_GIDS: list[object] = [
    "",
    "../x",
    "a/b",
    "1 2",
    None,
    ".",
    "..",
    "1?opt_fields=x",
    "1#x",
    "%2e%2e",
    "1\n",
    "1\\2",
    True,
    1.5,
    ["1"],
]


def test_gid_methods_cover_every_method_with_a_path_argument() -> None:
    without_path_argument = {
        "users.me",
        "users.get_users",
        "users.find_all",
        "workspaces.get_workspaces",
        "workspaces.find_all",
        "projects.get_projects",
        "projects.find_all",
        "tasks.create_task",
        "tasks.create",
        "tasks.get_tasks",
        "tasks.find_all",
        "projects.create",
        "projects.create_project",
    }
    assert {name for name, _ in GID_METHODS} == {r[0] for r in ROUTES} - without_path_argument


@pytest.mark.parametrize("gid", BAD_GIDS, ids=repr)
@pytest.mark.parametrize("call", [m[1] for m in GID_METHODS], ids=[m[0] for m in GID_METHODS])
def test_bad_gid_raises_before_any_request(api: ScriptedAsana, call: GidCall, gid: object) -> None:
    client = api.client()
    with pytest.raises(asana.InvalidGidError, match="_gid must be an Asana gid"):
        call(client, gid)  # type: ignore[arg-type]  # bad gids of every type on purpose
    assert api.requests == []


def test_invalid_gid_error_is_an_asana_error_and_value_error() -> None:
    assert issubclass(asana.InvalidGidError, asana.AsanaError)
    assert issubclass(asana.InvalidGidError, ValueError)


def test_int_gid_is_accepted(api: ScriptedAsana) -> None:
    client = api.client()
    api.data({"gid": "1201234567890"})
    client.tasks.get_task(1201234567890)  # type: ignore[call-overload]  # ints are accepted at runtime
    assert str(api.last.url) == f"{BASE}/tasks/1201234567890"
    api.data({"gid": "1"})
    client.tasks.create_in_workspace(7)  # type: ignore[call-overload]  # ints are accepted at runtime
    assert api.last_json() == {"data": {"workspace": "7"}}


def test_model_instance_as_gid(api: ScriptedAsana) -> None:
    client = api.client()
    api.data([])
    client.tasks.find_by_project(Project(gid="3"), iterator_type=None)  # type: ignore[call-overload]  # models are accepted at runtime
    assert str(api.last.url) == f"{BASE}/projects/3/tasks?limit=50"


@pytest.mark.parametrize("gid", ["me", "a.b+c@example.com", "ENG-12", "1201234567890"])
def test_unusual_but_valid_gids_go_into_the_path_unchanged(api: ScriptedAsana, gid: str) -> None:
    client = api.client()
    api.data({"gid": "1"})
    client.users.get_user(gid)
    assert api.last.url.raw_path.decode() == f"/api/1.0/users/{gid}"
