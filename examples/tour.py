"""A short tour of asana-typed (``make demo``).

With ``ASANA_ACCESS_TOKEN`` set it runs read-only against your Asana: who you are, your
workspaces, a few projects and tasks, a typed error, and a task as ``model_dump()``.
"""

from __future__ import annotations

import json
import os
import sys

import asana_typed as asana


class TaskRow(asana.AsanaModel):
    """A projection: exactly the fields the tour prints, and nothing else is fetched."""

    name: str
    completed: bool
    assignee: AssigneeName | None


class AssigneeName(asana.AsanaModel):
    name: str


def tour(client: asana.Client) -> None:
    me = client.users.me()
    print(f"Hello {me.name} <{me.email}>")
    workspaces = list(client.workspaces.find_all(item_limit=5))
    for ws in workspaces:
        print(f"  workspace {ws.gid}: {ws.name}")
    if not workspaces:
        return
    ws = workspaces[0]
    page = client.projects.find_all(
        {"workspace": ws.gid, "archived": False}, iterator_type=None, page_size=5, full_payload=True
    )
    print(f"First projects in {ws.name}: {[p.name for p in page.data]}")
    print(f"  more after this page: {page.next_page is not None}")
    if page.data:
        project = page.data[0]
        print(f"Tasks in {project.name} (typed projection, opt_fields computed from TaskRow):")
        for row in client.tasks.find_by_project(project.gid, fields=TaskRow, item_limit=10):
            who = row.assignee.name if row.assignee else "nobody"
            print(f"  [{'x' if row.completed else ' '}] {row.name} ({who})")
        first = next(iter(client.tasks.find_by_project(project.gid, item_limit=1)), None)
        if first is not None:
            full = client.tasks.find_by_id(first.gid)
            print("One task, as model_dump(mode='json'):")
            print(json.dumps(full.model_dump(mode="json"), indent=2)[:1500])
    try:
        client.tasks.find_by_id("1")
    except asana.AsanaError as exc:
        print(f"A typed error: {type(exc).__name__} (status {exc.status}): {exc.message}")


def main() -> int:
    token = os.environ.get("ASANA_ACCESS_TOKEN")
    if not token:
        print(
            "asana-typed tour: this version has no built-in fake Asana yet, so the tour needs\n"
            "a real account. Set ASANA_ACCESS_TOKEN to a personal access token and run\n"
            "`make demo` again; the tour only reads."
        )
        return 0
    with asana.Client.access_token(token, client_name="asana-typed-tour") as client:
        tour(client)
    return 0


if __name__ == "__main__":
    sys.exit(main())
