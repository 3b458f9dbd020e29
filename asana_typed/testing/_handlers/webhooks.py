"""Webhooks: create (with the ``X-Hook-Secret`` header), list by workspace, read, update, delete.

The fake records webhooks but never calls their targets: there is no handshake and no
delivery, so ``last_success_at`` and the failure fields stay unset.
"""

from __future__ import annotations

import os
from typing import Any

from .._app import Reply, Request, empty, many, one, route
from .._store import ApiError, Record, Ref
from ._common import gid, now_iso, require_workspace, text
from .task_records import require_visible

__all__: list[str] = []

FILTER_KEYS = ("resource_type", "resource_subtype", "action", "fields")


def _filters(data: dict[str, Any]) -> list[dict[str, Any]]:
    """The ``filters`` of a body, checked: a list of objects with WebhookFilter's keys."""
    value = data.get("filters")
    if value is None:
        return []
    if not isinstance(value, list) or not all(isinstance(f, dict) for f in value):
        raise ApiError(400, "filters: Not a list of filter objects")
    out = []
    for item in value:
        unknown = sorted(set(item) - set(FILTER_KEYS))
        if unknown:
            raise ApiError(400, f"filters: Unknown filter property: {unknown[0]}")
        fields = item.get("fields")
        if fields is not None and (
            not isinstance(fields, list) or not all(isinstance(f, str) for f in fields)
        ):
            raise ApiError(400, "filters: fields must be a list of field names")
        out.append({k: item[k] for k in FILTER_KEYS if k in item})
    return out


def _workspace_of(request: Request, resource: Record) -> str | None:
    """The workspace a webhook's resource lives in (a workspace is its own)."""
    if resource["resource_type"] == "workspace":
        return str(resource["gid"])
    for key in ("workspace", "organization"):
        ref = resource.get(key)
        if isinstance(ref, Ref):
            return ref.gid
    for key in ("project", "parent", "target"):  # sections, stories, ...: through their owner
        ref = resource.get(key)
        owner = request.fake.store.records.get(ref.gid) if isinstance(ref, Ref) else None
        if owner is not None and owner is not resource:
            return _workspace_of(request, owner)
    return None


@route("POST", "/webhooks")
def create_webhook(request: Request) -> Reply:
    """``resource`` and ``target`` (https); answers 201 and the ``X-Hook-Secret`` header."""
    store = request.fake.store
    data = request.data()
    resource = require_visible(request, store.get(gid(data, "resource", required=True) or ""))
    target = text(data, "target", required=True) or ""
    if not target.startswith(("https://", "http://localhost", "http://127.0.0.1")):
        raise ApiError(400, "target: The target URL must use https")
    filters = _filters(data)
    secret = os.urandom(16).hex()
    webhook = store.add(
        "webhook",
        active=True,
        resource=Ref(resource["gid"]),
        target=target,
        created_at=now_iso(request.fake),
        delivery_retry_count=0,
        filters=filters,
        _secret=secret,
        _workspace=_workspace_of(request, resource),
    )
    reply = one(request, webhook, 201)
    reply.headers["X-Hook-Secret"] = secret
    return reply


@route("GET", "/webhooks")
def get_webhooks(request: Request) -> Reply:
    """The webhooks of ``workspace`` (required), optionally only those on ``resource``."""
    store = request.fake.store
    workspace = request.param("workspace", required=True) or ""
    require_workspace(request, store.get(workspace, "workspace"))
    resource = request.param("resource")
    found = store.find(
        "webhook",
        lambda w: (
            w["_workspace"] == workspace and (resource is None or w["resource"] == Ref(resource))
        ),
    )
    reply = many(request, found)
    if request.opt_fields() is None:  # Asana lists webhooks whole (WebhookResponse)
        reply.body["data"] = [store.full(store.records[w["gid"]]) for w in reply.body["data"]]
    return reply


def _webhook(request: Request, webhook_gid: str) -> Record:
    """The webhook (404) if the caller belongs to its workspace (403)."""
    return require_visible(request, request.fake.store.get(webhook_gid, "webhook"))


@route("GET", "/webhooks/{webhook_gid}")
def get_webhook(request: Request, webhook_gid: str) -> Reply:
    return one(request, _webhook(request, webhook_gid))


@route("PUT", "/webhooks/{webhook_gid}")
def update_webhook(request: Request, webhook_gid: str) -> Reply:
    """Replace the ``filters`` (the only thing a webhook lets you change)."""
    webhook = _webhook(request, webhook_gid)
    data = request.data()
    if "filters" in data:
        webhook["filters"] = _filters(data)
    return one(request, webhook)


@route("DELETE", "/webhooks/{webhook_gid}")
def delete_webhook(request: Request, webhook_gid: str) -> Reply:
    """Delete a webhook (it stops existing at once; there was no delivery)."""
    store = request.fake.store
    _webhook(request, webhook_gid)
    store.delete(webhook_gid)
    return empty()
