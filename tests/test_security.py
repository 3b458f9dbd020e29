"""Credentials: the token never shows in reprs, errors, tracebacks or logs, and goes over
plain http only to loopback hosts."""

from __future__ import annotations

import copy
import logging
import pickle
import ssl
import traceback
from collections.abc import Callable

import httpx
import pytest

import asana_typed as asana
from asana_typed._auth import TokenAuth
from asana_typed._base_client import shared_ssl_context
from tests.conftest import ScriptedAsana

TOKEN = "0/secret-token-value"  # what conftest's ScriptedAsana.client() authenticates with
SECRET = "secret-token-value"  # the part that must never leak (a prefix of it would be enough)


PRIVATE_NOTES = "-".join(["private", "notes"])  # built, so no source line in a traceback holds it


def shows_token(text: str) -> bool:
    return SECRET in text


def everything_about(error: BaseException) -> str:
    """Every way a user or a logging tool renders an exception, the cause chain included."""
    parts = [str(error), repr(error), repr(error.args), repr(vars(error))]
    parts += traceback.format_exception(error)
    cause = error.__cause__ or error.__context__
    if cause is not None:
        parts += [str(cause), repr(cause)]
    return "\n".join(parts)


# -- reprs -----------------------------------------------------------------------------------


def test_token_is_sent(api: ScriptedAsana) -> None:
    """The rest of this file proves absence; first prove the token is really there."""
    client = api.client()
    api.data({"gid": "1"})
    client.users.me()
    assert api.last.headers["Authorization"] == f"Bearer {TOKEN}"


def test_client_repr_hides_the_token(api: ScriptedAsana) -> None:
    client = api.client(base_url="https://example.com/api")
    assert repr(client) == "<Client base_url='https://example.com/api'>"
    assert not shows_token(str(client))
    assert not shows_token(repr(vars(client)))
    assert not shows_token(repr(client.options))
    assert not shows_token(repr(client.tasks))


def test_auth_repr_hides_the_token() -> None:
    auth = TokenAuth(TOKEN)
    assert repr(auth) == "TokenAuth(token=<hidden>)"
    assert str(auth) == "TokenAuth(token=<hidden>)"
    assert f"{auth}" == "TokenAuth(token=<hidden>)"
    assert not shows_token(repr(vars(auth)))


@pytest.mark.parametrize("protocol", range(pickle.HIGHEST_PROTOCOL + 1))
def test_auth_refuses_pickling(protocol: int) -> None:
    auth = TokenAuth(TOKEN)
    with pytest.raises(TypeError, match="cannot be pickled") as info:
        pickle.dumps(auth, protocol=protocol)
    assert not shows_token(everything_about(info.value))


@pytest.mark.parametrize("duplicate", [copy.copy, copy.deepcopy])
def test_auth_refuses_copying(duplicate: Callable[[TokenAuth], TokenAuth]) -> None:
    with pytest.raises(TypeError, match="cannot be pickled"):
        duplicate(TokenAuth(TOKEN))


def test_auth_strips_surrounding_whitespace(api: ScriptedAsana) -> None:
    http = httpx.Client(transport=httpx.MockTransport(api))
    client = asana.Client.access_token(f"  {TOKEN}\n", http_client=http)
    api.data({"gid": "1"})
    client.users.me()
    assert api.last.headers["Authorization"] == f"Bearer {TOKEN}"


@pytest.mark.parametrize("token", ["", "   ", None, 12345], ids=repr)
def test_missing_tokens_are_refused(token: object) -> None:
    with pytest.raises(ValueError, match="non-empty string"):
        asana.Client.access_token(token)  # type: ignore[arg-type]  # not a str on purpose


@pytest.mark.parametrize(
    "token",
    [
        f"{TOKEN}\nX-Injected: 1",
        f"first-line\n{TOKEN}",
        f"{TOKEN}\r\nX: y",
        f"{TOKEN}\x00",
        f"{TOKEN} two",
        f"{TOKEN}é",
    ],
    ids=repr,
)
def test_tokens_unfit_for_a_header_are_refused_without_echoing_them(token: str) -> None:
    # Sent as is, h11 would reject the header with an error that quotes it, token and all.
    with pytest.raises(ValueError, match="access token") as info:
        asana.Client.access_token(token)
    assert not shows_token(everything_about(info.value))


