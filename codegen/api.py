"""Generate ``asana_typed/api``: one resource class per tag, one method per operation.

Each operation becomes a method named ``snake(operationId)``: the path parameters first
(positional strings, checked with ``path_arg``), then ``params`` (a ``TypedDict`` of the
query parameters for GET/DELETE, of the JSON body's ``data`` for POST/PUT), then the
request options as keyword arguments. Overloads give the exact return type for each
combination of ``fields``/``expand`` (a model class projects), ``full_payload`` and
``iterator_type``, as in the hand-written modules this replaces.

The old client's method names (``codegen/legacy.py``) are added as aliases on the class of
the same operation, or as full methods where the old client had them on another resource.
``api/_resources.py`` gives the client one lazily imported attribute per tag.
"""

from __future__ import annotations

import keyword
import re
import textwrap
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from . import legacy
from .names import HEADER, class_name, model_name, module_name, snake, tag_attribute, tag_class
from .spec import Operation, deref, operations

__all__ = ["generate"]

Spec = dict[str, Any]

# Query parameters that are request options, not API parameters.
OPTION_PARAMS = frozenset({"opt_fields", "opt_pretty", "opt_expand"})
# Pagination parameters: the ``page_size`` and ``offset`` options of collection methods.
PAGE_PARAMS = frozenset({"limit", "offset"})
# Nested request objects deeper than this become ``Mapping[str, object]``.
MAX_DEPTH = 3
# Models the lead hand-writes a subclass for: ``Resources`` returns the subclass.
HAND_WRITTEN_SUBCLASS = {"events": "_events", "attachments": "_attachments"}
LINE = 100

# -- spec reading ---------------------------------------------------------------------------


def _ref_name(node: Any) -> str | None:
    if isinstance(node, dict) and "$ref" in node:
        return str(node["$ref"]).rsplit("/", 1)[-1]
    return None


def flatten(spec: Spec, node: Any) -> Spec:
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
        flat = flatten(spec, part)
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


def _envelope(op: Operation) -> tuple[str, str | None]:
    """``(kind, model)``: collection, many, single, empty, or multipart; and ``T``."""
    schema = op.response_schema()
    props = (schema or {}).get("properties", {})
    data = props.get("data")
    if data is None:
        raise ValueError(f"{op}: success response has no data")
    body = op.request_body()
    multipart = body is not None and body[0] == "multipart/form-data"
    if data.get("type") == "array":
        name = _ref_name(data["items"])
        if name is None:
            raise ValueError(f"{op}: data items are not a named schema")
        query = {p["name"] for p in op.params_in("query")}
        # getUsersForTeam/getUsersForWorkspace/getTaskTemplates take ``offset`` and Asana
        # paginates them, but their response schemas leave out ``next_page``.
        if "next_page" in props or (op.verb == "GET" and "offset" in query):
            return "collection", model_name(name)
        return "many", model_name(name)
    name = _ref_name(data)
    if name is None:
        raise ValueError(f"{op}: data is not a named schema")
    if name == "EmptyResponse":
        return "empty", None
    return ("multipart" if multipart else "single"), model_name(name)


def _path_params(op: Operation) -> list[str]:
    return re.findall(r"\{([^}]+)\}", op.path)


# -- types ----------------------------------------------------------------------------------


@dataclass
class TypedDictDef:
    """A ``TypedDict`` to render: ``fields`` are ``(key, type, required)``."""

    name: str
    doc: str
    fields: list[tuple[str, str, bool]]
    alias_of: str | None = None

    def body(self) -> tuple[tuple[str, str, bool], ...]:
        return tuple(self.fields)


_SHADOWED = frozenset(
    {"datetime", "Mapping", "Sequence", "Literal", "Required", "FileUpload", "str", "int"}
    | {"float", "bool", "object", "None"}
)


@dataclass
class OpInfo:
    """What the generator decided for one operation."""

    op: Operation
    name: str
    kind: str
    model: str | None
    path_params: list[str]
    params: str | None  # the TypedDict of ``params``; None: no ``params`` argument
    params_required: bool
    query: str | None  # the TypedDict of a body operation's query parameters
    module: str
    cls: str


