"""The model generator: ``components/schemas`` -> ``asana_typed/models/*.py``.

One model per resource: the Compact, Base and Response variants of a schema (all names that
:func:`names.model_name` maps to one class) merge into that class, richest definition last
(``TaskCompact`` + ``TaskBase`` + ``TaskResponse`` -> ``Task``). Each model lives in its own
module with the classes of its inline objects (``Task.memberships`` -> ``TaskMembership``).

Modules import each other at the bottom, after their classes, so cyclic references
(``Task.parent``, ``Task.projects`` -> ``Project.team`` -> ...) import cleanly; pydantic resolves
the names from the module's globals when a model is first used. ``models/__init__.py`` loads
the modules lazily, on first attribute access.
"""

from __future__ import annotations

import json
import keyword
import re
import textwrap
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from . import names
from .spec import deref, operations

__all__ = ["generate", "model_schemas"]

Spec = dict[str, Any]

PACKAGE = "asana_typed/models"
_REF = "#/components/schemas/"

# Schemas that become no model of their own, and why.
NOT_MODELS = {
    "EmptyResponse": "the empty `data: {}` of a DELETE",
    "NextPage": "hand-written in _base.py",
    "ErrorResponse": "the error envelope, which model_name would merge into Error",
}
# Names the package defines by hand; schemas that refer to them use them.
BASE_NAMES = {"NextPage": "NextPage"}

# Attributes of pydantic's BaseModel and of AsanaObject that a field must not shadow.
_RESERVED = frozenset(
    {
        "construct",
        "copy",
        "dict",
        "from_orm",
        "get",
        "is_loaded",
        "json",
        "parse_file",
        "parse_obj",
        "parse_raw",
        "schema",
        "schema_json",
        "update_forward_refs",
        "validate",
    }
)
# Names that field annotations use: a field called so would shadow them in the class body.
_ANNOTATION_NAMES = frozenset(
    {
        "Annotated",
        "ClassVar",
        "Field",
        "Literal",
        "NOT_LOADED",
        "OPEN_ENUM",
        "None",
        "bool",
        "datetime",
        "dict",
        "float",
        "int",
        "list",
        "object",
        "str",
    }
)


# -- descriptions ------------------------------------------------------------------------

_ASCII = str.maketrans(
    {
        "\u2018": "'",
        "\u2019": "'",
        "\u201c": "'",
        "\u201d": "'",
        '"': "'",
        "\u2013": "-",
        "\u2014": "-",
        "\u00d7": "x",
        "\u2026": "...",
        "\u00a0": " ",
    }
)
_DOC_WIDTH = 88  # a docstring line indented by 4 stays within ruff's 100 columns


def _marker(match: re.Match[str]) -> str:
    label = match.group(1).strip()
    return label if label.endswith((".", ":", "!", "?")) else label + "."


def summary(text: object, width: int = _DOC_WIDTH) -> str | None:
    """The first sentence of a spec description, as one plain ASCII line of at most ``width``."""
    if not isinstance(text, str) or not text.strip():
        return None
    text = re.sub(r"<p>.*?requires scope.*?</p>", " ", text, flags=re.S | re.I)
    text = re.sub(r"<[^>]*>", " ", text)
    text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", text)  # [label](link) -> label
    # *Conditional* Text -> Conditional. Text (a leading marker reads as its own sentence)
    text = re.sub(r"\*{1,2}([^*]+?)\*{1,2}(?=\s+[A-Z*\[])", _marker, text)
    text = re.sub(r"\*{1,2}([^*]+?)\*{1,2}", r"\1", text)  # *emphasis* -> emphasis
    text = unicodedata.normalize("NFKD", text.translate(_ASCII))
    text = text.encode("ascii", "ignore").decode("ascii")
    text = " ".join(text.replace("\\", "/").split())
    if not text:
        return None
    sentences = re.split(r"(?<=[.!?])\s+(?=[A-Z`'(])", text)
    line = sentences.pop(0)
    last = line
    while len(last) < 24 and sentences:  # "Conditional." alone says little: take the next one
        last = sentences.pop(0)
        line = f"{line} {last}"
    if line.startswith("'") and line.count("'") % 2:  # an unbalanced opening quote
        line = line[1:]
    if len(line) > width:
        line = line[: width - 3].rsplit(" ", 1)[0].rstrip(",;:-(") + "..."
    elif not line.endswith((".", "!", "?", ":")):
        line += "."
    return line.strip()


