"""``FakeAsana`` resource by resource, through the SDK as a user's tests would drive it.

Each test starts from a fresh fake (one workspace, ``fake.me``) with a hand-moved clock,
and checks what Asana would do: the records, their links both ways, the system stories
and events a change leaves. OAuth is driven with plain httpx (the SDK has no OAuth flow).
"""

from __future__ import annotations

import asyncio
import base64
import datetime as dt
import hashlib
from collections.abc import Iterator
from typing import Any
from urllib.parse import parse_qs, quote, urlsplit

import httpx
import pytest

import asana_typed as asana
from asana_typed.testing import FakeAsana
from tests.conftest import Clock

API = "https://app.asana.com/api/1.0"


@pytest.fixture
def client(fake: FakeAsana) -> Iterator[asana.Client]:
    with fake.client(sleep=_no_sleep) as sdk:
        yield sdk


@pytest.fixture
def ws(fake: FakeAsana) -> str:
    gid: str = fake.workspace["gid"]
    return gid


@pytest.fixture
def me(fake: FakeAsana) -> str:
    gid: str = fake.me["gid"]
    return gid


def _no_sleep(seconds: float) -> None:
    raise AssertionError(f"the client wanted to sleep {seconds}s: nothing here should retry")


def add_users(fake: FakeAsana, *names: str) -> list[str]:
    return [
        fake.add_user(name, f"{name.lower()}@example.com", workspaces=[fake.workspace])["gid"]
        for name in names
    ]


def gids(items: Any) -> list[str]:
    return [item.gid for item in items]


def iso(seconds: float) -> dt.datetime:
    return dt.datetime.fromtimestamp(seconds, dt.timezone.utc).replace(
        microsecond=int(seconds * 1000) % 1000 * 1000
    )


# -- teams -------------------------------------------------------------------------------------


def test_teams_create_membership_and_lists(fake: FakeAsana, client: asana.Client, ws: str) -> None:
    (ann,) = add_users(fake, "Ann")
    team = client.teams.create_team({"name": "Platform", "organization": ws})
    assert team.name == "Platform"
    assert team.organization.gid == ws
    assert gids(client.teams.get_teams_for_workspace(ws)) == [team.gid]
    assert [u.name for u in client.users.get_users_for_team(team.gid)] == ["Fake User"]

    membership = client.teams.add_user_for_team(team.gid, {"user": ann})
    assert membership.user.gid == ann
    assert membership.team.gid == team.gid
    assert [u.name for u in client.users.get_users_for_team(team.gid)] == ["Ann", "Fake User"]
    assert gids(client.teams.get_teams_for_user(ann, {"organization": ws})) == [team.gid]

    client.teams.remove_user_for_team(team.gid, {"user": ann})
    assert [u.name for u in client.users.get_users_for_team(team.gid)] == ["Fake User"]
    assert list(client.teams.get_teams_for_user(ann, {"organization": ws})) == []

    renamed = client.teams.update_team(team.gid, {"name": "Infra", "visibility": "secret"})
    assert (renamed.name, renamed.visibility) == ("Infra", "secret")


# -- projects ----------------------------------------------------------------------------------


def test_project_created_in_workspace(
    fake: FakeAsana, client: asana.Client, ws: str, me: str, clock: Clock
) -> None:
    project = client.projects.create_project_for_workspace(ws, {"name": "Launch", "notes": "n"})
    assert project.name == "Launch"
    assert project.workspace.gid == ws
    assert project.team is None
    assert project.owner is not None
    assert project.owner.gid == me
    assert gids(project.members) == [me]
    assert gids(project.followers) == [me]
    assert project.created_at == iso(clock.now)
    assert (project.notes, project.html_notes) == ("n", "<body>n</body>")
    assert project.archived is False
    assert gids(client.projects.get_projects_for_workspace(ws)) == [project.gid]
    assert gids(client.projects.get_projects({"workspace": ws})) == [project.gid]
    fetched = client.projects.get_project(project.gid)
    assert fetched.model_dump() == project.model_dump()
    assert fake.requests[0].status == 201


