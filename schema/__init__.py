"""Pydantic v2 models for every kind of pakru record.

One module per record kind; :mod:`pakru.schema.record` joins them into the
discriminated union that the loader and the validator use.
"""

from pakru.schema.agreement import Agreement
from pakru.schema.body import Body
from pakru.schema.common import BaseDerivation, Evidence, Statement
from pakru.schema.conflict import Conflict, ConflictSide
from pakru.schema.dates import DateInterval, Derivation
from pakru.schema.derivations import (
    CountryDerivation,
    NameDerivation,
    OrdinalDerivation,
    PlaceDerivation,
)
from pakru.schema.event import Event
from pakru.schema.meeting import Meeting, Participant
from pakru.schema.person import Person, Title
from pakru.schema.place import Location
from pakru.schema.record import RECORD_TYPES, Record, record_adapter
from pakru.schema.source import Source

__all__ = [
    "RECORD_TYPES",
    "Agreement",
    "BaseDerivation",
    "Body",
    "Conflict",
    "ConflictSide",
    "CountryDerivation",
    "DateInterval",
    "Derivation",
    "Event",
    "Evidence",
    "Location",
    "Meeting",
    "NameDerivation",
    "OrdinalDerivation",
    "Participant",
    "Person",
    "PlaceDerivation",
    "Record",
    "Source",
    "Statement",
    "Title",
    "record_adapter",
]
