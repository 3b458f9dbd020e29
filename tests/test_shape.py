"""Learned shapes: narrowed validators give the same results as full ones, whatever comes."""

from __future__ import annotations

import datetime
import json
from collections.abc import Iterator

import pytest
from pydantic import ConfigDict, ValidationError

import asana_typed as asana
from asana_typed import _shape, models
from asana_typed.models._base import NOT_LOADED, Envelope
from tests.conftest import ScriptedAsana


@pytest.fixture(autouse=True)
def fresh_shapes() -> Iterator[None]:
    """Each test learns from scratch (shapes are shared process-wide)."""
    saved = dict(_shape._entries)
    _shape._entries.clear()
    yield
    _shape._entries.clear()
    _shape._entries.update(saved)


def _compact(i: int) -> dict[str, object]:
    return {"gid": str(i), "resource_type": "task", "name": f"Task {i}"}


def _full(i: int, **more: object) -> dict[str, object]:
    return {
        "gid": str(i),
        "name": f"Task {i}",
        "completed": False,
        "assignee": {"gid": "7", "name": "Ann", "resource_type": "user"},
        "created_at": "2026-01-02T03:04:05.000Z",
        "followers": [{"gid": "8", "resource_type": "user"}],
        **more,
    }


def _key() -> _shape.ShapeKey:
    return (Envelope[models.Task], (None, None))


def _warm(api: ScriptedAsana, client: asana.Client) -> None:
    """Enough responses of one shape for the key to get a narrowed validator."""
    for i in range(_shape.LEARN_FROM):
        api.data(_full(i))
        client.tasks.get_task(str(i))
    assert _shape.narrowed(_key()) is not None


def test_narrowed_results_equal_full_validation(api: ScriptedAsana) -> None:
    client = api.client()
    classes = (Envelope[models.Task], models.Task, models.User)
    api.data(_full(0))
    client.tasks.get_task("0")
    before = [c.__pydantic_complete__ for c in classes]
    _warm(api, client)  # builds the narrowed validator
    sent = _full(10)
    api.data(sent)

    task = client.tasks.get_task("10")
    after = [c.__pydantic_complete__ for c in classes]

    full = models.Task.model_validate_json(json.dumps(sent))
    assert type(task) is models.Task
    assert task == full
    assert task.model_dump() == full.model_dump() == {**sent, "created_at": task.created_at}
    assert task.model_fields_set == full.model_fields_set
    assert task.created_at == datetime.datetime(2026, 1, 2, 3, 4, 5, tzinfo=datetime.timezone.utc)
    assert type(task.assignee) is models.User
    with pytest.raises(asana.FieldNotLoadedError):
        _ = task.notes
    # Building the narrowed validator left the classes as pydantic had them.
    assert after == before
    assert before[0] is True  # the envelope was complete, so the build did flip it and back


def test_a_field_not_seen_before_is_validated_and_widens_the_shape(api: ScriptedAsana) -> None:
    client = api.client()
    _warm(api, client)
    api.data(_full(10, due_at="2026-05-06T07:08:09Z", notes="new"))

    task = client.tasks.get_task("10")

    assert task.due_at == datetime.datetime(2026, 5, 6, 7, 8, 9, tzinfo=datetime.timezone.utc)
    assert task.notes == "new"
    assert "due_at" not in (task.model_extra or {})
    entry = _shape._entries[_key()]
    assert entry.misses == 1
    # The shape now takes the new fields: the next such response is no miss.
    api.data(_full(11, due_at=None, notes="again"))
    assert client.tasks.get_task("11").notes == "again"
    assert entry.misses == 1
    assert _shape.narrowed(_key()) is not None


def test_a_field_always_seen_before_may_be_missing(api: ScriptedAsana) -> None:
    client = api.client()
    _warm(api, client)
    sent = _full(10)
    del sent["completed"]
    api.data(sent)

    task = client.tasks.get_task("10")

    assert not task.is_loaded("completed")
    with pytest.raises(asana.FieldNotLoadedError):
        _ = task.completed
    assert task.model_dump() == {**sent, "created_at": task.created_at}


def test_a_wrong_value_after_narrowing_is_kept_as_sent_with_a_warning(api: ScriptedAsana) -> None:
    client = api.client()
    _warm(api, client)
    api.data(_full(10, completed="no"))

    with pytest.warns(asana.ResponseValidationWarning, match=r"data\.completed"):
        task = client.tasks.get_task("10")

    completed: object = task.completed
    assert completed == "no"


def test_unknown_keys_pass_the_narrowed_validator_as_extras(api: ScriptedAsana) -> None:
    client = api.client()
    _warm(api, client)
    api.data(_full(10, brand_new_field={"x": 1}))

    task = client.tasks.get_task("10")

    assert task["brand_new_field"] == {"x": 1}
    assert _shape.narrowed(_key()) is not None  # an unknown key is no miss


