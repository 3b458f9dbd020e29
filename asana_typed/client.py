"""``Client``: constructors and options; the resource attributes come from ``Resources``."""

from __future__ import annotations

import time
from collections.abc import Callable, Mapping, Sequence
from typing import TYPE_CHECKING

import httpx
from typing_extensions import Self, Unpack

from ._auth import TokenAuth
from ._base_client import default_http_client
from ._options import ClientOptions
from ._retry import RetryPolicy
from .api._resources import Resources
from .errors import InvalidOptionError

if TYPE_CHECKING:
    # asana_typed.oauth imports authlib: only clients made with Client.oauth load it.
    from .oauth import OAuthSession, TokenUpdater

_ASANA_OAUTH = "https://app.asana.com/-/oauth_"

__all__ = ["Client"]


class Client(Resources):
    """A synchronous Asana client.

    ``Client.DEFAULTS`` holds options for every client, ``client.options`` for this one,
    and keyword arguments of a call win over both. Each resource (``client.tasks``,
    ``client.users``, ...) is a generated attribute of :class:`Resources`, imported on
    first use so ``import asana_typed`` stays cheap.
    """

    _session: OAuthSession | None = None

    @classmethod
    def access_token(
        cls,
        token: str,
        *,
        http_client: httpx.Client | None = None,
        sleep: Callable[[float], None] = time.sleep,
        retry_policy: RetryPolicy | None = None,
        **options: Unpack[ClientOptions],
    ) -> Self:
        """A client that authenticates with a personal access token (or an OAuth access token)."""
        return cls(
            TokenAuth(token),
            http_client=http_client,
            sleep=sleep,
            retry_policy=retry_policy,
            **options,
        )

    @classmethod
    def oauth(
        cls,
        *,
        client_id: str,
        client_secret: str,
        redirect_uri: str,
        token: Mapping[str, object] | None = None,
        token_updater: TokenUpdater | None = None,
        scope: str | Sequence[str] | None = None,
        pkce: bool = False,
        authorization_endpoint: str = _ASANA_OAUTH + "authorize",
        token_endpoint: str = _ASANA_OAUTH + "token",
        revocation_endpoint: str = _ASANA_OAUTH + "revoke",
        http_client: httpx.Client | None = None,
        clock: Callable[[], float] = time.time,
        sleep: Callable[[float], None] = time.sleep,
        retry_policy: RetryPolicy | None = None,
        **options: Unpack[ClientOptions],
    ) -> Self:
        """A client for an OAuth 2 app (authlib underneath): ``client.session`` runs the flow.

        ``url, state = client.session.authorization_url()``, send the user there, then
        ``client.session.fetch_token(code=...)`` (or ``authorization_response=`` the callback
        URL, whose ``state`` is checked). Pass a stored ``token`` to skip the flow. Expired
        tokens are refreshed, and ``token_updater(token)`` is called with each new one.
        ``redirect_uri=asana_typed.oauth.OOB_REDIRECT_URI`` suits command-line apps.
        ``pkce=True`` adds an S256 challenge; ``scope`` asks for scopes. The endpoints
        default to Asana's; plain http is allowed only to loopback hosts, as for
        ``base_url``. Token requests use the same ``httpx.Client`` as API requests;
        ``clock`` is the time source for token expiry.
        """
        from .oauth import OAuthAuth, open_session

        owns_http = http_client is None
        http = http_client or default_http_client()
        try:
            session = open_session(
                http,
                client_id=client_id,
                client_secret=client_secret,
                redirect_uri=redirect_uri,
                token=token,
                token_updater=token_updater,
                scope=scope,
                pkce=pkce,
                authorization_endpoint=authorization_endpoint,
                token_endpoint=token_endpoint,
                revocation_endpoint=revocation_endpoint,
                clock=clock,
            )
            client = cls(
                OAuthAuth(session),
                http_client=http,
                sleep=sleep,
                retry_policy=retry_policy,
                **options,
            )
        except BaseException:
            if owns_http:  # a bad argument must not leave a connection pool open
                http.close()
            raise
        client._owns_http = owns_http
        client._session = session
        return client

    @property
    def session(self) -> OAuthSession:
        """The OAuth 2 session of a client made with :meth:`oauth`."""
        if self._session is None:
            raise InvalidOptionError(
                "this client has no OAuth session: create it with Client.oauth(...)"
            )
        return self._session