def test_project_created_in_team(client: asana.Client, ws: str) -> None:
    team = client.teams.create_team({"name": "T", "organization": ws})
    in_team = client.projects.create_project_for_team(team.gid, {"name": "A"})
    direct = client.projects.create_project({"name": "B", "workspace": ws, "team": team.gid})
    loose = client.projects.create_project({"name": "C", "workspace": ws})
    for project in (in_team, direct):
        assert project.team is not None
        assert project.team.gid == team.gid
        assert project.workspace.gid == ws
    assert gids(client.projects.get_projects_for_team(team.gid)) == [in_team.gid, direct.gid]
    assert gids(client.projects.get_projects({"team": team.gid})) == [in_team.gid, direct.gid]
    assert set(gids(client.projects.get_projects_for_workspace(ws))) == {
        in_team.gid,
        direct.gid,
        loose.gid,
    }


def test_project_update_and_delete(client: asana.Client, ws: str) -> None:
    project = client.projects.create_project_for_workspace(ws, {"name": "Old"})
    updated = client.projects.update_project(
        project.gid,
        {"name": "New", "color": "dark-red", "due_on": "2025-07-01", "archived": True},
    )
    assert (updated.name, updated.color, updated.archived) == ("New", "dark-red", True)
    assert updated.due_on == dt.date(2025, 7, 1)
    assert client.projects.get_project(project.gid).name == "New"
    assert gids(client.projects.get_projects_for_workspace(ws, {"archived": True})) == [project.gid]
    assert list(client.projects.get_projects_for_workspace(ws, {"archived": False})) == []

    client.projects.delete_project(project.gid)
    with pytest.raises(asana.NotFoundError) as caught:
        client.projects.get_project(project.gid)
    assert caught.value.message == f"project: Unknown object: {project.gid}"
    assert list(client.projects.get_projects_for_workspace(ws)) == []


def test_project_members_and_followers_take_comma_separated_gids(
    fake: FakeAsana, client: asana.Client, ws: str, me: str
) -> None:
    ann, bob = add_users(fake, "Ann", "Bob")
    project = client.projects.create_project_for_workspace(ws, {"name": "P"})

    added = client.projects.add_members_for_project(project.gid, {"members": f"{ann},{bob}"})
    assert gids(added.members) == [me, ann, bob]
    assert gids(added.followers) == [me], "members are not made followers"

    followed = client.projects.add_followers_for_project(project.gid, {"followers": bob})
    assert gids(followed.followers) == [me, bob]
    unfollowed = client.projects.remove_followers_for_project(project.gid, {"followers": bob})
    assert gids(unfollowed.followers) == [me]
    assert gids(unfollowed.members) == [me, ann, bob], "unfollowing keeps the membership"

    removed = client.projects.remove_members_for_project(project.gid, {"members": f"{ann},{bob}"})
    assert gids(removed.members) == [me]
    assert gids(client.projects.get_project(project.gid).members) == [me]

    # Following makes a member (followers are a subset of members).
    (cat,) = add_users(fake, "Cat")
    joined = client.projects.add_followers_for_project(project.gid, {"followers": cat})
    assert cat in gids(joined.members)
    assert cat in gids(joined.followers)


def test_project_member_unknown_user_is_404(client: asana.Client, ws: str) -> None:
    project = client.projects.create_project_for_workspace(ws, {"name": "P"})
    with pytest.raises(asana.NotFoundError):
        client.projects.add_members_for_project(project.gid, {"members": "999"})


# -- sections ----------------------------------------------------------------------------------


def test_sections_create_insert_and_order(client: asana.Client, ws: str) -> None:
    project = client.projects.create_project_for_workspace(ws, {"name": "P"})
    (untitled,) = client.sections.get_sections_for_project(project.gid)
    a = client.sections.create_section_for_project(project.gid, {"name": "A"})
    b = client.sections.create_section_for_project(project.gid, {"name": "B"})
    first = client.sections.create_section_for_project(
        project.gid, {"name": "First", "insert_before": untitled.gid}
    )
    assert a.project is not None
    assert a.project.gid == project.gid

    def order() -> list[str]:
        return [s.name for s in client.sections.get_sections_for_project(project.gid)]

    assert order() == ["First", "Untitled section", "A", "B"]
    client.sections.insert_section_for_project(
        project.gid, {"section": b.gid, "before_section": first.gid}
    )
    assert order() == ["B", "First", "Untitled section", "A"]
    client.sections.insert_section_for_project(
        project.gid, {"section": b.gid, "after_section": a.gid}
    )
    assert order() == ["First", "Untitled section", "A", "B"]

    renamed = client.sections.update_section(a.gid, {"name": "Alpha"})
    assert renamed.name == "Alpha"
    client.sections.delete_section(a.gid)
    assert order() == ["First", "Untitled section", "B"]
    with pytest.raises(asana.NotFoundError):
        client.sections.get_section(a.gid)


