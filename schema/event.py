"""Events: exercises, deliveries, accessions and other things the reports mention."""

from typing import Annotated, Literal

from pakru.schema.common import BodyRef, CountryCode, RecordRef, Text
from pakru.schema.dates import DateInterval
from pakru.schema.markers import EDITORIAL, KEY, LINK
from pakru.schema.place import Location
from pakru.schema.recordbase import RecordBase

EventKind = Literal[
    "exercise",
    "delivery",
    "accession",
    "membership",
    "relations-milestone",
    "dialogue-launch",
    "other",
]
EventStatus = Literal["held", "recurring", "planned"]


class Event(RecordBase):
    """Anything else the reports date or describe: an exercise, a delivery, a membership."""

    type: Annotated[Literal["event"], KEY]
    """Record kind."""
    title: Annotated[Text, EDITORIAL]
    """A descriptive title built from the sources' words."""
    kind: Annotated[EventKind, EDITORIAL]
    """What sort of event this is."""
    status: EventStatus
    """``held`` for a past event, ``recurring`` for one the source says is regular, ``planned``."""
    date: DateInterval
    """When it happened, or began."""
    location: Location
    """Where it happened."""
    countries: tuple[CountryCode, ...] = ()
    """Countries taking part, as the sources state them."""
    bodies: tuple[BodyRef, ...] = ()
    """Bodies involved (e.g. the SCO for an accession)."""
    same_as: Annotated[tuple[RecordRef, ...], LINK] = ()
    """Records that may describe the same event but are kept apart because sources disagree."""
