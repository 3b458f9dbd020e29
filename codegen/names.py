"""Naming rules shared by the model and API generators."""

from __future__ import annotations

import keyword
import re

__all__ = [
    "RESPONSE_SUFFIXES",
    "class_name",
    "model_name",
    "module_name",
    "snake",
    "tag_attribute",
    "tag_class",
]

# Compact/Base/Response variants of one resource merge into one model (Task, Project, ...).
RESPONSE_SUFFIXES = ("Compact", "Base", "Response")
_SUFFIX = re.compile(r"(?:Compact|Base|Response)$")

# Schemas that the package defines by hand, or that never become a model of their own.
SPECIAL_MODELS = {"NextPage": "NextPage", "EmptyResponse": None}


def model_name(schema: str) -> str:
    """The model class for a response-side schema: ``TaskResponse`` -> ``Task``."""
    name = schema
    while True:
        stripped = _SUFFIX.sub("", name)
        if stripped == name or not stripped:
            return name
        name = stripped


def snake(name: str) -> str:
    """``getTaskForCustomID`` -> ``get_task_for_custom_id``; ``CustomField`` -> ``custom_field``."""
    name = re.sub(r"([A-Z]+)([A-Z][a-z])", r"\1_\2", name)
    name = re.sub(r"([a-z0-9])([A-Z])", r"\1_\2", name)
    name = re.sub(r"[^A-Za-z0-9]+", "_", name).strip("_").lower()
    return name + "_" if keyword.iskeyword(name) else name


def module_name(model: str) -> str:
    """The module of a generated model: ``CustomField`` -> ``custom_field``."""
    return snake(model)


def tag_attribute(tag: str) -> str:
    """The client attribute and module of a tag: ``Custom fields`` -> ``custom_fields``."""
    return snake(tag)


def tag_class(tag: str) -> str:
    """The resource class of a tag: ``Custom fields`` -> ``CustomFields``."""
    return "".join(part[:1].upper() + part[1:] for part in snake(tag).split("_"))


def class_name(text: str) -> str:
    """``date_value`` -> ``DateValue``: a CamelCase name for a nested inline schema."""
    return "".join(part[:1].upper() + part[1:] for part in re.split(r"[^A-Za-z0-9]+", text) if part)
