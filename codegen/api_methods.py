"""The methods of a resource class: overloads, signature, path and the client call.

A :class:`Call` says how one method reaches the client; :func:`spec_call` makes the one of
an operation, and the legacy names (:mod:`codegen.api_legacy`) adjust copies of it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .api_operations import OpInfo
from .docstrings import LINE, docstring, op_summary

__all__ = ["Call", "render_method", "spec_call"]

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


def spec_call(info: OpInfo, name: str | None = None, doc: str | None = None) -> Call:
    """The call of the operation's own method (or, with ``name``, a copy of it)."""
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
        doc=doc or f"{op_summary(info.op)}\n\n``{info.op.verb} {info.op.path}``",
    )


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
    """The source of one method: its overloads, then the one that calls the client."""
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
    lines += docstring(call.doc, 8)
    lines += _path_code(call, uses)
    params = "params" if call.params_type is not None else "None"
    if call.inject is not None:
        where, key, expr = call.inject
        lines.append(f'        {where} = {{**(params or {{}}), "{key}": {expr}}}')
        params = where
    verb = info.op.verb
    query = ", query=query" if info.query else ""
    model = f"_models.{info.model}"
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
