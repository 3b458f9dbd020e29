"""Collections: lazy item iterators over ``next_page.offset``, one page in memory at a time."""

from __future__ import annotations

import weakref
from collections.abc import Callable, Iterator

import httpx
import pytest

import asana_typed as asana
from asana_typed.models import Envelope, Task
from tests.conftest import ScriptedAsana

BASE = "https://app.asana.com/api/1.0"
PATH = "/projects/P/tasks"
TOTAL = 5


def _record(index: int) -> dict[str, object]:
    return {"gid": str(100 + index), "resource_type": "task", "name": f"task {index}"}


def serve(total: int = TOTAL) -> Callable[[httpx.Request], httpx.Response]:
    """One page of a ``total``-item collection; the offset token ``o<n>`` starts at item n."""

    def handler(request: httpx.Request) -> httpx.Response:
        limit = int(request.url.params["limit"])
        offset = request.url.params.get("offset")
        start = int(offset[1:]) if offset else 0
        end = min(start + limit, total)
        next_page = None
        if end < total:
            next_page = {
                "offset": f"o{end}",
                "path": f"{PATH}?limit={limit}&offset=o{end}",
                "uri": f"{BASE}{PATH}?limit={limit}&offset=o{end}",
            }
        body = {"data": [_record(i) for i in range(start, end)], "next_page": next_page}
        return httpx.Response(200, json=body)

    return handler


def queue_pages(api: ScriptedAsana, count: int, total: int = TOTAL) -> None:
    """Allow ``count`` page requests; one more is an 'unexpected request' failure."""
    for _ in range(count):
        api.handle(serve(total))


def queries(api: ScriptedAsana) -> list[str]:
    return [r.url.query.decode() for r in api.requests]


def names(tasks: Iterator[Task] | list[Task]) -> list[str]:
    return [t.name for t in tasks]


# -- request sequences -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("item_limit", "expected_queries", "expected_count"),
    [
        (1, ["limit=1"], 1),
        (2, ["limit=2"], 2),
        (3, ["limit=2", "limit=1&offset=o2"], 3),
        (4, ["limit=2", "limit=2&offset=o2"], 4),
        (5, ["limit=2", "limit=2&offset=o2", "limit=1&offset=o4"], 5),
        (50, ["limit=2", "limit=2&offset=o2", "limit=2&offset=o4"], 5),
        (None, ["limit=2", "limit=2&offset=o2", "limit=2&offset=o4"], 5),
    ],
)
def test_item_limit_request_sequence(
    api: ScriptedAsana, item_limit: int | None, expected_queries: list[str], expected_count: int
) -> None:
    queue_pages(api, len(expected_queries))
    client = api.client()
    tasks = client.tasks.get_tasks_for_project("P", page_size=2, item_limit=item_limit)
    got = names(tasks)
    assert got == [f"task {i}" for i in range(expected_count)]
    assert queries(api) == expected_queries
    assert all(r.method == "GET" for r in api.requests)
    assert all(r.url.path == "/api/1.0" + PATH for r in api.requests)
    assert api.pending == 0
    # Exhausted: asking again sends nothing.
    assert list(tasks) == []
    assert len(api.requests) == len(expected_queries)


def test_item_limit_zero_sends_nothing(api: ScriptedAsana) -> None:
    tasks = api.client().tasks.get_tasks_for_project("P", page_size=2, item_limit=0)
    assert list(tasks) == []
    assert api.requests == []


def test_iteration_is_lazy_page_by_page(api: ScriptedAsana) -> None:
    queue_pages(api, 3)
    tasks = api.client().tasks.get_tasks_for_project("P", page_size=2)
    assert api.requests == []  # nothing before iteration starts
    assert next(tasks).name == "task 0"
    assert queries(api) == ["limit=2"]
    assert next(tasks).name == "task 1"
    assert queries(api) == ["limit=2"]  # page 2 only when page 1 is used up
    assert next(tasks).name == "task 2"
    assert queries(api) == ["limit=2", "limit=2&offset=o2"]
    assert names(tasks) == ["task 3", "task 4"]
    assert len(api.requests) == 3


