"""Bodies: ministries, councils, dialogue series, multilateral organisations."""

from typing import Annotated, Literal

from pakru.schema.common import BodyRef, CountryCode, Text
from pakru.schema.markers import EDITORIAL, KEY
from pakru.schema.recordbase import RecordBase

BodyKind = Literal[
    "government",
    "ministry",
    "council",
    "office",
    "armed-forces",
    "dialogue-series",
    "multilateral-organisation",
    "military-alliance",
    "armed-group",
    "media",
]


class Body(RecordBase):
    """An organisation, or a dialogue series whose meetings are numbered."""

    type: Annotated[Literal["body"], KEY]
    """Record kind."""
    kind: Annotated[BodyKind, EDITORIAL]
    """What sort of body this is; ``dialogue-series`` bodies group numbered meetings."""
    name: Text
    """The fullest name form a source uses."""
    aliases: tuple[Text, ...] = ()
    """Every other name form or abbreviation used in a source."""
    country: CountryCode | None
    """The country the body belongs to; null for bilateral or multilateral bodies."""
    members: tuple[CountryCode, ...] = ()
    """Member countries of a dialogue series or multilateral body, as the sources state them."""
    parent: BodyRef | None = None
    """The body this one belongs to (e.g. RATS within the SCO), when a source says so."""
