"""``FakeAsana`` events, webhooks and attachments, through the SDK."""

from __future__ import annotations

from urllib.parse import quote

import httpx
import pytest

import asana_typed as asana
from asana_typed.testing import FakeAsana
from tests.conftest import Clock
from tests.fake_helpers import API, gids

# -- events ------------------------------------------------------------------------------------


def test_events_first_call_is_412_with_a_fresh_sync(client: asana.Client, ws: str) -> None:
    project = client.projects.create_project_for_workspace(ws, {"name": "P"})
    with pytest.raises(asana.InvalidTokenError) as caught:
        client.events.get({"resource": project.gid})
    assert caught.value.status == 412
    assert caught.value.sync
    page = client.events.get({"resource": project.gid}, sync=caught.value.sync)
    assert page.data == []
    assert page.has_more is False
    assert page.sync


def test_events_after_changes_with_get_next(client: asana.Client, ws: str, me: str) -> None:
    project = client.projects.create_project_for_workspace(ws, {"name": "P"})
    events, sync = client.events.get_next({"resource": project.gid})
    assert events == []
    task = client.tasks.create_task({"name": "T", "projects": [project.gid]})
    client.projects.update_project(project.gid, {"name": "Q"})
    events, sync = client.events.get_next({"resource": project.gid}, sync=sync)
    assert [(e.type, e.action, e.resource.gid) for e in events] == [
        ("task", "added", task.gid),
        ("project", "changed", project.gid),
    ]
    assert events[0].parent is not None
    assert events[0].parent.gid == project.gid
    assert events[0].user is not None
    assert events[0].user.gid == me
    assert events[1].change is not None
    assert events[1].change.field == "name"
    # Nothing new: nothing again, with a token to go on with.
    again, sync = client.events.get_next({"resource": project.gid}, sync=sync)
    assert again == []
    # Events of other resources do not leak in.
    client.projects.create_project_for_workspace(ws, {"name": "Other"})
    assert client.events.get_next({"resource": project.gid}, sync=sync)[0] == []


def test_events_has_more_beyond_100(client: asana.Client, ws: str) -> None:
    tag = client.tags.create_tag_for_workspace(ws, {"name": "t"})
    _, sync = client.events.get_next({"resource": tag.gid})
    for i in range(120):
        client.tags.update_tag(tag.gid, {"name": f"t{i}"})
    first = client.events.get({"resource": tag.gid}, sync=sync)
    assert len(first.data) == 100
    assert first.has_more is True
    assert first.sync is not None
    second = client.events.get({"resource": tag.gid}, sync=first.sync)
    assert len(second.data) == 20
    assert second.has_more is False


def test_events_iterator_polls_the_fake(fake: FakeAsana, ws: str) -> None:
    """``client.events.get_iterator`` against the fake: a 412 first, then a poll per wait;
    the client's ``sleep`` stands in for time passing (and for someone making changes)."""
    waits: list[float] = []
    with fake.client() as someone:
        project = someone.projects.create_project_for_workspace(ws, {"name": "P"})

        def sleep(seconds: float) -> None:
            waits.append(seconds)
            someone.tasks.create_task({"name": f"T{len(waits)}", "projects": [project.gid]})

        with fake.client(sleep=sleep) as client:
            events = list(
                client.events.get_iterator(
                    {"resource": project.gid}, item_limit=2, poll_interval=7.0
                )
            )
    assert [(e.action, e.type) for e in events] == [("added", "task"), ("added", "task")]
    names = [fake.store.records[e.resource.gid]["name"] for e in events]
    assert names == ["T1", "T2"]
    assert waits == [7.0, 7.0]
    statuses = [r.status for r in fake.requests if r.path.endswith("/events")]
    assert statuses == [412, 200, 200, 200]


def test_events_sync_expires(fake: FakeAsana, client: asana.Client, ws: str, clock: Clock) -> None:
    project = client.projects.create_project_for_workspace(ws, {"name": "P"})
    _, sync = client.events.get_next({"resource": project.gid})
    clock.now += fake.sync_ttl + 1
    with pytest.raises(asana.InvalidTokenError) as caught:
        client.events.get({"resource": project.gid}, sync=sync)
    assert caught.value.sync
    assert caught.value.sync != sync
    assert client.events.get({"resource": project.gid}, sync=caught.value.sync).data == []


