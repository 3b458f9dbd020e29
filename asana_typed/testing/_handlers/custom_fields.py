"""Custom fields and their enum options (``custom_field_value`` is re-exported for tasks).

A field record keeps its workspace in the hidden ``_workspace``; each enum option is a
record of its own (``enum_option``, hidden ``_field``) that the field lists by ``Ref``.
"""

from __future__ import annotations

from typing import Any

from .._app import Reply, Request, empty, many, one, route
from .._store import ApiError, Record, Ref, Store
from ._common import boolean, choice, gid, place, require_workspace, required_gid, text
from .custom_field_values import custom_field_value

__all__ = ["create_field", "custom_field_value", "require_field"]

SUBTYPES = ("text", "number", "enum", "multi_enum", "date", "people")
FORMATS = ("currency", "identifier", "percentage", "custom", "duration", "none")
LABEL_POSITIONS = ("prefix", "suffix")
PRIVACY = ("public_with_guests", "public", "private")
ACCESS_LEVELS = ("admin", "editor", "user")
OPTION_COLORS = (
    "none", "red", "orange", "yellow-orange", "yellow", "yellow-green", "green", "blue-green",
    "aqua", "blue", "indigo", "purple", "magenta", "hot-pink", "pink", "cool-gray",
)  # fmt: skip
MAX_OPTIONS = 500


def require_field(request: Request, field_gid: str) -> Record:
    """The custom field ``field_gid`` (404), in one of the caller's workspaces (403)."""
    field = request.fake.store.get(field_gid, "custom_field")
    require_workspace(request, request.fake.store.get(field["_workspace"], "workspace"))
    return field


def _targets(field: Record) -> list[str]:
    """Who hears of a field's events: the field and its workspace."""
    return [field["gid"], field["_workspace"]]


# -- fields --------------------------------------------------------------------------------


def _number_settings(data: dict[str, Any], field: Record) -> dict[str, Any]:
    """``precision``, ``format`` and the label of a number field, checked together."""
    out: dict[str, Any] = {}
    if "precision" in data:
        precision = data["precision"]
        if isinstance(precision, bool) or not isinstance(precision, int) or not 0 <= precision <= 6:
            raise ApiError(400, f"precision: The value must be between 0 and 6: {precision!r}")
        out["precision"] = precision
    for name, options in (("format", FORMATS), ("custom_label_position", LABEL_POSITIONS)):
        value = choice(data, name, options, nullable=name != "format")
        if name in data:
            out[name] = value
    for name in ("currency_code", "custom_label"):
        if name in data:
            out[name] = text(data, name)
    merged = {**field, **out}
    if merged.get("format") == "currency" and not merged.get("currency_code"):
        raise ApiError(400, "currency_code: Missing input")
    if merged.get("format") == "custom" and not merged.get("custom_label"):
        raise ApiError(400, "custom_label: Missing input")
    return out


def _new_option(request: Request, field: Record, data: object, where: str) -> Record:
    """A new enum option record for ``field`` (not yet in its order)."""
    if not isinstance(data, dict):
        raise ApiError(400, f"{where}: Not an object: {data!r}")
    name = text(data, "name")
    if not (name or "").strip():
        raise ApiError(400, f"{where}name: Missing input")
    color = choice(data, "color", OPTION_COLORS)
    enabled = boolean(data, "enabled")
    if len(field["enum_options"]) >= MAX_OPTIONS:
        raise ApiError(400, f"enum_options: A custom field can have at most {MAX_OPTIONS} options")
    return request.fake.store.add(
        "enum_option",
        name=name,
        enabled=True if enabled is None else enabled,
        color=color or "none",
        _field=field["gid"],
    )


