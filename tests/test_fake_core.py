"""``FakeAsana``'s core: seed, authentication, errors, rendering, pagination, knobs, log.

Everything here runs in process (``fake.transport()`` / ``fake.async_transport()``): no
sockets, no wall clock. Time is a :class:`Clock` handed to ``FakeAsana(clock=...)``, the
SDK's retry waits go to a recording ``sleep``, and the fake's latency sleep is patched.
"""

from __future__ import annotations

import asyncio
import base64
import json
from collections.abc import Iterator
from typing import Any

import httpx
import pytest

import asana_typed as asana
from asana_typed.api.users import GetUsersParams
from asana_typed.testing import FakeAsana, LoggedRequest
from tests.conftest import Clock

API = "https://app.asana.com/api/1.0"
HELP = "https://developers.asana.com/docs/errors"
INVALID_OFFSET = "offset: Your pagination token is invalid for this request."
EXPIRED_OFFSET = "offset: Your pagination token has expired."


@pytest.fixture
def sleeps() -> list[float]:
    return []


@pytest.fixture
def client(fake: FakeAsana, sleeps: list[float]) -> Iterator[asana.Client]:
    http = httpx.Client(transport=fake.transport())
    with asana.Client.access_token(fake.token, http_client=http, sleep=sleeps.append) as sdk:
        yield sdk
    http.close()


@pytest.fixture
def http(fake: FakeAsana) -> Iterator[httpx.Client]:
    """Plain httpx on the fake, authenticated as ``fake.me``."""
    with httpx.Client(
        transport=fake.transport(),
        base_url=API,
        headers={"Authorization": f"Bearer {fake.token}"},
    ) as client:
        yield client


def seed_users(fake: FakeAsana, count: int) -> list[str]:
    """``count`` more users in the workspace; every user's gid, in creation order."""
    for i in range(count):
        fake.add_user(f"User {i}", f"user{i}@example.com", workspaces=[fake.workspace])
    return [u["gid"] for u in fake.store.find("user")]


def error_of(response: httpx.Response) -> dict[str, Any]:
    """The single entry of Asana's ``errors`` array."""
    body = response.json()
    assert set(body) == {"errors"}, body
    assert isinstance(body["errors"], list), body
    assert len(body["errors"]) == 1, body
    error: dict[str, Any] = body["errors"][0]
    return error


# -- the seed -----------------------------------------------------------------------------


def test_starts_with_one_workspace_one_user_and_a_working_token(
    fake: FakeAsana, client: asana.Client
) -> None:
    assert fake.workspace["resource_type"] == "workspace"
    assert fake.me["resource_type"] == "user"
    assert [w["gid"] for w in fake.store.find("workspace")] == [fake.workspace["gid"]]
    assert [u["gid"] for u in fake.store.find("user")] == [fake.me["gid"]]

    me = client.users.get_user("me")
    assert me.gid == fake.me["gid"]
    assert me.name == "Fake User"
    assert me.email == "fake.user@example.com"
    assert [w.gid for w in me.workspaces] == [fake.workspace["gid"]]

    workspaces = list(client.workspaces.get_workspaces())
    assert [(w.gid, w.name) for w in workspaces] == [(fake.workspace["gid"], "Fake Workspace")]
    users = list(client.users.get_users_for_workspace(fake.workspace["gid"]))
    assert [u.gid for u in users] == [fake.me["gid"]]


def test_a_user_is_named_by_gid_me_or_email(fake: FakeAsana, client: asana.Client) -> None:
    """``user_gid`` is "a gid, the string "me", or an email" (the spec's own words)."""
    assert client.users.get_user(fake.me["gid"]).gid == fake.me["gid"]
    assert client.users.get_user("me").gid == fake.me["gid"]
    assert client.users.get_user("fake.user@example.com").gid == fake.me["gid"]
    with pytest.raises(asana.NotFoundError):
        client.users.get_user("nobody@example.com")


def test_users_list_only_people_who_share_a_workspace(
    fake: FakeAsana, client: asana.Client
) -> None:
    """``GET /users`` without a filter: the users of every workspace the caller is in."""
    elsewhere = fake.add_workspace("Elsewhere")
    fake.add_user("Zed", "zed@example.com", workspaces=[elsewhere])
    ann = fake.add_user("Ann", "ann@example.com", workspaces=[fake.workspace])
    assert {u.gid for u in client.users.get_users()} == {fake.me["gid"], ann["gid"]}


