"""Fields every record kind has: id, evidence and an editorial note."""

from typing import Annotated

from pydantic import Field

from pakru.schema.base import Model
from pakru.schema.common import Evidence, Id, Text
from pakru.schema.markers import KEY, NOTE


class RecordBase(Model):
    """Common head of every record.

    ``evidence`` holds the quotes supporting the record's own fields; each
    quote names the fields it supports, and the validator's
    ``evidence.unsupported`` rule reports a factual field that no quote
    supports.
    """

    id: Annotated[Id, KEY]
    """Stable id of the record; equal to the file name without ``.yaml``."""
    evidence: Annotated[tuple[Evidence, ...], Field(min_length=1)]
    """Verbatim quotes that support this record's fields."""
    note: Annotated[Text | None, NOTE] = None
    """An editor's remark (why two mentions are one record, what is unclear). Never a fact."""