def create_field(request: Request, data: dict[str, Any]) -> Record:
    """Create a custom field from a ``CustomFieldCreateRequest`` (also used by projects)."""
    assert request.user is not None
    store = request.fake.store
    name = text(data, "name", required=True)
    workspace_gid = required_gid(data, "workspace")
    subtype = choice(data, "resource_subtype", SUBTYPES) or choice(data, "type", SUBTYPES)
    if subtype is None:
        raise ApiError(400, "resource_subtype: Missing input")
    workspace = store.get(workspace_gid, "workspace")
    require_workspace(request, workspace)
    field = store.add(
        "custom_field",
        name=name,
        type=subtype,
        resource_subtype=subtype,
        representation_type=subtype,
        description=text(data, "description") or "",
        enabled=True,
        is_formula_field=False,
        is_value_read_only=False,
        has_notifications_enabled=boolean(data, "has_notifications_enabled") is not False,
        is_global_to_workspace=True,
        created_by=Ref(request.user["gid"]),
        privacy_setting=choice(data, "privacy_setting", PRIVACY) or "public_with_guests",
        default_access_level=choice(data, "default_access_level", ACCESS_LEVELS) or "editor",
        _workspace=workspace_gid,
    )
    try:
        if subtype == "number":
            field.update(precision=0, format="none", currency_code=None, custom_label=None)
            field["custom_label_position"] = None
            field.update(_number_settings(data, field))
        if subtype in ("enum", "multi_enum"):
            field["enum_options"] = []
            options = data.get("enum_options") or []
            if not isinstance(options, list):
                raise ApiError(400, f"enum_options: Not an array: {options!r}")
            for i, option in enumerate(options):
                record = _new_option(request, field, option, f"enum_options[{i}].")
                field["enum_options"].append(Ref(record["gid"]))
    except ApiError:
        _drop(store, field)
        raise
    request.fake.record_event(field, "added", targets=_targets(field), user=request.user)
    return field


def _drop(store: Store, field: Record) -> None:
    """Remove a field record and its enum options from the store."""
    for ref in field.get("enum_options", []):
        store.records.pop(ref.gid, None)
    store.records.pop(field["gid"], None)


@route("POST", "/custom_fields")
def create_custom_field(request: Request) -> Reply:
    return one(request, create_field(request, request.data()), 201)


@route("GET", "/custom_fields/{custom_field_gid}")
def get_custom_field(request: Request, custom_field_gid: str) -> Reply:
    return one(request, require_field(request, custom_field_gid))


@route("PUT", "/custom_fields/{custom_field_gid}")
def update_custom_field(request: Request, custom_field_gid: str) -> Reply:
    """Change name, description, settings; never the type or the options."""
    data = request.data()
    field = require_field(request, custom_field_gid)
    for name in ("resource_subtype", "type"):
        if name in data and data[name] != field["resource_subtype"]:
            raise ApiError(400, f"{name}: A custom field's type cannot be updated")
    if "enum_options" in data:
        raise ApiError(
            400, "enum_options: Cannot be updated here; use the enum option endpoints instead"
        )
    changes: dict[str, Any] = {}
    if "name" in data:
        changes["name"] = text(data, "name", required=True)
    if "description" in data:
        changes["description"] = text(data, "description") or ""
    if "has_notifications_enabled" in data:
        changes["has_notifications_enabled"] = boolean(data, "has_notifications_enabled")
    if "privacy_setting" in data:
        changes["privacy_setting"] = choice(data, "privacy_setting", PRIVACY)
    if "default_access_level" in data:
        changes["default_access_level"] = choice(data, "default_access_level", ACCESS_LEVELS)
    if field["resource_subtype"] == "number":
        changes.update(_number_settings(data, field))
    for name, value in changes.items():
        if field.get(name) != value:
            field[name] = value
            request.fake.record_event(
                field,
                "changed",
                targets=_targets(field),
                user=request.user,
                change={"field": name, "action": "changed"},
            )
    return one(request, field)


@route("DELETE", "/custom_fields/{custom_field_gid}")
def delete_custom_field(request: Request, custom_field_gid: str) -> Reply:
    """Delete the field, its options and its settings on projects."""
    field = require_field(request, custom_field_gid)
    store = request.fake.store
    ref = Ref(field["gid"])
    for setting in store.find("custom_field_setting", lambda s: s["custom_field"] == ref):
        store.records.pop(setting["gid"])
        project = store.records.get(setting["project"].gid)
        if project is not None:
            project["custom_field_settings"] = [
                s for s in project["custom_field_settings"] if s["custom_field"] != ref
            ]
    _drop(store, field)
    request.fake.record_event(field, "deleted", targets=_targets(field), user=request.user)
    return empty()


