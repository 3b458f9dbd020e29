"""The model base: loaded vs null, extra fields kept, open enums, dict-style reads.

Asana returns only some fields of a resource (compact records, ``opt_fields``). A field
the response did not contain is *not loaded*: it is absent from the instance, reading it
raises :class:`~asana_typed.errors.FieldNotLoadedError`, and ``model_dump()`` leaves it out,
so a dump is exactly what the API sent and validates back into an equal model.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, ClassVar, Final, Generic, TypeVar, get_args

from pydantic import BaseModel, ConfigDict, GetCoreSchemaHandler, GetJsonSchemaHandler
from pydantic_core import CoreSchema, core_schema

from ..errors import FieldNotLoadedError

if TYPE_CHECKING:
    # Imported where used instead: pydantic.types and pydantic.json_schema cost about
    # 10 ms at import and only generated union fields and model_json_schema need them.
    from pydantic import Discriminator
    from pydantic.json_schema import GenerateJsonSchema, JsonSchemaMode, JsonSchemaValue

__all__ = [
    "NOT_LOADED",
    "OPEN_ENUM",
    "AsanaModel",
    "AsanaObject",
    "Envelope",
    "NextPage",
    "by_resource_type",
]


class _NotLoadedType:
    """Default of every optional field; removed from the instance after validation."""

    __slots__ = ()

    def __repr__(self) -> str:
        return "NOT_LOADED"


# Typed ``Any`` so that ``name: str = NOT_LOADED`` keeps the field's loaded type for mypy.
NOT_LOADED: Final[Any] = _NotLoadedType()

_ENUM_VALUES = "asana_typed_enum_values"


class _OpenEnum:
    """The marker behind ``OPEN_ENUM``: validates as a plain string, documents the Literal.

    Validation is pydantic-core's ``str`` schema and nothing else (the known values ride
    along in the schema's metadata, which validators ignore); the JSON schema lists them as
    ``anyOf: [{enum: [...]}, {type: string}]`` so tools see both the values and the openness.
    """

    __slots__ = ()

    def __get_pydantic_core_schema__(
        self, source: Any, handler: GetCoreSchemaHandler
    ) -> CoreSchema:
        values = [v for v in get_args(source) if isinstance(v, str)]
        return core_schema.str_schema(metadata={_ENUM_VALUES: values})

    def __get_pydantic_json_schema__(
        self, schema: CoreSchema, handler: GetJsonSchemaHandler
    ) -> JsonSchemaValue:
        json_schema = handler(schema)
        values = (schema.get("metadata") or {}).get(_ENUM_VALUES)
        if not values:
            return json_schema
        return {"anyOf": [{"enum": values, "type": "string"}, json_schema]}

    def __repr__(self) -> str:
        return "OPEN_ENUM"


# ``Annotated[Literal[...], OPEN_ENUM]``: mypy sees the Literal, validation accepts any string,
# so a value Asana adds later is kept instead of failing the whole response.
OPEN_ENUM: Final = _OpenEnum()


def by_resource_type(*tags: str) -> Discriminator:
    """Tell the members of a union of resource models apart by ``resource_type``.

    Used as ``Annotated[Annotated[Goal, Tag("goal")] | Annotated[Project, Tag("project")],
    by_resource_type("goal", "project")]``. A record without a ``resource_type`` (not asked for
    in ``opt_fields``) or with one the union does not list validates as the first member,
    so such a response still parses.
    """
    from pydantic import Discriminator

    known = frozenset(tags)
    first = tags[0]

    def tag(value: Any) -> str:
        if isinstance(value, dict):
            found = value.get("resource_type")
        else:  # an instance, when dumping: getattr's default covers a field not loaded
            found = getattr(value, "resource_type", None)
        return found if isinstance(found, str) and found in known else first

    return Discriminator(tag)


class _SdkModel(BaseModel):
    """What every SDK model shares: quiet dumps, and JSON schemas without ``NOT_LOADED``."""

    if not TYPE_CHECKING:
        # A value that did not match its field's type is kept as Asana sent it (see
        # ``_lenient``) and was warned about once, when the response was parsed. Dumping it
        # must not warn again (or fail under ``-W error``): the dump returns what was sent.
        # Hidden from mypy, so callers keep pydantic's fully typed signatures.
        def model_dump(self, **kwargs: Any) -> dict[str, Any]:
            kwargs.setdefault("warnings", False)
            return super().model_dump(**kwargs)

        def model_dump_json(self, **kwargs: Any) -> str:
            kwargs.setdefault("warnings", False)
            return super().model_dump_json(**kwargs)

    @classmethod
    def model_json_schema(
        cls,
        by_alias: bool | None = None,
        ref_template: str | None = None,
        schema_generator: type[GenerateJsonSchema] | None = None,
        mode: JsonSchemaMode = "validation",
        **kwargs: Any,
    ) -> dict[str, Any]:
        """pydantic's ``model_json_schema``, by default with :class:`AsanaJsonSchema`."""
        from ._json_schema import AsanaJsonSchema

        if by_alias is not None:
            kwargs["by_alias"] = by_alias
        if ref_template is not None:
            kwargs["ref_template"] = ref_template
        return super().model_json_schema(
            schema_generator=schema_generator or AsanaJsonSchema, mode=mode, **kwargs
        )


class AsanaObject(_SdkModel):
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
        # ``fields_set`` also names the extra (unknown) keys, so the cheap length check only
        # proves "nothing to remove" when there are none; with extras, compare the sets.
        if len(values) != len(fields_set) or self.__pydantic_extra__:
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


class NextPage(_SdkModel):
    """Asana's pointer to the next page of a collection."""

    model_config = ConfigDict(extra="allow")

    offset: str
    path: str | None = None
    uri: str | None = None


T = TypeVar("T")


class Envelope(_SdkModel, Generic[T]):
    """The whole response body: ``data`` plus pagination and sync metadata."""

    model_config = ConfigDict(extra="allow")

    data: T
    next_page: NextPage | None = None
    sync: str | None = None
    has_more: bool | None = None
