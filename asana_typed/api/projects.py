"""Projects: ``client.projects``."""

from __future__ import annotations

import datetime
from collections.abc import Iterator, Mapping, Sequence
from typing import Literal, TypedDict, overload

from typing_extensions import Unpack

from .._options import CallOptions, ClientOptions
from .._request import path_arg
from .._resource import M, Projection, Resource
from ..models import Envelope, Project

__all__ = [
    "CreateProjectData",
    "DeleteProjectParams",
    "GetProjectParams",
    "GetProjectsParams",
    "Projects",
    "UpdateProjectData",
]


class CreateProjectData(TypedDict, total=False):
    """The ``data`` of a new project (``ProjectRequest``); ``followers`` is comma-separated."""

    name: str
    archived: bool
    color: str | None
    icon: str | None
    default_view: Literal["list", "board", "calendar", "timeline"]
    due_date: str | datetime.date | None
    due_on: str | datetime.date | None
    html_notes: str
    notes: str
    public: bool
    privacy_setting: Literal["public_to_workspace", "private_to_team", "private"]
    start_on: str | datetime.date | None
    default_access_level: Literal["admin", "editor", "commenter", "viewer"]
    minimum_access_level_for_customization: Literal["admin", "editor"]
    minimum_access_level_for_sharing: Literal["admin", "editor"]
    custom_fields: Mapping[str, object]
    followers: str
    owner: str | None
    team: str
    workspace: str


class UpdateProjectData(TypedDict, total=False):
    """The fields of a project to change (``ProjectUpdateRequest``)."""

    name: str
    archived: bool
    color: str | None
    icon: str | None
    default_view: Literal["list", "board", "calendar", "timeline"]
    due_date: str | datetime.date | None
    due_on: str | datetime.date | None
    html_notes: str
    notes: str
    public: bool
    privacy_setting: Literal["public_to_workspace", "private_to_team", "private"]
    start_on: str | datetime.date | None
    default_access_level: Literal["admin", "editor", "commenter", "viewer"]
    minimum_access_level_for_customization: Literal["admin", "editor"]
    minimum_access_level_for_sharing: Literal["admin", "editor"]
    custom_fields: Mapping[str, object]
    followers: str
    owner: str | None
    team: str


class GetProjectParams(TypedDict, total=False):
    """Query parameters of ``get_project`` (none besides options)."""


class GetProjectsParams(TypedDict, total=False):
    """Query parameters of ``get_projects``: ``workspace`` or ``team``, and ``archived``."""

    workspace: str
    team: str
    archived: bool


class DeleteProjectParams(TypedDict, total=False):
    """Query parameters of ``delete_project`` (none besides options)."""