def test_no_request_after_item_limit_even_with_next_page(api: ScriptedAsana) -> None:
    queue_pages(api, 1)
    tasks = api.client().tasks.get_tasks_for_project("P", page_size=2, item_limit=2)
    assert names(tasks) == ["task 0", "task 1"]
    with pytest.raises(StopIteration):
        next(tasks)
    assert queries(api) == ["limit=2"]


def test_stops_when_next_page_is_null(api: ScriptedAsana) -> None:
    api.data([_record(0), _record(1)], next_page=None)
    tasks = api.client().tasks.get_tasks_for_project("P", page_size=2)
    assert names(tasks) == ["task 0", "task 1"]
    assert len(api.requests) == 1


def test_stops_when_next_page_is_missing(api: ScriptedAsana) -> None:
    api.data([_record(0)])
    tasks = api.client().tasks.get_tasks_for_project("P")
    assert names(tasks) == ["task 0"]
    assert queries(api) == ["limit=50"]  # the default page size


def test_empty_page_ends_iteration(api: ScriptedAsana) -> None:
    # A page with no items ends iteration even if Asana still points to a next page.
    api.data([], next_page={"offset": "o9", "path": "/x", "uri": BASE + "/x"})
    tasks = api.client().tasks.get_tasks_for_project("P", page_size=2)
    assert list(tasks) == []
    assert len(api.requests) == 1


def test_empty_later_page_ends_iteration(api: ScriptedAsana) -> None:
    api.data([_record(0), _record(1)], next_page={"offset": "o2"})
    api.data([], next_page={"offset": "o3"})
    tasks = api.client().tasks.get_tasks_for_project("P", page_size=2)
    assert names(tasks) == ["task 0", "task 1"]
    assert queries(api) == ["limit=2", "limit=2&offset=o2"]


def test_server_sending_more_than_asked_is_cut_at_item_limit(api: ScriptedAsana) -> None:
    api.data([_record(0), _record(1)], next_page={"offset": "o2"})
    api.data([_record(2), _record(3)], next_page={"offset": "o4"})  # asked for 1
    tasks = api.client().tasks.get_tasks_for_project("P", page_size=2, item_limit=3)
    assert names(tasks) == ["task 0", "task 1", "task 2"]
    assert queries(api) == ["limit=2", "limit=1&offset=o2"]


def test_page_size_is_capped_at_100(api: ScriptedAsana) -> None:
    queue_pages(api, 1)
    tasks = api.client().tasks.get_tasks_for_project("P", page_size=500)
    assert len(list(tasks)) == TOTAL
    assert queries(api) == ["limit=100"]


def test_item_limit_below_capped_page_size(api: ScriptedAsana) -> None:
    queue_pages(api, 1)
    tasks = api.client().tasks.get_tasks_for_project("P", page_size=500, item_limit=3)
    assert len(list(tasks)) == 3
    assert queries(api) == ["limit=3"]


def test_offset_option_starts_there(api: ScriptedAsana) -> None:
    api.data([_record(3)], next_page={"offset": "def"})
    api.data([_record(4)], next_page=None)
    tasks = api.client().tasks.get_tasks_for_project("P", page_size=1, offset="abc")
    assert names(tasks) == ["task 3", "task 4"]
    assert queries(api) == ["limit=1&offset=abc", "limit=1&offset=def"]


def test_params_and_projection_are_sent_on_every_page(api: ScriptedAsana) -> None:
    queue_pages(api, 3)
    tasks = api.client().tasks.get_tasks(
        {"project": "P", "completed_since": "now"}, page_size=2, fields=["name"]
    )
    assert len(list(tasks)) == TOTAL
    assert queries(api) == [
        "project=P&completed_since=now&limit=2&opt_fields=name",
        "project=P&completed_since=now&limit=2&offset=o2&opt_fields=name",
        "project=P&completed_since=now&limit=2&offset=o4&opt_fields=name",
    ]


def test_page_size_and_item_limit_from_client_options(api: ScriptedAsana) -> None:
    queue_pages(api, 2)
    client = api.client(page_size=2, item_limit=3)
    assert names(client.tasks.find_by_project("P")) == ["task 0", "task 1", "task 2"]
    assert queries(api) == ["limit=2", "limit=1&offset=o2"]


