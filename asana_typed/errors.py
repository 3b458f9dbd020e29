"""The exception hierarchy: one class per Asana status, plus transport and response errors.

The old client's class names are kept so existing ``except`` clauses keep working.
Every error carries the HTTP method and URL of the request, never its credentials.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

__all__ = [
    "AsanaConnectionError",
    "AsanaError",
    "AsanaTimeoutError",
    "ErrorDetail",
    "FieldNotLoadedError",
    "FileTooLargeError",
    "ForbiddenError",
    "InvalidGidError",
    "InvalidOptionError",
    "InvalidParamsError",
    "InvalidRequestError",
    "InvalidResponseError",
    "InvalidTokenError",
    "NoAuthorizationError",
    "NotFoundError",
    "OAuthError",
    "OAuthStateError",
    "PremiumOnlyError",
    "RateLimitEnforcedError",
    "ServerError",
    "TokenRefreshError",
    "UnexpectedStatusError",
]


class ErrorDetail:
    """One entry of Asana's ``errors`` array."""

    __slots__ = ("help", "message", "phrase")

    def __init__(self, message: str, help: str | None = None, phrase: str | None = None) -> None:
        self.message = message
        self.help = help
        self.phrase = phrase

    def __repr__(self) -> str:
        return f"ErrorDetail(message={self.message!r}, help={self.help!r}, phrase={self.phrase!r})"

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, ErrorDetail):
            return NotImplemented
        return (self.message, self.help, self.phrase) == (other.message, other.help, other.phrase)

    def __hash__(self) -> int:
        return hash((self.message, self.help, self.phrase))


class AsanaError(Exception):
    """Base class of every error this package raises.

    ``status`` is the HTTP status (``None`` when no response arrived), ``errors`` the
    details Asana sent, and ``method``/``url`` the request that failed.
    """

    status: int | None = None

    def __init__(
        self,
        message: str,
        *,
        status: int | None = None,
        method: str | None = None,
        url: str | None = None,
        errors: Sequence[ErrorDetail] = (),
    ) -> None:
        super().__init__(message)
        if status is not None:
            self.status = status
        self.method = method
        self.url = url
        self.errors: tuple[ErrorDetail, ...] = tuple(errors)

    @property
    def message(self) -> str:
        """The first message Asana sent, or this error's own text."""
        return self.errors[0].message if self.errors else str(self)

    @property
    def help(self) -> str | None:
        """Asana's ``help`` text for the first error, if any."""
        return self.errors[0].help if self.errors else None

    @property
    def phrase(self) -> str | None:
        """Asana's ``phrase`` (the reference for 500s), if any."""
        return self.errors[0].phrase if self.errors else None


class InvalidOptionError(AsanaError, TypeError):
    """An option name or value that the client does not accept."""


class InvalidParamsError(AsanaError, TypeError):
    """An API parameter value that cannot be encoded into a request."""


class FileTooLargeError(InvalidParamsError):
    """A file over Asana's 100 MB upload limit (raised before it is sent)."""


class InvalidGidError(AsanaError, ValueError):
    """A path argument (a gid) that cannot be part of a URL path."""


class InvalidRequestError(AsanaError):
    """400: the request was malformed or had bad parameters."""

    status = 400


class NoAuthorizationError(AsanaError):
    """401: no valid credentials were sent."""

    status = 401


class PremiumOnlyError(AsanaError):
    """402: the feature needs a paid Asana plan."""

    status = 402


class ForbiddenError(AsanaError):
    """403: the credentials may not access this resource."""

    status = 403


class NotFoundError(AsanaError):
    """404: the resource does not exist or is not visible."""

    status = 404


class InvalidTokenError(AsanaError):
    """412: the sync (or pagination) token is missing or expired.

    ``sync`` holds the fresh token Asana sent in the body, when it sent one.
    """

    status = 412

    def __init__(
        self,
        message: str,
        *,
        sync: str | None = None,
        method: str | None = None,
        url: str | None = None,
        errors: Sequence[ErrorDetail] = (),
    ) -> None:
        super().__init__(message, status=412, method=method, url=url, errors=errors)
        self.sync = sync


class RateLimitEnforcedError(AsanaError):
    """429: too many requests; ``retry_after`` is Asana's wait in seconds."""

    status = 429

    def __init__(
        self,
        message: str,
        *,
        retry_after: float | None = None,
        method: str | None = None,
        url: str | None = None,
        errors: Sequence[ErrorDetail] = (),
    ) -> None:
        super().__init__(message, status=429, method=method, url=url, errors=errors)
        self.retry_after = retry_after


class ServerError(AsanaError):
    """5xx: Asana failed; ``status`` is the real status code."""


class UnexpectedStatusError(AsanaError):
    """Any other non-success status (409, 451, ...)."""


class InvalidResponseError(AsanaError):
    """A success status whose body is not the JSON Asana promises (HTML, truncated, no ``data``)."""


class AsanaConnectionError(AsanaError):
    """The request could not be completed: DNS, refused or dropped connection."""


class AsanaTimeoutError(AsanaConnectionError):
    """The request timed out (connect, read, write or pool)."""


class OAuthError(AsanaError):
    """OAuth 2 failed: the token or revocation endpoint refused, or its answer was unusable.

    ``error`` and ``description`` are the endpoint's ``error``/``error_description``
    (``invalid_grant``, ...) when it sent them.
    """

    def __init__(
        self,
        message: str,
        *,
        error: str | None = None,
        description: str | None = None,
        status: int | None = None,
        method: str | None = None,
        url: str | None = None,
    ) -> None:
        super().__init__(message, status=status, method=method, url=url)
        self.error = error
        self.description = description


class OAuthStateError(OAuthError):
    """The ``state`` of an OAuth callback is not the one this session issued (a possible CSRF)."""


class TokenRefreshError(OAuthError, NoAuthorizationError):
    """The access token expired (or was refused) and refreshing it failed.

    Also a :class:`NoAuthorizationError`: the user has to authorize the app again.
    """


_BY_STATUS: Mapping[int, type[AsanaError]] = {
    400: InvalidRequestError,
    401: NoAuthorizationError,
    402: PremiumOnlyError,
    403: ForbiddenError,
    404: NotFoundError,
    412: InvalidTokenError,
    429: RateLimitEnforcedError,
}


def error_class_for_status(status: int) -> type[AsanaError]:
    """The exception class for a non-success HTTP status."""
    cls = _BY_STATUS.get(status)
    if cls is not None:
        return cls
    return ServerError if status >= 500 else UnexpectedStatusError


class FieldNotLoadedError(AttributeError, KeyError):
    """A model field the response did not include (not requested, or a compact record).

    It is an ``AttributeError`` for ``task.name`` and a ``KeyError`` for ``task["name"]``,
    so ``getattr(task, "name", None)`` and ``task.get("name")`` keep working.
    """

    def __init__(self, model: str, field: str) -> None:
        self.model = model
        self.field = field
        text = (
            f"{model}.{field} is not loaded: the response did not include it. "
            f"Request it with fields=[..., {field!r}] (Asana's opt_fields)."
        )
        super().__init__(text)
        self.text = text

    def __str__(self) -> str:
        return self.text
