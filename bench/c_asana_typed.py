"""asana-typed (this repo): typed models, lazy iterators. See _harness.py."""

from __future__ import annotations

from collections.abc import Iterable

from _harness import PAGE_SIZE, run

import asana_typed

IMPORT = "import asana_typed; asana_typed.Client.access_token('x')"


def make_client(base_url: str) -> asana_typed.Client:
    return asana_typed.Client.access_token("x", base_url=base_url)


def iterate(client: asana_typed.Client, project: str) -> Iterable[object]:
    return client.tasks.get_tasks({"project": project}, page_size=PAGE_SIZE)


def get(client: asana_typed.Client, gid: str) -> object:
    return client.tasks.get_task(gid)


if __name__ == "__main__":
    run(make_client, iterate, get)  # type: ignore[arg-type]
