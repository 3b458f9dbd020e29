"""The custom type models (compact fields only, until the generated full models replace them)."""

from typing import ClassVar

from ._base import NOT_LOADED, AsanaModel

__all__ = ["CustomType", "CustomTypeStatusOption"]


class CustomType(AsanaModel):
    """A custom type (a custom kind of task); the model holds the compact fields."""

    __asana_resource__: ClassVar[bool] = True

    resource_type: str = NOT_LOADED
    name: str = NOT_LOADED


class CustomTypeStatusOption(AsanaModel):
    """A status option of a custom type; the model holds the compact fields."""

    __asana_resource__: ClassVar[bool] = True

    resource_type: str = NOT_LOADED
    name: str = NOT_LOADED
