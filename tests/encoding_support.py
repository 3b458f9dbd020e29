"""Shared constants and helpers for the request-encoding tests."""

from __future__ import annotations

import datetime
import enum
from collections.abc import Callable

import asana_typed as asana
from tests.conftest import ScriptedAsana

TOKEN = "0/secret-token-value"  # what conftest's ScriptedAsana.client() authenticates with


BASE = "https://app.asana.com/api/1.0"


UTC = datetime.timezone.utc


def sent_query(api: ScriptedAsana) -> str:
    """The last request's query string, byte for byte."""
    return api.last.url.query.decode()


class Color(str, enum.Enum):
    RED = "red"


class Level(enum.IntEnum):
    HIGH = 3


# -- every resource method: verb and path -------------------------------------------------

Call = Callable[[asana.Client], object]


# -- path arguments ------------------------------------------------------------------------------

GidCall = Callable[[asana.Client, str], object]
