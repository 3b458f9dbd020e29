"""``FakeAsana`` tasks, stories, tags and custom fields, through the SDK.

Each test starts from a fresh fake (one workspace, ``fake.me``) with a hand-moved clock,
and checks what Asana would do: the records, their links both ways, the system stories
and events a change leaves.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

import asana_typed as asana
from asana_typed.testing import FakeAsana
from tests.conftest import Clock
from tests.fake_helpers import add_users, gids, iso

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
