"""The model base: loaded vs null, extra fields kept, open enums, dict-style reads.

Asana returns only some fields of a resource (compact records, ``opt_fields``). A field
the response did not contain is *not loaded*: it is absent from the instance, reading it
raises :class:`~asana_typed.errors.FieldNotLoadedError`, and ``model_dump()`` leaves it out,
so a dump is exactly what the API sent and validates back into an equal model.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, ClassVar, Final, Generic, TypeVar

from pydantic import BaseModel, ConfigDict, GetPydanticSchema
from pydantic_core import core_schema

from ..errors import FieldNotLoadedError

__all__ = ["NOT_LOADED", "OPEN_ENUM", "AsanaModel", "AsanaObject", "Envelope", "NextPage"]


class _NotLoadedType:
    """Default of every optional field; removed from the instance after validation."""

    __slots__ = ()

    def __repr__(self) -> str:
        return "NOT_LOADED"


# Typed ``Any`` so that ``name: str = NOT_LOADED`` keeps the field's loaded type for mypy.
NOT_LOADED: Final[Any] = _NotLoadedType()

# ``Annotated[Literal[...], OPEN_ENUM]``: mypy sees the Literal, validation accepts any string,
# so a value Asana adds later is kept instead of failing the whole response.
OPEN_ENUM: Final = GetPydanticSchema(lambda _tp, _handler: core_schema.str_schema())


class AsanaObject(BaseModel):
    """Base of every object Asana returns: fields are present only when the API sent them.

    Unknown fields are kept (``model_extra``) and dumped back.
    """

    model_config = ConfigDict(extra="allow", populate_by_name=True, protected_namespaces=())

    # The SDK's own resource models set this; user-declared projections (``fields=MyView``)
    # do not, which is how nested ``opt_fields`` paths know where to stop.
    __asana_resource__: ClassVar[bool] = False

    def model_post_init(self, context: Any, /) -> None:
        values = self.__dict__
        fields_set = self.__pydantic_fields_set__
        if len(values) != len(fields_set):
            for name in values.keys() - fields_set:
                del values[name]

    if not TYPE_CHECKING:
        # Only reached when normal lookup failed; hidden from mypy so typos stay errors.
        def __getattr__(self, name: str) -> Any:
            if name in type(self).__pydantic_fields__:
                raise FieldNotLoadedError(type(self).__name__, name)
            return super().__getattr__(name)

    def __getitem__(self, key: str) -> object:
        """Dict-style read, as with the old dict-returning client."""
        if key in type(self).__pydantic_fields__:
            return getattr(self, key)
        extra = self.__pydantic_extra__
        if extra is not None and key in extra:
            return extra[key]
        raise KeyError(key)

    def __contains__(self, key: object) -> bool:
        """True when the field was sent by the API (null counts as sent)."""
        if not isinstance(key, str):
            return False
        extra = self.__pydantic_extra__
        return key in self.__dict__ or (extra is not None and key in extra)

    def get(self, key: str, default: object = None) -> object:
        """``dict.get``: the value when loaded, else ``default``."""
        try:
            return self[key]
        except KeyError:
            return default

    def is_loaded(self, field: str) -> bool:
        """Whether ``field`` was present in the response."""
        return field in self


class AsanaModel(AsanaObject):
    """Base of every Asana resource model: ``gid`` is always present."""

    gid: str


class NextPage(BaseModel):
    """Asana's pointer to the next page of a collection."""

    model_config = ConfigDict(extra="allow")

    offset: str
    path: str | None = None
    uri: str | None = None


T = TypeVar("T")


class Envelope(BaseModel, Generic[T]):
    """The whole response body: ``data`` plus pagination and sync metadata."""

    model_config = ConfigDict(extra="allow")

    data: T
    next_page: NextPage | None = None
    sync: str | None = None
    has_more: bool | None = None
