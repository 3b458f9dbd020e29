"""A local, Asana-shaped HTTP server for the benchmarks (not a fake Asana: no state, no auth).

Serves, on 127.0.0.1 with keep-alive HTTP/1.1 and TCP_NODELAY:

* ``GET /api/1.0/tasks?project=P&limit=L&offset=O``: a page of a task collection with a
  ``next_page`` offset. ``P`` names the data set: ``compact-N`` (N compact tasks: gid, name,
  resource_type, resource_subtype) or ``full-N`` (N tasks of about 40 fields each, shaped
  like Asana's ``TaskResponse``).
* ``GET /api/1.0/tasks/{gid}``: one full task.

Page bodies are serialized once and cached, and each response goes out in one write, so
the server costs as little as possible next to the client it serves. Run it alone with
``python bench/server.py`` (it prints ``PORT <n>`` and serves until killed).
"""

from __future__ import annotations

import json
import socket
import socketserver
import sys
import threading
from urllib.parse import parse_qs, urlsplit

PREFIX = "/api/1.0"
_cache: dict[tuple[str, int, int], bytes] = {}
_task_cache: dict[str, bytes] = {}
_lock = threading.Lock()


def _user(i: int) -> dict[str, object]:
    return {"gid": str(1200 + i % 50), "resource_type": "user", "name": f"User {i % 50}"}


def _project(i: int) -> dict[str, object]:
    return {"gid": str(1300 + i % 7), "resource_type": "project", "name": f"Project {i % 7}"}


def _section(i: int) -> dict[str, object]:
    return {"gid": str(1400 + i % 5), "resource_type": "section", "name": f"Section {i % 5}"}


def _custom_fields(i: int) -> list[dict[str, object]]:
    option = {
        "gid": str(1500 + i % 3),
        "resource_type": "enum_option",
        "name": ["Low", "Medium", "High"][i % 3],
        "enabled": True,
        "color": ["green", "yellow", "red"][i % 3],
    }
    return [
        {
            "gid": "1601",
            "resource_type": "custom_field",
            "name": "Priority",
            "resource_subtype": "enum",
            "type": "enum",
            "enum_value": option,
            "enabled": True,
            "is_formula_field": False,
            "display_value": option["name"],
        },
        {
            "gid": "1602",
            "resource_type": "custom_field",
            "name": "Estimate",
            "resource_subtype": "number",
            "type": "number",
            "number_value": float(i % 13),
            "precision": 1,
            "enabled": True,
            "is_formula_field": False,
            "display_value": f"{i % 13}.0",
        },
        {
            "gid": "1603",
            "resource_type": "custom_field",
            "name": "Ticket",
            "resource_subtype": "text",
            "type": "text",
            "text_value": f"TICKET-{i}",
            "enabled": True,
            "is_formula_field": False,
            "display_value": f"TICKET-{i}",
        },
    ]


def full_task(i: int) -> dict[str, object]:
    """Task ``i`` with the fields of Asana's ``TaskResponse``."""
    done = i % 4 == 0
    day = 1 + i % 28
    return {
        "gid": str(10_000_000 + i),
        "resource_type": "task",
        "name": f"Task number {i}: do the thing",
        "resource_subtype": "default_task",
        "created_by": {"gid": str(1200 + i % 50), "resource_type": "user"},
        "approval_status": "pending",
        "assignee_status": "upcoming",
        "completed": done,
        "completed_at": f"2024-03-{day:02d}T10:15:30.123Z" if done else None,
        "completed_by": _user(i + 1) if done else None,
        "created_at": f"2024-01-{day:02d}T09:00:00.000Z",
        "dependencies": [{"gid": str(10_000_000 + max(i - 1, 0)), "resource_type": "task"}],
        "dependents": [],
        "due_at": None,
        "due_on": f"2024-04-{day:02d}",
        "external": {"gid": f"ext-{i}", "data": "A blob of information"},
        "html_notes": f"<body>Notes for task <strong>{i}</strong></body>",
        "hearted": False,
        "hearts": [],
        "is_rendered_as_separator": False,
        "liked": i % 3 == 0,
        "likes": [{"gid": str(1700 + i % 9), "user": _user(i + 2)}] if i % 3 == 0 else [],
        "memberships": [{"project": _project(i), "section": _section(i)}],
        "modified_at": f"2024-05-{day:02d}T16:45:00.000Z",
        "notes": f"Notes for task {i}. " * 3,
        "num_hearts": 0,
        "num_likes": 1 if i % 3 == 0 else 0,
        "num_subtasks": i % 4,
        "start_at": None,
        "start_on": f"2024-02-{day:02d}",
        "actual_time_minutes": 200.0,
        "assignee": _user(i),
        "assignee_section": _section(i),
        "custom_fields": _custom_fields(i),
        "custom_type": None,
        "custom_type_status_option": None,
        "followers": [_user(i), _user(i + 3)],
        "parent": None,
        "projects": [_project(i)],
        "tags": [{"gid": str(1800 + i % 4), "resource_type": "tag", "name": f"tag-{i % 4}"}],
        "workspace": {"gid": "1100", "resource_type": "workspace", "name": "Bench workspace"},
        "permalink_url": f"https://example.com/0/{1300 + i % 7}/{10_000_000 + i}",
    }