def test_after_repeated_misses_the_key_stays_on_full_validation(api: ScriptedAsana) -> None:
    client = api.client()
    _warm(api, client)
    new_fields = ["notes", "html_notes", "permalink_url", "resource_subtype"]
    for name in new_fields[: _shape.MAX_MISSES]:
        api.data(_full(99, **{name: "x"}))
        assert client.tasks.get_task("99")[name] == "x"

    assert _shape._entries[_key()].off
    assert _shape.narrowed(_key()) is None
    api.data(_full(1))
    assert client.tasks.get_task("1").name == "Task 1"
    assert _shape.narrowed(_key()) is None


def test_collections_learn_per_requested_fields(api: ScriptedAsana) -> None:
    client = api.client()
    pages = 4
    for page in range(pages):
        last = page == pages - 1
        api.data(
            [_compact(page * 2), _compact(page * 2 + 1)],
            next_page=None if last else {"offset": f"o{page}", "path": "/tasks", "uri": "u"},
        )

    tasks = list(client.tasks.get_tasks({"project": "1"}, page_size=2))

    assert [t.gid for t in tasks] == [str(i) for i in range(2 * pages)]
    assert all(type(t) is models.Task and t.model_dump() == _compact(int(t.gid)) for t in tasks)
    compact_key = (Envelope[list[models.Task]], (None, None))
    assert _shape.narrowed(compact_key) is not None
    # Asking for other fields is another key, learned separately.
    api.data([{"gid": "1", "notes": "n"}], next_page=None)
    (only,) = client.tasks.get_tasks({"project": "1"}, fields=["notes"])
    assert only.notes == "n"
    with pytest.raises(asana.FieldNotLoadedError):
        _ = only.name


def test_records_of_different_classes_at_one_path(api: ScriptedAsana) -> None:
    """A union field (resource_type picks the class) learns each class on its own."""
    client = api.client()
    page = [
        {"gid": "1", "parent": {"gid": "2", "resource_type": "goal", "name": "G"}},
        {"gid": "3", "parent": {"gid": "4", "resource_type": "project", "name": "P"}},
    ]
    for _ in range(_shape.LEARN_FROM + 2):
        api.data(page, next_page=None)
        got = list(client.memberships.get_memberships({"parent": "2"}))
        assert [m.model_dump() for m in got] == page
        assert [type(m.parent) for m in got] == [models.Goal, models.Project]
    assert _shape.narrowed((Envelope[list[models.Membership]], (None, None))) is not None


class _Quiet(asana.AsanaObject):
    """A user's view that ignores unknown keys."""

    model_config = ConfigDict(extra="ignore")

    gid: str
    name: str = NOT_LOADED
    notes: str = NOT_LOADED


def test_a_view_that_ignores_extras_keeps_fields_it_had_not_seen(api: ScriptedAsana) -> None:
    client = api.client()
    for i in range(_shape.LEARN_FROM):
        api.data({"gid": str(i), "name": "n"})
        client.tasks.get_task(str(i), fields=_Quiet)
    assert _shape.narrowed((Envelope[_Quiet], (_Quiet, None))) is not None
    api.data({"gid": "9", "name": "n", "notes": "late"})

    view = client.tasks.get_task("9", fields=_Quiet)

    assert view.notes == "late"  # not dropped as an ignored extra


class _Hooked(asana.AsanaObject):
    """A user's view with its own post-init hook."""

    gid: str
    name: str = NOT_LOADED

    def model_post_init(self, context: object, /) -> None:
        super().model_post_init(context)
        self.__dict__["name"] = self.__dict__.get("name", "").upper()


def test_a_views_own_post_init_hook_still_runs(api: ScriptedAsana) -> None:
    client = api.client()
    for i in range(_shape.LEARN_FROM + 2):
        api.data({"gid": str(i), "name": "quiet"})
        assert client.tasks.get_task(str(i), fields=_Hooked).name == "QUIET"
    assert _shape.narrowed((Envelope[_Hooked], (_Hooked, None))) is not None


def test_empty_pages_teach_nothing(api: ScriptedAsana) -> None:
    """Polling that starts with empty pages still learns from the first pages with records."""
    client = api.client()
    key = (Envelope[list[models.Task]], (None, None))
    for _ in range(3):
        api.data([], next_page=None)
        assert list(client.tasks.get_tasks({"project": "1"})) == []
    assert _shape.narrowed(key) is None
    for i in range(_shape.LEARN_FROM):
        api.data([_compact(i)], next_page=None)
        list(client.tasks.get_tasks({"project": "1"}))
    validator = _shape.narrowed(key)
    assert validator is not None
    page = validator.validate_json(json.dumps({"data": [_compact(5)]}), strict=True)
    assert page.data[0].name == "Task 5"
    with pytest.raises(ValidationError, match="outside_shape"):  # narrowed to what was seen
        validator.validate_json(json.dumps({"data": [{**_compact(6), "notes": "x"}]}))
