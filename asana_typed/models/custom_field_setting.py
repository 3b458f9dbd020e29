"""The custom field setting model (compact fields only, until the generated model replaces it)."""

from typing import ClassVar

from ._base import NOT_LOADED, AsanaModel

__all__ = ["CustomFieldSetting"]


class CustomFieldSetting(AsanaModel):
    """A custom field enabled on a project or portfolio; the model holds the compact fields."""

    __asana_resource__: ClassVar[bool] = True

    resource_type: str = NOT_LOADED
