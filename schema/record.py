"""The union of all record kinds, discriminated on ``type``."""

from typing import Annotated, NamedTuple, TypeAlias

from pydantic import Field, TypeAdapter

from pakru.schema.agreement import Agreement
from pakru.schema.body import Body
from pakru.schema.conflict import Conflict
from pakru.schema.event import Event
from pakru.schema.meeting import Meeting
from pakru.schema.person import Person
from pakru.schema.recordbase import RecordBase
from pakru.schema.source import Source

Record: TypeAlias = Annotated[
    Source | Person | Body | Meeting | Agreement | Event | Conflict,
    Field(discriminator="type"),
]


class RecordType(NamedTuple):
    """A record kind: its ``type`` value, its model and the folder its files live in."""

    name: str
    model: type[RecordBase]
    folder: str


RECORD_TYPES: dict[str, RecordType] = {
    t.name: t
    for t in (
        RecordType("source", Source, "sources"),
        RecordType("person", Person, "people"),
        RecordType("body", Body, "bodies"),
        RecordType("meeting", Meeting, "meetings"),
        RecordType("agreement", Agreement, "agreements"),
        RecordType("event", Event, "events"),
        RecordType("conflict", Conflict, "conflicts"),
    )
}

# built on first use, like the models (see Model's docstring)
record_adapter: TypeAdapter[Record] = TypeAdapter(Record, config={"defer_build": True})