def test_section_add_task_moves_it_and_orders_it(client: asana.Client, ws: str) -> None:
    project = client.projects.create_project_for_workspace(ws, {"name": "P"})
    (untitled,) = client.sections.get_sections_for_project(project.gid)
    done = client.sections.create_section_for_project(project.gid, {"name": "Done"})
    t1, t2, t3 = (client.tasks.create_task({"name": n, "projects": [project.gid]}) for n in "123")
    assert [t.name for t in client.tasks.get_tasks_for_section(untitled.gid)] == ["1", "2", "3"]

    client.sections.add_task_for_section(done.gid, {"task": t2.gid})
    client.sections.add_task_for_section(done.gid, {"task": t3.gid, "insert_before": t2.gid})
    client.sections.add_task_for_section(done.gid, {"task": t1.gid, "insert_after": t3.gid})
    assert [t.name for t in client.tasks.get_tasks_for_section(done.gid)] == ["3", "1", "2"]
    assert list(client.tasks.get_tasks_for_section(untitled.gid)) == []
    moved = client.tasks.get_task(t2.gid)
    assert [(m.project.gid, m.section.gid) for m in moved.memberships] == [(project.gid, done.gid)]
    assert [t.name for t in client.tasks.get_tasks_for_project(project.gid)] == ["3", "1", "2"]
    with pytest.raises(asana.InvalidRequestError):
        client.sections.delete_section(done.gid)  # not empty


# -- tasks -------------------------------------------------------------------------------------


def test_task_created_in_a_project_lands_in_its_first_section(
    client: asana.Client, ws: str, me: str, clock: Clock
) -> None:
    project = client.projects.create_project_for_workspace(ws, {"name": "P"})
    (untitled,) = client.sections.get_sections_for_project(project.gid)
    top = client.sections.create_section_for_project(
        project.gid, {"name": "Top", "insert_before": untitled.gid}
    )
    task = client.tasks.create_task({"name": "T", "projects": [project.gid], "notes": "hi"})
    assert [(m.project.gid, m.section.gid) for m in task.memberships] == [(project.gid, top.gid)]
    assert gids(task.projects) == [project.gid]
    assert task.workspace.gid == ws
    assert task.created_by is not None
    assert task.created_by.gid == me
    assert gids(task.followers) == [me], "the creator follows the task"
    assert task.created_at == iso(clock.now)
    assert (task.completed, task.completed_at) == (False, None)
    assert (task.notes, task.html_notes) == ("hi", "<body>hi</body>")
    assert gids(client.tasks.get_tasks_for_project(project.gid)) == [task.gid]
    assert gids(client.tasks.get_tasks_for_section(top.gid)) == [task.gid]
    assert gids(client.tasks.get_tasks({"project": project.gid})) == [task.gid]
    assert gids(client.projects.get_projects_for_task(task.gid)) == [project.gid]


def test_task_needs_a_workspace_project_or_parent(client: asana.Client) -> None:
    with pytest.raises(asana.InvalidRequestError) as caught:
        client.tasks.create_task({"name": "orphan"})
    assert "workspace" in caught.value.message


def test_task_update_leaves_system_stories_and_events(
    fake: FakeAsana, client: asana.Client, ws: str, me: str
) -> None:
    (ann,) = add_users(fake, "Ann")
    project = client.projects.create_project_for_workspace(ws, {"name": "P"})
    task = client.tasks.create_task({"name": "Draft", "projects": [project.gid]})
    _, sync = client.events.get_next({"resource": task.gid})

    updated = client.tasks.update_task(
        task.gid, {"name": "Final", "assignee": ann, "due_on": "2025-07-01"}
    )
    assert updated.name == "Final"
    assert updated.assignee is not None
    assert updated.assignee.gid == ann
    assert updated.due_on == dt.date(2025, 7, 1)
    assert ann in gids(updated.followers), "the assignee becomes a follower"

    stories = list(
        client.stories.get_stories_for_task(
            task.gid, fields=["type", "resource_subtype", "text", "created_by"]
        )
    )
    subtypes = [s.resource_subtype for s in stories]
    assert subtypes == ["name_changed", "assigned", "due_date_changed"]
    assert all(s.type == "system" for s in stories)
    assert all(s.created_by is not None and s.created_by.gid == me for s in stories)
    assert stories[0].text == 'changed the name to "Final"'

    events, _ = client.events.get_next({"resource": task.gid}, sync=sync)
    changed = [e for e in events if e.action == "changed" and e.resource.gid == task.gid]
    assert [e.change.field for e in changed if e.change is not None] == [
        "name",
        "assignee",
        "due_on",
    ]
    assert [e.resource.gid for e in events if e.action == "added"] == gids(stories)

    # A no-op update changes nothing and tells nothing.
    client.tasks.update_task(task.gid, {"name": "Final"})
    assert len(list(client.stories.get_stories_for_task(task.gid))) == 3


