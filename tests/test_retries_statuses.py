"""Retries: which statuses are retried, attempt counts, timeouts and connection failures.

Every sleep is recorded in ``api.sleeps`` instead of slept; nothing here touches the network.
"""

from __future__ import annotations

from collections.abc import Callable

import httpx
import pytest

import asana_typed as asana
from tests.conftest import ScriptedAsana
from tests.retry_helpers import NO_JITTER, TASK, TASK_URL, error_body, make_client

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
