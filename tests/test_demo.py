"""``make demo`` end to end: the tour against the fake over HTTP exits 0 and shows each step."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_tour_runs_against_the_fake() -> None:
    env = {k: v for k, v in os.environ.items() if k != "ASANA_ACCESS_TOKEN"}
    result = subprocess.run(
        [sys.executable, str(ROOT / "examples" / "tour.py")],
        capture_output=True,
        text=True,
        timeout=120,
        env=env,
        cwd=ROOT,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    out = result.stdout
    assert "serving http://127.0.0.1:" in out
    assert "Hello Fake User" in out
    assert "Created 250 tasks" in out
    assert "Read 250 TaskRow rows in 3 requests" in out
    assert "25 of 250 completed" in out
    assert "Uploaded 'agenda.txt'" in out
    assert "First events call answered 412" in out
    assert "the client waits 1.0 s before retrying" in out
    assert "NotFoundError: status 404" in out
    assert "Signed in with OAuth: Hello Fake User" in out
    assert "token_updater saw 1 new token" in out
    assert '"name": "Task 001"' in out
    assert out.rstrip().endswith("Tour complete.")
    assert result.stderr == ""