def test_task_complete_sets_completed_at_and_by(
    client: asana.Client, ws: str, me: str, clock: Clock
) -> None:
    task = client.tasks.create_task({"name": "T", "workspace": ws})
    clock.now += 3600.5
    done = client.tasks.update_task(task.gid, {"completed": True})
    assert done.completed is True
    assert done.completed_at == iso(clock.now)
    assert done.completed_by is not None
    assert done.completed_by.gid == me
    assert done.modified_at == iso(clock.now)
    stories = list(client.stories.get_stories_for_task(task.gid))
    assert [s.resource_subtype for s in stories] == ["marked_complete"]
    reopened = client.tasks.update_task(task.gid, {"completed": False})
    assert (reopened.completed, reopened.completed_at, reopened.completed_by) == (
        False,
        None,
        None,
    )


def test_subtasks_and_set_parent(client: asana.Client, ws: str) -> None:
    parent = client.tasks.create_task({"name": "Parent", "workspace": ws})
    first = client.tasks.create_subtask_for_task(parent.gid, {"name": "first"})
    assert first.parent is not None
    assert first.parent.gid == parent.gid
    assert first.workspace.gid == ws
    loose = client.tasks.create_task({"name": "loose", "workspace": ws})
    moved = client.tasks.set_parent_for_task(loose.gid, {"parent": parent.gid})
    assert moved.parent is not None
    assert moved.parent.gid == parent.gid
    assert [t.name for t in client.tasks.get_subtasks_for_task(parent.gid)] == ["first", "loose"]
    client.tasks.set_parent_for_task(loose.gid, {"parent": parent.gid, "insert_before": first.gid})
    assert [t.name for t in client.tasks.get_subtasks_for_task(parent.gid)] == ["loose", "first"]
    assert client.tasks.get_task(parent.gid).num_subtasks == 2

    # A task cannot become its own ancestor.
    with pytest.raises(asana.InvalidRequestError):
        client.tasks.set_parent_for_task(parent.gid, {"parent": first.gid})

    client.tasks.delete_task(parent.gid)
    with pytest.raises(asana.NotFoundError):
        client.tasks.get_task(first.gid)


def test_task_followers(fake: FakeAsana, client: asana.Client, ws: str, me: str) -> None:
    ann, bob = add_users(fake, "Ann", "Bob")
    task = client.tasks.create_task({"name": "T", "workspace": ws})
    followed = client.tasks.add_followers_for_task(task.gid, {"followers": [ann, bob]})
    assert gids(followed.followers) == [me, ann, bob]
    unfollowed = client.tasks.remove_follower_for_task(task.gid, {"followers": [ann]})
    assert gids(unfollowed.followers) == [me, bob]
    assert gids(client.tasks.get_task(task.gid).followers) == [me, bob]


def test_task_tags(client: asana.Client, ws: str) -> None:
    tag = client.tags.create_tag_for_workspace(ws, {"name": "urgent"})
    task = client.tasks.create_task({"name": "T", "workspace": ws})
    other = client.tasks.create_task({"name": "O", "workspace": ws, "tags": [tag.gid]})
    assert gids(other.tags) == [tag.gid]
    client.tasks.add_tag_for_task(task.gid, {"tag": tag.gid})
    assert gids(client.tags.get_tags_for_task(task.gid)) == [tag.gid]
    assert gids(client.tasks.get_task(task.gid).tags) == [tag.gid]
    assert set(gids(client.tasks.get_tasks_for_tag(tag.gid))) == {task.gid, other.gid}
    client.tasks.remove_tag_for_task(task.gid, {"tag": tag.gid})
    assert list(client.tags.get_tags_for_task(task.gid)) == []
    assert gids(client.tasks.get_tasks_for_tag(tag.gid)) == [other.gid]


