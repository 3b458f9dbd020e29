"""Retries: exponential backoff, jitter, and 429 with Retry-After.

Every sleep is recorded in ``api.sleeps`` instead of slept; nothing here touches the network.
"""

from __future__ import annotations

import email.utils
import time

import pytest

import asana_typed as asana
from asana_typed._retry import RetryPolicy
from tests.conftest import ScriptedAsana
from tests.retry_helpers import NO_JITTER, TASK, TASK_URL, error_body, make_client, within_jitter

# -- exponential backoff ----------------------------------------------------------------


def test_three_500s_then_success_with_default_options(api: ScriptedAsana) -> None:
    for _ in range(3):
        api.reply(500, error_body())
    api.data(TASK)

    task = api.client().tasks.get_task("1")

    assert task.name == "Buy milk"
    assert len(api.requests) == 4
    assert within_jitter(api.sleeps, [1.0, 2.0, 4.0]), api.sleeps
    assert all(str(r.url) == TASK_URL for r in api.requests)


def test_three_500s_then_success_without_jitter_waits_exactly_1_2_4(api: ScriptedAsana) -> None:
    for _ in range(3):
        api.reply(500, error_body())
    api.data(TASK)

    task = make_client(api, NO_JITTER).tasks.get_task("1")

    assert task.gid == "1"
    assert len(api.requests) == 4
    assert api.sleeps == [1.0, 2.0, 4.0]


@pytest.mark.parametrize(
    ("random_value", "expected"),
    [
        pytest.param(0.0, [0.9, 1.8, 3.6], id="lowest-jitter"),
        pytest.param(0.999999, [1.1, 2.2, 4.4], id="highest-jitter"),
    ],
)
def test_jitter_stays_within_ten_percent(
    api: ScriptedAsana, random_value: float, expected: list[float]
) -> None:
    for _ in range(3):
        api.reply(503, error_body())
    api.data(TASK)

    make_client(api, RetryPolicy(random=lambda: random_value)).tasks.get_task("1")

    assert api.sleeps == pytest.approx(expected, rel=1e-5)


def test_default_jitter_varies_between_retries(api: ScriptedAsana) -> None:
    # Five retries with the real ``random.random``: all within band, not all the exact nominal.
    for _ in range(5):
        api.reply(500, error_body())
    api.data(TASK)

    api.client().tasks.get_task("1")

    nominal = [1.0, 2.0, 4.0, 8.0, 16.0]
    assert within_jitter(api.sleeps, nominal), api.sleeps
    assert api.sleeps != nominal


def test_backoff_is_capped_at_60_seconds(api: ScriptedAsana) -> None:
    for _ in range(9):
        api.reply(500, error_body())
    api.data(TASK)

    make_client(api, NO_JITTER, max_retries=9).tasks.get_task("1")

    assert api.sleeps == [1.0, 2.0, 4.0, 8.0, 16.0, 32.0, 60.0, 60.0, 60.0]
    assert len(api.requests) == 10


def test_jittered_backoff_never_exceeds_the_cap(api: ScriptedAsana) -> None:
    for _ in range(10):
        api.reply(500, error_body())
    api.data(TASK)

    make_client(api, RetryPolicy(random=lambda: 0.999999), max_retries=10).tasks.get_task("1")

    assert max(api.sleeps) == 60.0
    assert api.sleeps[6:] == [60.0] * 4


# -- 429 and Retry-After ------------------------------------------------------------------


def test_429_waits_exactly_retry_after(api: ScriptedAsana) -> None:
    api.reply(429, error_body("Rate limited"), headers={"Retry-After": "10"})
    api.data(TASK)

    task = api.client().tasks.get_task("1")

    assert task.gid == "1"
    assert api.sleeps == [10.0]
    assert len(api.requests) == 2


def test_429_retry_after_is_not_jittered_or_capped(api: ScriptedAsana) -> None:
    api.reply(429, error_body(), headers={"Retry-After": "90"})
    api.reply(429, error_body(), headers={"Retry-After": "0"})
    api.data(TASK)

    api.client().tasks.get_task("1")

    assert api.sleeps == [90.0, 0.0]


def test_429_without_retry_after_backs_off_exponentially(api: ScriptedAsana) -> None:
    for _ in range(3):
        api.reply(429, error_body())
    api.data(TASK)

    make_client(api, NO_JITTER).tasks.get_task("1")

    assert api.sleeps == [1.0, 2.0, 4.0]
    assert len(api.requests) == 4


@pytest.mark.parametrize("header", ["soon", "-5", "nan", "inf", ""])
def test_429_with_unusable_retry_after_backs_off(api: ScriptedAsana, header: str) -> None:
    api.reply(429, error_body(), headers={"Retry-After": header})
    api.data(TASK)

    make_client(api, NO_JITTER).tasks.get_task("1")

    assert api.sleeps == [1.0]


def test_429_retry_after_as_http_date(api: ScriptedAsana) -> None:
    when = email.utils.formatdate(time.time() + 30, usegmt=True)
    api.reply(429, error_body(), headers={"Retry-After": when})
    api.data(TASK)

    api.client().tasks.get_task("1")

    # The date has one-second resolution and a little time passes before it is read.
    assert len(api.sleeps) == 1
    assert 28.0 < api.sleeps[0] <= 30.0


def test_429_retry_after_http_date_in_the_past_retries_at_once(api: ScriptedAsana) -> None:
    api.reply(429, error_body(), headers={"Retry-After": "Wed, 21 Oct 2015 07:28:00 GMT"})
    api.data(TASK)

    api.client().tasks.get_task("1")

    assert api.sleeps == [0.0]


def test_429_storm_raises_rate_limit_error_after_max_retries_plus_one(api: ScriptedAsana) -> None:
    for _ in range(6):
        api.reply(429, error_body("You have made too many requests"), headers={"Retry-After": "7"})

    with pytest.raises(asana.RateLimitEnforcedError) as info:
        api.client().tasks.get_task("1")

    assert len(api.requests) == 6  # max_retries (5) + 1
    assert api.sleeps == [7.0] * 5
    assert info.value.retry_after == 7.0
    assert info.value.status == 429
    assert info.value.message == "You have made too many requests"
    assert api.pending == 0
