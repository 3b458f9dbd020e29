"""The ``TypedDict``s of ``api/{tag}.py``: request schemas -> ``params`` types.

A :class:`Module` collects one tag's TypedDicts (query parameters, request bodies and the
JSON objects nested in them) and the names its annotations need imported; an identical
TypedDict is declared once and aliased (top level) or reused (nested).
"""

from __future__ import annotations

import keyword
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from .docstrings import docstring
from .names import class_name, unique
from .spec import Spec, deref

__all__ = ["Fields", "Module", "TypedDictDef", "merge_all_of", "render_typeddict"]

# Nested request objects deeper than this become ``Mapping[str, object]``.
MAX_DEPTH = 3

Fields = list[tuple[str, str, bool]]  # (key, annotation, required)

# Names the generated modules import: a key called so needs the functional TypedDict form.
_SHADOWED = frozenset(
    {"datetime", "Mapping", "Sequence", "Literal", "Required", "FileUpload", "str", "int"}
    | {"float", "bool", "object", "None"}
)


def merge_all_of(spec: Spec, node: Any) -> Spec:
    """A schema with its ``allOf`` parts merged (later parts win), ``$ref`` followed."""
    schema: Spec = deref(spec, node) or {}
    if "allOf" not in schema:
        return schema
    out: Spec = {k: v for k, v in schema.items() if k not in ("allOf", "properties", "required")}
    props: dict[str, Any] = {}
    required: list[str] = []
    for part in [
        *schema["allOf"],
        {k: schema[k] for k in ("properties", "required") if k in schema},
    ]:
        flat = merge_all_of(spec, part)
        for name, prop in flat.get("properties", {}).items():
            earlier = deref(spec, props[name]) if name in props else {}
            props[name] = {**earlier, **deref(spec, prop)} if earlier else prop
        required += [r for r in flat.get("required", []) if r not in required]
        for key, value in flat.items():
            if key not in ("properties", "required"):
                out[key] = value
    if props:
        out["properties"] = props
    if required:
        out["required"] = required
    return out


@dataclass
class TypedDictDef:
    """A ``TypedDict`` to render."""

    name: str
    doc: str
    fields: Fields
    alias_of: str | None = None


