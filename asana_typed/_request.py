"""Building one request: path arguments, query strings, JSON bodies and headers.

GET and DELETE send parameters and ``opt_*`` options in the query (lists comma-joined,
booleans ``true``/``false``); POST and PUT send ``{"data": ..., "options": {...}}``.
A model passed as a parameter value is sent as its ``gid``. Callers' dicts are read, never
modified.
"""

from __future__ import annotations

import datetime
import enum
import functools
import json
import math
import platform
import re
import sys
from collections.abc import Mapping
from types import MappingProxyType
from urllib.parse import urlencode

import httpx
import pydantic

from ._fields import expand_paths, field_paths
from ._options import ResolvedOptions
from ._version import __version__
from .errors import InvalidGidError, InvalidParamsError
from .models._base import AsanaModel, AsanaObject

__all__ = ["build_headers", "encode_body", "encode_query", "path_arg"]

# Asana gids are digit strings; "me" and custom task ids ("ENG-12") use letters and dashes.
_GID = re.compile(r"[A-Za-z0-9_@.:~+-]+")


def path_arg(name: str, value: object) -> str:
    """A value for a ``{placeholder}`` of the URL path, refusing anything that could escape it."""
    if isinstance(value, AsanaModel):
        value = value.gid
    if isinstance(value, int) and not isinstance(value, bool):
        value = str(value)
    if not isinstance(value, str) or not _GID.fullmatch(value) or value in (".", ".."):
        shown = repr(value) if len(repr(value)) < 80 else repr(value)[:77] + "..."
        raise InvalidGidError(
            f"{name} must be an Asana gid (a string such as '1201234567890'), got {shown}"
        )
    return value


def _query_value(name: str, value: object) -> str:
    if isinstance(value, enum.Enum):
        # str() of a (str, Enum) member is "Color.RED"; Asana wants the value, as JSON sends it.
        return _query_value(name, value.value)
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        return str.__str__(value)  # a plain str, whatever the subclass's __str__ does
    if isinstance(value, int):
        return int.__repr__(value)
    if isinstance(value, float):
        if not math.isfinite(value):
            raise InvalidParamsError(f"parameter {name!r} must be a finite number, got {value!r}")
        return float.__repr__(value)
    if isinstance(value, AsanaModel):
        return value.gid
    if isinstance(value, datetime.datetime | datetime.date):
        return value.isoformat()
    if isinstance(value, set | frozenset):
        # Sorted, as in JSON bodies, so the same set always gives the same URL.
        return ",".join(sorted(_query_value(name, v) for v in value))
    if isinstance(value, list | tuple):
        return ",".join(_query_value(name, v) for v in value)
    raise InvalidParamsError(
        f"parameter {name!r} cannot be sent in a query string: {type(value).__name__} {value!r}"
    )


def _projection(value: tuple[str, ...] | type[AsanaObject] | None, expand: bool) -> list[str]:
    if value is None:
        return []
    if isinstance(value, tuple):
        return list(value)
    return list(expand_paths(value) if expand else field_paths(value))


def encode_query(
    params: Mapping[str, object] | None,
    opts: ResolvedOptions,
    *,
    limit: int | None = None,
    offset: str | None = None,
) -> str:
    """The query string of a GET or DELETE, ``opt_*`` options and pagination included."""
    pairs: list[tuple[str, str]] = []
    if params:
        for name, value in params.items():
            if value is not None:
                pairs.append((name, _query_value(name, value)))
    if limit is not None:
        pairs.append(("limit", str(limit)))
    if offset is not None:
        pairs.append(("offset", offset))
    fields = _projection(opts.fields, expand=False)
    if fields:
        pairs.append(("opt_fields", ",".join(fields)))
    expand = _projection(opts.expand, expand=True)
    if expand:
        pairs.append(("opt_expand", ",".join(expand)))
    if opts.pretty:
        pairs.append(("opt_pretty", "true"))
    return urlencode(pairs, safe=",")


def _json_default(value: object) -> object:
    if isinstance(value, AsanaModel):
        return value.gid
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, datetime.datetime | datetime.date):
        return value.isoformat()
    if isinstance(value, set | frozenset):
        return sorted(value, key=str)
    raise TypeError(f"{type(value).__name__} is not JSON serializable")


def encode_body(params: Mapping[str, object] | None, opts: ResolvedOptions) -> bytes:
    """The JSON body of a POST or PUT: ``{"data": params, "options": {...}}``."""
    body: dict[str, object] = {"data": dict(params) if params else {}}
    options: dict[str, object] = {}
    fields = _projection(opts.fields, expand=False)
    if fields:
        options["fields"] = fields
    expand = _projection(opts.expand, expand=True)
    if expand:
        options["expand"] = expand
    if opts.pretty:
        options["pretty"] = True
    if options:
        body["options"] = options
    try:
        return json.dumps(
            body, default=_json_default, separators=(",", ":"), allow_nan=False
        ).encode()
    except (TypeError, ValueError) as exc:
        raise InvalidParamsError(f"parameters cannot be sent as JSON: {exc}") from None


_USER_AGENT = (
    f"asana-typed/{__version__} python/{platform.python_version()} "
    f"httpx/{httpx.__version__} pydantic/{pydantic.VERSION}"
)
_CLIENT_LIB = {
    "version": __version__,
    "language": "Python",
    "language_version": platform.python_version(),
    "os": sys.platform,
    "os_version": platform.release(),
}


@functools.lru_cache(maxsize=64)
def build_headers(opts: ResolvedOptions, *, content_type: str | None) -> Mapping[str, str]:
    """Headers of one request; ``headers`` from the options come last and win.

    Cached: requests with the same options send the same headers (read-only mapping).
    """
    lib = dict(_CLIENT_LIB)
    if opts.client_name:
        lib["client_name"] = opts.client_name
    headers = {
        "Accept": "application/json",
        "User-Agent": _USER_AGENT,
        "X-Asana-Client-Lib": urlencode(lib),
    }
    if content_type:
        headers["Content-Type"] = content_type
    if opts.asana_enable:
        headers["Asana-Enable"] = ",".join(opts.asana_enable)
    if opts.asana_disable:
        headers["Asana-Disable"] = ",".join(opts.asana_disable)
    for key, value in opts.headers:
        # Header names are case-insensitive: "content-type" replaces "Content-Type".
        for same in [k for k in headers if k.lower() == key.lower()]:
            del headers[same]
        headers[key] = value
    return MappingProxyType(headers)
