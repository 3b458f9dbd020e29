"""The project model: a list or board of tasks in a workspace."""

import datetime
from typing import Annotated, ClassVar, Literal

from ._base import NOT_LOADED, OPEN_ENUM, AsanaModel
from .custom_field import CustomField
from .custom_field_setting import CustomFieldSetting
from .project_brief import ProjectBrief
from .project_status import ProjectStatus
from .project_template import ProjectTemplate
from .status_update import StatusUpdate
from .team import Team
from .user import User
from .workspace import Workspace

__all__ = ["Project"]


class Project(AsanaModel):
    """An Asana project (ProjectCompact, ProjectBase and ProjectResponse)."""

    __asana_resource__: ClassVar[bool] = True

    resource_type: str = NOT_LOADED
    name: str = NOT_LOADED
    archived: bool = NOT_LOADED
    color: (
        Annotated[
            Literal[
                "dark-pink",
                "dark-green",
                "dark-blue",
                "dark-red",
                "dark-teal",
                "dark-brown",
                "dark-orange",
                "dark-purple",
                "dark-warm-gray",
                "light-pink",
                "light-green",
                "light-blue",
                "light-red",
                "light-teal",
                "light-brown",
                "light-orange",
                "light-purple",
                "light-warm-gray",
                "none",
            ],
            OPEN_ENUM,
        ]
        | None
    ) = NOT_LOADED
    icon: (
        Annotated[
            Literal[
                "list",
                "board",
                "timeline",
                "calendar",
                "rocket",
                "people",
                "graph",
                "star",
                "bug",
                "light_bulb",
                "globe",
                "gear",
                "notebook",
                "computer",
                "check",
                "target",
                "html",
                "megaphone",
                "chat_bubbles",
                "briefcase",
                "page_layout",
                "mountain_flag",
                "puzzle",
                "presentation",
                "line_and_symbols",
                "speed_dial",
                "ribbon",
                "shoe",
                "shopping_basket",
                "map",
                "ticket",
                "coins",
            ],
            OPEN_ENUM,
        ]
        | None
    ) = NOT_LOADED
    created_at: datetime.datetime = NOT_LOADED
    current_status: ProjectStatus | None = NOT_LOADED
    current_status_update: StatusUpdate | None = NOT_LOADED
    custom_field_settings: list[CustomFieldSetting] = NOT_LOADED
    default_view: Annotated[Literal["list", "board", "calendar", "timeline"], OPEN_ENUM] = (
        NOT_LOADED
    )
    due_date: datetime.date | None = NOT_LOADED
    due_on: datetime.date | None = NOT_LOADED
    html_notes: str = NOT_LOADED
    members: list[User] = NOT_LOADED
    modified_at: datetime.datetime = NOT_LOADED
    notes: str = NOT_LOADED
    public: bool = NOT_LOADED
    privacy_setting: Annotated[
        Literal["public_to_workspace", "private_to_team", "private"], OPEN_ENUM
    ] = NOT_LOADED
    start_on: datetime.date | None = NOT_LOADED
    default_access_level: Annotated[
        Literal["admin", "editor", "commenter", "viewer"], OPEN_ENUM
    ] = NOT_LOADED
    minimum_access_level_for_customization: Annotated[Literal["admin", "editor"], OPEN_ENUM] = (
        NOT_LOADED
    )
    minimum_access_level_for_sharing: Annotated[Literal["admin", "editor"], OPEN_ENUM] = NOT_LOADED
    custom_fields: list[CustomField] = NOT_LOADED
    completed: bool = NOT_LOADED
    completed_at: datetime.datetime | None = NOT_LOADED
    completed_by: User | None = NOT_LOADED
    followers: list[User] = NOT_LOADED
    owner: User | None = NOT_LOADED
    team: Team = NOT_LOADED
    permalink_url: str = NOT_LOADED
    project_brief: ProjectBrief | None = NOT_LOADED
    created_from_template: ProjectTemplate | None = NOT_LOADED
    workspace: Workspace = NOT_LOADED
