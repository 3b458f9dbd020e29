"""What method each operation becomes: its response kind, model and ``params`` types."""

from __future__ import annotations

import re
from dataclasses import dataclass

from .api_types import Module, merge_all_of
from .names import class_name, model_name, snake
from .spec import Operation, ref_name

__all__ = ["PLACEHOLDER", "OpInfo", "analyse"]

# Query parameters that are request options, not API parameters.
OPTION_PARAMS = frozenset({"opt_fields", "opt_pretty", "opt_expand"})
# Pagination parameters: the ``page_size`` and ``offset`` options of collection methods.
PAGE_PARAMS = frozenset({"limit", "offset"})
# A ``{placeholder}`` of a path.
PLACEHOLDER = re.compile(r"\{([^}]+)\}")


@dataclass
class OpInfo:
    """What the generator decided for one operation."""

    op: Operation
    name: str
    kind: str  # collection, many, single, empty or multipart
    model: str | None
    path_params: list[str]
    params: str | None  # the TypedDict of ``params``; None: no ``params`` argument
    params_required: bool
    query: str | None  # the TypedDict of a body operation's query parameters
    module: str


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
        name = ref_name(data["items"])
        if name is None:
            raise ValueError(f"{op}: data items are not a named schema")
        query = {p["name"] for p in op.params_in("query")}
        # getUsersForTeam/getUsersForWorkspace/getTaskTemplates take ``offset`` and Asana
        # paginates them, but their response schemas leave out ``next_page``.
        if "next_page" in props or (op.verb == "GET" and "offset" in query):
            return "collection", model_name(name)
        return "many", model_name(name)
    name = ref_name(data)
    if name is None:
        raise ValueError(f"{op}: data is not a named schema")
    if name == "EmptyResponse":
        return "empty", None
    return ("multipart" if multipart else "single"), model_name(name)


def analyse(module: Module, op: Operation) -> OpInfo:
    """Decide the method of ``op`` and add its TypedDicts to ``module``."""
    kind, model = _envelope(op)
    name = snake(op.operation_id)
    camel = class_name(name)
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
                data = merge_all_of(module.spec, schema)
                what = f"The form fields of ``{name}`` (``multipart/form-data``)."
            else:
                node = schema.get("properties", {}).get("data", {})
                data = merge_all_of(module.spec, node)
                source = ref_name(node)
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
        path_params=PLACEHOLDER.findall(op.path),
        params=params,
        params_required=bool(params and module.required_keys.get(params)),
        query=query,
        module=module.attribute,
    )
