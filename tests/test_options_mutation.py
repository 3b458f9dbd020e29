"""Callers' dicts are never modified; and known bugs outside the option modules."""

from __future__ import annotations

import copy
import datetime
from typing import ClassVar

import httpx
import pytest

import asana_typed as asana
from asana_typed.api.projects import CreateProjectData
from asana_typed.api.tasks import CreateTaskData, GetTasksParams, UpdateTaskData
from tests.conftest import ScriptedAsana
from tests.option_helpers import USER, query

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


# -- options changed between calls take effect on the next call -------------------------------


def test_client_options_changed_in_place_apply_to_the_next_call(api: ScriptedAsana) -> None:
    headers = {"X-A": "one"}
    client = api.client(headers=headers, page_size=10)
    for _ in range(2):  # the second call may reuse the first resolution
        api.data(USER)
        client.users.me()
    assert api.last.headers["X-A"] == "one"

    headers["X-A"] = "two"  # a nested value, changed in place
    api.data(USER)
    client.users.me()
    assert api.last.headers["X-A"] == "two"

    client.options["base_url"] = "https://other.example.com/api/1.0"
    api.data(USER)
    client.users.me()
    assert str(api.last.url).startswith("https://other.example.com/api/1.0/users/me")

    class Defaults(asana.Client):
        DEFAULTS: ClassVar[asana.ClientOptions] = {"headers": {"X-B": "d1"}}

    sub = Defaults.access_token("t", http_client=httpx.Client(transport=httpx.MockTransport(api)))
    api.data(USER)
    sub.users.me()
    Defaults.DEFAULTS = {"headers": {"X-B": "d2"}}
    api.data(USER)
    sub.users.me()
    assert api.last.headers["X-B"] == "d2"
