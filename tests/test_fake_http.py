"""``FakeAsana`` over real HTTP on 127.0.0.1: ``fake.serve()``, ``python -m asana_typed.testing``.

Only loopback sockets; every wait is bounded. httpx clients are built with
``trust_env=False`` so no proxy setting of the environment can send them elsewhere.
"""

from __future__ import annotations

import re
import signal
import subprocess
import sys
import threading
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx
import pytest

import asana_typed as asana
from asana_typed.api.users import GetUsersParams
from asana_typed.testing import FakeAsana

REPO = Path(__file__).resolve().parent.parent
BASE_URL = re.compile(r"http://127\.0\.0\.1:(\d+)/api/1\.0")
TIMEOUT = 10.0


def http_client() -> httpx.Client:
    return httpx.Client(trust_env=False, timeout=TIMEOUT)


@pytest.fixture
def fake() -> FakeAsana:
    return FakeAsana()


def test_serve_yields_a_loopback_base_url_and_restores_it(fake: FakeAsana) -> None:
    before = fake.base_url
    with fake.serve() as base_url:
        match = BASE_URL.fullmatch(base_url)
        assert match is not None, base_url
        assert int(match.group(1)) > 0, "port 0 picks a real free port"
        assert fake.base_url == base_url, "next_page.uri must name the served origin"
    assert fake.base_url == before


def test_sdk_over_http_sees_the_same_state_as_in_process(fake: FakeAsana) -> None:
    ws = fake.workspace["gid"]
    sleeps: list[float] = []
    with (
        fake.serve() as base_url,
        http_client() as http,
        asana.Client.access_token(
            fake.token, http_client=http, base_url=base_url, sleep=sleeps.append
        ) as remote,
        fake.client() as local,
    ):
        me = remote.users.get_user("me")
        assert me.gid == fake.me["gid"]
        assert [w.gid for w in me.workspaces] == [ws]

        # Created over HTTP, read in process ...
        over_http = remote.tags.create_tag_for_workspace(ws, {"name": "over http"})
        assert local.tags.get_tag(over_http.gid).name == "over http"
        # ... and created in process, read over HTTP.
        in_process = local.tags.create_tag_for_workspace(ws, {"name": "in process"})
        assert remote.tags.get_tag(in_process.gid).name == "in process"
        names = {t.name for t in remote.tags.get_tags_for_workspace(ws)}
        assert names == {"over http", "in process"}

        # Knobs apply to both ways in: the SDK retries a 429 over HTTP too.
        fake.rate_limit(times=1, retry_after=0.5)
        assert remote.users.get_user("me").gid == fake.me["gid"]
        assert sleeps == [0.5]

        # Errors arrive intact over the wire.
        with pytest.raises(asana.NotFoundError) as caught:
            remote.workspaces.get_workspace("999")
        assert caught.value.message == "workspace: Unknown object: 999"

    methods = {(r.method, r.path.rsplit("/", 1)[-1], r.status) for r in fake.requests}
    assert ("POST", "tags", 201) in methods
    assert ("GET", "me", 429) in methods


def test_pagination_over_http_links_to_the_served_origin(fake: FakeAsana) -> None:
    for i in range(3):
        fake.add_user(f"User {i}", f"user{i}@example.com", workspaces=[fake.workspace])
    with (
        fake.serve() as base_url,
        http_client() as http,
        asana.Client.access_token(fake.token, http_client=http, base_url=base_url) as client,
    ):
        params: GetUsersParams = {"workspace": fake.workspace["gid"]}
        page = client.users.get_users(params, page_size=3, iterator_type=None, full_payload=True)
        assert page.next_page is not None
        assert page.next_page.uri is not None
        assert page.next_page.uri.startswith(f"{base_url}/users?")
        # The uri is usable as it is.
        raw = http.get(page.next_page.uri, headers={"Authorization": f"Bearer {fake.token}"})
        assert raw.status_code == 200
        assert [u["name"] for u in raw.json()["data"]] == ["User 2"]
        assert len(list(client.users.get_users(params, page_size=2))) == 4


