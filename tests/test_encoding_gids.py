"""Request encoding: gid path arguments are checked before any request."""

from __future__ import annotations

import pytest

import asana_typed as asana
from asana_typed.models import Project
from tests.conftest import ScriptedAsana
from tests.encoding_support import BASE, GidCall
from tests.routes import ROUTES

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
