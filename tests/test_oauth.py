"""``Client.oauth``: code flow, PKCE, refresh, revoke and errors, on the fake's endpoints."""

from __future__ import annotations

import base64
import hashlib
import pickle
from collections.abc import Iterator
from urllib.parse import parse_qs, urlsplit

import httpx
import pytest

import asana_typed as asana
from asana_typed.oauth import OOB_REDIRECT_URI, OAuthToken
from asana_typed.testing import FakeAsana
from tests.conftest import Clock

REDIRECT = "https://example.com/callback"


@pytest.fixture
def app(fake: FakeAsana) -> FakeAsana:
    """The fake, with an OAuth app ``cid``/``csecret`` that redirects to ``REDIRECT``."""
    fake.add_oauth_app("cid", "csecret", REDIRECT)
    return fake


@pytest.fixture
def browser(fake: FakeAsana) -> Iterator[httpx.Client]:
    """Plays the user's browser: opens the authorization URL, does not follow redirects."""
    with httpx.Client(transport=fake.transport()) as http:
        yield http


def _oauth(
    server: FakeAsana | httpx.Client,
    clock: Clock,
    *,
    client_secret: str = "csecret",
    redirect_uri: str = REDIRECT,
    token: dict[str, object] | None = None,
    updates: list[OAuthToken] | None = None,
    pkce: bool = False,
    scope: str | list[str] | None = None,
) -> asana.Client:
    """The app ``cid`` on ``server``: a fake Asana, or an httpx client to use as it is."""
    http = (
        server if isinstance(server, httpx.Client) else httpx.Client(transport=server.transport())
    )
    return asana.Client.oauth(
        client_id="cid",
        client_secret=client_secret,
        redirect_uri=redirect_uri,
        token=token,
        http_client=http,
        clock=clock,
        token_updater=updates.append if updates is not None else None,
        pkce=pkce,
        scope=scope,
        max_retries=0,
    )


def _callback(browser: httpx.Client, url: str) -> str:
    response = browser.get(url)
    assert response.status_code == 302, response.text
    return response.headers["location"]


def _signed_in(
    fake: FakeAsana, clock: Clock, browser: httpx.Client, updates: list[OAuthToken] | None = None
) -> asana.Client:
    client = _oauth(fake, clock, updates=updates)
    url, _ = client.session.authorization_url()
    client.session.fetch_token(authorization_response=_callback(browser, url))
    return client


def _token_requests(fake: FakeAsana) -> list[dict[str, list[str]]]:
    return [parse_qs(r.body.decode()) for r in fake.requests if r.path == "/-/oauth_token"]


# -- the authorization-code flow ---------------------------------------------------------------


def test_code_exchange_then_api_calls_use_the_bearer_token(
    app: FakeAsana, clock: Clock, browser: httpx.Client
) -> None:
    client = _oauth(app, clock)
    url, state = client.session.authorization_url()

    query = parse_qs(urlsplit(url).query)
    assert url.startswith("https://app.asana.com/-/oauth_authorize?")
    assert query["client_id"] == ["cid"]
    assert query["redirect_uri"] == [REDIRECT]
    assert query["response_type"] == ["code"]
    assert query["state"] == [state]
    assert len(state) >= 20
    assert "code_challenge" not in query  # PKCE only on request

    callback = _callback(browser, url)
    token = client.session.fetch_token(authorization_response=callback)

    assert token["data"]["gid"] == app.me["gid"]
    assert token["token_type"] == "bearer"
    assert token["expires_at"] == clock() + token["expires_in"]
    assert "refresh_token" in token
    assert client.session.token == token
    me = client.users.me()
    assert me.gid == app.me["gid"]
    (sent,) = _token_requests(app)
    assert sent["grant_type"] == ["authorization_code"]
    assert sent["client_secret"] == ["csecret"]  # in the body, as Asana's docs do it


def test_pkce_sends_an_s256_challenge_and_then_its_verifier(
    app: FakeAsana, clock: Clock, browser: httpx.Client
) -> None:
    client = _oauth(app, clock, pkce=True)
    url, _ = client.session.authorization_url()
    query = parse_qs(urlsplit(url).query)
    assert query["code_challenge_method"] == ["S256"]

    client.session.fetch_token(authorization_response=_callback(browser, url))

    (sent,) = _token_requests(app)
    (verifier,) = sent["code_verifier"]
    digest = hashlib.sha256(verifier.encode()).digest()
    assert base64.urlsafe_b64encode(digest).decode().rstrip("=") == query["code_challenge"][0]
    assert 43 <= len(verifier) <= 128