def test_token_for_authenticates_as_that_user(fake: FakeAsana) -> None:
    other = fake.add_user("Other", "other@example.com", workspaces=[fake.workspace])
    with fake.client(other) as as_other:
        assert as_other.users.get_user("me").gid == other["gid"]
    with fake.client() as as_me:
        assert as_me.users.get_user("me").gid == fake.me["gid"]


# -- authentication and errors -------------------------------------------------------------


@pytest.mark.parametrize(
    "authorization",
    [None, "Bearer 0/not-a-token", "Bearer ", "Basic {token}", "{token}"],
    ids=["no-header", "unknown-token", "empty-token", "basic-scheme", "no-scheme"],
)
def test_401_without_a_valid_bearer_token(fake: FakeAsana, authorization: str | None) -> None:
    headers = {}
    if authorization is not None:
        headers["Authorization"] = authorization.format(token=fake.token)
    with httpx.Client(transport=fake.transport(), base_url=API) as http:
        response = http.get("/users/me", headers=headers)
    assert response.status_code == 401
    assert response.headers["content-type"].startswith("application/json")
    error = error_of(response)
    assert error["message"] == "Not Authorized"
    assert HELP in error["help"]
    assert fake.requests[-1].status == 401


def test_bad_token_through_the_sdk_is_no_authorization_error(fake: FakeAsana) -> None:
    with (
        httpx.Client(transport=fake.transport()) as http,
        asana.Client.access_token("0/wrong", http_client=http) as client,
        pytest.raises(asana.NoAuthorizationError) as caught,
    ):
        client.users.get_user("me")
    assert caught.value.status == 401
    assert caught.value.message == "Not Authorized"
    assert caught.value.help is not None
    assert HELP in caught.value.help
    assert len(fake.requests) == 1, "a 401 is not retried"


@pytest.mark.parametrize(
    ("method", "url", "message"),
    [
        ("GET", f"{API}/no/such/thing", "No matching route for request: GET /no/such/thing"),
        ("DELETE", f"{API}/workspaces", "No matching route for request: DELETE /workspaces"),
        ("GET", "https://app.asana.com/elsewhere", "No matching route for request: GET /elsewhere"),
    ],
    ids=["unknown-path", "wrong-method", "outside-api"],
)
def test_unknown_route_is_404_with_a_message(
    fake: FakeAsana, method: str, url: str, message: str
) -> None:
    headers = {"Authorization": f"Bearer {fake.token}"}
    with httpx.Client(transport=fake.transport()) as http:
        response = http.request(method, url, headers=headers)
    assert response.status_code == 404
    error = error_of(response)
    assert error["message"] == message
    assert HELP in error["help"]


def test_unknown_and_malformed_gids(fake: FakeAsana, client: asana.Client) -> None:
    with pytest.raises(asana.NotFoundError) as missing:
        client.workspaces.get_workspace("999")
    assert missing.value.message == "workspace: Unknown object: 999"
    # A user's gid is no workspace's gid.
    with pytest.raises(asana.NotFoundError) as wrong_type:
        client.workspaces.get_workspace(fake.me["gid"])
    assert wrong_type.value.message == f"workspace: Unknown object: {fake.me['gid']}"
    with pytest.raises(asana.InvalidRequestError) as malformed:
        client.workspaces.get_workspace("abc")
    assert malformed.value.message == "workspace: Not a valid gid: abc"


# -- rendering: compact, full, opt_fields --------------------------------------------------


def test_lists_hold_compact_records_and_gets_full_ones(fake: FakeAsana, http: httpx.Client) -> None:
    ws = fake.workspace["gid"]
    listed = http.get("/workspaces").json()["data"]
    assert listed == [{"gid": ws, "resource_type": "workspace", "name": "Fake Workspace"}]
    full = http.get(f"/workspaces/{ws}").json()["data"]
    assert full == {
        "gid": ws,
        "resource_type": "workspace",
        "name": "Fake Workspace",
        "is_organization": False,
        "email_domains": [],
    }

    users = http.get(f"/workspaces/{ws}/users").json()["data"]
    assert users == [{"gid": fake.me["gid"], "resource_type": "user", "name": "Fake User"}]
    me = http.get("/users/me").json()["data"]
    assert list(me)[:2] == ["gid", "resource_type"], "gid and resource_type come first"
    assert me["email"] == "fake.user@example.com"
    assert "photo" in me
    # A reference inside a full record is the referenced record's compact form.
    assert me["workspaces"] == listed


