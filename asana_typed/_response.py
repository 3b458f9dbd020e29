"""Reading one response: status to exception, body to ``Envelope``, ``Asana-Change`` warnings.

No I/O happens here; the sync (and later async) request loops call these on a response
they already hold in memory.
"""

from __future__ import annotations

import json
import warnings
from collections.abc import Iterable
from typing import TypeVar

import httpx
from pydantic import BaseModel, ValidationError

from ._lenient import validate_leniently
from ._retry import parse_retry_after
from ._shape import ShapeKey, learn, narrowed
from ._stack import caller_stacklevel
from .errors import (
    AsanaError,
    ErrorDetail,
    InvalidResponseError,
    InvalidTokenError,
    RateLimitEnforcedError,
    error_class_for_status,
)

__all__ = [
    "AsanaChangeWarning",
    "body_snippet",
    "decode_envelope",
    "error_from_response",
    "warn_asana_change",
]

E = TypeVar("E", bound=BaseModel)

_SNIPPET = 200


class AsanaChangeWarning(UserWarning):
    """Asana announced a breaking change that affects this request (``Asana-Change`` header)."""


def body_snippet(response: httpx.Response) -> str:
    """The start of a body for an error message (repr'd, marked when cut)."""
    text = response.content[:_SNIPPET].decode("utf-8", "replace")
    more = "..." if len(response.content) > _SNIPPET else ""
    return f"{text!r}{more}"


class _NotJSON(Exception):
    """The body is not JSON at all."""


def _load_json(content: bytes) -> object:
    """``json.loads``, with every way a hostile or broken body can fail as :class:`_NotJSON`."""
    try:
        return json.loads(content)
    except (ValueError, RecursionError) as exc:  # RecursionError: "[[[[..." nested too deep
        raise _NotJSON(str(exc)) from None


def _json_object(response: httpx.Response) -> dict[str, object] | None:
    try:
        body = _load_json(response.content)
    except _NotJSON:
        return None
    return body if isinstance(body, dict) else None


def _details(body: dict[str, object] | None) -> list[ErrorDetail]:
    raw = body.get("errors") if body else None
    details = []
    if isinstance(raw, list):
        for item in raw:
            if isinstance(item, dict) and isinstance(item.get("message"), str):
                help_, phrase = item.get("help"), item.get("phrase")
                details.append(
                    ErrorDetail(
                        item["message"],
                        help_ if isinstance(help_, str) else None,
                        phrase if isinstance(phrase, str) else None,
                    )
                )
    return details


def error_from_response(response: httpx.Response, method: str, url: str) -> AsanaError:
    """The typed exception for a non-success response; never mentions credentials."""
    status = response.status_code
    body = _json_object(response)
    details = _details(body)
    reason = response.reason_phrase or "HTTP error"
    if details:
        text = "; ".join(d.message for d in details)
    elif not response.content.strip():
        text = "empty body, no error message in the response"
    else:
        kind = response.headers.get("content-type", "no content type")
        what = "no Asana error message in the body" if body is not None else "unexpected body"
        text = f"{what} ({kind}): {body_snippet(response)}"
    message = f"{status} {reason} for {method} {url}: {text}"
    cls = error_class_for_status(status)
    if cls is InvalidTokenError:
        sync = body.get("sync") if body else None
        return InvalidTokenError(
            message,
            sync=sync if isinstance(sync, str) else None,
            method=method,
            url=url,
            errors=details,
        )
    if cls is RateLimitEnforcedError:
        return RateLimitEnforcedError(
            message,
            retry_after=parse_retry_after(response.headers.get("retry-after")),
            method=method,
            url=url,
            errors=details,
        )
    return cls(message, status=status, method=method, url=url, errors=details)


def decode_envelope(
    response: httpx.Response,
    envelope: type[E],
    method: str,
    url: str,
    shape: ShapeKey | None = None,
) -> E:
    """Parse a success body into ``envelope``, straight from bytes on the fast path.

    With a ``shape`` key, a validator narrowed to what earlier responses for that key
    carried is tried first (see ``_shape``). Bodies that are not JSON, or have no ``data``,
    raise :class:`InvalidResponseError`; items that disagree with the models are kept as
    sent, with a warning.
    """
    missed = False
    if shape is not None:
        fast = narrowed(shape)
        if fast is not None:
            try:
                result: E = fast.validate_json(response.content, strict=True)
                return result
            except ValidationError:
                missed = True
    try:
        # strict: a value is kept only if it is what Asana sent ("yes" never becomes True).
        result = envelope.model_validate_json(response.content, strict=True)
    except ValidationError:
        if missed and shape is not None:
            learn(shape, None, missed)
    else:
        if shape is not None:
            learn(shape, result, missed)
        return result
    where = f"{response.status_code} response to {method} {url}"
    try:
        body = _load_json(response.content)
    except _NotJSON:
        kind = response.headers.get("content-type", "no content type")
        raise InvalidResponseError(
            f"{where} is not valid JSON ({kind}, {len(response.content)} bytes): "
            f"{body_snippet(response)}",
            status=response.status_code,
            method=method,
            url=url,
        ) from None
    if not isinstance(body, dict) or "data" not in body:
        raise InvalidResponseError(
            f"{where} has no 'data' member: {body_snippet(response)}",
            status=response.status_code,
            method=method,
            url=url,
        )
    try:
        return validate_leniently(envelope, body, where)
    except ValueError as exc:
        raise InvalidResponseError(
            f"{where} does not match the expected shape: {exc}",
            status=response.status_code,
            method=method,
            url=url,
        ) from None


def _changes(values: Iterable[str]) -> Iterable[dict[str, str]]:
    for value in values:
        for change in value.split(","):
            fields = {}
            for part in change.split(";"):
                key, _, val = part.strip().partition("=")
                if key:
                    fields[key.lower()] = val.strip()
            if fields:
                yield fields


def warn_asana_change(
    response: httpx.Response, enabled: Iterable[str], disabled: Iterable[str]
) -> None:
    """Warn for each ``Asana-Change`` that affects this call and that the caller did not opt into
    or out of with ``asana_enable``/``asana_disable``."""
    values = response.headers.get_list("asana-change")
    if not values:
        return
    decided = {*enabled, *disabled}
    for change in _changes(values):
        name = change.get("name", "")
        if change.get("affected", "").lower() != "true" or name in decided:
            continue
        info = change.get("info", "")
        warnings.warn(
            AsanaChangeWarning(
                f"Asana is changing {name!r} and this request is affected "
                f"({response.request.method} {response.request.url.copy_with(query=None)}). "
                f"Opt in with asana_enable=[{name!r}] or out with asana_disable=[{name!r}]"
                + (f"; details: {info}" if info else ".")
            ),
            stacklevel=caller_stacklevel(),
        )
