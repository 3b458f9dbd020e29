"""Projections: ``opt_fields`` and ``opt_expand`` computed from a model class.

``fields=MyTaskView`` asks Asana for exactly the fields ``MyTaskView`` declares, with
dotted paths for nested views (``assignee.name``), and the response parses into
``MyTaskView``. Nested SDK resource models (``User``, ``Project``, ...) stop the walk:
Asana returns them compact, which is what a bare name asks for.
"""

from __future__ import annotations

import collections.abc
import functools
import types
import typing
from collections.abc import Iterator

from .models._base import AsanaObject

__all__ = ["expand_paths", "field_paths"]

_MAX_DEPTH = 4

# Generic origins whose arguments are searched for a nested model.
_CONTAINERS = frozenset(
    {
        typing.Union,
        types.UnionType,
        list,
        tuple,
        set,
        frozenset,
        collections.abc.Sequence,
        collections.abc.Set,
    }
)


def _nested_model(annotation: object) -> type[AsanaObject] | None:
    """The model inside ``X``, ``X | None``, ``list[X]`` (or another sequence) or ``Annotated``."""
    if isinstance(annotation, type) and issubclass(annotation, AsanaObject):
        return annotation
    origin = typing.get_origin(annotation)
    if origin is None:
        return None
    args = typing.get_args(annotation)
    if origin is typing.Annotated:
        return _nested_model(args[0])
    if origin in _CONTAINERS:
        for arg in args:
            found = _nested_model(arg)
            if found is not None:
                return found
    return None


def _complete(model: type[AsanaObject]) -> None:
    """Resolve forward references, so a view may name views defined after it.

    Until pydantic rebuilds a model (which it does lazily, on first validation), a field
    annotated with a class defined later in the module is only a ``ForwardRef``, and the
    walk would take it for a plain field and ask for it bare.
    """
    if not model.__pydantic_complete__:
        # Depth 0: resolve in the model's own module (and defining scope), not in ours.
        model.model_rebuild(_parent_namespace_depth=0)


def _walk(
    model: type[AsanaObject], prefix: str, seen: tuple[type[AsanaObject], ...], only_nested: bool
) -> Iterator[str]:
    _complete(model)
    for name, info in model.model_fields.items():
        if name == "gid":
            continue
        wire = info.alias or name
        nested = _nested_model(info.annotation)
        is_view = (
            nested is not None
            and not nested.__asana_resource__
            and nested not in seen
            and len(seen) < _MAX_DEPTH
        )
        if nested is not None and is_view:
            inner = list(_walk(nested, f"{prefix}{wire}.", (*seen, nested), only_nested))
            if only_nested:
                yield f"{prefix}{wire}"
                yield from inner
            else:
                yield from inner or [f"{prefix}{wire}"]
        elif not only_nested or nested is not None:
            yield f"{prefix}{wire}"


@functools.cache
def field_paths(model: type[AsanaObject]) -> tuple[str, ...]:
    """``opt_fields`` for ``model``: every declared field, nested views as dotted paths."""
    return tuple(_walk(model, "", (model,), only_nested=False))


@functools.cache
def expand_paths(model: type[AsanaObject]) -> tuple[str, ...]:
    """``opt_expand`` for ``model``: its fields that hold nested models."""
    return tuple(_walk(model, "", (model,), only_nested=True))
