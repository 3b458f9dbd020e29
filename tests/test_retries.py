"""Retries: which failures are retried, how often, and how long the client waits in between.

Every sleep is recorded in ``api.sleeps`` instead of slept; nothing here touches the network.
"""

from __future__ import annotations

import email.utils
import math
import os
import time
from collections.abc import Callable, Iterator

import httpx
import pytest
from typing_extensions import Unpack

import asana_typed as asana
from asana_typed._retry import RetryPolicy, parse_retry_after
from tests.conftest import ScriptedAsana

TASK = {"gid": "1", "name": "Buy milk"}
PROJECT = {"gid": "77", "name": "new project"}
TASK_URL = "https://app.asana.com/api/1.0/tasks/1"
PROJECTS_URL = "https://app.asana.com/api/1.0/workspaces/123/projects"

# ``random`` always 0.5 means no jitter: the delays are exactly 1, 2, 4, ...
NO_JITTER = RetryPolicy(random=lambda: 0.5)


def make_client(
    api: ScriptedAsana, policy: RetryPolicy | None = None, **options: Unpack[asana.ClientOptions]
) -> asana.Client:
    """Like ``api.client()``, with a chosen retry policy."""
    http = httpx.Client(transport=httpx.MockTransport(api))
    return asana.Client.access_token(
        "0/secret-token-value",
        http_client=http,
        sleep=api.sleeps.append,
        retry_policy=policy,
        **options,
    )


def within_jitter(actual: list[float], nominal: list[float], jitter: float = 0.1) -> bool:
    return len(actual) == len(nominal) and all(
        n * (1 - jitter) <= a <= n * (1 + jitter) for a, n in zip(actual, nominal, strict=True)
    )


def error_body(message: str = "Server Error") -> dict[str, object]:
    return {"errors": [{"message": message, "phrase": "6 sad squid snuggle softly"}]}


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


# -- which statuses are retried -------------------------------------------------------------


@pytest.mark.parametrize("status", [500, 502, 503, 504])
def test_transient_server_errors_are_retried(api: ScriptedAsana, status: int) -> None:
    api.reply(status, error_body())
    api.data(TASK)

    task = make_client(api, NO_JITTER).tasks.get_task("1")

    assert task.name == "Buy milk"
    assert len(api.requests) == 2
    assert api.sleeps == [1.0]


@pytest.mark.parametrize(
    ("status", "error"),
    [
        (400, asana.InvalidRequestError),
        (401, asana.NoAuthorizationError),
        (403, asana.ForbiddenError),
        (404, asana.NotFoundError),
        (409, asana.UnexpectedStatusError),
        (412, asana.InvalidTokenError),
        (501, asana.ServerError),
        (505, asana.ServerError),
    ],
)
def test_other_errors_are_not_retried(
    api: ScriptedAsana, status: int, error: type[asana.AsanaError]
) -> None:
    api.reply(status, error_body("no"))
    api.data(TASK)  # would be the answer to a retry, which must not happen

    with pytest.raises(error) as info:
        api.client().tasks.get_task("1")

    assert info.value.status == status
    assert len(api.requests) == 1
    assert api.sleeps == []
    assert api.pending == 1


# -- attempt counts -----------------------------------------------------------------------


@pytest.mark.parametrize("max_retries", [0, 1, 3, 5])
def test_attempts_are_max_retries_plus_one_then_the_last_error(
    api: ScriptedAsana, max_retries: int
) -> None:
    for attempt in range(max_retries + 1):
        api.reply(503, error_body(f"attempt {attempt}"))

    with pytest.raises(asana.ServerError) as info:
        make_client(api, NO_JITTER).tasks.get_task("1", max_retries=max_retries)

    assert len(api.requests) == max_retries + 1
    assert len(api.sleeps) == max_retries
    assert info.value.status == 503
    assert info.value.message == f"attempt {max_retries}"  # the last response's error
    assert api.pending == 0