def test_opt_fields_projects_and_always_keeps_gid(fake: FakeAsana, http: httpx.Client) -> None:
    me, ws = fake.me["gid"], fake.workspace["gid"]
    assert http.get("/users/me", params={"opt_fields": "name"}).json()["data"] == {
        "gid": me,
        "name": "Fake User",
    }
    assert http.get("/users/me", params={"opt_fields": "gid"}).json()["data"] == {"gid": me}
    assert http.get("/users/me", params={"opt_fields": "workspaces.name,email"}).json()["data"] == {
        "gid": me,
        "workspaces": [{"gid": ws, "name": "Fake Workspace"}],
        "email": "fake.user@example.com",
    }
    # A reference asked for without sub-fields: just what identifies it.
    assert http.get("/users/me", params={"opt_fields": "workspaces"}).json()["data"] == {
        "gid": me,
        "workspaces": [{"gid": ws, "resource_type": "workspace"}],
    }
    # Lists are projected item by item (and lose their compact fields).
    listed = http.get("/workspaces", params={"opt_fields": "is_organization"}).json()["data"]
    assert listed == [{"gid": ws, "is_organization": False}]


def test_opt_fields_through_the_sdk(fake: FakeAsana, client: asana.Client) -> None:
    me = client.users.get_user("me", fields=["workspaces.name"])
    assert me.gid == fake.me["gid"]
    assert [(w.gid, w.name) for w in me.workspaces] == [(fake.workspace["gid"], "Fake Workspace")]
    with pytest.raises(asana.FieldNotLoadedError):
        _ = me.name
    assert fake.requests[-1].query == {"opt_fields": "workspaces.name"}


def test_references_render_the_current_state_of_their_target(
    fake: FakeAsana, client: asana.Client
) -> None:
    fake.workspace["name"] = "Renamed"
    me = client.users.get_user("me")
    assert [w.name for w in me.workspaces] == ["Renamed"]


# -- pagination ----------------------------------------------------------------------------


def test_sdk_lists_every_user_of_a_workspace(fake: FakeAsana, client: asana.Client) -> None:
    gids = seed_users(fake, 59)  # 60 users; the endpoint takes no limit, the fake sends 60
    users = list(client.users.get_users_for_workspace(fake.workspace["gid"]))
    assert fake.requests[-1].query == {}, "no limit is sent to this endpoint"
    assert len(fake.requests) == 1
    assert [u.gid for u in users] == gids


def test_sdk_pages_through_with_opaque_offsets(fake: FakeAsana, client: asana.Client) -> None:
    gids = seed_users(fake, 4)  # five users in all: pages of 2, 2, 1
    ws = fake.workspace["gid"]
    items = client.users.get_users({"workspace": ws}, page_size=2)
    assert [u.gid for u in items] == gids

    sent = [(r.method, r.path, r.query) for r in fake.requests]
    assert [s[:2] for s in sent] == [("GET", "/api/1.0/users")] * 3
    assert sent[0][2] == {"workspace": ws, "limit": "2"}
    offsets = [q.get("offset") for _, _, q in sent]
    assert offsets[0] is None
    assert all(isinstance(o, str) for o in offsets[1:])
    assert len(set(offsets[1:])) == 2
    for offset, (_, _, query) in zip(offsets[1:], sent[1:], strict=True):
        assert query == {"workspace": ws, "limit": "2", "offset": offset}
        assert offset is not None
        assert not offset.isdigit(), "offsets are opaque, not indexes"
    assert [r.status for r in fake.requests] == [200, 200, 200]


