"""The committed ``asana_typed/models`` and ``asana_typed/api`` are exactly what the generator
writes, and every patch of ``codegen/overrides.py`` still has something to fix."""

from __future__ import annotations

import copy
import difflib
import json
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from codegen.names import HEADER
from codegen.overrides import PATCHES, Patch
from codegen.spec import HTTP_VERBS
from tests import spec_support as ss

ROOT = ss.REPO
GENERATED_DIRS = ("asana_typed/models", "asana_typed/api")
Spec = dict[str, Any]


def generated_files(root: Path) -> dict[str, str]:
    """``{relative path: text}`` of every file under the generated folders that starts with
    the generated-file header (hand-written files there do not)."""
    found: dict[str, str] = {}
    for folder in GENERATED_DIRS:
        base = root / folder
        if not base.is_dir():
            continue
        for path in sorted(base.rglob("*")):
            if not path.is_file() or "__pycache__" in path.parts:
                continue
            try:
                text = path.read_text(encoding="utf-8")
            except UnicodeDecodeError:
                continue
            if text.startswith(HEADER):
                found[path.relative_to(root).as_posix()] = text
    return found


@pytest.fixture(scope="module")
def regenerated(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    """What ``python -m codegen SPEC --out TMP`` writes, once per module."""
    spec = ss.require_spec()
    out = tmp_path_factory.mktemp("regenerated")
    done = subprocess.run(
        [sys.executable, "-m", "codegen", str(spec), "--out", str(out)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert done.returncode == 0, (
        f"python -m codegen failed ({done.returncode}):\n{done.stdout[-2000:]}\n"
        f"{done.stderr[-4000:]}"
    )
    return generated_files(out)


def test_regeneration_matches_committed_files(regenerated: dict[str, str]) -> None:
    committed = generated_files(ROOT)
    assert regenerated, "the generator wrote no files"
    missing = sorted(set(regenerated) - set(committed))
    extra = sorted(set(committed) - set(regenerated))
    both = set(regenerated) & set(committed)
    different = sorted(p for p in both if regenerated[p] != committed[p])
    report = []
    if missing:
        report.append(f"generated but not committed ({len(missing)}): {missing}")
    if extra:
        report.append(f"committed with the header but no longer generated ({len(extra)}): {extra}")
    for path in different[:5]:
        diff = difflib.unified_diff(
            committed[path].splitlines(),
            regenerated[path].splitlines(),
            f"committed/{path}",
            f"regenerated/{path}",
            lineterm="",
            n=2,
        )
        report.append("\n".join(list(diff)[:40]))
    if len(different) > 5:
        report.append(f"... and {len(different) - 5} more differ: {different[5:]}")
    assert not report, (
        f"{len(missing) + len(extra) + len(different)} of {len(regenerated)} generated files "
        "are out of date; run `python -m codegen ../shared/asana_oas.yaml`:\n" + "\n".join(report)
    )


def test_generated_files_start_with_the_header(regenerated: dict[str, str]) -> None:
    wrong = [p for p, text in regenerated.items() if text.splitlines()[0] != HEADER]
    assert not wrong, f"first line is not exactly the header in: {wrong}"
    committed = generated_files(ROOT)
    wrong = [p for p, text in committed.items() if text.splitlines()[0] != HEADER]
    assert not wrong, f"committed generated files whose first line is not the header: {wrong}"


def test_generated_packages_are_complete(regenerated: dict[str, str]) -> None:
    """The generator writes into both folders."""
    for folder in GENERATED_DIRS:
        assert any(p.startswith(folder + "/") for p in regenerated), f"nothing under {folder}"


# -- overrides ----------------------------------------------------------------------------


def test_every_patch_has_a_name_and_a_reason() -> None:
    assert PATCHES, "no patches at all"
    names = [p.name for p in PATCHES]
    assert len(set(names)) == len(names), f"patch names repeat: {names}"
    for patch in PATCHES:
        assert isinstance(patch, Patch)
        assert patch.name.strip(), f"a patch without a name: {patch!r}"
        assert patch.reason.strip(), f"patch {patch.name!r} gives no reason"
        assert "\n" not in patch.reason.strip(), f"patch {patch.name!r}: reason is one line"
        assert callable(patch.apply)


def _patch_steps() -> Iterator[tuple[Patch, Spec, Spec]]:
    """``(patch, spec before it, spec after it)``, applying the patches in order to the
    published spec, as ``load_spec`` does."""
    spec = copy.deepcopy(ss.raw_spec())
    for patch in PATCHES:
        before = copy.deepcopy(spec)
        patch.apply(spec)
        yield patch, before, spec


def test_every_patch_still_changes_the_spec() -> None:
    """A patch that changes nothing fixes a quirk the spec no longer has: remove it."""
    ss.require_spec()
    idle = []
    for patch, before, after in _patch_steps():
        if json.dumps(before, sort_keys=True) == json.dumps(after, sort_keys=True):
            idle.append(patch.name)
    assert not idle, f"patches that no longer change the published spec: {idle}"


def _ops(spec: Spec) -> Iterator[tuple[str, str, Spec]]:
    for path, item in spec["paths"].items():
        for verb in HTTP_VERBS:
            if verb in item:
                yield path, verb, item[verb]


def _props(spec: Spec, schema: str) -> Spec:
    node = spec["components"]["schemas"][schema]
    for part in [node, *node.get("allOf", [])]:
        if "properties" in part:
            props: Spec = part["properties"]
            return props
    raise KeyError(schema)


def _codes(spec: Spec) -> set[str]:
    return {code for _, _, op in _ops(spec) for code in op.get("responses", {})}


def _nullable_enums_with_null(spec: Spec) -> int:
    count = 0

    def walk(node: object) -> None:
        nonlocal count
        if isinstance(node, dict):
            enum = node.get("enum")
            if isinstance(enum, list) and None in enum and node.get("nullable"):
                count += 1
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    walk(spec["components"]["schemas"])
    return count


def _param_names(spec: Spec, path: str, verb: str) -> set[str]:
    names = set()
    for param in spec["paths"][path][verb].get("parameters", []):
        names.add(param["$ref"].rsplit("/", 1)[-1] if "$ref" in param else param["name"])
    return names


_SEARCH = "/workspaces/{workspace_gid}/tasks/search"
_WS_EVENTS = "/workspaces/{workspace_gid}/events"


def _hook_schema(spec: Spec) -> Spec:
    body: Spec = spec["paths"]["/webhooks"]["post"]["responses"]["201"]
    return body


# What each patch claims about the published spec, checked on the spec before the patch
# (``raw``) and after it (``fixed``). Keyed by patch name; a patch added without a claim
# here is still covered by ``test_every_patch_still_changes_the_spec``.
CLAIMS: dict[str, Callable[[Spec, Spec], None]] = {}


def claim(name: str) -> Callable[[Callable[[Spec, Spec], None]], Callable[[Spec, Spec], None]]:
    def register(check: Callable[[Spec, Spec], None]) -> Callable[[Spec, Spec], None]:
        CLAIMS[name] = check
        return check

    return register


@claim("event-user-parent-nullable")
def _event_nullable(raw: Spec, fixed: Spec) -> None:
    for field in ("user", "parent"):
        assert not _props(raw, "EventResponse")[field].get("nullable"), field
        assert _props(fixed, "EventResponse")[field]["nullable"] is True, field


@claim("rekey-424-501")
def _rekey(raw: Spec, fixed: Spec) -> None:
    assert {"424", "501"} & _codes(raw), "the spec lists no 424/501 any more"
    assert not {"424", "501"} & _codes(fixed)


@claim("declare-429")
def _declare_429(raw: Spec, fixed: Spec) -> None:
    undeclared = [op.get("operationId") for _, _, op in _ops(raw) if "429" not in op["responses"]]
    assert undeclared, "every operation already declares 429"
    assert all("429" in op["responses"] for _, _, op in _ops(fixed))


@claim("search-limit")
def _search_limit(raw: Spec, fixed: Spec) -> None:
    assert "limit" not in _param_names(raw, _SEARCH, "get")
    assert "limit" in _param_names(fixed, _SEARCH, "get")


@claim("hook-secret-header")
def _hook_secret(raw: Spec, fixed: Spec) -> None:
    schema = _hook_schema(raw)["content"]["application/json"]["schema"]
    assert "X-Hook-Secret" in schema["properties"]
    fixed_response = _hook_schema(fixed)
    assert (
        "X-Hook-Secret" not in fixed_response["content"]["application/json"]["schema"]["properties"]
    )
    assert "X-Hook-Secret" in fixed_response["headers"]


@claim("workspace-events-412")
def _events_412(raw: Spec, fixed: Spec) -> None:
    assert "412" not in raw["paths"][_WS_EVENTS]["get"]["responses"]
    assert "412" in fixed["paths"][_WS_EVENTS]["get"]["responses"]


@claim("enum-null")
def _enum_null(raw: Spec, fixed: Spec) -> None:
    assert _nullable_enums_with_null(raw) >= 1
    assert _nullable_enums_with_null(fixed) == 0


@claim("batch-offset-string")
def _batch_offset(raw: Spec, fixed: Spec) -> None:
    raw_offset = _props(raw, "BatchRequestAction")["options"]["properties"]["offset"]
    assert raw_offset["type"] == "integer"
    fixed_offset = _props(fixed, "BatchRequestAction")["options"]["properties"]["offset"]
    assert fixed_offset["type"] == "string"


@claim("project-team-nullable")
def _project_team(raw: Spec, fixed: Spec) -> None:
    assert not _props(raw, "ProjectResponse")["team"].get("nullable")
    assert _props(fixed, "ProjectResponse")["team"]["nullable"] is True


def test_each_patch_fixes_what_it_claims() -> None:
    ss.require_spec()
    checked, failures = [], []
    for patch, before, after in _patch_steps():
        check = CLAIMS.get(patch.name)
        if check is None:
            continue
        checked.append(patch.name)
        try:
            check(before, after)
        except (AssertionError, KeyError) as exc:
            failures.append(f"{patch.name} ({patch.reason}): {type(exc).__name__} {exc}")
    assert not failures, "patches whose claim does not hold:\n" + "\n".join(failures)
    stale = sorted(set(CLAIMS) - {p.name for p in PATCHES})
    assert not stale, f"claims about patches that no longer exist: {stale}"
    assert checked, "no patch was checked"
