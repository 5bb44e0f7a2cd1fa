"""The Dataset: every record, typed and indexed by id, read-only.

A Dataset is a pure value: records, the texts of the reports, the data
version, the withdrawn ids and query indexes. It knows nothing of files,
positions or rules; where each record was read from belongs to the
validator (:mod:`pakru.validate.provenance`).
"""

from collections.abc import Iterable, Iterator, Mapping
from functools import cached_property
from types import MappingProxyType
from typing import TYPE_CHECKING, TypeVar

from pakru.manifest import Withdrawal, WithdrawnError
from pakru.schema import Agreement, Body, Conflict, Event, Meeting, Person, Record, Source
from pakru.schema.dates import interval_key
from pakru.schema.introspect import cited_sources, references

if TYPE_CHECKING:
    import pandas as pd

    # the two conveniences at the end of Dataset; see their docstrings
    from pakru.export.tables import Table

R = TypeVar("R", Source, Person, Body, Meeting, Agreement, Event, Conflict)


class Dataset:
    """All records of a pakru dataset.

    Collections are tuples sorted by id; ``get`` finds any record by id.
    A Dataset never changes after it is built: records are frozen models
    and the collections are tuples and read-only mappings.

    The examples below run as tests on the small fixture dataset of the
    test suite (``fixture()`` is ``pakru.load(["tests/library/fixtures/records"])``);
    ``pakru.load()`` without arguments gives the shipped data.

    >>> ds = fixture()
    >>> ds.get("jwg-ct-07").ordinal
    7
    >>> ds.version
    '1.0.0'
    """

    def __init__(
        self,
        records: Iterable[Record],
        texts: Mapping[str, str] | None = None,
        *,
        version: str | None = None,
        withdrawn: Iterable[Withdrawal] = (),
    ) -> None:
        by_id: dict[str, Record] = {}
        for record in records:
            # a repeated id keeps its first record; the validator reports the rest (ids.unique)
            by_id.setdefault(record.id, record)
        self._by_id = MappingProxyType(by_id)
        self._texts = MappingProxyType(dict(texts or {}))
        self._version = version
        self._withdrawn = MappingProxyType({w.id: w for w in withdrawn})

    def __repr__(self) -> str:
        counts = ", ".join(f"{name}={len(getattr(self, name))}" for name in COLLECTIONS)
        return f"<Dataset {counts}>"

    def __len__(self) -> int:
        return len(self._by_id)

    def __iter__(self) -> Iterator[Record]:
        return iter(self.records)

    def __contains__(self, record_id: object) -> bool:
        return record_id in self._by_id

    @cached_property
    def records(self) -> tuple[Record, ...]:
        """Every record, one per id, sorted by id."""
        return tuple(self._by_id[i] for i in sorted(self._by_id))

    @cached_property
    def _by_kind(self) -> Mapping[type, tuple[Record, ...]]:
        # computed once: the collections are read in loops by queries and exports
        out: dict[type, list[Record]] = {}
        for record in self.records:
            out.setdefault(type(record), []).append(record)
        return MappingProxyType({k: tuple(v) for k, v in out.items()})

    def _of(self, kind: type[R]) -> tuple[R, ...]:
        return self._by_kind.get(kind, ())  # type: ignore[return-value]  # keyed by type

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

    @property
    def version(self) -> str | None:
        """The data version (``records/VERSION``), or None for records without one."""
        return self._version

    @property
    def withdrawn(self) -> Mapping[str, Withdrawal]:
        """Ids that were merged into another record or withdrawn, with the reason."""
        return self._withdrawn

    def get(self, record_id: str) -> Record:
        """The record with this id.

        An id that was merged answers with the record it became; an id that
        was withdrawn raises :class:`~pakru.manifest.WithdrawnError` (a
        ``KeyError``) saying why; any other unknown id raises ``KeyError``.

        >>> ds = fixture()
        >>> ds.get("khawaja-muhammad-asif").id
        'khawaja-asif'
        >>> ds.get("jwg-ct-2019")
        Traceback (most recent call last):
        ...
        pakru.manifest.WithdrawnError: record 'jwg-ct-2019' was withdrawn in data version 1.0.0: ...
        """
        seen = []
        while record_id not in self._by_id:
            withdrawal = self._withdrawn.get(record_id)
            if withdrawal is None or record_id in seen:
                raise KeyError(f"no record with id {record_id!r}") from None
            if withdrawal.into is None:
                raise WithdrawnError(withdrawal)
            seen.append(record_id)
            record_id = withdrawal.into
        return self._by_id[record_id]

    def text(self, source_id: str) -> str | None:
        """The full text of a source, or None when it was not read."""
        return self._texts.get(source_id)

    @property
    def texts(self) -> Mapping[str, str]:
        """Source id → full text of the report."""
        return self._texts

    # -- queries ---------------------------------------------------------------

    def series(self, series_id: str) -> tuple[Meeting, ...]:
        """The meetings of a dialogue series: numbered ones by ordinal, then the rest by date.

        >>> ds = fixture()
        >>> [(m.id, m.ordinal, m.status) for m in ds.series("pk-ru-jwg-ct")]
        [('jwg-ct-07', 7, 'held'), ('jwg-ct-next', None, 'planned')]
        """
        self.get(series_id)
        members = [m for m in self.meetings if m.series == series_id]
        return tuple(
            sorted(
                members,
                key=lambda m: (m.ordinal is None, m.ordinal or 0, *interval_key(m.date)),
            )
        )

    def timeline(self) -> tuple[Meeting | Agreement | Event, ...]:
        """Meetings, agreements and events in date order.

        Records are ordered by the earliest day their interval allows, then by
        the latest. An interval open at the start (``[null, 2018-03-03]``,
        "recently") could begin on any day, so it comes before every dated
        record rather than beside its latest day, where it would read as an
        event of that week; records whose date is unknown come last. Ties are
        broken by id.

        >>> ds = fixture()
        >>> for r in ds.timeline():
        ...     print(r.date.earliest, r.date.latest, r.date.precision, r.id)
        None 2018-03-03 range fm-talks-moscow
        None 2018-03-03 range military-cooperation-commission
        2014-11-01 2014-11-30 month defence-cooperation-2014
        2015-10-01 2015-10-31 month mtc-accord-2015
        2018-03-02 2018-03-02 day cgss-12
        2018-03-21 2018-03-21 day jwg-ct-07
        2019-01-01 2019-12-31 year jwg-ct-next
        None None unknown friendship-drills
        """
        dated: list[Meeting | Agreement | Event] = [*self.meetings, *self.agreements, *self.events]
        return tuple(sorted(dated, key=lambda r: (*interval_key(r.date), r.id)))

    @cached_property
    def _citations(self) -> Mapping[str, tuple[str, ...]]:
        index: dict[str, set[str]] = {}
        for record in self.records:
            for source_id in cited_sources(record) - {record.id}:
                index.setdefault(source_id, set()).add(record.id)
        return MappingProxyType({k: tuple(sorted(v)) for k, v in index.items()})

    def sources_of(self, record_id: str) -> tuple[str, ...]:
        """Ids of the sources a record cites anywhere (evidence and date derivations), sorted.

        >>> fixture().sources_of("jwg-ct-next")
        ('src-9a68526d',)
        """
        record = self.get(record_id)
        return tuple(sorted(s for s, ids in self._citations.items() if record.id in ids))

    def citing(self, source_id: str) -> tuple[Record, ...]:
        """Records citing a source anywhere: in their evidence, sub-records' evidence or dates.

        The source record itself is not included.

        >>> [r.id for r in fixture().citing("src-9a68526d")]
        ['jwg-ct-07', 'jwg-ct-next', 'mofa-pk', 'pk-ru-jwg-ct']
        """
        self.get(source_id)
        return tuple(self.get(i) for i in self._citations.get(source_id, ()))

    @cached_property
    def _involvement(self) -> Mapping[str, tuple[str, ...]]:
        index: dict[str, set[str]] = {}
        for record in self.records:
            for _, ref, kinds in references(record):
                if ("person" in kinds or "body" in kinds) and ref != record.id:
                    index.setdefault(ref, set()).add(record.id)
        return MappingProxyType({k: tuple(sorted(v)) for k, v in index.items()})

    def involving(self, actor_id: str) -> tuple[Record, ...]:
        """Records that refer to a person or body: as participant, series, post, member, side.

        >>> [r.id for r in fixture().involving("sergey-ryabkov")]
        ['cgss-12']
        >>> [r.id for r in fixture().involving("pk-ru-cgss")]
        ['cgss-12']
        """
        actor = self.get(actor_id)
        return tuple(self.get(i) for i in self._involvement.get(actor.id, ()))

    # -- conveniences ------------------------------------------------------------
    # The exports build on the Dataset, not the other way round: these two
    # methods only call pakru.export when used, so importing pakru.dataset
    # never loads an export module (tests/test_layers.py lists these as the
    # only imports from the dataset layer upwards).

    def tables(self) -> "dict[str, Table]":
        """The dataset flattened into tables: ``pakru.export.tables.build(ds)``."""
        from pakru.export.tables import build  # noqa: PLC0415 - a convenience, see above

        return build(self)

    def to_pandas(self) -> "dict[str, pd.DataFrame]":
        """Every export table as a pandas DataFrame: ``pakru.export.frames.to_pandas(ds)``.

        Needs the ``pandas`` extra. Dates become ``datetime64`` columns (``NaT``
        when unknown), whole numbers nullable ``Int64``, and list columns hold
        Python lists.

        >>> frames = fixture().to_pandas()
        >>> frames["meetings"].loc[:, ["id", "status", "date_earliest"]].head(2)
                id status date_earliest
        0  cgss-12   held    2018-03-02
        1  fm-talks-moscow   held           NaT
        """
        from pakru.export.frames import to_pandas  # noqa: PLC0415 - a convenience, see above

        return to_pandas(self)


COLLECTIONS = ("meetings", "agreements", "events", "people", "bodies", "sources", "conflicts")
