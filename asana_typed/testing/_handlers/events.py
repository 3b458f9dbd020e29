"""Events: ``GET /events?resource=`` and ``GET /workspaces/{gid}/events``, with sync tokens.

A sync token is opaque and signed with the fake's secret; it holds the resource, the
sequence number of the last event its holder has seen, and when it was issued. No token,
a foreign or garbled one, or one older than ``fake.sync_ttl`` seconds answers 412 with a
fresh token at the end of the log, as Asana does. Handlers append events with
``fake.record_event``; ``_targets`` says whose streams an event shows in.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from .._app import Reply, Request, route
from .._store import ApiError, Record, Ref
from ._common import require_workspace
from .task_records import require_visible

if TYPE_CHECKING:
    from .._fake import FakeAsana

__all__ = ["PAGE", "WORKSPACE_PAGE"]

PAGE = 100  # events per response on a resource, as Asana limits them
WORKSPACE_PAGE = 1000  # per response on a workspace (the spec's figure for a domain)
TOO_OLD = (
    "Sync token invalid or too old. If you are attempting to keep resources in sync, you must "
    "fetch the full dataset for this query now and use the new sync token for the next sync."
)


def _sign(fake: FakeAsana, payload: bytes) -> str:
    """The token's signature: HMAC of the fake's secret (domain-separated from offsets)."""
    return hmac.new(fake.secret, b"sync:" + payload, hashlib.sha256).hexdigest()[:20]


def _token(fake: FakeAsana, stream: str, seq: int) -> str:
    """A new sync token for ``stream`` at sequence number ``seq``, issued now."""
    payload = json.dumps({"r": stream, "s": seq, "t": fake.clock()}).encode()
    encoded = base64.urlsafe_b64encode(payload).decode().rstrip("=")
    return f"{encoded}.{_sign(fake, payload)}"


def _read(fake: FakeAsana, token: str, stream: str) -> int | None:
    """The sequence number in ``token``; None if it is not a live token of ``stream``."""
    try:
        encoded, signature = token.rsplit(".", 1)
        payload = base64.urlsafe_b64decode(encoded + "=" * (-len(encoded) % 4))
        fields = json.loads(payload)
        if not hmac.compare_digest(signature, _sign(fake, payload)) or fields["r"] != stream:
            return None
        seq, issued = int(fields["s"]), float(fields["t"])
    except (ValueError, KeyError, TypeError):
        return None
    if fake.clock() - issued > fake.sync_ttl:
        return None
    return seq


def _render(request: Request, event: Record) -> Record:
    """An event as Asana sends it: Refs as compact records, no internal keys.

    A resource deleted since keeps its gid and type; a gone parent keeps its gid.
    """
    store = request.fake.store
    shown = store.full(event)
    resource: Ref = event["resource"]
    parent = event.get("parent")
    out: Record = {
        "user": shown.get("user"),
        "created_at": event["created_at"],
        "type": event["type"],
        "action": event["action"],
        "resource": shown["resource"] or {"gid": resource.gid, "resource_type": event["type"]},
        "parent": shown.get("parent") or ({"gid": parent.gid} if parent else None),
    }
    if "change" in event:
        out["change"] = shown["change"]
    return out


def _stream(request: Request, stream: str, wanted: Callable[[Record], bool], page: int) -> Reply:
    """Answer an events call: 412 with a fresh token, or the events after the token."""
    fake = request.fake
    end = fake.events[-1]["_seq"] if fake.events else 0
    token = request.param("sync")
    seq = _read(fake, token, stream) if token else None
    if seq is None:
        raise ApiError(412, TOO_OLD, extra={"sync": _token(fake, stream, end)})
    pending = [e for e in fake.events if e["_seq"] > seq and wanted(e)]
    batch = pending[:page]
    has_more = len(pending) > page
    last = batch[-1]["_seq"] if has_more else max(end, seq)
    body: dict[str, Any] = {
        "data": [_render(request, e) for e in batch],
        "sync": _token(fake, stream, last),
        "has_more": has_more,
    }
    return Reply(200, body)


@route("GET", "/events")
def get_events(request: Request) -> Reply:
    """What happened to ``resource`` (and what it contains) since the ``sync`` token."""
    gid = request.param("resource", required=True) or ""
    require_visible(request, request.fake.store.get(gid))
    return _stream(request, f"r:{gid}", lambda e: gid in e["_targets"], PAGE)


@route("GET", "/workspaces/{workspace_gid}/events")
def get_workspace_events(request: Request, workspace_gid: str) -> Reply:
    """Everything that happened in a workspace since the ``sync`` token."""
    store = request.fake.store
    require_workspace(request, store.get(workspace_gid, "workspace"))
    ref = Ref(workspace_gid)

    def wanted(event: Record) -> bool:
        if workspace_gid in event["_targets"]:
            return True
        resource = store.records.get(event["resource"].gid)
        return resource is not None and resource.get("workspace") == ref

    return _stream(request, f"w:{workspace_gid}", wanted, WORKSPACE_PAGE)
