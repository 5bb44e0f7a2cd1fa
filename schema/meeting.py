"""Meetings: held or planned encounters between officials of the two countries."""

from typing import Annotated, Literal

from pydantic import Field

from pakru.schema.base import Model
from pakru.schema.common import (
    ActorRef,
    AgreementRef,
    BodyRef,
    CountryCode,
    Evidence,
    MeetingRef,
    Statement,
    Text,
)
from pakru.schema.dates import DateInterval
from pakru.schema.derivations import CountryDerivation, OrdinalDerivation
from pakru.schema.markers import EDITORIAL, KEY, LINK
from pakru.schema.place import Location
from pakru.schema.recordbase import RecordBase

MeetingKind = Literal[
    "working-group",
    "consultative-group",
    "ministerial-talks",
    "security-consultations",
    "courtesy-call",
    "other",
]

MeetingStatus = Literal["held", "planned"]


class Participant(Model):
    """A person or body taking part, with the role a source gives them."""

    ref: ActorRef
    """Id of a person or body record."""
    role: Text | None = None
    """The role in this meeting as a source describes it (e.g. "led the Pakistan side")."""
    side: CountryCode | None = None
    """The delegation the participant belonged to, when a source says so."""
    lead: bool = False
    """True when a source says this participant led a delegation."""
    evidence: Annotated[tuple[Evidence, ...], Field(min_length=1)]
    """Quotes naming the participant in this meeting."""
    derivations: tuple[CountryDerivation, ...] = ()
    """The phrases and rules ``side`` is derived from, when no quote states it."""


class Meeting(RecordBase):
    """A meeting, talk or consultation; ``planned`` ones have not (yet) been held."""

    type: Annotated[Literal["meeting"], KEY]
    """Record kind."""
    title: Annotated[Text, EDITORIAL]
    """A descriptive title built from the sources' words."""
    kind: Annotated[MeetingKind, EDITORIAL]
    """The format of the meeting."""
    status: MeetingStatus
    """``held`` when a source reports it took place; ``planned`` when only announced."""
    date: DateInterval
    """When it was (or is to be) held."""
    location: Location
    """Where it was (or is to be) held."""
    series: BodyRef | None
    """The dialogue series (a body of kind ``dialogue-series``) it belongs to, if any."""
    ordinal: Annotated[int, Field(ge=1)] | None
    """Its number within the series ("7th meeting"), when a source gives it."""
    announced_at: MeetingRef | None = None
    """For a planned meeting: the meeting at which it was announced."""
    realises: Annotated[MeetingRef | None, LINK] = None
    """For a held meeting: the planned meeting it carried out (the plan stays ``planned``)."""
    participants: tuple[Participant, ...] = ()
    """People and bodies taking part."""
    topics: tuple[Statement, ...] = ()
    """What was discussed."""
    outcomes: tuple[Statement, ...] = ()
    """What was agreed, stated or decided."""
    agreements: Annotated[tuple[AgreementRef, ...], LINK] = ()
    """Agreement records reached at this meeting."""
    same_as: Annotated[tuple[MeetingRef, ...], LINK] = ()
    """Records that may describe the same meeting but are kept apart because sources disagree."""
    derivations: tuple[OrdinalDerivation, ...] = ()
    """The phrases and rules ``ordinal`` is derived from, when no source numbers the meeting."""
