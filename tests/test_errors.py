"""Error mapping: every status to its exception class, bad bodies to clear typed errors,
and responses that disagree with the models kept as sent (with a warning), never a crash.
"""

from __future__ import annotations

import json
import warnings
from collections.abc import Callable
from typing import Any

import httpx
import pytest

import asana_typed as asana
from asana_typed import models
from tests.conftest import ScriptedAsana

ME_URL = "https://app.asana.com/api/1.0/users/me"
TASK_URL = "https://app.asana.com/api/1.0/tasks/1"
TOKEN = "secret-token-value"


def asana_errors(*entries: tuple[str, str | None, str | None]) -> dict[str, object]:
    """Asana's error body: ``{"errors": [{"message", "help", "phrase"}, ...]}``."""
    return {
        "errors": [
            {
                "message": message,
                **({"help": help_} if help_ is not None else {}),
                **({"phrase": phrase} if phrase is not None else {}),
            }
            for message, help_, phrase in entries
        ]
    }


HELP = "For more information on API status codes and how to handle them, read the docs."

# -- status -> class ----------------------------------------------------------------------

STATUS_CLASSES = [
    pytest.param(400, asana.InvalidRequestError, id="400"),
    pytest.param(401, asana.NoAuthorizationError, id="401"),
    pytest.param(402, asana.PremiumOnlyError, id="402"),
    pytest.param(403, asana.ForbiddenError, id="403"),
    pytest.param(404, asana.NotFoundError, id="404"),
    pytest.param(409, asana.UnexpectedStatusError, id="409"),
    pytest.param(412, asana.InvalidTokenError, id="412"),
    pytest.param(429, asana.RateLimitEnforcedError, id="429"),
    pytest.param(451, asana.UnexpectedStatusError, id="451"),
    pytest.param(500, asana.ServerError, id="500"),
    pytest.param(503, asana.ServerError, id="503"),
]


@pytest.mark.parametrize(("status", "error"), STATUS_CLASSES)
def test_status_maps_to_its_error_class_with_all_details(
    api: ScriptedAsana, status: int, error: type[asana.AsanaError]
) -> None:
    api.reply(status, asana_errors(("Something went wrong", HELP, "6 sad squid snuggle softly")))

    with pytest.raises(asana.AsanaError) as info:
        api.client(max_retries=0).users.me()

    raised = info.value
    assert type(raised) is error
    assert raised.status == status
    assert raised.method == "GET"
    assert raised.url == ME_URL
    assert raised.errors == (
        asana.ErrorDetail("Something went wrong", HELP, "6 sad squid snuggle softly"),
    )
    assert raised.message == "Something went wrong"
    assert raised.help == HELP
    assert raised.phrase == "6 sad squid snuggle softly"
    text = str(raised)
    assert str(status) in text
    assert f"GET {ME_URL}" in text
    assert "Something went wrong" in text
    assert TOKEN not in text
    assert TOKEN not in repr(raised)
    assert len(api.requests) == 1


@pytest.mark.parametrize(("status", "error"), STATUS_CLASSES)
def test_every_error_class_is_an_asana_error(status: int, error: type[asana.AsanaError]) -> None:
    assert issubclass(error, asana.AsanaError)
    assert issubclass(error, Exception)


def test_error_classes_are_distinct_and_exported() -> None:
    classes = {
        asana.InvalidRequestError,
        asana.NoAuthorizationError,
        asana.PremiumOnlyError,
        asana.ForbiddenError,
        asana.NotFoundError,
        asana.InvalidTokenError,
        asana.RateLimitEnforcedError,
        asana.ServerError,
        asana.UnexpectedStatusError,
        asana.InvalidResponseError,
        asana.AsanaConnectionError,
        asana.AsanaTimeoutError,
    }
    assert len(classes) == 12
    assert all(issubclass(c, asana.AsanaError) for c in classes)
    assert issubclass(asana.AsanaTimeoutError, asana.AsanaConnectionError)
    # A status error is never mistaken for a connection failure, nor the other way round.
    assert not issubclass(asana.ServerError, asana.AsanaConnectionError)


@pytest.mark.parametrize(
    ("status", "error"),
    [
        (300, asana.UnexpectedStatusError),
        (302, asana.UnexpectedStatusError),
        (405, asana.UnexpectedStatusError),
        (418, asana.UnexpectedStatusError),
        (501, asana.ServerError),
        (502, asana.ServerError),
        (504, asana.ServerError),
        (599, asana.ServerError),
    ],
)
def test_other_statuses(api: ScriptedAsana, status: int, error: type[asana.AsanaError]) -> None:
    api.reply(status, asana_errors(("nope", None, None)))

    with pytest.raises(error) as info:
        api.client(max_retries=0).users.me()

    assert type(info.value) is error
    assert info.value.status == status
    assert info.value.message == "nope"


