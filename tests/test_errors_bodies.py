"""Error mapping: bodies that are not Asana's JSON (errors or successes) give typed errors."""

from __future__ import annotations

from collections.abc import Callable

import pytest

import asana_typed as asana
from tests.conftest import ScriptedAsana
from tests.error_helpers import ME_URL, TASK_URL, TOKEN

# -- error bodies that are not Asana's JSON -------------------------------------------------

HTML_PAGE = (
    b"<!DOCTYPE html><html><head><title>502 Bad Gateway</title></head>"
    b"<body><h1>Bad Gateway</h1><p>The proxy could not reach the server.</p></body></html>"
)


ODD_ERROR_BODIES = [
    pytest.param(HTML_PAGE, "text/html", "Bad Gateway", id="html-page"),
    pytest.param(b"upstream connect error", "text/plain", "upstream connect error", id="text"),
    pytest.param(b'[{"message": "in a list"}]', "application/json", "in a list", id="json-list"),
    pytest.param(b'"a json string"', "application/json", "a json string", id="json-string"),
    pytest.param(b'{"error": "singular"}', "application/json", "singular", id="no-errors-key"),
    pytest.param(b'{"errors": "flat"}', "application/json", "flat", id="errors-not-a-list"),
    pytest.param(b'{"errors": [{"message": "cut', "application/json", "cut", id="truncated"),
    pytest.param(b"\xff\xfe\x00garbage", None, "garbage", id="binary"),
    pytest.param(b"[" * 50_000, "application/json", "[[[", id="nested-too-deep"),
]


@pytest.mark.parametrize("status", [400, 404, 412, 429, 500, 503, 409])
@pytest.mark.parametrize(("content", "content_type", "snippet"), ODD_ERROR_BODIES)
def test_non_json_error_bodies_still_give_the_right_class(
    api: ScriptedAsana, status: int, content: bytes, content_type: str | None, snippet: str
) -> None:
    headers = {"content-type": content_type} if content_type else {}
    api.reply(status, content=content, headers=headers)

    with pytest.raises(asana.AsanaError) as info:
        api.client(max_retries=0).users.me()

    raised = info.value
    assert type(raised) is asana.errors.error_class_for_status(status)
    assert raised.status == status
    assert raised.method == "GET"
    assert raised.url == ME_URL
    assert raised.errors == ()
    text = str(raised)
    assert snippet in text
    assert f"{status}" in text
    assert f"GET {ME_URL}" in text
    assert raised.message == text
    assert len(text) < 600  # a snippet, not the whole body


def test_html_error_page_message_names_the_content_type(api: ScriptedAsana) -> None:
    api.reply(502, content=HTML_PAGE, headers={"content-type": "text/html; charset=utf-8"})

    with pytest.raises(asana.ServerError) as info:
        api.client(max_retries=0).users.me()

    assert "text/html" in str(info.value)
    assert "<title>502 Bad Gateway</title>" in str(info.value)


def test_long_error_body_is_cut_to_a_snippet(api: ScriptedAsana) -> None:
    api.reply(500, content=b"x" * 100_000, headers={"content-type": "text/plain"})

    with pytest.raises(asana.ServerError) as info:
        api.client(max_retries=0).users.me()

    text = str(info.value)
    assert "x" * 200 in text
    assert "x" * 201 not in text
    assert text.endswith("...")


@pytest.mark.parametrize("content", [b"", b"   \n"])
@pytest.mark.parametrize(
    ("status", "error"),
    [(401, asana.NoAuthorizationError), (404, asana.NotFoundError), (500, asana.ServerError)],
)
def test_empty_error_body(
    api: ScriptedAsana, content: bytes, status: int, error: type[asana.AsanaError]
) -> None:
    api.reply(status, content=content)

    with pytest.raises(error) as info:
        api.client(max_retries=0).users.me()

    assert info.value.status == status
    assert info.value.errors == ()
    assert "empty body" in str(info.value)
    assert f"GET {ME_URL}" in str(info.value)


def test_unknown_status_without_a_reason_phrase(api: ScriptedAsana) -> None:
    api.reply(499, content=b"")

    with pytest.raises(asana.UnexpectedStatusError) as info:
        api.client().users.me()

    assert info.value.status == 499
    assert str(info.value).startswith("499 ")


