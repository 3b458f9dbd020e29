"""The project brief model (compact fields only, until the generated full model replaces it)."""

from typing import ClassVar

from ._base import NOT_LOADED, AsanaModel

__all__ = ["ProjectBrief"]


class ProjectBrief(AsanaModel):
    """A project brief; the model holds the compact fields."""

    __asana_resource__: ClassVar[bool] = True

    resource_type: str = NOT_LOADED