# -- errors ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("status", "body", "error_class"),
    [
        (401, {"errors": [{"message": "Not Authorized"}]}, asana.NoAuthorizationError),
        (403, {"errors": [{"message": "Forbidden"}]}, asana.ForbiddenError),
        (404, {"errors": [{"message": "task: Unknown object: 9"}]}, asana.NotFoundError),
        (
            500,
            {"errors": [{"message": "Server Error", "phrase": "6 sad squid snuggle softly"}]},
            asana.ServerError,
        ),
        (400, {"errors": [{"message": "bad", "help": "see docs"}]}, asana.InvalidRequestError),
    ],
)
def test_http_errors_do_not_show_the_token(
    api: ScriptedAsana, status: int, body: object, error_class: type[asana.AsanaError]
) -> None:
    client = api.client(max_retries=0)
    api.reply(status, body)
    with pytest.raises(error_class) as info:
        client.tasks.get_task("9", fields=["name"])
    error = info.value
    assert error.status == status
    assert error.method == "GET"
    assert error.url == "https://app.asana.com/api/1.0/tasks/9"
    assert not shows_token(everything_about(error))


def test_html_error_page_does_not_show_the_token(api: ScriptedAsana) -> None:
    client = api.client(max_retries=0)
    api.reply(502, content=b"<html>Bad Gateway</html>", headers={"content-type": "text/html"})
    with pytest.raises(asana.ServerError) as info:
        client.users.me()
    assert "Bad Gateway" in str(info.value)
    assert not shows_token(everything_about(info.value))


@pytest.mark.parametrize(
    ("exc", "error_class"),
    [
        (httpx.ConnectError("connection refused"), asana.AsanaConnectionError),
        (httpx.ReadTimeout("timed out"), asana.AsanaTimeoutError),
        (httpx.RemoteProtocolError("peer closed"), asana.AsanaConnectionError),
    ],
)
def test_connection_errors_do_not_show_the_token(
    api: ScriptedAsana, exc: Exception, error_class: type[asana.AsanaError]
) -> None:
    client = api.client(max_retries=0)
    api.fail(exc)
    with pytest.raises(error_class) as info:
        client.users.me()
    assert info.value.status is None
    assert info.value.url == "https://app.asana.com/api/1.0/users/me"
    assert not shows_token(everything_about(info.value))


def test_post_error_does_not_show_the_token_or_body(api: ScriptedAsana) -> None:
    client = api.client(max_retries=0)
    api.reply(500, {"errors": [{"message": "oops"}]})
    with pytest.raises(asana.ServerError) as info:
        client.tasks.create({"name": "t", "notes": PRIVATE_NOTES})
    text = everything_about(info.value)
    assert not shows_token(text)
    assert PRIVATE_NOTES not in text
    assert len(api.requests) == 1  # a POST that reached the server is not repeated


# -- logs ---------------------------------------------------------------------------------------


def test_debug_logs_of_a_retried_request_do_not_show_the_token(
    api: ScriptedAsana, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)  # every logger: ours, httpx's, httpcore's
    client = api.client(max_retries=3)
    api.reply(500, {"errors": [{"message": "oops"}]})
    api.reply(429, {"errors": [{"message": "slow down"}]}, headers={"Retry-After": "0"})
    api.fail(httpx.ConnectError("connection refused"))
    api.data({"gid": "1", "name": "Ann"})
    assert client.users.me().name == "Ann"

    assert len(api.requests) == 4
    assert all(r.headers["Authorization"] == f"Bearer {TOKEN}" for r in api.requests)
    retries = [r for r in caplog.records if r.name == "asana_typed" and "retry in" in r.message]
    assert len(retries) == 3  # the retries were logged ...
    assert not shows_token(caplog.text)  # ... and nothing logged shows the token
    for record in caplog.records:
        assert not shows_token(record.getMessage())
        assert not shows_token(repr(record.args))


