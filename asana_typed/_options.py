"""Option names, defaults and precedence: ``Client.DEFAULTS`` < ``client.options`` < call.

Options are validated when they are merged for a request, so a misspelt name fails
loudly at any of the three levels instead of turning into a silent query parameter.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Literal, TypedDict
from urllib.parse import urlsplit

from .errors import InvalidOptionError
from .models._base import AsanaObject

__all__ = [
    "DEFAULT_BASE_URL",
    "MAX_PAGE_SIZE",
    "CallOptions",
    "ClientOptions",
    "ResolvedOptions",
    "resolve_options",
]

DEFAULT_BASE_URL = "https://app.asana.com/api/1.0"
MAX_PAGE_SIZE = 100

FieldsOption = Sequence[str] | type[AsanaObject]


class CallOptions(TypedDict, total=False):
    """Per-request options that do not change the type of what a method returns.

    ``fields``, ``expand``, ``full_payload`` and ``iterator_type`` do change it, so each
    method declares them as explicit keyword arguments next to these.
    """

    base_url: str
    max_retries: int
    pretty: bool
    item_limit: int | None
    page_size: int
    offset: str | None
    poll_interval: float
    sync: str | None
    timeout: float | None
    headers: Mapping[str, str]
    client_name: str
    asana_enable: Sequence[str]
    asana_disable: Sequence[str]


class ClientOptions(CallOptions, total=False):
    """Every option: what ``Client.DEFAULTS`` and ``client.options`` may hold."""

    full_payload: bool
    fields: FieldsOption | None
    expand: FieldsOption | None
    iterator_type: Literal["items"] | None


OPTION_NAMES: frozenset[str] = frozenset(ClientOptions.__annotations__)


@dataclass(frozen=True, slots=True)
class ResolvedOptions:
    """The options of one request after precedence and validation."""

    base_url: str = DEFAULT_BASE_URL
    max_retries: int = 5
    full_payload: bool = False
    fields: tuple[str, ...] | type[AsanaObject] | None = None
    expand: tuple[str, ...] | type[AsanaObject] | None = None
    pretty: bool = False
    iterator_type: Literal["items"] | None = "items"
    item_limit: int | None = None
    page_size: int = 50
    offset: str | None = None
    poll_interval: float = 5.0
    sync: str | None = None
    timeout: float | None = 60.0
    headers: tuple[tuple[str, str], ...] = ()
    client_name: str | None = None
    asana_enable: tuple[str, ...] = ()
    asana_disable: tuple[str, ...] = ()

    @property
    def limit(self) -> int:
        """The page size Asana is asked for: at most 100."""
        return min(self.page_size, MAX_PAGE_SIZE)


def _fail(name: str, expected: str, value: object) -> InvalidOptionError:
    return InvalidOptionError(f"option {name!r} must be {expected}, got {value!r}")


def _int(name: str, value: object, minimum: int) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value < minimum:
        raise _fail(name, f"an int >= {minimum}", value)
    return value


def _number(name: str, value: object, *, positive: bool) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value):
        raise _fail(name, "a finite number", value)
    if value < 0 or (positive and value == 0):
        raise _fail(name, "a positive number" if positive else "a number >= 0", value)
    return float(value)


def _bool(name: str, value: object) -> bool:
    if not isinstance(value, bool):
        raise _fail(name, "True or False", value)
    return value


def _optional_str(name: str, value: object) -> str | None:
    if value is not None and not isinstance(value, str):
        raise _fail(name, "a string or None", value)
    return value


def _names(name: str, value: object) -> tuple[str, ...]:
    if isinstance(value, str):
        # Old client code passes "name,notes"; split it rather than send one bad name.
        names = tuple(part.strip() for part in value.split(","))
    elif isinstance(value, Sequence) and all(isinstance(v, str) for v in value):
        names = tuple(v.strip() for v in value)
    else:
        raise _fail(name, "a list of non-empty strings", value)
    # Checked after stripping: "name, " or [" "] would otherwise send an empty name.
    if not all(names):
        raise _fail(name, "a list of non-empty strings", value)
    return names


def _projection(name: str, value: object) -> tuple[str, ...] | type[AsanaObject] | None:
    if value is None:
        return None
    if isinstance(value, type):
        if issubclass(value, AsanaObject):
            return value
        raise _fail(name, "a list of names or an AsanaModel/AsanaObject subclass", value)
    return _names(name, value)


_BAD_HEADER_CHARS = frozenset("\r\n\0")


def _headers(value: object) -> tuple[tuple[str, str], ...]:
    if not isinstance(value, Mapping) or not all(
        isinstance(k, str) and isinstance(v, str) for k, v in value.items()
    ):
        raise _fail("headers", "a mapping of str to str", value)
    for key, val in value.items():
        # Line breaks would split one header into two (header injection).
        if not key.strip() or _BAD_HEADER_CHARS.intersection(key + val):
            raise InvalidOptionError(
                f"option 'headers' has an invalid header {key!r}: names must be non-empty "
                "and names and values may not contain line breaks or NUL"
            )
    return tuple(value.items())


_LOOPBACK_NAMES = frozenset({"localhost", "localhost.localdomain"})


def is_loopback_host(host: str) -> bool:
    """Whether ``host`` names this machine (127.0.0.0/8, ::1, localhost)."""
    host = host.strip("[]").lower()
    if host in _LOOPBACK_NAMES or host.endswith(".localhost"):
        return True
    import ipaddress  # here: only http base URLs get this far, and the module costs 2 ms

    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def check_url(name: str, value: object) -> str:
    """An absolute http(s) URL; plain http only to loopback, so tokens never cross a network."""
    if not isinstance(value, str):
        raise _fail(name, "a URL string", value)
    parts = urlsplit(value)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise _fail(name, "an absolute http(s) URL", value)
    if parts.scheme == "http" and not is_loopback_host(parts.hostname):
        raise InvalidOptionError(
            f"option {name!r} uses plain http to a non-loopback host ({parts.hostname}); "
            "credentials would be sent unencrypted. Use https, or http only to 127.0.0.1/localhost."
        )
    return value.rstrip("/")


def _iterator_type(value: object) -> Literal["items"] | None:
    if value is None:
        return None
    if value == "items":
        return "items"
    raise _fail("iterator_type", "'items' or None", value)


def _unknown(names: set[str], where: str) -> InvalidOptionError:
    import difflib  # here: only a misspelt option needs it

    parts = []
    for name in sorted(names):
        close = difflib.get_close_matches(name, OPTION_NAMES, n=1)
        hint = f" (did you mean {close[0]!r}?)" if close else ""
        parts.append(f"{name!r}{hint}")
    return InvalidOptionError(
        f"unknown option{'s' if len(parts) > 1 else ''} {', '.join(parts)} in {where}; "
        f"known options: {', '.join(sorted(OPTION_NAMES))}"
    )


def resolve_options(
    defaults: Mapping[str, object],
    client_options: Mapping[str, object],
    call_options: Mapping[str, object],
) -> ResolvedOptions:
    """Merge the three levels (later wins; ``headers`` are merged key by key) and validate."""
    for where, level in (
        ("Client.DEFAULTS", defaults),
        ("client.options", client_options),
        ("the call's keyword arguments", call_options),
    ):
        unknown = level.keys() - OPTION_NAMES
        if unknown:
            raise _unknown(set(unknown), where)
    merged = {**defaults, **client_options, **call_options}
    # Header names are case-insensitive: a later level's "x-foo" replaces an earlier "X-Foo"
    # instead of both being sent.
    headers: dict[str, tuple[str, str]] = {}
    for level in (defaults, client_options, call_options):
        if "headers" in level:
            for key, val in _headers(level["headers"]):
                headers[key.lower()] = (key, val)
    kwargs: dict[str, object] = {"headers": tuple(headers.values())}
    for name, value in merged.items():
        if name == "headers":
            continue
        kwargs[name] = _CHECKS[name](value)
    return ResolvedOptions(**kwargs)  # type: ignore[arg-type]  # each value checked by _CHECKS


_CHECKS: dict[str, Callable[[object], object]] = {
    "base_url": lambda v: check_url("base_url", v),
    "max_retries": lambda v: _int("max_retries", v, 0),
    "full_payload": lambda v: _bool("full_payload", v),
    "fields": lambda v: _projection("fields", v),
    "expand": lambda v: _projection("expand", v),
    "pretty": lambda v: _bool("pretty", v),
    "iterator_type": _iterator_type,
    "item_limit": lambda v: None if v is None else _int("item_limit", v, 0),
    "page_size": lambda v: _int("page_size", v, 1),
    "offset": lambda v: _optional_str("offset", v),
    "poll_interval": lambda v: _number("poll_interval", v, positive=False),
    "sync": lambda v: _optional_str("sync", v),
    "timeout": lambda v: None if v is None else _number("timeout", v, positive=True),
    "client_name": lambda v: _optional_str("client_name", v),
    "asana_enable": lambda v: _names("asana_enable", v),
    "asana_disable": lambda v: _names("asana_disable", v),
}