@dataclass
class Module:
    """One ``api/{tag}.py`` being built: its TypedDicts and the names it imports."""

    spec: Spec
    tag: str
    attribute: str
    cls: str
    typeddicts: list[TypedDictDef] = field(default_factory=list)
    uses: set[str] = field(default_factory=set)
    models: set[str] = field(default_factory=set)
    foreign: dict[str, set[str]] = field(default_factory=dict)  # module -> TypedDicts
    required_keys: dict[str, set[str]] = field(default_factory=dict)

    def add_typeddict(self, name: str, doc: str, fields: Fields, *, nested: bool = False) -> str:
        """Add a TypedDict (an alias if an identical one exists); return its name.

        A ``nested`` one (a JSON object inside ``data``) identical to an earlier one is not
        added again: the earlier one is used.
        """
        same = next((t for t in self.typeddicts if not t.alias_of and t.fields == fields), None)
        if nested and same is not None:
            return same.name
        name = unique(name, {t.name for t in self.typeddicts} | {self.cls})
        if same is not None and fields:
            self.typeddicts.append(TypedDictDef(name, doc, fields, alias_of=same.name))
            self.uses.add("TypeAlias")
        else:
            self.typeddicts.append(TypedDictDef(name, doc, fields))
        if any(required for _, _, required in fields):
            self.uses.add("Required")
        self.required_keys[name] = {k for k, _, r in fields if r}
        return name

    # -- schema -> annotation --------------------------------------------------------------

    def type_of(self, node: Any, context: str, depth: int = 0, doc: str = "") -> str:
        """The annotation of a request value; nested objects become TypedDicts ``context``."""
        schema = merge_all_of(self.spec, node)
        nullable = bool(schema.get("nullable"))
        alternatives = schema.get("oneOf") or schema.get("anyOf")
        if alternatives:
            parts: list[str] = []
            for alt in alternatives:
                for part in self.type_of(alt, context, depth, doc).split(" | "):
                    if part not in parts:
                        parts.append(part)
            text = " | ".join(parts)
        elif "enum" in schema:
            values = [v for v in schema["enum"] if v is not None]
            self.uses.add("Literal")
            text = "Literal[" + ", ".join(_literal(v) for v in values) + "]"
        else:
            text = self._plain(schema, context, depth, doc)
        if nullable and not text.endswith("| None") and text != "object":
            text += " | None"
        return text

    def _plain(self, schema: Spec, context: str, depth: int, doc: str) -> str:
        kind = schema.get("type")
        if kind == "string":
            fmt = schema.get("format")
            if fmt == "date":
                self.uses.add("datetime")
                return "str | datetime.date"
            if fmt == "date-time":
                self.uses.add("datetime")
                return "str | datetime.datetime"
            if fmt == "binary":
                self.uses.add("FileUpload")
                return "FileUpload"
            return "str"
        if kind == "integer":
            return "int"
        if kind == "number":
            return "float"
        if kind == "boolean":
            return "bool"
        if kind == "array":
            self.uses.add("Sequence")
            return f"Sequence[{self.type_of(schema.get('items', {}), context, depth, doc)}]"
        if kind == "object" or "properties" in schema:
            if depth < MAX_DEPTH and not schema.get("additionalProperties"):
                fields = self.fields_of(schema, context, depth + 1)
                if fields:
                    return self.add_typeddict(context, doc, fields, nested=True)
            self.uses.add("Mapping")
            return "Mapping[str, object]"
        return "object"

    def fields_of(self, schema: Spec, context: str, depth: int) -> Fields:
        """The writable properties of an object schema as TypedDict fields."""
        required = set(schema.get("required", []))
        fields = []
        for key, prop in schema.get("properties", {}).items():
            if merge_all_of(self.spec, prop).get("readOnly"):
                continue
            doc = f"``{key}`` in ``{context}``."
            kind = self.type_of(prop, context + class_name(key), depth, doc)
            fields.append((key, kind, key in required))
        return fields

    def query_fields(self, params: Iterable[Spec], context: str) -> Fields:
        """Query parameters as TypedDict fields."""
        fields = []
        for param in params:
            schema = param.get("schema", {})
            # A required parameter with a default (typeahead's resource_type): Asana uses it.
            required = bool(param.get("required")) and "default" not in schema
            fields.append(
                (param["name"], self.type_of(schema, context + class_name(param["name"])), required)
            )
        return fields


def _literal(value: object) -> str:
    if isinstance(value, str):
        return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'
    return repr(value)


def render_typeddict(td: TypedDictDef) -> list[str]:
    """The source of one TypedDict (a class, the functional form, or an alias)."""
    if td.alias_of:
        comment = f"# {td.doc}" if td.doc else f"# The same fields as {td.alias_of}."
        return [comment, f"{td.name}: TypeAlias = {td.alias_of}"]
    functional = any(
        not key.isidentifier() or keyword.iskeyword(key) or key in _SHADOWED
        for key, _, _ in td.fields
    )

    def annotation(kind: str, required: bool) -> str:
        return f"Required[{kind}]" if required else kind

    if functional:
        lines = [f"# {td.doc}"] if td.doc else []
        lines.append(f'{td.name} = TypedDict("{td.name}", {{')
        lines += [f'    "{k}": {annotation(t, r)},' for k, t, r in td.fields]
        lines.append("}, total=False)")
        return lines
    lines = [f"class {td.name}(TypedDict, total=False):"]
    if td.doc:
        lines += docstring(td.doc, 4)
    if td.fields:
        if td.doc:
            lines.append("")
        lines += [f"    {k}: {annotation(t, r)}" for k, t, r in td.fields]
    elif not td.doc:
        lines.append("    pass")
    return lines
