"""The tag model (compact fields only, until the generated full model replaces it)."""

from typing import ClassVar

from ._base import NOT_LOADED, AsanaModel

__all__ = ["Tag"]


class Tag(AsanaModel):
    """A tag on tasks; the model holds the compact fields."""

    __asana_resource__: ClassVar[bool] = True

    resource_type: str = NOT_LOADED
    name: str = NOT_LOADED
