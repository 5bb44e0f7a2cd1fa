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

    ``defer_build=True``: a model's validator is built on its first use, not
    when the class is defined. Building every validator was most of what
    ``import pakru.schema`` cost, and ``pakru.load()`` of the shipped records
    needs none of them (:mod:`pakru.prebuilt`).
    """

    model_config = ConfigDict(
        extra="forbid",
        strict=True,
        frozen=True,
        validate_default=True,
        defer_build=True,
        json_schema_extra=_own_description,
    )

    @classmethod
    def __pydantic_init_subclass__(cls, **kwargs: Any) -> None:
        # runs when the class is defined, after its fields are collected: with
        # the build deferred, ``model_fields`` would otherwise lack descriptions
        # until the first validation
        super().__pydantic_init_subclass__(**kwargs)
        _describe(cls)

    @classmethod
    def __get_pydantic_core_schema__(cls, source: Any, handler: GetCoreSchemaHandler) -> CoreSchema:
        # runs before the schema (which carries the descriptions) is built, in
        # case the build collected the fields again
        _describe(cls)
        return handler(source)


def _describe(cls: type[BaseModel]) -> None:
    """Give ``cls``'s fields their descriptions from :data:`FIELD_DOCS`."""
    docs = FIELD_DOCS.get(f"{cls.__module__}.{cls.__qualname__}", {})
    for name, info in cls.__pydantic_fields__.items():
        if info.description is None and name in docs:
            info.description = docs[name]