# -- which schemas become which models ---------------------------------------------------


def _ref_name(node: object) -> str | None:
    if isinstance(node, dict) and isinstance(node.get("$ref"), str):
        ref: str = node["$ref"]
        if ref.startswith(_REF):
            return ref[len(_REF) :]
    return None


def _refs_in(node: object, out: set[str]) -> None:
    name = _ref_name(node)
    if name is not None:
        out.add(name)
    if isinstance(node, dict):
        for value in node.values():
            _refs_in(value, out)
    elif isinstance(node, list):
        for value in node:
            _refs_in(value, out)


def _closure(spec: Spec, start: set[str]) -> set[str]:
    schemas = spec["components"]["schemas"]
    seen: set[str] = set()
    todo = sorted(start)
    while todo:
        name = todo.pop()
        if name in seen or name not in schemas:
            continue
        seen.add(name)
        found: set[str] = set()
        _refs_in(schemas[name], found)
        todo.extend(sorted(found - seen))
    return seen


def _is_request_name(name: str) -> bool:
    return name.endswith(("Request", "RequestBase"))


def model_schemas(spec: Spec) -> dict[str, list[str]]:
    """``{model: [schema, ...]}`` in spec order: which schemas merge into which model.

    Left out: request bodies (``*Request``, ``*RequestBase``), schemas only request bodies
    use (``BatchRequestAction``, ...), and :data:`NOT_MODELS`.
    """
    in_requests: set[str] = set()
    in_responses: set[str] = set()
    for op in operations(spec):
        _refs_in(op.raw.get("requestBody"), in_requests)
        for response in op.raw.get("responses", {}).values():
            _refs_in(deref(spec, response), in_responses)
    request_only = _closure(spec, in_requests) - _closure(spec, in_responses)
    groups: dict[str, list[str]] = {}
    for name in spec["components"]["schemas"]:
        if name in NOT_MODELS or _is_request_name(name) or name in request_only:
            continue
        groups.setdefault(names.model_name(name), []).append(name)
    return groups


# -- properties --------------------------------------------------------------------------


@dataclass
class Prop:
    """One property of a class: its schema (alternatives, for anyOf) and its description."""

    schemas: list[Spec]
    description: str | None


Props = dict[str, Prop]


def _description(node: Spec) -> str | None:
    """A property's own description (on itself or on a non-``$ref`` part of its allOf)."""
    if isinstance(node.get("description"), str):
        text: str = node["description"]
        return text
    for part in node.get("allOf", []):
        if (
            isinstance(part, dict)
            and "$ref" not in part
            and isinstance(part.get("description"), str)
        ):
            found: str = part["description"]
            return found
    return None


def _merge(into: Props, more: Props, union: bool) -> None:
    """Later definitions win (allOf, variants); with ``union`` (anyOf) they add alternatives."""
    for key, prop in more.items():
        old = into.get(key)
        if old is None:
            into[key] = Prop(list(prop.schemas), prop.description)
        elif union:
            old.schemas.extend(s for s in prop.schemas if s not in old.schemas)
            old.description = old.description or prop.description
        else:
            old.schemas = list(prop.schemas)
            old.description = prop.description or old.description


