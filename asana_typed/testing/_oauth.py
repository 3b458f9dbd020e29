"""OAuth 2 endpoints of the fake: authorize (auto-approved as ``fake.me``), token, revoke.

Apps come from ``fake.oauth_apps`` (``fake.add_oauth_app(...)``). A code lives in
``fake.oauth_codes`` for ten minutes and works once; a refresh token's record in
``fake.oauth_refresh`` names its app, its user and the access tokens issued from it. An
access token is an ordinary entry of ``fake.tokens`` that ``fake.token_expiry`` ends.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
import re
import secrets
from typing import TYPE_CHECKING
from urllib.parse import parse_qsl, urlencode

from ._app import Reply, Request
from ._store import ApiError, Record

if TYPE_CHECKING:
    from ._fake import FakeAsana

__all__ = ["handle_oauth"]

CODE_TTL = 600.0
TOKEN_TTL = 3600
OOB = "urn:ietf:wg:oauth:2.0:oob"
PKCE_VALUE = re.compile(r"^[A-Za-z0-9\-._~]{43,128}$")
NO_STORE = {"Cache-Control": "no-store", "Pragma": "no-cache"}


class OAuthError(Exception):
    """An error answered as OAuth does: ``{"error", "error_description"}``."""

    def __init__(self, status: int, error: str, description: str) -> None:
        super().__init__(description)
        self.status, self.error, self.description = status, error, description


def handle_oauth(request: Request) -> Reply:
    """Answer ``/-/oauth_authorize``, ``/-/oauth_token`` or ``/-/oauth_revoke``."""
    handler = {
        ("GET", "/-/oauth_authorize"): _authorize,
        ("POST", "/-/oauth_token"): _token,
        ("POST", "/-/oauth_revoke"): _revoke,
    }.get((request.method, request.path))
    if handler is None:
        raise ApiError(404, f"No matching route for request: {request.method} {request.path}")
    try:
        return handler(request)
    except OAuthError as exc:
        headers = dict(NO_STORE)
        if exc.status == 401:
            headers["WWW-Authenticate"] = 'Basic realm="Asana"'
        return Reply(
            exc.status, {"error": exc.error, "error_description": exc.description}, headers
        )


# -- authorize -----------------------------------------------------------------------------


def _authorize(request: Request) -> Reply:
    """Approve at once as ``fake.me``: a code sent back to the redirect URI (or shown, OOB)."""
    fake, query = request.fake, request.query
    client_id = query.get("client_id")
    if not client_id:
        raise OAuthError(400, "invalid_request", "client_id: Missing input")
    app = fake.oauth_apps.get(client_id)
    if app is None:
        raise OAuthError(400, "invalid_client", f"Unknown client_id: {client_id}")
    redirect_uri = query.get("redirect_uri")
    if not redirect_uri:
        raise OAuthError(400, "invalid_request", "redirect_uri: Missing input")
    if redirect_uri not in app.get("redirect_uris", []):
        raise OAuthError(400, "invalid_request", "redirect_uri does not match the app's")
    state = query.get("state")
    # The redirect URI is trusted from here on: later errors go back to it (RFC 6749 4.1.2.1).
    problem = _authorize_problem(query)
    if problem is not None:
        error, description = problem
        if redirect_uri == OOB:
            raise OAuthError(400, error, description)
        return _redirect(redirect_uri, error=error, error_description=description, state=state)
    code = secrets.token_urlsafe(24)
    fake.oauth_codes[code] = {
        "client_id": client_id,
        "redirect_uri": redirect_uri,
        "user": fake.me["gid"],
        "expires": fake.clock() + CODE_TTL,
        "code_challenge": query.get("code_challenge"),
        "scope": query.get("scope", "default"),
    }
    if redirect_uri == OOB:
        return Reply(200, {"code": code}, dict(NO_STORE))
    return _redirect(redirect_uri, code=code, state=state)


def _authorize_problem(query: dict[str, str]) -> tuple[str, str] | None:
    """``(error, description)`` for a bad authorize request whose redirect URI is good."""
    if query.get("response_type") != "code":
        return "unsupported_response_type", "response_type must be code"
    if not query.get("state"):
        return "invalid_request", "state: Missing input"
    challenge = query.get("code_challenge")
    method = query.get("code_challenge_method")
    if challenge is None and method is None:
        return None
    if method != "S256":
        return "invalid_request", "code_challenge_method must be S256"
    if challenge is None or not PKCE_VALUE.match(challenge):
        return "invalid_request", "code_challenge: Missing or malformed input"
    return None


def _redirect(uri: str, **params: str | None) -> Reply:
    joiner = "&" if "?" in uri else "?"
    query = urlencode({k: v for k, v in params.items() if v is not None})
    return Reply(302, {}, {"Location": f"{uri}{joiner}{query}"})


# -- token and revoke ----------------------------------------------------------------------


def _form(request: Request) -> dict[str, str]:
    ctype = request.headers.get("content-type", "")
    if not ctype.startswith("application/x-www-form-urlencoded"):
        raise OAuthError(
            400, "invalid_request", "The body must be application/x-www-form-urlencoded"
        )
    try:
        return dict(parse_qsl(request.body.decode("utf-8"), keep_blank_values=True))
    except UnicodeDecodeError:
        raise OAuthError(400, "invalid_request", "The body is not UTF-8") from None


def _client(request: Request, form: dict[str, str], *, required: bool = True) -> str | None:
    """The authenticated client_id (HTTP Basic or form credentials); 401 if they fail."""
    scheme, _, encoded = request.headers.get("authorization", "").partition(" ")
    client_id, secret = form.get("client_id"), form.get("client_secret")
    if scheme.lower() == "basic":
        try:
            client_id, _, secret = base64.b64decode(encoded).decode("utf-8").partition(":")
        except (binascii.Error, UnicodeDecodeError):
            raise OAuthError(401, "invalid_client", "Malformed HTTP Basic credentials") from None
    if not client_id and not required:
        return None
    app = request.fake.oauth_apps.get(client_id or "")
    expected = str(app.get("client_secret", "")) if app else ""
    if app is None or not secret or not hmac.compare_digest(secret, expected):
        raise OAuthError(401, "invalid_client", "Client authentication failed")
    return client_id


def _token(request: Request) -> Reply:
    form = _form(request)
    client_id = _client(request, form)
    assert client_id is not None
    grant = form.get("grant_type")
    if not grant:
        raise OAuthError(400, "invalid_request", "grant_type: Missing input")
    if grant == "authorization_code":
        refresh = _redeem_code(request.fake, form, client_id)
    elif grant == "refresh_token":
        refresh = form.get("refresh_token", "")
        record = request.fake.oauth_refresh.get(refresh)
        if not refresh or record is None or record["client_id"] != client_id:
            raise OAuthError(400, "invalid_grant", "The refresh token is invalid or revoked")
    else:
        raise OAuthError(400, "unsupported_grant_type", f"Unsupported grant_type: {grant}")
    return _issue(request.fake, refresh, with_refresh=grant == "authorization_code")


def _redeem_code(fake: FakeAsana, form: dict[str, str], client_id: str) -> str:
    """Spend the code (once, within ten minutes, PKCE checked); a new refresh token."""
    code = fake.oauth_codes.pop(form.get("code") or "", None)
    if not form.get("code"):
        raise OAuthError(400, "invalid_request", "code: Missing input")
    if code is None or code["client_id"] != client_id:
        raise OAuthError(400, "invalid_grant", "The code is invalid or was already used")
    if fake.clock() > code["expires"]:
        raise OAuthError(400, "invalid_grant", "The code has expired")
    if form.get("redirect_uri") != code["redirect_uri"]:
        raise OAuthError(400, "invalid_grant", "redirect_uri does not match the authorize request")
    challenge = code["code_challenge"]
    if challenge is not None:
        verifier = form.get("code_verifier", "")
        digest = hashlib.sha256(verifier.encode("ascii", "replace")).digest()
        computed = base64.urlsafe_b64encode(digest).decode().rstrip("=")
        if not PKCE_VALUE.match(verifier) or not hmac.compare_digest(computed, challenge):
            raise OAuthError(400, "invalid_grant", "code_verifier does not match code_challenge")
    refresh = f"2/{code['user']}/{secrets.token_hex(8)}:{secrets.token_hex(16)}"
    fake.oauth_refresh[refresh] = {
        "client_id": client_id,
        "user": code["user"],
        "scope": code["scope"],
        "access": [],
    }
    return refresh


def _issue(fake: FakeAsana, refresh: str, *, with_refresh: bool) -> Reply:
    """A new access token of ``refresh``'s user, valid ``TOKEN_TTL`` seconds."""
    record = fake.oauth_refresh[refresh]
    user: Record | None = fake.store.records.get(record["user"])
    if user is None:
        raise OAuthError(400, "invalid_grant", "The user of this grant no longer exists")
    access = f"2/{user['gid']}/{secrets.token_hex(8)}:{secrets.token_hex(16)}"
    fake.tokens[access] = user["gid"]
    fake.token_expiry[access] = fake.clock() + TOKEN_TTL
    record["access"].append(access)
    body: Record = {"access_token": access, "token_type": "bearer", "expires_in": TOKEN_TTL}
    if with_refresh:
        body["refresh_token"] = refresh
    body["data"] = {
        "id": int(user["gid"]),
        "gid": user["gid"],
        "name": user.get("name"),
        "email": user.get("email"),
    }
    return Reply(200, body, dict(NO_STORE))


def _revoke(request: Request) -> Reply:
    """Revoke a refresh token (and its access tokens) or one access token; unknown: fine."""
    form = _form(request)
    client_id = _client(request, form, required=False)
    token = form.get("token")
    if not token:
        raise OAuthError(400, "invalid_request", "token: Missing input")
    fake = request.fake
    for refresh, record in list(fake.oauth_refresh.items()):
        if client_id is not None and record["client_id"] != client_id:
            continue
        if refresh == token:
            del fake.oauth_refresh[refresh]
            for access in record["access"]:
                fake.tokens.pop(access, None)
                fake.token_expiry.pop(access, None)
        elif token in record["access"]:
            record["access"].remove(token)
            fake.tokens.pop(token, None)
            fake.token_expiry.pop(token, None)
    return Reply(200, {}, dict(NO_STORE))