def test_default_max_retries_is_five(api: ScriptedAsana) -> None:
    for _ in range(6):
        api.reply(500, error_body())

    with pytest.raises(asana.ServerError):
        make_client(api, NO_JITTER).tasks.get_task("1")

    assert len(api.requests) == 6
    assert api.sleeps == [1.0, 2.0, 4.0, 8.0, 16.0]


@pytest.mark.parametrize(
    "queue",
    [
        pytest.param(lambda api: api.reply(500, error_body()), id="500"),
        pytest.param(lambda api: api.reply(429, error_body()), id="429"),
        pytest.param(lambda api: api.fail(httpx.ReadTimeout("slow")), id="read-timeout"),
        pytest.param(lambda api: api.fail(httpx.ConnectError("refused")), id="connect-error"),
    ],
)
def test_max_retries_zero_means_one_attempt(
    api: ScriptedAsana, queue: Callable[[ScriptedAsana], None]
) -> None:
    queue(api)
    api.data(TASK)

    with pytest.raises(asana.AsanaError):
        api.client(max_retries=0).tasks.get_task("1")

    assert len(api.requests) == 1
    assert api.sleeps == []


def test_max_retries_precedence_call_over_client_over_defaults(api: ScriptedAsana) -> None:
    asana.Client.DEFAULTS = {"max_retries": 4}
    client = make_client(api, NO_JITTER, max_retries=2)
    for _ in range(3):
        api.reply(500, error_body())
    with pytest.raises(asana.ServerError):
        client.tasks.get_task("1")
    assert len(api.requests) == 3  # client option 2 beats DEFAULTS 4

    api.reply(500, error_body())
    api.reply(500, error_body())
    with pytest.raises(asana.ServerError):
        client.tasks.get_task("1", max_retries=1)
    assert len(api.requests) == 5  # the call's 1 beats the client's 2


# -- timeouts and connection failures -----------------------------------------------------

TRANSPORT_FAILURES = [
    pytest.param(httpx.ReadTimeout, asana.AsanaTimeoutError, id="ReadTimeout"),
    pytest.param(httpx.ConnectTimeout, asana.AsanaTimeoutError, id="ConnectTimeout"),
    pytest.param(httpx.ConnectError, asana.AsanaConnectionError, id="ConnectError"),
    pytest.param(httpx.RemoteProtocolError, asana.AsanaConnectionError, id="RemoteProtocolError"),
]


@pytest.mark.parametrize(("failure", "error"), TRANSPORT_FAILURES)
def test_get_is_retried_after_transport_failures(
    api: ScriptedAsana, failure: type[httpx.TransportError], error: type[asana.AsanaError]
) -> None:
    api.fail(failure("first"))
    api.fail(failure("second"))
    api.data(TASK)

    task = make_client(api, NO_JITTER).tasks.get_task("1")

    assert task.name == "Buy milk"
    assert len(api.requests) == 3
    assert api.sleeps == [1.0, 2.0]


@pytest.mark.parametrize(("failure", "error"), TRANSPORT_FAILURES)
def test_transport_failures_end_in_typed_error_when_retries_run_out(
    api: ScriptedAsana, failure: type[httpx.TransportError], error: type[asana.AsanaError]
) -> None:
    failures = [failure(f"failure {n}") for n in range(3)]
    for exc in failures:
        api.fail(exc)

    with pytest.raises(error) as info:
        make_client(api, NO_JITTER, max_retries=2).tasks.get_task("1")

    raised = info.value
    assert type(raised) is error
    assert raised.__cause__ is failures[-1]
    assert isinstance(raised, asana.AsanaConnectionError)
    assert raised.status is None
    assert raised.method == "GET"
    assert raised.url == TASK_URL
    assert failure.__name__ in str(raised)
    assert "failure 2" in str(raised)
    assert "secret-token-value" not in str(raised)
    assert len(api.requests) == 3
    assert api.sleeps == [1.0, 2.0]


