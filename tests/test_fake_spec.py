"""Every endpoint ``FakeAsana`` serves answers as Asana's OpenAPI spec says it should.

Each route of ``asana_typed.testing._app.ROUTES`` is the spec operation with the same verb
and path template (placeholder names aside), unless it is on :data:`FAKE_ONLY`. For each,
a :class:`World` builds the records the call needs through the fake's own API, the call is
made with plain httpx (the request itself is checked against the spec first, so a bad
scenario cannot pass for a good answer), and openapi-core validates the answer: its status
must be the operation's success status, and its headers and JSON body must match the
response schema declared for that status. Error answers (unknown gid, malformed gid, no
``data`` in a body, no token) are validated the same way against the spec's declared
error responses.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any

import httpx
import pytest

from asana_typed.testing import FakeAsana
from asana_typed.testing._app import ROUTES, Route
from codegen.spec import Operation
from tests import spec_support as ss

API = "https://app.asana.com/api/1.0"
UNKNOWN_GID = "1999999999999999"

# Routes of the fake that are not Asana endpoints, each with why it exists.
FAKE_ONLY: dict[tuple[str, str], str] = {
    # Asana's download_url is a short-lived presigned URL on its file store; the fake
    # serves an upload's bytes from this route instead, so a test can read them back.
    ("GET", "/attachments/{attachment_gid}/download"): "attachment bytes (download_url)",
}

# The resources the fake promises to cover: the first segment of some route's path.
PROMISED = (
    "workspaces",
    "users",
    "teams",
    "projects",
    "sections",
    "tasks",
    "stories",
    "tags",
    "attachments",
    "custom_fields",
    "webhooks",
    "events",
)


# -- the world a call runs in ------------------------------------------------------------------


class World:
    """A fresh fake and the records calls need, each made on first use through the API."""

    def __init__(self) -> None:
        self.fake = FakeAsana()
        self.http = httpx.Client(
            transport=self.fake.transport(),
            base_url=API,
            headers={"Authorization": f"Bearer {self.fake.token}"},
        )
        self.ws: str = self.fake.workspace["gid"]
        self.me: str = self.fake.me["gid"]
        ann = self.fake.add_user("Ann", "ann@example.com", workspaces=[self.fake.workspace])
        bob = self.fake.add_user("Bob", "bob@example.com", workspaces=[self.fake.workspace])
        self.user: str = ann["gid"]
        self.user2: str = bob["gid"]
        self.created: dict[str, dict[str, Any]] = {}

    def close(self) -> None:
        self.http.close()

    def call(self, method: str, path: str, data: dict[str, Any] | None = None) -> dict[str, Any]:
        """A setup request that must succeed; its ``data``."""
        body = None if data is None else {"data": data}
        response = self.http.request(method, path, json=body)
        assert response.is_success, f"setup {method} {path}: {response.text}"
        result: dict[str, Any] = response.json().get("data", {})
        return result

    def create(self, path: str, data: dict[str, Any]) -> str:
        record = self.call("POST", path, data)
        gid: str = record["gid"]
        self.created[gid] = record
        return gid

    # Records, made on first use (in dependency order).

    @functools.cached_property
    def team(self) -> str:
        return self.create("/teams", {"name": "Team", "organization": self.ws, "description": "d"})

    @functools.cached_property
    def custom_field(self) -> str:
        return self.create(
            "/custom_fields",
            {
                "workspace": self.ws,
                "name": "Priority",
                "resource_subtype": "enum",
                "enum_options": [{"name": "High", "color": "red"}, {"name": "Low"}],
            },
        )

    @functools.cached_property
    def enum_option(self) -> str:
        gid: str = self.created[self.custom_field]["enum_options"][0]["gid"]
        return gid

    @functools.cached_property
    def enum_option2(self) -> str:
        gid: str = self.created[self.custom_field]["enum_options"][1]["gid"]
        return gid

    @functools.cached_property
    def text_field(self) -> str:
        return self.create(
            "/custom_fields", {"workspace": self.ws, "name": "Note", "resource_subtype": "text"}
        )

    @functools.cached_property
    def number_field(self) -> str:
        return self.create(
            "/custom_fields",
            {"workspace": self.ws, "name": "Points", "resource_subtype": "number", "precision": 1},
        )

    @functools.cached_property
    def project(self) -> str:
        gid = self.create(
            "/projects",
            {
                "name": "Project",
                "workspace": self.ws,
                "team": self.team,
                "notes": "About",
                "color": "dark-blue",
                "due_on": "2025-08-01",
                "start_on": "2025-07-01",
                "followers": self.user,
            },
        )
        for field_gid in (self.custom_field, self.number_field):
            self.call("POST", f"/projects/{gid}/addCustomFieldSetting", {"custom_field": field_gid})
        return gid

    @functools.cached_property
    def project2(self) -> str:
        return self.create("/projects", {"name": "Project 2", "workspace": self.ws})

    @functools.cached_property
    def first_section(self) -> str:
        response = self.http.get(f"/projects/{self.project}/sections")
        assert response.is_success, response.text
        gid: str = response.json()["data"][0]["gid"]
        return gid

    @functools.cached_property
    def section(self) -> str:
        _ = self.first_section
        return self.create(f"/projects/{self.project}/sections", {"name": "Section"})

    @functools.cached_property
    def tag(self) -> str:
        return self.create("/tags", {"name": "Tag", "workspace": self.ws, "color": "dark-red"})

    @functools.cached_property
    def tag2(self) -> str:
        return self.create(f"/workspaces/{self.ws}/tags", {"name": "Tag 2"})

    @functools.cached_property
    def task(self) -> str:
        return self.create(
            "/tasks",
            {
                "name": "Task",
                "projects": [self.project],
                "tags": [self.tag],
                "followers": [self.user],
                "assignee": self.me,
                "notes": "Do it",
                "due_on": "2025-07-01",
                "custom_fields": {self.custom_field: self.enum_option, self.number_field: 2.5},
            },
        )

    @functools.cached_property
    def other_task(self) -> str:
        return self.create("/tasks", {"name": "Other", "workspace": self.ws})

    @functools.cached_property
    def subtask(self) -> str:
        return self.create(f"/tasks/{self.task}/subtasks", {"name": "Subtask"})

    @functools.cached_property
    def story(self) -> str:
        return self.create(f"/tasks/{self.task}/stories", {"text": "A comment"})

    @functools.cached_property
    def attachment(self) -> str:
        response = self.http.post(
            "/attachments",
            data={"parent": self.task},
            files={"file": ("notes.txt", b"hello", "text/plain")},
        )
        assert response.is_success, response.text
        gid: str = response.json()["data"]["gid"]
        return gid

    @functools.cached_property
    def webhook(self) -> str:
        return self.create(
            "/webhooks",
            {
                "resource": self.project,
                "target": "https://example.com/hook",
                "filters": [{"resource_type": "task", "action": "changed", "fields": ["name"]}],
            },
        )

    def rich_task(self) -> str:
        """The task with a subtask, a comment, an attachment and a dependency."""
        for name in ("subtask", "story", "attachment"):
            getattr(self, name)
        self.call(
            "POST", f"/tasks/{self.task}/addDependencies", {"dependencies": [self.other_task]}
        )
        return self.task

    def sync(self, path: str, resource: str | None) -> str:
        """A fresh sync token from the 412 a first events call answers."""
        query = {} if resource is None else {"resource": resource}
        response = self.http.get(path, params=query)
        assert response.status_code == 412, response.text
        token: str = response.json()["sync"]
        return token

    def path_value(self, name: str) -> str:
        value: str = {
            "workspace_gid": lambda: self.ws,
            "user_gid": lambda: self.me,
            "team_gid": lambda: self.team,
            "project_gid": lambda: self.project,
            "section_gid": lambda: self.section,
            "task_gid": lambda: self.task,
            "tag_gid": lambda: self.tag,
            "story_gid": lambda: self.story,
            "attachment_gid": lambda: self.attachment,
            "custom_field_gid": lambda: self.custom_field,
            "enum_option_gid": lambda: self.enum_option,
            "webhook_gid": lambda: self.webhook,
        }[name]()
        return value


@pytest.fixture
def world() -> Iterator[World]:
    made = World()
    yield made
    made.close()


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


# -- the tests -----------------------------------------------------------------------------------


def _answer(path: str, status: int, body: object) -> httpx.Response:
    request = httpx.Request("GET", f"{API}{path}", headers={"Authorization": "Bearer x"})
    return httpx.Response(status, json=body, request=request)


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"data": {"gid": "1", "completed": "yes"}}, "completed"),
        ({"data": {"gid": "1", "parent": {"gid": 5}}}, "parent"),
        ({"data": {"gid": "1", "parent": "1"}}, "parent"),
        ({"data": {"gid": "1", "assignee": []}}, "assignee"),
        ({"data": {"gid": 1}}, "gid"),
    ],
    ids=["bool", "nested-gid", "string-for-object", "list-for-object", "gid-number"],
)
def test_response_validation_still_catches_bad_bodies(body: object, field: str) -> None:
    """The harness: honouring ``nullable`` must not let wrong non-null values through."""
    ss.require_spec()
    errors = ss.response_errors(_answer("/tasks/12345", 200, body))
    assert errors, f"{body} passed"
    assert field in ss.format_errors(errors)


def test_response_validation_honours_nullable() -> None:
    """The harness: nulls Asana's spec allows (``allOf`` + ``nullable``, nullable enums)."""
    ss.require_spec()
    task = {"gid": "1", "parent": None, "assignee": None, "completed_by": None}
    assert not ss.response_errors(_answer("/tasks/12345", 200, {"data": task}))
    tag = {"gid": "1", "color": None}
    assert not ss.response_errors(_answer("/tags/12345", 200, {"data": tag}))
    bad_color = ss.response_errors(
        _answer("/tags/12345", 200, {"data": {"gid": "1", "color": "x"}})
    )
    assert "color" in ss.format_errors(bad_color)
    undeclared = ss.response_errors(_answer("/tags/12345", 418, {}))
    assert "418" in ss.format_errors(undeclared)


