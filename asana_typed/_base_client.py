"""The client core that resource classes call: options, encoding, transport, decoding.

Resource methods (hand-written or generated) are thin: they format the path and call
:meth:`BaseClient._single`, :meth:`BaseClient._collection` or :meth:`BaseClient._empty`.
"""

from __future__ import annotations

import copy
import functools
import ssl
import sys
import time
from collections.abc import Callable, Mapping
from typing import Any, ClassVar

import httpx
from typing_extensions import Self, Unpack

from ._multipart import encode_multipart
from ._options import (
    DEFAULT_BASE_URL,
    ClientOptions,
    ResolvedOptions,
    check_url,
    resolve_options,
)
from ._pagination import ItemIterator, page_limit
from ._request import encode_body, encode_query
from ._response import decode_envelope
from ._retry import RetryPolicy
from ._shape import ShapeKey
from ._transport import SyncTransport
from .errors import InvalidOptionError
from .models._base import AsanaModel, AsanaObject, Envelope, NextPage

__all__ = ["BaseClient"]

_QUERY_METHODS = frozenset({"GET", "DELETE"})
_NO_OPTIONS = ResolvedOptions()
DEFAULT_TIMEOUT = 60.0


@functools.cache
def shared_ssl_context() -> ssl.SSLContext:
    """One TLS context for every client this process creates.

    Loading the CA bundle costs 25-45 ms, and an app may make a client per user (OAuth).
    httpx's own default, built once: certifi's bundle, or ``SSL_CERT_FILE``/``SSL_CERT_DIR``
    as they are set when the first client is made.
    """
    return httpx.create_ssl_context()


def default_http_client() -> httpx.Client:
    """The ``httpx.Client`` a client makes when given none: 60 s timeout, no redirects."""
    return httpx.Client(
        timeout=DEFAULT_TIMEOUT, follow_redirects=False, verify=shared_ssl_context()
    )


@functools.cache
def _envelope(model: type[AsanaObject], many: bool) -> type[Envelope[Any]]:
    return Envelope[list[model]] if many else Envelope[model]  # type: ignore[valid-type]  # runtime parametrization


def _shape_key(envelope: type[Envelope[Any]], opts: ResolvedOptions) -> ShapeKey:
    """Responses alike enough to share a learned shape: same envelope, same fields asked."""
    return (envelope, (opts.fields, opts.expand))


class _Empty(AsanaModel):
    """``EmptyResponse``'s ``data``: ``{}``, so no gid."""

    gid: str = ""


def _result_model(opts: ResolvedOptions, default: type[AsanaObject]) -> type[AsanaObject]:
    """The class a response parses into: a ``fields``/``expand`` projection, else the default."""
    chosen = [v for v in (opts.fields, opts.expand) if isinstance(v, type)]
    if len(chosen) == 2 and chosen[0] is not chosen[1]:
        raise InvalidOptionError(
            f"fields={chosen[0].__name__} and expand={chosen[1].__name__} name different "
            "models; pass the same class to both, or a list of names to one"
        )
    return chosen[0] if chosen else default


