"""A tour of asana-typed (``make demo``).

Without ``ASANA_ACCESS_TOKEN`` it starts the built-in fake Asana on 127.0.0.1 and works
through it over real HTTP: who am I, a project with 250 tasks, typed paging, updates,
comments, tags, an upload, events with a sync token, a rate-limit retry, a typed error, an
OAuth 2 sign-in, and a task as ``model_dump()``. With ``ASANA_ACCESS_TOKEN`` set it only
reads your real Asana.
"""

from __future__ import annotations

import json
import os
import sys
import time
from collections import Counter

import httpx

import asana_typed as asana
from asana_typed.testing import FakeAsana


class AssigneeName(asana.AsanaModel):
    name: str


class TaskRow(asana.AsanaModel):
    """A projection: exactly the fields the tour prints, so only those are fetched."""

    name: str
    completed: bool
    assignee: AssigneeName | None


def step(title: str) -> None:
    print(f"\n== {title}")


def fake_tour() -> None:
    fake = FakeAsana()
    with fake.serve() as base_url:
        print(f"The fake Asana is serving {base_url}")

        def sleep(seconds: float) -> None:
            print(f"   (the client waits {seconds:.1f} s before retrying)")
            time.sleep(seconds)

        client = asana.Client.access_token(
            fake.token, base_url=base_url, client_name="asana-typed-tour", sleep=sleep
        )
        with client:
            tour_on_fake(fake, client)


def tour_on_fake(fake: FakeAsana, client: asana.Client) -> None:
    step("Who am I?")
    me = client.users.me()
    print(f"Hello {me.name} <{me.email}>, member of {[w.name for w in me.workspaces]}")
    workspace = me.workspaces[0]

    step("A project, and a sync token to follow its events")
    project = client.projects.create_in_workspace(workspace.gid, {"name": "Launch plan"})
    print(f"Created project {project.name!r} ({project.gid}), a {type(project).__name__}")
    _, sync = client.events.get_next({"resource": project.gid})
    print(f"First events call answered 412 with a fresh sync token: {sync[:12]}...")

    step("250 tasks")
    started = time.perf_counter()
    for n in range(1, 251):
        client.tasks.create_task({"name": f"Task {n:03}", "projects": [project.gid]})
    print(f"Created 250 tasks in {time.perf_counter() - started:.2f} s")

    step("Paging through them with a typed iterator")
    before = len(fake.requests)
    rows = list(client.tasks.find_by_project(project.gid, fields=TaskRow, page_size=100))
    pages = len(fake.requests) - before
    print(f"Read {len(rows)} {type(rows[0]).__name__} rows in {pages} requests of up to 100")
    print(f"First: {rows[0].name!r}, completed={rows[0].completed}, assignee={rows[0].assignee}")

    step("Updating: assign ten, complete every tenth")
    for row in rows[:10]:
        client.tasks.update(row.gid, {"assignee": me.gid})
    for row in rows[9::10]:
        client.tasks.update(row.gid, {"completed": True})
    done = sum(r.completed for r in client.tasks.find_by_project(project.gid, fields=TaskRow))
    first = client.tasks.find_by_id(rows[0].gid, fields=TaskRow)
    who = first.assignee.name if first.assignee else "nobody"
    print(f"{done} of 250 completed; {first.name} is assigned to {who}")

    step("A comment, a tag, an attachment")
    task = rows[0]
    comment = client.tasks.add_comment(task.gid, {"text": "Kick-off on Monday."})
    print(f"Comment {comment.gid}: {comment.text!r} by {comment.created_by.name}")
    tag = client.tags.create_in_workspace(workspace.gid, {"name": "priority"})
    client.tasks.add_tag(task.gid, {"tag": tag.gid})
    print(f"Tags on {task.name}: {[t.name for t in client.tasks.tags(task.gid)]}")
    upload = client.attachments.create_on_task(task.gid, b"Agenda\n", "agenda.txt", "text/plain")
    print(f"Uploaded {upload.name!r} ({upload.gid}) to {task.name}")
    stories = list(client.tasks.stories(task.gid))
    print(
        f"{len(stories)} stories on {task.name}: "
        f"{Counter(s.resource_subtype for s in stories).most_common(4)}"
    )

    step("Events since the sync token")
    events: list[asana.models.Event] = []
    while True:
        page = client.events.get({"resource": project.gid, "sync": sync})
        events += page.data
        sync = page.sync or sync
        if not page.has_more:
            break
    print(f"{len(events)} events: {Counter(f'{e.type} {e.action}' for e in events).most_common(4)}")

    step("A rate limit, handled")
    fake.rate_limit(times=1, retry_after=1)
    print(f"The fake answers the next request with 429; still: Hello {client.users.me().name}")

    step("A typed error")
    try:
        client.tasks.find_by_id("1200000000999999")
    except asana.NotFoundError as exc:
        print(f"{type(exc).__name__}: status {exc.status}, {exc.message!r}")

    step("Sign in with OAuth 2 (authorization code + PKCE)")
    oauth_sign_in(fake)

    step("A task as model_dump()")
    shown = ["name", "completed", "assignee.name", "tags.name", "memberships.section.name"]
    full = client.tasks.find_by_id(task.gid, fields=shown)
    print(json.dumps(full.model_dump(mode="json"), indent=2))
    print(f"\nThe fake saw {len(fake.requests)} requests. Tour complete.")