def test_routes_cover_the_promised_resources() -> None:
    served = {route.template.split("/")[1] for route in ROUTES}
    missing = [name for name in PROMISED if name not in served]
    assert not missing, f"the fake serves no route for {missing}"
    # Each promised resource can at least be read.
    readable = {r.template.split("/")[1] for r in ROUTES if r.method == "GET"}
    assert set(PROMISED) <= readable


def test_every_route_is_an_asana_operation_or_listed_as_fake_only() -> None:
    ss.require_spec()
    unknown = [
        f"{r.method} {r.template}"
        for r in ROUTES
        if ss.operation_for(r.method, r.template) is None
        and (r.method, r.template) not in FAKE_ONLY
    ]
    assert not unknown, f"routes that are neither in the spec nor in FAKE_ONLY: {unknown}"
    for key in FAKE_ONLY:
        assert ss.operation_for(*key) is None, (
            f"{key} is an Asana operation: drop it from FAKE_ONLY"
        )
        assert any((r.method, r.template) == key for r in ROUTES), f"{key} is no longer served"


def test_every_route_has_a_scenario_and_no_scenario_is_stale() -> None:
    ss.require_spec()
    served = {
        op.operation_id
        for r in ROUTES
        if (op := ss.operation_for(r.method, r.template)) is not None
    }
    assert not sorted(served - set(CALLS)), (
        f"routes without a scenario: {sorted(served - set(CALLS))}"
    )
    assert not sorted(set(CALLS) - served), f"scenarios of no route: {sorted(set(CALLS) - served)}"
    assert set(FAKE_ONLY_CALLS) == set(FAKE_ONLY)