class Projects(Resource):
    """Projects: prioritized lists of tasks, boards, timelines."""

    @overload
    def create_project_for_workspace(
        self,
        workspace_gid: str,
        params: CreateProjectData | None = None,
        *,
        fields: Sequence[str] | None = None,
        expand: Sequence[str] | None = None,
        full_payload: Literal[False] = False,
        **options: Unpack[CallOptions],
    ) -> Project: ...
    @overload
    def create_project_for_workspace(
        self,
        workspace_gid: str,
        params: CreateProjectData | None = None,
        *,
        fields: Projection[M] = None,
        expand: Projection[M] = None,
        full_payload: Literal[False] = False,
        **options: Unpack[CallOptions],
    ) -> M: ...
    @overload
    def create_project_for_workspace(
        self,
        workspace_gid: str,
        params: CreateProjectData | None = None,
        *,
        fields: Sequence[str] | None = None,
        expand: Sequence[str] | None = None,
        full_payload: Literal[True],
        **options: Unpack[CallOptions],
    ) -> Envelope[Project]: ...
    @overload
    def create_project_for_workspace(
        self,
        workspace_gid: str,
        params: CreateProjectData | None = None,
        *,
        fields: Projection[M] = None,
        expand: Projection[M] = None,
        full_payload: Literal[True],
        **options: Unpack[CallOptions],
    ) -> Envelope[M]: ...
    def create_project_for_workspace(
        self,
        workspace_gid: str,
        params: CreateProjectData | None = None,
        **options: Unpack[ClientOptions],
    ) -> object:
        """Create a project in a workspace (or organization, with ``team``)."""
        path = f"/workspaces/{path_arg('workspace_gid', workspace_gid)}/projects"
        return self._client._single("POST", path, params, Project, options)

    create_in_workspace = create_project_for_workspace

    @overload
    def get_project(
        self,
        project_gid: str,
        params: GetProjectParams | None = None,
        *,
        fields: Sequence[str] | None = None,
        expand: Sequence[str] | None = None,
        full_payload: Literal[False] = False,
        **options: Unpack[CallOptions],
    ) -> Project: ...
    @overload
    def get_project(
        self,
        project_gid: str,
        params: GetProjectParams | None = None,
        *,
        fields: Projection[M] = None,
        expand: Projection[M] = None,
        full_payload: Literal[False] = False,
        **options: Unpack[CallOptions],
    ) -> M: ...
    @overload
    def get_project(
        self,
        project_gid: str,
        params: GetProjectParams | None = None,
        *,
        fields: Sequence[str] | None = None,
        expand: Sequence[str] | None = None,
        full_payload: Literal[True],
        **options: Unpack[CallOptions],
    ) -> Envelope[Project]: ...
    @overload
    def get_project(
        self,
        project_gid: str,
        params: GetProjectParams | None = None,
        *,
        fields: Projection[M] = None,
        expand: Projection[M] = None,
        full_payload: Literal[True],
        **options: Unpack[CallOptions],
    ) -> Envelope[M]: ...
    def get_project(
        self,
        project_gid: str,
        params: GetProjectParams | None = None,
        **options: Unpack[ClientOptions],
    ) -> object:
        """Get one project."""
        path = f"/projects/{path_arg('project_gid', project_gid)}"
        return self._client._single("GET", path, params, Project, options)

    find_by_id = get_project

    @overload
    def get_projects(
        self,
        params: GetProjectsParams | None = None,
        *,
        fields: Sequence[str] | None = None,
        expand: Sequence[str] | None = None,
        iterator_type: Literal["items"] = "items",
        full_payload: bool = False,
        **options: Unpack[CallOptions],
    ) -> Iterator[Project]: ...
    @overload
    def get_projects(
        self,
        params: GetProjectsParams | None = None,
        *,
        fields: Projection[M] = None,
        expand: Projection[M] = None,
        iterator_type: Literal["items"] = "items",
        full_payload: bool = False,
        **options: Unpack[CallOptions],
    ) -> Iterator[M]: ...
    @overload
    def get_projects(
        self,
        params: GetProjectsParams | None = None,
        *,
        fields: Sequence[str] | None = None,
        expand: Sequence[str] | None = None,
        iterator_type: None,
        full_payload: Literal[False] = False,
        **options: Unpack[CallOptions],
    ) -> list[Project]: ...
    @overload
    def get_projects(
        self,
        params: GetProjectsParams | None = None,
        *,
        fields: Projection[M] = None,
        expand: Projection[M] = None,
        iterator_type: None,
        full_payload: Literal[False] = False,
        **options: Unpack[CallOptions],
    ) -> list[M]: ...
    @overload
    def get_projects(
        self,
        params: GetProjectsParams | None = None,
        *,
        fields: Sequence[str] | None = None,
        expand: Sequence[str] | None = None,
        iterator_type: None,
        full_payload: Literal[True],
        **options: Unpack[CallOptions],
    ) -> Envelope[list[Project]]: ...
    @overload
    def get_projects(
        self,
        params: GetProjectsParams | None = None,
        *,
        fields: Projection[M] = None,
        expand: Projection[M] = None,
        iterator_type: None,
        full_payload: Literal[True],
        **options: Unpack[CallOptions],
    ) -> Envelope[list[M]]: ...
    def get_projects(
        self, params: GetProjectsParams | None = None, **options: Unpack[ClientOptions]
    ) -> object:
        """Projects filtered by workspace or team."""
        path = "/projects"
        return self._client._collection(path, params, Project, options)

    find_all = get_projects

    @overload
    def update_project(
        self,
        project_gid: str,
        params: UpdateProjectData | None = None,
        *,
        fields: Sequence[str] | None = None,
        expand: Sequence[str] | None = None,
        full_payload: Literal[False] = False,
        **options: Unpack[CallOptions],
    ) -> Project: ...
    @overload
    def update_project(
        self,
        project_gid: str,
        params: UpdateProjectData | None = None,
        *,
        fields: Projection[M] = None,
        expand: Projection[M] = None,
        full_payload: Literal[False] = False,
        **options: Unpack[CallOptions],
    ) -> M: ...
    @overload
    def update_project(
        self,
        project_gid: str,
        params: UpdateProjectData | None = None,
        *,
        fields: Sequence[str] | None = None,
        expand: Sequence[str] | None = None,
        full_payload: Literal[True],
        **options: Unpack[CallOptions],
    ) -> Envelope[Project]: ...
    @overload
    def update_project(
        self,
        project_gid: str,
        params: UpdateProjectData | None = None,
        *,
        fields: Projection[M] = None,
        expand: Projection[M] = None,
        full_payload: Literal[True],
        **options: Unpack[CallOptions],
    ) -> Envelope[M]: ...
    def update_project(
        self,
        project_gid: str,
        params: UpdateProjectData | None = None,
        **options: Unpack[ClientOptions],
    ) -> object:
        """Change the given fields of a project."""
        path = f"/projects/{path_arg('project_gid', project_gid)}"
        return self._client._single("PUT", path, params, Project, options)

    update = update_project

    def delete_project(
        self,
        project_gid: str,
        params: DeleteProjectParams | None = None,
        **options: Unpack[CallOptions],
    ) -> None:
        """Delete a project."""
        path = f"/projects/{path_arg('project_gid', project_gid)}"
        self._client._empty("DELETE", path, params, options)

    delete = delete_project