def test_items_are_typed_tasks(api: ScriptedAsana) -> None:
    queue_pages(api, 1)
    tasks = list(api.client().tasks.get_tasks_for_project("P", page_size=10))
    assert all(isinstance(t, Task) for t in tasks)
    assert [t.gid for t in tasks] == ["100", "101", "102", "103", "104"]
    with pytest.raises(asana.FieldNotLoadedError):
        _ = tasks[0].notes


# -- the iterator object ---------------------------------------------------------------


def test_iterator_exposes_next_offset_to_resume(api: ScriptedAsana) -> None:
    queue_pages(api, 1)
    client = api.client()
    tasks = client.tasks.get_tasks_for_project("P", page_size=2)
    assert isinstance(tasks, asana.ItemIterator)
    assert (tasks.next_offset, tasks.pages_fetched) == (None, 0)
    assert [next(tasks).name, next(tasks).name] == ["task 0", "task 1"]
    assert tasks.next_offset == "o2"
    assert tasks.pages_fetched == 1

    queue_pages(api, 2)
    resumed = client.tasks.get_tasks_for_project("P", page_size=2, offset=tasks.next_offset)
    assert names(resumed) == ["task 2", "task 3", "task 4"]
    assert isinstance(resumed, asana.ItemIterator)
    assert resumed.next_offset is None  # exhausted
    assert resumed.pages_fetched == 2
    assert queries(api) == ["limit=2", "limit=2&offset=o2", "limit=2&offset=o4"]


def test_iterator_starts_with_given_offset(api: ScriptedAsana) -> None:
    tasks = api.client().tasks.get_tasks_for_project("P", offset="o3")
    assert isinstance(tasks, asana.ItemIterator)
    assert tasks.next_offset == "o3"
    assert api.requests == []


def test_iter_returns_an_iterator_over_the_same_items(api: ScriptedAsana) -> None:
    queue_pages(api, 3)
    tasks = api.client().tasks.get_tasks_for_project("P", page_size=2)
    assert next(tasks).name == "task 0"
    # A for loop after next() continues where next() left off.
    assert [t.name for t in tasks] == ["task 1", "task 2", "task 3", "task 4"]


def test_holds_one_page_at_a_time(api: ScriptedAsana) -> None:
    refs: list[weakref.ref[Task]] = []
    live_when_fetched: list[int] = []
    page = serve()

    def counting(request: httpx.Request) -> httpx.Response:
        live_when_fetched.append(sum(r() is not None for r in refs))
        return page(request)

    for _ in range(3):
        api.handle(counting)
    tasks = api.client().tasks.get_tasks_for_project("P", page_size=2)
    for _ in range(TOTAL):
        refs.append(weakref.ref(next(tasks)))  # the caller keeps no reference to the items
    # Items of earlier pages were released before the next page was requested.
    assert live_when_fetched == [0, 0, 0]
    assert len(api.requests) == 3


def test_caller_may_keep_items(api: ScriptedAsana) -> None:
    queue_pages(api, 3)
    kept = list(api.client().tasks.get_tasks_for_project("P", page_size=2))
    assert [t.name for t in kept] == [f"task {i}" for i in range(TOTAL)]


# -- one page: iterator_type=None ------------------------------------------------------


def test_iterator_type_none_returns_one_page_as_list(api: ScriptedAsana) -> None:
    queue_pages(api, 1)
    page = api.client().tasks.get_tasks_for_project("P", page_size=2, iterator_type=None)
    assert isinstance(page, list)
    assert all(isinstance(t, Task) for t in page)
    assert names(page) == ["task 0", "task 1"]
    assert queries(api) == ["limit=2"]


def test_iterator_type_none_honours_item_limit_and_offset(api: ScriptedAsana) -> None:
    queue_pages(api, 1)
    page = api.client().tasks.get_tasks_for_project(
        "P", page_size=2, item_limit=1, offset="o3", iterator_type=None
    )
    assert names(page) == ["task 3"]
    assert queries(api) == ["limit=1&offset=o3"]


def test_iterator_type_none_full_payload_returns_envelope(api: ScriptedAsana) -> None:
    queue_pages(api, 1)
    env = api.client().tasks.get_tasks_for_project(
        "P", page_size=2, iterator_type=None, full_payload=True
    )
    assert isinstance(env, Envelope)
    assert names(env.data) == ["task 0", "task 1"]
    assert all(isinstance(t, Task) for t in env.data)
    assert env.next_page is not None
    assert env.next_page.offset == "o2"
    assert env.next_page.path == f"{PATH}?limit=2&offset=o2"
    assert len(api.requests) == 1


