"""The deprecated project status model (compact fields only, until the generated model)."""

from typing import ClassVar

from ._base import NOT_LOADED, AsanaModel

__all__ = ["ProjectStatus"]


class ProjectStatus(AsanaModel):
    """A deprecated project status update; the model holds the compact fields."""

    __asana_resource__: ClassVar[bool] = True

    resource_type: str = NOT_LOADED
    title: str = NOT_LOADED
