"""Run every benchmark job for every contender and print one table of medians.

Contenders: ``floor`` (raw httpx + json.loads), ``asana-typed`` (this repo), and the
official clients ``asana-3.2.3`` and ``asana-5.4.0``, each in its own venv under
``bench/.venvs/`` (``--install`` creates them). Jobs, each run in a fresh process against
``bench/server.py`` on 127.0.0.1, measuring the client process's CPU (user + sys):

* ``compact``: iterate 50,000 compact tasks, page size 100
* ``full``: iterate 10,000 full tasks (about 40 fields each), page size 100
* ``single``: 1,000 single-task GETs
* ``import``: import the package and create a client (the floor: ``import httpx, pydantic``)
* ``memory``: peak RSS minus RSS after import while iterating 200,000 compact tasks

Each round runs every job of every contender once, and the table shows medians over rounds,
so drift on a shared machine affects every column alike.

``--short`` runs tiny sizes once, with the contenders that are installed (CI runs it).
Usage: ``.venv/bin/python bench/run.py [--short] [--install] [--only a,b] [--runs N]``.
"""

from __future__ import annotations

import argparse
import json
import resource
import statistics
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

BENCH = Path(__file__).resolve().parent
PACKAGE = BENCH.parent / "asana_typed"
VENVS = BENCH / ".venvs"
RESULTS = BENCH / ".results"
OLD_VERSIONS = ("3.2.3", "5.4.0")

FULL_SIZES = {"compact": 50_000, "full": 10_000, "single": 1_000, "memory": 200_000}
SHORT_SIZES = {"compact": 500, "full": 100, "single": 20, "memory": 1_000}
JOBS = ("compact", "full", "single", "import", "memory")
LABELS = {
    "compact": "iterate {n:,} compact tasks (CPU ms)",
    "full": "iterate {n:,} full tasks (CPU ms)",
    "single": "{n:,} single GETs (CPU ms)",
    "import": "import + create client (CPU ms)",
    "memory": "peak RSS - RSS after import, {n:,} items (MiB)",
}


@dataclass
class Contender:
    key: str
    python: Path
    script: str
    skipped: str | None = None
    results: dict[str, float] = field(default_factory=dict)
    failed: set[str] = field(default_factory=set)  # jobs that errored

    @property
    def import_code(self) -> str:
        # The script's IMPORT constant, read without importing the script (other venv).
        text = (BENCH / self.script).read_text()
        namespace: dict[str, object] = {}
        start = text.index("IMPORT = ")
        end = text.index("\n\n", start)
        exec(text[start:end], namespace)
        return str(namespace["IMPORT"])


def contenders() -> list[Contender]:
    here = Path(sys.executable)
    found = [
        Contender("floor", here, "c_floor.py"),
        Contender("asana-typed", here, "c_asana_typed.py"),
    ]
    for version in OLD_VERSIONS:
        script = f"c_asana{version[0]}.py"
        found.append(
            Contender(f"asana-{version}", VENVS / f"asana-{version}" / "bin/python", script)
        )
    return found


def installed(python: Path, version: str) -> bool:
    if not python.exists():
        return False
    probe = "import importlib.metadata as m; print(m.version('asana'))"
    out = subprocess.run([python, "-c", probe], capture_output=True, text=True, check=False)
    return out.returncode == 0 and out.stdout.strip() == version


def install(contender: Contender, version: str) -> None:
    """Create the contender's venv and install ``asana==version``; on failure, mark it skipped."""
    if installed(contender.python, version):
        return
    venv = contender.python.parent.parent
    print(f"installing asana=={version} into {venv.relative_to(BENCH.parent)} ...", flush=True)
    steps = [
        [sys.executable, "-m", "venv", "--clear", str(venv)],
        [
            str(contender.python),
            "-m",
            "pip",
            "install",
            "--quiet",
            "--disable-pip-version-check",
            f"asana=={version}",
        ],
    ]
    for step in steps:
        done = subprocess.run(step, capture_output=True, text=True, check=False)
        if done.returncode != 0:
            last = (done.stderr.strip().splitlines() or ["no output"])[-1]
            contender.skipped = f"install failed: {last[:120]}"
            return


def start_server() -> tuple[subprocess.Popen[str], str]:
    server = subprocess.Popen(
        [sys.executable, str(BENCH / "server.py")], stdout=subprocess.PIPE, text=True
    )
    assert server.stdout is not None
    line = server.stdout.readline()
    if not line.startswith("PORT "):
        server.kill()
        raise SystemExit(f"bench server did not start: {line!r}")
    return server, f"http://127.0.0.1:{line.split()[1]}/api/1.0"


