"""Events: exercises, deliveries, accessions and other things the reports mention."""

from typing import Annotated, Literal

from pakru.schema.common import BodyRef, CountryCode, MeetingRef, PersonRef, RecordRef, Text
from pakru.schema.dates import DateInterval
from pakru.schema.derivations import NameDerivation
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
    "statement",
    "reported-attacks",
    "other",
]
EventStatus = Literal["held", "recurring", "planned"]


class Event(RecordBase):
    """Anything else the reports date or describe: an exercise, a delivery, a membership."""

    type: Annotated[Literal["event"], KEY]
    """Record kind."""
    title: Annotated[Text, EDITORIAL]
    """A descriptive title built from the sources' words."""
    aliases: tuple[Text, ...] = ()
    """Other names a source prints for the event, and forms of them a rule derives."""
    derivations: tuple[NameDerivation, ...] = ()
    """How aliases no source prints were derived (rule, source, quote, packages)."""
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
    """Bodies involved (e.g. the SCO for an accession, the group carrying out attacks)."""
    people: tuple[PersonRef, ...] = ()
    """People acting: for a ``statement``, who made it."""
    meeting: MeetingRef | None = None
    """The meeting at which it happened (a statement made in talks), when a source says so."""
    targets: tuple[CountryCode, ...] = ()
    """Countries a statement is directed at or concerns (criticised, accused, offered help),
    as the sources state them."""
    target_bodies: tuple[BodyRef, ...] = ()
    """Bodies a statement is directed at (criticised, accused), as the sources state them."""
    count: int | None = None
    """How many acts the source reports (e.g. 60 attacks), when it gives a number."""
    attributed_to: Text | None = None
    """Who the source says the information comes from, when it is second-hand
    (e.g. "Afghan media"); the dataset does not have that original report."""
    same_as: Annotated[tuple[RecordRef, ...], LINK] = ()
    """Records that may describe the same event but are kept apart because sources disagree."""

    @property
    def name(self) -> str:
        """What the event is called: the first name a source prints for it (its first alias),
        else its title; so every record :meth:`pakru.dataset.Dataset.find` returns has a name."""
        return self.aliases[0] if self.aliases else self.title
