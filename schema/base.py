"""The base model every record and sub-record inherits from."""

import inspect
from typing import Any

from pydantic import BaseModel, ConfigDict, GetCoreSchemaHandler
from pydantic_core import CoreSchema

from pakru.schema.fielddocs import FIELD_DOCS


def _own_description(schema: dict[str, Any], cls: type) -> None:
    """Keep the JSON Schema description to the class's own docstring (see schema/help.py)."""
    doc = cls.__dict__.get("_pakru_doc")
    if doc:
        schema["description"] = inspect.cleandoc(doc)


class Model(BaseModel):
    """Strict, closed and immutable.

    ``extra="forbid"`` makes an unknown key an error, ``strict=True`` stops
    pydantic from coercing values (``"yes"`` never becomes ``True``, ``1``
    never becomes ``"1"``), and ``frozen=True`` makes loaded records
    read-only. Sequences are tuples for the same reason; the YAML parser
    produces tuples, and JSON input is accepted through ``model_validate_json``.
    Attribute docstrings become field descriptions, written once and reused
    by the JSON Schema and the docs, and listed by ``help()`` under "Fields"
    (:mod:`pakru.schema.help`). They are read from :mod:`pakru.schema.fielddocs`,
    generated from the docstrings, rather than by parsing every model's source
    on import (see :mod:`pakru.schema.docstrings`).
    """

    model_config = ConfigDict(
        extra="forbid",
        strict=True,
        frozen=True,
        validate_default=True,
        json_schema_extra=_own_description,
    )

    @classmethod
    def __get_pydantic_core_schema__(cls, source: Any, handler: GetCoreSchemaHandler) -> CoreSchema:
        # runs once per model, after its fields are collected and before the
        # schema (which carries the descriptions) is built
        docs = FIELD_DOCS.get(f"{cls.__module__}.{cls.__qualname__}", {})
        for name, info in cls.__pydantic_fields__.items():
            if info.description is None and name in docs:
                info.description = docs[name]
        return handler(source)
