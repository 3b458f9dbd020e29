"""JSON schemas of the SDK's models (imported on first use: pydantic.json_schema is heavy)."""

from __future__ import annotations

from pydantic.json_schema import GenerateJsonSchema, JsonSchemaValue
from pydantic_core import core_schema

from ._base import NOT_LOADED

__all__ = ["AsanaJsonSchema"]


class AsanaJsonSchema(GenerateJsonSchema):
    """JSON schema generation that leaves out the ``NOT_LOADED`` default.

    A not-loaded field is simply not required; ``NOT_LOADED`` is no JSON value, and
    pydantic would otherwise warn that it cannot serialize it.
    """

    def default_schema(self, schema: core_schema.WithDefaultSchema) -> JsonSchemaValue:
        if schema.get("default") is NOT_LOADED:
            return self.generate_inner(schema["schema"])
        return super().default_schema(schema)
