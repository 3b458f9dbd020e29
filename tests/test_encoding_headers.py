"""Request encoding: headers and Asana-Change warnings."""

from __future__ import annotations

import platform
import warnings
from collections.abc import Callable
from urllib.parse import parse_qs

import httpx
import pydantic
import pytest

import asana_typed as asana
from tests.conftest import ScriptedAsana
from tests.encoding_support import BASE, TOKEN

# -- headers -----------------------------------------------------------------------------------


def test_standard_headers(api: ScriptedAsana) -> None:
    client = api.client()
    api.data({"gid": "1"})
    client.users.me()
    headers = api.last.headers
    assert headers["Authorization"] == f"Bearer {TOKEN}"
    assert headers["Accept"] == "application/json"
    assert "content-type" not in headers
    assert "asana-enable" not in headers
    assert "asana-disable" not in headers
    agent = headers["User-Agent"]
    assert agent.startswith(f"asana-typed/{asana.__version__} ")
    assert f"python/{platform.python_version()}" in agent.split()
    assert f"httpx/{httpx.__version__}" in agent.split()
    assert f"pydantic/{pydantic.VERSION}" in agent.split()


def test_client_lib_header(api: ScriptedAsana) -> None:
    client = api.client()
    api.data({"gid": "1"})
    client.users.me()
    lib = parse_qs(api.last.headers["X-Asana-Client-Lib"], strict_parsing=True)
    assert lib["version"] == [asana.__version__]
    assert lib["language"] == ["Python"]
    assert lib["language_version"] == [platform.python_version()]
    assert "client_name" not in lib


def test_client_lib_header_with_client_name(api: ScriptedAsana) -> None:
    client = api.client(client_name="my app & co=1")
    api.data({"gid": "1"})
    client.users.me()
    raw = api.last.headers["X-Asana-Client-Lib"]
    assert "client_name=my+app+%26+co%3D1" in raw.split("&")
    lib = parse_qs(raw, strict_parsing=True)
    assert lib["client_name"] == ["my app & co=1"]
    assert lib["version"] == [asana.__version__]


def test_asana_enable_and_disable_headers(api: ScriptedAsana) -> None:
    client = api.client(asana_enable=["new_user_task_lists", "new_goal_memberships"])
    api.data({"gid": "1"})
    client.users.me(asana_disable="string_ids,other")
    assert api.last.headers["Asana-Enable"] == "new_user_task_lists,new_goal_memberships"
    assert api.last.headers["Asana-Disable"] == "string_ids,other"


def test_content_type_only_with_a_body(api: ScriptedAsana) -> None:
    client = api.client()
    api.data({"gid": "9"})
    client.tasks.update("9", {})
    assert api.last.headers.get_list("content-type") == ["application/json"]
    api.data([])
    client.tasks.find_all({"project": "1"}, iterator_type=None)
    assert "content-type" not in api.last.headers


# -- Asana-Change warnings -------------------------------------------------------------------


def _reply_with_change(api: ScriptedAsana, change: str) -> None:
    api.reply(200, {"data": {"gid": "1"}}, headers={"Asana-Change": change})


def _change_warnings(call: Callable[[], object]) -> list[warnings.WarningMessage]:
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        call()
    return [w for w in caught if issubclass(w.category, asana.AsanaChangeWarning)]


def test_affected_change_warns(api: ScriptedAsana) -> None:
    client = api.client()
    _reply_with_change(
        api, "name=new_user_task_lists;info=https://forum.asana.com/t/1;affected=true"
    )
    with pytest.warns(asana.AsanaChangeWarning, match="new_user_task_lists") as record:
        client.users.me()
    assert len(record) == 1
    message = str(record[0].message)
    assert "asana_enable=['new_user_task_lists']" in message
    assert "https://forum.asana.com/t/1" in message
    assert f"{BASE}/users/me" in message


def test_unaffected_change_does_not_warn(api: ScriptedAsana) -> None:
    client = api.client()
    _reply_with_change(api, "name=new_user_task_lists;info=https://x;affected=false")
    assert _change_warnings(client.users.me) == []
    _reply_with_change(api, "name=new_user_task_lists;info=https://x")
    assert _change_warnings(client.users.me) == []


@pytest.mark.parametrize("option", ["asana_enable", "asana_disable"])
def test_change_decided_by_the_caller_does_not_warn(api: ScriptedAsana, option: str) -> None:
    client = api.client(**{option: ["new_user_task_lists"]})  # type: ignore[arg-type]  # either list option
    _reply_with_change(api, "name=new_user_task_lists;affected=true")
    assert _change_warnings(client.users.me) == []
    assert api.last.headers[option.replace("asana_", "Asana-").title()] == "new_user_task_lists"


def test_only_undecided_affected_changes_warn(api: ScriptedAsana) -> None:
    client = api.client(asana_disable=["decided"])
    _reply_with_change(
        api, "name=decided;affected=true,name=fresh;affected=TRUE,name=other;affected=false"
    )
    caught = _change_warnings(client.users.me)
    assert [str(w.message).split("'")[1] for w in caught] == ["fresh"]


def test_change_warning_on_a_collection_page(api: ScriptedAsana) -> None:
    client = api.client()
    api.reply(
        200,
        {"data": [{"gid": "1"}]},
        headers={"Asana-Change": "name=string_ids;affected=true"},
    )
    with pytest.warns(asana.AsanaChangeWarning, match="string_ids"):
        assert [t.gid for t in client.tasks.find_all({"project": "1"})] == ["1"]


def test_change_warning_points_at_the_callers_line(api: ScriptedAsana) -> None:
    client = api.client()
    _reply_with_change(api, "name=x;affected=true")
    with pytest.warns(asana.AsanaChangeWarning) as record:
        client.users.me()
    assert record[0].filename == __file__
    api.reply(200, {"data": [{"gid": "1"}]}, headers={"Asana-Change": "name=y;affected=true"})
    with pytest.warns(asana.AsanaChangeWarning) as record:
        list(client.tasks.find_all({"project": "1"}))
    assert record[0].filename == __file__