def test_task_add_and_remove_project(client: asana.Client, ws: str) -> None:
    home = client.projects.create_project_for_workspace(ws, {"name": "Home"})
    away = client.projects.create_project_for_workspace(ws, {"name": "Away"})
    later = client.sections.create_section_for_project(away.gid, {"name": "Later"})
    task = client.tasks.create_task({"name": "T", "projects": [home.gid]})

    client.tasks.add_project_for_task(task.gid, {"project": away.gid, "section": later.gid})
    fetched = client.tasks.get_task(task.gid)
    assert gids(fetched.projects) == [home.gid, away.gid]
    assert [(m.project.gid, m.section.name) for m in fetched.memberships] == [
        (home.gid, "Untitled section"),
        (away.gid, "Later"),
    ]
    assert gids(client.tasks.get_tasks_for_section(later.gid)) == [task.gid]
    stories = [s.resource_subtype for s in client.stories.get_stories_for_task(task.gid)]
    assert stories == ["added_to_project"]

    client.tasks.remove_project_for_task(task.gid, {"project": home.gid})
    fetched = client.tasks.get_task(task.gid)
    assert gids(fetched.projects) == [away.gid]
    assert [m.project.gid for m in fetched.memberships] == [away.gid]
    assert list(client.tasks.get_tasks_for_project(home.gid)) == []


def test_task_dependencies_both_ways(client: asana.Client, ws: str) -> None:
    task = client.tasks.create_task({"name": "T", "workspace": ws})
    blocker = client.tasks.create_task({"name": "B", "workspace": ws})
    other = client.tasks.create_task({"name": "O", "workspace": ws})
    client.tasks.add_dependencies_for_task(task.gid, {"dependencies": [blocker.gid]})
    client.tasks.add_dependents_for_task(task.gid, {"dependents": [other.gid]})
    assert gids(client.tasks.get_dependencies_for_task(task.gid)) == [blocker.gid]
    assert gids(client.tasks.get_dependents_for_task(blocker.gid)) == [task.gid]
    assert gids(client.tasks.get_dependents_for_task(task.gid)) == [other.gid]
    assert gids(client.tasks.get_dependencies_for_task(other.gid)) == [task.gid]
    with pytest.raises(asana.InvalidRequestError):
        client.tasks.add_dependencies_for_task(task.gid, {"dependencies": [task.gid]})

    client.tasks.remove_dependencies_for_task(task.gid, {"dependencies": [blocker.gid]})
    assert list(client.tasks.get_dependencies_for_task(task.gid)) == []
    assert list(client.tasks.get_dependents_for_task(blocker.gid)) == []


def test_tasks_pages_and_opt_fields(client: asana.Client, ws: str) -> None:
    project = client.projects.create_project_for_workspace(ws, {"name": "P"})
    for i in range(5):
        client.tasks.create_task({"name": f"T{i}", "projects": [project.gid]})
    names = [t.name for t in client.tasks.get_tasks_for_project(project.gid, page_size=2)]
    assert names == [f"T{i}" for i in range(5)]
    (first,) = client.tasks.get_tasks_for_project(
        project.gid, fields=["name", "memberships.section.name"], item_limit=1
    )
    assert first.name == "T0"
    assert [m.section.name for m in first.memberships] == ["Untitled section"]
    with pytest.raises(asana.FieldNotLoadedError):
        _ = first.notes


# -- stories -----------------------------------------------------------------------------------


