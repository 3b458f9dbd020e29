"""OAuth 2 for Asana on authlib: the authorization-code flow, PKCE on request, refresh, revoke.

``Client.oauth(...)`` makes a client whose ``session`` is an :class:`OAuthSession`: it
builds the authorization URL (with a ``state`` always, and a PKCE challenge when asked),
exchanges the code for a token, and keeps the access token fresh. An expired token is
refreshed before a request, and a token Asana refuses (401) is refreshed once and the
request repeated; ``token_updater(token)`` is called after each refresh so apps can
persist it.

authlib's protocol client builds the URLs and form bodies and reads the token responses;
its HTTP goes through the client's own ``httpx.Client`` (not authlib's httpx integration,
which follows whichever of httpx and httpx2 is installed). This module adds Asana's
endpoints, typed tokens, a constant-time ``state`` check and errors in the SDK's hierarchy.
"""

from __future__ import annotations

import copy
import hmac
import re
import secrets
import threading
import time
from collections.abc import Callable, Generator, Mapping, Sequence
from typing import TypedDict, TypeVar
from urllib.parse import parse_qs, urlencode, urlsplit

import httpx
from authlib.oauth2.auth import ClientAuth
from authlib.oauth2.client import OAuth2Client
from typing_extensions import NotRequired

from ._options import check_url
from ._response import body_snippet
from .errors import (
    AsanaConnectionError,
    AsanaTimeoutError,
    OAuthError,
    OAuthStateError,
    TokenRefreshError,
)

__all__ = [
    "AUTHORIZATION_ENDPOINT",
    "OOB_REDIRECT_URI",
    "REVOCATION_ENDPOINT",
    "TOKEN_ENDPOINT",
    "OAuthSession",
    "OAuthToken",
    "OAuthUser",
    "TokenUpdater",
]

AUTHORIZATION_ENDPOINT = "https://app.asana.com/-/oauth_authorize"
TOKEN_ENDPOINT = "https://app.asana.com/-/oauth_token"
REVOCATION_ENDPOINT = "https://app.asana.com/-/oauth_revoke"
OOB_REDIRECT_URI = "urn:ietf:wg:oauth:2.0:oob"
"""The redirect URI of command-line apps: Asana shows the code instead of redirecting."""
_T = TypeVar("_T")
_LEEWAY = 60.0  # seconds before ``expires_at`` when a token already counts as expired
_NO_AUTH = httpx.Auth()  # httpx's base class: sends the request unchanged
_PKCE_VERIFIER_BYTES = 48  # 64 URL-safe characters; RFC 7636 wants 43 to 128
_PKCE_VERIFIER = re.compile(r"[A-Za-z0-9\-._~]{43,128}")


class OAuthUser(TypedDict, total=False):
    """The user Asana names in a token response (``data``)."""

    id: int
    gid: str
    name: str
    email: str


class OAuthToken(TypedDict):
    """A token as Asana's token endpoint sends it, plus ``expires_at`` (epoch seconds)."""

    access_token: str
    token_type: NotRequired[str]
    expires_in: NotRequired[int]
    expires_at: NotRequired[float]
    refresh_token: NotRequired[str]
    scope: NotRequired[str]
    data: NotRequired[OAuthUser]


TokenUpdater = Callable[[OAuthToken], None]


def _token(raw: Mapping[str, object], clock: Callable[[], float], *, fresh: bool) -> OAuthToken:
    """A checked copy of a token mapping, with ``expires_at`` in epoch seconds.

    A ``fresh`` token (just sent by the endpoint) expires ``expires_in`` from now; a stored
    one keeps its ``expires_at``.
    """
    access = raw.get("access_token")
    if not isinstance(access, str) or not access:
        raise OAuthError("the token has no access_token")
    token: OAuthToken = {"access_token": access}
    if isinstance(value := raw.get("token_type"), str):
        token["token_type"] = value
    if isinstance(value := raw.get("refresh_token"), str) and value:
        token["refresh_token"] = value
    if isinstance(value := raw.get("scope"), str):
        token["scope"] = value
    expires_in, expires_at = raw.get("expires_in"), raw.get("expires_at")
    if isinstance(expires_in, int) and not isinstance(expires_in, bool):
        token["expires_in"] = expires_in
    if isinstance(expires_at, (int, float)) and not isinstance(expires_at, bool):
        token["expires_at"] = float(expires_at)
    if "expires_in" in token and (fresh or "expires_at" not in token):
        token["expires_at"] = clock() + token["expires_in"]
    user = raw.get("data")
    if isinstance(user, Mapping):
        token["data"] = _user(user)
    return token


