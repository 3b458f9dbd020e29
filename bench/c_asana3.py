"""The old official client, asana 3.2.3 (requests, dicts), in its own venv. See _harness.py."""

from __future__ import annotations

import os
from typing import Any

import asana  # type: ignore[import-not-found]
from _harness import PAGE_SIZE, run

IMPORT = "import asana; asana.Client.access_token('x')"


def make_client(base_url: str) -> Any:
    # Its OAuth2 session (requests-oauthlib) refuses plain http: the bench server is local.
    os.environ["OAUTHLIB_INSECURE_TRANSPORT"] = "1"
    client = asana.Client.access_token("x")
    client.options["base_url"] = base_url
    return client


def iterate(client: Any, project: str) -> Any:
    return client.tasks.get_tasks({"project": project}, page_size=PAGE_SIZE)


def get(client: Any, gid: str) -> Any:
    return client.tasks.get_task(gid)


if __name__ == "__main__":
    run(make_client, iterate, get)
