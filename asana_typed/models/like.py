"""The like model: a user's like (or heart) on a task or other object."""

from typing import ClassVar

from ._base import NOT_LOADED, AsanaModel
from .user import User

__all__ = ["Like"]


class Like(AsanaModel):
    """A like by a user; the model holds the compact fields."""

    __asana_resource__: ClassVar[bool] = True

    user: User = NOT_LOADED
