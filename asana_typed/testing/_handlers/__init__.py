"""Route handlers, one module per resource; importing this package registers them all."""

from . import (  # noqa: F401
    attachments,
    custom_fields,
    events,
    projects,
    sections,
    stories,
    tags,
    task_links,
    task_search,
    tasks,
    teams,
    users,
    webhooks,
    workspaces,
)
