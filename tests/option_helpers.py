"""Helpers shared by the option tests: the query that was sent, one page of tasks."""

from __future__ import annotations

import asana_typed as asana
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