@route("GET", "/workspaces/{workspace_gid}/custom_fields")
def get_custom_fields_for_workspace(request: Request, workspace_gid: str) -> Reply:
    store = request.fake.store
    require_workspace(request, store.get(workspace_gid, "workspace"))
    return many(request, store.find("custom_field", lambda f: f["_workspace"] == workspace_gid))


# -- enum options --------------------------------------------------------------------------


def _enum_field(request: Request, field_gid: str) -> Record:
    """The field ``field_gid``, which must be an enum or multi_enum field (400)."""
    field = require_field(request, field_gid)
    if field["resource_subtype"] not in ("enum", "multi_enum"):
        raise ApiError(400, "custom_field: Only enum and multi_enum fields have enum options")
    return field


def _option_of(request: Request, field: Record, option_gid: str | None, name: str) -> str | None:
    """``option_gid`` if it is an option of ``field`` (400 if not, 404 if unknown)."""
    if option_gid is not None and Ref(option_gid) not in field["enum_options"]:
        request.fake.store.get(option_gid, "enum_option")
        raise ApiError(400, f"{name}: Enum option {option_gid} is not on this custom field")
    return option_gid


def _move(field: Record, option_gid: str, before: str | None, after: str | None) -> None:
    """Put ``option_gid`` before/after another option of ``field`` (else last)."""
    if before is not None and after is not None:
        raise ApiError(400, "insert_before and insert_after cannot both be specified")
    order = [r.gid for r in field["enum_options"]]
    place(order, option_gid, before=before, after=after)
    field["enum_options"] = [Ref(g) for g in order]


def _option_event(request: Request, field: Record, option: Record, action: str) -> None:
    """A ``changed`` event on the field for an added or changed enum option."""
    change = {"field": "enum_options", "action": action, f"{action}_value": Ref(option["gid"])}
    if action == "changed":
        change = {"field": "enum_options", "action": "changed", "new_value": Ref(option["gid"])}
    request.fake.record_event(
        field, "changed", targets=_targets(field), user=request.user, change=change
    )


@route("POST", "/custom_fields/{custom_field_gid}/enum_options")
def create_enum_option_for_custom_field(request: Request, custom_field_gid: str) -> Reply:
    """A new option, last unless insert_before/insert_after."""
    data = request.data()
    field = _enum_field(request, custom_field_gid)
    before = _option_of(request, field, gid(data, "insert_before"), "insert_before")
    after = _option_of(request, field, gid(data, "insert_after"), "insert_after")
    if before is not None and after is not None:
        raise ApiError(400, "insert_before and insert_after cannot both be specified")
    option = _new_option(request, field, data, "")
    _move(field, option["gid"], before, after)
    _option_event(request, field, option, "added")
    return one(request, option, 201)


@route("POST", "/custom_fields/{custom_field_gid}/enum_options/insert")
def insert_enum_option_for_custom_field(request: Request, custom_field_gid: str) -> Reply:
    """Move an option before or after another (one is required)."""
    data = request.data()
    field = _enum_field(request, custom_field_gid)
    option_gid = required_gid(data, "enum_option")
    _option_of(request, field, option_gid, "enum_option")
    before = _option_of(request, field, gid(data, "before_enum_option"), "before_enum_option")
    after = _option_of(request, field, gid(data, "after_enum_option"), "after_enum_option")
    if before is None and after is None:
        raise ApiError(400, "before_enum_option or after_enum_option: Missing input")
    if option_gid not in (before, after):
        _move(field, option_gid, before, after)
    option = request.fake.store.get(option_gid, "enum_option")
    _option_event(request, field, option, "changed")
    return one(request, option)


@route("PUT", "/enum_options/{enum_option_gid}")
def update_enum_option(request: Request, enum_option_gid: str) -> Reply:
    """Rename, recolor, enable or disable an option (disabled ones stay listed)."""
    data = request.data()
    store = request.fake.store
    option = store.get(enum_option_gid, "enum_option")
    field = require_field(request, option["_field"])
    if "name" in data:
        option["name"] = text(data, "name", required=True)
    if "color" in data:
        option["color"] = choice(data, "color", OPTION_COLORS)
    if "enabled" in data:
        option["enabled"] = boolean(data, "enabled")
    _option_event(request, field, option, "changed")
    return one(request, option)