def test_comments(fake: FakeAsana, client: asana.Client, ws: str, me: str, clock: Clock) -> None:
    (ann,) = add_users(fake, "Ann")
    task = client.tasks.create_task({"name": "T", "workspace": ws})
    comment = client.stories.create_story_for_task(task.gid, {"text": "Looks good"})
    assert (comment.type, comment.resource_subtype) == ("comment", "comment_added")
    assert comment.text == "Looks good"
    assert comment.html_text == "<body>Looks good</body>"
    assert comment.created_by is not None
    assert comment.created_by.gid == me
    assert comment.created_at == iso(clock.now)
    assert comment.target is not None
    assert comment.target.gid == task.gid
    assert gids(client.stories.get_stories_for_task(task.gid)) == [comment.gid]

    edited = client.stories.update_story(comment.gid, {"text": "Looks great"})
    assert (edited.text, edited.is_edited) == ("Looks great", True)
    assert client.stories.get_story(comment.gid).text == "Looks great"

    with fake.client(fake.store.records[ann]) as as_ann, pytest.raises(asana.ForbiddenError):
        as_ann.stories.update_story(comment.gid, {"text": "mine now"})

    client.stories.delete_story(comment.gid)
    assert list(client.stories.get_stories_for_task(task.gid)) == []

    client.tasks.update_task(task.gid, {"name": "Renamed"})
    (system,) = client.stories.get_stories_for_task(task.gid)
    with pytest.raises(asana.ForbiddenError):
        client.stories.delete_story(system.gid)
    with pytest.raises(asana.InvalidRequestError):
        client.stories.create_story_for_task(task.gid, {})


# -- tags --------------------------------------------------------------------------------------


def test_tags_create_update_delete(client: asana.Client, ws: str) -> None:
    a = client.tags.create_tag_for_workspace(ws, {"name": "a", "color": "dark-red"})
    b = client.tags.create_tag({"name": "b", "workspace": ws})
    assert (a.name, a.color) == ("a", "dark-red")
    assert a.workspace is not None
    assert a.workspace.gid == ws
    assert gids(client.tags.get_tags_for_workspace(ws)) == [a.gid, b.gid]
    assert gids(client.tags.get_tags({"workspace": ws})) == [a.gid, b.gid]
    assert client.tags.update_tag(b.gid, {"name": "bee"}).name == "bee"
    assert client.tags.get_tag(b.gid).name == "bee"
    client.tags.delete_tag(a.gid)
    assert gids(client.tags.get_tags_for_workspace(ws)) == [b.gid]
    with pytest.raises(asana.NotFoundError):
        client.tags.get_tag(a.gid)


# -- custom fields -----------------------------------------------------------------------------


def test_enum_custom_field_options_and_task_values(client: asana.Client, ws: str) -> None:
    field = client.custom_fields.create_custom_field(
        {
            "workspace": ws,
            "name": "Priority",
            "resource_subtype": "enum",
            "enum_options": [{"name": "High", "color": "red"}, {"name": "Low"}],
        }
    )
    assert field.resource_subtype == "enum"
    high, low = field.enum_options
    assert (high.name, high.color, high.enabled) == ("High", "red", True)
    assert low.name == "Low"
    assert gids(client.custom_fields.get_custom_fields_for_workspace(ws)) == [field.gid]

    mid = client.custom_fields.create_enum_option_for_custom_field(
        field.gid, {"name": "Mid", "insert_after": high.gid}
    )

    def names() -> list[str]:
        return [o.name for o in client.custom_fields.get_custom_field(field.gid).enum_options]

    assert names() == ["High", "Mid", "Low"]
    client.custom_fields.insert_enum_option_for_custom_field(
        field.gid, {"enum_option": low.gid, "before_enum_option": high.gid}
    )
    assert names() == ["Low", "High", "Mid"]
    renamed = client.custom_fields.update_enum_option(mid.gid, {"name": "Medium"})
    assert renamed.name == "Medium"
    assert names() == ["Low", "High", "Medium"]

    project = client.projects.create_project_for_workspace(ws, {"name": "P"})
    client.projects.add_custom_field_setting_for_project(
        project.gid, {"custom_field": field.gid, "is_important": True}
    )
    task = client.tasks.create_task(
        {"name": "T", "projects": [project.gid], "custom_fields": {field.gid: high.gid}}
    )
    (value,) = task.custom_fields
    assert value.gid == field.gid
    assert value.enum_value is not None
    assert value.enum_value.gid == high.gid
    assert value.display_value == "High"

    client.custom_fields.update_enum_option(low.gid, {"enabled": False})
    with pytest.raises(asana.InvalidRequestError):
        client.tasks.update_task(task.gid, {"custom_fields": {field.gid: low.gid}})
    untyped: Any = {"workspace": ws, "name": "X"}  # no resource_subtype, on purpose
    with pytest.raises(asana.InvalidRequestError):
        client.custom_fields.create_custom_field(untyped)


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


# -- OAuth -------------------------------------------------------------------------------------


OAUTH = "https://app.asana.com/-/oauth_"
REDIRECT = "https://example.com/callback"


