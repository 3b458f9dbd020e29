"""``client.attachments``: the generated operations plus the old client's upload helpers."""

from __future__ import annotations

from typing_extensions import Unpack

from .._multipart import FileContent
from .._options import CallOptions
from ..models.attachment import Attachment
from . import attachments as _generated

__all__ = ["Attachments"]


class Attachments(_generated.Attachments):
    """Files attached to tasks, projects and project briefs."""

    def create_on_task(
        self,
        task_gid: str,
        file_content: FileContent,
        file_name: str,
        file_content_type: str | None = None,
        **options: Unpack[CallOptions],
    ) -> Attachment:
        """Upload a file to a task (the old client's signature): ``POST /attachments``.

        ``file_content`` is bytes or a file opened in binary mode; a file is streamed in
        chunks, not read into memory. Over 100 MB it raises :class:`FileTooLargeError`
        before sending anything.
        """
        upload = (file_name, file_content, file_content_type)
        return self.create_attachment_for_object({"parent": task_gid, "file": upload}, **options)

    create_attachment_for_task = create_on_task