def test_a_wrong_verifier_is_refused_by_the_token_endpoint(
    app: FakeAsana, clock: Clock, browser: httpx.Client
) -> None:
    client = _oauth(app, clock, pkce=True)
    url, _ = client.session.authorization_url()
    callback = _callback(browser, url)
    client.session.authorization_url()  # a new URL: a new verifier, not the code's

    with pytest.raises(asana.OAuthError) as caught:
        client.session.fetch_token(
            authorization_response=callback.replace("state=", "x="), code=None
        )
    assert isinstance(caught.value, asana.OAuthStateError)  # the state changed too

    code = parse_qs(urlsplit(callback).query)["code"][0]
    with pytest.raises(asana.OAuthError) as refused:
        client.session.fetch_token(code=code)
    assert refused.value.error == "invalid_grant"
    assert "code_verifier" in str(refused.value)


def test_scopes_on_request(app: FakeAsana, clock: Clock) -> None:
    client = _oauth(app, clock, scope=["default", "openid"])
    url, _ = client.session.authorization_url()
    assert parse_qs(urlsplit(url).query)["scope"] == ["default openid"]


def test_out_of_band_redirect_for_command_line_apps(
    app: FakeAsana, clock: Clock, browser: httpx.Client
) -> None:
    app.oauth_apps["cid"]["redirect_uris"].append(OOB_REDIRECT_URI)
    client = _oauth(app, clock, redirect_uri=OOB_REDIRECT_URI)
    url, _ = client.session.authorization_url()
    shown = browser.get(url)  # Asana shows the code to copy instead of redirecting
    assert shown.status_code == 200

    client.session.fetch_token(code=shown.json()["code"])

    assert client.users.me().gid == app.me["gid"]


# -- state -------------------------------------------------------------------------------------


def test_a_callback_with_another_state_is_rejected(
    app: FakeAsana, clock: Clock, browser: httpx.Client
) -> None:
    client = _oauth(app, clock)
    url, state = client.session.authorization_url()
    callback = _callback(browser, url)

    forged = callback.replace(f"state={state}", "state=forged")
    with pytest.raises(asana.OAuthStateError):
        client.session.fetch_token(authorization_response=forged)
    with pytest.raises(asana.OAuthStateError):
        client.session.fetch_token(authorization_response=callback.split("&state=")[0])
    assert _token_requests(app) == []  # nothing was exchanged

    client.session.check_state(state)  # the helper for apps that read the callback themselves
    with pytest.raises(asana.OAuthStateError):
        client.session.check_state(None)
    with pytest.raises(asana.OAuthStateError):
        _oauth(app, clock).session.check_state(state)  # a session that issued no state


def test_an_error_in_the_callback_is_raised(app: FakeAsana, clock: Clock) -> None:
    client = _oauth(app, clock)
    _, state = client.session.authorization_url()
    callback = f"{REDIRECT}?error=access_denied&error_description=The+user+said+no&state={state}"

    with pytest.raises(asana.OAuthError, match="access_denied: The user said no") as caught:
        client.session.fetch_token(authorization_response=callback)
    assert caught.value.error == "access_denied"


# -- refresh -----------------------------------------------------------------------------------


def test_an_expired_token_is_refreshed_before_the_request(
    app: FakeAsana, clock: Clock, browser: httpx.Client
) -> None:
    updates: list[OAuthToken] = []
    client = _signed_in(app, clock, browser, updates=updates)
    first = client.session.token
    assert first is not None

    clock.now += 3600  # the access token has expired (the fake agrees)
    me = client.users.me()

    assert me.gid == app.me["gid"]
    assert len(updates) == 1
    fresh = updates[0]
    assert fresh["access_token"] != first["access_token"]
    assert fresh["refresh_token"] == first["refresh_token"]  # Asana keeps the refresh token
    assert fresh == client.session.token
    assert [t["grant_type"] for t in _token_requests(app)] == [
        ["authorization_code"],
        ["refresh_token"],
    ]


def test_a_refused_token_is_refreshed_once_and_the_request_repeated(
    app: FakeAsana, clock: Clock, browser: httpx.Client
) -> None:
    updates: list[OAuthToken] = []
    client = _signed_in(app, clock, browser, updates=updates)
    token = client.session.token
    assert token is not None
    del app.tokens[token["access_token"]]  # revoked on Asana's side before it expired

    me = client.users.me()

    assert me.gid == app.me["gid"]
    assert len(updates) == 1
    api_calls = [r.status for r in app.requests if r.path.startswith("/api/")]
    assert api_calls == [401, 200]


