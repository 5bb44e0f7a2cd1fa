"""The base model every record and sub-record inherits from."""

import inspect
from typing import Any

from pydantic import BaseModel, ConfigDict, GetCoreSchemaHandler
from pydantic_core import CoreSchema

from pakru.schema.fielddocs import FIELD_DOCS
from pakru.schema.text import normalise


def _own_description(schema: dict[str, Any], cls: type) -> None:
    """Keep the JSON Schema description to the class's own docstring (see _list_fields)."""
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
    (:func:`_list_fields`). They are read from :mod:`pakru.schema.fielddocs`,
    generated from the docstrings, rather than by parsing every model's source
    on import (see :mod:`pakru.tools.docstrings`).

    ``defer_build=True``: a model's validator is built on its first use, not
    when the class is defined. Building every validator was most of what
    ``import pakru.schema`` cost, and ``pakru.load()`` of records it loaded
    before needs none of them (:mod:`pakru.validate.cache`).
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
        _list_fields(cls)

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


def _list_fields(cls: type[BaseModel]) -> None:
    """Append ``name (required|optional): description`` for every field to ``cls``'s doc.

    So ``help(Meeting)`` and ``Meeting?`` in Jupyter list the fields. The JSON
    Schema keeps the docstring as written (``_own_description``). Done as
    each class is defined, from the fields pydantic has just collected, so
    importing the models walks nothing afterwards.
    """
    own = cls.__dict__.get("__doc__")
    if not own or "_pakru_doc" in cls.__dict__:
        return
    lines = [inspect.cleandoc(own), "", "Fields:"]
    for name, info in cls.__pydantic_fields__.items():
        need = "required" if info.is_required() else "optional"
        description = normalise(info.description or "").replace("``", "")
        lines.append(f"    {name} ({need}): {description}")
    cls._pakru_doc = own  # type: ignore[attr-defined]  # read by _own_description
    cls.__doc__ = "\n".join(lines)
