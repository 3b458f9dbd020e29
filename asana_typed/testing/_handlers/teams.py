"""Teams: create, read, update, list (per workspace, per user) and membership.

A member is a ``team_membership`` record (``user``, ``team``, ``is_admin``, ...), which is
what ``POST /teams/{gid}/addUser`` answers with; the creator of a team is its first admin.
"""

from __future__ import annotations

import html
import re
from typing import Any

from .._app import Reply, Request, empty, many, one, route
from .._store import ApiError, Record, Ref, Store
from ._common import (
    boolean,
    choice,
    gid,
    in_workspace,
    require_workspace,
    required_gid,
    text,
    user_for,
)

__all__ = ["is_member", "membership", "require_team", "team_members"]

VISIBILITY = ("secret", "request_to_join", "public")
ACCESS_LEVELS = ("all_team_members", "only_team_admins")
# Settings the API may write, with their defaults for a new team.
SETTINGS: dict[str, tuple[tuple[str, ...], str]] = {
    "edit_team_name_or_description_access_level": (ACCESS_LEVELS, "all_team_members"),
    "edit_team_visibility_or_trash_team_access_level": (ACCESS_LEVELS, "all_team_members"),
    "member_invite_management_access_level": (ACCESS_LEVELS, "all_team_members"),
    "guest_invite_management_access_level": (ACCESS_LEVELS, "all_team_members"),
    "join_request_management_access_level": (ACCESS_LEVELS, "all_team_members"),
    "team_member_removal_access_level": (ACCESS_LEVELS, "all_team_members"),
    "team_content_management_access_level": (
        ("no_restriction", "only_team_admins"),
        "no_restriction",
    ),
}


# -- helpers other handlers use ------------------------------------------------------------


def membership(store: Store, team: Record, user: Record) -> Record | None:
    """The ``team_membership`` of ``user`` in ``team``, if any."""
    found = store.find(
        "team_membership",
        lambda m: m["team"] == Ref(team["gid"]) and m["user"] == Ref(user["gid"]),
    )
    return found[0] if found else None


def is_member(store: Store, team: Record, user: Record | None) -> bool:
    """Whether ``user`` has a membership in ``team``."""
    return user is not None and membership(store, team, user) is not None


def team_members(store: Store, team: Record) -> list[Record]:
    """The team's users, sorted by name as Asana lists them."""
    gids = [
        m["user"].gid
        for m in store.find("team_membership", lambda m: m["team"] == Ref(team["gid"]))
    ]
    users = [store.records[g] for g in gids if g in store.records]
    return sorted(users, key=lambda u: str(u.get("name", "")).lower())


def visible(store: Store, team: Record, user: Record | None) -> bool:
    """Whether ``user`` may see ``team``: a workspace member, and a member if it is secret."""
    if not in_workspace(user, team["organization"].gid):
        return False
    return team.get("visibility") != "secret" or is_member(store, team, user)


def require_team(request: Request, team_gid: str, *, member: bool = False) -> Record:
    """The team ``team_gid`` (404), visible to the caller, and theirs if ``member`` (403)."""
    store = request.fake.store
    team = store.get(team_gid, "team")
    if not visible(store, team, request.user) or (
        member and not is_member(store, team, request.user)
    ):
        raise ApiError(403, f"You do not have access to team {team_gid}")
    return team


# -- handlers --------------------------------------------------------------------------


def _settings(data: dict[str, Any], *, creating: bool) -> dict[str, Any]:
    """The writable fields of a team request (defaults filled in when ``creating``)."""
    fields: dict[str, Any] = {}
    if data.get("html_description") is not None:  # the two descriptions kept in step
        rich = text(data, "html_description") or ""
        fields["description"] = html.unescape(re.sub(r"<[^>]+>", "", rich))
        fields["html_description"] = rich
    elif "description" in data or creating:
        plain = text(data, "description") or ""
        fields["description"] = plain
        fields["html_description"] = f"<body>{html.escape(plain, quote=False)}</body>"
    visibility = choice(data, "visibility", VISIBILITY)
    if visibility is not None or creating:
        fields["visibility"] = visibility or "request_to_join"
    for name, (options, default) in SETTINGS.items():
        value = choice(data, name, options)
        if value is not None or creating:
            fields[name] = value or default
    endorsed = boolean(data, "endorsed")
    if endorsed is not None or creating:
        fields["endorsed"] = bool(endorsed)
    return fields


@route("POST", "/teams")
def create_team(request: Request) -> Reply:
    """Create a team in ``organization``; the caller becomes its first (admin) member."""
    data = request.data()
    name = text(data, "name", required=True)
    org_gid = required_gid(data, "organization")
    assert request.user is not None
    store = request.fake.store
    workspace = store.get(org_gid, "workspace")
    require_workspace(request, workspace)
    team = store.add(
        "team",
        name=name,
        organization=Ref(workspace["gid"]),
        **_settings(data, creating=True),
        permalink_url="",
        custom_field_settings=[],
    )
    team["permalink_url"] = f"https://app.asana.com/0/resource/{team['gid']}/list"
    _add_member(request, team, request.user, admin=True)
    request.fake.record_event(
        team, "added", targets=[team["gid"], workspace["gid"]], user=request.user
    )
    return one(request, team, 201)


