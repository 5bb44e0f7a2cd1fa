"""Agreements: signed documents, accords and commitments reached in talks."""

from typing import Annotated, Literal

from pydantic import Field

from pakru.schema.common import AgreementRef, CountryCode, MeetingRef, Text
from pakru.schema.dates import DateInterval
from pakru.schema.markers import EDITORIAL, KEY, LINK
from pakru.schema.recordbase import RecordBase

AgreementKind = Literal["treaty", "agreement", "accord", "commitment", "decision"]
AgreementStatus = Literal["signed", "concluded", "agreed", "planned"]


class Agreement(RecordBase):
    """Something the two sides signed, concluded or agreed to do."""

    type: Annotated[Literal["agreement"], KEY]
    """Record kind."""
    title: Annotated[Text, EDITORIAL]
    """A descriptive title built from the sources' words."""
    kind: Annotated[AgreementKind, EDITORIAL]
    """``agreement``/``accord``: a signed text; ``commitment``/``decision``: what talks agreed."""
    status: AgreementStatus
    """As the source puts it: signed, concluded, agreed (to do something), or planned."""
    date: DateInterval
    """When it was signed or agreed."""
    parties: Annotated[tuple[CountryCode, ...], Field(min_length=1)]
    """The countries party to it."""
    meeting: MeetingRef | None
    """The meeting at which it was reached, when a source says so."""
    subject: Text | None
    """What it covers, in the sources' words."""
    same_as: Annotated[tuple[AgreementRef, ...], LINK] = ()
    """Records that may describe the same agreement but are kept apart because sources disagree."""
