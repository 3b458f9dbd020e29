"""The retry policy, free of I/O so the sync and async loops share it and tests can read it.

- 429: wait ``Retry-After`` (any method: Asana did not act on the request).
- 500/502/503/504, timeouts and dropped connections: exponential backoff from 1 s,
  factor 2, +/-10 % jitter, capped at 60 s; only for requests that are safe to repeat.
- A POST is repeated only when it provably did not take effect: a 429, or a connection
  that failed before the request was sent. Nothing is created twice.
"""

from __future__ import annotations

import datetime
import email.utils
import math
import random
import re
import time
from collections.abc import Callable
from dataclasses import dataclass, field

import httpx

__all__ = ["RetryPolicy"]

_IDEMPOTENT = frozenset({"GET", "HEAD", "OPTIONS", "PUT", "DELETE"})
_RETRY_STATUSES = frozenset({500, 502, 503, 504})
# Raised before a single byte of the request left this machine.
_NOT_SENT = (httpx.ConnectError, httpx.ConnectTimeout, httpx.PoolTimeout)
# Transient failures after the request may have been sent: safe to repeat only if idempotent.
_TRANSIENT = (httpx.TimeoutException, httpx.NetworkError, httpx.RemoteProtocolError)
# RFC 9110 delta-seconds is 1*DIGIT; a decimal fraction is tolerated. No sign, exponent,
# underscore, "nan" or "inf": those are what ``float()`` would accept but no server means.
_DELTA_SECONDS = re.compile(r"[0-9]+(?:\.[0-9]*)?")


def parse_retry_after(value: str | None, now: Callable[[], float] = time.time) -> float | None:
    """Seconds to wait from a ``Retry-After`` header (delta-seconds or HTTP-date).

    ``None`` when the header is absent or unusable (negative, NaN, infinite, garbage), so the
    caller falls back to exponential backoff; an HTTP-date in the past is ``0.0``.
    """
    if value is None:
        return None
    value = value.strip()
    if _DELTA_SECONDS.fullmatch(value):
        seconds = float(value)
    else:
        try:
            moment = email.utils.parsedate_to_datetime(value)
        except (TypeError, ValueError, IndexError, OverflowError):
            return None
        if moment.tzinfo is None:
            # "-0000" parses naive; HTTP-dates are always GMT, never local time.
            moment = moment.replace(tzinfo=datetime.timezone.utc)
        seconds = max(0.0, moment.timestamp() - now())
    return seconds if math.isfinite(seconds) else None


@dataclass(frozen=True)
class RetryPolicy:
    """When to try a request again, and how long to wait first."""

    base_delay: float = 1.0
    factor: float = 2.0
    max_delay: float = 60.0
    jitter: float = 0.1
    random: Callable[[], float] = field(default=random.random, repr=False)

    def backoff(self, retries_done: int) -> float:
        """Delay before retry number ``retries_done + 1``: about 1, 2, 4, 8 ... seconds."""
        try:
            delay = min(self.max_delay, self.base_delay * self.factor**retries_done)
        except OverflowError:  # factor**1100 with max_retries in the thousands
            delay = self.max_delay
        spread = 1.0 + self.jitter * (2.0 * self.random() - 1.0)
        return min(self.max_delay, delay * spread)

    def after_status(
        self, method: str, status: int, retry_after: str | None, retries_done: int, max_retries: int
    ) -> float | None:
        """Delay before retrying a request that got ``status``, or None to give up."""
        if retries_done >= max_retries:
            return None
        if status == 429:
            waited = parse_retry_after(retry_after)
            return self.backoff(retries_done) if waited is None else waited
        if status in _RETRY_STATUSES and method.upper() in _IDEMPOTENT:
            return self.backoff(retries_done)
        return None

    def after_exception(
        self, method: str, exc: Exception, retries_done: int, max_retries: int
    ) -> float | None:
        """Delay before retrying a request that raised ``exc``, or None to give up."""
        if retries_done >= max_retries:
            return None
        if isinstance(exc, _NOT_SENT):
            return self.backoff(retries_done)
        if isinstance(exc, _TRANSIENT) and method.upper() in _IDEMPOTENT:
            return self.backoff(retries_done)
        return None