def test_connection_error_is_not_a_timeout_error(api: ScriptedAsana) -> None:
    api.fail(httpx.ConnectError("refused"))
    with pytest.raises(asana.AsanaConnectionError) as info:
        api.client(max_retries=0).tasks.get_task("1")
    assert not isinstance(info.value, asana.AsanaTimeoutError)


def test_timeouts_and_server_errors_share_one_retry_budget(api: ScriptedAsana) -> None:
    api.fail(httpx.ReadTimeout("slow"))
    api.reply(500, error_body())
    api.reply(429, error_body(), headers={"Retry-After": "3"})

    with pytest.raises(asana.RateLimitEnforcedError):
        make_client(api, NO_JITTER, max_retries=2).tasks.get_task("1")

    assert len(api.requests) == 3
    assert api.sleeps == [1.0, 2.0]


# -- POST is never repeated unless it provably did not take effect ------------------------


def create_project(client: asana.Client) -> asana.models.Project:
    return client.projects.create_in_workspace("123", {"name": "new project"})


@pytest.mark.parametrize(
    ("queue", "error"),
    [
        pytest.param(lambda api: api.reply(500, error_body()), asana.ServerError, id="500"),
        pytest.param(lambda api: api.reply(503, error_body()), asana.ServerError, id="503"),
        pytest.param(
            lambda api: api.fail(httpx.ReadTimeout("slow")),
            asana.AsanaTimeoutError,
            id="ReadTimeout",
        ),
        pytest.param(
            lambda api: api.fail(httpx.WriteTimeout("slow")),
            asana.AsanaTimeoutError,
            id="WriteTimeout",
        ),
        pytest.param(
            lambda api: api.fail(httpx.RemoteProtocolError("dropped")),
            asana.AsanaConnectionError,
            id="RemoteProtocolError",
        ),
        pytest.param(
            lambda api: api.fail(httpx.ReadError("reset")),
            asana.AsanaConnectionError,
            id="ReadError",
        ),
    ],
)
def test_post_is_never_repeated_when_it_may_have_taken_effect(
    api: ScriptedAsana, queue: Callable[[ScriptedAsana], None], error: type[asana.AsanaError]
) -> None:
    queue(api)
    api.data(PROJECT)  # a second attempt would create a second project

    with pytest.raises(error) as info:
        create_project(api.client())

    assert len(api.requests) == 1
    assert api.sleeps == []
    assert api.pending == 1
    assert info.value.method == "POST"
    assert info.value.url == PROJECTS_URL


@pytest.mark.parametrize(
    "queue",
    [
        pytest.param(
            lambda api: api.reply(429, error_body(), headers={"Retry-After": "2"}), id="429"
        ),
        pytest.param(lambda api: api.fail(httpx.ConnectError("refused")), id="ConnectError"),
        pytest.param(lambda api: api.fail(httpx.ConnectTimeout("no answer")), id="ConnectTimeout"),
        pytest.param(lambda api: api.fail(httpx.PoolTimeout("pool full")), id="PoolTimeout"),
    ],
)
def test_post_is_retried_when_it_provably_did_not_take_effect(
    api: ScriptedAsana, queue: Callable[[ScriptedAsana], None]
) -> None:
    queue(api)
    api.data(PROJECT)

    project = create_project(make_client(api, NO_JITTER))

    assert project.gid == "77"
    assert len(api.requests) == 2
    assert len(api.sleeps) == 1
    first, second = api.requests
    assert (first.method, second.method) == ("POST", "POST")
    assert first.url == second.url
    assert first.content == second.content  # the same body is sent again


def test_post_429_storm_gives_up_after_max_retries(api: ScriptedAsana) -> None:
    for _ in range(3):
        api.reply(429, error_body(), headers={"Retry-After": "1"})

    with pytest.raises(asana.RateLimitEnforcedError) as info:
        create_project(api.client(max_retries=2))

    assert len(api.requests) == 3
    assert api.sleeps == [1.0, 1.0]
    assert info.value.retry_after == 1.0
    assert info.value.method == "POST"