def test_next_page_names_the_offset_path_and_uri(fake: FakeAsana, client: asana.Client) -> None:
    seed_users(fake, 2)
    ws = fake.workspace["gid"]
    first = client.users.get_users(
        {"workspace": ws}, page_size=2, iterator_type=None, full_payload=True
    )
    assert len(first.data) == 2
    assert first.next_page is not None
    offset = first.next_page.offset
    assert offset
    assert first.next_page.path == f"/users?workspace={ws}&limit=2&offset={offset}"
    assert first.next_page.uri == f"{fake.base_url}/users?workspace={ws}&limit=2&offset={offset}"

    last = client.users.get_users(
        {"workspace": ws}, page_size=2, offset=offset, iterator_type=None, full_payload=True
    )
    assert [u.name for u in last.data] == ["User 1"]
    assert last.next_page is None
    # The same token may be used again, and with another page size.
    again = client.users.get_users(
        {"workspace": ws}, page_size=5, offset=offset, iterator_type=None
    )
    assert [u.name for u in again] == ["User 1"]


@pytest.mark.parametrize("limit", ["0", "101", "-1", "abc", "1.5", ""])
def test_limit_outside_1_to_100_is_400(http: httpx.Client, limit: str) -> None:
    response = http.get("/users", params={"limit": limit})
    assert response.status_code == 400
    message = error_of(response)["message"]
    assert message.startswith("limit: ")
    assert message.endswith(f": {limit}")


@pytest.mark.parametrize("limit", ["1", "100"])
def test_limit_bounds_are_accepted(http: httpx.Client, limit: str) -> None:
    response = http.get("/users", params={"limit": limit})
    assert response.status_code == 200
    assert len(response.json()["data"]) == 1


def first_offset(client: asana.Client, params: GetUsersParams) -> str:
    page = client.users.get_users(params, page_size=1, iterator_type=None, full_payload=True)
    assert page.next_page is not None
    assert page.next_page.offset
    return page.next_page.offset


def test_offset_of_another_query_is_400(fake: FakeAsana, client: asana.Client) -> None:
    seed_users(fake, 2)
    ws = fake.workspace["gid"]
    token = first_offset(client, {"workspace": ws})
    with pytest.raises(asana.InvalidRequestError) as caught:
        list(client.users.get_users({}, offset=token))  # same path, other filters
    assert caught.value.status == 400
    assert caught.value.message == INVALID_OFFSET
    assert fake.requests[-1].status == 400
    with pytest.raises(asana.InvalidRequestError) as other_path:
        list(client.users.get_users_for_workspace(ws, offset=token))
    assert other_path.value.message == INVALID_OFFSET


def test_offset_of_another_fake_is_400(fake: FakeAsana, client: asana.Client) -> None:
    other = FakeAsana()
    seed_users(other, 2)
    with other.client() as other_client:
        token = first_offset(other_client, {"workspace": other.workspace["gid"]})
    seed_users(fake, 2)
    # Same gids, same query: only the signature tells the tokens apart.
    assert other.workspace["gid"] == fake.workspace["gid"]
    with pytest.raises(asana.InvalidRequestError) as caught:
        list(client.users.get_users({"workspace": fake.workspace["gid"]}, offset=token))
    assert caught.value.message == INVALID_OFFSET


def _tampered(token: str) -> str:
    encoded, signature = token.rsplit(".", 1)
    payload = json.loads(base64.urlsafe_b64decode(encoded + "=" * (-len(encoded) % 4)))
    payload["i"] = 0
    forged = base64.urlsafe_b64encode(json.dumps(payload).encode()).decode().rstrip("=")
    return f"{forged}.{signature}"


@pytest.mark.parametrize(
    "garble",
    [
        lambda t: "garbage",
        lambda t: "not.base64!",
        lambda t: t[:-3],
        lambda t: t + "x",
        lambda t: t.split(".")[0],
        _tampered,
    ],
    ids=["word", "dotted", "truncated-signature", "extended", "no-signature", "tampered"],
)
def test_garbled_offset_is_400(fake: FakeAsana, client: asana.Client, garble: Any) -> None:
    seed_users(fake, 2)
    params: GetUsersParams = {"workspace": fake.workspace["gid"]}
    token = first_offset(client, params)
    with pytest.raises(asana.InvalidRequestError) as caught:
        list(client.users.get_users(params, offset=garble(token)))
    assert caught.value.message == INVALID_OFFSET


