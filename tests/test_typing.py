"""Static typing contracts: mypy must reject each misuse marked in ``tests/typing/fail_*.py``."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from mypy import api as mypy_api

ROOT = Path(__file__).resolve().parent.parent
FAIL_FILES = sorted((ROOT / "tests" / "typing").glob("fail_*.py"))
MARK = re.compile(r"#\s*E:\s*([a-z-]+)\s*$")
ERROR = re.compile(r"^(?P<file>[^:]+):(?P<line>\d+): error: .*\[(?P<code>[a-z-]+)\]$")


def _expected(path: Path) -> set[tuple[int, str]]:
    marks = set()
    for number, line in enumerate(path.read_text().splitlines(), start=1):
        found = MARK.search(line)
        if found:
            marks.add((number, found.group(1)))
    return marks


@pytest.mark.parametrize("path", FAIL_FILES, ids=lambda p: p.name)
def test_mypy_rejects_marked_lines(path: Path) -> None:
    expected = _expected(path)
    assert expected, f"{path.name} marks no line with '# E: <code>'"
    stdout, stderr, _status = mypy_api.run(
        ["--config-file", str(ROOT / "mypy.ini"), "--no-error-summary", str(path)]
    )
    assert not stderr, stderr
    got = set()
    for line in stdout.splitlines():
        match = ERROR.match(line)
        if match and Path(match["file"]).name == path.name:
            got.add((int(match["line"]), match["code"]))
    missing = expected - got
    unexpected = {(n, c) for n, c in got if n not in {m for m, _ in expected}}
    assert not missing, f"mypy accepted misuses it must reject: {sorted(missing)}\n{stdout}"
    assert not unexpected, f"mypy rejected unmarked lines: {sorted(unexpected)}\n{stdout}"


def test_fail_files_exist() -> None:
    assert FAIL_FILES, "no tests/typing/fail_*.py files found"
