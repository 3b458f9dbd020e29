"""Option precedence and validation: ``Client.DEFAULTS`` < ``client.options`` < call keywords.

Every assertion looks at the request that was actually sent (query, URL, headers, number
of attempts), not at internal state.
"""

from __future__ import annotations

import copy
import datetime
import math

import httpx
import pytest

import asana_typed as asana
from asana_typed.api.projects import CreateProjectData
from asana_typed.api.tasks import CreateTaskData, GetTasksParams, UpdateTaskData
from asana_typed.models import Task
from tests.conftest import ScriptedAsana

USER = {"gid": "1", "name": "Ann"}


def query(api: ScriptedAsana) -> dict[str, str]:
    """The last request's query as a dict (each name is sent at most once)."""
    params = api.last.url.params
    assert len(params.multi_items()) == len(params), f"repeated query names: {params}"
    return dict(params)


def one_page(api: ScriptedAsana, client: asana.Client) -> dict[str, str]:
    """Fetch one page of tasks and return the query that was sent."""
    api.data([])
    client.tasks.find_all({"project": "9"}, iterator_type=None)
    return query(api)


# -- defaults -----------------------------------------------------------------------------


def test_documented_defaults_are_sent_when_nothing_is_set(api: ScriptedAsana) -> None:
    client = api.client()
    api.data([])
    client.tasks.find_all({"project": "9"}, iterator_type=None)
    assert str(api.last.url) == "https://app.asana.com/api/1.0/tasks?project=9&limit=50"
    timeout = api.last.extensions["timeout"]
    assert timeout == {"connect": 60.0, "read": 60.0, "write": 60.0, "pool": 60.0}


def test_default_max_retries_is_five(api: ScriptedAsana) -> None:
    client = api.client()
    for _ in range(6):
        api.reply(503, {"errors": [{"message": "busy"}]})
    with pytest.raises(asana.ServerError):
        client.users.me()
    assert len(api.requests) == 6
    assert len(api.sleeps) == 5


def test_default_iterator_is_lazy_items(api: ScriptedAsana) -> None:
    client = api.client()
    tasks = client.tasks.find_all({"project": "9"})
    assert api.requests == []  # nothing fetched until iteration starts
    api.data([{"gid": "1"}, {"gid": "2"}])
    assert [t.gid for t in tasks] == ["1", "2"]
    assert query(api)["limit"] == "50"


# -- page_size ------------------------------------------------------------------------------


def test_page_size_from_defaults(api: ScriptedAsana) -> None:
    asana.Client.DEFAULTS = {"page_size": 10}
    assert one_page(api, api.client())["limit"] == "10"


def test_page_size_client_beats_defaults(api: ScriptedAsana) -> None:
    asana.Client.DEFAULTS = {"page_size": 10}
    assert one_page(api, api.client(page_size=20))["limit"] == "20"


def test_page_size_call_beats_client_and_defaults(api: ScriptedAsana) -> None:
    asana.Client.DEFAULTS = {"page_size": 10}
    client = api.client(page_size=20)
    api.data([])
    client.tasks.find_all({"project": "9"}, iterator_type=None, page_size=30)
    assert query(api)["limit"] == "30"


def test_call_option_applies_to_that_call_only(api: ScriptedAsana) -> None:
    client = api.client(page_size=20)
    api.data([])
    client.tasks.find_all({"project": "9"}, iterator_type=None, page_size=30)
    assert query(api)["limit"] == "30"
    assert one_page(api, client)["limit"] == "20"
    assert client.options == {"page_size": 20}


def test_client_options_mutated_after_construction(api: ScriptedAsana) -> None:
    asana.Client.DEFAULTS = {"page_size": 10}
    client = api.client()
    client.options["page_size"] = 25
    assert one_page(api, client)["limit"] == "25"
    del client.options["page_size"]
    assert one_page(api, client)["limit"] == "10"


def test_client_options_are_per_client(api: ScriptedAsana) -> None:
    first = api.client()
    second = api.client()
    first.options["page_size"] = 7
    assert one_page(api, first)["limit"] == "7"
    assert one_page(api, second)["limit"] == "50"


def test_defaults_changed_after_construction_apply_to_existing_clients(
    api: ScriptedAsana,
) -> None:
    client = api.client()
    asana.Client.DEFAULTS = {"page_size": 15}
    assert one_page(api, client)["limit"] == "15"


