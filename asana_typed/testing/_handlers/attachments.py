"""Attachments: upload (multipart) or link, list by parent, read, delete — and download.

``GET /attachments/{gid}/download`` is the fake's own route, not an Asana endpoint: it
serves an upload's bytes (with the bearer token, like every fake route), so a test or demo
can read back what it uploaded. ``download_url``, ``view_url`` and ``permanent_url`` point
at it, below the fake's current ``base_url``.
"""

from __future__ import annotations

from urllib.parse import quote

from .._app import Reply, Request, Upload, empty, many, one, route
from .._store import ApiError, Record, Ref
from ._common import now_iso
from .stories import add_story
from .task_records import require_visible, targets

__all__ = ["MAX_UPLOAD"]

MAX_UPLOAD = 100 * 1024 * 1024  # Asana refuses files above 100 MB
PARENTS = ("task", "project", "project_brief")


def _urls(request: Request, attachment: Record) -> Record:
    """Point the URLs of an upload at the fake as it is reached now; returns the record."""
    if attachment["host"] == "asana":
        url = f"{request.fake.base_url}/attachments/{attachment['gid']}/download"
        attachment.update(download_url=url, view_url=url, permanent_url=url)
    return attachment


def _parent(request: Request, gid: str) -> Record:
    """The attachment's parent (task, project or brief), if the caller may see it."""
    return require_visible(request, request.fake.store.get(gid, *PARENTS))


def _attachment(request: Request, attachment_gid: str) -> Record:
    """The attachment (404) if the caller may see what it is attached to (403)."""
    return require_visible(request, request.fake.store.get(attachment_gid, "attachment"))


def _event(request: Request, attachment: Record, parent: Record, action: str) -> None:
    """Record an event on an attachment for whoever follows its parent."""
    store = request.fake.store
    if parent["resource_type"] == "task":
        gids = targets(store, parent)
    else:
        gids = [parent["gid"]] + ([parent["workspace"].gid] if parent.get("workspace") else [])
    request.fake.record_event(attachment, action, targets=gids, user=request.user, parent=parent)


@route("POST", "/attachments")
def create_attachment_for_object(request: Request) -> Reply:
    """``parent`` and a ``file`` part, or ``resource_subtype=external`` with ``url``, ``name``."""
    form = request.form()
    parent_gid = form.get("parent")
    if not isinstance(parent_gid, str) or not parent_gid:
        raise ApiError(400, "parent: Missing input")
    parent = _parent(request, parent_gid)
    subtype = form.get("resource_subtype", "asana")
    if subtype not in ("asana", "external"):
        raise ApiError(400, f"resource_subtype: Not a valid enum value: {subtype!r}")
    upload = form.get("file")
    fields: Record = {}
    if subtype == "external":
        url, name = form.get("url"), form.get("name")
        for key, value in (("url", url), ("name", name)):
            if not isinstance(value, str) or not value:
                raise ApiError(400, f"{key}: Missing input")
        fields = {"name": name, "host": "external", "download_url": None, "view_url": url}
        fields["permanent_url"] = url
    else:
        if not isinstance(upload, Upload):
            raise ApiError(400, "file: Missing input")
        if len(upload.content) > MAX_UPLOAD:
            raise ApiError(400, "file: File is too large")
        name = form.get("name") if isinstance(form.get("name"), str) else None
        fields = {"name": name or upload.filename, "host": "asana", "size": len(upload.content)}
        fields.update(download_url=None, view_url=None, permanent_url=None)
        fields.update(_content=upload.content, _content_type=upload.content_type)
    attachment = request.fake.store.add(
        "attachment",
        resource_subtype=subtype,
        created_at=now_iso(request.fake),
        parent=Ref(parent["gid"]),
        connected_to_app=form.get("connect_to_app") == "true",
        **fields,
    )
    if parent["resource_type"] == "task":
        add_story(request, parent, "attachment_added", f"attached {attachment['name']}")
    _event(request, attachment, parent, "added")
    return one(request, _urls(request, attachment))  # Asana answers 200 here, not 201


@route("GET", "/attachments")
def get_attachments_for_object(request: Request) -> Reply:
    """The attachments of ``parent`` (a task, project or project brief)."""
    parent = _parent(request, request.param("parent", required=True) or "")
    ref = Ref(parent["gid"])
    found = request.fake.store.find("attachment", lambda a: a.get("parent") == ref)
    return many(request, [_urls(request, a) for a in found])


@route("GET", "/attachments/{attachment_gid}")
def get_attachment(request: Request, attachment_gid: str) -> Reply:
    return one(request, _urls(request, _attachment(request, attachment_gid)))


@route("DELETE", "/attachments/{attachment_gid}")
def delete_attachment(request: Request, attachment_gid: str) -> Reply:
    """Delete an attachment (its bytes go with it)."""
    store = request.fake.store
    attachment = _attachment(request, attachment_gid)
    parent = store.records.get(attachment["parent"].gid)
    if parent is not None:
        _event(request, attachment, parent, "deleted")
    store.delete(attachment_gid)
    return empty()


@route("GET", "/attachments/{attachment_gid}/download")
def download_attachment(request: Request, attachment_gid: str) -> Reply:
    """Not Asana's: the uploaded bytes, with the content type they were uploaded with."""
    attachment = _attachment(request, attachment_gid)
    if attachment["host"] != "asana":
        raise ApiError(404, f"attachment: {attachment_gid} is external; see its view_url")
    content: bytes = attachment["_content"]
    name: str = attachment["name"]
    plain = "".join(c for c in name if c.isascii() and c.isprintable() and c not in '"\\')
    headers = {  # RFC 6266: an ASCII fallback and the exact name, UTF-8 percent-encoded
        "content-type": attachment["_content_type"] or "application/octet-stream",
        "content-disposition": f"attachment; filename=\"{plain}\"; filename*=UTF-8''{quote(name)}",
    }
    return Reply(200, {}, headers, raw=content)
