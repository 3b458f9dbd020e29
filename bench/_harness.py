"""Shared by the contender scripts: run one job in this (fresh) process and print its costs.

Usage: ``<python> bench/<contender>.py JOB BASE_URL N``, JOB one of ``compact``, ``full``,
``single``, ``memory``. Prints one JSON line: CPU seconds of the job (user + sys of this
process, after imports and client creation), items seen, and for ``memory`` the peak RSS
minus the RSS after import, in KiB. Runs under any contender's interpreter: stdlib only.
"""

from __future__ import annotations

import json
import resource
import sys
from collections.abc import Callable, Iterable

PAGE_SIZE = 100
FIRST_GID = 10_000_000

# make_client(base_url) -> client; iterate(client, project) -> items; get(client, gid) -> item
Iterate = Callable[[object, str], Iterable[object]]
Get = Callable[[object, str], object]


def _cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def _status_kib(field: str) -> int:
    """``VmRSS`` (now) or ``VmHWM`` (peak so far) of this process, from /proc, in KiB."""
    with open("/proc/self/status") as f:
        for line in f:
            if line.startswith(field + ":"):
                return int(line.split()[1])
    raise RuntimeError(f"no {field} in /proc/self/status")


def run(make_client: Callable[[str], object], iterate: Iterate, get: Get) -> None:
    job, base_url, n = sys.argv[1], sys.argv[2], int(sys.argv[3])
    client = make_client(base_url)
    rss_before = _status_kib("VmRSS")
    start = _cpu()
    count = 0
    if job in ("compact", "memory"):
        for _ in iterate(client, f"compact-{n}"):
            count += 1
    elif job == "full":
        for _ in iterate(client, f"full-{n}"):
            count += 1
    elif job == "single":
        for i in range(n):
            get(client, str(FIRST_GID + i % 1000))
            count += 1
    else:
        raise SystemExit(f"unknown job {job!r}")
    cpu = _cpu() - start
    peak = _status_kib("VmHWM")
    if count != n:
        raise SystemExit(f"{job}: saw {count} items, expected {n}")
    print(json.dumps({"cpu": cpu, "count": count, "rss_delta_kib": peak - rss_before}))
