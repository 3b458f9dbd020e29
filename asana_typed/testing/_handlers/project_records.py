"""The project record: who may see it, its writable fields, its sections (no routes here).

``projects.py`` serves the project endpoints on these helpers; ``sections.py`` uses them
for access and section order (the project's hidden ``_sections``, a list of gids).
"""

from __future__ import annotations

import html
import re
from typing import Any

from .._app import Request
from .._store import ApiError, Record, Ref, Store
from ._common import boolean, choice, date, gid, in_workspace, now_iso, place, text, user_for
from .teams import is_member

__all__ = [
    "PRIVACY",
    "add_section",
    "can_see",
    "project_fields",
    "require_project",
    "targets",
]

PRIVACY = ("public_to_workspace", "private_to_team", "private")
COLORS = (
    "dark-pink", "dark-green", "dark-blue", "dark-red", "dark-teal", "dark-brown",
    "dark-orange", "dark-purple", "dark-warm-gray", "light-pink", "light-green", "light-blue",
    "light-red", "light-teal", "light-brown", "light-orange", "light-purple",
    "light-warm-gray", "none",
)  # fmt: skip
ICONS = (
    "list", "board", "timeline", "calendar", "rocket", "people", "graph", "star", "bug",
    "light_bulb", "globe", "gear", "notebook", "computer", "check", "target", "html",
    "megaphone", "chat_bubbles", "briefcase", "page_layout", "mountain_flag", "puzzle",
    "presentation", "line_and_symbols", "speed_dial", "ribbon", "shoe", "shopping_basket",
    "map", "ticket", "coins",
)  # fmt: skip
ADMIN_OR_EDITOR = ("admin", "editor")
# Enum fields a request may write: (name, allowed values, whether null is allowed).
CHOICES = (
    ("color", COLORS, True),
    ("icon", ICONS, True),
    ("default_view", ("list", "board", "calendar", "timeline"), False),
    ("default_access_level", ("admin", "editor", "commenter", "viewer"), False),
    ("minimum_access_level_for_customization", ADMIN_OR_EDITOR, False),
    ("minimum_access_level_for_sharing", ADMIN_OR_EDITOR, False),
)


def can_see(store: Store, project: Record, user: Record | None) -> bool:
    """Asana's visibility: workspace members see public projects; private ones need a
    membership (of the project, or of its team for ``private_to_team``)."""
    if user is None or not in_workspace(user, project["workspace"].gid):
        return False
    if Ref(user["gid"]) in project["members"] or project["privacy_setting"] == PRIVACY[0]:
        return True
    team = store.records.get(project["team"].gid) if project.get("team") else None
    if project["privacy_setting"] != PRIVACY[1] or team is None:
        return False
    return is_member(store, team, user)


def require_project(request: Request, project_gid: str) -> Record:
    """The project ``project_gid`` (404) if the caller may see it (403)."""
    project = request.fake.store.get(project_gid, "project")
    if not can_see(request.fake.store, project, request.user):
        raise ApiError(403, f"You do not have access to project {project_gid}")
    return project


def targets(project: Record) -> list[str]:
    """Who hears of a project's events: the project, its workspace and its team."""
    out = [project["gid"], project["workspace"].gid]
    if project.get("team"):
        out.append(project["team"].gid)
    return out


def add_section(
    request: Request,
    project: Record,
    name: str,
    *,
    before: str | None = None,
    after: str | None = None,
) -> Record:
    """A new section of ``project``, placed before/after another (else at the end)."""
    section = request.fake.store.add(
        "section",
        name=name,
        created_at=now_iso(request.fake),
        project=Ref(project["gid"]),
        projects=[Ref(project["gid"])],
    )
    place(project["_sections"], section["gid"], before=before, after=after)
    request.fake.record_event(
        section,
        "added",
        targets=[section["gid"], project["gid"]],
        user=request.user,
        parent=project,
    )
    return section


def _notes(data: dict[str, Any]) -> dict[str, str]:
    """``notes`` and ``html_notes`` kept in step, whichever the request wrote."""
    if data.get("html_notes") is not None:
        rich = text(data, "html_notes") or ""
        return {"notes": html.unescape(re.sub(r"<[^>]+>", "", rich)), "html_notes": rich}
    if "notes" in data:
        plain = text(data, "notes") or ""
        return {"notes": plain, "html_notes": f"<body>{html.escape(plain, quote=False)}</body>"}
    return {}


def project_fields(
    request: Request, data: dict[str, Any], project: Record | None, *, has_team: bool
) -> dict[str, Any]:
    """The fields a create/update body writes, checked (400) and converted; ``due_date``
    and ``due_on`` are one field, ``public`` follows ``privacy_setting`` (and vice versa)."""
    out: dict[str, Any] = {}
    if "name" in data:
        out["name"] = text(data, "name") or ""
    out.update(_notes(data))
    if "archived" in data:
        out["archived"] = bool(boolean(data, "archived"))
    for name, options, nullable in CHOICES:
        if name in data:
            out[name] = choice(data, name, options, nullable=nullable)
    for name in ("due_date", "due_on", "start_on"):
        if name in data:
            out["due_on" if name == "due_date" else name] = date(data, name)
    if "due_on" in out:
        out["due_date"] = out["due_on"]
    if "owner" in data:
        owner = gid(data, "owner")
        out["owner"] = Ref(user_for(request, owner, "owner")["gid"]) if owner else None
    privacy = choice(data, "privacy_setting", PRIVACY)
    public = boolean(data, "public")
    if privacy is None and public is not None:
        privacy = PRIVACY[0] if public else (PRIVACY[1] if has_team else PRIVACY[2])
    if privacy is not None:
        out["privacy_setting"] = privacy
        out["public"] = privacy == PRIVACY[0]
    after = {**(project or {}), **out}
    if after.get("start_on") and not after.get("due_on"):
        raise ApiError(400, "start_on: A start date requires a due date (due_on)")
    if after.get("start_on") and after["start_on"] > after["due_on"]:
        raise ApiError(400, "start_on: The start date must not be after the due date")
    return out