@pytest.mark.parametrize(
    ("page_size", "sent"), [(1, "1"), (99, "99"), (100, "100"), (101, "100"), (500, "100")]
)
def test_page_size_above_asana_maximum_sends_100(
    api: ScriptedAsana, page_size: int, sent: str
) -> None:
    client = api.client()
    api.data([])
    client.tasks.find_all({"project": "9"}, iterator_type=None, page_size=page_size)
    assert query(api)["limit"] == sent


def test_page_size_500_on_the_lazy_iterator_sends_100(api: ScriptedAsana) -> None:
    client = api.client(page_size=500)
    api.data([{"gid": "1"}], next_page={"offset": "abc", "path": "/x", "uri": "https://x"})
    api.data([{"gid": "2"}])
    assert [t.gid for t in client.tasks.find_all({"project": "9"})] == ["1", "2"]
    assert [r.url.params["limit"] for r in api.requests] == ["100", "100"]
    assert api.requests[1].url.params["offset"] == "abc"


# -- fields, expand, pretty, offset -------------------------------------------------------


def test_fields_precedence(api: ScriptedAsana) -> None:
    asana.Client.DEFAULTS = {"fields": ["name"]}
    client = api.client()
    api.data(USER)
    client.users.me()
    assert query(api) == {"opt_fields": "name"}

    client.options["fields"] = ["email"]
    api.data(USER)
    client.users.me()
    assert query(api) == {"opt_fields": "email"}

    api.data(USER)
    client.users.me(fields=["photo", "workspaces"])
    assert query(api) == {"opt_fields": "photo,workspaces"}


def test_fields_none_at_call_level_clears_lower_levels(api: ScriptedAsana) -> None:
    client = api.client(fields=["email"])
    api.data(USER)
    client.users.me(fields=None)
    assert query(api) == {}


def test_fields_as_comma_string_like_the_old_client(api: ScriptedAsana) -> None:
    client = api.client(fields="name,email")  # the old client's str form
    api.data(USER)
    client.users.me()
    assert query(api) == {"opt_fields": "name,email"}


def test_expand_and_pretty_precedence(api: ScriptedAsana) -> None:
    asana.Client.DEFAULTS = {"expand": ["workspace"], "pretty": True}
    client = api.client(expand=["assignee"])
    api.data({"gid": "1"})
    client.tasks.find_by_id("1")
    assert query(api) == {"opt_expand": "assignee", "opt_pretty": "true"}
    api.data({"gid": "1"})
    client.tasks.find_by_id("1", expand=["projects"], pretty=False)
    assert query(api) == {"opt_expand": "projects"}


def test_fields_option_goes_into_the_post_body(api: ScriptedAsana) -> None:
    client = api.client(fields=["name"])
    api.data({"gid": "1", "name": "t"})
    client.tasks.create({"name": "t", "workspace": "7"})
    assert api.last.url.query == b""
    assert api.last_json() == {
        "data": {"name": "t", "workspace": "7"},
        "options": {"fields": ["name"]},
    }


def test_offset_option_starts_a_collection_there(api: ScriptedAsana) -> None:
    client = api.client(offset="from-client")
    assert one_page(api, client)["offset"] == "from-client"
    api.data([])
    client.tasks.find_all({"project": "9"}, iterator_type=None, offset="from-call")
    assert query(api)["offset"] == "from-call"


# -- base_url -------------------------------------------------------------------------------


def test_base_url_precedence(api: ScriptedAsana) -> None:
    asana.Client.DEFAULTS = {"base_url": "https://defaults.example/api/1.0"}
    client = api.client()
    api.data(USER)
    client.users.me()
    assert str(api.last.url) == "https://defaults.example/api/1.0/users/me"

    client.options["base_url"] = "https://client.example/v1/"
    api.data(USER)
    client.users.me()
    assert str(api.last.url) == "https://client.example/v1/users/me"

    api.data(USER)
    client.users.me(base_url="https://call.example")
    assert str(api.last.url) == "https://call.example/users/me"


def test_base_url_from_constructor(api: ScriptedAsana) -> None:
    client = api.client(base_url="https://ctor.example:8443/api/1.0")
    api.data(USER)
    client.users.me()
    assert api.last.url.host == "ctor.example"
    assert api.last.url.port == 8443
    assert api.last.url.path == "/api/1.0/users/me"


# -- headers ----------------------------------------------------------------------------------


def test_headers_are_merged_key_by_key_across_levels(api: ScriptedAsana) -> None:
    asana.Client.DEFAULTS = {"headers": {"X-A": "defaults", "X-B": "defaults", "X-C": "defaults"}}
    client = api.client(headers={"X-B": "client", "X-C": "client"})
    api.data(USER)
    client.users.me(headers={"X-C": "call"})
    sent = api.last.headers
    assert (sent["X-A"], sent["X-B"], sent["X-C"]) == ("defaults", "client", "call")

    api.data(USER)
    client.users.me()  # the call's header does not stick
    assert (api.last.headers["X-B"], api.last.headers["X-C"]) == ("client", "client")


