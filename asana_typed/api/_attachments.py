"""``client.attachments``: the generated operations plus the old client's upload helpers."""

from __future__ import annotations

from typing import IO

from typing_extensions import Unpack

from .._options import CallOptions
from ..models.attachment import Attachment
from . import attachments as _generated

__all__ = ["Attachments"]


class Attachments(_generated.Attachments):
    """Files attached to tasks, projects and project briefs."""

    def create_on_task(
        self,
        task_id: str,
        file_content: bytes | IO[bytes],
        file_name: str,
        file_content_type: str | None = None,
        **options: Unpack[CallOptions],
    ) -> Attachment:
        """Upload a file to a task (the old client's signature): ``POST /attachments``."""
        upload = (file_name, file_content, file_content_type)
        return self.create_attachment_for_object({"parent": task_id, "file": upload}, **options)

    create_attachment_for_task = create_on_task
