"""OAuth 2 endpoints of the fake (to be written)."""

from __future__ import annotations

from ._app import Reply, Request
from ._store import ApiError


def handle_oauth(request: Request) -> Reply:
    raise ApiError(404, f"No matching route for request: {request.method} {request.path}")
