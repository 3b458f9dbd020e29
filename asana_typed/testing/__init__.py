"""A stateful fake Asana for your tests (and the demo): ``FakeAsana``.

```python
from asana_typed.testing import FakeAsana

fake = FakeAsana()
client = fake.client()                 # in process, no sockets
project = client.projects.create_in_workspace(fake.workspace["gid"], {"name": "P"})
with fake.serve() as base_url:         # or over HTTP on 127.0.0.1
    ...
```
"""

from ._fake import FakeAsana, LoggedRequest
from ._store import ApiError, Ref

__all__ = ["ApiError", "FakeAsana", "LoggedRequest", "Ref"]
