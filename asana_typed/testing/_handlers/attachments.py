"""attachments handlers of the fake (to be written)."""

from __future__ import annotations