def test_offset_expires_after_offset_ttl(
    fake: FakeAsana, client: asana.Client, clock: Clock
) -> None:
    seed_users(fake, 2)
    fake.offset_ttl = 60.0
    params: GetUsersParams = {"workspace": fake.workspace["gid"]}
    token = first_offset(client, params)
    clock.now += 60.0
    assert len(list(client.users.get_users(params, offset=token))) == 2, "at the TTL: valid"
    clock.now += 0.5
    with pytest.raises(asana.InvalidRequestError) as caught:
        list(client.users.get_users(params, offset=token))
    assert caught.value.status == 400
    assert caught.value.message == EXPIRED_OFFSET
    assert fake.requests[-1].status == 400


# -- knobs ---------------------------------------------------------------------------------


def test_rate_limit_answers_429_then_the_sdk_retries(
    fake: FakeAsana, client: asana.Client, sleeps: list[float]
) -> None:
    fake.rate_limit(times=2, retry_after=2.5)
    me = client.users.get_user("me")
    assert me.gid == fake.me["gid"]
    assert sleeps == [2.5, 2.5]
    assert [(r.path, r.status) for r in fake.requests] == [("/api/1.0/users/me", 429)] * 2 + [
        ("/api/1.0/users/me", 200)
    ]
    # Used up: the next request goes through at once.
    client.users.get_user("me")
    assert sleeps == [2.5, 2.5]


def test_rate_limit_response_has_retry_after_and_asanas_message(
    fake: FakeAsana, http: httpx.Client
) -> None:
    fake.rate_limit(retry_after=30)
    response = http.get("/workspaces")
    assert response.status_code == 429
    assert response.headers["Retry-After"] == "30"
    assert error_of(response)["message"] == "You have made too many requests recently."
    assert http.get("/workspaces").status_code == 200


def test_rate_limit_beyond_max_retries_raises(fake: FakeAsana, sleeps: list[float]) -> None:
    fake.rate_limit(times=3, retry_after=1)
    with (
        fake.client(max_retries=1, sleep=sleeps.append) as client,
        pytest.raises(asana.RateLimitEnforcedError) as caught,
    ):
        client.users.get_user("me")
    assert caught.value.retry_after == 1.0
    assert sleeps == [1.0]
    assert [r.status for r in fake.requests] == [429, 429]


def test_fail_500_is_retried_for_get(
    fake: FakeAsana, client: asana.Client, sleeps: list[float]
) -> None:
    fake.fail(500, times=1, path=r"/users/me")
    client.workspaces.get_workspace(fake.workspace["gid"])  # another path: untouched
    assert client.users.get_user("me").gid == fake.me["gid"]
    assert [(r.path, r.status) for r in fake.requests] == [
        (f"/api/1.0/workspaces/{fake.workspace['gid']}", 200),
        ("/api/1.0/users/me", 500),
        ("/api/1.0/users/me", 200),
    ]
    assert len(sleeps) == 1
    assert 0.9 <= sleeps[0] <= 1.1, "one backoff of about a second"


def test_fail_surfaces_as_server_error_without_retries(fake: FakeAsana) -> None:
    fake.fail(503, times=1, path=r"/users/.*")
    with fake.client(max_retries=0) as client:
        with pytest.raises(asana.ServerError) as caught:
            client.users.get_user("me")
        assert caught.value.status == 503
        assert caught.value.message == "Server Error"
        assert caught.value.phrase, "5xx bodies carry Asana's phrase"
        assert client.users.get_user("me").gid == fake.me["gid"], "times=1: used up"


def test_fail_filters_by_method_and_counts_times(fake: FakeAsana, http: httpx.Client) -> None:
    fake.fail(500, times=2, method="POST")
    assert http.get("/users/me").status_code == 200, "a GET does not match method=POST"
    assert http.post("/no-such-route", json={"data": {}}).status_code == 500
    assert http.post("/no-such-route", json={"data": {}}).status_code == 500
    assert http.post("/no-such-route", json={"data": {}}).status_code == 404, "times=2: used up"


def test_post_failure_is_not_retried_by_the_sdk(
    fake: FakeAsana, client: asana.Client, sleeps: list[float]
) -> None:
    fake.fail(500, times=1, method="POST")
    with pytest.raises(asana.ServerError):
        client.tags.create_tag_for_workspace(fake.workspace["gid"], {"name": "t"})
    assert sleeps == []
    assert [(r.method, r.status) for r in fake.requests] == [("POST", 500)]


