"""Projects: create (three ways), read, update, delete, list, people, custom field settings.

A project record is what ``ProjectResponse`` describes: ``members``, ``followers``,
``owner``, ``team`` and ``workspace`` are ``Ref``s; ``custom_field_settings`` lists the
``custom_field_setting`` records themselves (so a full project shows them whole). Tasks
are not listed here: a task names its projects (``projects``, ``memberships``).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from .._app import Reply, Request, empty, many, one, route
from .._store import ApiError, Record, Ref
from . import custom_fields
from ._common import (
    add_refs,
    boolean,
    gid,
    gid_list,
    in_workspace,
    now_iso,
    place,
    refs,
    require_workspace,
    required_gid,
    users_for,
)
from .project_records import (
    PRIVACY,
    add_section,
    can_see,
    project_fields,
    require_project,
    targets,
)
from .teams import require_team

# -- create --------------------------------------------------------------------------------


def _new_project(
    request: Request, data: dict[str, Any], workspace_gid: str | None, team_gid: str | None
) -> Reply:
    """Create a project in a workspace and/or team (both routes' bodies lead here)."""
    assert request.user is not None
    store = request.fake.store
    team = require_team(request, team_gid, member=True) if team_gid else None
    workspace_gid = workspace_gid or (team["organization"].gid if team else None)
    if workspace_gid is None:
        raise ApiError(400, "workspace: Missing input")
    workspace = store.get(workspace_gid, "workspace")
    require_workspace(request, workspace)
    if team is not None and team["organization"].gid != workspace_gid:
        raise ApiError(400, f"team: Team {team['gid']} is not in workspace {workspace_gid}")
    if team is None and workspace.get("is_organization"):
        raise ApiError(400, "team: Missing input (projects in an organization need a team)")
    fields = project_fields(request, data, None, has_team=team is not None)
    followers = refs(users_for(request, gid_list(data, "followers"), "followers"))
    me = Ref(request.user["gid"])
    stamp = now_iso(request.fake)
    privacy = fields.get("privacy_setting", PRIVACY[0])
    due_on = fields.get("due_on")
    # Opt-in fields (project_brief, created_from_template) are left out, as Asana does.
    project = store.add(
        "project",
        name=fields.get("name", ""),
        archived=fields.get("archived", False),
        color=fields.get("color", "none"),
        completed=False,
        completed_at=None,
        completed_by=None,
        created_at=stamp,
        current_status=None,
        current_status_update=None,
        custom_field_settings=[],
        custom_fields=[],
        default_access_level=fields.get("default_access_level", "editor"),
        default_view=fields.get("default_view", "list"),
        due_date=due_on,
        due_on=due_on,
        followers=add_refs([me], followers),
        html_notes=fields.get("html_notes", "<body></body>"),
        icon=fields.get("icon", "list"),
        members=add_refs([me], followers),
        minimum_access_level_for_customization=fields.get(
            "minimum_access_level_for_customization", "admin"
        ),
        minimum_access_level_for_sharing=fields.get("minimum_access_level_for_sharing", "admin"),
        modified_at=stamp,
        notes=fields.get("notes", ""),
        owner=fields.get("owner", me),
        permalink_url="",
        privacy_setting=privacy,
        public=privacy == PRIVACY[0],
        start_on=fields.get("start_on"),
        team=Ref(team["gid"]) if team else None,
        workspace=Ref(workspace_gid),
        _sections=[],
    )
    project["permalink_url"] = f"https://app.asana.com/0/{project['gid']}/{project['gid']}"
    request.fake.record_event(
        project, "added", targets=targets(project), user=request.user, parent=team or workspace
    )
    if project["default_view"] == "list":  # Asana starts a list project with one section
        add_section(request, project, "Untitled section")
    return one(request, project, 201)


@route("POST", "/projects")
def create_project(request: Request) -> Reply:
    data = request.data()
    return _new_project(request, data, gid(data, "workspace"), gid(data, "team"))


@route("POST", "/workspaces/{workspace_gid}/projects")
def create_project_for_workspace(request: Request, workspace_gid: str) -> Reply:
    data = request.data()
    return _new_project(request, data, workspace_gid, gid(data, "team"))


@route("POST", "/teams/{team_gid}/projects")
def create_project_for_team(request: Request, team_gid: str) -> Reply:
    return _new_project(request, request.data(), None, team_gid)


# -- read, update, delete ------------------------------------------------------------------


@route("GET", "/projects/{project_gid}")
def get_project(request: Request, project_gid: str) -> Reply:
    return one(request, require_project(request, project_gid))


def _changed(request: Request, project: Record, field: str, **change: Any) -> None:
    """Bump ``modified_at`` and record a ``changed`` event for ``field``."""
    project["modified_at"] = now_iso(request.fake)
    request.fake.record_event(
        project,
        "changed",
        targets=targets(project),
        user=request.user,
        change={"field": field, "action": "changed", **change},
    )


@route("PUT", "/projects/{project_gid}")
def update_project(request: Request, project_gid: str) -> Reply:
    """Change the fields the body names; one ``changed`` event per changed field."""
    data = request.data()
    project = require_project(request, project_gid)
    if gid(data, "workspace") not in (None, project["workspace"].gid):
        raise ApiError(400, "workspace: A project cannot be moved to another workspace")
    team = None
    if "team" in data:
        team = require_team(request, required_gid(data, "team"), member=True)
        if team["organization"] != project["workspace"]:
            raise ApiError(400, f"team: Team {team['gid']} is not in this project's workspace")
    has_team = team is not None or project["team"] is not None
    changes = project_fields(request, data, project, has_team=has_team)
    if team is not None:
        changes["team"] = Ref(team["gid"])
    followers = users_for(request, gid_list(data, "followers"), "followers")
    for field, value in changes.items():
        if project.get(field) != value:
            project[field] = value
            if field != "due_date":  # one field, told once (as due_on)
                extra = {"new_value": value} if isinstance(value, Ref) else {}
                _changed(request, project, field, **extra)
    _add_people(request, project, followers, ("members", "followers"))
    return one(request, project)


@route("DELETE", "/projects/{project_gid}")
def delete_project(request: Request, project_gid: str) -> Reply:
    """Delete the project with its sections and settings; its tasks stay, unlinked."""
    project = require_project(request, project_gid)
    store = request.fake.store
    for section_gid in project["_sections"]:
        store.records.pop(section_gid, None)
    for setting in project["custom_field_settings"]:
        store.records.pop(setting["gid"], None)
    me = Ref(project_gid)
    for task in store.find("task", lambda t: me in t.get("projects", [])):
        task["projects"] = [p for p in task["projects"] if p != me]
        task["memberships"] = [m for m in task.get("memberships", []) if m.get("project") != me]
    store.delete(project_gid)
    request.fake.record_event(project, "deleted", targets=targets(project), user=request.user)
    return empty()


# -- lists ---------------------------------------------------------------------------------


def _listed(request: Request, where: Callable[[Record], bool]) -> Reply:
    """The projects ``where`` picks that the caller may see, filtered by ``archived``."""
    store = request.fake.store
    archived = request.flag("archived")
    projects = store.find(
        "project",
        lambda p: (
            where(p)
            and (archived is None or p["archived"] == archived)
            and can_see(store, p, request.user)
        ),
    )
    return many(request, projects)


@route("GET", "/projects")
def get_projects(request: Request) -> Reply:
    """Filter by workspace/team/archived; without either, only a one-workspace user."""
    assert request.user is not None
    workspace_gid = request.param("workspace")
    team_gid = request.param("team")
    if team_gid is not None:
        require_team(request, team_gid)
    if workspace_gid is not None:
        require_workspace(request, request.fake.store.get(workspace_gid, "workspace"))
    elif team_gid is None and len(request.user.get("workspaces", [])) > 1:
        raise ApiError(
            400,
            "This request accesses data in multiple workspaces. Please specify a workspace "
            "or team.",
        )

    def where(p: Record) -> bool:
        """Whether ``p`` matches the workspace and team filters."""
        in_workspace = workspace_gid is None or p["workspace"] == Ref(workspace_gid)
        return in_workspace and (team_gid is None or p["team"] == Ref(team_gid))

    return _listed(request, where)


@route("GET", "/workspaces/{workspace_gid}/projects")
def get_projects_for_workspace(request: Request, workspace_gid: str) -> Reply:
    require_workspace(request, request.fake.store.get(workspace_gid, "workspace"))
    return _listed(request, lambda p: p["workspace"] == Ref(workspace_gid))


@route("GET", "/teams/{team_gid}/projects")
def get_projects_for_team(request: Request, team_gid: str) -> Reply:
    require_team(request, team_gid)
    return _listed(request, lambda p: p["team"] == Ref(team_gid))


# -- people --------------------------------------------------------------------------------


def _people(request: Request, project: Record, name: str) -> list[Record]:
    """The users a comma-separated ``members``/``followers`` string names (400 if outsiders)."""
    users = users_for(request, gid_list(request.data(), name, required=True), name)
    for user in users:
        if not in_workspace(user, project["workspace"].gid):
            raise ApiError(400, f"{name}: User {user['gid']} is not in this project's workspace")
    return users


def _add_people(
    request: Request, project: Record, users: list[Record], fields: tuple[str, ...]
) -> None:
    """Add ``users`` to each of ``fields`` (members/followers), telling each change."""
    for field in fields:
        for ref in refs(users):
            if ref not in project[field]:
                project[field] = [*project[field], ref]
                _changed(request, project, field, action="added", added_value=ref)


def _remove_people(
    request: Request, project: Record, users: list[Record], fields: tuple[str, ...]
) -> None:
    """Remove ``users`` from each of ``fields``, telling each change."""
    for field in fields:
        for ref in refs(users):
            if ref in project[field]:
                project[field] = [r for r in project[field] if r != ref]
                _changed(request, project, field, action="removed", removed_value=ref)


@route("POST", "/projects/{project_gid}/addMembers")
def add_members_for_project(request: Request, project_gid: str) -> Reply:
    project = require_project(request, project_gid)
    _add_people(request, project, _people(request, project, "members"), ("members",))
    return one(request, project)


@route("POST", "/projects/{project_gid}/removeMembers")
def remove_members_for_project(request: Request, project_gid: str) -> Reply:
    project = require_project(request, project_gid)
    users = _people(request, project, "members")  # followers are a subset of members
    _remove_people(request, project, users, ("members", "followers"))
    return one(request, project)


@route("POST", "/projects/{project_gid}/addFollowers")
def add_followers_for_project(request: Request, project_gid: str) -> Reply:
    project = require_project(request, project_gid)
    users = _people(request, project, "followers")  # a new follower becomes a member too
    _add_people(request, project, users, ("members", "followers"))
    return one(request, project)


@route("POST", "/projects/{project_gid}/removeFollowers")
def remove_followers_for_project(request: Request, project_gid: str) -> Reply:
    project = require_project(request, project_gid)
    _remove_people(request, project, _people(request, project, "followers"), ("followers",))
    return one(request, project)


# -- custom field settings and task counts -------------------------------------------------


def _setting_gid(project: Record, ident: str | None, name: str) -> str | None:
    """A setting named by its gid (or, leniently, by its custom field's gid)."""
    if ident is None:
        return None
    for setting in project["custom_field_settings"]:
        if ident in (setting["gid"], setting["custom_field"].gid):
            return str(setting["gid"])
    raise ApiError(400, f"{name}: {ident} is not a custom field setting of this project")


@route("POST", "/projects/{project_gid}/addCustomFieldSetting")
def add_custom_field_setting_for_project(request: Request, project_gid: str) -> Reply:
    """Put a field (a gid, or a new field's body) on the project."""
    data = request.data()
    project = require_project(request, project_gid)
    before = _setting_gid(project, gid(data, "insert_before"), "insert_before")
    after = _setting_gid(project, gid(data, "insert_after"), "insert_after")
    if before is not None and after is not None:
        raise ApiError(400, "insert_before and insert_after cannot both be specified")
    important = boolean(data, "is_important")
    if isinstance(data.get("custom_field"), dict):  # a new field, created on the way
        new = {"workspace": project["workspace"].gid, **data["custom_field"]}
        field = custom_fields.create_field(request, new)
    else:
        field = custom_fields.require_field(request, required_gid(data, "custom_field"))
    if field["_workspace"] != project["workspace"].gid:
        raise ApiError(400, f"custom_field: {field['gid']} is not in this project's workspace")
    if any(s["custom_field"] == Ref(field["gid"]) for s in project["custom_field_settings"]):
        raise ApiError(400, f"custom_field: {field['gid']} is already on this project")
    setting = request.fake.store.add(
        "custom_field_setting",
        project=Ref(project_gid),
        is_important=bool(important),
        parent=Ref(project_gid),
        custom_field=Ref(field["gid"]),
    )
    by_gid = {s["gid"]: s for s in [*project["custom_field_settings"], setting]}
    order = [s["gid"] for s in project["custom_field_settings"]]
    place(order, setting["gid"], before=before, after=after)
    project["custom_field_settings"] = [by_gid[g] for g in order]
    added = Ref(field["gid"])
    _changed(request, project, "custom_field_settings", action="added", added_value=added)
    return one(request, setting)


@route("POST", "/projects/{project_gid}/removeCustomFieldSetting")
def remove_custom_field_setting_for_project(request: Request, project_gid: str) -> Reply:
    data = request.data()
    project = require_project(request, project_gid)
    field = Ref(required_gid(data, "custom_field"))
    gone = [s for s in project["custom_field_settings"] if s["custom_field"] == field]
    if not gone:
        request.fake.store.get(field.gid, "custom_field")
        raise ApiError(400, f"custom_field: {field.gid} is not on this project")
    project["custom_field_settings"] = [
        s for s in project["custom_field_settings"] if s["custom_field"] != field
    ]
    for setting in gone:
        request.fake.store.records.pop(setting["gid"], None)
    _changed(request, project, "custom_field_settings", action="removed", removed_value=field)
    return empty()


@route("GET", "/projects/{project_gid}/custom_field_settings")
def get_custom_field_settings_for_project(request: Request, project_gid: str) -> Reply:
    project = require_project(request, project_gid)
    settings = project["custom_field_settings"]
    reply = many(request, settings)
    if request.opt_fields() is None:
        # Asana lists settings with their fields, not as bare compact records.
        by_gid = {s["gid"]: s for s in settings}
        reply.body["data"] = [request.render(by_gid[s["gid"]]) for s in reply.body["data"]]
    return reply


@route("GET", "/projects/{project_gid}/task_counts")
def get_task_counts_for_project(request: Request, project_gid: str) -> Reply:
    """Counts of the project's tasks, only those opt_fields ask for."""
    require_project(request, project_gid)
    tasks = request.fake.store.find("task", lambda t: Ref(project_gid) in t.get("projects", []))
    milestones = [t for t in tasks if t.get("resource_subtype") == "milestone"]
    counts = {
        "num_tasks": len(tasks),
        "num_incomplete_tasks": sum(1 for t in tasks if not t.get("completed")),
        "num_completed_tasks": sum(1 for t in tasks if t.get("completed")),
        "num_milestones": len(milestones),
        "num_incomplete_milestones": sum(1 for t in milestones if not t.get("completed")),
        "num_completed_milestones": sum(1 for t in milestones if t.get("completed")),
    }
    # Asana leaves every count out unless opt_fields asks for it.
    wanted = request.opt_fields() or []
    return Reply(200, {"data": {k: v for k, v in counts.items() if k in wanted}})
