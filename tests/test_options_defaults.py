"""Option precedence: ``Client.DEFAULTS`` < ``client.options`` < call keywords, for the defaults,
page_size, fields, expand, pretty and offset.

Every assertion looks at the request that was actually sent (query, URL, headers, number
of attempts), not at internal state.
"""

from __future__ import annotations

import pytest

import asana_typed as asana
from tests.conftest import ScriptedAsana
from tests.option_helpers import USER, one_page, query

# -- defaults -----------------------------------------------------------------------------


def test_documented_defaults_are_sent_when_nothing_is_set(api: ScriptedAsana) -> None:
    client = api.client()
    api.data([])
    client.tasks.find_all({"project": "9"}, iterator_type=None)
    assert str(api.last.url) == "https://app.asana.com/api/1.0/tasks?project=9&limit=50"
    timeout = api.last.extensions["timeout"]
    assert timeout == {"connect": 60.0, "read": 60.0, "write": 60.0, "pool": 60.0}


def test_default_max_retries_is_five(api: ScriptedAsana) -> None:
    client = api.client()
    for _ in range(6):
        api.reply(503, {"errors": [{"message": "busy"}]})
    with pytest.raises(asana.ServerError):
        client.users.me()
    assert len(api.requests) == 6
    assert len(api.sleeps) == 5


def test_default_iterator_is_lazy_items(api: ScriptedAsana) -> None:
    client = api.client()
    tasks = client.tasks.find_all({"project": "9"})
    assert api.requests == []  # nothing fetched until iteration starts
    api.data([{"gid": "1"}, {"gid": "2"}])
    assert [t.gid for t in tasks] == ["1", "2"]
    assert query(api)["limit"] == "50"


# -- page_size ------------------------------------------------------------------------------


def test_page_size_from_defaults(api: ScriptedAsana) -> None:
    asana.Client.DEFAULTS = {"page_size": 10}
    assert one_page(api, api.client())["limit"] == "10"


def test_page_size_client_beats_defaults(api: ScriptedAsana) -> None:
    asana.Client.DEFAULTS = {"page_size": 10}
    assert one_page(api, api.client(page_size=20))["limit"] == "20"


def test_page_size_call_beats_client_and_defaults(api: ScriptedAsana) -> None:
    asana.Client.DEFAULTS = {"page_size": 10}
    client = api.client(page_size=20)
    api.data([])
    client.tasks.find_all({"project": "9"}, iterator_type=None, page_size=30)
    assert query(api)["limit"] == "30"


def test_call_option_applies_to_that_call_only(api: ScriptedAsana) -> None:
    client = api.client(page_size=20)
    api.data([])
    client.tasks.find_all({"project": "9"}, iterator_type=None, page_size=30)
    assert query(api)["limit"] == "30"
    assert one_page(api, client)["limit"] == "20"
    assert client.options == {"page_size": 20}


def test_client_options_mutated_after_construction(api: ScriptedAsana) -> None:
    asana.Client.DEFAULTS = {"page_size": 10}
    client = api.client()
    client.options["page_size"] = 25
    assert one_page(api, client)["limit"] == "25"
    del client.options["page_size"]
    assert one_page(api, client)["limit"] == "10"


def test_client_options_are_per_client(api: ScriptedAsana) -> None:
    first = api.client()
    second = api.client()
    first.options["page_size"] = 7
    assert one_page(api, first)["limit"] == "7"
    assert one_page(api, second)["limit"] == "50"


def test_defaults_changed_after_construction_apply_to_existing_clients(
    api: ScriptedAsana,
) -> None:
    client = api.client()
    asana.Client.DEFAULTS = {"page_size": 15}
    assert one_page(api, client)["limit"] == "15"


@pytest.mark.parametrize(
    ("page_size", "sent"), [(1, "1"), (99, "99"), (100, "100"), (101, "100"), (500, "100")]
)
def test_page_size_above_asana_maximum_sends_100(
    api: ScriptedAsana, page_size: int, sent: str
) -> None:
    client = api.client()
    api.data([])
    client.tasks.find_all({"project": "9"}, iterator_type=None, page_size=page_size)
    assert query(api)["limit"] == sent


def test_page_size_500_on_the_lazy_iterator_sends_100(api: ScriptedAsana) -> None:
    client = api.client(page_size=500)
    api.data([{"gid": "1"}], next_page={"offset": "abc", "path": "/x", "uri": "https://x"})
    api.data([{"gid": "2"}])
    assert [t.gid for t in client.tasks.find_all({"project": "9"})] == ["1", "2"]
    assert [r.url.params["limit"] for r in api.requests] == ["100", "100"]
    assert api.requests[1].url.params["offset"] == "abc"


# -- fields, expand, pretty, offset -------------------------------------------------------


def test_fields_precedence(api: ScriptedAsana) -> None:
    asana.Client.DEFAULTS = {"fields": ["name"]}
    client = api.client()
    api.data(USER)
    client.users.me()
    assert query(api) == {"opt_fields": "name"}

    client.options["fields"] = ["email"]
    api.data(USER)
    client.users.me()
    assert query(api) == {"opt_fields": "email"}

    api.data(USER)
    client.users.me(fields=["photo", "workspaces"])
    assert query(api) == {"opt_fields": "photo,workspaces"}


def test_fields_none_at_call_level_clears_lower_levels(api: ScriptedAsana) -> None:
    client = api.client(fields=["email"])
    api.data(USER)
    client.users.me(fields=None)
    assert query(api) == {}


def test_fields_as_comma_string_like_the_old_client(api: ScriptedAsana) -> None:
    client = api.client(fields="name,email")  # the old client's str form
    api.data(USER)
    client.users.me()
    assert query(api) == {"opt_fields": "name,email"}


def test_expand_and_pretty_precedence(api: ScriptedAsana) -> None:
    asana.Client.DEFAULTS = {"expand": ["workspace"], "pretty": True}
    client = api.client(expand=["assignee"])
    api.data({"gid": "1"})
    client.tasks.find_by_id("1")
    assert query(api) == {"opt_expand": "assignee", "opt_pretty": "true"}
    api.data({"gid": "1"})
    client.tasks.find_by_id("1", expand=["projects"], pretty=False)
    assert query(api) == {"opt_expand": "projects"}


def test_fields_option_goes_into_the_post_body(api: ScriptedAsana) -> None:
    client = api.client(fields=["name"])
    api.data({"gid": "1", "name": "t"})
    client.tasks.create({"name": "t", "workspace": "7"})
    assert api.last.url.query == b""
    assert api.last_json() == {
        "data": {"name": "t", "workspace": "7"},
        "options": {"fields": ["name"]},
    }


def test_offset_option_starts_a_collection_there(api: ScriptedAsana) -> None:
    client = api.client(offset="from-client")
    assert one_page(api, client)["offset"] == "from-client"
    api.data([])
    client.tasks.find_all({"project": "9"}, iterator_type=None, offset="from-call")
    assert query(api)["offset"] == "from-call"
