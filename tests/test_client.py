"""Constructors and lifecycle of ``Client``."""

from __future__ import annotations

from collections.abc import Generator

import httpx

import asana_typed as asana
from tests.conftest import ScriptedAsana


class HeaderAuth(httpx.Auth):
    def auth_flow(self, request: httpx.Request) -> Generator[httpx.Request, httpx.Response, None]:
        request.headers["Authorization"] = "Custom abc"
        yield request


def test_access_token_sends_bearer(api: ScriptedAsana) -> None:
    api.data({"gid": "1", "name": "Ann"})
    me = api.client().users.me()
    assert me.name == "Ann"
    assert str(api.last.url) == "https://app.asana.com/api/1.0/users/me"
    assert api.last.headers["Authorization"] == "Bearer 0/secret-token-value"


def test_client_with_any_httpx_auth(api: ScriptedAsana) -> None:
    api.data({"gid": "1"})
    http = httpx.Client(transport=httpx.MockTransport(api))
    client = asana.Client(auth=HeaderAuth(), http_client=http, page_size=7)
    assert client.options == {"page_size": 7}
    client.users.me()
    assert api.last.headers["Authorization"] == "Custom abc"


def test_client_without_auth_sends_no_authorization(api: ScriptedAsana) -> None:
    api.data({"gid": "1"})
    client = asana.Client(http_client=httpx.Client(transport=httpx.MockTransport(api)))
    client.users.me()
    assert "Authorization" not in api.last.headers


def test_context_manager_closes_its_own_pool() -> None:
    with asana.Client.access_token("t") as client:
        http = client._transport.http
        assert not http.is_closed
    assert http.is_closed


def test_context_manager_leaves_a_callers_pool_open(api: ScriptedAsana) -> None:
    http = httpx.Client(transport=httpx.MockTransport(api))
    with asana.Client.access_token("t", http_client=http):
        pass
    assert not http.is_closed


def test_one_pool_serves_every_request(api: ScriptedAsana) -> None:
    api.data({"gid": "1"})
    api.data([{"gid": "2"}])
    client = api.client()
    client.users.me()
    list(client.workspaces.find_all())
    assert client.users._client is client
    assert client.users is client.users  # resources are built once
    assert len(api.requests) == 2


def test_default_timeout_is_applied(api: ScriptedAsana) -> None:
    api.data({"gid": "1"})
    api.client().users.me()
    assert api.last.extensions["timeout"]["read"] == 60.0