def test_no_route_shadows_another() -> None:
    """Routes are tried in order: a template must not be matched by an earlier pattern."""
    for i, route in enumerate(ROUTES):
        sample = re.sub(r"\{\w+\}", "1234", route.template)
        first = next(r for r in ROUTES if r.method == route.method and r.pattern.match(sample))
        assert first is route, f"{route.method} {route.template} is shadowed by {first.template}"
        assert ROUTES.index(first) <= i


@pytest.mark.parametrize(("route", "op"), route_params())
def test_route_answers_per_spec(world: World, route: Route | None, op: Operation | None) -> None:
    ss.require_spec()
    assert route is not None
    key = (route.method, route.template)
    if op is None:
        assert key in FAKE_ONLY, f"{key} is not an Asana operation nor listed in FAKE_ONLY"
        request = build(world, route, FAKE_ONLY_CALLS[key](world))
        response = world.http.send(request)
        assert response.status_code == 200, describe(response)
        assert response.content == b"hello"
        return
    scenario = CALLS.get(op.operation_id)
    assert scenario is not None, f"no scenario for {op.operation_id}: add one to CALLS"
    request = build(world, route, scenario(world))
    check_request(op, request)
    response = world.http.send(request)
    check_response(op, response, int(op.success[0]))
    if op.response_schema() is not None:
        body = response.json()
        assert "data" in body, describe(response)
        if ss.data_is_array(op):
            assert isinstance(body["data"], list)
            assert body["data"], f"{op.operation_id}: the scenario should list something"
    requested = world.fake.requests[-1]
    assert (requested.method, requested.status) == (route.method, response.status_code)


