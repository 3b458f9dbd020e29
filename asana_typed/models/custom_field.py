"""The custom field and enum option models (compact fields only, until generated full models)."""

from typing import Annotated, ClassVar, Literal

from ._base import NOT_LOADED, OPEN_ENUM, AsanaModel, AsanaObject

__all__ = ["CustomField", "CustomFieldDateValue", "EnumOption"]


class EnumOption(AsanaModel):
    """One option of an enum or multi-enum custom field; the model holds the compact fields."""

    __asana_resource__: ClassVar[bool] = True

    resource_type: str = NOT_LOADED
    name: str = NOT_LOADED
    enabled: bool = NOT_LOADED
    color: str = NOT_LOADED


class CustomFieldDateValue(AsanaObject):
    """The value of a ``date`` custom field: a date and, optionally, a time."""

    __asana_resource__: ClassVar[bool] = True

    date: str = NOT_LOADED
    date_time: str = NOT_LOADED


class CustomField(AsanaModel):
    """A custom field, or its value on a task or project; the model holds the compact fields."""

    __asana_resource__: ClassVar[bool] = True

    resource_type: str = NOT_LOADED
    name: str = NOT_LOADED
    type: Annotated[
        Literal["text", "enum", "multi_enum", "number", "date", "people", "reference"],
        OPEN_ENUM,
    ] = NOT_LOADED
    enum_options: list[EnumOption] = NOT_LOADED
    enabled: bool = NOT_LOADED
    representation_type: Annotated[
        Literal[
            "text",
            "enum",
            "multi_enum",
            "number",
            "date",
            "people",
            "formula",
            "custom_id",
            "reference",
        ],
        OPEN_ENUM,
    ] = NOT_LOADED
    id_prefix: str | None = NOT_LOADED
    input_restrictions: list[
        Annotated[Literal["task", "project", "portfolio", "goal"], OPEN_ENUM]
    ] = NOT_LOADED
    is_formula_field: bool = NOT_LOADED
    date_value: CustomFieldDateValue | None = NOT_LOADED
    enum_value: EnumOption | None = NOT_LOADED
    multi_enum_values: list[EnumOption] = NOT_LOADED
    number_value: float | None = NOT_LOADED
    text_value: str | None = NOT_LOADED
    display_value: str | None = NOT_LOADED