def test_upload_and_download_over_http(fake: FakeAsana) -> None:
    content = bytes(range(256)) * 40  # binary, ~10 kB
    with (
        fake.serve() as base_url,
        http_client() as http,
        asana.Client.access_token(fake.token, http_client=http, base_url=base_url) as client,
    ):
        task = client.tasks.create_task({"name": "T", "workspace": fake.workspace["gid"]})
        attachment = client.attachments.create_on_task(
            task.gid, content, "blob.bin", "application/octet-stream"
        )
        assert attachment.size == len(content)
        fetched = client.attachments.get_attachment(attachment.gid)
        assert fetched.download_url is not None
        assert fetched.download_url.startswith(base_url), "download_url names the served origin"
        download = http.get(fetched.download_url, headers={"Authorization": f"Bearer {fake.token}"})
    assert download.status_code == 200
    assert download.content == content
    assert download.headers["content-type"] == "application/octet-stream"


def test_raw_http_bodies_and_errors(fake: FakeAsana) -> None:
    with fake.serve() as base_url, http_client() as http:
        anonymous = http.get(f"{base_url}/users/me")
        assert anonymous.status_code == 401
        assert anonymous.headers["content-type"].startswith("application/json")
        assert anonymous.json()["errors"][0]["message"] == "Not Authorized"
        headers = {"Authorization": f"Bearer {fake.token}"}
        posted = http.post(f"{base_url}/no/route", json={"data": {"x": 1}}, headers=headers)
        assert posted.status_code == 404
        assert int(posted.headers["content-length"]) == len(posted.content)
    assert fake.requests[-1].json() == {"data": {"x": 1}}
    assert fake.requests[-1].path == "/api/1.0/no/route"


def test_concurrent_clients_over_http(fake: FakeAsana) -> None:
    """The server answers in threads: concurrent creates all land, each with its own gid."""
    ws = fake.workspace["gid"]
    with fake.serve() as base_url:

        def create(worker: int) -> list[str]:
            with (
                http_client() as http,
                asana.Client.access_token(fake.token, http_client=http, base_url=base_url) as c,
            ):
                return [
                    c.tags.create_tag_for_workspace(ws, {"name": f"w{worker}-{i}"}).gid
                    for i in range(10)
                ]

        with ThreadPoolExecutor(max_workers=6) as pool:
            made = [gid for batch in pool.map(create, range(6)) for gid in batch]
    assert len(made) == len(set(made)) == 60
    assert {t["gid"] for t in fake.store.find("tag")} == set(made)
    assert [r.status for r in fake.requests].count(201) == 60


def test_serve_stops_listening_on_exit(fake: FakeAsana) -> None:
    with fake.serve() as base_url:
        pass
    with http_client() as http, pytest.raises(httpx.ConnectError):
        http.get(f"{base_url}/users/me", timeout=2.0)


# -- python -m asana_typed.testing ---------------------------------------------------------


def read_lines(stream: object, count: int, timeout: float) -> list[str]:
    """The first ``count`` lines of a text pipe, waiting at most ``timeout`` seconds."""
    assert hasattr(stream, "readline")
    lines: list[str] = []

    def read() -> None:
        for _ in range(count):
            line = stream.readline()
            if not line:
                return
            lines.append(line.rstrip("\n"))

    reader = threading.Thread(target=read, daemon=True)
    reader.start()
    reader.join(timeout)
    return lines


@pytest.fixture
def server_process() -> Iterator[subprocess.Popen[str]]:
    process = subprocess.Popen(
        [sys.executable, "-m", "asana_typed.testing", "--port", "0"],
        cwd=REPO,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        yield process
    finally:
        if process.poll() is None:
            process.kill()
        process.communicate(timeout=TIMEOUT)


def test_module_serves_over_http_and_stops_cleanly(
    server_process: subprocess.Popen[str],
) -> None:
    lines = read_lines(server_process.stdout, 2, TIMEOUT)
    assert len(lines) == 2, f"expected a base URL and a token, got {lines!r}"
    base_url, token_line = lines
    assert BASE_URL.fullmatch(base_url), base_url
    assert token_line.startswith("token: ")
    token = token_line.removeprefix("token: ")
    assert token

    with http_client() as http:
        me = http.get(f"{base_url}/users/me", headers={"Authorization": f"Bearer {token}"})
        assert me.status_code == 200
        assert me.json()["data"]["name"] == "Fake User"
        denied = http.get(f"{base_url}/users/me")
        assert denied.status_code == 401

    # Ctrl-C: the server shuts down and the process exits 0, silently.
    server_process.send_signal(signal.SIGINT)
    out, err = server_process.communicate(timeout=TIMEOUT)
    assert server_process.returncode == 0, err
    assert out == ""
    assert err == ""


def test_module_help_describes_the_options() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "asana_typed.testing", "--help"],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=TIMEOUT,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert "--port" in result.stdout
    assert "--host" in result.stdout
