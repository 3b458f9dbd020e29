"""The floor: raw httpx + json.loads, no models, no options. See _harness.py."""

from __future__ import annotations

import json
from collections.abc import Iterator

import httpx
from _harness import PAGE_SIZE, run

IMPORT = "import httpx, pydantic; pydantic.BaseModel"


def make_client(base_url: str) -> httpx.Client:
    return httpx.Client(base_url=base_url, headers={"Authorization": "Bearer x"})


def iterate(client: httpx.Client, project: str) -> Iterator[object]:
    params: dict[str, str | int] = {"project": project, "limit": PAGE_SIZE}
    while True:
        body = json.loads(client.get("/tasks", params=params).content)
        yield from body["data"]
        if not body["next_page"]:
            return
        params["offset"] = body["next_page"]["offset"]


def get(client: httpx.Client, gid: str) -> object:
    return json.loads(client.get(f"/tasks/{gid}").content)["data"]


if __name__ == "__main__":
    run(make_client, iterate, get)  # type: ignore[arg-type]
