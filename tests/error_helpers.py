"""Helpers shared by the error-mapping tests: URLs, the token, Asana's error body."""

from __future__ import annotations

ME_URL = "https://app.asana.com/api/1.0/users/me"


TASK_URL = "https://app.asana.com/api/1.0/tasks/1"


TOKEN = "secret-token-value"


def asana_errors(*entries: tuple[str, str | None, str | None]) -> dict[str, object]:
    """Asana's error body: ``{"errors": [{"message", "help", "phrase"}, ...]}``."""
    return {
        "errors": [
            {
                "message": message,
                **({"help": help_} if help_ is not None else {}),
                **({"phrase": phrase} if phrase is not None else {}),
            }
            for message, help_, phrase in entries
        ]
    }


HELP = "For more information on API status codes and how to handle them, read the docs."