def flatten(spec: Spec, node: Spec, seen: tuple[str, ...] = ()) -> Props:
    """The properties of an object schema, following ``$ref``, ``allOf`` and ``anyOf``."""
    props: Props = {}
    name = _ref_name(node)
    if name is not None:
        if name in seen:
            return props
        return flatten(spec, deref(spec, node), (*seen, name))
    for part in node.get("allOf", []):
        _merge(props, flatten(spec, part, seen), union=False)
    for key in ("anyOf", "oneOf"):
        for part in node.get(key, []):
            _merge(props, flatten(spec, part, seen), union=True)
    for key, value in (node.get("properties") or {}).items():
        _merge(props, {key: Prop([value], _description(value))}, union=False)
    return props


def _schema_description(spec: Spec, node: Spec) -> str | None:
    """A schema's description, or the first one found along its allOf chain."""
    node = deref(spec, node)
    if isinstance(node.get("description"), str):
        text: str = node["description"]
        return text
    for part in node.get("allOf", []):
        found = _schema_description(spec, part)
        if found:
            return found
    return None


def _rank(name: str) -> int:
    if name.endswith("Response"):
        return 2
    if name.endswith("Compact"):
        return 0
    return 1


# -- generated classes -------------------------------------------------------------------


@dataclass
class FieldDef:
    name: str
    wire: str
    annotation: str
    doc: str | None


@dataclass
class ClassDef:
    name: str
    base: str
    doc: str
    fields: list[FieldDef] = field(default_factory=list)


@dataclass
class ModuleDef:
    model: str
    schemas: list[str]
    classes: list[ClassDef] = field(default_factory=list)
    uses: set[str] = field(default_factory=set)  # model classes the annotations refer to
    helpers: set[str] = field(default_factory=set)  # typing, pydantic and _base names they use


def _singular(word: str) -> str:
    if word.endswith("ies"):
        return word[:-3] + "y"
    if word.endswith(("sses", "shes", "ches", "xes")):
        return word[:-2]
    if word.endswith("s") and not word.endswith("ss"):
        return word[:-1]
    return word


def _python_name(wire: str) -> str:
    name = re.sub(r"\W", "_", wire)
    if not name or name[0].isdigit():
        name = "_" + name
    if name.startswith("_"):
        name = "f" + name  # pydantic treats leading underscores as private
    if keyword.iskeyword(name) or name in _RESERVED or name in _ANNOTATION_NAMES:
        name += "_"
    if name.startswith("model_"):
        name += "_"
    return name


