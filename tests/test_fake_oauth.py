"""``FakeAsana`` OAuth endpoints, driven with plain httpx (the SDK's flow is in test_oauth.py)."""

from __future__ import annotations

import asyncio
import base64
import hashlib
from collections.abc import Iterator
from urllib.parse import parse_qs, urlsplit

import httpx
import pytest

import asana_typed as asana
from asana_typed.testing import FakeAsana
from tests.conftest import Clock
from tests.fake_helpers import API

# -- OAuth -------------------------------------------------------------------------------------


OAUTH = "https://app.asana.com/-/oauth_"


REDIRECT = "https://example.com/callback"


@pytest.fixture
def oauth(fake: FakeAsana) -> Iterator[httpx.Client]:
    """Plain httpx on the fake (no redirects followed), with an app ``cid``/``csecret``."""
    fake.add_oauth_app("cid", "csecret", REDIRECT)
    with httpx.Client(transport=fake.transport()) as http:
        yield http


def authorize(http: httpx.Client, **extra: str) -> str:
    """The code the authorize endpoint sends back to the redirect URI."""
    query = {"client_id": "cid", "redirect_uri": REDIRECT, "response_type": "code"}
    response = http.get(f"{OAUTH}authorize", params={**query, "state": "s-1", **extra})
    assert response.status_code == 302, response.text
    location = urlsplit(response.headers["Location"])
    assert f"{location.scheme}://{location.netloc}{location.path}" == REDIRECT
    params = parse_qs(location.query)
    assert params["state"] == ["s-1"], "the state comes back unchanged"
    (code,) = params["code"]
    return code


def token_request(http: httpx.Client, **form: str) -> httpx.Response:
    return http.post(f"{OAUTH}token", data={"client_id": "cid", "client_secret": "csecret", **form})


def exchange(http: httpx.Client, code: str, **extra: str) -> httpx.Response:
    return token_request(
        http, grant_type="authorization_code", code=code, redirect_uri=REDIRECT, **extra
    )


def me_with(http: httpx.Client, token: str) -> httpx.Response:
    return http.get(f"{API}/users/me", headers={"Authorization": f"Bearer {token}"})


def test_oauth_code_exchange_gives_a_working_token(fake: FakeAsana, oauth: httpx.Client) -> None:
    code = authorize(oauth)
    response = exchange(oauth, code)
    assert response.status_code == 200, response.text
    assert response.headers["Cache-Control"] == "no-store"
    grant = response.json()
    assert grant["token_type"] == "bearer"
    assert grant["expires_in"] == 3600
    assert grant["refresh_token"]
    assert grant["data"]["gid"] == fake.me["gid"]
    assert grant["data"]["email"] == "fake.user@example.com"

    assert me_with(oauth, grant["access_token"]).json()["data"]["gid"] == fake.me["gid"]
    # The SDK takes an OAuth access token as it takes a personal access token.
    with (
        httpx.Client(transport=fake.transport()) as http,
        asana.Client.access_token(grant["access_token"], http_client=http) as as_app,
    ):
        assert as_app.users.get_user("me").gid == fake.me["gid"]

    reused = exchange(oauth, code)
    assert reused.status_code == 400
    assert reused.json()["error"] == "invalid_grant", "a code works once"


def test_oauth_client_credentials_are_checked(oauth: httpx.Client) -> None:
    code = authorize(oauth)
    wrong = oauth.post(
        f"{OAUTH}token",
        data={
            "grant_type": "authorization_code",
            "code": code,
            "redirect_uri": REDIRECT,
            "client_id": "cid",
            "client_secret": "nope",
        },
    )
    assert wrong.status_code == 401
    assert wrong.json()["error"] == "invalid_client"
    # HTTP Basic works as well as form credentials.
    basic = base64.b64encode(b"cid:csecret").decode()
    fresh = authorize(oauth)
    ok = oauth.post(
        f"{OAUTH}token",
        data={"grant_type": "authorization_code", "code": fresh, "redirect_uri": REDIRECT},
        headers={"Authorization": f"Basic {basic}"},
    )
    assert ok.status_code == 200, ok.text


def test_oauth_refresh_and_expiry(fake: FakeAsana, oauth: httpx.Client, clock: Clock) -> None:
    grant = exchange(oauth, authorize(oauth)).json()
    clock.now += grant["expires_in"]
    assert me_with(oauth, grant["access_token"]).status_code == 401, "expired"

    refreshed = token_request(
        oauth, grant_type="refresh_token", refresh_token=grant["refresh_token"]
    )
    assert refreshed.status_code == 200, refreshed.text
    body = refreshed.json()
    assert body["access_token"] != grant["access_token"]
    assert "refresh_token" not in body, "a refresh keeps the refresh token it was given"
    assert me_with(oauth, body["access_token"]).json()["data"]["gid"] == fake.me["gid"]

    bad = token_request(oauth, grant_type="refresh_token", refresh_token="2/nope")
    assert bad.status_code == 400
    assert bad.json()["error"] == "invalid_grant"


