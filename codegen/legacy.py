# ruff: noqa: E501  (the table rows are transcribed one per line, as in the reference)
"""The old hand-written client's method names, as data for the API generator.

``TABLE`` transcribes ``reference/legacy-method-names.md`` row by row: the section (the
client attribute the name lives on), the legacy name, its verb and path (placeholders are
the old argument names), what it returned and its arguments. ``codegen/api_legacy.py``
matches each row's verb and path against the spec: a match on the same class becomes an
alias (``find_by_id = get_task``), a match on another class a full method under the legacy
name.

Rows whose verb and path are not in the spec are handled by ``SPECIAL``, each with a
one-line reason; ``ALIAS`` rows name another legacy method of the same section.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

__all__ = ["SPECIAL", "TABLE", "LegacyRow", "Special"]


@dataclass(frozen=True)
class LegacyRow:
    """One row of the reference table."""

    section: str
    name: str
    verb: str  # GET, POST, PUT, DELETE, or ALIAS (then ``path`` is the aliased legacy name)
    path: str
    returns: str
    arguments: tuple[str, ...]


def _rows(section: str, text: str) -> list[LegacyRow]:
    rows = []
    for line in text.strip().splitlines():
        name, verb, path, returns, arguments = (cell.strip() for cell in line.split("|"))
        args = tuple(a.strip() for a in arguments.split(",") if a.strip())
        rows.append(LegacyRow(section, name, verb, path, returns, args))
    return rows


# name | verb | path | returns | arguments  (one section per table of the reference)
TABLE: tuple[LegacyRow, ...] = (
    *_rows(
        "attachments",
        """
        create_attachment_for_task | POST | /tasks/{task_id}/attachments | single (multipart files) | task_id, file_content, file_name, file_content_type
        create_on_task | POST | /tasks/{task_id}/attachments | single (multipart files) | task_id, file_content, file_name, file_content_type
        find_by_id | GET | /attachments/{attachment} | single | attachment, params
        find_by_task | GET | /tasks/{task}/attachments | collection | task, params
        """,
    ),
    *_rows(
        "events",
        """
        get | GET | /events | single | params
        get_iterator | GET | /events | collection (EventsPageIterator.items()) | query
        get_iterator | GET | /events | iterator EventsPageIterator | query
        get_next | GET | /events | iterator EventsPageIterator | query
        """,
    ),
    *_rows(
        "projects",
        """
        add_custom_field_setting | POST | /projects/{project}/addCustomFieldSetting | single | project, params
        add_followers | POST | /projects/{project}/addFollowers | single | project, params
        add_members | POST | /projects/{project}/addMembers | single | project, params
        create | POST | /projects | single | params
        create_in_team | POST | /teams/{team}/projects | single | team, params
        create_in_workspace | POST | /workspaces/{workspace}/projects | single | workspace, params
        delete | DELETE | /projects/{project} | single | project, params
        duplicate_project | POST | /projects/{project}/duplicate | single | project, params
        find_all | GET | /projects | collection | params
        find_by_id | GET | /projects/{project} | single | project, params
        find_by_team | GET | /teams/{team}/projects | collection | team, params
        find_by_workspace | GET | /workspaces/{workspace}/projects | collection | workspace, params
        remove_custom_field_setting | POST | /projects/{project}/removeCustomFieldSetting | single | project, params
        remove_followers | POST | /projects/{project}/removeFollowers | single | project, params
        remove_members | POST | /projects/{project}/removeMembers | single | project, params
        tasks | GET | /projects/{project}/tasks | collection | project, params
        update | PUT | /projects/{project} | single | project, params
        """,
    ),
    *_rows(
        "stories",
        """
        create_on_task | POST | /tasks/{task}/stories | single | task, params
        delete | DELETE | /stories/{story} | single | story, params
        find_by_id | GET | /stories/{story} | single | story, params
        find_by_task | GET | /tasks/{task}/stories | collection | task, params
        update | PUT | /stories/{story} | single | story, params
        """,
    ),
    *_rows(
        "tags",
        """
        create | POST | /tags | single | params
        create_in_workspace | POST | /workspaces/{workspace}/tags | single | workspace, params
        delete | DELETE | /tags/{tag} | single | tag, params
        find_all | GET | /tags | collection | params
        find_by_id | GET | /tags/{tag} | single | tag, params
        find_by_workspace | GET | /workspaces/{workspace}/tags | collection | workspace, params
        get_tasks_with_tag | GET | /tags/{tag}/tasks | collection | tag, params
        update | PUT | /tags/{tag} | single | tag, params
        """,
    ),
    *_rows(
        "tasks",
        """
        add_comment | POST | /tasks/{task}/stories | single | task, params
        add_dependencies | POST | /tasks/{task}/addDependencies | single | task, params
        add_dependents | POST | /tasks/{task}/addDependents | single | task, params
        add_followers | POST | /tasks/{task}/addFollowers | single | task, params
        add_project | POST | /tasks/{task}/addProject | single | task, params
        add_subtask | POST | /tasks/{task}/subtasks | single | task, params
        add_tag | POST | /tasks/{task}/addTag | single | task, params
        create | POST | /tasks | single | params
        create_in_workspace | POST | /workspaces/{workspace}/tasks | single | workspace, params
        delete | DELETE | /tasks/{task} | single | task, params
        dependencies | GET | /tasks/{task}/dependencies | single | task, params
        dependents | GET | /tasks/{task}/dependents | single | task, params
        duplicate_task | POST | /tasks/{task}/duplicate | single | task, params
        find_all | GET | /tasks | collection | params
        find_by_id | GET | /tasks/{task} | single | task, params
        find_by_project | GET | /projects/{project}/tasks | collection | project, params
        find_by_section | GET | /sections/{section}/tasks | collection | section, params
        find_by_tag | GET | /tags/{tag}/tasks | collection | tag, params
        find_by_user_task_list | GET | /user_task_lists/{user_task_list}/tasks | collection | user_task_list, params
        insert_in_user_task_list | POST | /user_task_lists/{user_task_list}/tasks/insert | single | user_task_list, params
        projects | GET | /tasks/{task}/projects | collection | task, params
        remove_dependencies | POST | /tasks/{task}/removeDependencies | single | task, params
        remove_dependents | POST | /tasks/{task}/removeDependents | single | task, params
        remove_followers | POST | /tasks/{task}/removeFollowers | single | task, params
        remove_project | POST | /tasks/{task}/removeProject | single | task, params
        remove_tag | POST | /tasks/{task}/removeTag | single | task, params
        search_in_workspace | GET | /workspaces/{workspace}/tasks/search | collection | workspace, params
        set_parent | POST | /tasks/{task_id}/setParent | single | task_id, params
        stories | GET | /tasks/{task}/stories | collection | task, params
        subtasks | GET | /tasks/{task}/subtasks | collection | task, params
        tags | GET | /tasks/{task}/tags | collection | task, params
        update | PUT | /tasks/{task} | single | task, params
        """,
    ),
    *_rows(
        "teams",
        """
        add_user | POST | /teams/{team}/addUser | single | team, params
        find_by_id | GET | /teams/{team} | single | team, params
        find_by_organization | GET | /organizations/{organization}/teams | collection | organization, params
        find_by_user | GET | /users/{user}/teams | collection | user, params
        remove_user | POST | /teams/{team}/removeUser | single | team, params
        users | GET | /teams/{team}/users | collection | team, params
        """,
    ),
    *_rows(
        "users",
        """
        find_all | GET | /users | collection | params
        find_by_id | GET | /users/{user} | single | user, params
        find_by_workspace | GET | /workspaces/{workspace}/users | collection | workspace, params
        get_user_favorites | GET | /users/{user}/favorites | collection | user, params
        me | GET | /users/me | single | params
        """,
    ),
    *_rows(
        "workspaces",
        """
        add_user | POST | /workspaces/{workspace}/addUser | single | workspace, params
        find_all | GET | /workspaces | collection | params
        find_by_id | GET | /workspaces/{workspace} | single | workspace, params
        remove_user | POST | /workspaces/{workspace}/removeUser | single | workspace, params
        typeahead | GET | /workspaces/{workspace}/typeahead | collection | workspace, params
        update | PUT | /workspaces/{workspace} | single | workspace, params
        """,
    ),
    *_rows(
        "audit_log_api",
        """
        get_audit_log_events | GET | /workspaces/{workspace_gid}/audit_log_events | collection (AuditLogAPIIterator.items()) | workspace_gid, params
        get_audit_log_events | GET | /workspaces/{workspace_gid}/audit_log_events | iterator AuditLogAPIIterator | workspace_gid, params
        get_audit_log_events | GET | /workspaces/{workspace_gid}/audit_log_events | single | workspace_gid, params
        """,
    ),
    *_rows(
        "custom_field_settings",
        """
        find_by_portfolio | GET | /portfolios/{portfolio}/custom_field_settings | collection | portfolio, params
        find_by_project | GET | /projects/{project}/custom_field_settings | collection | project, params
        """,
    ),
    *_rows(
        "custom_fields",
        """
        add_enum_option | ALIAS | create_enum_option | alias (no return -> None) | custom_field, params
        create | POST | /custom_fields | single | params
        create_enum_option | POST | /custom_fields/{custom_field}/enum_options | single | custom_field, params
        delete | DELETE | /custom_fields/{custom_field} | single | custom_field, params
        find_by_id | GET | /custom_fields/{custom_field} | single | custom_field, params
        find_by_workspace | GET | /workspaces/{workspace}/custom_fields | collection | workspace, params
        insert_enum_option | POST | /custom_fields/{custom_field}/enum_options/insert | single | custom_field, params
        reorder_enum_option | ALIAS | insert_enum_option | alias (no return -> None) | custom_field, params
        update | PUT | /custom_fields/{custom_field} | single | custom_field, params
        update_enum_option | PUT | /enum_options/{enum_option} | single | enum_option, params
        """,
    ),
    *_rows(
        "jobs",
        """
        find_by_id | GET | /jobs/{job} | single | job, params
        """,
    ),
    *_rows(
        "organization_exports",
        """
        create | POST | /organization_exports | single | params
        find_by_id | GET | /organization_exports/{organization_export} | single | organization_export, params
        """,
    ),
    *_rows(
        "portfolio_memberships",
        """
        find_all | GET | /portfolio_memberships | collection | params
        find_by_id | GET | /portfolio_memberships/{portfolio_membership} | single | portfolio_membership, params
        find_by_portfolio | GET | /portfolios/{portfolio}/portfolio_memberships | collection | portfolio, params
        """,
    ),
    *_rows(
        "portfolios",
        """
        add_custom_field_setting | POST | /portfolios/{portfolio}/addCustomFieldSetting | single | portfolio, params
        add_item | POST | /portfolios/{portfolio}/addItem | single | portfolio, params
        add_members | POST | /portfolios/{portfolio}/addMembers | single | portfolio, params
        create | POST | /portfolios | single | params
        custom_field_settings | GET | /portfolios/{portfolio}/custom_field_settings | collection | portfolio, params
        delete | DELETE | /portfolios/{portfolio} | single | portfolio, params
        find_all | GET | /portfolios | collection | params
        find_by_id | GET | /portfolios/{portfolio} | single | portfolio, params
        get_items | GET | /portfolios/{portfolio}/items | collection | portfolio, params
        remove_custom_field_setting | POST | /portfolios/{portfolio}/removeCustomFieldSetting | single | portfolio, params
        remove_item | POST | /portfolios/{portfolio}/removeItem | single | portfolio, params
        remove_members | POST | /portfolios/{portfolio}/removeMembers | single | portfolio, params
        update | PUT | /portfolios/{portfolio} | single | portfolio, params
        """,
    ),
    *_rows(
        "project_memberships",
        """
        find_by_id | GET | /project_memberships/{project_membership} | single | project_membership, params
        find_by_project | GET | /projects/{project}/project_memberships | collection | project, params
        """,
    ),
    *_rows(
        "project_statuses",
        """
        create | ALIAS | create_in_project | alias (no return -> None) | project, params
        create_in_project | POST | /projects/{project}/project_statuses | single | project, params
        delete | DELETE | /project_statuses/{project_status} | single | project_status, params
        find_by_id | GET | /project_statuses/{project_status} | single | project_status, params
        find_by_project | GET | /projects/{project}/project_statuses | collection | project, params
        """,
    ),
    *_rows(
        "sections",
        """
        add_task | POST | /sections/{section}/addTask | single | section, params
        create_in_project | POST | /projects/{project}/sections | single | project, params
        delete | DELETE | /sections/{section} | single | section, params
        find_by_id | GET | /sections/{section} | single | section, params
        find_by_project | GET | /projects/{project}/sections | collection | project, params
        insert_in_project | POST | /projects/{project}/sections/insert | single | project, params
        update | PUT | /sections/{section} | single | section, params
        """,
    ),
    *_rows(
        "user_task_lists",
        """
        find_by_id | GET | /user_task_lists/{user_task_list} | single | user_task_list, params
        find_by_user | GET | /users/{user}/user_task_list | single | user, params
        tasks | GET | /user_task_lists/{user_task_list}/tasks | collection | user_task_list, params
        """,
    ),
    *_rows(
        "webhooks",
        """
        create | POST | /webhooks | single | params
        delete_by_id | DELETE | /webhooks/{webhook} | single | webhook, params
        get_all | GET | /webhooks | collection | params
        get_by_id | GET | /webhooks/{webhook} | single | webhook, params
        """,
    ),
)


SpecialKind = Literal["hand_written", "fixed_path", "into_data", "into_query", "operation", "gone"]


@dataclass(frozen=True)
class Special:
    """A legacy name the verb-and-path match cannot place, and what to generate instead.

    - ``hand_written``: the lead's ``api/_events.py`` / ``api/_attachments.py`` define it.
    - ``fixed_path``: ``operation`` with path placeholders fixed (``values``), no argument.
    - ``into_data`` / ``into_query``: ``operation`` with the legacy path argument ``argument``
      put into the JSON ``data`` / the query under ``key``.
    - ``operation``: the same call as ``operation``, whose path differs from the old one.
    - ``gone``: the endpoint is no longer in the spec; a plain call of ``verb`` ``path``.
    """

    section: str
    name: str
    kind: SpecialKind
    reason: str
    operation: str | None = None
    values: tuple[tuple[str, str], ...] = ()
    argument: str | None = None
    key: str | None = None
    verb: str | None = None
    path: str | None = None


SPECIAL: tuple[Special, ...] = (
    Special(
        "events",
        "get",
        "hand_written",
        "api/_events.py: returns the whole Envelope (sync, has_more), not the generated shapes",
    ),
    Special(
        "events", "get_next", "hand_written", "api/_events.py: (events, sync) with 412 handling"
    ),
    Special("events", "get_iterator", "hand_written", "api/_events.py: polls with sync tokens"),
    Special(
        "attachments",
        "create_on_task",
        "hand_written",
        "api/_attachments.py: the old (task_id, file_content, file_name, type) upload signature",
    ),
    Special(
        "attachments",
        "create_attachment_for_task",
        "hand_written",
        "api/_attachments.py: the old upload signature, under its other old name",
    ),
    Special(
        "users",
        "me",
        "fixed_path",
        "GET /users/me is getUser with user_gid 'me'; the old client took no user argument",
        operation="getUser",
        values=(("user_gid", "me"),),
    ),
    Special(
        "tasks",
        "create_in_workspace",
        "into_data",
        "POST /workspaces/{workspace}/tasks is gone; Asana creates tasks with POST /tasks",
        operation="createTask",
        argument="workspace",
        key="workspace",
    ),
    Special(
        "attachments",
        "find_by_task",
        "into_query",
        "GET /tasks/{task}/attachments is gone; GET /attachments?parent= lists a task's files",
        operation="getAttachmentsForObject",
        argument="task",
        key="parent",
    ),
    Special(
        "teams",
        "find_by_organization",
        "operation",
        "GET /organizations/{organization}/teams is now GET /workspaces/{workspace_gid}/teams",
        operation="getTeamsForWorkspace",
    ),
    Special(
        "tasks",
        "insert_in_user_task_list",
        "gone",
        "POST /user_task_lists/{gid}/tasks/insert is no longer in the spec; sent as is",
        verb="POST",
        path="/user_task_lists/{user_task_list_gid}/tasks/insert",
        argument="user_task_list",
    ),
)