class _Generator:
    def __init__(self, spec: Spec) -> None:
        self.spec = spec
        self.schemas: Spec = spec["components"]["schemas"]
        self.groups = model_schemas(spec)
        self.model_of = {s: model for model, group in self.groups.items() for s in group}
        self.taken: set[str] = set(self.groups) | {
            "AsanaModel",
            "AsanaObject",
            "AsanaJsonSchema",
            "Envelope",
            "NextPage",
        }
        self.modules: dict[str, ModuleDef] = {}
        self.module_of: dict[str, str] = {}  # class -> module
        self.props = {model: self._group_props(group) for model, group in self.groups.items()}
        self.special_cases: list[str] = []
        self.enum_values: dict[str, list[str]] = {}
        self._hint: str | None = None
        self._augment()

    # - properties of a model -

    def _group_props(self, group: list[str]) -> Props:
        ordered = sorted(
            group,
            key=lambda s: (_rank(s), len(flatten(self.spec, self.schemas[s])), group.index(s)),
        )
        props: Props = {}
        for schema in ordered:
            _merge(props, flatten(self.spec, {"$ref": _REF + schema}), union=False)
        return props

    def _wrappers(self, node: object, root: bool) -> Iterator[Spec]:
        """Property-level ``allOf`` nodes (not a schema's own allOf inheritance)."""
        if not isinstance(node, dict):
            return
        if not root and node.get("allOf"):
            yield node
        for part in node.get("allOf", []):
            yield from self._wrappers(part, root)
        for value in (node.get("properties") or {}).values():
            yield from self._wrappers(value, False)
        for key in ("items", "additionalProperties"):
            yield from self._wrappers(node.get(key), False)
        for key in ("anyOf", "oneOf"):
            for part in node.get(key, []):
                yield from self._wrappers(part, root)

    def _augment(self) -> None:
        """``allOf: [$ref X, {properties: ...}]`` on a property adds to X's model what it lacks.

        (``Goal.metric`` is a ``GoalMetricBase`` plus ``can_manage``: ``GoalMetric`` gets it.)
        """
        for name in self.schemas:
            if name not in self.model_of:
                continue
            for node in self._wrappers(self.schemas[name], True):
                refs = [p for p in node["allOf"] if _ref_name(p)]
                if len(refs) != 1:
                    continue
                target = self.model_of.get(_ref_name(refs[0]) or "")
                if target is None:
                    continue
                for part in node["allOf"]:
                    if _ref_name(part):
                        continue
                    for key, prop in flatten(self.spec, part).items():
                        if key not in self.props[target]:
                            self.props[target][key] = prop
                            self.special_cases.append(
                                f"{name}: allOf wrapper adds {key!r} to {target}"
                            )

    # - types -

    def _nullable(self, node: Spec) -> bool:
        if node.get("nullable") is True:
            return True
        return any(
            isinstance(part, dict) and "$ref" not in part and part.get("nullable") is True
            for part in node.get("allOf", [])
        )

    def _new_class_name(self, wanted: str) -> str:
        name, n = wanted, 2
        while name in self.taken:
            name, n = f"{wanted}{n}", n + 1
        if name != wanted:
            self.special_cases.append(f"nested class {wanted} renamed {name} (name clash)")
        self.taken.add(name)
        return name

    def annotation(self, node: Spec, module: ModuleDef, owner: str, key: str) -> str:
        """The Python type of a property schema, as loaded (``| None`` only when nullable)."""
        return " | ".join(self._parts(node, module, owner, key))

    def _parts(self, node: Spec, module: ModuleDef, owner: str, key: str) -> list[str]:
        """The members of :meth:`annotation`'s union, ``"None"`` last when nullable."""
        types = list(dict.fromkeys(self._types(node, module, owner, key)))
        if self._nullable(node) and "object" not in types and "None" not in types:
            types.append("None")
        return types

    def _ref_type(self, name: str, module: ModuleDef, owner: str, key: str) -> list[str]:
        if name in self.model_of:
            model = self.model_of[name]
            module.uses.add(model)
            return [model]
        if name in BASE_NAMES:
            module.helpers.add(BASE_NAMES[name])
            return [BASE_NAMES[name]]
        # A schema with no model of its own (a request schema used in a response): inline.
        self.special_cases.append(f"{owner}.{key}: inlined $ref {name} (no model of its own)")
        return self._types(self.schemas[name], module, owner, key)

    def _types(self, node: Spec, module: ModuleDef, owner: str, key: str) -> list[str]:
        ref = _ref_name(node)
        if ref is not None:
            return self._ref_type(ref, module, owner, key)
        all_of = node.get("allOf", [])
        if all_of:
            refs = [p for p in all_of if _ref_name(p)]
            if len(refs) == 1:
                return self._types(refs[0], module, owner, key)
            if refs:  # several bases: an inline class that merges them
                return [self._inline_class(node, module, owner, key)]
            if any("properties" in p for p in all_of):
                return [self._inline_class(node, module, owner, key)]
            merged: Spec = {}
            for part in all_of:
                merged.update(part)
            return self._types(merged, module, owner, key)
        alternatives = node.get("anyOf") or node.get("oneOf")
        if alternatives:
            found: list[str] = []
            for i, alt in enumerate(alternatives):
                found.extend(self._types(alt, module, owner, f"{key}_{i}"))
            return list(dict.fromkeys(found))
        if "enum" in node:
            values = [v for v in node["enum"] if v is not None]
            if values and all(isinstance(v, str) for v in values):
                return [self._enum(values, module)]
        kind = node.get("type")
        if kind == "array":
            items = node.get("items") or {}
            inner = self.annotation(items, module, owner, _singular(key))
            return [f"list[{inner}]"]
        if kind == "object" or "properties" in node:
            if node.get("properties"):
                return [self._inline_class(node, module, owner, key)]
            extra = node.get("additionalProperties")
            if isinstance(extra, dict) and extra:
                return [f"dict[str, {self.annotation(extra, module, owner, key)}]"]
            return ["dict[str, object]"]
        if kind == "string":
            fmt = node.get("format")
            if fmt in ("date-time", "date"):
                module.helpers.add("datetime")
                return ["datetime.datetime" if fmt == "date-time" else "datetime.date"]
            return ["str"]
        simple = {"integer": "int", "number": "float", "boolean": "bool"}
        if kind in simple:
            return [simple[kind]]
        return ["object"]

    def _enum(self, values: list[str], module: ModuleDef) -> str:
        literal = ", ".join(json.dumps(v) for v in values)
        module.helpers.update({"Annotated", "Literal", "OPEN_ENUM"})
        annotation = f"Annotated[Literal[{literal}], OPEN_ENUM]"
        self.enum_values[annotation] = values
        return annotation

    def _merge_enums(self, types: list[str]) -> list[str]:
        """Several open enums in one union become one open enum with all their values."""
        enums = [t for t in types if t in self.enum_values]
        if len(enums) < 2:
            return types
        values = list(dict.fromkeys(v for t in enums for v in self.enum_values[t]))
        merged = f"Annotated[Literal[{', '.join(json.dumps(v) for v in values)}], OPEN_ENUM]"
        return [merged if t == enums[0] else t for t in types if t not in enums[1:]]

    def _tagged(self, types: list[str], module: ModuleDef) -> list[str]:
        """A union of resource models, told apart by ``resource_type`` (the spec's examples).

        Left a plain union when a member is no model or two members share a resource type
        (``User | Placeholder``: both say "user"); pydantic then picks the best fit.
        """
        if len(types) < 2 or not all(t in self.props for t in types):
            return types
        tags = []
        for model in types:
            prop = self.props[model].get("resource_type")
            example = prop.schemas[-1].get("example") if prop else None
            tags.append(example if isinstance(example, str) else None)
        if None in tags or len(set(tags)) != len(tags):
            self.special_cases.append(f"plain union {' | '.join(types)} (resource types {tags})")
            return types
        module.helpers.update({"Annotated", "PydanticTag", "by_resource_type"})
        members = " | ".join(
            f"Annotated[{m}, PydanticTag({json.dumps(t)})]"
            for m, t in zip(types, tags, strict=True)
        )
        tag_args = ", ".join(json.dumps(t) for t in tags)
        return [f"Annotated[{members}, by_resource_type({tag_args})]"]

    def _inline_class(self, node: Spec, module: ModuleDef, owner: str, key: str) -> str:
        name = self._new_class_name(owner + names.class_name(key))
        doc = (
            summary(_schema_description(self.spec, node))
            or summary(self._hint)
            or f"The ``{key}`` of a ``{owner}``."
        )
        cls = ClassDef(name, "AsanaObject", doc)
        self.module_of[name] = module.model
        props = flatten(self.spec, node)
        module.classes.append(cls)  # before its own nested classes: outer first
        self._fill(cls, props, module, with_gid=True)
        return name

    def _fill(self, cls: ClassDef, props: Props, module: ModuleDef, with_gid: bool) -> None:
        used = {"gid"} if not with_gid else set()
        for wire, prop in props.items():
            if wire == "gid" and not with_gid:
                continue
            self._hint = prop.description  # the doc of an inline class made for this field
            if len(prop.schemas) == 1:
                annotation = self.annotation(prop.schemas[0], module, cls.name, wire)
            else:  # anyOf variants disagree: the union of their types
                types: list[str] = []
                for schema in prop.schemas:
                    types.extend(self._parts(schema, module, cls.name, wire))
                types = self._merge_enums(list(dict.fromkeys(types)))
                nullable = "None" in types
                types = self._tagged([t for t in types if t != "None"], module)
                annotation = " | ".join([*types, "None"] if nullable else types)
            name = _python_name(wire)
            while name in used:
                name += "_"
            used.add(name)
            if name != wire:
                module.helpers.add("Field")
                self.special_cases.append(f"{cls.name}.{wire}: field {name} with alias")
            cls.fields.append(FieldDef(name, wire, annotation, summary(prop.description)))

    # - modules -

    def build(self) -> None:
        for model in sorted(self.groups):
            group = self.groups[model]
            module = ModuleDef(model, group)
            props = self.props[model]
            doc = None
            for schema in sorted(group, key=_rank):
                doc = summary(_schema_description(self.spec, self.schemas[schema]))
                if doc:
                    break
            base = "AsanaModel" if "gid" in props else "AsanaObject"
            cls = ClassDef(model, base, doc or self._union_doc(group) or f"An Asana {model}.")
            self.module_of[model] = model
            module.classes.append(cls)
            self._fill(cls, props, module, with_gid=base == "AsanaObject")
            self.modules[model] = module

    def _union_doc(self, group: list[str]) -> str | None:
        """``A GoalMembership, ProjectMembership, ... (the fields of all of them).``"""
        for schema in group:
            alternatives = self.schemas[schema].get("anyOf") or self.schemas[schema].get("oneOf")
            if alternatives:
                models = [self.model_of.get(_ref_name(a) or "", "?") for a in alternatives]
                line = f"One of {', '.join(models[:-1])} or {models[-1]}, with the fields of all."
                return summary(line)
        return None

    def render_module(self, module: ModuleDef) -> str:
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
            lines += ["", *self.render_class(cls), ""]
        others = sorted(
            (self.module_of[n], n)
            for n in module.uses
            if n in self.module_of and self.module_of[n] != module.model
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
            for mod, class_names in sorted(
                by_module.items(), key=lambda m: names.module_name(m[0])
            ):
                imported = ", ".join(sorted(class_names))
                lines.append(f"from .{names.module_name(mod)} import {imported}  # noqa: E402")
        return "\n".join(lines).rstrip("\n") + "\n"

    def render_class(self, cls: ClassDef) -> list[str]:
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

    def render_init(self) -> str:
        by_module: dict[str, list[str]] = {}
        for name, model in self.module_of.items():
            by_module.setdefault(names.module_name(model), []).append(name)
        exported = sorted(self.module_of)
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
        lines += [
            f'    "{name}": "{names.module_name(self.module_of[name])}",' for name in exported
        ]
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

    def check_operations(self) -> None:
        """Every model an operation's ``data`` refers to exists, under model_name's name."""
        for op in operations(self.spec):
            schema = op.response_schema()
            if not schema:
                continue
            data = (schema.get("properties") or {}).get("data")
            if not isinstance(data, dict):
                continue
            if data.get("type") == "array":
                data = data.get("items") or {}
            ref = _ref_name(data)
            if ref is None or ref in NOT_MODELS:
                continue
            model = names.model_name(ref)
            if self.model_of.get(ref) != model or model not in self.modules:
                raise ValueError(f"{op.operation_id}: no model {model} for {ref}")

    def files(self) -> dict[str, str]:
        self.build()
        self.check_operations()
        out = {
            f"{PACKAGE}/{names.module_name(m)}.py": self.render_module(mod)
            for m, mod in self.modules.items()
        }
        out[f"{PACKAGE}/__init__.py"] = self.render_init()
        return out


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


def generate(spec: Spec) -> dict[str, str]:
    """``{path from the repository root: source}`` of every generated model module."""
    return _Generator(spec).files()
