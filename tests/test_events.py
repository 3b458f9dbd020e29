"""Events with sync tokens: ``events.get``, ``get_next`` and the polling ``get_iterator``."""

from __future__ import annotations

import copy
import itertools
from urllib.parse import parse_qs, urlsplit

import pytest

import asana_typed as asana
from asana_typed.api.events import GetEventsParams
from asana_typed.testing import FakeAsana
from tests.conftest import ScriptedAsana


def _event(n: int) -> dict[str, object]:
    return {
        "user": None,
        "resource": {"gid": str(n), "resource_type": "task", "name": f"t{n}"},
        "type": "task",
        "action": "changed",
        "parent": None,
        "created_at": "2024-01-01T00:00:00.000Z",
        "change": {"field": "name", "action": "changed"},
    }


def _expired(api: ScriptedAsana, fresh: str) -> None:
    api.reply(412, {"sync": fresh, "errors": [{"message": "Sync token invalid or too old."}]})


def _page(api: ScriptedAsana, numbers: range, sync: str, more: bool = False) -> None:
    api.reply(200, {"data": [_event(n) for n in numbers], "sync": sync, "has_more": more})


def _query(api: ScriptedAsana, i: int) -> dict[str, list[str]]:
    return parse_qs(urlsplit(str(api.requests[i].url)).query)


def test_get_returns_envelope_with_sync_and_has_more(api: ScriptedAsana) -> None:
    _page(api, range(2), "s2", more=True)
    page = api.client().events.get({"resource": "9", "sync": "s1"})
    assert isinstance(page, asana.Envelope)
    assert [e.resource.gid for e in page.data] == ["0", "1"]
    assert (page.sync, page.has_more) == ("s2", True)
    assert page.data[0].user is None
    assert page.data[0].change.field == "name"
    assert _query(api, 0) == {"resource": ["9"], "sync": ["s1"]}


def test_get_with_expired_token_raises_with_fresh_sync(api: ScriptedAsana) -> None:
    _expired(api, "fresh")
    with pytest.raises(asana.InvalidTokenError) as info:
        api.client().events.get({"resource": "9", "sync": "old"})
    assert info.value.sync == "fresh"
    assert info.value.status == 412


def test_sync_option_goes_into_the_query(api: ScriptedAsana) -> None:
    _page(api, range(0), "s2")
    api.client().events.get({"resource": "9"}, sync="s1")
    assert _query(api, 0) == {"resource": ["9"], "sync": ["s1"]}


def test_get_next_first_call_takes_the_fresh_token(api: ScriptedAsana) -> None:
    _expired(api, "first")
    events, sync = api.client().events.get_next({"resource": "9"})
    assert (events, sync) == ([], "first")
    assert "sync" not in _query(api, 0)


def test_get_next_returns_events_and_next_token(api: ScriptedAsana) -> None:
    _page(api, range(3), "s2")
    events, sync = api.client().events.get_next({"resource": "9", "sync": "s1"})
    assert [e.resource.gid for e in events] == ["0", "1", "2"]
    assert sync == "s2"


def test_iterator_first_412_then_has_more_chain_then_polls(api: ScriptedAsana) -> None:
    _expired(api, "s1")
    _page(api, range(0, 2), "s2", more=True)
    _page(api, range(2, 4), "s3", more=False)
    _page(api, range(4, 5), "s4", more=False)
    client = api.client(poll_interval=7)
    params: GetEventsParams = {"resource": "9"}
    before = copy.deepcopy(params)
    got = [e.resource.gid for e in client.events.get_iterator(params, item_limit=5)]
    assert got == ["0", "1", "2", "3", "4"]
    assert params == before
    syncs = [_query(api, i).get("sync") for i in range(len(api.requests))]
    assert syncs == [None, ["s1"], ["s2"], ["s3"]]
    # has_more is followed at once; a page without more waits poll_interval first.
    assert api.sleeps == [7.0]


def test_iterator_token_expiring_midway_drops_nothing_it_was_given(api: ScriptedAsana) -> None:
    _page(api, range(0, 2), "s2")
    _expired(api, "s9")
    _page(api, range(2, 3), "s10")
    it = api.client(poll_interval=1).events.get_iterator({"resource": "9", "sync": "s1"})
    got = [e.resource.gid for e in itertools.islice(it, 3)]
    assert got == ["0", "1", "2"]
    assert [_query(api, i)["sync"] for i in range(3)] == [["s1"], ["s2"], ["s9"]]


