"""asana-typed: a typed Python SDK for the Asana REST API."""

from . import models
from ._lenient import ResponseValidationWarning
from ._options import CallOptions, ClientOptions
from ._pagination import ItemIterator
from ._response import AsanaChangeWarning
from ._retry import RetryPolicy
from ._version import __version__
from .client import Client
from .errors import (
    AsanaConnectionError,
    AsanaError,
    AsanaTimeoutError,
    ErrorDetail,
    FieldNotLoadedError,
    FileTooLargeError,
    ForbiddenError,
    InvalidGidError,
    InvalidOptionError,
    InvalidParamsError,
    InvalidRequestError,
    InvalidResponseError,
    InvalidTokenError,
    NoAuthorizationError,
    NotFoundError,
    OAuthError,
    OAuthStateError,
    PremiumOnlyError,
    RateLimitEnforcedError,
    ServerError,
    TokenRefreshError,
    UnexpectedStatusError,
)
from .models import AsanaModel, AsanaObject, Envelope, NextPage

__all__ = [
    "AsanaChangeWarning",
    "AsanaConnectionError",
    "AsanaError",
    "AsanaModel",
    "AsanaObject",
    "AsanaTimeoutError",
    "CallOptions",
    "Client",
    "ClientOptions",
    "Envelope",
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
    "ItemIterator",
    "NextPage",
    "NoAuthorizationError",
    "NotFoundError",
    "OAuthError",
    "OAuthStateError",
    "PremiumOnlyError",
    "RateLimitEnforcedError",
    "ResponseValidationWarning",
    "RetryPolicy",
    "ServerError",
    "TokenRefreshError",
    "UnexpectedStatusError",
    "__version__",
    "models",
]
