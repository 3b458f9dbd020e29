"""``FakeAsana`` teams, projects and sections, through the SDK as a user's tests would drive it."""

from __future__ import annotations

import datetime as dt

import pytest

import asana_typed as asana
from asana_typed.testing import FakeAsana
from tests.conftest import Clock
from tests.fake_helpers import add_users, gids, iso

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