def test_latency_is_slept_per_request(
    fake: FakeAsana, http: httpx.Client, monkeypatch: pytest.MonkeyPatch
) -> None:
    slept: list[float] = []
    # The fake's module sleeps with ``time.sleep``: record instead of waiting.
    monkeypatch.setattr("asana_typed.testing._fake.time.sleep", slept.append)
    http.get("/users/me")
    assert slept == [], "no latency by default"
    fake.latency = 0.25
    assert fake.latency == 0.25
    http.get("/users/me")
    http.get("/nope")  # errors are as slow as answers
    assert slept == [0.25, 0.25]
    fake.latency = 0
    http.get("/users/me")
    assert slept == [0.25, 0.25]


# -- the request log -----------------------------------------------------------------------


def test_request_log_records_method_path_query_body_status(
    fake: FakeAsana, http: httpx.Client
) -> None:
    http.get("/users/me", params={"opt_fields": "name,email", "opt_pretty": "true"})
    payload = {"data": {"name": "x"}, "options": {"fields": ["name"]}}
    http.post("/no/such/route", params={"a": "1"}, json=payload)
    with httpx.Client(transport=fake.transport()) as anonymous:
        anonymous.get(f"{API}/workspaces")

    first, second, third = fake.requests
    assert first == LoggedRequest(
        "GET", "/api/1.0/users/me", {"opt_fields": "name,email", "opt_pretty": "true"}, b"", 200
    )
    assert first.json() is None
    assert (second.method, second.path, second.query, second.status) == (
        "POST",
        "/api/1.0/no/such/route",
        {"a": "1"},
        404,
    )
    assert second.json() == payload
    assert json.loads(second.body) == payload
    assert (third.method, third.path, third.status) == ("GET", "/api/1.0/workspaces", 401)
    fake.requests.clear()
    http.get("/users/me")
    assert len(fake.requests) == 1


# -- the async transport -------------------------------------------------------------------


def test_async_transport_serves_httpx_async_client(fake: FakeAsana) -> None:
    async def scenario() -> list[httpx.Response]:
        async with httpx.AsyncClient(
            transport=fake.async_transport(),
            base_url=API,
            headers={"Authorization": f"Bearer {fake.token}"},
        ) as http:
            together = await asyncio.gather(
                http.get("/users/me"),
                http.get("/workspaces"),
                http.get(f"/workspaces/{fake.workspace['gid']}"),
            )
            posted = await http.post("/nope", json={"data": {"name": "x"}})
            anonymous = await http.get("/users/me", headers={"Authorization": ""})
            return [*together, posted, anonymous]

    me, workspaces, workspace, posted, anonymous = asyncio.run(scenario())
    assert me.status_code == 200
    assert me.json()["data"]["gid"] == fake.me["gid"]
    assert [w["gid"] for w in workspaces.json()["data"]] == [fake.workspace["gid"]]
    assert workspace.json()["data"]["name"] == "Fake Workspace"
    assert posted.status_code == 404
    assert anonymous.status_code == 401
    assert sorted(r.status for r in fake.requests) == [200, 200, 200, 401, 404]
    assert any(r.json() == {"data": {"name": "x"}} for r in fake.requests)


def test_next_page_uri_is_a_working_url(fake: FakeAsana, http: httpx.Client) -> None:
    """``next_page.uri``/``path`` must carry the query URL-encoded: a ``+`` (as in an ISO
    timestamp's ``+00:00``) or ``&`` inside a value must survive being followed."""
    with fake.client() as client:
        project = client.projects.create_project_for_workspace(fake.workspace["gid"], {"name": "P"})
        for name in ("a", "b"):
            client.tasks.create_task({"name": name, "projects": [project.gid]})
    since = "2020-01-01T00:00:00+00:00"
    first = http.get(
        f"/projects/{project.gid}/tasks",
        params={"limit": "1", "completed_since": since, "opt_fields": "name"},
    )
    assert first.status_code == 200, first.text
    next_page = first.json()["next_page"]
    assert next_page is not None
    followed = http.get(next_page["uri"])
    assert followed.status_code == 200, followed.text
    assert [t["name"] for t in followed.json()["data"]] == ["b"]
    assert fake.requests[-1].query["completed_since"] == since
    via_path = http.get(next_page["path"])
    assert via_path.status_code == 200, via_path.text
