"""The Dataset: every record, typed and indexed by id, read-only."""

from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from types import MappingProxyType
from typing import TYPE_CHECKING, TypeVar

from pakru.schema import Agreement, Body, Conflict, Event, Meeting, Person, Record, Source

if TYPE_CHECKING:
    from pakru.validate.parse import Loc, Parsed

R = TypeVar("R", Source, Person, Body, Meeting, Agreement, Event, Conflict)


@dataclass(frozen=True)
class Entry:
    """One record and the file it was read from."""

    record: Record
    path: str
    parsed: "Parsed | None" = None

    def position(self, loc: "Loc" = ()) -> tuple[int, int]:
        """Line and column of ``loc`` in the file (1, 1 when unknown)."""
        return self.parsed.position(loc) if self.parsed is not None else (1, 1)


class Dataset:
    """All records of a pakru dataset.

    Collections are tuples sorted by id; ``get`` finds any record by id.
    A Dataset never changes after it is built: records are frozen models
    and the collections are tuples and read-only mappings.

    >>> import pakru
    >>> ds = pakru.load()
    >>> ds.get("jwg-ct-07").ordinal
    7
    """

    def __init__(self, entries: Iterable[Entry], texts: Mapping[str, str] | None = None) -> None:
        self._entries = tuple(entries)
        by_id: dict[str, Entry] = {}
        for entry in self._entries:
            by_id.setdefault(entry.record.id, entry)
        self._by_id = MappingProxyType(by_id)
        self._texts = MappingProxyType(dict(texts or {}))

    def __repr__(self) -> str:
        counts = ", ".join(f"{name}={len(getattr(self, name))}" for name in COLLECTIONS)
        return f"<Dataset {counts}>"

    def __len__(self) -> int:
        return len(self._by_id)

    def __iter__(self) -> Iterator[Record]:
        return iter(self.records)

    def __contains__(self, record_id: object) -> bool:
        return record_id in self._by_id

    @property
    def entries(self) -> tuple[Entry, ...]:
        """Every record read, with its file, duplicates included (for the validator)."""
        return self._entries

    @property
    def records(self) -> tuple[Record, ...]:
        """Every record, one per id, sorted by id."""
        return tuple(self._by_id[i].record for i in sorted(self._by_id))

    def _of(self, kind: type[R]) -> tuple[R, ...]:
        return tuple(r for r in self.records if isinstance(r, kind))

    @property
    def sources(self) -> tuple[Source, ...]:
        """The news reports."""
        return self._of(Source)

    @property
    def people(self) -> tuple[Person, ...]:
        """People named in the reports."""
        return self._of(Person)

    @property
    def bodies(self) -> tuple[Body, ...]:
        """Ministries, councils, dialogue series and multilateral bodies."""
        return self._of(Body)

    @property
    def meetings(self) -> tuple[Meeting, ...]:
        """Held and planned meetings."""
        return self._of(Meeting)

    @property
    def agreements(self) -> tuple[Agreement, ...]:
        """Agreements, accords and commitments."""
        return self._of(Agreement)

    @property
    def events(self) -> tuple[Event, ...]:
        """Exercises, deliveries, accessions and other events."""
        return self._of(Event)

    @property
    def conflicts(self) -> tuple[Conflict, ...]:
        """Disagreements between reports, side by side."""
        return self._of(Conflict)

    def get(self, record_id: str) -> Record:
        """The record with this id; ``KeyError`` naming the id when there is none."""
        try:
            return self._by_id[record_id].record
        except KeyError:
            raise KeyError(f"no record with id {record_id!r}") from None

    def entry(self, record_id: str) -> Entry:
        """The record with this id and the file it came from."""
        return self._by_id[record_id]

    def text(self, source_id: str) -> str | None:
        """The full text of a source, or None when it was not read."""
        return self._texts.get(source_id)

    @property
    def texts(self) -> Mapping[str, str]:
        """Source id → full text of the report."""
        return self._texts


COLLECTIONS = ("meetings", "agreements", "events", "people", "bodies", "sources", "conflicts")
