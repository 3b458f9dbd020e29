"""Unit tests of ``RetryPolicy`` and ``parse_retry_after``."""

from __future__ import annotations

import math
import os
import time
from collections.abc import Iterator

import httpx
import pytest

from asana_typed._retry import RetryPolicy, parse_retry_after
from tests.retry_helpers import NO_JITTER

# -- RetryPolicy, unit ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("retries_done", "expected"),
    [(0, 1.0), (1, 2.0), (2, 4.0), (3, 8.0), (5, 32.0), (6, 60.0), (20, 60.0)],
)
def test_policy_backoff_doubles_from_one_second_up_to_the_cap(
    retries_done: int, expected: float
) -> None:
    assert NO_JITTER.backoff(retries_done) == expected


@pytest.mark.parametrize("retries_done", [1024, 5000, 10**6])
def test_policy_backoff_does_not_overflow_for_huge_retry_counts(retries_done: int) -> None:
    assert NO_JITTER.backoff(retries_done) == 60.0


def test_policy_parameters_are_honoured() -> None:
    policy = RetryPolicy(base_delay=0.5, factor=3.0, max_delay=10.0, jitter=0.0)
    assert [policy.backoff(n) for n in range(4)] == [0.5, 1.5, 4.5, 10.0]


def test_policy_jitter_bounds() -> None:
    low = RetryPolicy(random=lambda: 0.0)
    high = RetryPolicy(random=lambda: 1.0)
    assert low.backoff(3) == pytest.approx(7.2)
    assert high.backoff(3) == pytest.approx(8.8)
    assert high.backoff(10) == 60.0  # jitter never pushes past the cap


def test_policy_is_immutable() -> None:
    with pytest.raises(AttributeError):
        NO_JITTER.max_delay = 5.0  # type: ignore[misc]  # frozen dataclass: assigning must fail


@pytest.mark.parametrize(
    ("method", "status", "retry_after", "expected"),
    [
        ("GET", 429, "12", 12.0),
        ("POST", 429, "12", 12.0),
        ("POST", 429, None, 1.0),
        ("GET", 429, "garbage", 1.0),
        ("GET", 500, None, 1.0),
        ("get", 503, None, 1.0),
        ("PUT", 504, None, 1.0),
        ("DELETE", 502, None, 1.0),
        ("POST", 500, None, None),
        ("POST", 503, "1", None),
        ("PATCH", 500, None, None),
        ("GET", 501, None, None),
        ("GET", 400, None, None),
        ("GET", 404, None, None),
        ("GET", 412, None, None),
    ],
)
def test_policy_after_status(
    method: str, status: int, retry_after: str | None, expected: float | None
) -> None:
    assert NO_JITTER.after_status(method, status, retry_after, 0, 5) == expected


@pytest.mark.parametrize("status", [429, 500])
def test_policy_after_status_gives_up_when_retries_are_used(status: int) -> None:
    assert NO_JITTER.after_status("GET", status, "1", 3, 3) is None
    assert NO_JITTER.after_status("GET", status, "1", 0, 0) is None
    assert NO_JITTER.after_status("GET", status, "1", 2, 3) is not None


@pytest.mark.parametrize(
    ("method", "exc", "retried"),
    [
        ("POST", httpx.ConnectError("x"), True),
        ("POST", httpx.ConnectTimeout("x"), True),
        ("POST", httpx.PoolTimeout("x"), True),
        ("POST", httpx.ReadTimeout("x"), False),
        ("POST", httpx.WriteTimeout("x"), False),
        ("POST", httpx.ReadError("x"), False),
        ("POST", httpx.RemoteProtocolError("x"), False),
        ("GET", httpx.ReadTimeout("x"), True),
        ("GET", httpx.ReadError("x"), True),
        ("GET", httpx.RemoteProtocolError("x"), True),
        ("DELETE", httpx.WriteError("x"), True),
        ("GET", httpx.LocalProtocolError("x"), False),
        ("GET", httpx.UnsupportedProtocol("x"), False),
        ("GET", ValueError("not a transport error"), False),
    ],
)
def test_policy_after_exception(method: str, exc: Exception, retried: bool) -> None:
    delay = NO_JITTER.after_exception(method, exc, 0, 5)
    assert delay == (1.0 if retried else None)


def test_policy_after_exception_gives_up_when_retries_are_used() -> None:
    assert NO_JITTER.after_exception("GET", httpx.ConnectError("x"), 5, 5) is None
    assert NO_JITTER.after_exception("GET", httpx.ConnectError("x"), 4, 5) == 16.0


# -- parse_retry_after, unit ----------------------------------------------------------------

NOW = 1445412470.0  # Wed, 21 Oct 2015 07:27:50 GMT


@pytest.mark.parametrize(
    ("header", "expected"),
    [
        ("10", 10.0),
        (" 10 ", 10.0),
        ("0", 0.0),
        ("1.5", 1.5),
        ("120", 120.0),
        ("Wed, 21 Oct 2015 07:28:00 GMT", 10.0),
        ("Wed, 21 Oct 2015 07:28:00 +0000", 10.0),
        ("Wed, 21 Oct 2015 09:28:00 +0200", 10.0),
        ("Wed, 21 Oct 2015 07:28:00 -0000", 10.0),
        ("Wed, 21 Oct 2015 07:00:00 GMT", 0.0),  # in the past: retry now
    ],
)
def test_parse_retry_after_valid(header: str, expected: float) -> None:
    assert parse_retry_after(header, now=lambda: NOW) == expected


@pytest.mark.parametrize(
    "header",
    [
        None,
        "",
        "   ",
        "-5",
        "-0.5",
        "+5",
        "nan",
        "NaN",
        "inf",
        "-inf",
        "Infinity",
        "1e400",
        "9" * 400,
        "1e3",
        "1_000",
        "0x10",
        "10s",
        "ten",
        "soon",
        "Wed, 99 Foo 2015 07:28:00 GMT",
        "Wed, 21 Oct 99999 07:28:00 GMT",
    ],
)
def test_parse_retry_after_rejects_unusable_values(header: str | None) -> None:
    result = parse_retry_after(header, now=lambda: NOW)
    assert result is None


def test_parse_retry_after_result_is_always_finite_and_not_negative() -> None:
    for header in ["0", "5", "Thu, 01 Jan 1970 00:00:00 GMT", "Fri, 31 Dec 9999 23:59:59 GMT"]:
        value = parse_retry_after(header, now=lambda: NOW)
        assert value is not None
        assert math.isfinite(value)
        assert value >= 0.0


@pytest.fixture
def new_york_time() -> Iterator[None]:
    """Run with the local time zone far from UTC, so local-time mistakes show."""
    if not hasattr(time, "tzset"):
        pytest.skip("time.tzset is not available on this platform")
    saved = os.environ.get("TZ")
    os.environ["TZ"] = "America/New_York"
    time.tzset()
    try:
        yield
    finally:
        if saved is None:
            del os.environ["TZ"]
        else:
            os.environ["TZ"] = saved
        time.tzset()


@pytest.mark.usefixtures("new_york_time")
@pytest.mark.parametrize("zone", ["GMT", "+0000", "-0000"])
def test_parse_retry_after_http_date_is_utc_not_local_time(zone: str) -> None:
    assert parse_retry_after(f"Wed, 21 Oct 2015 07:28:00 {zone}", now=lambda: NOW) == 10.0
