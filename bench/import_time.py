"""How much ``import asana_typed`` (plus creating a client) costs next to its dependencies.

Each measurement runs in a fresh interpreter, several times; the table shows the median
CPU time (user + sys of the child) and the ratio to ``import httpx, pydantic``, all from
one run on one machine. Run: ``.venv/bin/python bench/import_time.py [--runs N]``.
"""

from __future__ import annotations

import argparse
import resource
import statistics
import subprocess
import sys

CASES = {
    "floor: import httpx, pydantic": "import httpx, pydantic; pydantic.BaseModel",
    "import asana_typed + Client": ("import asana_typed; asana_typed.Client.access_token('x')"),
    "... + first use of client.tasks": (
        "import asana_typed; asana_typed.Client.access_token('x').tasks"
    ),
    "... + import every model": (
        "import asana_typed.models as m; [getattr(m, n) for n in m.__all__]"
    ),
}


def cpu_seconds(code: str) -> float:
    """User+sys CPU seconds of a fresh interpreter running ``code``."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    subprocess.run([sys.executable, "-c", code], check=True)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    cpu_seconds("pass")  # warm the OS file cache
    results = {
        name: statistics.median(cpu_seconds(code) for _ in range(args.runs))
        for name, code in CASES.items()
    }
    floor = results["floor: import httpx, pydantic"]
    bare = cpu_seconds("pass")
    print(f"{'case':40} {'median CPU ms':>14} {'ratio':>7}")
    for name, seconds in results.items():
        print(f"{name:40} {seconds * 1000:14.1f} {seconds / floor:7.2f}")
    print(f"(a bare interpreter costs about {bare * 1000:.1f} ms of that; {args.runs} runs each)")


if __name__ == "__main__":
    main()