class BaseClient:
    """Holds the HTTP client, credentials, options and retry policy."""

    DEFAULTS: ClassVar[ClientOptions] = {}
    """Options for every client (the lowest level of precedence)."""

    def __init__(
        self,
        auth: httpx.Auth | None = None,
        *,
        http_client: httpx.Client | None = None,
        sleep: Callable[[float], None] = time.sleep,
        retry_policy: RetryPolicy | None = None,
        **options: Unpack[ClientOptions],
    ) -> None:
        resolve_options({}, options, {})
        self.options: ClientOptions = options
        # (DEFAULTS, options) as of the last resolution, and what they resolved to.
        self._resolved: tuple[object, object, ResolvedOptions] | None = None
        check_url("base_url", self.DEFAULTS.get("base_url", DEFAULT_BASE_URL))
        self._owns_http = http_client is None
        http = http_client or default_http_client()
        self._transport = SyncTransport(http, auth, sleep=sleep, policy=retry_policy)

    # -- plumbing shared by every resource method -------------------------------------

    def _resolve(self, call_options: Mapping[str, object]) -> ResolvedOptions:
        defaults, options = type(self).DEFAULTS, self.options
        if call_options:
            return resolve_options(defaults, options, call_options)
        # Most calls pass no options: reuse the last resolution while DEFAULTS and
        # client.options still compare equal to the copies it was made from (so changing
        # either, even a nested value in place, is seen on the next call).
        cached = self._resolved
        if cached is not None and cached[0] == defaults and cached[1] == options:
            return cached[2]
        resolved = resolve_options(defaults, options, {})
        self._resolved = (copy.deepcopy(defaults), copy.deepcopy(options), resolved)
        return resolved

    def _send(
        self,
        method: str,
        path: str,
        params: Mapping[str, object] | None,
        opts: ResolvedOptions,
        *,
        limit: int | None = None,
        offset: str | None = None,
        query: Mapping[str, object] | None = None,
        send_body: bool = True,
    ) -> httpx.Response:
        if method in _QUERY_METHODS:
            encoded = encode_query(params, opts, limit=limit, offset=offset)
            return self._transport.request(method, path, opts, query=encoded)
        # A body method's own query parameters (rare: updateUser's workspace) carry no options.
        encoded = encode_query(query, _NO_OPTIONS) if query else ""
        body = encode_body(params, opts) if send_body else None
        return self._transport.request(method, path, opts, query=encoded, body=body)

    def _single(
        self,
        method: str,
        path: str,
        params: Mapping[str, object] | None,
        model: type[AsanaObject],
        call_options: Mapping[str, object],
        *,
        many: bool = False,
        query: Mapping[str, object] | None = None,
    ) -> object:
        """One ``data`` value: the model (a list of them with ``many``, for lists that Asana
        does not paginate), or the whole ``Envelope`` with ``full_payload``."""
        opts = self._resolve(call_options)
        envelope_cls = _envelope(_result_model(opts, model), many=many)
        response = self._send(method, path, params, opts, query=query)
        url = opts.base_url + path
        shape = _shape_key(envelope_cls, opts)
        envelope = decode_envelope(response, envelope_cls, method, url, shape)
        return envelope if opts.full_payload else envelope.data

    def _multipart(
        self,
        path: str,
        fields: Mapping[str, object],
        model: type[AsanaObject],
        call_options: Mapping[str, object],
    ) -> object:
        """A ``multipart/form-data`` POST (file uploads); tuple values are files, streamed."""
        opts = self._resolve(call_options)
        envelope_cls = _envelope(_result_model(opts, model), many=False)
        body = encode_multipart(fields)
        query = encode_query(None, opts)
        response = self._transport.request(
            "POST",
            path,
            opts,
            query=query,
            body=body,
            content_type=body.content_type,
            content_length=body.length,
        )
        envelope = decode_envelope(response, envelope_cls, "POST", opts.base_url + path)
        return envelope if opts.full_payload else envelope.data

    def _empty(
        self,
        method: str,
        path: str,
        params: Mapping[str, object] | None,
        call_options: Mapping[str, object],
        *,
        query: Mapping[str, object] | None = None,
        body: bool = True,
    ) -> None:
        """An ``EmptyResponse`` (``{"data": {}}``): checked, then ``None``.

        ``body=False`` sends a POST with no body at all (approve/reject access requests).
        """
        opts = self._resolve(call_options)
        response = self._send(method, path, params, opts, query=query, send_body=body)
        decode_envelope(response, _envelope(_Empty, many=False), method, opts.base_url + path)

    def _collection(
        self,
        path: str,
        params: Mapping[str, object] | None,
        model: type[AsanaObject],
        call_options: Mapping[str, object],
        *,
        sends_limit: bool = True,
    ) -> object:
        """A paginated ``GET``: an item iterator, or one page with ``iterator_type=None``.

        ``sends_limit=False`` is for the few endpoints that page by ``offset`` but take no
        ``limit``; ``item_limit`` is then applied to what arrives.
        """
        opts = self._resolve(call_options)
        envelope_cls = _envelope(_result_model(opts, model), many=True)
        url = opts.base_url + path
        shape = _shape_key(envelope_cls, opts)
        # Without a limit Asana decides the page size; only item_limit may cut a page short.
        page_size = opts.limit if sends_limit else sys.maxsize

        def fetch(limit: int, offset: str | None) -> Envelope[list[Any]]:
            sent = limit if sends_limit else None
            response = self._send("GET", path, params, opts, limit=sent, offset=offset)
            return decode_envelope(response, envelope_cls, "GET", url, shape)

        if opts.iterator_type == "items":
            return ItemIterator(
                fetch, page_size=page_size, item_limit=opts.item_limit, offset=opts.offset
            )
        limit = page_limit(page_size, opts.item_limit, 0)
        if limit <= 0:
            # item_limit=0: nothing to fetch; the page says where a later call would start.
            resume = NextPage(offset=opts.offset) if opts.offset else None
            page = envelope_cls(data=[], next_page=resume)
        else:
            page = fetch(limit, opts.offset)
            if len(page.data) > limit:  # an endpoint that took no limit sent more
                page.data = page.data[:limit]
        return page if opts.full_payload else page.data

    # -- lifecycle ---------------------------------------------------------------------

    def close(self) -> None:
        """Close the connection pool (only if this client created it)."""
        if self._owns_http:
            self._transport.http.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    def __repr__(self) -> str:
        base = self.options.get("base_url") or type(self).DEFAULTS.get("base_url", DEFAULT_BASE_URL)
        return f"<{type(self).__name__} base_url={base!r}>"
