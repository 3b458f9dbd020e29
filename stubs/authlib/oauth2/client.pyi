from collections.abc import Mapping

from authlib.oauth2.auth import ClientAuth

class OAuth2Client:
    """authlib's OAuth 2 protocol client; ``session.post`` does its HTTP."""

    oauth_error_class: type[Exception]
    def __init__(
        self,
        session: object,
        client_id: str | None = None,
        client_secret: str | None = None,
        token_endpoint_auth_method: str | None = None,
        revocation_endpoint_auth_method: str | None = None,
        scope: str | None = None,
        state: str | None = None,
        redirect_uri: str | None = None,
        code_challenge_method: str | None = None,
    ) -> None: ...
    def create_authorization_url(
        self, url: str, state: str | None = None, code_verifier: str | None = None, **kwargs: str
    ) -> tuple[str, str]: ...
    def fetch_token(
        self,
        url: str | None = None,
        body: str = "",
        method: str = "POST",
        headers: Mapping[str, str] | None = None,
        auth: ClientAuth | None = None,
        grant_type: str | None = None,
        state: str | None = None,
        **kwargs: str,
    ) -> dict[str, object]: ...
    def refresh_token(
        self,
        url: str | None = None,
        refresh_token: str | None = None,
        body: str = "",
        auth: ClientAuth | None = None,
        headers: Mapping[str, str] | None = None,
        **kwargs: str,
    ) -> dict[str, object]: ...
    def revoke_token(
        self,
        url: str,
        token: str | None = None,
        token_type_hint: str | None = None,
        body: str | None = None,
        auth: ClientAuth | None = None,
        headers: Mapping[str, str] | None = None,
    ) -> object: ...