# -- webhooks ----------------------------------------------------------------------------------


def test_webhook_create_answers_with_x_hook_secret(fake: FakeAsana, ws: str) -> None:
    with fake.client() as client:
        project = client.projects.create_project_for_workspace(ws, {"name": "P"})
    with httpx.Client(
        transport=fake.transport(), base_url=API, headers={"Authorization": f"Bearer {fake.token}"}
    ) as http:
        response = http.post(
            "/webhooks",
            json={"data": {"resource": project.gid, "target": "https://example.com/hook"}},
        )
    assert response.status_code == 201
    assert response.headers["X-Hook-Secret"]
    data = response.json()["data"]
    assert data["resource"]["gid"] == project.gid
    assert data["target"] == "https://example.com/hook"
    assert data["active"] is True


def test_webhooks_crud(client: asana.Client, ws: str) -> None:
    project = client.projects.create_project_for_workspace(ws, {"name": "P"})
    hook = client.webhooks.create_webhook(
        {
            "resource": project.gid,
            "target": "https://example.com/hook",
            "filters": [{"resource_type": "task", "action": "changed"}],
        }
    )
    assert hook.resource.gid == project.gid
    assert gids(client.webhooks.get_webhooks({"workspace": ws})) == [hook.gid]
    assert gids(client.webhooks.get_webhooks({"workspace": ws, "resource": project.gid})) == [
        hook.gid
    ]
    assert client.webhooks.get_webhook(hook.gid).target == "https://example.com/hook"
    updated = client.webhooks.update_webhook(
        hook.gid, {"filters": [{"resource_type": "project", "action": "added"}]}
    )
    assert [f.resource_type for f in updated.filters] == ["project"]
    client.webhooks.delete_webhook(hook.gid)
    assert list(client.webhooks.get_webhooks({"workspace": ws})) == []


# -- attachments -------------------------------------------------------------------------------


def test_attachment_upload_list_and_read_back(
    fake: FakeAsana, client: asana.Client, ws: str
) -> None:
    task = client.tasks.create_task({"name": "T", "workspace": ws})
    content = b"agenda\n\x00\xff binary too"
    attachment = client.attachments.create_on_task(task.gid, content, "agenda.txt", "text/plain")
    assert attachment.name == "agenda.txt"
    assert attachment.parent is not None
    assert attachment.parent.gid == task.gid
    assert attachment.size == len(content)
    assert gids(client.attachments.get_attachments_for_object({"parent": task.gid})) == [
        attachment.gid
    ]
    fetched = client.attachments.get_attachment(attachment.gid)
    assert fetched.download_url
    # The fake's own download route (Asana's is a presigned URL); it wants the token too.
    with httpx.Client(
        transport=fake.transport(), headers={"Authorization": f"Bearer {fake.token}"}
    ) as http:
        download = http.get(fetched.download_url)
    assert download.status_code == 200
    assert download.content == content
    assert download.headers["content-type"].startswith("text/plain")

    client.attachments.delete_attachment(attachment.gid)
    assert list(client.attachments.get_attachments_for_object({"parent": task.gid})) == []


@pytest.mark.parametrize("name", ["résumé.txt", "日本語.txt"])
def test_download_of_a_file_with_a_non_ascii_name(
    fake: FakeAsana, client: asana.Client, ws: str, name: str
) -> None:
    """The download answer must carry the name in a header HTTP can send (RFC 6266's
    ``filename*=UTF-8''...``), not fail to encode it."""
    task = client.tasks.create_task({"name": "T", "workspace": ws})
    attachment = client.attachments.create_on_task(task.gid, b"data", name, "text/plain")
    assert attachment.name == name
    url = client.attachments.get_attachment(attachment.gid).download_url
    assert url is not None
    with httpx.Client(
        transport=fake.transport(), headers={"Authorization": f"Bearer {fake.token}"}
    ) as http:
        download = http.get(url)
    assert download.status_code == 200
    assert download.content == b"data"
    disposition = download.headers["content-disposition"]
    assert disposition.isascii()
    assert f"filename*=UTF-8''{quote(name)}" in disposition
