"""Pydantic models of Asana resources."""

from ._base import AsanaModel, Envelope, NextPage
from .asana_resource import AsanaResource
from .custom_field import CustomField, CustomFieldDateValue, EnumOption
from .custom_field_setting import CustomFieldSetting
from .custom_type import CustomType, CustomTypeStatusOption
from .like import Like
from .project import Project
from .project_brief import ProjectBrief
from .project_status import ProjectStatus
from .project_template import ProjectTemplate
from .section import Section
from .status_update import StatusUpdate
from .tag import Tag
from .task import Task, TaskCreatedBy, TaskExternal, TaskMembership
from .team import Team
from .user import User, UserPhoto
from .workspace import Workspace

__all__ = [
    "AsanaModel",
    "AsanaResource",
    "CustomField",
    "CustomFieldDateValue",
    "CustomFieldSetting",
    "CustomType",
    "CustomTypeStatusOption",
    "EnumOption",
    "Envelope",
    "Like",
    "NextPage",
    "Project",
    "ProjectBrief",
    "ProjectStatus",
    "ProjectTemplate",
    "Section",
    "StatusUpdate",
    "Tag",
    "Task",
    "TaskCreatedBy",
    "TaskExternal",
    "TaskMembership",
    "Team",
    "User",
    "UserPhoto",
    "Workspace",
]