def test_debug_logs_of_a_failed_request_do_not_show_the_token(
    api: ScriptedAsana, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    client = api.client(max_retries=1)
    api.reply(503, {"errors": [{"message": "busy"}]})
    api.reply(401, {"errors": [{"message": "Not Authorized"}]})
    with pytest.raises(asana.NoAuthorizationError) as info:
        client.users.me()
    logging.getLogger("test").exception("request failed", exc_info=info.value)
    assert "request failed" in caplog.text
    assert "NoAuthorizationError" in caplog.text
    assert not shows_token(caplog.text)


# -- plain http only to loopback ------------------------------------------------------------------

REFUSED = [
    "http://app.asana.com/api/1.0",
    "http://example.com",
    "HTTP://example.com",
    "http://10.0.0.1:8080",
    "http://192.168.1.5",
    "http://0.0.0.0:8080",
    "http://[2001:db8::1]:8080",
    "http://localhost.evil.example",
    "http://127.0.0.1.nip.io",
    "http://localhost@evil.example",
    "http://127.0.0.1:80@evil.example",
]
ALLOWED_HTTP = [
    "http://127.0.0.1:8080",
    "http://127.0.0.1",
    "http://127.5.6.7:1",
    "http://localhost",
    "http://localhost:3000/api/1.0",
    "http://LOCALHOST:3000",
    "http://[::1]:9",
    "http://app.localhost:8000",
]
ALLOWED_HTTPS = [
    "https://app.asana.com/api/1.0",
    "https://example.com",
    "https://10.0.0.1:8443/api",
    "https://[2001:db8::1]",
    "https://localhost",
]


@pytest.mark.parametrize("url", REFUSED)
def test_plain_http_to_a_remote_host_is_refused_at_construction(
    api: ScriptedAsana, url: str
) -> None:
    with pytest.raises(asana.InvalidOptionError, match="plain http"):
        api.client(base_url=url)


@pytest.mark.parametrize("url", REFUSED)
def test_plain_http_to_a_remote_host_is_refused_per_call(api: ScriptedAsana, url: str) -> None:
    client = api.client()
    with pytest.raises(asana.InvalidOptionError, match="plain http"):
        client.users.me(base_url=url)
    with pytest.raises(asana.InvalidOptionError, match="plain http"):
        client.tasks.create({"name": "t"}, base_url=url)
    assert api.requests == []


@pytest.mark.parametrize("url", REFUSED)
def test_plain_http_to_a_remote_host_is_refused_in_client_options(
    api: ScriptedAsana, url: str
) -> None:
    client = api.client()
    client.options["base_url"] = url
    with pytest.raises(asana.InvalidOptionError, match="plain http"):
        client.users.me()
    assert api.requests == []


@pytest.mark.parametrize("url", REFUSED)
def test_plain_http_to_a_remote_host_is_refused_in_defaults(api: ScriptedAsana, url: str) -> None:
    asana.Client.DEFAULTS = {"base_url": url}
    with pytest.raises(asana.InvalidOptionError, match="plain http"):
        api.client()
    assert api.requests == []


def test_defaults_changed_to_plain_http_after_construction_are_refused(
    api: ScriptedAsana,
) -> None:
    client = api.client()
    asana.Client.DEFAULTS = {"base_url": "http://example.com"}
    with pytest.raises(asana.InvalidOptionError, match="plain http"):
        client.users.me()
    assert api.requests == []


@pytest.mark.parametrize("url", ALLOWED_HTTP + ALLOWED_HTTPS)
def test_loopback_http_and_any_https_are_allowed(api: ScriptedAsana, url: str) -> None:
    expected = httpx.URL(url.rstrip("/") + "/users/me")
    client = api.client(base_url=url)
    api.data({"gid": "1"})
    client.users.me()
    assert api.last.url == expected
    assert api.last.headers["Authorization"] == f"Bearer {TOKEN}"

    other = api.client()
    api.data({"gid": "1"})
    other.users.me(base_url=url)
    assert api.last.url == expected

    asana.Client.DEFAULTS = {"base_url": url}
    api.data({"gid": "1"})
    api.client().users.me()
    assert api.last.url == expected


def test_redirect_is_not_followed(api: ScriptedAsana) -> None:
    client = api.client(max_retries=0)
    api.reply(302, {}, headers={"Location": "http://evil.example/steal"})
    with pytest.raises(asana.AsanaError) as info:
        client.users.me()
    assert info.value.status == 302
    assert len(api.requests) == 1
    assert not shows_token(everything_about(info.value))


def test_cross_origin_redirect_drops_the_token(api: ScriptedAsana) -> None:
    """Even with a caller's httpx client that follows redirects, no other host sees it."""
    http = httpx.Client(transport=httpx.MockTransport(api), follow_redirects=True)
    client = asana.Client.access_token(TOKEN, http_client=http, max_retries=0)
    api.reply(302, {}, headers={"Location": "https://evil.example/steal"})
    api.data({"gid": "1"})
    client.users.me()
    assert [r.url.host for r in api.requests] == ["app.asana.com", "evil.example"]
    assert "authorization" not in api.requests[1].headers


def test_the_shared_tls_context_verifies_certificates_and_host_names() -> None:
    context = shared_ssl_context()
    assert context is shared_ssl_context()  # made once, shared by every client
    assert context.verify_mode == ssl.CERT_REQUIRED
    assert context.check_hostname
    assert context.cert_store_stats()["x509_ca"] > 0  # a CA bundle is loaded
