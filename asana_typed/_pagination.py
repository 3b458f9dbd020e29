"""Lazy iteration over Asana's offset pagination, one page in memory at a time."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Generic, TypeVar

from .models._base import Envelope

__all__ = ["ItemIterator", "page_limit"]

T = TypeVar("T")

# fetch(limit, offset) -> one page
FetchPage = Callable[[int, "str | None"], Envelope[list[T]]]


def page_limit(page_size: int, item_limit: int | None, seen: int) -> int:
    """Items to ask for next: the page size, shrunk so the last page ends at ``item_limit``."""
    if item_limit is None:
        return page_size
    return min(page_size, item_limit - seen)


class ItemIterator(Iterator[T], Generic[T]):
    """Items of a collection, fetched page by page as they are consumed.

    ``next_offset`` is where a new iterator (``offset=...``) would resume: the page after
    the last one fetched, or ``None`` when the collection is exhausted.
    """

    def __init__(
        self,
        fetch: FetchPage[T],
        *,
        page_size: int,
        item_limit: int | None = None,
        offset: str | None = None,
    ) -> None:
        self._fetch = fetch
        self._page_size = page_size
        self._item_limit = item_limit
        self.next_offset: str | None = offset
        self.pages_fetched = 0
        self._items = self._generate()

    def _generate(self) -> Iterator[T]:
        seen = 0
        while True:
            limit = page_limit(self._page_size, self._item_limit, seen)
            if limit <= 0:
                return
            page = self._fetch(limit, self.next_offset)
            self.pages_fetched += 1
            self.next_offset = page.next_page.offset if page.next_page else None
            items = page.data[:limit] if len(page.data) > limit else page.data
            # Only ``items`` may outlive this point: the envelope (and, below, the list)
            # must be gone before the next page is fetched, so one page is held at a time.
            del page
            count = len(items)
            seen += count
            yield from items
            del items
            if self.next_offset is None or not count:
                return

    def __iter__(self) -> Iterator[T]:
        # The generator itself, so ``for`` loops run at C speed without a __next__ hop.
        return self._items

    def __next__(self) -> T:
        return next(self._items)
