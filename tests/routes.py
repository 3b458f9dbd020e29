"""Every resource method with the verb, path and answer it is expected to send."""

from __future__ import annotations

from tests.encoding_support import Call
from tests.routes_other import OTHER_ROUTES

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
    *OTHER_ROUTES,
]