def test_post_connect_error_storm_gives_up_after_max_retries(api: ScriptedAsana) -> None:
    for _ in range(3):
        api.fail(httpx.ConnectError("refused"))

    with pytest.raises(asana.AsanaConnectionError):
        create_project(make_client(api, NO_JITTER, max_retries=2))

    assert len(api.requests) == 3
    assert api.sleeps == [1.0, 2.0]


# -- PUT and DELETE are idempotent ----------------------------------------------------------


def test_put_is_retried_after_500(api: ScriptedAsana) -> None:
    api.reply(500, error_body())
    api.data({"gid": "77", "name": "renamed"})

    project = make_client(api, NO_JITTER).projects.update("77", {"name": "renamed"})

    assert project.name == "renamed"
    assert [r.method for r in api.requests] == ["PUT", "PUT"]
    assert api.requests[0].content == api.requests[1].content
    assert api.sleeps == [1.0]


def test_put_is_retried_after_read_timeout(api: ScriptedAsana) -> None:
    api.fail(httpx.ReadTimeout("slow"))
    api.data({"gid": "1", "completed": True})

    task = make_client(api, NO_JITTER).tasks.update_task("1", {"completed": True})

    assert task.completed is True
    assert [r.method for r in api.requests] == ["PUT", "PUT"]


@pytest.mark.parametrize("status", [500, 502, 503, 504])
def test_delete_is_retried_after_5xx(api: ScriptedAsana, status: int) -> None:
    api.reply(status, error_body())
    api.data({})

    result = make_client(api, NO_JITTER).projects.delete("77")

    assert result is None
    assert [r.method for r in api.requests] == ["DELETE", "DELETE"]
    assert all(str(r.url) == "https://app.asana.com/api/1.0/projects/77" for r in api.requests)
    assert api.sleeps == [1.0]


def test_delete_task_gives_up_after_max_retries(api: ScriptedAsana) -> None:
    for _ in range(2):
        api.reply(500, error_body())

    with pytest.raises(asana.ServerError) as info:
        make_client(api, NO_JITTER, max_retries=1).tasks.delete_task("1")

    assert info.value.method == "DELETE"
    assert len(api.requests) == 2


# -- what a retry sends ---------------------------------------------------------------------


def test_retry_repeats_the_same_request(api: ScriptedAsana) -> None:
    api.reply(502, error_body())
    api.data(TASK)

    make_client(api, NO_JITTER).tasks.get_task("1", fields=["name", "notes"])

    first, second = api.requests
    assert first.url == second.url
    assert first.url.params["opt_fields"] == "name,notes"
    assert first.headers["authorization"] == second.headers["authorization"]


def test_retry_in_the_middle_of_pagination_asks_for_the_same_page(api: ScriptedAsana) -> None:
    api.reply(200, {"data": [{"gid": "1"}], "next_page": {"offset": "abc"}})
    api.reply(503, error_body())
    api.reply(200, {"data": [{"gid": "2"}], "next_page": None})

    tasks = list(make_client(api, NO_JITTER).tasks.get_tasks({"project": "9"}, page_size=1))

    assert [t.gid for t in tasks] == ["1", "2"]
    assert len(api.requests) == 3
    assert api.requests[1].url == api.requests[2].url
    assert api.requests[2].url.params["offset"] == "abc"
    assert api.sleeps == [1.0]


def test_undecodable_body_is_an_invalid_response_and_not_retried(api: ScriptedAsana) -> None:
    def gzip_garbage(request: httpx.Request) -> httpx.Response:
        return httpx.Response(
            200, headers={"content-encoding": "gzip"}, stream=httpx.ByteStream(b"not gzip")
        )

    api.handle(gzip_garbage)

    with pytest.raises(asana.InvalidResponseError) as info:
        api.client().tasks.get_task("1")

    assert isinstance(info.value.__cause__, httpx.DecodingError)
    assert info.value.method == "GET"
    assert info.value.url == TASK_URL
    assert len(api.requests) == 1


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