def error_params(where: Callable[[Route, Operation], bool]) -> list[Any]:
    """:func:`route_params` of the Asana operations ``where`` accepts."""
    return [p for p in route_params() if p.id == "no-spec" or (p.values[1] and where(*p.values))]


def has_gid(route: Route, op: Operation) -> bool:
    return bool(placeholders(route.template))


def has_json_body(route: Route, op: Operation) -> bool:
    body = op.request_body()
    return body is not None and body[0] == "application/json"


def _declares(op: Operation, status: int) -> bool:
    return str(status) in op.raw["responses"]


@pytest.mark.parametrize(("route", "op"), error_params(has_gid))
def test_unknown_gid_is_404_per_spec(
    world: World, route: Route | None, op: Operation | None
) -> None:
    ss.require_spec()
    assert route is not None
    assert op is not None
    names = placeholders(route.template)
    call = CALLS[op.operation_id](world)
    request = build(world, route, call, **dict.fromkeys(names, UNKNOWN_GID))
    response = world.http.send(request)
    assert _declares(op, 404), f"{op.operation_id} declares no 404"
    check_response(op, response, 404)
    assert UNKNOWN_GID in response.json()["errors"][0]["message"]


@pytest.mark.parametrize(("route", "op"), error_params(has_gid))
def test_malformed_gid_is_400_per_spec(
    world: World, route: Route | None, op: Operation | None
) -> None:
    ss.require_spec()
    assert route is not None
    assert op is not None
    names = placeholders(route.template)
    call = CALLS[op.operation_id](world)
    request = build(world, route, call, **dict.fromkeys(names, "not-a-gid"))
    response = world.http.send(request)
    assert _declares(op, 400), f"{op.operation_id} declares no 400"
    check_response(op, response, 400)
    assert "not-a-gid" in response.json()["errors"][0]["message"]


@pytest.mark.parametrize(("route", "op"), error_params(has_json_body))
def test_body_without_data_is_400_per_spec(
    world: World, route: Route | None, op: Operation | None
) -> None:
    ss.require_spec()
    assert route is not None
    assert op is not None
    request = build(world, route, Call(path=CALLS[op.operation_id](world).path, data=None))
    request = world.http.build_request(route.method, request.url, json={"options": {}})
    response = world.http.send(request)
    assert _declares(op, 400), f"{op.operation_id} declares no 400"
    check_response(op, response, 400)
    assert response.json()["errors"][0]["message"] == "data: Missing input"


@pytest.mark.parametrize(("route", "op"), error_params(lambda route, op: True))
def test_no_token_is_401_per_spec(world: World, route: Route | None, op: Operation | None) -> None:
    ss.require_spec()
    assert route is not None
    assert op is not None
    call = CALLS[op.operation_id](world)
    request = build(world, route, call)
    del request.headers["Authorization"]
    response = world.http.send(request)
    assert _declares(op, 401), f"{op.operation_id} declares no 401"
    check_response(op, response, 401)


@pytest.mark.parametrize(
    ("path", "resource"),
    [("/events", True), ("/workspaces/{ws}/events", False)],
    ids=["getEvents", "getWorkspaceEvents"],
)
def test_events_412_per_spec(world: World, path: str, resource: bool) -> None:
    """No sync token: 412, Asana's message and a fresh ``sync`` in the body."""
    ss.require_spec()
    template = path.replace("{ws}", "{workspace_gid}")
    op = ss.operation_for("GET", template)
    assert op is not None
    query = {"resource": world.project} if resource else {}
    response = world.http.get(path.format(ws=world.ws), params=query)
    check_response(op, response, 412)
    body = response.json()
    assert body["sync"]
    assert "Sync token invalid or too old" in body["errors"][0]["message"]
    garbled = world.http.get(path.format(ws=world.ws), params={**query, "sync": "garbage"})
    check_response(op, garbled, 412)


@pytest.mark.parametrize("status", [429, 500, 503])
def test_knob_answers_per_spec(world: World, status: int) -> None:
    """``fake.rate_limit``/``fake.fail`` answer in the shape the spec declares."""
    ss.require_spec()
    op = ss.operation_for("GET", "/tasks/{task_gid}")
    assert op is not None
    task = world.task
    if status == 429:
        world.fake.rate_limit(retry_after=2)
    else:
        world.fake.fail(status)
    response = world.http.get(f"/tasks/{task}")
    if str(status) in op.raw["responses"]:
        check_response(op, response, status)
    else:  # 503 is not declared: the body is still Asana's error shape
        assert response.status_code == status
        assert set(response.json()) == {"errors"}
    assert response.json()["errors"][0]["message"]