def test_oauth_revoke_ends_the_grant(oauth: httpx.Client) -> None:
    grant = exchange(oauth, authorize(oauth)).json()
    second = token_request(
        oauth, grant_type="refresh_token", refresh_token=grant["refresh_token"]
    ).json()
    revoked = oauth.post(
        f"{OAUTH}revoke",
        data={"token": grant["refresh_token"], "client_id": "cid", "client_secret": "csecret"},
    )
    assert revoked.status_code == 200
    for access in (grant["access_token"], second["access_token"]):
        response = me_with(oauth, access)
        assert response.status_code == 401
        assert response.json()["errors"][0]["message"] == "Not Authorized"
    again = token_request(oauth, grant_type="refresh_token", refresh_token=grant["refresh_token"])
    assert again.json()["error"] == "invalid_grant"


def test_oauth_revoking_one_access_token(oauth: httpx.Client) -> None:
    grant = exchange(oauth, authorize(oauth)).json()
    oauth.post(
        f"{OAUTH}revoke",
        data={"token": grant["access_token"], "client_id": "cid", "client_secret": "csecret"},
    )
    assert me_with(oauth, grant["access_token"]).status_code == 401
    refreshed = token_request(
        oauth, grant_type="refresh_token", refresh_token=grant["refresh_token"]
    )
    assert refreshed.status_code == 200, "the refresh token outlives its access tokens"


def pkce_pair(verifier: str) -> str:
    digest = hashlib.sha256(verifier.encode()).digest()
    return base64.urlsafe_b64encode(digest).decode().rstrip("=")


def test_oauth_pkce_s256(fake: FakeAsana, oauth: httpx.Client) -> None:
    verifier = "v" * 20 + "-._~" + "0123456789abcdefghijklmn"
    challenge = pkce_pair(verifier)
    pkce = {"code_challenge": challenge, "code_challenge_method": "S256"}

    mismatch = exchange(oauth, authorize(oauth, **pkce), code_verifier=verifier[::-1])
    assert mismatch.status_code == 400
    assert mismatch.json()["error"] == "invalid_grant"
    missing = exchange(oauth, authorize(oauth, **pkce))
    assert missing.json()["error"] == "invalid_grant", "a PKCE code needs its verifier"

    ok = exchange(oauth, authorize(oauth, **pkce), code_verifier=verifier)
    assert ok.status_code == 200, ok.text
    assert me_with(oauth, ok.json()["access_token"]).json()["data"]["gid"] == fake.me["gid"]


def test_oauth_authorize_refuses_bad_requests(oauth: httpx.Client) -> None:
    base = {"client_id": "cid", "redirect_uri": REDIRECT, "response_type": "code", "state": "s"}
    unknown = oauth.get(f"{OAUTH}authorize", params={**base, "client_id": "other"})
    assert unknown.status_code == 400
    assert unknown.json()["error"] == "invalid_client"
    elsewhere = oauth.get(
        f"{OAUTH}authorize", params={**base, "redirect_uri": "https://evil.example/cb"}
    )
    assert elsewhere.status_code == 400, "never redirect to a URI the app did not register"
    plain = oauth.get(
        f"{OAUTH}authorize",
        params={**base, "code_challenge": "x" * 43, "code_challenge_method": "plain"},
    )
    assert plain.status_code == 302
    assert parse_qs(urlsplit(plain.headers["Location"]).query)["error"] == ["invalid_request"]


def test_oauth_works_over_the_async_transport(fake: FakeAsana) -> None:
    fake.add_oauth_app("cid", "csecret", REDIRECT)

    async def flow() -> int:
        async with httpx.AsyncClient(transport=fake.async_transport()) as http:
            query = {
                "client_id": "cid",
                "redirect_uri": REDIRECT,
                "response_type": "code",
                "state": "s",
            }
            redirect = await http.get(f"{OAUTH}authorize", params=query)
            (code,) = parse_qs(urlsplit(redirect.headers["Location"]).query)["code"]
            grant = await http.post(
                f"{OAUTH}token",
                data={
                    "grant_type": "authorization_code",
                    "code": code,
                    "redirect_uri": REDIRECT,
                    "client_id": "cid",
                    "client_secret": "csecret",
                },
            )
            token = grant.json()["access_token"]
            me = await http.get(f"{API}/users/me", headers={"Authorization": f"Bearer {token}"})
            return me.status_code

    assert asyncio.run(flow()) == 200
