"""The world a ``FakeAsana`` spec test runs in, and what the fake promises to cover."""

from __future__ import annotations

import functools
from typing import Any

import httpx

from asana_typed.testing import FakeAsana

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
