"""The current official client, asana 5.4.0 (urllib3, dicts), in its own venv. See _harness.py."""

from __future__ import annotations

from typing import Any

import asana  # type: ignore[import-not-found]
from _harness import PAGE_SIZE, run

IMPORT = (
    "import asana; c = asana.Configuration(); c.access_token = 'x'; "
    "asana.TasksApi(asana.ApiClient(c))"
)


def make_client(base_url: str) -> Any:
    configuration = asana.Configuration()
    configuration.access_token = "x"
    configuration.host = base_url
    return asana.TasksApi(asana.ApiClient(configuration))


def iterate(client: Any, project: str) -> Any:
    return client.get_tasks({"project": project, "limit": PAGE_SIZE})


def get(client: Any, gid: str) -> Any:
    return client.get_task(gid, {})


if __name__ == "__main__":
    run(make_client, iterate, get)