# -- success statuses with bodies that are not Asana's envelope ----------------------------

BAD_SUCCESS_BODIES = [
    pytest.param(HTML_PAGE, "text/html", "not valid JSON", id="html"),
    pytest.param(b'{"data": {"gid": "1"', "application/json", "not valid JSON", id="truncated"),
    pytest.param(b"{'data': {}}", "application/json", "not valid JSON", id="invalid-json"),
    pytest.param(b"", "application/json", "not valid JSON", id="empty"),
    pytest.param(b"\xff\xfe\xfd", "application/json", "not valid JSON", id="not-utf8"),
    pytest.param(b"[" * 50_000, "application/json", "not valid JSON", id="nested-too-deep"),
    pytest.param(b'[{"gid": "1"}]', "application/json", "no 'data'", id="json-array"),
    pytest.param(b'"ok"', "application/json", "no 'data'", id="json-string"),
    pytest.param(b"{}", "application/json", "no 'data'", id="no-data"),
    pytest.param(b'{"errors": [{"message": "x"}]}', "application/json", "no 'data'", id="errors"),
    pytest.param(b'{"data": null}', "application/json", "data", id="data-null"),
    pytest.param(b'{"data": "task"}', "application/json", "data", id="data-string"),
]


def _get_task(client: asana.Client) -> object:
    return client.tasks.get_task("1")


def _me(client: asana.Client) -> object:
    return client.users.me()


def _create_project(client: asana.Client) -> object:
    return client.projects.create_in_workspace("123", {"name": "p"})


def _workspaces(client: asana.Client) -> object:
    return list(client.workspaces.get_workspaces())


CALLS = [
    pytest.param(_get_task, "GET", TASK_URL, id="tasks.get_task"),
    pytest.param(_me, "GET", ME_URL, id="users.me"),
    pytest.param(
        _create_project,
        "POST",
        "https://app.asana.com/api/1.0/workspaces/123/projects",
        id="projects.create_in_workspace",
    ),
    pytest.param(
        _workspaces, "GET", "https://app.asana.com/api/1.0/workspaces", id="workspaces.find_all"
    ),
]


@pytest.mark.parametrize(("call", "method", "url"), CALLS)
@pytest.mark.parametrize(("content", "content_type", "reason"), BAD_SUCCESS_BODIES)
def test_bad_success_body_raises_invalid_response_error(
    api: ScriptedAsana,
    call: Callable[[asana.Client], object],
    method: str,
    url: str,
    content: bytes,
    content_type: str,
    reason: str,
) -> None:
    api.reply(200, content=content, headers={"content-type": content_type})

    with pytest.raises(asana.InvalidResponseError) as info:
        call(api.client())

    raised = info.value
    assert raised.status == 200
    assert raised.method == method
    assert raised.url == url
    assert f"{method} {url}" in str(raised)
    assert reason in str(raised)
    assert TOKEN not in str(raised)
    assert len(str(raised)) < 1000
    assert len(api.requests) == 1  # a bad body is not retried


def test_html_200_message_has_content_type_and_snippet(api: ScriptedAsana) -> None:
    api.reply(200, content=HTML_PAGE, headers={"content-type": "text/html"})

    with pytest.raises(asana.InvalidResponseError) as info:
        api.client().users.me()

    text = str(info.value)
    assert "text/html" in text
    assert "<!DOCTYPE html>" in text
    assert f"{len(HTML_PAGE)} bytes" in text


@pytest.mark.parametrize(
    "body",
    [
        pytest.param({"data": {"name": "no gid"}}, id="single"),
        pytest.param({"data": {"gid": None, "name": "null gid"}}, id="null-gid"),
    ],
)
def test_record_without_gid_is_an_invalid_response(api: ScriptedAsana, body: object) -> None:
    api.reply(200, body)

    with pytest.raises(asana.InvalidResponseError) as info:
        api.client().tasks.get_task("1")

    assert "gid" in str(info.value)
    assert info.value.url == TASK_URL


def test_list_item_without_gid_is_an_invalid_response(api: ScriptedAsana) -> None:
    api.data([{"gid": "1", "name": "A"}, {"name": "B"}])

    with pytest.raises(asana.InvalidResponseError) as info:
        list(api.client().workspaces.get_workspaces())

    assert "data.1.gid" in str(info.value)
    assert info.value.method == "GET"
