"""Option validation: unknown options and bad values are refused with a clear error."""

from __future__ import annotations

import math

import pytest

import asana_typed as asana
from asana_typed.models import Task
from tests.conftest import ScriptedAsana
from tests.option_helpers import query

# -- unknown options ----------------------------------------------------------------------


MISSPELLINGS = [
    ("page_sise", "page_size"),
    ("fileds", "fields"),
    ("max_retry", "max_retries"),
    ("base_uri", "base_url"),
    ("itemlimit", "item_limit"),
    ("full_payloud", "full_payload"),
]


@pytest.mark.parametrize(("wrong", "right"), MISSPELLINGS)
def test_unknown_option_in_constructor(api: ScriptedAsana, wrong: str, right: str) -> None:
    with pytest.raises(asana.InvalidOptionError) as info:
        api.client(**{wrong: 10})  # type: ignore[arg-type]  # a misspelt option on purpose
    assert f"{wrong!r}" in str(info.value)
    assert f"did you mean {right!r}" in str(info.value)
    assert api.requests == []


@pytest.mark.parametrize(("wrong", "right"), MISSPELLINGS)
def test_unknown_option_in_client_options(api: ScriptedAsana, wrong: str, right: str) -> None:
    client = api.client()
    client.options[wrong] = 10  # type: ignore[literal-required]  # a misspelt option on purpose
    with pytest.raises(asana.InvalidOptionError) as info:
        client.users.me()
    assert f"{wrong!r}" in str(info.value)
    assert f"did you mean {right!r}" in str(info.value)
    assert "client.options" in str(info.value)
    assert api.requests == []


@pytest.mark.parametrize(("wrong", "right"), MISSPELLINGS)
def test_unknown_option_in_defaults(api: ScriptedAsana, wrong: str, right: str) -> None:
    asana.Client.DEFAULTS = {wrong: 10}  # type: ignore[misc]  # a misspelt option on purpose
    client = api.client()
    with pytest.raises(asana.InvalidOptionError) as info:
        client.users.me()
    assert f"{wrong!r}" in str(info.value)
    assert f"did you mean {right!r}" in str(info.value)
    assert "Client.DEFAULTS" in str(info.value)
    assert api.requests == []


@pytest.mark.parametrize(("wrong", "right"), MISSPELLINGS)
def test_unknown_option_in_call(api: ScriptedAsana, wrong: str, right: str) -> None:
    client = api.client()
    with pytest.raises(asana.InvalidOptionError) as info:
        client.users.me(**{wrong: 10})  # type: ignore[call-overload]  # a misspelt option on purpose
    assert f"{wrong!r}" in str(info.value)
    assert f"did you mean {right!r}" in str(info.value)
    assert api.requests == []


def test_unknown_option_without_close_match_lists_known_options(api: ScriptedAsana) -> None:
    client = api.client()
    with pytest.raises(asana.InvalidOptionError) as info:
        client.users.me(zzzz=1)  # type: ignore[call-overload]  # an unknown option on purpose
    message = str(info.value)
    assert "'zzzz'" in message
    assert "did you mean" not in message
    assert "known options:" in message
    assert "page_size" in message


def test_api_parameter_passed_as_option_is_not_a_silent_query_parameter(
    api: ScriptedAsana,
) -> None:
    client = api.client()
    with pytest.raises(asana.InvalidOptionError, match="'project'"):
        client.tasks.find_all(project="9", iterator_type=None)  # type: ignore[call-overload]  # param as option
    assert api.requests == []


def test_invalid_option_error_is_an_asana_error_and_a_type_error() -> None:
    assert issubclass(asana.InvalidOptionError, asana.AsanaError)
    assert issubclass(asana.InvalidOptionError, TypeError)


# -- bad values -------------------------------------------------------------------------------

