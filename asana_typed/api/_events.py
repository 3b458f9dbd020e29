"""``client.events``: the generated operations plus the old client's sync-token helpers.

Asana's events feed works with sync tokens: a call without one (or with an expired one)
is answered 412 with a fresh token in the body, and each later call returns what happened
since the token it was given, plus the next token and ``has_more``.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence

from typing_extensions import Unpack

from .._options import CallOptions
from ..errors import InvalidTokenError
from ..models import Envelope
from ..models.event import Event
from . import events as _generated

__all__ = ["Events"]


class Events(_generated.Events):
    """Events on a resource (task, project, tag, ...), read with sync tokens."""

    def get(
        self,
        params: _generated.GetEventsParams,
        *,
        fields: Sequence[str] | None = None,
        **options: Unpack[CallOptions],
    ) -> Envelope[list[Event]]:
        """One call to ``GET /events``: the events, the next ``sync`` token and ``has_more``.

        Without a sync token (``params["sync"]`` or the ``sync`` option) or with an expired
        one, Asana answers 412: :class:`InvalidTokenError`, whose ``.sync`` is a fresh token.
        ``fields`` asks for more of each event (``["change.new_value.name"]``).
        """
        query = _with_sync(params, options)
        return self.get_events(query, fields=fields, full_payload=True, **options)

    def get_next(
        self,
        params: _generated.GetEventsParams,
        *,
        fields: Sequence[str] | None = None,
        **options: Unpack[CallOptions],
    ) -> tuple[list[Event], str]:
        """The next batch of events and the sync token to ask with next time.

        A missing or expired token is not an error here: the fresh token Asana sends with its
        412 is returned with no events, as the old client did.
        """
        try:
            page = self.get(params, fields=fields, **options)
        except InvalidTokenError as exc:
            if exc.sync is None:
                raise
            return [], exc.sync
        if page.sync is None:
            raise InvalidTokenError("events response carried no sync token", sync=None)
        return page.data, page.sync

    def get_iterator(
        self,
        params: _generated.GetEventsParams,
        *,
        fields: Sequence[str] | None = None,
        **options: Unpack[CallOptions],
    ) -> Iterator[Event]:
        """Every event from now on, polling every ``poll_interval`` seconds.

        It follows ``has_more`` at once, takes a fresh token after a 412, and ends only at
        ``item_limit`` (if set). Each event is yielded once: tokens only move forward.
        """
        client = self._client
        resolved = client._resolve(options)
        limit, interval = resolved.item_limit, resolved.poll_interval
        call: CallOptions = {**options}
        call.pop("item_limit", None)
        call.pop("sync", None)
        query = _with_sync(params, options)
        seen = 0
        refused = False
        while limit is None or seen < limit:
            try:
                page = self.get(query, fields=fields, **call)
            except InvalidTokenError as exc:
                if exc.sync is None:
                    raise
                query = {**query, "sync": exc.sync}
                if refused:  # twice in a row: do not spin on a server that keeps refusing
                    client._transport.sleep(interval)
                refused = True
                continue
            refused = False
            if page.sync:
                query = {**query, "sync": page.sync}
            for event in page.data:
                if limit is not None and seen >= limit:
                    return
                seen += 1
                yield event
            if limit is not None and seen >= limit:
                return
            if not page.has_more:
                client._transport.sleep(interval)


def _with_sync(
    params: _generated.GetEventsParams, options: Mapping[str, object]
) -> _generated.GetEventsParams:
    """``params`` with the ``sync`` option folded into the query (the option wins)."""
    sync = options.get("sync")
    if isinstance(sync, str):
        return {**params, "sync": sync}
    return params