def compact_task(i: int) -> dict[str, object]:
    return {
        "gid": str(10_000_000 + i),
        "name": f"Task number {i}: do the thing",
        "resource_type": "task",
        "resource_subtype": "default_task",
    }


def page_body(project: str, limit: int, offset: int, host: str) -> bytes:
    key = (project, limit, offset)
    body = _cache.get(key)
    if body is None:
        kind, _, size = project.partition("-")
        total = int(size)
        make = full_task if kind == "full" else compact_task
        end = min(offset + limit, total)
        data = [make(i) for i in range(offset, end)]
        next_page = None
        if end < total:
            path = f"/tasks?project={project}&limit={limit}&offset={end}"
            next_page = {"offset": str(end), "path": path, "uri": f"http://{host}{PREFIX}{path}"}
        body = json.dumps({"data": data, "next_page": next_page}).encode()
        with _lock:
            _cache[key] = body
    return body


def task_body(gid: str) -> bytes:
    body = _task_cache.get(gid)
    if body is None:
        body = json.dumps({"data": full_task(int(gid) - 10_000_000)}).encode()
        with _lock:
            _task_cache[gid] = body
    return body


def _response(status: str, body: bytes) -> bytes:
    head = (
        f"HTTP/1.1 {status}\r\nContent-Type: application/json; charset=UTF-8\r\n"
        f"Content-Length: {len(body)}\r\n\r\n"
    )
    return head.encode() + body


class Handler(socketserver.StreamRequestHandler):
    def setup(self) -> None:
        self.request.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        super().setup()

    def handle(self) -> None:
        address = self.server.server_address
        assert isinstance(address, tuple)  # an AF_INET server: (host, port)
        host = f"{address[0]}:{address[1]}"
        while True:
            line = self.rfile.readline(65537)
            if not line:
                return
            close = False
            while True:  # headers: only Connection matters (GET requests carry no body)
                header = self.rfile.readline(65537)
                if header in (b"\r\n", b"\n", b""):
                    break
                if header.lower().startswith(b"connection:") and b"close" in header.lower():
                    close = True
            try:
                method, target, _ = line.decode("latin-1").split(" ", 2)
                self.wfile.write(self.route(method, target, host))
            except Exception as exc:  # a bench bug: say so, in the shape of an Asana error
                body = json.dumps({"errors": [{"message": repr(exc)}]}).encode()
                self.wfile.write(_response("500 Internal Server Error", body))
            if close:
                return

    def route(self, method: str, target: str, host: str) -> bytes:
        parts = urlsplit(target)
        path = parts.path.removeprefix(PREFIX)
        if method != "GET":
            return _response("405 Method Not Allowed", b'{"errors":[{"message":"GET only"}]}')
        if path == "/tasks":
            query = {k: v[0] for k, v in parse_qs(parts.query).items()}
            body = page_body(
                query["project"],
                int(query.get("limit", "50")),
                int(query.get("offset", "0")),
                host,
            )
            return _response("200 OK", body)
        if path.startswith("/tasks/"):
            return _response("200 OK", task_body(path.removeprefix("/tasks/")))
        return _response("404 Not Found", b'{"errors":[{"message":"Not found"}]}')


class Server(socketserver.ThreadingTCPServer):
    daemon_threads = True
    allow_reuse_address = True


def main() -> None:
    with Server(("127.0.0.1", int(sys.argv[1]) if len(sys.argv) > 1 else 0), Handler) as srv:
        print(f"PORT {srv.server_address[1]}", flush=True)
        srv.serve_forever()


if __name__ == "__main__":
    main()