@dataclass
class Module:
    """One ``api/{tag}.py`` being built."""

    spec: Spec
    tag: str
    attribute: str
    cls: str
    typeddicts: list[TypedDictDef] = field(default_factory=list)
    uses: set[str] = field(default_factory=set)
    models: set[str] = field(default_factory=set)
    foreign: dict[str, set[str]] = field(default_factory=dict)  # module -> TypedDicts
    required_keys: dict[str, set[str]] = field(default_factory=dict)

    def _unique(self, name: str) -> str:
        taken = {t.name for t in self.typeddicts} | {self.cls}
        candidate, n = name, 2
        while candidate in taken:
            candidate, n = f"{name}{n}", n + 1
        return candidate

    def add_typeddict(
        self, name: str, doc: str, fields: list[tuple[str, str, bool]], *, nested: bool = False
    ) -> str:
        """Add a TypedDict (an alias if an identical one exists); return its name.

        A ``nested`` one (a JSON object inside ``data``) identical to an earlier one is not
        added again: the earlier one is used.
        """
        same = next(
            (t for t in self.typeddicts if not t.alias_of and t.body() == tuple(fields)), None
        )
        if nested and same is not None:
            return same.name
        name = self._unique(name)
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
        schema = flatten(self.spec, node)
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

    def fields_of(self, schema: Spec, context: str, depth: int) -> list[tuple[str, str, bool]]:
        """The writable properties of an object schema as TypedDict fields."""
        required = set(schema.get("required", []))
        fields = []
        for key, prop in schema.get("properties", {}).items():
            if flatten(self.spec, prop).get("readOnly"):
                continue
            doc = f"``{key}`` in ``{context}``."
            kind = self.type_of(prop, context + class_name(key), depth, doc)
            fields.append((key, kind, key in required))
        return fields

    def query_fields(self, params: Iterable[Spec], context: str) -> list[tuple[str, str, bool]]:
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


def _camel(operation_id: str) -> str:
    return class_name(snake(operation_id))


def analyse(module: Module, op: Operation) -> OpInfo:
    """Decide the method of ``op`` and add its TypedDicts to ``module``."""
    kind, model = _envelope(op)
    name = snake(op.operation_id)
    camel = _camel(op.operation_id)
    query_params = [p for p in op.params_in("query") if p["name"] not in OPTION_PARAMS]
    body = op.request_body()
    params: str | None
    query: str | None = None
    if op.verb in ("GET", "DELETE"):
        if kind == "collection":
            query_params = [p for p in query_params if p["name"] not in PAGE_PARAMS]
        fields = module.query_fields(query_params, camel + "Params")
        doc = f"Query parameters of ``{name}``" + ("." if fields else " (none besides options).")
        params = module.add_typeddict(camel + "Params", doc, fields)
    else:
        # POST /status_updates inherits the path's limit/offset, which mean nothing to a POST.
        query_params = [p for p in query_params if p["name"] not in PAGE_PARAMS]
        if query_params:
            fields = module.query_fields(query_params, camel + "Query")
            query = module.add_typeddict(
                camel + "Query", f"Query parameters of ``{name}``.", fields
            )
        if body is None:
            params = None  # approveAccessRequest/rejectAccessRequest: no request body at all
        else:
            media, schema = body
            if media == "multipart/form-data":
                data = flatten(module.spec, schema)
                what = f"The form fields of ``{name}`` (``multipart/form-data``)."
            else:
                node = schema.get("properties", {}).get("data", {})
                data = flatten(module.spec, node)
                source = _ref_name(node)
                what = f"The ``data`` of ``{name}``" + (f" (``{source}``)." if source else ".")
            fields = module.fields_of(data, camel + "Data", 1)
            params = module.add_typeddict(camel + "Data", what, fields)
    if model is not None:
        module.models.add(model)
    return OpInfo(
        op=op,
        name=name,
        kind=kind,
        model=model,
        path_params=_path_params(op),
        params=params,
        params_required=bool(params and module.required_keys.get(params)),
        query=query,
        module=module.attribute,
        cls=module.cls,
    )


# -- method rendering -----------------------------------------------------------------------

SEQ = "fields: Sequence[str] | None = None", "expand: Sequence[str] | None = None"
PROJ = "fields: Projection[M] = None", "expand: Projection[M] = None"


