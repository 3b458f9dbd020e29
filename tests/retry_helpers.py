"""Helpers shared by the retry tests: a client with a chosen policy, canned bodies."""

from __future__ import annotations

import httpx
from typing_extensions import Unpack

import asana_typed as asana
from asana_typed._retry import RetryPolicy
from tests.conftest import ScriptedAsana

TASK = {"gid": "1", "name": "Buy milk"}


PROJECT = {"gid": "77", "name": "new project"}


TASK_URL = "https://app.asana.com/api/1.0/tasks/1"


PROJECTS_URL = "https://app.asana.com/api/1.0/workspaces/123/projects"


# ``random`` always 0.5 means no jitter: the delays are exactly 1, 2, 4, ...
NO_JITTER = RetryPolicy(random=lambda: 0.5)


def make_client(
    api: ScriptedAsana, policy: RetryPolicy | None = None, **options: Unpack[asana.ClientOptions]
) -> asana.Client:
    """Like ``api.client()``, with a chosen retry policy."""
    http = httpx.Client(transport=httpx.MockTransport(api))
    return asana.Client.access_token(
        "0/secret-token-value",
        http_client=http,
        sleep=api.sleeps.append,
        retry_policy=policy,
        **options,
    )


def within_jitter(actual: list[float], nominal: list[float], jitter: float = 0.1) -> bool:
    return len(actual) == len(nominal) and all(
        n * (1 - jitter) <= a <= n * (1 + jitter) for a, n in zip(actual, nominal, strict=True)
    )


def error_body(message: str = "Server Error") -> dict[str, object]:
    return {"errors": [{"message": message, "phrase": "6 sad squid snuggle softly"}]}
