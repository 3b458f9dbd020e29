"""The generic Asana resource reference: a gid and a resource type."""

from typing import ClassVar

from ._base import NOT_LOADED, AsanaModel

__all__ = ["AsanaResource"]


class AsanaResource(AsanaModel):
    """A generic Asana resource; the model holds the compact fields."""

    __asana_resource__: ClassVar[bool] = True

    resource_type: str = NOT_LOADED
