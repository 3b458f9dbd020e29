"""Helpers shared by the ``FakeAsana`` resource tests (their fixtures live in conftest.py)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from asana_typed.testing import FakeAsana

API = "https://app.asana.com/api/1.0"


def _no_sleep(seconds: float) -> None:
    raise AssertionError(f"the client wanted to sleep {seconds}s: nothing here should retry")


def add_users(fake: FakeAsana, *names: str) -> list[str]:
    return [
        fake.add_user(name, f"{name.lower()}@example.com", workspaces=[fake.workspace])["gid"]
        for name in names
    ]


def gids(items: Any) -> list[str]:
    return [item.gid for item in items]


def iso(seconds: float) -> dt.datetime:
    return dt.datetime.fromtimestamp(seconds, dt.timezone.utc).replace(
        microsecond=int(seconds * 1000) % 1000 * 1000
    )