def test_invalid_token_error_carries_the_fresh_sync_token(api: ScriptedAsana) -> None:
    api.reply(
        412,
        {
            "sync": "de4774f6915eae04714ca93bb2f5ee81",
            "errors": [{"message": "Sync token invalid or too old."}],
        },
    )

    with pytest.raises(asana.InvalidTokenError) as info:
        api.client().users.me()

    assert info.value.sync == "de4774f6915eae04714ca93bb2f5ee81"
    assert info.value.status == 412
    assert info.value.message == "Sync token invalid or too old."
    assert info.value.help is None
    assert info.value.phrase is None


@pytest.mark.parametrize(
    "body",
    [
        pytest.param({"errors": [{"message": "Sync token invalid"}]}, id="no-sync"),
        pytest.param({"sync": 12345, "errors": []}, id="sync-not-a-string"),
        pytest.param([], id="json-list"),
    ],
)
def test_invalid_token_error_without_a_usable_sync(api: ScriptedAsana, body: object) -> None:
    api.reply(412, body)

    with pytest.raises(asana.InvalidTokenError) as info:
        api.client().users.me()

    assert info.value.sync is None
    assert info.value.status == 412


@pytest.mark.parametrize(
    ("header", "expected"),
    [("30", 30.0), ("0", 0.0), (None, None), ("soon", None)],
)
def test_rate_limit_error_carries_retry_after(
    api: ScriptedAsana, header: str | None, expected: float | None
) -> None:
    headers = {"Retry-After": header} if header is not None else None
    api.reply(
        429,
        asana_errors(("You have made too many requests recently.", None, None)),
        headers=headers,
    )

    with pytest.raises(asana.RateLimitEnforcedError) as info:
        api.client(max_retries=0).users.me()

    assert info.value.retry_after == expected
    assert info.value.status == 429


@pytest.mark.parametrize("status", [500, 502, 503, 504, 507])
def test_server_error_keeps_its_real_status(api: ScriptedAsana, status: int) -> None:
    api.reply(status, asana_errors(("Server Error", None, "25 ugly ducks bounce gently")))

    with pytest.raises(asana.ServerError) as info:
        api.client(max_retries=0).users.me()

    assert info.value.status == status
    assert info.value.phrase == "25 ugly ducks bounce gently"


def test_several_asana_errors_are_all_kept(api: ScriptedAsana) -> None:
    api.reply(
        400,
        asana_errors(
            ("workspace: Missing input", "Pass a workspace gid", None),
            ("name: Too long", None, None),
        ),
    )

    with pytest.raises(asana.InvalidRequestError) as info:
        api.client().projects.create_in_workspace("123", {"name": "x" * 5})

    raised = info.value
    assert [e.message for e in raised.errors] == ["workspace: Missing input", "name: Too long"]
    assert raised.message == "workspace: Missing input"
    assert raised.help == "Pass a workspace gid"
    assert "workspace: Missing input" in str(raised)
    assert "name: Too long" in str(raised)
    assert raised.method == "POST"
    assert raised.url == "https://app.asana.com/api/1.0/workspaces/123/projects"


def test_malformed_error_entries_are_skipped_not_fatal(api: ScriptedAsana) -> None:
    api.reply(
        400,
        {
            "errors": [
                "just a string",
                {"phrase": "no message"},
                {"message": 42},
                {"message": "Bad param", "help": 5, "phrase": ["x"]},
            ]
        },
    )

    with pytest.raises(asana.InvalidRequestError) as info:
        api.client().users.me()

    assert info.value.errors == (asana.ErrorDetail("Bad param"),)
    assert info.value.help is None
    assert info.value.phrase is None


def test_error_url_leaves_out_the_query_string(api: ScriptedAsana) -> None:
    api.reply(404, asana_errors(("Unknown object", None, None)))

    with pytest.raises(asana.NotFoundError) as info:
        api.client().tasks.get_task("1", fields=["name", "notes"])

    assert "opt_fields" in str(api.last.url)
    assert info.value.url == TASK_URL
    assert "opt_fields" not in str(info.value)


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


# -- responses that disagree with the models: kept as sent, with a warning -------------------


