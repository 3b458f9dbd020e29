"""Retries by method: POST only when it provably did not take effect, PUT and DELETE always;
and what a retry sends.
"""

from __future__ import annotations

from collections.abc import Callable

import httpx
import pytest

import asana_typed as asana
from tests.conftest import ScriptedAsana
from tests.retry_helpers import (
    NO_JITTER,
    PROJECT,
    PROJECTS_URL,
    TASK,
    TASK_URL,
    error_body,
    make_client,
)

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