@pytest.fixture
def oauth(fake: FakeAsana) -> Iterator[httpx.Client]:
    """Plain httpx on the fake (no redirects followed), with an app ``cid``/``csecret``."""
    fake.add_oauth_app("cid", "csecret", REDIRECT)
    with httpx.Client(transport=fake.transport()) as http:
        yield http


def authorize(http: httpx.Client, **extra: str) -> str:
    """The code the authorize endpoint sends back to the redirect URI."""
    query = {"client_id": "cid", "redirect_uri": REDIRECT, "response_type": "code"}
    response = http.get(f"{OAUTH}authorize", params={**query, "state": "s-1", **extra})
    assert response.status_code == 302, response.text
    location = urlsplit(response.headers["Location"])
    assert f"{location.scheme}://{location.netloc}{location.path}" == REDIRECT
    params = parse_qs(location.query)
    assert params["state"] == ["s-1"], "the state comes back unchanged"
    (code,) = params["code"]
    return code


def token_request(http: httpx.Client, **form: str) -> httpx.Response:
    return http.post(f"{OAUTH}token", data={"client_id": "cid", "client_secret": "csecret", **form})


def exchange(http: httpx.Client, code: str, **extra: str) -> httpx.Response:
    return token_request(
        http, grant_type="authorization_code", code=code, redirect_uri=REDIRECT, **extra
    )


def me_with(http: httpx.Client, token: str) -> httpx.Response:
    return http.get(f"{API}/users/me", headers={"Authorization": f"Bearer {token}"})


def test_oauth_code_exchange_gives_a_working_token(fake: FakeAsana, oauth: httpx.Client) -> None:
    code = authorize(oauth)
    response = exchange(oauth, code)
    assert response.status_code == 200, response.text
    assert response.headers["Cache-Control"] == "no-store"
    grant = response.json()
    assert grant["token_type"] == "bearer"
    assert grant["expires_in"] == 3600
    assert grant["refresh_token"]
    assert grant["data"]["gid"] == fake.me["gid"]
    assert grant["data"]["email"] == "fake.user@example.com"

    assert me_with(oauth, grant["access_token"]).json()["data"]["gid"] == fake.me["gid"]
    # The SDK takes an OAuth access token as it takes a personal access token.
    with (
        httpx.Client(transport=fake.transport()) as http,
        asana.Client.access_token(grant["access_token"], http_client=http) as as_app,
    ):
        assert as_app.users.get_user("me").gid == fake.me["gid"]

    reused = exchange(oauth, code)
    assert reused.status_code == 400
    assert reused.json()["error"] == "invalid_grant", "a code works once"


def test_oauth_client_credentials_are_checked(oauth: httpx.Client) -> None:
    code = authorize(oauth)
    wrong = oauth.post(
        f"{OAUTH}token",
        data={
            "grant_type": "authorization_code",
            "code": code,
            "redirect_uri": REDIRECT,
            "client_id": "cid",
            "client_secret": "nope",
        },
    )
    assert wrong.status_code == 401
    assert wrong.json()["error"] == "invalid_client"
    # HTTP Basic works as well as form credentials.
    basic = base64.b64encode(b"cid:csecret").decode()
    fresh = authorize(oauth)
    ok = oauth.post(
        f"{OAUTH}token",
        data={"grant_type": "authorization_code", "code": fresh, "redirect_uri": REDIRECT},
        headers={"Authorization": f"Basic {basic}"},
    )
    assert ok.status_code == 200, ok.text


def test_oauth_refresh_and_expiry(fake: FakeAsana, oauth: httpx.Client, clock: Clock) -> None:
    grant = exchange(oauth, authorize(oauth)).json()
    clock.now += grant["expires_in"]
    assert me_with(oauth, grant["access_token"]).status_code == 401, "expired"

    refreshed = token_request(
        oauth, grant_type="refresh_token", refresh_token=grant["refresh_token"]
    )
    assert refreshed.status_code == 200, refreshed.text
    body = refreshed.json()
    assert body["access_token"] != grant["access_token"]
    assert "refresh_token" not in body, "a refresh keeps the refresh token it was given"
    assert me_with(oauth, body["access_token"]).json()["data"]["gid"] == fake.me["gid"]

    bad = token_request(oauth, grant_type="refresh_token", refresh_token="2/nope")
    assert bad.status_code == 400
    assert bad.json()["error"] == "invalid_grant"


