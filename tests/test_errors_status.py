"""Error mapping: every status to its exception class, with all the details Asana sent."""

from __future__ import annotations

import pytest

import asana_typed as asana
from tests.conftest import ScriptedAsana
from tests.error_helpers import HELP, ME_URL, TASK_URL, TOKEN, asana_errors

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
