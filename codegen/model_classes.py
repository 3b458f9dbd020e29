"""The classes of the model modules: each property's Python type, and the nested classes.

A :class:`ClassBuilder` turns every model's merged properties (:mod:`codegen.model_schema`)
into a :class:`ModuleDef`: the model's class, the classes of its inline objects
(``Task.memberships`` -> ``TaskMembership``), and the names their annotations use.
"""

from __future__ import annotations

import json
import keyword
import re
from dataclasses import dataclass, field

from . import names
from .docstrings import summary
from .model_schema import (
    NOT_MODELS,
    Props,
    augment,
    flatten,
    group_props,
    model_schemas,
    rank,
    schema_description,
)
from .spec import Spec, operations, ref_name

__all__ = ["ClassBuilder", "ClassDef", "FieldDef", "ModuleDef"]

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


@dataclass
class FieldDef:
    """A field: its Python name, its name on the wire, its annotation and its docstring."""

    name: str
    wire: str
    annotation: str
    doc: str | None


@dataclass
class ClassDef:
    """A generated class."""

    name: str
    base: str
    doc: str
    fields: list[FieldDef] = field(default_factory=list)


@dataclass
class ModuleDef:
    """The module of one model: the model's class and the classes nested in it."""

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


def _nullable(node: Spec) -> bool:
    """Nullable itself, or through a non-``$ref`` part of its allOf."""
    if node.get("nullable") is True:
        return True
    return any(
        isinstance(part, dict) and "$ref" not in part and part.get("nullable") is True
        for part in node.get("allOf", [])
    )


def _python_name(wire: str) -> str:
    """The field name of a wire name: an identifier that shadows nothing of the model's."""
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


class ClassBuilder:
    """Every model's module of classes; :meth:`build` fills :attr:`modules`."""

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
        self.props = {model: group_props(spec, group) for model, group in self.groups.items()}
        augment(spec, self.model_of, self.props)
        self.enum_values: dict[str, list[str]] = {}
        self._hint: str | None = None

    # - types -

    def _new_class_name(self, wanted: str) -> str:
        name = names.unique(wanted, self.taken)
        self.taken.add(name)
        return name

    def annotation(self, node: Spec, module: ModuleDef, owner: str, key: str) -> str:
        """The Python type of a property schema, as loaded (``| None`` only when nullable)."""
        return " | ".join(self._parts(node, module, owner, key))

    def _parts(self, node: Spec, module: ModuleDef, owner: str, key: str) -> list[str]:
        """The members of :meth:`annotation`'s union, ``"None"`` last when nullable."""
        types = list(dict.fromkeys(self._types(node, module, owner, key)))
        if _nullable(node) and "object" not in types and "None" not in types:
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
        return self._types(self.schemas[name], module, owner, key)

    def _types(self, node: Spec, module: ModuleDef, owner: str, key: str) -> list[str]:
        ref = ref_name(node)
        if ref is not None:
            return self._ref_type(ref, module, owner, key)
        all_of = node.get("allOf", [])
        if all_of:
            refs = [p for p in all_of if ref_name(p)]
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
            summary(schema_description(self.spec, node))
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
                module.helpers.add("Field")  # the field is an alias of the wire name
            cls.fields.append(FieldDef(name, wire, annotation, summary(prop.description)))

    # - modules -

    def build(self) -> None:
        """One module per model: its class first, then the classes nested in it."""
        for model in sorted(self.groups):
            group = self.groups[model]
            module = ModuleDef(model, group)
            props = self.props[model]
            doc = None
            for schema in sorted(group, key=rank):
                doc = summary(schema_description(self.spec, self.schemas[schema]))
                if doc:
                    break
            base = "AsanaModel" if "gid" in props else "AsanaObject"
            cls = ClassDef(model, base, doc or self._union_doc(group) or f"An Asana {model}.")
            self.module_of[model] = model
            module.classes.append(cls)
            self._fill(cls, props, module, with_gid=base == "AsanaObject")
            self.modules[model] = module

    def _union_doc(self, group: list[str]) -> str | None:
        """``One of GoalMembership, ... or ProjectMembership, with the fields of all.``"""
        for schema in group:
            alternatives = self.schemas[schema].get("anyOf") or self.schemas[schema].get("oneOf")
            if alternatives:
                models = [self.model_of.get(ref_name(a) or "", "?") for a in alternatives]
                line = f"One of {', '.join(models[:-1])} or {models[-1]}, with the fields of all."
                return summary(line)
        return None

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
            ref = ref_name(data)
            if ref is None or ref in NOT_MODELS:
                continue
            model = names.model_name(ref)
            if self.model_of.get(ref) != model or model not in self.modules:
                raise ValueError(f"{op.operation_id}: no model {model} for {ref}")
