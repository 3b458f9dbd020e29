"""Stories: a task's comments and its system stories (``/tasks/{gid}/stories``, ``/stories``).

Every change a handler makes to a task is told here with :func:`add_story`, as Asana keeps
a task's history; comments come in through ``POST /tasks/{gid}/stories``.
"""

from __future__ import annotations

from typing import Any

from .._app import Reply, Request, empty, many, one, route
from .._store import ApiError, Record, Ref
from ._common import boolean, choice, now_iso, text
from .task_records import body_html, html_text, require_task, require_visible, targets

__all__ = ["add_story", "delete_stories_of"]

STICKERS = (
    "green_checkmark",
    "people_dancing",
    "dancing_unicorn",
    "heart",
    "party_popper",
    "people_waving_flags",
    "splashing_narwhal",
    "trophy",
    "yeti_riding_unicorn",
    "celebrating_people",
    "determined_climbers",
    "phoenix_spreading_love",
)


def add_story(
    request: Request,
    task: Record,
    subtype: str,
    story_text: str,
    /,
    *,
    kind: str = "system",
    **fields: Any,
) -> Record:
    """Add a story to ``task`` (a system story unless ``kind="comment"``) and its event.

    ``fields`` are the subtype's own members (``assignee``, ``project``, ``new_name``, ...);
    the event is the story ``added`` to the task, for everyone who follows the task.
    """
    fake = request.fake
    user = request.user
    comment = kind == "comment"
    story = fake.store.add(
        "story",
        created_at=now_iso(fake),
        created_by=Ref(user["gid"]) if user else None,
        resource_subtype=subtype,
        text=story_text,
        type=kind,
        is_editable=comment,
        is_edited=False,
        is_pinned=False,
        hearted=False,
        hearts=[],
        num_hearts=0,
        liked=False,
        likes=[],
        num_likes=0,
        reaction_summary=[],
        previews=[],
        source="api",
        target=Ref(task["gid"]),
        **fields,
    )
    fake.record_event(story, "added", targets=targets(fake.store, task), user=user, parent=task)
    return story


def delete_stories_of(request: Request, task: Record) -> None:
    """Drop every story on ``task`` (the task is being deleted)."""
    store = request.fake.store
    ref = Ref(task["gid"])
    for story in store.find("story", lambda s: s.get("target") == ref):
        store.delete(story["gid"])


def _comment_text(data: dict[str, Any], *, required: bool) -> tuple[str, str] | None:
    """``(text, html_text)`` from a comment body: either may be sent, html_text wins."""
    html = text(data, "html_text")
    if html is not None:
        return html_text(html, "html_text"), html
    plain = text(data, "text", required=required)
    if plain is None:
        return None
    return plain, body_html(plain)


def _task_of(request: Request, story: Record) -> Record:
    """The task a story is on."""
    return request.fake.store.get(story["target"].gid, "task")


def _story(request: Request, story_gid: str) -> Record:
    """The story (404) if the caller may see its task (403)."""
    return require_visible(request, request.fake.store.get(story_gid, "story"))


@route("GET", "/tasks/{task_gid}/stories")
def get_stories_for_task(request: Request, task_gid: str) -> Reply:
    """A task's stories, oldest first (system stories and comments)."""
    store = request.fake.store
    require_task(request, task_gid)
    ref = Ref(task_gid)
    return many(request, store.find("story", lambda s: s.get("target") == ref))


@route("POST", "/tasks/{task_gid}/stories")
def create_story_for_task(request: Request, task_gid: str) -> Reply:
    """A comment: ``text`` or ``html_text``; the commenter starts following the task."""
    task = require_task(request, task_gid)
    data = request.data()
    if data.get("text") is None and data.get("html_text") is None:
        raise ApiError(400, "text: Missing input")
    plain, html = _comment_text(data, required=True) or ("", "")
    pinned = boolean(data, "is_pinned") or False
    sticker = choice(data, "sticker_name", STICKERS)
    extra: dict[str, Any] = {"sticker_name": sticker} if sticker else {}
    story = add_story(
        request, task, "comment_added", plain, kind="comment", html_text=html, **extra
    )
    story["is_pinned"] = pinned
    if request.user is not None and Ref(request.user["gid"]) not in task["followers"]:
        task["followers"].append(Ref(request.user["gid"]))
    return one(request, story, 201)


@route("GET", "/stories/{story_gid}")
def get_story(request: Request, story_gid: str) -> Reply:
    return one(request, _story(request, story_gid))


def _own_comment(request: Request, story: Record, verb: str) -> None:
    """403 unless ``story`` is a comment the caller wrote (``verb``: "edit" or "delete")."""
    if story["type"] != "comment":
        raise ApiError(403, f"story: You cannot {verb} a system story, only comments")
    author = story.get("created_by")
    if request.user is not None and author != Ref(request.user["gid"]):
        raise ApiError(403, f"story: You can only {verb} your own comments")


@route("PUT", "/stories/{story_gid}")
def update_story(request: Request, story_gid: str) -> Reply:
    """Edit a comment's text (``text`` or ``html_text``) or pin it."""
    story = _story(request, story_gid)
    data = request.data()
    _own_comment(request, story, "edit")
    texts = _comment_text(data, required=False)
    pinned = boolean(data, "is_pinned")
    changed = []
    if texts is not None:
        story["text"], story["html_text"] = texts
        story["is_edited"] = True
        changed.append(("text", story["text"]))
    if pinned is not None and pinned != story["is_pinned"]:
        story["is_pinned"] = pinned
        changed.append(("is_pinned", pinned))
    task = _task_of(request, story)
    for field, value in changed:
        request.fake.record_event(
            story,
            "changed",
            targets=targets(request.fake.store, task),
            user=request.user,
            parent=task,
            change={"field": field, "action": "changed", "new_value": value},
        )
    return one(request, story)


@route("DELETE", "/stories/{story_gid}")
def delete_story(request: Request, story_gid: str) -> Reply:
    """Delete your own comment (system stories cannot be deleted)."""
    store = request.fake.store
    story = _story(request, story_gid)
    _own_comment(request, story, "delete")
    task = _task_of(request, story)
    request.fake.record_event(
        story, "deleted", targets=targets(store, task), user=request.user, parent=task
    )
    store.delete(story_gid)
    return empty()
