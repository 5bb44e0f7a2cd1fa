"""Conflicts: where sources disagree, both sides kept with their evidence."""

from typing import Annotated, Literal

from pydantic import Field, StringConstraints

from pakru.schema.base import Model
from pakru.schema.common import FIELD_NAME, Evidence, RecordRef, Text
from pakru.schema.markers import EDITORIAL, KEY
from pakru.schema.recordbase import RecordBase

ConflictKind = Literal["disagreement", "possible-identity"]


class ConflictSide(Model):
    """One side of a disagreement: what a record says, and the quotes it rests on."""

    record: RecordRef
    """The record making this claim."""
    field: Annotated[str, StringConstraints(pattern=FIELD_NAME)] | None = None
    """The field in dispute (e.g. ``date``), or null when the records as a whole differ."""
    claim: Text
    """What this side says, in a sentence."""
    evidence: Annotated[tuple[Evidence, ...], Field(min_length=1)]
    """Quotes the claim rests on."""


class Conflict(RecordBase):
    """Reports that disagree, kept side by side rather than silently resolved."""

    type: Annotated[Literal["conflict"], KEY]
    """Record kind."""
    kind: Annotated[ConflictKind, EDITORIAL]
    """``disagreement``: sources say different things; ``possible-identity``: records may be one."""
    subject: Annotated[Text, EDITORIAL]
    """What the disagreement is about."""
    sides: Annotated[tuple[ConflictSide, ...], Field(min_length=2)]
    """The claims that disagree."""