def _overloads(kind: str, model: str) -> list[tuple[list[str], str]]:
    """``(keyword parameters, return type)`` of each overload of a method of ``kind``."""
    if kind == "collection":
        items = 'iterator_type: Literal["items"] = "items"', "full_payload: bool = False"
        page = "iterator_type: None", "full_payload: Literal[False] = False"
        whole = "iterator_type: None", "full_payload: Literal[True]"
        return [
            ([*SEQ, *items], f"Iterator[{model}]"),
            ([*PROJ, *items], "Iterator[M]"),
            ([*SEQ, *page], f"list[{model}]"),
            ([*PROJ, *page], "list[M]"),
            ([*SEQ, *whole], f"Envelope[list[{model}]]"),
            ([*PROJ, *whole], "Envelope[list[M]]"),
        ]
    t = f"list[{model}]" if kind == "many" else model
    m = "list[M]" if kind == "many" else "M"
    return [
        ([*SEQ, "full_payload: Literal[False] = False"], t),
        ([*PROJ, "full_payload: Literal[False] = False"], m),
        ([*SEQ, "full_payload: Literal[True]"], f"Envelope[{t}]"),
        ([*PROJ, "full_payload: Literal[True]"], f"Envelope[{m}]"),
    ]


_ASCII = str.maketrans({"\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"'})


def _docstring(text: str, indent: int) -> list[str]:
    pad = " " * indent
    text = text.translate(_ASCII)
    out: list[str] = []
    paragraphs = text.strip().split("\n\n")
    for n, para in enumerate(paragraphs):
        if n:
            out.append("")
        out += textwrap.wrap(
            para.replace("\\", "\\\\"), width=LINE - indent - 6, break_on_hyphens=False
        ) or [""]
    if len(out) == 1:
        return [f'{pad}"""{out[0]}"""']
    return [f'{pad}"""{out[0]}', *(f"{pad}{line}" if line else "" for line in out[1:]), f'{pad}"""']


def _summary(op: Operation) -> str:
    text = " ".join(op.summary.split()) or op.operation_id
    return text if text.endswith((".", "!", "?")) else text + "."


def _gid_name(argument: str) -> str:
    return argument if argument.endswith("_gid") else argument + "_gid"


@dataclass
class Call:
    """How a method reaches the client: path, what it sends, what it is named."""

    name: str
    info: OpInfo
    args: list[str]  # positional path arguments of the signature
    path: str  # spec path with {placeholders}
    values: dict[str, str]  # placeholder -> Python expression
    literal: dict[str, str]  # placeholder -> fixed text
    params_type: str | None
    params_required: bool
    doc: str
    inject: tuple[str, str, str] | None = None  # (into "data"/"query", key, expression)


def _path_code(call: Call, uses: set[str]) -> list[str]:
    """Lines that set ``path`` (validating each path argument)."""
    pieces: list[tuple[str, bool]] = []  # (text, is_expression)
    for part in re.split(r"(\{[^}]+\})", call.path):
        if part.startswith("{"):
            name = part[1:-1]
            if name in call.literal:
                pieces.append((call.literal[name], False))
            else:
                pieces.append((call.values[name], True))
        elif part:
            pieces.append((part, False))
    if not any(is_expr for _, is_expr in pieces):
        return [f'        path = "{"".join(t for t, _ in pieces)}"']
    uses.add("path_arg")
    inline = "".join(f"{{{t}}}" if e else t for t, e in pieces)
    line = f'        path = f"{inline}"'
    if len(line) <= LINE:
        return [line]
    # Too long for one line: check the arguments first, then format.
    lines = []
    short = []
    for text, is_expr in pieces:
        if is_expr:
            arg = re.match(r"path_arg\('(\w+)', (\w+)\)", text)
            if arg is None:
                raise ValueError(f"unexpected path expression {text!r}")
            lines.append(f'        {arg.group(2)} = path_arg("{arg.group(1)}", {arg.group(2)})')
            short.append((arg.group(2), True))
        else:
            short.append((text, False))
    inline = "".join(f"{{{t}}}" if e else t for t, e in short)
    line = f'        path = f"{inline}"'
    if len(line) <= LINE:
        return [*lines, line]
    chunks = ["            " + ('f"{' + t + '}"' if e else f'"{t}"') for t, e in short]
    return [*lines, "        path = (", *chunks, "        )"]


def render_method(call: Call, uses: set[str]) -> list[str]:
    info = call.info
    kind = info.kind
    args = [f"{a}: str" for a in call.args]
    if call.params_type is not None:
        if call.params_required:
            args.append(f"params: {call.params_type}")
        else:
            args.append(f"params: {call.params_type} | None = None")
    keyword_args = [f"query: {info.query} | None = None"] if info.query else []
    lines: list[str] = []
    if kind == "empty":
        uses.update({"CallOptions", "Unpack"})
        sig = ["self", *args]
        if keyword_args:
            sig += ["*", *keyword_args]
        sig.append("**options: Unpack[CallOptions]")
        lines.append(f"    def {call.name}(")
        lines += [f"        {s}," for s in sig]
        lines.append("    ) -> None:")
    else:
        assert info.model is not None
        uses.update({"overload", "CallOptions", "ClientOptions", "Unpack", "Sequence", "M"})
        uses.update({"Projection", "Literal", "Envelope"})
        if kind == "collection":
            uses.add("Iterator")
        for keywords, returns in _overloads(kind, info.model):
            lines.append("    @overload")
            lines.append(f"    def {call.name}(")
            lines += [f"        {s}," for s in ["self", *args, "*", *keyword_args, *keywords]]
            lines.append("        **options: Unpack[CallOptions],")
            lines.append(f"    ) -> {returns}: ...")
        sig = ["self", *args]
        if keyword_args:
            sig += ["*", *keyword_args]
        sig.append("**options: Unpack[ClientOptions]")
        lines.append(f"    def {call.name}(")
        lines += [f"        {s}," for s in sig]
        lines.append("    ) -> object:")
    lines += _docstring(call.doc, 8)
    lines += _path_code(call, uses)
    params = "params" if call.params_type is not None else "None"
    if call.inject is not None:
        where, key, expr = call.inject
        lines.append(f'        {where} = {{**(params or {{}}), "{key}": {expr}}}')
        params = where
    verb = info.op.verb
    query = ", query=query" if info.query else ""
    model = info.model
    if kind == "empty":
        # approveAccessRequest/rejectAccessRequest: a POST that must carry no body at all.
        bodiless = ", body=False" if verb in ("POST", "PUT") and info.params is None else ""
        lines.append(
            f'        self._client._empty("{verb}", path, {params}, options{query}{bodiless})'
        )
    elif kind == "collection":
        # getUsersForTeam/getUsersForWorkspace page by offset but declare no limit.
        takes_limit = any(p["name"] == "limit" for p in info.op.params_in("query"))
        extra = "" if takes_limit else ", sends_limit=False"
        lines.append(
            f"        return self._client._collection(path, {params}, {model}, options{extra})"
        )
    elif kind == "multipart":
        lines.append(f"        return self._client._multipart(path, {params}, {model}, options)")
    else:
        many = ", many=True" if kind == "many" else ""
        lines.append(
            f'        return self._client._single("{verb}", path, {params}, {model}, options'
            f"{many}{query})"
        )
    return lines


def spec_call(info: OpInfo, name: str | None = None, doc: str | None = None) -> Call:
    values = {p: f"path_arg('{p}', {p})" for p in info.path_params}
    return Call(
        name=name or info.name,
        info=info,
        args=list(info.path_params),
        path=info.op.path,
        values=values,
        literal={},
        params_type=info.params,
        params_required=info.params_required,
        doc=doc or f"{_summary(info.op)}\n\n``{info.op.verb} {info.op.path}``",
    )


# -- legacy names ---------------------------------------------------------------------------


def _normal(path: str) -> str:
    return re.sub(r"\{[^}]*\}", "{}", path)


@dataclass
class Legacy:
    """Legacy names of one class: aliases after their method, then full methods."""

    aliases: dict[str, list[str]] = field(default_factory=dict)  # method -> legacy names
    after: dict[str, list[Call]] = field(default_factory=dict)  # method -> full methods after it
    tail: list[Call] = field(default_factory=list)
    gone: list[legacy.Special] = field(default_factory=list)


@dataclass
class Counts:
    operations: int = 0
    aliases: int = 0
    cross_class: int = 0
    adapters: int = 0
    hand_written: int = 0
    same_name: int = 0


def plan_legacy(
    infos: dict[str, OpInfo], modules: dict[str, Module], counts: Counts
) -> dict[str, Legacy]:
    by_route = {(i.op.verb, _normal(i.op.path)): i for i in infos.values()}
    specials = {(s.section, s.name): s for s in legacy.SPECIAL}
    rows: dict[tuple[str, str], legacy.LegacyRow] = {}
    for row in legacy.TABLE:
        rows.setdefault((row.section, row.name), row)
    plans: dict[str, Legacy] = {attr: Legacy() for attr in modules}
    methods = {attr: {i.name for i in infos.values() if i.module == attr} for attr in modules}

    def resolve(section: str, name: str) -> OpInfo | None:
        row = rows[(section, name)]
        if row.verb == "ALIAS":
            return resolve(section, row.path)
        special = specials.get((section, name))
        if special is not None:
            if special.kind == "operation" and special.operation is not None:
                return infos[special.operation]
            return None
        found = by_route.get((row.verb, _normal(row.path)))
        if found is None:
            raise LookupError(f"legacy {section}.{name}: {row.verb} {row.path} is not in the spec")
        return found

    for section, name in rows:
        if section not in modules:
            raise LookupError(f"legacy section {section!r} is not a tag")
        module, plan = modules[section], plans[section]
        special = specials.get((section, name))
        if special is not None and special.kind != "operation":
            if special.kind == "hand_written":
                counts.hand_written += 1
                continue
            counts.adapters += 1
            _add_adapter(special, infos, module, plan)
            continue
        info = resolve(section, name)
        if info is None:  # an ALIAS of an adapter: none in the table today
            raise LookupError(f"legacy {section}.{name} aliases a name with no operation")
        if name in methods[section] and info.name != name:
            raise ValueError(f"legacy {section}.{name} collides with another spec method")
        if info.module == section:
            if info.name == name:
                counts.same_name += 1
                continue
            counts.aliases += 1
            plan.aliases.setdefault(info.name, []).append(name)
        else:
            counts.cross_class += 1
            doc = (
                f"{_summary(info.op)}\n\nThe old client's ``{section}.{name}``: the same call as "
                f"``{info.module}.{info.name}``.\n\n``{info.op.verb} {info.op.path}``"
            )
            call = spec_call(info, name=name, doc=doc)
            _import_foreign(module, info, call)
            plan.tail.append(call)
    return plans


def _import_foreign(module: Module, info: OpInfo, call: Call) -> None:
    """A method on ``module`` calling another tag's operation: import its TypedDicts."""
    if info.model:
        module.models.add(info.model)
    names = [n for n in (call.params_type, info.query) if n]
    if info.module != module.attribute and names:
        module.foreign.setdefault(info.module, set()).update(names)


def _add_adapter(
    special: legacy.Special, infos: dict[str, OpInfo], module: Module, plan: Legacy
) -> None:
    if special.kind == "gone":
        plan.gone.append(special)
        return
    assert special.operation is not None
    info = infos[special.operation]
    fixed = dict(special.values)
    doc = (
        f"{_summary(info.op)}\n\nThe old client's ``{special.section}.{special.name}``: "
        f"{special.reason}.\n\n``{info.op.verb} {_fill(info.op.path, fixed)}``"
    )
    call = spec_call(info, name=special.name, doc=doc)
    if special.kind == "fixed_path":
        call.args = [a for a in call.args if a not in fixed]
        call.literal = fixed
    else:
        if special.argument is None or special.key is None:
            raise ValueError(f"{special}: needs argument and key")
        arg = _gid_name(special.argument)
        call.args = [arg, *call.args]
        expr = f'path_arg("{arg}", {arg})'
        module.uses.add("path_arg")
        where = "data" if special.kind == "into_data" else "query"
        call.inject = (where, special.key, expr)
        if call.params_type is not None and special.key in module.required_keys.get(
            call.params_type, set()
        ):
            # The key comes from the argument now: a TypedDict without it.
            source = next(t for t in module.typeddicts if t.name == call.params_type)
            fields = [f for f in source.fields if f[0] != special.key]
            call.params_type = module.add_typeddict(
                class_name(special.name) + ("Params" if where == "query" else "Data"),
                f"Parameters of ``{special.name}`` (those of ``{info.name}`` but "
                f"``{special.key}``).",
                fields,
            )
            call.params_required = bool(module.required_keys[call.params_type])
    if info.module == module.attribute:
        plan.after.setdefault(info.name, []).append(call)
    else:
        _import_foreign(module, info, call)
        plan.tail.append(call)


def _fill(path: str, values: dict[str, str]) -> str:
    return re.sub(r"\{([^}]+)\}", lambda m: values.get(m.group(1), m.group(0)), path)


def render_gone(special: legacy.Special, uses: set[str]) -> list[str]:
    if special.path is None or special.verb is None or special.argument is None:
        raise ValueError(f"{special}: a gone endpoint needs verb, path and argument")
    arg = _gid_name(special.argument)
    uses.update({"CallOptions", "Unpack", "Mapping", "path_arg"})
    call_path = special.path.replace("{" + arg + "}", f"{{path_arg('{arg}', {arg})}}")
    doc = (
        f"The old client's ``{special.section}.{special.name}``.\n\n{special.reason}: "
        f"Asana may refuse it.\n\n``{special.verb} {special.path}``"
    )
    return [
        f"    def {special.name}(",
        "        self,",
        f"        {arg}: str,",
        "        params: Mapping[str, object] | None = None,",
        "        **options: Unpack[CallOptions],",
        "    ) -> None:",
        *_docstring(doc, 8),
        f'        path = f"{call_path}"',
        f'        self._client._empty("{special.verb}", path, params, options)',
    ]


# -- module rendering -----------------------------------------------------------------------


def _first_sentence(text: str) -> str:
    text = re.sub(r"\[([^\]]+)\]\([^)]*\)", r"\1", text or "")
    text = " ".join(text.replace("*", "").replace("_Note: ", "").split())
    match = re.match(r"(.+?[.!?])(\s|$)", text)
    return match.group(1) if match else text


def render_typeddict(td: TypedDictDef) -> list[str]:
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
        lines += _docstring(td.doc, 4)
    if td.fields:
        if td.doc:
            lines.append("")
        lines += [f"    {k}: {annotation(t, r)}" for k, t, r in td.fields]
    elif not td.doc:
        lines.append("    pass")
    return lines


def _imports(module: Module, *, has_foreign: bool) -> list[str]:
    u = module.uses
    lines = ["from __future__ import annotations", ""]
    if "datetime" in u:
        lines.append("import datetime")
    abc = sorted(n for n in ("Iterator", "Mapping", "Sequence") if n in u)
    if abc:
        lines.append(f"from collections.abc import {', '.join(abc)}")
    typing: list[str] = sorted(n for n in ("Literal", "overload", "TypeAlias") if n in u)
    if has_foreign:
        typing.append("TYPE_CHECKING")
    if typing:
        lines.append(f"from typing import {', '.join(sorted(typing, key=str.lower))}")
    ext = sorted(n for n in ("Required", "Unpack") if n in u)
    lines.append(f"from typing_extensions import {', '.join([*ext, 'TypedDict'])}")
    lines.append("")
    if "FileUpload" in u:
        lines.append("from .._multipart import FileUpload")
    opts = [n for n in ("CallOptions", "ClientOptions") if n in u]
    if opts:
        lines.append(f"from .._options import {', '.join(opts)}")
    if "path_arg" in u:
        lines.append("from .._request import path_arg")
    res = [n for n in ("M", "Projection") if n in u] + ["Resource"]
    lines.append(f"from .._resource import {', '.join(res)}")
    if "Envelope" in u:
        lines.append("from ..models._base import Envelope")
    for model in sorted(module.models):
        lines.append(f"from ..models.{module_name(model)} import {model}")
    if has_foreign:
        lines += ["", "if TYPE_CHECKING:"]
        for other in sorted(module.foreign):
            names = ", ".join(sorted(module.foreign[other]))
            lines.append(f"    from .{other} import {names}")
    return lines


def render_module(module: Module, infos: list[OpInfo], plan: Legacy) -> str:
    body: list[str] = []
    class_doc = (
        _first_sentence(
            next(
                (
                    t.get("description", "")
                    for t in module.spec.get("tags", [])
                    if t["name"] == module.tag
                ),
                "",
            )
        )
        or f"{module.tag}."
    )
    body.append(f"class {module.cls}(Resource):")
    body += _docstring(class_doc, 4)
    for info in infos:
        body.append("")
        body += render_method(spec_call(info), module.uses)
        for alias in plan.aliases.get(info.name, []):
            body.append("")
            body.append(f"    {alias} = {info.name}")
        for call in plan.after.get(info.name, []):
            body.append("")
            body += render_method(call, module.uses)
    for call in plan.tail:
        body.append("")
        body += render_method(call, module.uses)
    for special in plan.gone:
        body.append("")
        body += render_gone(special, module.uses)

    tds: list[str] = []
    for td in module.typeddicts:
        tds += ["", "", *render_typeddict(td)]
    exported = sorted([*(t.name for t in module.typeddicts), module.cls])
    head = [
        HEADER,
        f'"""{module.tag}: ``client.{module.attribute}``."""',
        "",
        *_imports(module, has_foreign=bool(module.foreign)),
        "",
        "__all__ = [",
        *(f'    "{name}",' for name in exported),
        "]",
    ]
    return "\n".join([*head, *tds, "", "", *body]) + "\n"


def render_resources(tags: list[str], infos: dict[str, OpInfo]) -> str:
    lines = [
        HEADER,
        '"""``Resources``: one attribute per Asana resource: ``client.tasks``, ``client.users``...',
        "",
        "Each resource class is imported on first use, so ``import asana_typed`` stays cheap.",
        '"""',
        "",
        "from __future__ import annotations",
        "",
        "import functools",
        "from typing import TYPE_CHECKING",
        "",
        "from .._base_client import BaseClient",
        "",
        "if TYPE_CHECKING:",
    ]
    targets = []
    for tag in sorted(tags, key=tag_attribute):
        attr, cls = tag_attribute(tag), tag_class(tag)
        source = HAND_WRITTEN_SUBCLASS.get(attr, attr)
        targets.append((tag, attr, cls, source))
    for _, _, cls, source in sorted(targets, key=lambda t: t[3]):
        lines.append(f"    from .{source} import {cls}")
    lines += [
        "",
        '__all__ = ["Resources"]',
        "",
        "",
        "class Resources(BaseClient):",
        '    """The client\'s resource attributes, each created on first use."""',
    ]
    for tag, attr, cls, source in targets:
        names = [i.name for i in infos.values() if i.module == attr]
        shown = 3
        while True:
            listed = ", ".join(f"``{n}``" for n in names[:shown])
            doc = f"{tag}: {listed}" + (", ..." if len(names) > shown else ".")
            if len(doc) + 14 <= LINE or shown == 1:
                break
            shown -= 1
        lines += [
            "",
            "    @functools.cached_property",
            f"    def {attr}(self) -> {cls}:",
            f'        """{doc}"""',
            f"        from .{source} import {cls}",
            "",
            f"        return {cls}(self)",
        ]
    return "\n".join(lines) + "\n"


# -- entry point ----------------------------------------------------------------------------


def plan(spec: Spec) -> tuple[dict[str, Module], dict[str, OpInfo], dict[str, Legacy], Counts]:
    """Every module's TypedDicts, every operation's method and every legacy name."""
    modules: dict[str, Module] = {}
    infos: dict[str, OpInfo] = {}
    counts = Counts()
    for op in operations(spec):
        attr = tag_attribute(op.tag)
        module = modules.get(attr)
        if module is None:
            module = modules[attr] = Module(spec, op.tag, attr, tag_class(op.tag))
        infos[op.operation_id] = analyse(module, op)
        counts.operations += 1
    plans = plan_legacy(infos, modules, counts)
    return modules, infos, plans, counts


def generate(spec: Spec) -> dict[str, str]:
    """``{path relative to the repository root: source}`` of every generated API file."""
    modules, infos, plans, _counts = plan(spec)
    files: dict[str, str] = {}
    for attr, module in modules.items():
        ops = [i for i in infos.values() if i.module == attr]
        files[f"asana_typed/api/{attr}.py"] = render_module(module, ops, plans[attr])
    files["asana_typed/api/_resources.py"] = render_resources(
        [m.tag for m in modules.values()], infos
    )
    return files