def test_wrong_type_is_kept_as_sent_with_a_warning(api: ScriptedAsana) -> None:
    sent = {"gid": "1", "name": 123, "notes": "fine", "completed": False}
    api.data(sent)

    with pytest.warns(asana.ResponseValidationWarning, match=r"data\.name") as record:
        task = api.client().tasks.get_task("1")

    assert len(record) == 1
    assert isinstance(task, models.Task)
    name: object = task.name  # typed str, but the API sent an int
    assert name == 123
    assert task["name"] == 123
    assert task.notes == "fine"
    assert task.completed is False
    assert task.model_dump(warnings=False) == sent


def test_warning_names_method_and_url(api: ScriptedAsana) -> None:
    api.data({"gid": "42", "email": ["not", "a", "string"]})

    with pytest.warns(asana.ResponseValidationWarning) as record:
        user = api.client().users.me()

    assert f"GET {ME_URL}" in str(record[0].message)
    assert "data.email" in str(record[0].message)
    email: object = user.email
    assert email == ["not", "a", "string"]


def test_several_bad_fields_are_all_kept(api: ScriptedAsana) -> None:
    sent: dict[str, Any] = {
        "gid": "1",
        "name": ["a", "list"],
        "created_at": "not a date",
        "due_on": 20240101,
        "liked": {"no": "bool"},
        "notes": "fine",
    }
    api.data(sent)

    with pytest.warns(asana.ResponseValidationWarning) as record:
        task = api.client().tasks.get_task("1")

    message = str(record[0].message)
    for path in ("data.name", "data.created_at", "data.due_on", "data.liked"):
        assert path in message
    assert "data.notes" not in message
    assert task["created_at"] == "not a date"
    assert task["due_on"] == 20240101
    assert task.notes == "fine"
    assert task.model_dump(warnings=False) == sent


def test_bad_nested_field_in_a_list_item(api: ScriptedAsana) -> None:
    sent = [
        {"gid": "1", "name": "good"},
        {"gid": "2", "name": "bad assignee", "assignee": {"gid": "9", "name": 7}},
        {"gid": "3", "name": "bad membership", "memberships": [{"project": "not an object"}]},
    ]
    api.data(sent)

    with pytest.warns(asana.ResponseValidationWarning) as record:
        tasks = list(api.client().tasks.get_tasks({"project": "5"}))

    assert [t.gid for t in tasks] == ["1", "2", "3"]
    assert all(isinstance(t, models.Task) for t in tasks)
    assert tasks[0].name == "good"
    assert isinstance(tasks[1].assignee, models.User)
    assert tasks[1].assignee.gid == "9"
    assert tasks[1].assignee["name"] == 7
    assert tasks[2].memberships[0]["project"] == "not an object"
    message = str(record[0].message)
    assert "data.1.assignee.name" in message
    assert "data.2.memberships.0.project" in message
    assert [t.model_dump(warnings=False) for t in tasks] == sent


def test_bad_field_with_full_payload(api: ScriptedAsana) -> None:
    api.reply(200, {"data": {"gid": "1", "name": 5}, "sync": "s1"})

    with pytest.warns(asana.ResponseValidationWarning):
        envelope = api.client().tasks.get_task("1", full_payload=True)

    assert isinstance(envelope, asana.Envelope)
    assert envelope.data.gid == "1"
    assert envelope.data["name"] == 5
    assert envelope.sync == "s1"


def test_bad_field_on_a_project_and_workspace(api: ScriptedAsana) -> None:
    api.data({"gid": "77", "archived": "maybe", "name": "P"})
    api.data([{"gid": "5", "is_organization": {"x": 1}, "name": "W"}])
    client = api.client()

    with pytest.warns(asana.ResponseValidationWarning, match=r"data\.archived"):
        project = client.projects.create_in_workspace("123", {"name": "P"})
    with pytest.warns(asana.ResponseValidationWarning, match=r"data\.0\.is_organization"):
        workspaces = list(client.workspaces.get_workspaces())

    assert project["archived"] == "maybe"
    assert project.name == "P"
    assert workspaces[0]["is_organization"] == {"x": 1}
    assert workspaces[0].name == "W"


def test_unknown_fields_pass_silently_and_round_trip(api: ScriptedAsana) -> None:
    sent = {
        "gid": "1",
        "name": "T",
        "brand_new_field": {"nested": [1, 2, 3]},
        "another_one": None,
    }
    api.data(sent)

    with warnings.catch_warnings():
        warnings.simplefilter("error")
        task = api.client().tasks.get_task("1")
        dumped = task.model_dump()

    assert task["brand_new_field"] == {"nested": [1, 2, 3]}
    assert task.model_extra == {"brand_new_field": {"nested": [1, 2, 3]}, "another_one": None}
    assert dumped == sent


