"""``FakeAsana`` visibility: private projects and records of another workspace."""

from __future__ import annotations

from typing import Any

import httpx
import pytest

import asana_typed as asana
from asana_typed.testing import FakeAsana
from tests.fake_helpers import API, _no_sleep, add_users, gids

# -- visibility ----------------------------------------------------------------------------------


def test_private_project_tasks_are_hidden_from_non_members(
    fake: FakeAsana, client: asana.Client, ws: str
) -> None:
    """A user who may not see a private project (403 on it) may not see or change its tasks,
    their stories or its events either: Asana answers 403 (or 404) for all of them."""
    (ann,) = add_users(fake, "Ann")
    project = client.projects.create_project_for_workspace(
        ws, {"name": "Secret", "privacy_setting": "private"}
    )
    (section,) = client.sections.get_sections_for_project(project.gid)
    task = client.tasks.create_task({"name": "hidden", "projects": [project.gid]})
    client.stories.create_story_for_task(task.gid, {"text": "psst"})
    not_visible = (asana.ForbiddenError, asana.NotFoundError)
    with fake.client(fake.store.records[ann], sleep=_no_sleep) as as_ann:
        with pytest.raises(asana.ForbiddenError):
            as_ann.projects.get_project(project.gid)
        assert gids(as_ann.tasks.search_tasks_for_workspace(ws, {"text": "hidden"})) == []
        with pytest.raises(not_visible):
            list(as_ann.tasks.get_tasks_for_project(project.gid))
        with pytest.raises(not_visible):
            list(as_ann.tasks.get_tasks_for_section(section.gid))
        with pytest.raises(not_visible):
            as_ann.tasks.get_task(task.gid)
        with pytest.raises(not_visible):
            list(as_ann.stories.get_stories_for_task(task.gid))
        with pytest.raises(not_visible):
            as_ann.tasks.update_task(task.gid, {"name": "changed by an outsider"})
        with pytest.raises(not_visible):
            as_ann.events.get_next({"resource": project.gid})
    assert client.tasks.get_task(task.gid).name == "hidden"


@pytest.fixture
def foreign(fake: FakeAsana, client: asana.Client, ws: str) -> dict[str, str]:
    """Records of ``fake.workspace``, and a token of Zed, who is only in another workspace."""
    elsewhere = fake.add_workspace("Elsewhere")
    zed = fake.add_user("Zed", "zed@example.com", workspaces=[elsewhere])
    project = client.projects.create_project_for_workspace(ws, {"name": "P"})
    (section,) = client.sections.get_sections_for_project(project.gid)
    task = client.tasks.create_task({"name": "T", "projects": [project.gid]})
    tag = client.tags.create_tag_for_workspace(ws, {"name": "tag"})
    field = client.custom_fields.create_custom_field(
        {"workspace": ws, "name": "F", "resource_subtype": "text"}
    )
    story = client.stories.create_story_for_task(task.gid, {"text": "hi"})
    attachment = client.attachments.create_on_task(task.gid, b"x", "a.txt", "text/plain")
    webhook = client.webhooks.create_webhook(
        {"resource": project.gid, "target": "https://example.com/hook"}
    )
    return {
        "token": fake.token_for(zed),
        "workspace": ws,
        "user": fake.me["gid"],
        "project": project.gid,
        "section": section.gid,
        "task": task.gid,
        "tag": tag.gid,
        "custom_field": field.gid,
        "story": story.gid,
        "attachment": attachment.gid,
        "webhook": webhook.gid,
    }


def _call_id(method: str, template: str, body: object) -> str:
    return f"{method} {template.split('?')[0]}"


# (method, path template, body); every one must be refused to someone outside the workspace.
FOREIGN_CALLS: list[Any] = [
    ("GET", "/workspaces/{workspace}", None),
    ("GET", "/workspaces/{workspace}/users", None),
    ("GET", "/users?workspace={workspace}", None),
    ("GET", "/users/{user}", None),
    ("GET", "/workspaces/{workspace}/projects", None),
    ("GET", "/projects/{project}", None),
    ("GET", "/projects/{project}/sections", None),
    ("GET", "/projects/{project}/tasks", None),
    ("GET", "/sections/{section}/tasks", None),
    ("GET", "/tasks/{task}", None),
    ("PUT", "/tasks/{task}", {"name": "changed by an outsider"}),
    ("DELETE", "/tasks/{task}", None),
    ("GET", "/tasks/{task}/stories", None),
    ("GET", "/stories/{story}", None),
    ("GET", "/tags/{tag}", None),
    ("PUT", "/tags/{tag}", {"name": "changed by an outsider"}),
    ("DELETE", "/tags/{tag}", None),
    ("GET", "/workspaces/{workspace}/tags", None),
    ("GET", "/custom_fields/{custom_field}", None),
    ("GET", "/attachments/{attachment}", None),
    ("GET", "/attachments?parent={task}", None),
    ("GET", "/webhooks/{webhook}", None),
    ("GET", "/webhooks?workspace={workspace}", None),
    ("GET", "/events?resource={project}", None),
]


@pytest.mark.parametrize(
    ("method", "template", "body"),
    [
        call if hasattr(call, "marks") else pytest.param(*call, id=_call_id(*call))
        for call in FOREIGN_CALLS
    ],
)
def test_records_of_another_workspace_are_out_of_reach(
    fake: FakeAsana,
    foreign: dict[str, str],
    method: str,
    template: str,
    body: dict[str, str] | None,
) -> None:
    """Asana answers 403 (or 404) to a user outside the workspace a record lives in."""
    path = template.format(**foreign)
    with httpx.Client(
        transport=fake.transport(),
        base_url=API,
        headers={"Authorization": f"Bearer {foreign['token']}"},
    ) as http:
        response = http.request(method, path, json=None if body is None else {"data": body})
    assert response.status_code in (403, 404), f"{method} {path}: {response.text[:300]}"
    assert response.json()["errors"][0]["message"]
