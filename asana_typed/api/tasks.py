"""Tasks: ``client.tasks``."""

from __future__ import annotations

import datetime
from collections.abc import Iterator, Mapping, Sequence
from typing import Literal, TypedDict, overload

from typing_extensions import Unpack

from .._options import CallOptions, ClientOptions
from .._request import path_arg
from .._resource import M, Projection, Resource
from ..models import Envelope, Task

__all__ = [
    "CreateTaskData",
    "DeleteTaskParams",
    "GetTaskParams",
    "GetTasksForProjectParams",
    "GetTasksParams",
    "Tasks",
    "UpdateTaskData",
]


class CreateTaskData(TypedDict, total=False):
    """The ``data`` of a new task (``TaskRequest``); it needs a workspace, project or parent."""

    name: str
    resource_subtype: Literal["default_task", "milestone", "approval", "custom"]
    approval_status: Literal["pending", "approved", "rejected", "changes_requested"]
    assignee_status: Literal["today", "upcoming", "later", "new", "inbox"]
    completed: bool
    due_at: str | datetime.datetime | None
    due_on: str | datetime.date | None
    external: Mapping[str, str]
    html_notes: str
    liked: bool
    notes: str
    start_at: str | datetime.datetime | None
    start_on: str | datetime.date | None
    assignee: str | None
    assignee_section: str | None
    custom_fields: Mapping[str, object]
    parent: str | None
    followers: Sequence[str]
    projects: Sequence[str]
    tags: Sequence[str]
    workspace: str


class UpdateTaskData(TypedDict, total=False):
    """The fields of a task to change (``TaskUpdateRequest``)."""

    name: str
    resource_subtype: Literal["default_task", "milestone", "approval", "custom"]
    approval_status: Literal["pending", "approved", "rejected", "changes_requested"]
    assignee_status: Literal["today", "upcoming", "later", "new", "inbox"]
    completed: bool
    due_at: str | datetime.datetime | None
    due_on: str | datetime.date | None
    external: Mapping[str, str]
    html_notes: str
    liked: bool
    notes: str
    start_at: str | datetime.datetime | None
    start_on: str | datetime.date | None
    assignee: str | None
    assignee_section: str | None
    custom_fields: Mapping[str, object]
    parent: str | None
    custom_type: str | None
    custom_type_status_option: str | None


class GetTaskParams(TypedDict, total=False):
    """Query parameters of ``get_task`` (none besides options)."""


class GetTasksParams(TypedDict, total=False):
    """Query parameters of ``get_tasks``: a project, section, or assignee and workspace."""

    assignee: str
    project: str
    section: str
    workspace: str
    completed_since: str | datetime.datetime
    modified_since: str | datetime.datetime


class GetTasksForProjectParams(TypedDict, total=False):
    """Query parameters of ``get_tasks_for_project``."""

    completed_since: str | datetime.datetime


class DeleteTaskParams(TypedDict, total=False):
    """Query parameters of ``delete_task`` (none besides options)."""


