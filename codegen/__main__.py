"""``python -m codegen SPEC [--out ROOT]``: regenerate ``asana_typed/models`` and ``api``.

Writes every generated file under ROOT (the repository by default), deletes generated files
that are no longer produced, and formats the result with ruff, so a regeneration into a
temporary folder can be compared byte for byte with what is committed.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
from pathlib import Path

from . import api, models
from .names import HEADER
from .spec import load_spec

ROOT = Path(__file__).resolve().parent.parent
GENERATED_DIRS = ("asana_typed/models", "asana_typed/api")


def render(spec_path: str | Path) -> dict[str, str]:
    """Every generated file, as ``{path relative to the root: source}``, before formatting."""
    spec = load_spec(spec_path)
    files = {**models.generate(spec), **api.generate(spec)}
    for path, source in files.items():
        if not source.startswith(HEADER):
            raise ValueError(f"{path} does not start with the generated-file header")
    return files


def write(files: dict[str, str], root: Path) -> list[Path]:
    """Write ``files`` under ``root``, remove stale generated files, format; return the paths."""
    written = []
    for relative, source in sorted(files.items()):
        target = root / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(source, encoding="utf-8")
        written.append(target)
    keep = {root / relative for relative in files}
    for folder in GENERATED_DIRS:
        for path in sorted((root / folder).glob("*.py")):
            if path not in keep and path.read_text(encoding="utf-8").startswith(HEADER):
                path.unlink()
    format_files(written, root)
    return written


def format_files(paths: list[Path], root: Path) -> None:
    """ruff's import sorting and formatter, with the repository's settings."""
    config = ["--config", str(ROOT / "pyproject.toml")]
    names = [str(p) for p in paths]
    ruff = [sys.executable, "-m", "ruff"]
    subprocess.run(
        [*ruff, "check", *config, "--fix", "--select", "I,F401", "-q", *names],
        check=False,
        cwd=root,
    )
    subprocess.run([*ruff, "format", *config, "-q", *names], check=True, cwd=root)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m codegen", description=__doc__)
    parser.add_argument("spec", help="path to Asana's asana_oas.yaml")
    parser.add_argument("--out", type=Path, default=ROOT, help="root to write into")
    args = parser.parse_args(argv)
    written = write(render(args.spec), args.out)
    print(f"wrote {len(written)} generated files under {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