def child_cpu(argv: list[str]) -> tuple[float, str]:
    """CPU seconds (user + sys) of a child process, and its stdout."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    done = subprocess.run(argv, capture_output=True, text=True, check=False)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if done.returncode != 0:
        raise RuntimeError(f"{' '.join(argv)} failed:\n{done.stderr[-2000:]}")
    return (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime), done.stdout


def measure_once(c: Contender, job: str, base_url: str, n: int) -> float:
    """One fresh process: CPU ms of the job (of the whole process for ``import``), or MiB."""
    if job == "import":
        return child_cpu([str(c.python), "-c", c.import_code])[0] * 1000
    _, out = child_cpu([str(c.python), str(BENCH / c.script), job, base_url, str(n)])
    result = json.loads(out.strip().splitlines()[-1])
    return float(result["rss_delta_kib"]) / 1024 if job == "memory" else result["cpu"] * 1000


def measure_all(chosen: list[Contender], base_url: str, sizes: dict[str, int], runs: int) -> None:
    """Medians into each contender's ``results``. Runs are interleaved (each round measures
    every job of every contender once), so a slow spell on a shared machine touches all
    contenders alike instead of skewing one column."""
    samples: dict[tuple[str, str], list[float]] = {}
    started = time.monotonic()
    for round_ in range(1, runs + 1):
        for job in JOBS:
            for c in chosen:
                if c.skipped or job in c.failed:
                    continue
                try:
                    value = measure_once(c, job, base_url, sizes.get(job, 0))
                except RuntimeError as exc:
                    print(f"{c.key} {job}: FAILED\n{exc}", file=sys.stderr)
                    c.failed.add(job)
                    continue
                samples.setdefault((c.key, job), []).append(value)
        print(f"round {round_}/{runs} done ({time.monotonic() - started:.0f}s)", file=sys.stderr)
    for c in chosen:
        for job in JOBS:
            values = samples.get((c.key, job))
            if values and job not in c.failed:
                c.results[job] = statistics.median(values)


def table(chosen: list[Contender], sizes: dict[str, int], runs: int) -> str:
    floor = next((c for c in chosen if c.key == "floor"), None)
    width = 50
    cols = [c for c in chosen if not c.skipped]
    head = f"{'job':{width}}" + "".join(f" | {c.key:>20}" for c in cols)
    lines = [head, "-" * len(head)]
    for job in JOBS:
        label = LABELS[job].format(n=sizes.get(job, 0))
        row = f"{label:{width}}"
        for c in cols:
            value = c.results.get(job)
            if value is None:
                row += f" | {'-':>20}"
                continue
            base = floor.results.get(job) if floor else None
            ratio = f"x{value / base:.2f}" if base and c is not floor else ""
            row += f" | {value:12.1f} {ratio:>7}"
        lines.append(row)
    for c in chosen:
        if c.skipped:
            lines.append(f"{c.key}: SKIPPED ({c.skipped})")
    lines.append(f"(median of {runs} run(s) each; ratios are to the floor, lower is better)")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--short", action="store_true", help="tiny sizes, 1 run")
    parser.add_argument("--install", action="store_true", help="install the old clients first")
    parser.add_argument("--only", help="comma-separated contenders (floor,asana-typed,...)")
    parser.add_argument("--runs", type=int, help="runs per measurement (default 5, short 1)")
    args = parser.parse_args()
    sizes = SHORT_SIZES if args.short else FULL_SIZES
    runs = args.runs or (1 if args.short else 5)
    chosen = contenders()
    if args.only:
        wanted = args.only.split(",")
        unknown = set(wanted) - {c.key for c in chosen}
        if unknown:
            raise SystemExit(f"unknown contenders: {', '.join(sorted(unknown))}")
        chosen = [c for c in chosen if c.key in wanted]
    for c in chosen:
        version = c.key.removeprefix("asana-")
        if version in OLD_VERSIONS:
            if args.install:
                install(c, version)
            elif not installed(c.python, version):
                c.skipped = "not installed (run with --install, or `make bench`)"
    # pip compiles a package to bytecode when it installs it (the old clients, httpx and
    # pydantic all come that way); this checkout is used from source, so compile it too,
    # or every fresh process would pay for compiling asana_typed on import.
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(PACKAGE)], check=True)
    server, base_url = start_server()
    try:
        measure_all(chosen, base_url, sizes, runs)
    finally:
        server.kill()
        server.wait()
    print(table(chosen, sizes, runs))
    RESULTS.mkdir(exist_ok=True)
    name = "short.json" if args.short else "full.json"
    dump = {c.key: c.skipped or c.results for c in chosen}
    (RESULTS / name).write_text(json.dumps({"sizes": sizes, "runs": runs, "results": dump}))


if __name__ == "__main__":
    main()