def test_iterator_does_not_spin_on_repeated_412(api: ScriptedAsana) -> None:
    _expired(api, "a")
    _expired(api, "b")
    _page(api, range(1), "c")
    it = api.client(poll_interval=3).events.get_iterator({"resource": "9"}, item_limit=1)
    assert [e.resource.gid for e in it] == ["0"]
    assert api.sleeps == [3.0]  # the second refusal in a row waits before asking again


# -- typed events from the fake Asana ----------------------------------------------------------


def test_events_from_the_fake_are_typed_with_resource_change_values(
    client: asana.Client, ws: str, me: str
) -> None:
    project = client.projects.create_project_for_workspace(ws, {"name": "P"})
    _, sync = client.events.get_next({"resource": project.gid})
    task = client.tasks.create_task({"name": "T", "projects": [project.gid]})
    client.tasks.update_task(task.gid, {"assignee": me, "name": "T2"})

    events, _ = client.events.get_next({"resource": project.gid, "sync": sync})

    changes = [e.change for e in events if e.is_loaded("change")]
    assigned = [c for c in changes if c.field == "assignee"]
    assert len(assigned) == 1
    value = assigned[0].new_value
    assert isinstance(value, asana.models.AsanaNamedResource)
    assert (value.gid, value.resource_type) == (me, "user")
    assert assigned[0].action == "changed"
    renamed = [c for c in changes if c.field == "name"]
    # Asana sends a value only when it is a resource: a new name is read from the task.
    assert len(renamed) == 1
    assert not renamed[0].is_loaded("new_value")
    added = [e for e in events if e.action == "added" and e.resource.gid == task.gid]
    assert len(added) == 1
    assert added[0].parent is not None
    assert added[0].parent.gid == project.gid
    assert all(e.created_at.tzinfo is not None for e in events)


def test_per_call_fields_headers_and_timeout_are_honoured(api: ScriptedAsana) -> None:
    params: GetEventsParams = {"resource": "9", "sync": "s0"}
    before = copy.deepcopy(params)
    _page(api, range(1), "s1")
    _page(api, range(1, 2), "s2")
    _page(api, range(2, 3), "s3")
    client = api.client()
    fields, headers = ["change.new_value.name"], {"X-Trace": "t"}

    client.events.get(params, fields=fields, headers=headers, timeout=7.5)
    client.events.get_next(params, fields=fields, headers=headers, timeout=7.5)
    events = client.events.get_iterator(
        params, fields=fields, headers=headers, timeout=7.5, item_limit=1
    )
    assert len(list(events)) == 1

    assert params == before
    for i in range(3):
        request = api.requests[i]
        assert _query(api, i)["opt_fields"] == ["change.new_value.name"]
        assert request.headers["X-Trace"] == "t"
        assert request.extensions["timeout"]["read"] == 7.5


def test_every_event_once_across_pages_and_tokens_on_the_fake(
    fake: FakeAsana, client: asana.Client, ws: str
) -> None:
    """250 tasks added to a project: pages chained by has_more, a new token each time."""
    project = client.projects.create_project_for_workspace(ws, {"name": "P"})
    _, sync = client.events.get_next({"resource": project.gid})
    made = [
        client.tasks.create_task({"name": f"T{i}", "projects": [project.gid]}).gid
        for i in range(250)
    ]

    added: list[str] = []
    events = client.events.get_iterator({"resource": project.gid, "sync": sync}, item_limit=5000)
    for event in events:
        if event.action == "added" and event.resource.resource_type == "task":
            added.append(event.resource.gid)
        if len(added) == len(made):
            break

    assert added == made  # in order, none twice, none dropped
    asked = [r.query.get("sync") for r in fake.requests if r.path == "/api/1.0/events"]
    assert asked[0] is None  # get_next: no token yet, so a 412 with a fresh one
    syncs = asked[1:]
    assert len(syncs) >= 3  # 250 events or more, at most 100 per response
    assert len(set(syncs)) == len(syncs)  # every page moved the token on