def _user(raw: Mapping[object, object]) -> OAuthUser:
    user: OAuthUser = {}
    if isinstance(value := raw.get("id"), int):
        user["id"] = value
    if isinstance(value := raw.get("gid"), str):
        user["gid"] = value
    if isinstance(value := raw.get("name"), str):
        user["name"] = value
    if isinstance(value := raw.get("email"), str):
        user["email"] = value
    return user


class _Refused(Exception):
    """The endpoint's ``{"error", "error_description"}``, as authlib reports it.

    authlib's own error class rejects descriptions with characters RFC 6749 forbids, which
    would hide the endpoint's message behind a ValueError.
    """

    def __init__(self, error: object = None, description: object = None, **_: object) -> None:
        self.error = error if isinstance(error, str) else "oauth_error"
        self.description = description if isinstance(description, str) else None
        super().__init__(self.error)


class _Protocol(OAuth2Client):
    oauth_error_class = _Refused


class _Http:
    """The ``session`` authlib's protocol client posts with: the SDK's ``httpx.Client``."""

    def __init__(self, http: httpx.Client) -> None:
        self.http = http

    def post(
        self,
        url: str,
        *,
        data: Mapping[str, str],
        headers: Mapping[str, str] | None = None,
        auth: ClientAuth | None = None,
        **_: object,
    ) -> httpx.Response:
        body = urlencode(data)
        sent = {"Accept": "application/json", **(headers or {})}
        sent["Content-Type"] = "application/x-www-form-urlencoded"
        if auth is not None:
            url, sent, body = auth.prepare("POST", url, sent, body)
        # auth=None: the client credentials are in the body; no client-level auth applies.
        return self.http.post(url, content=body.encode(), headers=sent, auth=_NO_AUTH)


