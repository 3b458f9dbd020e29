"""The status update model (compact fields only, until the generated full model replaces it)."""

from typing import Annotated, ClassVar, Literal

from ._base import NOT_LOADED, OPEN_ENUM, AsanaModel

__all__ = ["StatusUpdate"]


class StatusUpdate(AsanaModel):
    """A status update on a project, portfolio or goal; the model holds the compact fields."""

    __asana_resource__: ClassVar[bool] = True

    resource_type: str = NOT_LOADED
    title: str = NOT_LOADED
    resource_subtype: Annotated[
        Literal["project_status_update", "portfolio_status_update", "goal_status_update"],
        OPEN_ENUM,
    ] = NOT_LOADED