def test_header_override_is_case_insensitive(api: ScriptedAsana) -> None:
    asana.Client.DEFAULTS = {"headers": {"X-Team": "defaults"}}
    client = api.client(headers={"x-team": "client"})
    api.data(USER)
    client.users.me(headers={"X-TEAM": "call"})
    assert api.last.headers.get_list("x-team") == ["call"]


def test_header_option_overrides_a_built_in_header(api: ScriptedAsana) -> None:
    client = api.client(headers={"user-agent": "my-agent/1"})
    api.data(USER)
    client.users.me()
    assert api.last.headers.get_list("User-Agent") == ["my-agent/1"]


# -- max_retries, timeout, client_name, full_payload, iterator_type --------------------------


@pytest.mark.parametrize(
    ("defaults", "client_level", "call", "attempts"),
    [
        ({"max_retries": 0}, None, None, 1),
        ({"max_retries": 0}, 1, None, 2),
        ({"max_retries": 0}, 1, 2, 3),
        ({"max_retries": 4}, None, 0, 1),
    ],
)
def test_max_retries_precedence(
    api: ScriptedAsana,
    defaults: asana.ClientOptions,
    client_level: int | None,
    call: int | None,
    attempts: int,
) -> None:
    asana.Client.DEFAULTS = defaults
    client = api.client() if client_level is None else api.client(max_retries=client_level)
    for _ in range(6):
        api.reply(500, {"errors": [{"message": "oops"}]})
    call_options: asana.CallOptions = {} if call is None else {"max_retries": call}
    with pytest.raises(asana.ServerError):
        client.users.me(**call_options)
    assert len(api.requests) == attempts
    assert len(api.sleeps) == attempts - 1


def test_timeout_precedence(api: ScriptedAsana) -> None:
    asana.Client.DEFAULTS = {"timeout": 10}
    client = api.client()
    api.data(USER)
    client.users.me()
    assert api.last.extensions["timeout"]["read"] == 10.0
    client.options["timeout"] = 20.5
    api.data(USER)
    client.users.me()
    assert api.last.extensions["timeout"]["connect"] == 20.5
    api.data(USER)
    client.users.me(timeout=None)
    assert api.last.extensions["timeout"]["read"] is None


def test_client_name_precedence(api: ScriptedAsana) -> None:
    def client_name() -> str | None:
        from urllib.parse import parse_qs

        values = parse_qs(api.last.headers["X-Asana-Client-Lib"]).get("client_name")
        return values[0] if values else None

    asana.Client.DEFAULTS = {"client_name": "global"}
    client = api.client(client_name="mine")
    api.data(USER)
    client.users.me()
    assert client_name() == "mine"
    api.data(USER)
    client.users.me(client_name="this call")
    assert client_name() == "this call"


def test_full_payload_precedence(api: ScriptedAsana) -> None:
    asana.Client.DEFAULTS = {"full_payload": True}
    client = api.client()
    api.data(USER)
    result: object = client.users.me()
    assert isinstance(result, asana.Envelope)
    api.data(USER)
    result = client.users.me(full_payload=False)
    assert isinstance(result, asana.models.User)


def test_iterator_type_precedence(api: ScriptedAsana) -> None:
    client = api.client(iterator_type=None)
    api.data([{"gid": "1"}])
    page: object = client.tasks.find_all({"project": "9"})
    assert isinstance(page, list)
    assert len(api.requests) == 1  # one page, fetched at once
    lazy = client.tasks.find_all({"project": "9"}, iterator_type="items")
    assert isinstance(lazy, asana.ItemIterator)
    assert len(api.requests) == 1


def test_asana_enable_precedence(api: ScriptedAsana) -> None:
    asana.Client.DEFAULTS = {"asana_enable": ["a"]}
    client = api.client(asana_enable=["b"])
    api.data(USER)
    client.users.me()
    assert api.last.headers["Asana-Enable"] == "b"
    api.data(USER)
    client.users.me(asana_enable=["c", "d"])
    assert api.last.headers["Asana-Enable"] == "c,d"


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


# -- callers' dicts are never modified --------------------------------------------------------