def test_oauth_revoke_ends_the_grant(oauth: httpx.Client) -> None:
    grant = exchange(oauth, authorize(oauth)).json()
    second = token_request(
        oauth, grant_type="refresh_token", refresh_token=grant["refresh_token"]
    ).json()
    revoked = oauth.post(
        f"{OAUTH}revoke",
        data={"token": grant["refresh_token"], "client_id": "cid", "client_secret": "csecret"},
    )
    assert revoked.status_code == 200
    for access in (grant["access_token"], second["access_token"]):
        response = me_with(oauth, access)
        assert response.status_code == 401
        assert response.json()["errors"][0]["message"] == "Not Authorized"
    again = token_request(oauth, grant_type="refresh_token", refresh_token=grant["refresh_token"])
    assert again.json()["error"] == "invalid_grant"


def test_oauth_revoking_one_access_token(oauth: httpx.Client) -> None:
    grant = exchange(oauth, authorize(oauth)).json()
    oauth.post(
        f"{OAUTH}revoke",
        data={"token": grant["access_token"], "client_id": "cid", "client_secret": "csecret"},
    )
    assert me_with(oauth, grant["access_token"]).status_code == 401
    refreshed = token_request(
        oauth, grant_type="refresh_token", refresh_token=grant["refresh_token"]
    )
    assert refreshed.status_code == 200, "the refresh token outlives its access tokens"


def pkce_pair(verifier: str) -> str:
    digest = hashlib.sha256(verifier.encode()).digest()
    return base64.urlsafe_b64encode(digest).decode().rstrip("=")


def test_oauth_pkce_s256(fake: FakeAsana, oauth: httpx.Client) -> None:
    verifier = "v" * 20 + "-._~" + "0123456789abcdefghijklmn"
    challenge = pkce_pair(verifier)
    pkce = {"code_challenge": challenge, "code_challenge_method": "S256"}

    mismatch = exchange(oauth, authorize(oauth, **pkce), code_verifier=verifier[::-1])
    assert mismatch.status_code == 400
    assert mismatch.json()["error"] == "invalid_grant"
    missing = exchange(oauth, authorize(oauth, **pkce))
    assert missing.json()["error"] == "invalid_grant", "a PKCE code needs its verifier"

    ok = exchange(oauth, authorize(oauth, **pkce), code_verifier=verifier)
    assert ok.status_code == 200, ok.text
    assert me_with(oauth, ok.json()["access_token"]).json()["data"]["gid"] == fake.me["gid"]


def test_oauth_authorize_refuses_bad_requests(oauth: httpx.Client) -> None:
    base = {"client_id": "cid", "redirect_uri": REDIRECT, "response_type": "code", "state": "s"}
    unknown = oauth.get(f"{OAUTH}authorize", params={**base, "client_id": "other"})
    assert unknown.status_code == 400
    assert unknown.json()["error"] == "invalid_client"
    elsewhere = oauth.get(
        f"{OAUTH}authorize", params={**base, "redirect_uri": "https://evil.example/cb"}
    )
    assert elsewhere.status_code == 400, "never redirect to a URI the app did not register"
    plain = oauth.get(
        f"{OAUTH}authorize",
        params={**base, "code_challenge": "x" * 43, "code_challenge_method": "plain"},
    )
    assert plain.status_code == 302
    assert parse_qs(urlsplit(plain.headers["Location"]).query)["error"] == ["invalid_request"]


def test_oauth_works_over_the_async_transport(fake: FakeAsana) -> None:
    fake.add_oauth_app("cid", "csecret", REDIRECT)

    async def flow() -> int:
        async with httpx.AsyncClient(transport=fake.async_transport()) as http:
            query = {
                "client_id": "cid",
                "redirect_uri": REDIRECT,
                "response_type": "code",
                "state": "s",
            }
            redirect = await http.get(f"{OAUTH}authorize", params=query)
            (code,) = parse_qs(urlsplit(redirect.headers["Location"]).query)["code"]
            grant = await http.post(
                f"{OAUTH}token",
                data={
                    "grant_type": "authorization_code",
                    "code": code,
                    "redirect_uri": REDIRECT,
                    "client_id": "cid",
                    "client_secret": "csecret",
                },
            )
            token = grant.json()["access_token"]
            me = await http.get(f"{API}/users/me", headers={"Authorization": f"Bearer {token}"})
            return me.status_code

    assert asyncio.run(flow()) == 200


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