@route("GET", "/teams/{team_gid}")
def get_team(request: Request, team_gid: str) -> Reply:
    return one(request, require_team(request, team_gid))


@route("PUT", "/teams/{team_gid}")
def update_team(request: Request, team_gid: str) -> Reply:
    """Team members change the name, description and settings; one event per field."""
    data = request.data()
    team = require_team(request, team_gid, member=True)
    changes = _settings(data, creating=False)
    name = text(data, "name")
    if "name" in data and not (name or "").strip():
        raise ApiError(400, "name: Missing input")
    if name is not None:
        changes["name"] = name
    org = gid(data, "organization")
    if org is not None and org != team["organization"].gid:
        raise ApiError(400, "organization: Cannot change the organization of a team")
    for field, value in changes.items():
        if team.get(field) != value:
            team[field] = value
            request.fake.record_event(
                team,
                "changed",
                targets=[team["gid"], team["organization"].gid],
                user=request.user,
                change={"field": field, "action": "changed"},
            )
    return one(request, team)


@route("GET", "/workspaces/{workspace_gid}/teams")
def get_teams_for_workspace(request: Request, workspace_gid: str) -> Reply:
    """The workspace's teams the caller may see (secret ones only to members)."""
    store = request.fake.store
    workspace = store.get(workspace_gid, "workspace")
    require_workspace(request, workspace)
    teams = store.find(
        "team",
        lambda t: t["organization"] == Ref(workspace_gid) and visible(store, t, request.user),
    )
    return many(request, teams)


@route("GET", "/users/{user_gid}/teams")
def get_teams_for_user(request: Request, user_gid: str) -> Reply:
    """The teams of ``user`` in ``organization`` (required, as in Asana)."""
    org_gid = request.param("organization", required=True)
    assert org_gid is not None
    store = request.fake.store
    user = user_for(request, user_gid, "user")
    workspace = store.get(org_gid, "workspace")
    require_workspace(request, workspace)
    teams = store.find(
        "team",
        lambda t: (
            t["organization"] == Ref(org_gid)
            and is_member(store, t, user)
            and visible(store, t, request.user)
        ),
    )
    return many(request, teams)


def _add_member(request: Request, team: Record, user: Record, *, admin: bool) -> Record:
    """The membership of ``user`` in ``team``, made (with an event) unless it exists."""
    store = request.fake.store
    existing = membership(store, team, user)
    if existing is not None:
        return existing
    record = store.add(
        "team_membership",
        user=Ref(user["gid"]),
        team=Ref(team["gid"]),
        is_guest=False,
        is_limited_access=False,
        is_admin=admin,
    )
    request.fake.record_event(
        user,
        "added",
        targets=[team["gid"]],
        user=request.user,
        parent=team,
    )
    return record


@route("POST", "/teams/{team_gid}/addUser")
def add_user_for_team(request: Request, team_gid: str) -> Reply:
    """A member adds anyone of the organization; anyone may join a non-secret team."""
    data = request.data()
    ident = required_gid(data, "user")
    team = require_team(request, team_gid)
    user = user_for(request, ident, "user")
    joining = request.user is not None and user["gid"] == request.user["gid"]
    if not is_member(request.fake.store, team, request.user) and not joining:
        raise ApiError(403, f"You do not have access to team {team_gid}")
    if not in_workspace(user, team["organization"].gid):
        raise ApiError(
            400, f"user: User {user['gid']} is not in workspace {team['organization'].gid}"
        )
    return one(request, _add_member(request, team, user, admin=False))


@route("POST", "/teams/{team_gid}/removeUser")
def remove_user_for_team(request: Request, team_gid: str) -> Reply:
    """A member removes anyone; anyone may leave. Not a member: nothing happens."""
    data = request.data()
    ident = required_gid(data, "user")
    team = require_team(request, team_gid)
    user = user_for(request, ident, "user")
    store = request.fake.store
    leaving = request.user is not None and user["gid"] == request.user["gid"]
    if not is_member(store, team, request.user) and not leaving:
        raise ApiError(403, f"You do not have access to team {team_gid}")
    existing = membership(store, team, user)
    if existing is not None:
        store.delete(existing["gid"])
        request.fake.record_event(
            user, "removed", targets=[team["gid"]], user=request.user, parent=team
        )
    return empty()


@route("GET", "/teams/{team_gid}/users")
def get_users_for_team(request: Request, team_gid: str) -> Reply:
    """The members, sorted by name and limited to 2000, unpaginated, as Asana."""
    team = require_team(request, team_gid)
    return many(request, team_members(request.fake.store, team)[:2000], paginate=False)