def test_get_does_not_modify_params_or_options(api: ScriptedAsana) -> None:
    defaults: asana.ClientOptions = {"headers": {"X-A": "1"}, "fields": ["name"]}
    asana.Client.DEFAULTS = defaults
    client = api.client(headers={"X-B": "2"}, expand=["assignee"], page_size=10)
    params: GetTasksParams = {"project": "9", "completed_since": "now"}
    fields = ["name", "notes"]
    headers = {"X-C": "3"}
    saved = copy.deepcopy((defaults, dict(client.options), params, fields, headers))

    api.data([{"gid": "1"}], next_page={"offset": "o", "path": "/p", "uri": "https://u"})
    api.data([{"gid": "2"}])
    tasks = client.tasks.find_by_project(
        "9", {"completed_since": "now"}, fields=fields, headers=headers, page_size=500
    )
    assert [t.gid for t in tasks] == ["1", "2"]
    api.data([])
    client.tasks.find_all(params, fields=fields, headers=headers, iterator_type=None)

    assert (defaults, dict(client.options), params, fields, headers) == saved
    assert asana.Client.DEFAULTS is defaults
    assert query(api)["opt_fields"] == "name,notes"


def test_post_and_put_do_not_modify_params_or_options(api: ScriptedAsana) -> None:
    client = api.client(fields=["name"], headers={"X-B": "2"})
    task_params: CreateTaskData = {
        "name": "t",
        "projects": ["1", "2"],
        "custom_fields": {"5": "x"},
        "due_on": datetime.date(2024, 1, 2),
    }
    update_params: UpdateTaskData = {"name": "u", "custom_fields": {"5": ["a", "b"]}}
    project_params: CreateProjectData = {"name": "p", "notes": "n"}
    fields = ["name"]
    everything = (dict(client.options), task_params, update_params, project_params, fields)
    saved = copy.deepcopy(everything)

    api.data({"gid": "1"})
    client.tasks.create_in_workspace("7", task_params, fields=fields)
    assert api.last_json() == {
        "data": {
            "name": "t",
            "projects": ["1", "2"],
            "custom_fields": {"5": "x"},
            "due_on": "2024-01-02",
            "workspace": "7",
        },
        "options": {"fields": ["name"]},
    }
    assert "workspace" not in task_params

    api.data({"gid": "1"})
    client.tasks.create(task_params, fields=fields)
    api.data({"gid": "2"})
    client.projects.create_in_workspace("7", project_params, fields=fields)
    api.data({"gid": "2"})
    client.projects.update("2", {"name": "p2"})
    api.data({"gid": "1"})
    client.tasks.update("1", update_params)
    assert api.last_json() == {
        "data": {"name": "u", "custom_fields": {"5": ["a", "b"]}},
        "options": {"fields": ["name"]},
    }

    assert (dict(client.options), task_params, update_params, project_params, fields) == saved


def test_create_in_workspace_without_params(api: ScriptedAsana) -> None:
    client = api.client()
    api.data({"gid": "1"})
    client.tasks.create_in_workspace("7")
    assert api.last.method == "POST"
    assert api.last.url.path == "/api/1.0/tasks"
    assert api.last_json() == {"data": {"workspace": "7"}}


def test_options_headers_mapping_is_not_modified(api: ScriptedAsana) -> None:
    client_headers = {"X-A": "client", "User-Agent": "mine"}
    call_headers = {"x-a": "call"}
    client = api.client(headers=client_headers)
    api.data(USER)
    client.users.me(headers=call_headers)
    assert api.last.headers.get_list("X-A") == ["call"]
    assert client_headers == {"X-A": "client", "User-Agent": "mine"}
    assert call_headers == {"x-a": "call"}


def test_connect_error_retries_follow_max_retries_option(api: ScriptedAsana) -> None:
    client = api.client(max_retries=1)
    api.fail(httpx.ConnectError("refused"))
    api.fail(httpx.ConnectError("refused"))
    with pytest.raises(asana.AsanaConnectionError):
        client.users.me()
    assert len(api.requests) == 2


# -- known bugs outside this file's modules ---------------------------------------------------


def test_unknown_constructor_option_error_names_the_constructor(api: ScriptedAsana) -> None:
    with pytest.raises(asana.InvalidOptionError) as info:
        api.client(page_sise=10)  # type: ignore[call-arg]  # a misspelt option on purpose
    assert "call's keyword arguments" not in str(info.value)
    assert "client.options" in str(info.value)


def test_item_limit_zero_with_one_page_returns_nothing(api: ScriptedAsana) -> None:
    client = api.client(iterator_type=None)
    api.data([{"gid": "1"}])
    page: object = client.tasks.find_all({"project": "9"}, item_limit=0)
    assert page == []
    assert api.requests == []
