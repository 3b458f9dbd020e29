"""A custom field's value on a task: :func:`custom_field_value` checks and renders it."""

from __future__ import annotations

import datetime as dt
from typing import Any

from .._store import ApiError, Record, Ref, Store

__all__ = ["custom_field_value"]

VALUE_KEYS = {
    "text": "text_value",
    "number": "number_value",
    "enum": "enum_value",
    "multi_enum": "multi_enum_values",
    "date": "date_value",
    "people": "people_value",
}


def custom_field_value(store: Store, field: Record, raw: Any, *, strict: bool = True) -> Record:
    """The entry for ``field`` in a task's ``custom_fields``, holding the value ``raw``.

    ``raw`` is the value as a client writes it in ``custom_fields: {field_gid: raw}`` on a
    task: a string (text), a number (number), an enum option gid (enum), a list of them
    (multi_enum), ``"YYYY-MM-DD"`` or ``{"date": ...}`` / ``{"date_time": ...}`` (date), a
    list of user gids (people); ``None`` clears it. Gids may also come as ``{"gid": ...}``.
    A value that does not fit the field raises ``ApiError(400, "custom_fields: ...")``;
    with ``strict=False`` (rendering a value stored earlier) nothing raises: an option
    disabled since still shows, and a value that no longer fits shows as empty.
    The entry references options and users by ``Ref`` (the store renders them).
    """
    subtype = field["resource_subtype"]
    entry: Record = {
        "gid": field["gid"],
        "resource_type": "custom_field",
        "name": field["name"],
        "type": field["type"],
        "resource_subtype": subtype,
        "representation_type": field["representation_type"],
        "enabled": field["enabled"],
        "description": field.get("description", ""),
        "created_by": field.get("created_by"),
        "is_formula_field": field.get("is_formula_field", False),
        "is_value_read_only": field.get("is_value_read_only", False),
    }
    if subtype in ("enum", "multi_enum"):
        entry["enum_options"] = list(field["enum_options"])
    if subtype == "number":
        for name in ("precision", "format", "currency_code", "custom_label"):
            entry[name] = field.get(name)
        entry["custom_label_position"] = field.get("custom_label_position")
    try:
        value, display = _parse_value(store, field, raw, strict)
    except ApiError:
        if strict:
            raise
        value, display = ([] if subtype in ("multi_enum", "people") else None), None
    entry[VALUE_KEYS[subtype]] = value
    entry["display_value"] = display
    return entry


def _bad(field: Record, raw: Any, expected: str) -> ApiError:
    """The 400 for a value that does not fit ``field``."""
    return ApiError(
        400,
        f"custom_fields: Value for {field['name']!r} ({field['gid']}) must be {expected}: {raw!r}",
    )


def _gid_of(value: Any) -> str | None:
    """A gid from a string, a number or ``{"gid": ...}``; None if it is none."""
    if isinstance(value, dict):
        value = value.get("gid")
    if isinstance(value, int) and not isinstance(value, bool):
        return str(value)
    return value if isinstance(value, str) and value.isdigit() else None


def _parse_value(store: Store, field: Record, raw: Any, strict: bool) -> tuple[Any, str | None]:
    """``(value as stored, display_value)`` for ``raw`` (see :func:`custom_field_value`)."""
    subtype = field["resource_subtype"]
    if subtype in ("multi_enum", "people"):
        if raw is None:
            return [], None
        items = raw if isinstance(raw, list) else [raw]
        gids = [_gid_of(i) for i in items]
        if None in gids:
            raise _bad(field, raw, "a list of gids")
        if subtype == "people":
            users = [store.records.get(str(g)) for g in gids]
            if any(u is None or u["resource_type"] != "user" for u in users):
                raise _bad(field, raw, "a list of user gids")
            names = [str(u["name"]) for u in users if u is not None]
            return [Ref(str(g)) for g in gids], ", ".join(names) or None
        options = [_enum_option(store, field, str(g), raw, strict) for g in gids]
        names = [str(o["name"]) for o in options]
        return [Ref(o["gid"]) for o in options], ", ".join(names) or None
    if raw is None:
        return None, None
    if subtype == "text":
        if not isinstance(raw, str):
            raise _bad(field, raw, "a string")
        return raw, raw
    if subtype == "number":
        if isinstance(raw, bool) or not isinstance(raw, int | float):
            raise _bad(field, raw, "a number")
        return raw, _number_display(field, raw)
    if subtype == "enum":
        option_gid = _gid_of(raw)
        if option_gid is None:
            raise _bad(field, raw, "an enum option gid")
        option = _enum_option(store, field, option_gid, raw, strict)
        return Ref(option["gid"]), str(option["name"])
    return _date_value(field, raw)


def _enum_option(store: Store, field: Record, option_gid: str, raw: Any, strict: bool) -> Record:
    """The option ``option_gid`` of ``field``, enabled unless not ``strict`` (400 otherwise)."""
    option = store.records.get(option_gid)
    if option is None or Ref(option_gid) not in field["enum_options"]:
        raise _bad(field, raw, "an enum option of the field")
    if strict and not option["enabled"]:
        raise _bad(field, raw, "an enabled enum option")
    return option


def _number_display(field: Record, value: float) -> str:
    """A number's ``display_value``: precision, then percent, currency or label."""
    precision = int(field.get("precision") or 0)
    fmt = field.get("format")
    if fmt == "percentage":
        return f"{value * 100:.{precision}f}%"
    shown = f"{value:.{precision}f}"
    if fmt == "currency":
        return f"{field.get('currency_code') or ''}{shown}"
    label = field.get("custom_label")
    if fmt == "custom" and label:
        prefix = field.get("custom_label_position") == "prefix"
        return f"{label}{shown}" if prefix else f"{shown}{label}"
    return shown


def _date_value(field: Record, raw: Any) -> tuple[Record, str]:
    """A date field's ``{"date", "date_time"}`` from ``"YYYY-MM-DD"`` or such an object."""
    if isinstance(raw, str):
        raw = {"date": raw}
    if not isinstance(raw, dict) or not (raw.get("date") or raw.get("date_time")):
        raise _bad(field, raw, 'a date ("YYYY-MM-DD") or {"date": ...} / {"date_time": ...}')
    date_time = raw.get("date_time")
    try:
        if date_time:
            stamp = dt.datetime.fromisoformat(str(date_time).replace("Z", "+00:00"))
            day = stamp.date().isoformat()
        else:
            day = dt.date.fromisoformat(str(raw["date"])).isoformat()
    except ValueError:
        raise _bad(field, raw, "a valid date") from None
    return {"date": day, "date_time": date_time or None}, str(date_time or day)
