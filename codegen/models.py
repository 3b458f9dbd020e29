"""The model generator: ``components/schemas`` -> ``asana_typed/models/*.py``.

One model per resource: the Compact, Base and Response variants of a schema (all names that
:func:`names.model_name` maps to one class) merge into that class, richest definition last
(``TaskCompact`` + ``TaskBase`` + ``TaskResponse`` -> ``Task``). Each model lives in its own
module with the classes of its inline objects (``Task.memberships`` -> ``TaskMembership``).

Modules import each other at the bottom, after their classes, so cyclic references
(``Task.parent``, ``Task.projects`` -> ``Project.team`` -> ...) import cleanly; pydantic resolves
the names from the module's globals when a model is first used. ``models/__init__.py`` loads
the modules lazily, on first attribute access.

The parts: :mod:`codegen.model_schema` (which schemas merge into which model),
:mod:`codegen.model_classes` (the classes and their fields' types); this module writes them.
"""

from __future__ import annotations

import json
import textwrap

from . import names
from .model_classes import ClassBuilder, ClassDef, ModuleDef
from .spec import Spec

__all__ = ["generate"]

PACKAGE = "asana_typed/models"


def generate(spec: Spec) -> dict[str, str]:
    """``{path from the repository root: source}`` of every generated model module."""
    builder = ClassBuilder(spec)
    builder.build()
    builder.check_operations()
    out = {
        f"{PACKAGE}/{names.module_name(m)}.py": render_module(mod, builder.module_of)
        for m, mod in builder.modules.items()
    }
    out[f"{PACKAGE}/__init__.py"] = render_init(builder.module_of)
    return out


def render_module(module: ModuleDef, module_of: dict[str, str]) -> str:
    """The source of one model's module; ``module_of`` maps every class to its model."""
    own = {c.name for c in module.classes}
    typing_names = sorted({"ClassVar"} | (module.helpers & {"Annotated", "Literal"}))
    base_names = {c.base for c in module.classes} | {"NOT_LOADED"}
    base_names |= module.helpers & {"OPEN_ENUM", "NextPage", "by_resource_type"}
    sources = textwrap.fill(
        f"Merged from {', '.join(module.schemas)}.", width=96, break_on_hyphens=False
    )
    lines = [
        names.HEADER,
        f'"""The ``{module.model}`` model.',
        "",
        sources,
        '"""',
        "",
        "from __future__ import annotations",
        "",
    ]
    if "datetime" in module.helpers:
        lines.append("import datetime")
    lines.append(f"from typing import {', '.join(typing_names)}")
    lines.append("")
    pydantic_names = ["Field"] if "Field" in module.helpers else []
    if "PydanticTag" in module.helpers:
        pydantic_names.append("Tag as PydanticTag")  # `Tag` is Asana's tag model
    if pydantic_names:
        lines += [f"from pydantic import {', '.join(pydantic_names)}", ""]
    lines.append(f"from ._base import {', '.join(_isort(base_names))}")
    lines += ["", f"__all__ = {_all_list(own)}", ""]
    for cls in module.classes:
        lines += ["", *render_class(cls), ""]
    others = sorted(
        (module_of[n], n) for n in module.uses if n in module_of and module_of[n] != module.model
    )
    if others:
        lines += [
            "",
            "# Imported last, so that models referring to each other (Task <-> Project) load;",
            "# pydantic resolves these names from the module's globals on first use.",
        ]
        by_module: dict[str, list[str]] = {}
        for mod, name in others:
            by_module.setdefault(mod, []).append(name)
        for mod, class_names in sorted(by_module.items(), key=lambda m: names.module_name(m[0])):
            imported = ", ".join(sorted(class_names))
            lines.append(f"from .{names.module_name(mod)} import {imported}  # noqa: E402")
    return "\n".join(lines).rstrip("\n") + "\n"


def render_class(cls: ClassDef) -> list[str]:
    """The lines of one class: its docstring, then each field with its docstring."""
    lines = [
        f"class {cls.name}({cls.base}):",
        f'    """{cls.doc}"""',
        "",
        "    __asana_resource__: ClassVar[bool] = True",
    ]
    for f in cls.fields:
        if f.name != f.wire:
            default = f"Field(default=NOT_LOADED, alias={json.dumps(f.wire)})"
        else:
            default = "NOT_LOADED"
        lines += ["", f"    {f.name}: {f.annotation} = {default}"]
        if f.doc:
            lines.append(f'    """{f.doc}"""')
    return lines


def render_init(module_of: dict[str, str]) -> str:
    """``models/__init__.py``: every class, each imported from its module on first use."""
    by_module: dict[str, list[str]] = {}
    for name, model in module_of.items():
        by_module.setdefault(names.module_name(model), []).append(name)
    exported = sorted(module_of)
    lines = [
        names.HEADER,
        '"""Pydantic models of Asana resources, one module per resource.',
        "",
        "``from asana_typed.models import Task`` imports ``models/task.py`` (and the modules",
        "it refers to) on first use, so importing the package stays cheap.",
        '"""',
        "",
        "from __future__ import annotations",
        "",
        "import importlib",
        "from typing import TYPE_CHECKING",
        "",
        "from ._base import AsanaModel, AsanaObject, Envelope, NextPage",
        "",
        "if TYPE_CHECKING:",
    ]
    for mod in sorted(by_module):
        lines.append(f"    from .{mod} import {', '.join(sorted(by_module[mod]))}")
    public = {"AsanaModel", "AsanaObject", "Envelope", "NextPage", *exported}
    lines += [
        "",
        f"__all__ = {_all_list(public)}",
        "",
        "# Every generated class -> the module that defines it.",
        "_MODULES: dict[str, str] = {",
    ]
    lines += [f'    "{name}": "{names.module_name(module_of[name])}",' for name in exported]
    lines += [
        "}",
        "",
        "if not TYPE_CHECKING:  # hidden from mypy, so a misspelt name stays a type error",
        "",
        "    def __getattr__(name: str) -> object:",
        "        module = _MODULES.get(name)",
        "        if module is None:",
        '            raise AttributeError(f"module {__name__!r} has no attribute {name!r}")',
        '        value = getattr(importlib.import_module(f".{module}", __name__), name)',
        "        globals()[name] = value",
        "        return value",
        "",
        "",
        "def __dir__() -> list[str]:",
        "    return sorted({*globals(), *__all__})",
    ]
    return "\n".join(lines) + "\n"


def _isort(items: set[str]) -> list[str]:
    """isort's order inside ``from x import a, B, C``: constants, classes, then the rest."""

    def key(name: str) -> tuple[int, str]:
        if name.isupper() or (name.upper() == name and "_" in name):
            return (0, name)
        if name[:1].isupper():
            return (1, name)
        return (2, name)

    return sorted(items, key=key)


def _all_list(items: set[str]) -> str:
    return "[" + ", ".join(json.dumps(n) for n in _isort(items)) + "]"