class OAuthSession:
    """The OAuth 2 side of a client: authorization URL, code exchange, refresh, revoke.

    Thread-safe: concurrent requests that find the token expired refresh it once.
    """

    def __init__(
        self,
        protocol: OAuth2Client,
        *,
        redirect_uri: str,
        token: Mapping[str, object] | None,
        token_updater: TokenUpdater | None,
        scope: str | None,
        pkce: bool,
        authorization_endpoint: str,
        token_endpoint: str,
        revocation_endpoint: str,
        clock: Callable[[], float],
    ) -> None:
        self._protocol = protocol
        self.redirect_uri = redirect_uri
        self.scope = scope
        self.pkce = pkce
        self.authorization_endpoint = authorization_endpoint
        self.token_endpoint = token_endpoint
        self.revocation_endpoint = revocation_endpoint
        self._updater = token_updater
        self._clock = clock
        self._lock = threading.Lock()
        self._token = _token(token, clock, fresh=False) if token is not None else None
        self.state: str | None = None
        """The ``state`` of the last authorization URL: the callback must bring it back."""
        self.code_verifier: str | None = None
        """The PKCE verifier of the last authorization URL (with ``pkce=True``)."""

    def __repr__(self) -> str:
        return f"<OAuthSession token_endpoint={self.token_endpoint!r} token=<hidden>>"

    def __reduce__(self) -> str:
        raise TypeError("OAuthSession holds secrets and cannot be pickled; store session.token")

    # -- the authorization-code flow -----------------------------------------------------

    @property
    def token(self) -> OAuthToken | None:
        """The current token (a copy), or ``None`` before :meth:`fetch_token`."""
        with self._lock:
            return copy.copy(self._token)

    def authorization_url(
        self, *, state: str | None = None, code_verifier: str | None = None, **extra: str
    ) -> tuple[str, str]:
        """The URL to send the user to, and its ``state`` (made here unless given).

        With ``pkce=True`` the URL carries an S256 challenge. Its verifier (made here unless
        given) is kept as :attr:`code_verifier` for :meth:`fetch_token`. An app that handles
        the callback in another process stores ``state`` and ``code_verifier`` and passes
        them to :meth:`fetch_token`. ``extra`` adds query parameters.
        """
        state = state or secrets.token_urlsafe(24)
        verifier = None
        if self.pkce:
            verifier = code_verifier or secrets.token_urlsafe(_PKCE_VERIFIER_BYTES)
            if not _PKCE_VERIFIER.fullmatch(verifier):
                raise OAuthError("code_verifier must be 43-128 characters of A-Z a-z 0-9 - . _ ~")
        url, state = self._protocol.create_authorization_url(
            self.authorization_endpoint, state=state, code_verifier=verifier, **extra
        )
        self.state, self.code_verifier = state, verifier
        return url, state

    def check_state(self, received: str | None, expected: str | None = None) -> None:
        """Check a callback's ``state`` in constant time against ``expected`` (by default the
        one this session issued).

        Raises :class:`OAuthStateError` when it is missing or different, or when there is
        nothing to compare it with.
        """
        expected = expected if expected is not None else self.state
        if not expected:
            raise OAuthStateError("no state to check against: no authorization URL was made")
        if not received or not hmac.compare_digest(received.encode(), expected.encode()):
            raise OAuthStateError("the callback's state is not the one this session issued")

    def fetch_token(
        self,
        code: str | None = None,
        *,
        authorization_response: str | None = None,
        state: str | None = None,
        code_verifier: str | None = None,
    ) -> OAuthToken:
        """Exchange an authorization code for a token, and use that token from now on.

        Pass the ``code``, or the whole callback URL as ``authorization_response``: its
        ``state`` is then checked (:meth:`check_state`, against ``state`` if given) and any
        ``error`` raised. ``code_verifier`` overrides the one :meth:`authorization_url` kept.
        """
        if authorization_response is not None:
            query = parse_qs(urlsplit(authorization_response).query)
            if "error" in query:
                error = query["error"][0]
                description = query.get("error_description", [""])[0]
                raise OAuthError(
                    f"authorization was refused: {error}: {description}".rstrip(": "),
                    error=error,
                    description=description or None,
                )
            self.check_state(query.get("state", [None])[0], state)
            code = query.get("code", [None])[0]
        if not code:
            raise OAuthError("no authorization code: pass code= or the callback URL")
        verifier = code_verifier or self.code_verifier or ""
        raw = self._call(
            "exchanging the code",
            self.token_endpoint,
            lambda: self._protocol.fetch_token(
                self.token_endpoint,
                grant_type="authorization_code",
                code=code,
                redirect_uri=self.redirect_uri,
                code_verifier=verifier,  # authlib leaves an empty value out
            ),
        )
        token = _token(raw, self._clock, fresh=True)
        with self._lock:
            self._token = token
            self.code_verifier = None  # a verifier serves one code
        return copy.copy(token)

    def refresh(self) -> OAuthToken:
        """Get a new access token with the refresh token; calls ``token_updater``."""
        with self._lock:
            return copy.copy(self._refresh_locked(None))

    def revoke(self, token: str | None = None) -> None:
        """Revoke ``token``, or this session's refresh token (which ends its access tokens).

        The session forgets its token afterwards.
        """
        with self._lock:
            current = self._token
        if token is None:
            if current is None:
                raise OAuthError("there is no token to revoke")
            token = current.get("refresh_token") or current["access_token"]
        revoked = token
        response = self._call(
            "revoking the token",
            self.revocation_endpoint,
            lambda: self._protocol.revoke_token(self.revocation_endpoint, token=revoked),
        )
        if isinstance(response, httpx.Response) and response.status_code >= 400:
            raise _endpoint_error("revoking the token", response, self.revocation_endpoint)
        with self._lock:
            if current is not None and token in (
                current.get("refresh_token"),
                current["access_token"],
            ):
                self._token = None

    # -- what requests use -----------------------------------------------------------------

    def bearer(self) -> str:
        """An access token to send now: refreshed first when it has expired (or is about to)."""
        with self._lock:
            token = self._token
            if token is None:
                raise OAuthError(
                    "no OAuth token yet: send the user to session.authorization_url(), "
                    "then call session.fetch_token(code=...)"
                )
            expires_at = token.get("expires_at")
            if expires_at is not None and expires_at - _LEEWAY <= self._clock():
                token = self._refresh_locked(token["access_token"])
            return token["access_token"]

    def refused(self, sent: str) -> str | None:
        """Asana refused the access token ``sent`` (401): a fresh one, or ``None`` if no
        refresh is possible (the 401 then stands)."""
        with self._lock:
            token = self._token
            if token is None or "refresh_token" not in token:
                return None
            if token["access_token"] != sent:  # another request refreshed it meanwhile
                return token["access_token"]
            return self._refresh_locked(sent)["access_token"]

    def _refresh_locked(self, stale: str | None) -> OAuthToken:
        token = self._token
        refresh = token.get("refresh_token") if token is not None else None
        if token is None or not refresh:
            raise TokenRefreshError(
                "the access token expired and there is no refresh token; "
                "the user must authorize the app again"
            )
        try:
            raw = self._call(
                "refreshing the token",
                self.token_endpoint,
                lambda: self._protocol.refresh_token(self.token_endpoint, refresh_token=refresh),
            )
        except (AsanaConnectionError, TokenRefreshError):
            raise
        except OAuthError as exc:
            raise TokenRefreshError(
                f"{'the access token expired and ' if stale else ''}refreshing it failed: {exc}",
                error=exc.error,
                description=exc.description,
                status=exc.status,
                method="POST",
                url=self.token_endpoint,
            ) from None
        fresh = _token({"refresh_token": refresh, **raw}, self._clock, fresh=True)
        self._token = fresh
        if self._updater is not None:
            self._updater(copy.copy(fresh))
        return fresh

    def _call(self, doing: str, url: str, call: Callable[[], _T]) -> _T:
        """Run one authlib call, its failures turned into the SDK's errors."""
        try:
            return call()
        except _Refused as exc:
            text = f"{exc.error}: {exc.description}" if exc.description else exc.error
            raise OAuthError(
                f"{doing} failed: {text}",
                error=exc.error,
                description=exc.description,
                method="POST",
                url=url,
            ) from None
        except httpx.HTTPStatusError as exc:
            raise _endpoint_error(doing, exc.response, url) from None
        except httpx.TimeoutException as exc:
            raise AsanaTimeoutError(
                f"{doing} timed out: {type(exc).__name__}", method="POST", url=url
            ) from None
        except httpx.TransportError as exc:
            raise AsanaConnectionError(
                f"{doing} failed: {type(exc).__name__}: {exc}", method="POST", url=url
            ) from None
        except ValueError as exc:  # authlib: a 2xx body that is not a JSON object
            raise OAuthError(f"{doing} failed: {exc}", method="POST", url=url) from None


