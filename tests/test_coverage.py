"""Every method a user may call exists: each operationId of the spec under
``client.<tag_attribute(tag)>.<snake(operationId)>``, and each legacy name of
``reference/legacy-method-names.md`` under ``client.<section>``."""

from __future__ import annotations

import re
from collections import Counter
from functools import cache
from pathlib import Path
from typing import Any

import pytest

import asana_typed as asana
from codegen.names import snake, tag_attribute
from tests import spec_support as ss

SPEC_OPERATIONS = 247
LEGACY_NAMES = 139
LEGACY_SECTIONS = 21
LEGACY_TABLE = "reference/legacy-method-names.md"

_SECTION = re.compile(r"^##\s+([a-z_]+)\b")
_ROW = re.compile(r"^\|\s*`([a-z_][a-z0-9_]*)`\s*\|")


def parse_legacy(path: Path) -> dict[str, list[str]]:
    """``{section: [legacy names]}`` from the markdown tables (section heading = attribute)."""
    sections: dict[str, list[str]] = {}
    current: str | None = None
    for line in path.read_text(encoding="utf-8").splitlines():
        heading = _SECTION.match(line)
        if heading:
            current = heading.group(1)
            sections.setdefault(current, [])
            continue
        row = _ROW.match(line)
        if row and current is not None and row.group(1) not in sections[current]:
            sections[current].append(row.group(1))
    return sections


@cache
def legacy_names() -> dict[str, list[str]]:
    return parse_legacy(ss.shared_file(LEGACY_TABLE))


def client() -> asana.Client:
    return asana.Client.access_token("0/not-used")  # no request is made


def test_spec_has_all_operations() -> None:
    ss.require_spec()
    ids = [op.operation_id for op in ss.spec_operations()]
    repeated = [i for i, n in Counter(ids).items() if n > 1]
    assert not repeated, f"operationIds used twice: {repeated}"
    assert len(ids) == SPEC_OPERATIONS, f"the spec has {len(ids)} operations, not 247"
    names = [(tag_attribute(op.tag), snake(op.operation_id)) for op in ss.spec_operations()]
    clashes = [n for n, k in Counter(names).items() if k > 1]
    assert not clashes, f"two operations map to one method: {clashes}"


@pytest.mark.parametrize("expected", [SPEC_OPERATIONS], ids=[f"{SPEC_OPERATIONS}-operations"])
def test_every_operation_is_callable(expected: int) -> None:
    ss.require_spec()
    sdk = client()
    missing = []
    for op in ss.spec_operations():
        attribute, name = tag_attribute(op.tag), snake(op.operation_id)
        if not callable(getattr(getattr(sdk, attribute, None), name, None)):
            missing.append(f"client.{attribute}.{name} ({op.operation_id}: {op.verb} {op.path})")
    total = len(ss.spec_operations())
    assert not missing, (
        f"{len(missing)} of {total} operations are not callable "
        f"({total - len(missing)} are):\n" + "\n".join(missing)
    )
    assert total == expected, f"{total} operations callable, expected {expected}"


def test_every_tag_is_a_client_attribute() -> None:
    ss.require_spec()
    sdk = client()
    tags = sorted({op.tag for op in ss.spec_operations()})
    missing = [
        f"{tag!r} -> client.{tag_attribute(tag)}"
        for tag in tags
        if getattr(sdk, tag_attribute(tag), None) is None
    ]
    assert not missing, f"{len(missing)} of {len(tags)} tags have no resource: {missing}"


def legacy_params() -> list[Any]:
    """One ``pytest.param`` per legacy section, id ``<section>-<number of names>``."""
    path = ss.shared_file_or_none(LEGACY_TABLE)
    if path is None:
        return [pytest.param("", id="no-legacy-table")]
    return [
        pytest.param(section, id=f"{section}-{len(names)}")
        for section, names in parse_legacy(path).items()
    ]


def test_legacy_table_parses() -> None:
    sections = legacy_names()
    counts = {section: len(names) for section, names in sections.items()}
    # The table's own shape: 139 distinct names in 21 sections, none empty.
    assert len(sections) == LEGACY_SECTIONS, counts
    assert sum(counts.values()) == LEGACY_NAMES, counts
    assert all(counts.values()), counts
    assert "find_by_id" in sections["tasks"]
    assert sections["events"] == ["get", "get_iterator", "get_next"]


@pytest.mark.parametrize(
    "expected", [LEGACY_NAMES], ids=[f"{LEGACY_NAMES}-names-{LEGACY_SECTIONS}-sections"]
)
def test_every_legacy_name_is_callable(expected: int) -> None:
    sections = legacy_names()
    sdk = client()
    missing = []
    total = 0
    for section, names in sections.items():
        resource = getattr(sdk, section, None)
        for name in names:
            total += 1
            if not callable(getattr(resource, name, None)):
                missing.append(f"client.{section}.{name}")
    assert not missing, (
        f"{len(missing)} of {total} legacy names in {len(sections)} sections are not "
        f"callable ({total - len(missing)} are):\n" + "\n".join(missing)
    )
    assert total == expected, f"{total} legacy names callable, expected {expected}"


@pytest.mark.parametrize("section", legacy_params())
def test_legacy_names_of_each_section(section: str) -> None:
    """Section by section (id: section and its number of names), so a failure names it."""
    names = legacy_names()[section]
    resource = getattr(client(), section, None)
    assert resource is not None, f"client.{section} does not exist"
    missing = [n for n in names if not callable(getattr(resource, n, None))]
    assert not missing, f"client.{section}: {len(missing)} of {len(names)} missing: {missing}"
