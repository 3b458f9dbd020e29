"""What each ``FakeAsana`` operation is called with, and how a call is built, sent and checked."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import httpx
import pytest

from asana_typed.testing._app import ROUTES, Route
from codegen.spec import Operation
from tests import spec_support as ss
from tests.fake_spec_world import World

# -- what each operation is called with ----------------------------------------------------------


@dataclass
class Call:
    """One request: path values (placeholder -> gid; the rest from the world), query, body.

    ``needs`` names the records the answer should show (a list to be non-empty, ...): they
    are made while the scenario is built, before the request.
    """

    needs: tuple[str, ...] = ()
    path: dict[str, str] = field(default_factory=dict)
    query: dict[str, str] = field(default_factory=dict)
    data: dict[str, Any] | None = None
    form: dict[str, str] | None = None
    files: dict[str, tuple[str, bytes, str]] | None = None


def _added(w: World, path: str, data: dict[str, Any], then: Call) -> Call:
    """``then``, after a setup call (to remove what it added, list what it linked...)."""
    w.call("POST", path, data)
    return then


def _events(w: World, resource: str) -> Call:
    token = w.sync("/events", resource)
    w.call("PUT", f"/tasks/{w.task}", {"name": "Renamed", "completed": True})
    w.call("POST", f"/tasks/{w.task}/stories", {"text": "Done"})
    return Call(query={"resource": resource, "sync": token})


def _workspace_events(w: World) -> Call:
    token = w.sync(f"/workspaces/{w.ws}/events", None)
    w.call("PUT", f"/projects/{w.project}", {"name": "Renamed"})
    return Call(query={"sync": token})


CallFor = Callable[[World], Call]


CALLS: dict[str, CallFor] = {
    # workspaces and users
    "getWorkspaces": lambda w: Call(),
    "getWorkspace": lambda w: Call(),
    "getUser": lambda w: Call(),
    "getUsers": lambda w: Call(query={"workspace": w.ws}),
    "getUsersForWorkspace": lambda w: Call(),
    # teams
    "createTeam": lambda w: Call(
        data={"name": "New team", "organization": w.ws, "visibility": "secret"}
    ),
    "getTeam": lambda w: Call(),
    "updateTeam": lambda w: Call(data={"name": "Renamed", "description": "New"}),
    "getTeamsForWorkspace": lambda w: Call(needs=(w.team,)),
    "getTeamsForUser": lambda w: Call(needs=(w.team,), query={"organization": w.ws}),
    "addUserForTeam": lambda w: Call(data={"user": w.user}),
    "removeUserForTeam": lambda w: _added(
        w, f"/teams/{w.team}/addUser", {"user": w.user}, Call(data={"user": w.user})
    ),
    "getUsersForTeam": lambda w: Call(),
    # projects
    "createProject": lambda w: Call(
        data={
            "name": "New",
            "workspace": w.ws,
            "team": w.team,
            "notes": "n",
            "color": "dark-green",
            "due_on": "2025-09-01",
            "privacy_setting": "private_to_team",
        }
    ),
    "createProjectForWorkspace": lambda w: Call(data={"name": "In workspace"}),
    "createProjectForTeam": lambda w: Call(data={"name": "In team", "default_view": "board"}),
    "getProject": lambda w: Call(needs=(w.rich_task(),)),
    "updateProject": lambda w: Call(
        data={"name": "Renamed", "archived": True, "owner": w.user, "html_notes": "<body>x</body>"}
    ),
    "deleteProject": lambda w: Call(needs=(w.task,)),
    "getProjects": lambda w: Call(needs=(w.project,), query={"workspace": w.ws}),
    "getProjectsForWorkspace": lambda w: Call(needs=(w.project,)),
    "getProjectsForTeam": lambda w: Call(needs=(w.project,)),
    "addMembersForProject": lambda w: Call(data={"members": f"{w.user},{w.user2}"}),
    "removeMembersForProject": lambda w: Call(data={"members": w.user}),
    "addFollowersForProject": lambda w: Call(data={"followers": w.user2}),
    "removeFollowersForProject": lambda w: Call(data={"followers": w.user}),
    "addCustomFieldSettingForProject": lambda w: Call(
        data={"custom_field": w.text_field, "is_important": True, "insert_before": w.custom_field}
    ),
    "removeCustomFieldSettingForProject": lambda w: Call(data={"custom_field": w.number_field}),
    "getCustomFieldSettingsForProject": lambda w: Call(),
    "getTaskCountsForProject": lambda w: Call(
        needs=(w.task,),
        query={"opt_fields": "num_tasks,num_incomplete_tasks,num_completed_tasks"},
    ),
    # sections
    "getSectionsForProject": lambda w: Call(needs=(w.section,)),
    "createSectionForProject": lambda w: Call(
        data={"name": "New section", "insert_before": w.first_section}
    ),
    "getSection": lambda w: Call(),
    "updateSection": lambda w: Call(data={"name": "Renamed"}),
    "deleteSection": lambda w: Call(),
    "insertSectionForProject": lambda w: Call(
        data={"section": w.section, "before_section": w.first_section}
    ),
    "addTaskForSection": lambda w: Call(data={"task": w.task}),
    # tasks
    "createTask": lambda w: Call(
        data={
            "name": "New",
            "projects": [w.project],
            "assignee": w.me,
            "due_at": "2025-07-01T10:00:00.000Z",
            "html_notes": "<body>Hi <strong>there</strong></body>",
            "custom_fields": {w.custom_field: w.enum_option2},
        }
    ),
    "createSubtaskForTask": lambda w: Call(data={"name": "Sub", "assignee": w.user}),
    "getTask": lambda w: Call(path={"task_gid": w.rich_task()}),
    "updateTask": lambda w: Call(
        data={
            "name": "Renamed",
            "completed": True,
            "due_on": "2025-07-02",
            "liked": True,
            "custom_fields": {w.custom_field: w.enum_option2},
        }
    ),
    "deleteTask": lambda w: Call(path={"task_gid": w.rich_task()}),
    "getTasks": lambda w: Call(needs=(w.task,), query={"project": w.project}),
    "getTasksForProject": lambda w: Call(needs=(w.task,)),
    "getTasksForSection": lambda w: Call(needs=(w.task,), path={"section_gid": w.first_section}),
    "getTasksForTag": lambda w: Call(needs=(w.task,)),
    "getSubtasksForTask": lambda w: Call(needs=(w.subtask,)),
    "searchTasksForWorkspace": lambda w: Call(
        needs=(w.task,), query={"text": "Task", "projects.any": w.project}
    ),
    "addProjectForTask": lambda w: Call(data={"project": w.project2}),
    "removeProjectForTask": lambda w: Call(data={"project": w.project}),
    "getProjectsForTask": lambda w: Call(),
    "addTagForTask": lambda w: Call(data={"tag": w.tag2}),
    "removeTagForTask": lambda w: Call(data={"tag": w.tag}),
    "getTagsForTask": lambda w: Call(),
    "setParentForTask": lambda w: Call(
        path={"task_gid": w.other_task}, data={"parent": w.task, "insert_before": w.subtask}
    ),
    "addFollowersForTask": lambda w: Call(data={"followers": [w.user2]}),
    "removeFollowerForTask": lambda w: Call(data={"followers": [w.user]}),
    "addDependenciesForTask": lambda w: Call(data={"dependencies": [w.other_task]}),
    "removeDependenciesForTask": lambda w: _added(
        w,
        f"/tasks/{w.task}/addDependencies",
        {"dependencies": [w.other_task]},
        Call(data={"dependencies": [w.other_task]}),
    ),
    "addDependentsForTask": lambda w: Call(data={"dependents": [w.other_task]}),
    "removeDependentsForTask": lambda w: _added(
        w,
        f"/tasks/{w.task}/addDependents",
        {"dependents": [w.other_task]},
        Call(data={"dependents": [w.other_task]}),
    ),
    "getDependenciesForTask": lambda w: Call(path={"task_gid": w.rich_task()}),
    "getDependentsForTask": lambda w: Call(needs=(w.rich_task(),), path={"task_gid": w.other_task}),
    # stories
    "getStoriesForTask": lambda w: Call(path={"task_gid": w.rich_task()}),
    "createStoryForTask": lambda w: Call(data={"text": "Hello", "is_pinned": True}),
    "getStory": lambda w: Call(),
    "updateStory": lambda w: Call(data={"text": "Edited"}),
    "deleteStory": lambda w: Call(),
    # tags
    "createTag": lambda w: Call(data={"name": "New", "workspace": w.ws, "notes": "n"}),
    "createTagForWorkspace": lambda w: Call(data={"name": "New", "color": "light-green"}),
    "getTags": lambda w: Call(needs=(w.tag,), query={"workspace": w.ws}),
    "getTagsForWorkspace": lambda w: Call(needs=(w.tag,)),
    "getTag": lambda w: Call(),
    "updateTag": lambda w: Call(data={"name": "Renamed", "color": "dark-teal"}),
    "deleteTag": lambda w: Call(),
    # attachments
    "createAttachmentForObject": lambda w: Call(
        form={"parent": w.task}, files={"file": ("a.txt", b"some text", "text/plain")}
    ),
    "getAttachmentsForObject": lambda w: Call(needs=(w.attachment,), query={"parent": w.task}),
    "getAttachment": lambda w: Call(),
    "deleteAttachment": lambda w: Call(),
    # custom fields
    "createCustomField": lambda w: Call(
        data={
            "workspace": w.ws,
            "name": "Estimate",
            "resource_subtype": "number",
            "precision": 2,
            "format": "custom",
            "custom_label": "h",
            "custom_label_position": "suffix",
        }
    ),
    "getCustomField": lambda w: Call(),
    "updateCustomField": lambda w: Call(
        data={"workspace": w.ws, "name": "Renamed", "description": "d"}
    ),
    "deleteCustomField": lambda w: Call(needs=(w.task,)),
    "getCustomFieldsForWorkspace": lambda w: Call(
        needs=(w.custom_field, w.text_field, w.number_field)
    ),
    "createEnumOptionForCustomField": lambda w: Call(
        data={"name": "Mid", "color": "blue", "insert_after": w.enum_option}
    ),
    "insertEnumOptionForCustomField": lambda w: Call(
        data={"enum_option": w.enum_option2, "before_enum_option": w.enum_option}
    ),
    "updateEnumOption": lambda w: Call(data={"name": "Highest", "enabled": False}),
    # webhooks
    "createWebhook": lambda w: Call(
        data={
            "resource": w.project,
            "target": "https://example.com/hook",
            "filters": [{"resource_type": "task", "action": "added"}],
        }
    ),
    "getWebhooks": lambda w: Call(needs=(w.webhook,), query={"workspace": w.ws}),
    "getWebhook": lambda w: Call(),
    "updateWebhook": lambda w: Call(
        data={"filters": [{"resource_type": "task", "action": "changed", "fields": ["due_on"]}]}
    ),
    "deleteWebhook": lambda w: Call(),
    # events
    "getEvents": lambda w: _events(w, w.project),
    "getWorkspaceEvents": _workspace_events,
}


FAKE_ONLY_CALLS: dict[tuple[str, str], CallFor] = {
    ("GET", "/attachments/{attachment_gid}/download"): lambda w: Call(),
}


# -- building and sending --------------------------------------------------------------------------


def placeholders(template: str) -> list[str]:
    return re.findall(r"\{(\w+)\}", template)


def build(world: World, route: Route, call: Call, **path_override: str) -> httpx.Request:
    values = {
        name: path_override.get(name) or call.path.get(name) or world.path_value(name)
        for name in placeholders(route.template)
    }
    path = re.sub(r"\{(\w+)\}", lambda m: values[m.group(1)], route.template)
    if call.files is not None:
        request = world.http.build_request(
            route.method, path, params=call.query, data=call.form, files=call.files
        )
    else:
        body = None if call.data is None else {"data": call.data}
        request = world.http.build_request(route.method, path, params=call.query, json=body)
    request.read()  # a multipart body streams: read it once, for the validator and the send
    return request


def route_params() -> list[Any]:
    """``pytest.param(route, op)`` per route (id = operationId), for collection."""
    if not ss.spec_path().is_file():
        return [pytest.param(None, None, id="no-spec")]
    params = []
    for route in ROUTES:
        op = ss.operation_for(route.method, route.template)
        ident = op.operation_id if op else f"fake-only:{route.method} {route.template}"
        params.append(pytest.param(route, op, id=ident))
    return params


def describe(response: httpx.Response) -> str:
    shown = response.text[:600]
    return f"{ss.describe_request(response.request)}\n  -> {response.status_code} {shown}"


def check_request(op: Operation, request: httpx.Request) -> None:
    errors = ss.spec_request_errors(request)
    assert not errors, (
        f"{op.operation_id}: the scenario's request breaks the spec (fix the scenario)\n"
        f"{ss.describe_request(request)}\n{ss.format_errors(errors)}"
    )


def check_response(op: Operation, response: httpx.Response, status: int) -> None:
    assert response.status_code == status, (
        f"{op.operation_id}: expected {status}\n{describe(response)}"
    )
    errors = ss.response_errors(response)
    assert not errors, (
        f"{op.operation_id}: the answer breaks the spec\n{describe(response)}\n"
        f"{ss.format_errors(errors)}"
    )