def oauth_sign_in(fake: FakeAsana) -> None:
    """The flow a web app runs, with the fake's endpoints standing in for Asana's."""
    origin = fake.base_url.removesuffix("/api/1.0")
    fake.add_oauth_app("tour-app", "tour-secret", "https://tour.example/callback")
    saved: list[str] = []
    app = asana.Client.oauth(
        client_id="tour-app",
        client_secret="tour-secret",
        redirect_uri="https://tour.example/callback",
        pkce=True,
        token_updater=lambda token: saved.append(token["access_token"]),
        authorization_endpoint=f"{origin}/-/oauth_authorize",
        token_endpoint=f"{origin}/-/oauth_token",
        revocation_endpoint=f"{origin}/-/oauth_revoke",
        base_url=fake.base_url,
    )
    with app, httpx.Client() as browser:
        url, state = app.session.authorization_url()
        print(f"Send the user to {url.split('?')[0]}?... (state {state[:8]}...)")
        callback = browser.get(url).headers["location"]  # the fake approves at once
        token = app.session.fetch_token(authorization_response=callback)  # checks state
        print(f"Token for {token['data']['name']}, expires in {token['expires_in']} s")
        print(f"Signed in with OAuth: Hello {app.users.me().name}")
        app.session.refresh()
        print(f"Refreshed; token_updater saw {len(saved)} new token")
        app.session.revoke()
        print("Revoked: the grant is gone")


class _Row(asana.AsanaModel):
    name: str
    completed: bool


def real_tour(token: str) -> None:
    """Read-only: nothing is created or changed in your Asana."""
    with asana.Client.access_token(token, client_name="asana-typed-tour") as client:
        me = client.users.me()
        print(f"Hello {me.name} <{me.email}>")
        for ws in me.workspaces[:3]:
            print(f"  workspace {ws.gid}: {ws.name}")
        if not me.workspaces:
            return
        ws = me.workspaces[0]
        page = client.projects.find_all(
            {"workspace": ws.gid, "archived": False},
            iterator_type=None,
            page_size=5,
            full_payload=True,
        )
        print(f"First projects in {ws.name}: {[p.name for p in page.data]}")
        if page.data:
            project = page.data[0]
            for row in client.tasks.find_by_project(project.gid, fields=_Row, item_limit=10):
                print(f"  [{'x' if row.completed else ' '}] {row.name}")
        try:
            client.tasks.find_by_id("1")
        except asana.AsanaError as exc:
            print(f"A typed error: {type(exc).__name__} (status {exc.status}): {exc.message}")


def main() -> int:
    token = os.environ.get("ASANA_ACCESS_TOKEN")
    if token:
        real_tour(token)
    else:
        fake_tour()
    return 0


if __name__ == "__main__":
    sys.exit(main())
