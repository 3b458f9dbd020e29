"""``bench/run.py --short`` keeps working (no timing assertions: CI only keeps it from rotting)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_bench_short_runs_every_job() -> None:
    done = subprocess.run(
        [sys.executable, str(ROOT / "bench" / "run.py"), "--short", "--only", "floor,asana-typed"],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
        cwd=ROOT,
    )
    assert done.returncode == 0, done.stderr
    rows = done.stdout.splitlines()
    for job in ("compact tasks", "full tasks", "single GETs", "import + create", "peak RSS"):
        matching = [row for row in rows if job in row]
        assert len(matching) == 1, (job, done.stdout)
        cells = [cell.strip() for cell in matching[0].split("|")[1:]]
        assert len(cells) == 2, matching[0]
        assert all(cell and cell != "-" for cell in cells), matching[0]