def test_a_failed_refresh_is_a_clear_error(
    app: FakeAsana, clock: Clock, browser: httpx.Client
) -> None:
    updates: list[OAuthToken] = []
    client = _signed_in(app, clock, browser, updates=updates)
    app.oauth_refresh.clear()  # the user revoked the app
    clock.now += 3600

    with pytest.raises(asana.TokenRefreshError) as caught:
        client.users.me()

    error = caught.value
    assert isinstance(error, asana.NoAuthorizationError)
    assert error.status == 401
    assert error.error == "invalid_grant"
    assert "refreshing it failed" in str(error)
    assert updates == []


def test_a_stored_token_without_refresh_token_fails_clearly_when_expired(
    app: FakeAsana, clock: Clock
) -> None:
    client = _oauth(app, clock, token={"access_token": app.token, "expires_at": clock() - 1})
    with pytest.raises(asana.TokenRefreshError, match="no refresh token"):
        client.users.me()


def test_a_stored_token_is_used_as_given(app: FakeAsana, clock: Clock) -> None:
    token: dict[str, object] = {"access_token": app.token, "expires_at": clock() + 3600}
    token["expires_in"] = 1  # stale: expires_at must win
    client = _oauth(app, clock, token=token)
    assert client.users.me().gid == app.me["gid"]
    assert _token_requests(app) == []  # expires_at wins over a stale expires_in


# -- revoke, errors, secrets -------------------------------------------------------------------


def test_revoke_ends_the_grant(app: FakeAsana, clock: Clock, browser: httpx.Client) -> None:
    client = _signed_in(app, clock, browser)
    token = client.session.token
    assert token is not None

    client.session.revoke()

    assert client.session.token is None
    assert token["refresh_token"] not in app.oauth_refresh
    assert token["access_token"] not in app.tokens
    with pytest.raises(asana.OAuthError, match="no OAuth token yet"):
        client.users.me()


def test_token_endpoint_errors_are_mapped(
    app: FakeAsana, clock: Clock, browser: httpx.Client
) -> None:
    client = _oauth(app, clock, client_secret="wrong")
    url, _ = client.session.authorization_url()
    with pytest.raises(asana.OAuthError) as caught:
        client.session.fetch_token(authorization_response=_callback(browser, url))
    assert caught.value.error == "invalid_client"
    assert caught.value.url == "https://app.asana.com/-/oauth_token"
    assert "wrong" not in str(caught.value)

    good = _oauth(app, clock)
    url, _ = good.session.authorization_url()
    callback = _callback(browser, url)
    good.session.fetch_token(authorization_response=callback)
    with pytest.raises(asana.OAuthError) as reused:
        good.session.fetch_token(authorization_response=callback)
    assert reused.value.error == "invalid_grant"


@pytest.mark.parametrize(
    ("status", "body", "expected"),
    [
        (502, b"<html>Bad Gateway</html>", "502"),
        (200, b"not json", "not a JSON object"),
        (400, b'{"error": "invalid_request", "error_description": "say \\"please\\""}', "please"),
    ],
)
def test_unusable_token_endpoint_answers_are_clear_errors(
    clock: Clock, status: int, body: bytes, expected: str
) -> None:
    def answer(request: httpx.Request) -> httpx.Response:
        return httpx.Response(status, content=body, headers={"Content-Type": "text/html"})

    client = _oauth(httpx.Client(transport=httpx.MockTransport(answer)), clock)
    with pytest.raises(asana.OAuthError, match=expected):
        client.session.fetch_token(code="c")


def test_connection_failures_to_the_token_endpoint(clock: Clock) -> None:
    def fail(request: httpx.Request) -> httpx.Response:
        raise httpx.ConnectError("refused", request=request)

    client = _oauth(httpx.Client(transport=httpx.MockTransport(fail)), clock)
    with pytest.raises(asana.AsanaConnectionError, match="exchanging the code failed"):
        client.session.fetch_token(code="c")


def test_endpoints_are_overridable_with_plain_http_only_to_loopback(clock: Clock) -> None:
    with pytest.raises(asana.InvalidOptionError, match="token_endpoint"):
        asana.Client.oauth(
            client_id="cid",
            client_secret="csecret",
            redirect_uri=REDIRECT,
            token_endpoint="http://auth.example.com/token",
        )
    client = asana.Client.oauth(
        client_id="cid",
        client_secret="csecret",
        redirect_uri=REDIRECT,
        authorization_endpoint="http://127.0.0.1:9/authorize",
    )
    url, _ = client.session.authorization_url()
    assert url.startswith("http://127.0.0.1:9/authorize?")
    client.close()


