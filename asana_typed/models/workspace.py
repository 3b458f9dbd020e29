"""The workspace model: Asana's highest-level organizational unit."""

from typing import ClassVar

from ._base import NOT_LOADED, AsanaModel

__all__ = ["Workspace"]


class Workspace(AsanaModel):
    """A workspace or organization (WorkspaceCompact, WorkspaceBase and WorkspaceResponse)."""

    __asana_resource__: ClassVar[bool] = True

    resource_type: str = NOT_LOADED
    name: str = NOT_LOADED
    email_domains: list[str] = NOT_LOADED
    is_organization: bool = NOT_LOADED
