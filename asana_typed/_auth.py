"""Credentials as an ``httpx.Auth`` that never shows its secret.

The token lives only in this object's slot: ``repr``, ``str``, pickling and error
messages show a placeholder, so it cannot leak through logs or tracebacks.
"""

from __future__ import annotations

from collections.abc import Generator

import httpx

__all__ = ["TokenAuth"]


class TokenAuth(httpx.Auth):
    """Sends ``Authorization: Bearer <token>`` (personal access token or OAuth access token)."""

    __slots__ = ("_token",)

    def __init__(self, token: str) -> None:
        if not isinstance(token, str) or not token.strip():
            raise ValueError("an Asana access token must be a non-empty string")
        token = token.strip()
        # Tokens are printable ASCII. Anything else (a line break inside, say) would make the
        # HTTP library reject the header with an error that quotes it, token and all.
        if not all("!" <= char <= "~" for char in token):
            raise ValueError(
                "an Asana access token may contain only printable ASCII characters without "
                "spaces (the token is not shown here)"
            )
        self._token = token

    def auth_flow(self, request: httpx.Request) -> Generator[httpx.Request, httpx.Response, None]:
        request.headers["Authorization"] = f"Bearer {self._token}"
        yield request

    def __repr__(self) -> str:
        return "TokenAuth(token=<hidden>)"

    __str__ = __repr__

    def __reduce__(self) -> str:
        raise TypeError("TokenAuth holds a secret and cannot be pickled")
