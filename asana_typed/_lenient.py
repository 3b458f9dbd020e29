"""The slow path for a body that disagrees with the models: keep it, warn, never crash.

Each field that failed validation is set aside, the rest is validated, and the field is
put back on its model exactly as Asana sent it; ``model_dump()`` still returns what the
API sent. Only the envelope itself (``data`` missing, a record without ``gid``) is fatal.
"""

from __future__ import annotations

import json
import warnings
from collections.abc import Sequence
from typing import TypeVar

from pydantic import BaseModel, ValidationError

from ._stack import caller_stacklevel

__all__ = ["ResponseValidationWarning", "validate_leniently"]

E = TypeVar("E", bound=BaseModel)

_MAX_ROUNDS = 5
Path = tuple[str | int, ...]


class ResponseValidationWarning(UserWarning):
    """A response field did not match its declared type; it was kept as Asana sent it."""


def _split(body: object, loc: Sequence[str | int]) -> tuple[Path, str] | None:
    """The deepest ``(path to a JSON object, key)`` along ``loc`` that exists in ``body``."""
    node: object = body
    found: tuple[Path, str] | None = None
    path: list[str | int] = []
    for step in loc:
        if isinstance(node, dict) and isinstance(step, str) and step in node:
            found = (tuple(path), step)
            node = node[step]
        elif isinstance(node, list) and isinstance(step, int) and 0 <= step < len(node):
            node = node[step]
        else:
            break
        path.append(step)
    return found


def _node(root: object, path: Path) -> object:
    node = root
    for step in path:
        if isinstance(node, BaseModel) and isinstance(step, str):
            name = _attribute(type(node), step)
            if name in type(node).model_fields:
                node = getattr(node, name)
            else:
                node = (node.__pydantic_extra__ or {})[step]
        elif isinstance(node, dict):
            node = node[step]
        elif isinstance(node, list):
            node = node[int(step)]
        else:
            raise LookupError(step)
    return node


def _put_back_inside(body: object, set_aside: list[tuple[Path, str, object]], where: Path) -> None:
    """Return to ``body`` what was set aside below ``where``, before ``where`` itself goes."""
    depth = len(where)
    for entry in [e for e in set_aside if (*e[0], e[1])[:depth] == where]:
        set_aside.remove(entry)
        path, key, value = entry
        parent = _node(body, path)
        if isinstance(parent, dict):
            parent[key] = value


def _attribute(model: type[BaseModel], key: str) -> str:
    for name, info in model.model_fields.items():
        if info.alias == key:
            return name
    return key


def _restore(model: BaseModel, key: str, value: object) -> None:
    name = _attribute(type(model), key)
    if name in type(model).model_fields:
        model.__dict__[name] = value
        model.__pydantic_fields_set__.add(name)
    elif model.__pydantic_extra__ is not None:
        model.__pydantic_extra__[key] = value


def validate_leniently(envelope: type[E], body: dict[str, object], where: str) -> E:
    """Validate ``body`` into ``envelope``, keeping fields that fail as raw values.

    Raises ``ValueError`` when the envelope cannot be built even without them.
    """
    set_aside: list[tuple[Path, str, object]] = []
    for _ in range(_MAX_ROUNDS):
        try:
            # Through JSON again so strict mode judges values as Asana sent them.
            result = envelope.model_validate_json(json.dumps(body), strict=True)
        except ValidationError as exc:
            progress = False
            for error in exc.errors():
                loc = error["loc"]
                if error["type"] == "missing":
                    # A nested record without its gid: keep the whole record as sent.
                    loc = loc[:-1]
                split = _split(body, loc)
                # A top-level key (data, next_page, ...) cannot be set aside.
                if split is None or not split[0]:
                    continue
                path, key = split
                _put_back_inside(body, set_aside, (*path, key))
                parent = _node(body, path)
                if isinstance(parent, dict) and key in parent:
                    set_aside.append((path, key, parent.pop(key)))
                    progress = True
            if not progress:
                raise ValueError(_summary(exc)) from None
            continue
        for path, key, value in set_aside:
            try:
                owner = _node(result, path)
            except (LookupError, AttributeError):
                continue
            if isinstance(owner, BaseModel):
                _restore(owner, key, value)
        if set_aside:
            paths = ", ".join(".".join(map(str, (*p, k))) for p, k, _ in set_aside)
            warnings.warn(
                ResponseValidationWarning(
                    f"{where}: kept as sent, not matching the model: {paths}"
                ),
                stacklevel=caller_stacklevel(),
            )
        return result
    raise ValueError("too many mismatching fields")


def _summary(exc: ValidationError) -> str:
    first = exc.errors()[:3]
    return "; ".join(f"{'.'.join(map(str, e['loc']))}: {e['msg']}" for e in first)