def test_unknown_enum_values_pass_silently_and_round_trip(api: ScriptedAsana) -> None:
    task_sent = {"gid": "1", "resource_subtype": "quantum_task", "approval_status": "vetoed"}
    project_sent = {"gid": "2", "color": "ultraviolet", "default_view": "hologram"}
    api.data(task_sent)
    api.data(project_sent)
    client = api.client()

    with warnings.catch_warnings():
        warnings.simplefilter("error")
        task = client.tasks.get_task("1")
        project = client.projects.get_project("2")
        dumps = (task.model_dump(), project.model_dump())

    # Typed as the spec's Literal; at run time the new value is kept as the string sent.
    subtype: object = task.resource_subtype
    approval: object = task.approval_status
    color: object = project.color
    assert (subtype, approval, color) == ("quantum_task", "vetoed", "ultraviolet")
    assert dumps == (task_sent, project_sent)


def test_known_enum_value_still_parses(api: ScriptedAsana) -> None:
    api.data({"gid": "1", "resource_subtype": "milestone"})

    task = api.client().tasks.get_task("1")

    assert task.resource_subtype == "milestone"


# -- values kept as sent ----------------------------------------------------------------------


def test_model_dump_of_kept_value_does_not_warn(api: ScriptedAsana) -> None:
    sent = {"gid": "1", "name": 123}
    api.data(sent)
    with pytest.warns(asana.ResponseValidationWarning):
        task = api.client().tasks.get_task("1")

    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert task.model_dump() == sent


@pytest.mark.parametrize("value", ["yes", 1, "true"])
def test_lax_coercion_is_reported_and_value_kept(api: ScriptedAsana, value: object) -> None:
    sent = {"gid": "1", "completed": value}
    api.data(sent)

    with pytest.warns(asana.ResponseValidationWarning, match=r"data\.completed"):
        task = api.client().tasks.get_task("1")

    completed: object = task.completed
    assert completed == value
    assert type(completed) is type(value)
    assert task.model_dump(warnings=False) == sent


def test_nested_record_with_bad_gid_is_kept_as_sent(api: ScriptedAsana) -> None:
    sent = {"gid": "1", "name": "T", "assignee": {"gid": 5, "name": "Ann"}}
    api.data(sent)

    with pytest.warns(asana.ResponseValidationWarning, match=r"data\.assignee"):
        task = api.client().tasks.get_task("1")

    assert task.name == "T"
    assert task["assignee"] is not None
    assert task.model_dump(warnings=False) == sent


def test_validation_warning_points_at_the_callers_line(api: ScriptedAsana) -> None:
    api.data({"gid": "1", "name": 123})

    with pytest.warns(asana.ResponseValidationWarning) as record:
        api.client().tasks.get_task("1")

    assert record[0].filename == __file__


# -- warnings about responses point at the caller ------------------------------------------


def test_asana_change_warning_points_at_the_callers_line(api: ScriptedAsana) -> None:
    change = {"Asana-Change": "name=new_goal_memberships;info=https://asana.com/x;affected=true"}
    api.reply(200, {"data": {"gid": "1"}}, headers=change)
    api.reply(200, {"data": [{"gid": "1"}]}, headers=change)
    client = api.client()

    with pytest.warns(asana.AsanaChangeWarning, match="new_goal_memberships") as single:
        client.tasks.get_task("1")
    with pytest.warns(asana.AsanaChangeWarning) as paged:
        list(client.tasks.get_tasks({"project": "1"}))

    assert single[0].filename == __file__
    assert paged[0].filename == __file__


def test_errors_survive_json_round_trip_of_their_details(api: ScriptedAsana) -> None:
    # What a logging handler might do with an error: its details serialize cleanly.
    api.reply(403, asana_errors(("Forbidden", "Ask an admin", None)))

    with pytest.raises(asana.ForbiddenError) as info:
        api.client().users.me()

    details = [
        {"message": e.message, "help": e.help, "phrase": e.phrase} for e in info.value.errors
    ]
    assert json.loads(json.dumps(details)) == [
        {"message": "Forbidden", "help": "Ask an admin", "phrase": None}
    ]
    assert repr(info.value.errors[0]) == (
        "ErrorDetail(message='Forbidden', help='Ask an admin', phrase=None)"
    )


def test_transport_error_mentions_no_credentials(api: ScriptedAsana) -> None:
    api.fail(httpx.ConnectError("connection refused"))

    with pytest.raises(asana.AsanaConnectionError) as info:
        api.client(max_retries=0).users.me()

    assert TOKEN not in str(info.value)
    assert TOKEN not in repr(info.value)
    assert info.value.status is None
    assert info.value.errors == ()
    assert info.value.message == str(info.value)