def test_bad_app_settings_are_clear_errors() -> None:
    with pytest.raises(asana.OAuthError, match="client_id"):
        asana.Client.oauth(client_id="", client_secret="s", redirect_uri=REDIRECT)
    with pytest.raises(asana.OAuthError, match="redirect_uri"):
        asana.Client.oauth(client_id="c", client_secret="s", redirect_uri="callback")
    with pytest.raises(asana.OAuthError, match="scope"):
        asana.Client.oauth(
            client_id="c",
            client_secret="s",
            redirect_uri=REDIRECT,
            scope=[1],  # type: ignore[list-item]  # the misuse under test
        )
    with pytest.raises(asana.OAuthError, match="access_token"):
        asana.Client.oauth(
            client_id="c", client_secret="s", redirect_uri=REDIRECT, token={"refresh": "x"}
        )


def test_secrets_stay_out_of_reprs_and_pickles(
    app: FakeAsana, clock: Clock, browser: httpx.Client
) -> None:
    client = _signed_in(app, clock, browser)
    token = client.session.token
    assert token is not None
    for text in (repr(client.session), repr(client), str(client.session)):
        assert token["access_token"] not in text
        assert "csecret" not in text
    with pytest.raises(TypeError, match="cannot be pickled"):
        pickle.dumps(client.session)


def test_a_token_client_has_no_oauth_session(app: FakeAsana) -> None:
    with app.client() as client, pytest.raises(asana.InvalidOptionError, match=r"Client\.oauth"):
        _ = client.session


def test_the_flow_over_real_http_on_loopback(app: FakeAsana) -> None:
    """Every endpoint overridden to the fake served on 127.0.0.1, real sockets throughout."""
    with app.serve() as base_url:
        origin = base_url.rsplit("/api/", 1)[0]
        client = asana.Client.oauth(
            client_id="cid",
            client_secret="csecret",
            redirect_uri=REDIRECT,
            pkce=True,
            authorization_endpoint=f"{origin}/-/oauth_authorize",
            token_endpoint=f"{origin}/-/oauth_token",
            revocation_endpoint=f"{origin}/-/oauth_revoke",
            base_url=base_url,
        )
        with client, httpx.Client() as browser:
            url, _ = client.session.authorization_url()
            assert url.startswith(origin)
            client.session.fetch_token(authorization_response=_callback(browser, url))
            assert client.users.me().gid == app.me["gid"]
            client.session.refresh()
            assert client.users.me().gid == app.me["gid"]
            client.session.revoke()


def test_token_requests_ignore_the_http_clients_own_auth(app: FakeAsana, clock: Clock) -> None:
    seen: list[httpx.Request] = []
    inner = app.transport()

    def spy(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return inner.handle_request(request)

    http = httpx.Client(transport=httpx.MockTransport(spy), auth=("someone", "else"))
    client = _oauth(http, clock)
    url, _ = client.session.authorization_url()
    with httpx.Client(transport=app.transport()) as browser:
        client.session.fetch_token(authorization_response=_callback(browser, url))
    client.users.me()

    token_call, api_call = seen
    assert "authorization" not in token_call.headers  # credentials go in the form body
    assert api_call.headers["authorization"].startswith("Bearer ")


def test_the_callback_handled_by_another_process(
    app: FakeAsana, clock: Clock, browser: httpx.Client
) -> None:
    """A web app makes the URL in one request and handles the callback in another."""
    first = _oauth(app, clock, pkce=True)
    url, state = first.session.authorization_url()
    stored = {"state": state, "code_verifier": first.session.code_verifier}
    assert stored["code_verifier"] is not None
    callback = _callback(browser, url)

    second = _oauth(app, clock, pkce=True)  # a fresh session: it issued nothing
    with pytest.raises(asana.OAuthStateError, match="no state to check against"):
        second.session.fetch_token(authorization_response=callback)
    with pytest.raises(asana.OAuthStateError):
        second.session.fetch_token(authorization_response=callback, state="another")
    second.session.fetch_token(
        authorization_response=callback,
        state=stored["state"],
        code_verifier=stored["code_verifier"],
    )

    assert second.users.me().gid == app.me["gid"]
    (sent,) = _token_requests(app)
    assert sent["code_verifier"] == [stored["code_verifier"]]


def test_a_verifier_given_by_the_app_is_checked(app: FakeAsana, clock: Clock) -> None:
    client = _oauth(app, clock, pkce=True)
    verifier = "v" * 43
    url, _ = client.session.authorization_url(code_verifier=verifier)
    assert client.session.code_verifier == verifier
    challenge = parse_qs(urlsplit(url).query)["code_challenge"][0]
    digest = hashlib.sha256(verifier.encode()).digest()
    assert challenge == base64.urlsafe_b64encode(digest).decode().rstrip("=")
    with pytest.raises(asana.OAuthError, match="code_verifier"):
        client.session.authorization_url(code_verifier="too short")
