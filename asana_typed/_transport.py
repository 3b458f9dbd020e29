"""The synchronous request loop: send, map errors, retry per :class:`RetryPolicy`.

One ``httpx.Client`` serves every request (keep-alive). The loop holds no policy of its
own, so an async twin is the same dozen lines with ``await``.
"""

from __future__ import annotations

import functools
import logging
import time
from collections.abc import Callable, Iterable

import httpx

from ._options import ResolvedOptions
from ._request import build_headers
from ._response import error_from_response, warn_asana_change
from ._retry import RetryPolicy
from .errors import (
    AsanaConnectionError,
    AsanaError,
    AsanaTimeoutError,
    InvalidResponseError,
)

__all__ = ["SyncTransport"]

log = logging.getLogger("asana_typed")


def _transport_error(exc: httpx.TransportError, method: str, url: str) -> AsanaError:
    kind = type(exc).__name__
    cls = AsanaTimeoutError if isinstance(exc, httpx.TimeoutException) else AsanaConnectionError
    return cls(f"{kind} for {method} {url}: {exc}", method=method, url=url)


def _request_error(exc: httpx.RequestError, method: str, url: str) -> AsanaError:
    """An httpx failure that is not a transport error: an undecodable body, a redirect loop."""
    kind = type(exc).__name__
    if isinstance(exc, httpx.DecodingError):
        return InvalidResponseError(
            f"the response to {method} {url} could not be decoded ({kind}): {exc}",
            method=method,
            url=url,
        )
    return AsanaConnectionError(f"{kind} for {method} {url}: {exc}", method=method, url=url)


@functools.lru_cache(maxsize=16)
def _timeout(seconds: float | None) -> httpx.Timeout:
    return httpx.Timeout(seconds)


class SyncTransport:
    """Sends one API request with retries and returns the 2xx response."""

    def __init__(
        self,
        http: httpx.Client,
        auth: httpx.Auth | None,
        *,
        sleep: Callable[[float], None] = time.sleep,
        policy: RetryPolicy | None = None,
    ) -> None:
        self.http = http
        self.auth = auth
        self.sleep = sleep
        self.policy = policy or RetryPolicy()

    def request(
        self,
        method: str,
        path: str,
        opts: ResolvedOptions,
        *,
        query: str = "",
        body: bytes | Iterable[bytes] | None = None,
        content_type: str = "application/json",
        content_length: int | None = None,
    ) -> httpx.Response:
        url = opts.base_url + path + (f"?{query}" if query else "")
        shown = opts.base_url + path  # query strings may be long; errors name the endpoint
        headers = build_headers(opts, content_type=content_type if body is not None else None)
        if content_length is not None:  # a streamed body of known size: not sent chunked
            headers = {**headers, "Content-Length": str(content_length)}
        timeout = _timeout(opts.timeout)
        retries = 0
        while True:
            try:
                response = self.http.request(
                    method, url, content=body, headers=headers, timeout=timeout, auth=self.auth
                )
            except httpx.TransportError as exc:
                delay = self.policy.after_exception(method, exc, retries, opts.max_retries)
                if delay is None:
                    raise _transport_error(exc, method, shown) from exc
                log.info(
                    "%s %s failed (%s); retry in %.2fs", method, shown, type(exc).__name__, delay
                )
            except httpx.RequestError as exc:
                # Not retried: the server answered, so a repeat may not be safe or useful.
                raise _request_error(exc, method, shown) from exc
            else:
                warn_asana_change(response, opts.asana_enable, opts.asana_disable)
                status = response.status_code
                if status < 300:
                    log.debug("%s %s -> %d", method, shown, status)
                    return response
                delay = self.policy.after_status(
                    method, status, response.headers.get("retry-after"), retries, opts.max_retries
                )
                if delay is None:
                    raise error_from_response(response, method, shown)
                log.info("%s %s -> %d; retry in %.2fs", method, shown, status, delay)
            retries += 1
            self.sleep(delay)
