"""The task model: the basic unit of work in Asana."""

import datetime
from typing import Annotated, ClassVar, Literal

from ._base import NOT_LOADED, OPEN_ENUM, AsanaModel, AsanaObject
from .asana_resource import AsanaResource
from .custom_field import CustomField
from .custom_type import CustomType, CustomTypeStatusOption
from .like import Like
from .project import Project
from .section import Section
from .tag import Tag
from .user import User
from .workspace import Workspace

__all__ = ["Task", "TaskCreatedBy", "TaskExternal", "TaskMembership"]


class TaskCreatedBy(AsanaModel):
    """The user who created a task (a gid and resource type only)."""

    # SDK-owned, not a user projection: opt_fields asks for ``created_by`` as a whole.
    __asana_resource__: ClassVar[bool] = True

    resource_type: str = NOT_LOADED


class TaskExternal(AsanaObject):
    """App-specific metadata on a task: an external gid and a data string."""

    __asana_resource__: ClassVar[bool] = True

    gid: str = NOT_LOADED
    data: str = NOT_LOADED


class TaskMembership(AsanaObject):
    """A project the task is in, and the section of that project it is in."""

    __asana_resource__: ClassVar[bool] = True

    project: Project = NOT_LOADED
    section: Section = NOT_LOADED


class Task(AsanaModel):
    """An Asana task (TaskCompact, TaskBase and TaskResponse)."""

    __asana_resource__: ClassVar[bool] = True

    resource_type: str = NOT_LOADED
    name: str = NOT_LOADED
    resource_subtype: Annotated[
        Literal["default_task", "milestone", "approval", "custom"], OPEN_ENUM
    ] = NOT_LOADED
    created_by: TaskCreatedBy = NOT_LOADED
    approval_status: Annotated[
        Literal["pending", "approved", "rejected", "changes_requested"], OPEN_ENUM
    ] = NOT_LOADED
    assignee_status: Annotated[Literal["today", "upcoming", "later", "new", "inbox"], OPEN_ENUM] = (
        NOT_LOADED
    )
    assigned_by: User | None = NOT_LOADED
    completed: bool = NOT_LOADED
    completed_at: datetime.datetime | None = NOT_LOADED
    completed_by: User | None = NOT_LOADED
    created_at: datetime.datetime = NOT_LOADED
    dependencies: list[AsanaResource] = NOT_LOADED
    dependents: list[AsanaResource] = NOT_LOADED
    due_at: datetime.datetime | None = NOT_LOADED
    due_on: datetime.date | None = NOT_LOADED
    external: TaskExternal = NOT_LOADED
    html_notes: str = NOT_LOADED
    hearted: bool = NOT_LOADED
    hearts: list[Like] = NOT_LOADED
    is_rendered_as_separator: bool = NOT_LOADED
    liked: bool = NOT_LOADED
    likes: list[Like] = NOT_LOADED
    memberships: list[TaskMembership] = NOT_LOADED
    modified_at: datetime.datetime = NOT_LOADED
    notes: str = NOT_LOADED
    num_hearts: int = NOT_LOADED
    num_likes: int = NOT_LOADED
    num_subtasks: int = NOT_LOADED
    start_at: datetime.datetime | None = NOT_LOADED
    start_on: datetime.date | None = NOT_LOADED
    actual_time_minutes: float | None = NOT_LOADED
    assignee: User | None = NOT_LOADED
    assignee_section: Section | None = NOT_LOADED
    custom_fields: list[CustomField] = NOT_LOADED
    custom_type: CustomType | None = NOT_LOADED
    custom_type_status_option: CustomTypeStatusOption | None = NOT_LOADED
    followers: list[User] = NOT_LOADED
    parent: "Task | None" = NOT_LOADED
    projects: list[Project] = NOT_LOADED
    tags: list[Tag] = NOT_LOADED
    workspace: Workspace = NOT_LOADED
    permalink_url: str = NOT_LOADED