class Tasks(Resource):
    """Tasks: the basic unit of work in Asana."""

    @overload
    def create_task(
        self,
        params: CreateTaskData | None = None,
        *,
        fields: Sequence[str] | None = None,
        expand: Sequence[str] | None = None,
        full_payload: Literal[False] = False,
        **options: Unpack[CallOptions],
    ) -> Task: ...
    @overload
    def create_task(
        self,
        params: CreateTaskData | None = None,
        *,
        fields: Projection[M] = None,
        expand: Projection[M] = None,
        full_payload: Literal[False] = False,
        **options: Unpack[CallOptions],
    ) -> M: ...
    @overload
    def create_task(
        self,
        params: CreateTaskData | None = None,
        *,
        fields: Sequence[str] | None = None,
        expand: Sequence[str] | None = None,
        full_payload: Literal[True],
        **options: Unpack[CallOptions],
    ) -> Envelope[Task]: ...
    @overload
    def create_task(
        self,
        params: CreateTaskData | None = None,
        *,
        fields: Projection[M] = None,
        expand: Projection[M] = None,
        full_payload: Literal[True],
        **options: Unpack[CallOptions],
    ) -> Envelope[M]: ...
    def create_task(
        self, params: CreateTaskData | None = None, **options: Unpack[ClientOptions]
    ) -> object:
        """Create a task in a workspace, project or under a parent task."""
        path = "/tasks"
        return self._client._single("POST", path, params, Task, options)

    create = create_task

    @overload
    def create_in_workspace(
        self,
        workspace_gid: str,
        params: CreateTaskData | None = None,
        *,
        fields: Sequence[str] | None = None,
        expand: Sequence[str] | None = None,
        full_payload: Literal[False] = False,
        **options: Unpack[CallOptions],
    ) -> Task: ...
    @overload
    def create_in_workspace(
        self,
        workspace_gid: str,
        params: CreateTaskData | None = None,
        *,
        fields: Projection[M] = None,
        expand: Projection[M] = None,
        full_payload: Literal[False] = False,
        **options: Unpack[CallOptions],
    ) -> M: ...
    @overload
    def create_in_workspace(
        self,
        workspace_gid: str,
        params: CreateTaskData | None = None,
        *,
        fields: Sequence[str] | None = None,
        expand: Sequence[str] | None = None,
        full_payload: Literal[True],
        **options: Unpack[CallOptions],
    ) -> Envelope[Task]: ...
    @overload
    def create_in_workspace(
        self,
        workspace_gid: str,
        params: CreateTaskData | None = None,
        *,
        fields: Projection[M] = None,
        expand: Projection[M] = None,
        full_payload: Literal[True],
        **options: Unpack[CallOptions],
    ) -> Envelope[M]: ...
    def create_in_workspace(
        self,
        workspace_gid: str,
        params: CreateTaskData | None = None,
        **options: Unpack[ClientOptions],
    ) -> object:
        """Create a task in a workspace (the old client's ``POST /workspaces/{workspace}/tasks``).

        Asana now creates tasks with ``POST /tasks``; the workspace goes into ``data``.
        """
        data = {**(params or {}), "workspace": path_arg("workspace_gid", workspace_gid)}
        return self._client._single("POST", "/tasks", data, Task, options)

    @overload
    def get_task(
        self,
        task_gid: str,
        params: GetTaskParams | None = None,
        *,
        fields: Sequence[str] | None = None,
        expand: Sequence[str] | None = None,
        full_payload: Literal[False] = False,
        **options: Unpack[CallOptions],
    ) -> Task: ...
    @overload
    def get_task(
        self,
        task_gid: str,
        params: GetTaskParams | None = None,
        *,
        fields: Projection[M] = None,
        expand: Projection[M] = None,
        full_payload: Literal[False] = False,
        **options: Unpack[CallOptions],
    ) -> M: ...
    @overload
    def get_task(
        self,
        task_gid: str,
        params: GetTaskParams | None = None,
        *,
        fields: Sequence[str] | None = None,
        expand: Sequence[str] | None = None,
        full_payload: Literal[True],
        **options: Unpack[CallOptions],
    ) -> Envelope[Task]: ...
    @overload
    def get_task(
        self,
        task_gid: str,
        params: GetTaskParams | None = None,
        *,
        fields: Projection[M] = None,
        expand: Projection[M] = None,
        full_payload: Literal[True],
        **options: Unpack[CallOptions],
    ) -> Envelope[M]: ...
    def get_task(
        self, task_gid: str, params: GetTaskParams | None = None, **options: Unpack[ClientOptions]
    ) -> object:
        """Get one task."""
        path = f"/tasks/{path_arg('task_gid', task_gid)}"
        return self._client._single("GET", path, params, Task, options)

    find_by_id = get_task

    @overload
    def get_tasks(
        self,
        params: GetTasksParams | None = None,
        *,
        fields: Sequence[str] | None = None,
        expand: Sequence[str] | None = None,
        iterator_type: Literal["items"] = "items",
        full_payload: bool = False,
        **options: Unpack[CallOptions],
    ) -> Iterator[Task]: ...
    @overload
    def get_tasks(
        self,
        params: GetTasksParams | None = None,
        *,
        fields: Projection[M] = None,
        expand: Projection[M] = None,
        iterator_type: Literal["items"] = "items",
        full_payload: bool = False,
        **options: Unpack[CallOptions],
    ) -> Iterator[M]: ...
    @overload
    def get_tasks(
        self,
        params: GetTasksParams | None = None,
        *,
        fields: Sequence[str] | None = None,
        expand: Sequence[str] | None = None,
        iterator_type: None,
        full_payload: Literal[False] = False,
        **options: Unpack[CallOptions],
    ) -> list[Task]: ...
    @overload
    def get_tasks(
        self,
        params: GetTasksParams | None = None,
        *,
        fields: Projection[M] = None,
        expand: Projection[M] = None,
        iterator_type: None,
        full_payload: Literal[False] = False,
        **options: Unpack[CallOptions],
    ) -> list[M]: ...
    @overload
    def get_tasks(
        self,
        params: GetTasksParams | None = None,
        *,
        fields: Sequence[str] | None = None,
        expand: Sequence[str] | None = None,
        iterator_type: None,
        full_payload: Literal[True],
        **options: Unpack[CallOptions],
    ) -> Envelope[list[Task]]: ...
    @overload
    def get_tasks(
        self,
        params: GetTasksParams | None = None,
        *,
        fields: Projection[M] = None,
        expand: Projection[M] = None,
        iterator_type: None,
        full_payload: Literal[True],
        **options: Unpack[CallOptions],
    ) -> Envelope[list[M]]: ...
    def get_tasks(
        self, params: GetTasksParams | None = None, **options: Unpack[ClientOptions]
    ) -> object:
        """Tasks filtered by project, section, or assignee and workspace."""
        path = "/tasks"
        return self._client._collection(path, params, Task, options)

    find_all = get_tasks

    @overload
    def get_tasks_for_project(
        self,
        project_gid: str,
        params: GetTasksForProjectParams | None = None,
        *,
        fields: Sequence[str] | None = None,
        expand: Sequence[str] | None = None,
        iterator_type: Literal["items"] = "items",
        full_payload: bool = False,
        **options: Unpack[CallOptions],
    ) -> Iterator[Task]: ...
    @overload
    def get_tasks_for_project(
        self,
        project_gid: str,
        params: GetTasksForProjectParams | None = None,
        *,
        fields: Projection[M] = None,
        expand: Projection[M] = None,
        iterator_type: Literal["items"] = "items",
        full_payload: bool = False,
        **options: Unpack[CallOptions],
    ) -> Iterator[M]: ...
    @overload
    def get_tasks_for_project(
        self,
        project_gid: str,
        params: GetTasksForProjectParams | None = None,
        *,
        fields: Sequence[str] | None = None,
        expand: Sequence[str] | None = None,
        iterator_type: None,
        full_payload: Literal[False] = False,
        **options: Unpack[CallOptions],
    ) -> list[Task]: ...
    @overload
    def get_tasks_for_project(
        self,
        project_gid: str,
        params: GetTasksForProjectParams | None = None,
        *,
        fields: Projection[M] = None,
        expand: Projection[M] = None,
        iterator_type: None,
        full_payload: Literal[False] = False,
        **options: Unpack[CallOptions],
    ) -> list[M]: ...
    @overload
    def get_tasks_for_project(
        self,
        project_gid: str,
        params: GetTasksForProjectParams | None = None,
        *,
        fields: Sequence[str] | None = None,
        expand: Sequence[str] | None = None,
        iterator_type: None,
        full_payload: Literal[True],
        **options: Unpack[CallOptions],
    ) -> Envelope[list[Task]]: ...
    @overload
    def get_tasks_for_project(
        self,
        project_gid: str,
        params: GetTasksForProjectParams | None = None,
        *,
        fields: Projection[M] = None,
        expand: Projection[M] = None,
        iterator_type: None,
        full_payload: Literal[True],
        **options: Unpack[CallOptions],
    ) -> Envelope[list[M]]: ...
    def get_tasks_for_project(
        self,
        project_gid: str,
        params: GetTasksForProjectParams | None = None,
        **options: Unpack[ClientOptions],
    ) -> object:
        """Tasks in a project."""
        path = f"/projects/{path_arg('project_gid', project_gid)}/tasks"
        return self._client._collection(path, params, Task, options)

    find_by_project = get_tasks_for_project

    @overload
    def update_task(
        self,
        task_gid: str,
        params: UpdateTaskData | None = None,
        *,
        fields: Sequence[str] | None = None,
        expand: Sequence[str] | None = None,
        full_payload: Literal[False] = False,
        **options: Unpack[CallOptions],
    ) -> Task: ...
    @overload
    def update_task(
        self,
        task_gid: str,
        params: UpdateTaskData | None = None,
        *,
        fields: Projection[M] = None,
        expand: Projection[M] = None,
        full_payload: Literal[False] = False,
        **options: Unpack[CallOptions],
    ) -> M: ...
    @overload
    def update_task(
        self,
        task_gid: str,
        params: UpdateTaskData | None = None,
        *,
        fields: Sequence[str] | None = None,
        expand: Sequence[str] | None = None,
        full_payload: Literal[True],
        **options: Unpack[CallOptions],
    ) -> Envelope[Task]: ...
    @overload
    def update_task(
        self,
        task_gid: str,
        params: UpdateTaskData | None = None,
        *,
        fields: Projection[M] = None,
        expand: Projection[M] = None,
        full_payload: Literal[True],
        **options: Unpack[CallOptions],
    ) -> Envelope[M]: ...
    def update_task(
        self, task_gid: str, params: UpdateTaskData | None = None, **options: Unpack[ClientOptions]
    ) -> object:
        """Change the given fields of a task."""
        path = f"/tasks/{path_arg('task_gid', task_gid)}"
        return self._client._single("PUT", path, params, Task, options)

    update = update_task

    def delete_task(
        self, task_gid: str, params: DeleteTaskParams | None = None, **options: Unpack[CallOptions]
    ) -> None:
        """Delete a task (it goes to the trash)."""
        path = f"/tasks/{path_arg('task_gid', task_gid)}"
        self._client._empty("DELETE", path, params, options)

    delete = delete_task
