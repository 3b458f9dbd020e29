"""Return types of the public API, checked by mypy (``make test`` type-checks this file).

Nothing here runs; each function is a scenario mypy must accept with exactly these types.
"""

from __future__ import annotations

import datetime
import io
from collections.abc import Iterator
from typing import Literal

from typing_extensions import assert_type

import asana_typed as asana
from asana_typed.models import Project, Task, User, Workspace


class TaskView(asana.AsanaModel):
    name: str
    assignee: UserView | None


class UserView(asana.AsanaModel):
    name: str


def readme_example() -> None:
    asana.Client.DEFAULTS["page_size"] = 100
    client = asana.Client.access_token("PAT")
    client.options["max_retries"] = 3
    me = client.users.me()
    assert_type(me, User)
    assert_type(me.name, str)
    assert_type(me["email"], object)
    assert_type(me.workspaces, list[Workspace])
    ws = me.workspaces[0].gid
    assert_type(ws, str)
    project = client.projects.create_in_workspace(ws, {"name": "new project"})
    assert_type(project, Project)
    tasks = client.tasks.find_all(
        {"project": project.gid}, item_limit=250, fields=["name", "assignee.name"]
    )
    assert_type(tasks, Iterator[Task])
    for task in tasks:
        assert_type(task.assignee, User | None)
    page = client.workspaces.find_all(iterator_type=None, full_payload=True)
    assert_type(page, asana.Envelope[list[Workspace]])
    assert_type(page.data, list[Workspace])
    assert_type(page.next_page, asana.NextPage | None)


def shapes(client: asana.Client) -> None:
    assert_type(client.tasks.get_task("1"), Task)
    assert_type(client.tasks.find_by_id("1", full_payload=True), asana.Envelope[Task])
    assert_type(client.tasks.get_task("1", fields=TaskView), TaskView)
    assert_type(
        client.tasks.get_task("1", fields=TaskView, full_payload=True), asana.Envelope[TaskView]
    )
    assert_type(client.tasks.get_task("1", expand=TaskView), TaskView)
    assert_type(client.tasks.get_tasks_for_project("1"), Iterator[Task])
    assert_type(client.tasks.find_by_project("1", fields=TaskView), Iterator[TaskView])
    assert_type(client.tasks.find_by_project("1", iterator_type=None), list[Task])
    assert_type(
        client.tasks.find_by_project("1", iterator_type=None, fields=TaskView), list[TaskView]
    )
    assert_type(
        client.tasks.find_by_project("1", iterator_type=None, full_payload=True),
        asana.Envelope[list[Task]],
    )
    assert_type(client.tasks.delete("1"), None)
    assert_type(client.projects.delete_project("1"), None)
    assert_type(client.tasks.update("1", {"completed": True}), Task)
    assert_type(client.tasks.create_in_workspace("1", {"name": "x"}), Task)
    assert_type(client.users.find_by_workspace("1", page_size=10), Iterator[User])
    assert_type(client.users.get_users({"workspace": "1"}), Iterator[User])
    assert_type(client.workspaces.find_by_id("1"), Workspace)
    assert_type(client.projects.find_all({"archived": False}), Iterator[Project])
    task = client.tasks.get_task("1")
    assert_type(task.resource_subtype, Literal["default_task", "milestone", "approval", "custom"])
    assert_type(task.completed_at, datetime.datetime | None)
    assert_type(task.due_on, datetime.date | None)


def errors() -> None:
    try:
        pass
    except asana.RateLimitEnforcedError as exc:
        assert_type(exc.retry_after, float | None)
    except asana.InvalidTokenError as exc:
        assert_type(exc.sync, str | None)
    except asana.AsanaError as exc:
        assert_type(exc.status, int | None)


def oauth_flow() -> None:
    from asana_typed.oauth import OAuthSession, OAuthToken

    updates: list[OAuthToken] = []
    client = asana.Client.oauth(
        client_id="1",
        client_secret="s",
        redirect_uri="https://example.com/cb",
        token_updater=updates.append,
        scope=["default"],
        pkce=True,
    )
    assert_type(client, asana.Client)
    assert_type(client.session, OAuthSession)
    assert_type(client.session.authorization_url(), tuple[str, str])
    token = client.session.fetch_token(code="c")
    assert_type(token, OAuthToken)
    assert_type(token["access_token"], str)
    assert_type(token["data"]["gid"], str)
    assert_type(client.session.token, OAuthToken | None)
    assert_type(client.session.refresh(), OAuthToken)
    assert_type(client.session.revoke(), None)


def generated_resources(client: asana.Client) -> None:
    from asana_typed.models import (
        AsanaNamedResource,
        Attachment,
        Batch,
        EnumOption,
        Event,
        Section,
        Story,
        Tag,
        Team,
        Webhook,
    )

    assert_type(client.stories.get_stories_for_task("1"), Iterator[Story])
    assert_type(client.tasks.stories("1"), Iterator[Story])
    assert_type(client.tags.create_tag({"name": "urgent", "workspace": "1"}), Tag)
    assert_type(client.tags.find_by_workspace("1", iterator_type=None), list[Tag])
    assert_type(client.sections.delete_section("1"), None)
    assert_type(client.sections.find_by_project("1", fields=["name"]), Iterator[Section])
    assert_type(client.teams.find_by_organization("1"), Iterator[Team])
    assert_type(client.webhooks.get_all({"workspace": "1"}), Iterator[Webhook])
    assert_type(client.custom_fields.add_enum_option("1", {"name": "High"}), EnumOption)
    assert_type(client.tasks.search_tasks_for_workspace("1", {"text": "bug"}), list[Task])
    assert_type(client.batch_api.create_batch_request({"actions": []}), list[Batch])
    assert_type(
        client.users.get_favorites_for_user("me", {"workspace": "1", "resource_type": "task"}),
        Iterator[AsanaNamedResource],
    )
    assert_type(client.attachments.create_on_task("1", b"data", "a.txt"), Attachment)
    with open(__file__, "rb") as f:  # any binary file streams
        assert_type(client.attachments.create_on_task("1", f, "types_ok.py"), Attachment)
    assert_type(
        client.attachments.create_attachment_for_object(
            {"parent": "1", "file": ("a.txt", io.BytesIO(b"data"), "text/plain")}
        ),
        Attachment,
    )
    assert_type(client.events.get({"resource": "1"}), asana.Envelope[list[Event]])
    assert_type(client.events.get_next({"resource": "1"}), tuple[list[Event], str])
    assert_type(client.events.get_iterator({"resource": "1"}), Iterator[Event])
    event = next(client.events.get_iterator({"resource": "1"}))
    assert_type(event.change.new_value, AsanaNamedResource)
    assert_type(event.change.action, Literal["changed", "added", "removed"])
    assert_type(event.user, User | None)
    assert_type(event.parent, AsanaNamedResource | None)
    assert_type(client.users.me(fields=TaskView).name, str)