def test_iterator_type_none_full_payload_last_page(api: ScriptedAsana) -> None:
    queue_pages(api, 1)
    env = api.client().tasks.get_tasks_for_project(
        "P", page_size=2, offset="o4", iterator_type=None, full_payload=True
    )
    assert names(env.data) == ["task 4"]
    assert env.next_page is None


def test_iterator_type_none_from_client_options(api: ScriptedAsana) -> None:
    queue_pages(api, 1)
    client = api.client(iterator_type=None, page_size=3)
    page = client.tasks.get_tasks_for_project("P")
    assert isinstance(page, list)
    assert len(page) == 3


def test_full_payload_single_get_returns_envelope(api: ScriptedAsana) -> None:
    api.data({"gid": "1", "name": "one"})
    env = api.client().tasks.get_task("1", full_payload=True)
    assert isinstance(env, Envelope)
    assert isinstance(env.data, Task)
    assert env.data.name == "one"
    assert env.next_page is None
    assert str(api.last.url) == BASE + "/tasks/1"


# -- errors mid-iteration ----------------------------------------------------------------


def test_error_mid_iteration_is_typed_and_resumable(api: ScriptedAsana) -> None:
    queue_pages(api, 1)
    api.reply(400, {"errors": [{"message": "offset: Your pagination token has expired"}]})
    client = api.client()
    tasks = client.tasks.get_tasks_for_project("P", page_size=2)
    assert next(tasks).name == "task 0"
    assert next(tasks).name == "task 1"
    with pytest.raises(asana.InvalidRequestError) as info:
        next(tasks)
    err = info.value
    assert err.status == 400
    assert err.message == "offset: Your pagination token has expired"
    assert err.method == "GET"
    assert err.url == BASE + PATH
    assert queries(api) == ["limit=2", "limit=2&offset=o2"]
    assert isinstance(tasks, asana.ItemIterator)
    assert tasks.next_offset == "o2"  # where a new iterator resumes

    queue_pages(api, 2)
    resumed = client.tasks.get_tasks_for_project("P", page_size=2, offset=tasks.next_offset)
    assert names(resumed) == ["task 2", "task 3", "task 4"]


def test_server_error_mid_iteration_in_a_for_loop(api: ScriptedAsana) -> None:
    queue_pages(api, 1)
    api.reply(503, {"errors": [{"message": "busy"}]})
    seen: list[str] = []

    def consume() -> None:
        for task in api.client(max_retries=0).tasks.get_tasks_for_project("P", page_size=2):
            seen.append(task.name)

    with pytest.raises(asana.ServerError) as info:
        consume()
    assert seen == ["task 0", "task 1"]
    assert info.value.status == 503


def test_bad_body_mid_iteration(api: ScriptedAsana) -> None:
    queue_pages(api, 1)
    api.reply(200, content=b"<html>oops</html>", headers={"content-type": "text/html"})
    tasks = api.client().tasks.get_tasks_for_project("P", page_size=2)
    assert names([next(tasks), next(tasks)]) == ["task 0", "task 1"]
    with pytest.raises(asana.InvalidResponseError):
        next(tasks)


def test_error_on_first_page_only_when_iterated(api: ScriptedAsana) -> None:
    api.reply(404, {"errors": [{"message": "project: Unknown object: P"}]})
    tasks = api.client().tasks.get_tasks_for_project("P")
    assert api.requests == []
    with pytest.raises(asana.NotFoundError):
        list(tasks)


def test_offset_only_collection_sends_no_limit_and_cuts_only_at_item_limit(
    api: ScriptedAsana,
) -> None:
    users = [{"gid": str(n)} for n in range(60)]
    api.data(users, next_page=None)
    api.data(users, next_page=None)
    client = api.client(page_size=10)
    page = client.users.get_users_for_workspace("7", iterator_type=None, item_limit=25)
    assert [u.gid for u in page] == [str(n) for n in range(25)]
    every = list(client.users.get_users_for_workspace("7"))
    assert len(every) == 60  # page_size does not cut a page Asana sized itself
    assert all("limit" not in r.url.params for r in api.requests)