BAD_VALUES: list[tuple[str, object]] = [
    ("page_size", 0),
    ("page_size", -5),
    ("page_size", "10"),
    ("page_size", True),
    ("page_size", 2.5),
    ("max_retries", -1),
    ("max_retries", 1.5),
    ("max_retries", None),
    ("iterator_type", "pages"),
    ("iterator_type", "item"),
    ("timeout", 0),
    ("timeout", -1),
    ("timeout", math.nan),
    ("timeout", math.inf),
    ("timeout", "30"),
    ("fields", 5),
    ("fields", str),
    ("fields", dict),
    ("fields", [""]),
    ("fields", ["name", 1]),
    ("fields", "name, "),
    ("fields", [" "]),
    ("expand", 5),
    ("expand", int),
    ("pretty", "yes"),
    ("full_payload", 1),
    ("item_limit", -1),
    ("item_limit", "3"),
    ("poll_interval", -1),
    ("poll_interval", math.nan),
    ("offset", 5),
    ("sync", 5),
    ("client_name", 5),
    ("asana_enable", [""]),
    ("asana_enable", 5),
    ("asana_disable", [None]),
    ("headers", {"X-A": 1}),
    ("headers", ["X-A"]),
    ("headers", {"X-A": "a\r\nX-Injected: b"}),
    ("headers", {"": "a"}),
    ("base_url", "app.asana.com/api/1.0"),
    ("base_url", "ftp://app.asana.com"),
    ("base_url", "https://"),
    ("base_url", 5),
]


BAD_IDS = [f"{name}={value!r}" for name, value in BAD_VALUES]


@pytest.mark.parametrize(("name", "value"), BAD_VALUES, ids=BAD_IDS)
def test_bad_value_in_call(api: ScriptedAsana, name: str, value: object) -> None:
    client = api.client()
    with pytest.raises(asana.InvalidOptionError, match=name):
        client.tasks.find_all({"project": "9"}, **{name: value})  # type: ignore[call-overload]  # bad values on purpose
    assert api.requests == []


@pytest.mark.parametrize(("name", "value"), BAD_VALUES, ids=BAD_IDS)
def test_bad_value_in_constructor(api: ScriptedAsana, name: str, value: object) -> None:
    with pytest.raises(asana.InvalidOptionError, match=name):
        api.client(**{name: value})  # type: ignore[arg-type]  # bad values on purpose


@pytest.mark.parametrize(("name", "value"), BAD_VALUES, ids=BAD_IDS)
def test_bad_value_in_client_options(api: ScriptedAsana, name: str, value: object) -> None:
    client = api.client()
    client.options[name] = value  # type: ignore[literal-required]  # bad values on purpose
    with pytest.raises(asana.InvalidOptionError, match=name):
        next(iter(client.tasks.find_all({"project": "9"})))
    assert api.requests == []


@pytest.mark.parametrize(("name", "value"), BAD_VALUES, ids=BAD_IDS)
def test_bad_value_in_defaults(api: ScriptedAsana, name: str, value: object) -> None:
    asana.Client.DEFAULTS = {name: value}  # type: ignore[misc]  # bad values on purpose
    # Checked when the client is built (base_url) or at the latest by the first call.
    with pytest.raises(asana.InvalidOptionError, match=name):
        api.client().users.me()
    assert api.requests == []


@pytest.mark.parametrize(
    ("options", "expected_query"),
    [
        ({"page_size": 1}, {"project": "9", "limit": "1"}),
        ({"timeout": None}, {"project": "9", "limit": "50"}),
        ({"timeout": 0.5, "poll_interval": 0}, {"project": "9", "limit": "50"}),
        ({"item_limit": None}, {"project": "9", "limit": "50"}),
        ({"item_limit": 3}, {"project": "9", "limit": "3"}),
        (
            {"fields": ("name", " notes ")},
            {"project": "9", "limit": "50", "opt_fields": "name,notes"},
        ),
        ({"fields": "name, notes"}, {"project": "9", "limit": "50", "opt_fields": "name,notes"}),
        ({"max_retries": 0}, {"project": "9", "limit": "50"}),
        ({"base_url": "https://app.asana.com/api/1.0/"}, {"project": "9", "limit": "50"}),
    ],
)
def test_good_values_are_accepted(
    api: ScriptedAsana, options: dict[str, object], expected_query: dict[str, str]
) -> None:
    client = api.client(**options)  # type: ignore[arg-type]  # a table of valid options
    api.data([])
    client.tasks.find_all({"project": "9"}, iterator_type=None)
    assert query(api) == expected_query
    assert api.last.url.path == "/api/1.0/tasks"


def test_projection_model_class_is_a_valid_fields_value(api: ScriptedAsana) -> None:
    class TaskName(Task):
        pass

    client = api.client()
    api.data({"gid": "1", "name": "t"})
    task = client.tasks.find_by_id("1", fields=TaskName)
    assert isinstance(task, TaskName)
    assert "opt_fields" in query(api)
