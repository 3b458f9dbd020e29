"""The user model: an Asana account (also what ``GET /users/me`` returns)."""

from typing import ClassVar

from ._base import NOT_LOADED, AsanaModel, AsanaObject
from .custom_field import CustomField
from .workspace import Workspace

__all__ = ["User", "UserPhoto"]


class UserPhoto(AsanaObject):
    """URLs of a user's profile photo in several sizes (PNG, except the 1024px JPEG)."""

    __asana_resource__: ClassVar[bool] = True

    image_21x21: str = NOT_LOADED
    image_27x27: str = NOT_LOADED
    image_36x36: str = NOT_LOADED
    image_60x60: str = NOT_LOADED
    image_128x128: str = NOT_LOADED
    image_1024x1024: str = NOT_LOADED


class User(AsanaModel):
    """An Asana user account (UserCompact, UserBase and UserResponse)."""

    __asana_resource__: ClassVar[bool] = True

    resource_type: str = NOT_LOADED
    name: str = NOT_LOADED
    email: str = NOT_LOADED
    photo: UserPhoto | None = NOT_LOADED
    workspaces: list[Workspace] = NOT_LOADED
    custom_fields: list[CustomField] = NOT_LOADED