def _endpoint_error(doing: str, response: httpx.Response, url: str) -> OAuthError:
    """The error for a refusal from the token or revocation endpoint, JSON or not."""
    try:
        body = response.json()
    except ValueError:
        body = None
    if isinstance(body, dict) and isinstance(body.get("error"), str):
        error, description = body["error"], body.get("error_description")
        text = f"{error}: {description}" if isinstance(description, str) else error
        return OAuthError(
            f"{doing} failed ({response.status_code}): {text}",
            error=error,
            description=description if isinstance(description, str) else None,
            status=response.status_code,
            method="POST",
            url=url,
        )
    kind = response.headers.get("content-type", "no content type")
    return OAuthError(
        f"{doing} failed ({response.status_code}, {kind}): {body_snippet(response)}",
        status=response.status_code,
        method="POST",
        url=url,
    )


class OAuthAuth(httpx.Auth):
    """Bearer auth from an :class:`OAuthSession`: fresh before sending, refreshed on a 401."""

    def __init__(self, session: OAuthSession) -> None:
        self.session = session

    def auth_flow(self, request: httpx.Request) -> Generator[httpx.Request, httpx.Response, None]:
        sent = self.session.bearer()
        request.headers["Authorization"] = f"Bearer {sent}"
        response = yield request
        if response.status_code == 401:
            fresh = self.session.refused(sent)
            if fresh is not None:
                request.headers["Authorization"] = f"Bearer {fresh}"
                yield request

    def __repr__(self) -> str:
        return "OAuthAuth(token=<hidden>)"


def open_session(
    http: httpx.Client,
    *,
    client_id: str,
    client_secret: str,
    redirect_uri: str,
    token: Mapping[str, object] | None,
    token_updater: TokenUpdater | None,
    scope: str | Sequence[str] | None,
    pkce: bool,
    authorization_endpoint: str,
    token_endpoint: str,
    revocation_endpoint: str,
    clock: Callable[[], float] = time.time,
) -> OAuthSession:
    """The session of an app, its endpoints checked like ``base_url``; HTTP goes via ``http``."""
    for name, value in (("client_id", client_id), ("client_secret", client_secret)):
        if not isinstance(value, str) or not value:
            raise OAuthError(f"{name} must be a non-empty string")
    if not isinstance(redirect_uri, str) or not urlsplit(redirect_uri).scheme:
        raise OAuthError(f"redirect_uri must be an absolute URI, got {redirect_uri!r}")
    endpoints = {
        name: check_url(name, value)
        for name, value in (
            ("authorization_endpoint", authorization_endpoint),
            ("token_endpoint", token_endpoint),
            ("revocation_endpoint", revocation_endpoint),
        )
    }
    if scope is None or isinstance(scope, str):
        scopes = scope
    elif isinstance(scope, Sequence) and all(isinstance(s, str) for s in scope):
        scopes = " ".join(scope)
    else:
        raise OAuthError(f"scope must be a string or a list of strings, got {scope!r}")
    protocol = _Protocol(
        _Http(http),
        client_id=client_id,
        client_secret=client_secret,
        # Asana's docs send the client credentials in the form body.
        token_endpoint_auth_method="client_secret_post",
        revocation_endpoint_auth_method="client_secret_post",
        scope=scopes,
        redirect_uri=redirect_uri,
        code_challenge_method="S256",
    )
    return OAuthSession(
        protocol,
        redirect_uri=redirect_uri,
        token=token,
        token_updater=token_updater,
        scope=scopes,
        pkce=pkce,
        authorization_endpoint=endpoints["authorization_endpoint"],
        token_endpoint=endpoints["token_endpoint"],
        revocation_endpoint=endpoints["revocation_endpoint"],
        clock=clock,
    )
