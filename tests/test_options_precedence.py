"""Option precedence for base_url, headers, max_retries, timeout, client_name, full_payload,
iterator_type and asana_enable; checked on the request that was actually sent.
"""

from __future__ import annotations

import pytest

import asana_typed as asana
from tests.conftest import ScriptedAsana
from tests.option_helpers import USER

# -- base_url -------------------------------------------------------------------------------


def test_base_url_precedence(api: ScriptedAsana) -> None:
    asana.Client.DEFAULTS = {"base_url": "https://defaults.example/api/1.0"}
    client = api.client()
    api.data(USER)
    client.users.me()
    assert str(api.last.url) == "https://defaults.example/api/1.0/users/me"

    client.options["base_url"] = "https://client.example/v1/"
    api.data(USER)
    client.users.me()
    assert str(api.last.url) == "https://client.example/v1/users/me"

    api.data(USER)
    client.users.me(base_url="https://call.example")
    assert str(api.last.url) == "https://call.example/users/me"


def test_base_url_from_constructor(api: ScriptedAsana) -> None:
    client = api.client(base_url="https://ctor.example:8443/api/1.0")
    api.data(USER)
    client.users.me()
    assert api.last.url.host == "ctor.example"
    assert api.last.url.port == 8443
    assert api.last.url.path == "/api/1.0/users/me"


# -- headers ----------------------------------------------------------------------------------


def test_headers_are_merged_key_by_key_across_levels(api: ScriptedAsana) -> None:
    asana.Client.DEFAULTS = {"headers": {"X-A": "defaults", "X-B": "defaults", "X-C": "defaults"}}
    client = api.client(headers={"X-B": "client", "X-C": "client"})
    api.data(USER)
    client.users.me(headers={"X-C": "call"})
    sent = api.last.headers
    assert (sent["X-A"], sent["X-B"], sent["X-C"]) == ("defaults", "client", "call")

    api.data(USER)
    client.users.me()  # the call's header does not stick
    assert (api.last.headers["X-B"], api.last.headers["X-C"]) == ("client", "client")


def test_header_override_is_case_insensitive(api: ScriptedAsana) -> None:
    asana.Client.DEFAULTS = {"headers": {"X-Team": "defaults"}}
    client = api.client(headers={"x-team": "client"})
    api.data(USER)
    client.users.me(headers={"X-TEAM": "call"})
    assert api.last.headers.get_list("x-team") == ["call"]


def test_header_option_overrides_a_built_in_header(api: ScriptedAsana) -> None:
    client = api.client(headers={"user-agent": "my-agent/1"})
    api.data(USER)
    client.users.me()
    assert api.last.headers.get_list("User-Agent") == ["my-agent/1"]


# -- max_retries, timeout, client_name, full_payload, iterator_type --------------------------


@pytest.mark.parametrize(
    ("defaults", "client_level", "call", "attempts"),
    [
        ({"max_retries": 0}, None, None, 1),
        ({"max_retries": 0}, 1, None, 2),
        ({"max_retries": 0}, 1, 2, 3),
        ({"max_retries": 4}, None, 0, 1),
    ],
)
def test_max_retries_precedence(
    api: ScriptedAsana,
    defaults: asana.ClientOptions,
    client_level: int | None,
    call: int | None,
    attempts: int,
) -> None:
    asana.Client.DEFAULTS = defaults
    client = api.client() if client_level is None else api.client(max_retries=client_level)
    for _ in range(6):
        api.reply(500, {"errors": [{"message": "oops"}]})
    call_options: asana.CallOptions = {} if call is None else {"max_retries": call}
    with pytest.raises(asana.ServerError):
        client.users.me(**call_options)
    assert len(api.requests) == attempts
    assert len(api.sleeps) == attempts - 1


def test_timeout_precedence(api: ScriptedAsana) -> None:
    asana.Client.DEFAULTS = {"timeout": 10}
    client = api.client()
    api.data(USER)
    client.users.me()
    assert api.last.extensions["timeout"]["read"] == 10.0
    client.options["timeout"] = 20.5
    api.data(USER)
    client.users.me()
    assert api.last.extensions["timeout"]["connect"] == 20.5
    api.data(USER)
    client.users.me(timeout=None)
    assert api.last.extensions["timeout"]["read"] is None


def test_client_name_precedence(api: ScriptedAsana) -> None:
    def client_name() -> str | None:
        from urllib.parse import parse_qs

        values = parse_qs(api.last.headers["X-Asana-Client-Lib"]).get("client_name")
        return values[0] if values else None

    asana.Client.DEFAULTS = {"client_name": "global"}
    client = api.client(client_name="mine")
    api.data(USER)
    client.users.me()
    assert client_name() == "mine"
    api.data(USER)
    client.users.me(client_name="this call")
    assert client_name() == "this call"


def test_full_payload_precedence(api: ScriptedAsana) -> None:
    asana.Client.DEFAULTS = {"full_payload": True}
    client = api.client()
    api.data(USER)
    result: object = client.users.me()
    assert isinstance(result, asana.Envelope)
    api.data(USER)
    result = client.users.me(full_payload=False)
    assert isinstance(result, asana.models.User)


def test_iterator_type_precedence(api: ScriptedAsana) -> None:
    client = api.client(iterator_type=None)
    api.data([{"gid": "1"}])
    page: object = client.tasks.find_all({"project": "9"})
    assert isinstance(page, list)
    assert len(api.requests) == 1  # one page, fetched at once
    lazy = client.tasks.find_all({"project": "9"}, iterator_type="items")
    assert isinstance(lazy, asana.ItemIterator)
    assert len(api.requests) == 1


def test_asana_enable_precedence(api: ScriptedAsana) -> None:
    asana.Client.DEFAULTS = {"asana_enable": ["a"]}
    client = api.client(asana_enable=["b"])
    api.data(USER)
    client.users.me()
    assert api.last.headers["Asana-Enable"] == "b"
    api.data(USER)
    client.users.me(asana_enable=["c", "d"])
    assert api.last.headers["Asana-Enable"] == "c,d"
