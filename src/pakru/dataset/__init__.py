"""The Dataset: every record, typed and indexed by id, read-only.

A Dataset is a pure value: records, the texts of the reports, the data
version, the withdrawn ids and query indexes. It knows nothing of files,
positions or rules; where each record was read from belongs to the
validator (:mod:`pakru.validate.provenance`). Its collections are the
record kinds of :data:`pakru.schema.RECORD_TYPES`, each named after its
folder (``ds.meetings``). The Dataset ``pakru.load()`` hands out adds the
exports' tables (:class:`pakru.library.Dataset`).
"""

import unicodedata
from collections.abc import Iterable, Iterator, Mapping
from functools import cached_property
from types import MappingProxyType
from typing import Any, Generic, TypeVar, overload

from pakru.dataset.collection import Collection, DateLike, QueryError
from pakru.dataset.versions import Withdrawal, WithdrawnError
from pakru.schema import (
    RECORD_TYPES,
    Agreement,
    Body,
    Conflict,
    Event,
    Meeting,
    Person,
    Record,
    Source,
)
from pakru.schema.dates import interval_key
from pakru.schema.recordbase import RecordBase
from pakru.schema.text import normalise

R = TypeVar("R", bound=RecordBase)
D = TypeVar("D")
_Named = TypeVar("_Named", bound=Person | Body | Event)
Dated = Meeting | Agreement | Event
_MISSING: Any = object()


def dated_kinds() -> tuple[str, ...]:
    """The kinds with a date (meeting, agreement, event): what :meth:`Dataset.timeline` orders."""
    from pakru.schema.introspect import fields_by_name  # noqa: PLC0415 - see Dataset._citations

    return tuple(name for name, t in RECORD_TYPES.items() if "date" in fields_by_name(t.model))


class KindError(LookupError, TypeError):
    """An id names a record of another kind than the one asked for; the message says which."""


class _Kind(Generic[R]):
    """``ds.<folder>``: the records of one kind of :data:`~pakru.schema.RECORD_TYPES`, by id.

    Named after the kind's folder (checked when the class is made), typed by its model.
    """

    def __init__(self, model: type[R]) -> None:
        self.model: type[R] = model

    def __set_name__(self, owner: type, name: str) -> None:
        folders = {t.model: t.folder for t in RECORD_TYPES.values()}
        if folders.get(self.model) != name:
            raise TypeError(f"{owner.__name__}.{name}: {self.model.__name__} is not that kind")

    @overload
    def __get__(self, ds: None, owner: type) -> "_Kind[R]": ...
    @overload
    def __get__(self, ds: "Dataset", owner: type) -> Collection[R]: ...
    def __get__(self, ds: "Dataset | None", owner: type) -> "_Kind[R] | Collection[R]":
        return self if ds is None else ds._by_kind[self.model]


class Dataset:
    """All records of a pakru dataset.

    Collections are tuples sorted by id; ``get`` finds any record by id.
    A Dataset never changes after it is built: records are frozen models,
    the collections are tuples and read-only mappings, and no attribute of
    the Dataset can be set or deleted (``AttributeError``), so the shared
    result of ``pakru.load()`` is the same for every caller. It pickles and
    copies by value (``pickle``, ``copy.deepcopy``, ``multiprocessing``): the
    records, texts, version and withdrawn ids; the indexes are built again
    on use. Two Datasets are equal (``==``) when those are, and a Dataset is
    hashable by that value.

    The examples below run as tests on the small fixture dataset of the
    test suite (``fixture()`` is ``pakru.load(["tests/library/fixtures/records"])``);
    ``pakru.load()`` without arguments gives the records tree found from the
    working folder upwards, else the shipped data.

    >>> ds = fixture()
    >>> ds.get("jwg-ct-07").ordinal
    7
    >>> ds.version
    '1.0.0'
    """

    _by_id: Mapping[str, Record]
    _texts: Mapping[str, str]
    _version: str | None
    _withdrawn: Mapping[str, Withdrawal]

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
        # set once, here; __setattr__ refuses any later change
        _set = object.__setattr__
        _set(self, "_by_id", MappingProxyType(by_id))
        _set(self, "_texts", MappingProxyType(dict(texts or {})))
        _set(self, "_version", version)
        _set(self, "_withdrawn", MappingProxyType({w.id: w for w in withdrawn}))

    def __setattr__(self, name: str, value: object) -> None:
        raise AttributeError(f"a Dataset is immutable: {name!r} cannot be set")

    def __delattr__(self, name: str) -> None:
        raise AttributeError(f"a Dataset is immutable: {name!r} cannot be deleted")

    def __reduce__(self) -> tuple[Any, ...]:
        """Pickle (and copy) by value; the cached indexes are not pickled but rebuilt."""
        state = (
            type(self),
            tuple(self._by_id.values()),
            dict(self._texts),
            self._version,
            tuple(self._withdrawn.values()),
        )
        return (_restore, state)

    def __eq__(self, other: object) -> bool:
        """Equal by value: the same records (field by field), texts, version and withdrawn ids.

        So a pickled or deep-copied Dataset equals the original; the indexes
        built on use play no part.
        """
        if not isinstance(other, Dataset):
            return NotImplemented
        return self is other or (
            self._version == other._version
            and self._texts == other._texts
            and self._withdrawn == other._withdrawn
            and self._by_id == other._by_id
        )

    def __hash__(self) -> int:
        """A hash of the value (:meth:`__eq__`): a Dataset never changes, so it stays hashable,
        a key of a dict or a cache as before; computed once, on first use."""
        return self._value_hash

    @cached_property
    def _value_hash(self) -> int:
        # the records sorted by id, so the order they were read in plays no part; the texts
        # and withdrawn ids are left out: equal Datasets still hash alike, and records differ
        # wherever Datasets do in practice
        return hash((self._version, self.records))

    def __repr__(self) -> str:
        # the dated kinds first: what the dataset is about, then who and where from
        dated = dated_kinds()
        kinds = sorted(RECORD_TYPES.values(), key=lambda t: t.name not in dated)
        counts = ", ".join(f"{t.folder}={len(self._by_kind[t.model])}" for t in kinds)
        return f"<{type(self).__name__} {counts}>"

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
    def _by_kind(self) -> Mapping[type, Collection[Any]]:
        # computed once: the collections are read in loops by queries and exports
        out: dict[type, list[Record]] = {}
        for record in self.records:
            out.setdefault(type(record), []).append(record)
        return MappingProxyType(
            {t.model: Collection(out.get(t.model, ()), t.folder) for t in RECORD_TYPES.values()}
        )

    sources = _Kind(Source)
    """The news reports."""
    people = _Kind(Person)
    """People named in the reports."""
    bodies = _Kind(Body)
    """Ministries, councils, dialogue series and multilateral bodies."""
    meetings = _Kind(Meeting)
    """Held and planned meetings."""
    agreements = _Kind(Agreement)
    """Agreements, accords and commitments."""
    events = _Kind(Event)
    """Exercises, deliveries, accessions and other events."""
    conflicts = _Kind(Conflict)
    """Disagreements between reports, side by side."""

    @property
    def version(self) -> str | None:
        """The data version (``records/VERSION``), or None for records without one."""
        return self._version

    @property
    def withdrawn(self) -> Mapping[str, Withdrawal]:
        """Ids that were merged into another record or withdrawn, with the reason."""
        return self._withdrawn

    def __getitem__(self, record_id: str) -> Record:
        """``ds["jwg-ct-07"]``: the record with this id, as :meth:`get` without a default."""
        return self.get(record_id)

    @overload
    def get(self, record_id: str) -> Record: ...
    @overload
    def get(self, record_id: str, default: D) -> Record | D: ...
    def get(self, record_id: str, default: Any = _MISSING) -> Any:
        """The record with this id, or ``default`` when there is none.

        An id that was merged answers with the record it became. Without a
        default, an id that was withdrawn raises
        :class:`~pakru.dataset.versions.WithdrawnError` (a ``KeyError``) saying why,
        and any other unknown id raises ``KeyError`` naming the closest ids.
        For a record of one kind, typed, use :meth:`meeting`, :meth:`person`, ….

        >>> ds = fixture()
        >>> ds.get("khawaja-muhammad-asif").id
        'khawaja-asif'
        >>> ds.get("nothing", None) is None
        True
        >>> ds.get("jwg-ct-2019")
        Traceback (most recent call last):
        ...
        pakru.dataset.versions.WithdrawnError: record 'jwg-ct-2019' was withdrawn in ...: ...
        >>> ds["jwg-ct-7"]
        Traceback (most recent call last):
        ...
        KeyError: "no record with id 'jwg-ct-7'; did you mean 'jwg-ct-07'?"
        """
        try:
            return self._resolve(record_id)
        except KeyError:
            if default is not _MISSING:
                return default
            raise

    def _resolve(self, record_id: str) -> Record:
        seen = []
        while record_id not in self._by_id:
            withdrawal = self._withdrawn.get(record_id)
            if withdrawal is None or record_id in seen:
                raise KeyError(self._unknown(record_id)) from None
            if withdrawal.into is None:
                raise WithdrawnError(withdrawal)
            seen.append(record_id)
            record_id = withdrawal.into
        return self._by_id[record_id]

    def _unknown(self, record_id: object) -> str:
        import difflib  # noqa: PLC0415 - only for an unknown id; slow to import

        close = difflib.get_close_matches(str(record_id), list(self._by_id), n=3, cutoff=0.75)
        hint = f"; did you mean {' or '.join(map(repr, close))}?" if close else ""
        return f"no record with id {record_id!r}{hint}"

    def _typed(self, record_id: str, kind: type[R]) -> R:
        record = self.get(record_id)
        if not isinstance(record, kind):
            raise KindError(
                f"{record_id!r} is a {record.type}, not a {kind.__name__.lower()}; "
                f"ds.{record.type}({record_id!r}) gives it"
            )
        return record

    def source(self, record_id: str) -> Source:
        """The source (news report) with this id; ``KindError`` if the id names another kind."""
        return self._typed(record_id, Source)

    def person(self, record_id: str) -> Person:
        """The person with this id; ``KindError`` if the id names another kind."""
        return self._typed(record_id, Person)

    def body(self, record_id: str) -> Body:
        """The body (ministry, council, series, organisation) with this id."""
        return self._typed(record_id, Body)

    def meeting(self, record_id: str) -> Meeting:
        """The meeting with this id; ``KindError`` if the id names another kind.

        >>> fixture().meeting("jwg-ct-07").ordinal
        7
        >>> fixture().meeting("sergey-ryabkov")
        Traceback (most recent call last):
        ...
        pakru.dataset.KindError: 'sergey-ryabkov' is a person, not a meeting; ds.person(...) ...
        """
        return self._typed(record_id, Meeting)

    def agreement(self, record_id: str) -> Agreement:
        """The agreement with this id; ``KindError`` if the id names another kind."""
        return self._typed(record_id, Agreement)

    def event(self, record_id: str) -> Event:
        """The event with this id; ``KindError`` if the id names another kind."""
        return self._typed(record_id, Event)

    def conflict(self, record_id: str) -> Conflict:
        """The conflict with this id; ``KindError`` if the id names another kind."""
        return self._typed(record_id, Conflict)

    def text(self, source_id: str) -> str | None:
        """The full text of a source, or None when it was not read."""
        return self._texts.get(source_id)

    @property
    def texts(self) -> Mapping[str, str]:
        """Source id → full text of the report."""
        return self._texts

    # -- queries ---------------------------------------------------------------

    def series(self, series_id: str) -> Collection[Meeting]:
        """The meetings of a dialogue series: numbered ones by ordinal, then the rest by date.

        ``series_id`` is the id of a body of kind ``dialogue-series``; any
        other id raises :class:`KindError` listing the series there are.

        >>> ds = fixture()
        >>> [(m.id, m.ordinal, m.status) for m in ds.series("pk-ru-jwg-ct")]
        [('jwg-ct-07', 7, 'held'), ('jwg-ct-next', None, 'planned')]
        >>> ds.series("sergey-ryabkov")
        Traceback (most recent call last):
        ...
        pakru.dataset.KindError: 'sergey-ryabkov' is a person; ...: pk-ru-cgss, pk-ru-jwg-ct
        """
        record = self.get(series_id)
        if not (isinstance(record, Body) and record.kind == "dialogue-series"):
            what = record.type if not isinstance(record, Body) else f"body of kind {record.kind}"
            known = ", ".join(b.id for b in self.bodies if b.kind == "dialogue-series")
            raise KindError(
                f"{series_id!r} is a {what}; series() takes the id of a dialogue series: {known}"
            )
        members = [m for m in self.meetings if m.series == record.id]
        return Collection(
            sorted(
                members,
                key=lambda m: (m.ordinal is None, m.ordinal or 0, *interval_key(m.date)),
            ),
            "meetings",
        )

    def timeline(
        self,
        kind: str | Iterable[str] | None = None,
        *,
        start: DateLike = None,
        end: DateLike = None,
        status: str | Iterable[str] | None = None,
    ) -> Collection[Dated]:
        """Meetings, agreements and events in date order, optionally only some.

        Records are ordered by the earliest day their interval allows, then by
        the latest. An interval open at the start (``[null, 2018-03-03]``,
        "recently") could begin on any day, so it comes before every dated
        record rather than beside its latest day, where it would read as an
        event of that week; records whose date is unknown come last. Ties are
        broken by id.

        ``kind`` keeps ``"meeting"``, ``"agreement"`` or ``"event"`` (or
        several); ``start``/``end`` keep records whose date may fall in that
        range (``"2018"``, ``"2018-03"``, a ``datetime.date``; see
        :meth:`Collection.between`), which drops unknown dates; ``status``
        keeps records with that status (or any of several).

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
        >>> ds.timeline("meeting", start="2018-03-10", status="held").ids
        ('jwg-ct-07',)
        """
        known = dated_kinds()
        kinds = _names(kind, known, "kind")
        dated: list[Dated] = [
            r for name in known if name in kinds for r in self._by_kind[RECORD_TYPES[name].model]
        ]
        out: Collection[Dated] = Collection(
            sorted(dated, key=lambda r: (*interval_key(r.date), r.id)), "dated records"
        )
        if status is not None:
            statuses = {status} if isinstance(status, str) else set(status)
            out = out.filter(lambda r: getattr(r, "status", None) in statuses)
        if start is not None or end is not None:
            out = out.between(start, end)
        return out

    def find(self, text: str) -> Collection[Person | Body | Event]:
        """People, bodies and events whose name or an alias contains ``text``, best matches first.

        Case and accents are ignored. An event is found by its aliases (the
        names a source prints for it, and forms a name rule derives, such as
        a romanisation); its title describes it and is not searched. Exact
        names and aliases come first, then names starting with ``text``, then
        the rest, each by id.

        >>> fixture().find("ryabkov").ids
        ('sergey-ryabkov',)
        >>> fixture().find("Joint Working Group").ids
        ('pk-ru-jwg-ct',)
        """
        return self._find(text, [*self.people, *self.bodies, *self.events], "records")

    def _find(self, text: str, candidates: list[_Named], label: str) -> Collection[_Named]:
        wanted = _fold(text)
        if not wanted:
            raise QueryError("find() needs some text to look for")
        scored: list[tuple[int, str, _Named]] = []
        for record in candidates:
            own = () if isinstance(record, Event) else (record.name,)
            names = [_fold(n) for n in (*own, *record.aliases)]
            if any(n == wanted for n in names):
                scored.append((0, record.id, record))
            elif any(n.startswith(wanted) for n in names):
                scored.append((1, record.id, record))
            elif any(wanted in n for n in names):
                scored.append((2, record.id, record))
        return Collection((r for _, _, r in sorted(scored, key=lambda t: t[:2])), label)

    def _actor(self, actor: str) -> Record:
        """A person or body by id, merged id or, when unambiguous, by name or alias."""
        if actor in self._by_id or actor in self._withdrawn:
            return self.get(actor)
        actors: list[Person | Body] = [*self.people, *self.bodies]
        found = self._find(actor, actors, "people and bodies")
        if len(found) == 1:
            return found[0]
        if found:
            raise KeyError(
                f"{actor!r} names several people or bodies: {', '.join(found.ids)}; pass an id"
            )
        raise KeyError(self._unknown(actor) + " (nor a name or alias of a person or body)")

    @cached_property
    def _citations(self) -> Mapping[str, tuple[str, ...]]:
        # introspect is imported on first use: pakru.load() needs no model walker
        from pakru.schema.introspect import cited_sources  # noqa: PLC0415

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

    def citing(self, source_id: str) -> Collection[Record]:
        """Records citing a source anywhere: in their evidence, sub-records' evidence or dates.

        The source record itself is not included.

        >>> [r.id for r in fixture().citing("src-9a68526d")]
        ['jwg-ct-07', 'jwg-ct-next', 'mofa-pk', 'pk-ru-jwg-ct']
        """
        self.source(source_id)
        return Collection((self.get(i) for i in self._citations.get(source_id, ())), "records")

    def conflicts_about(self, record_id: str) -> Collection[Conflict]:
        """The conflicts in which the record is one of the sides: where reports disagree about it.

        >>> fixture().conflicts_about("fm-talks-moscow").ids
        ('fm-talks-date',)
        """
        record = self.get(record_id)
        return Collection(
            (c for c in self.conflicts if any(side.record == record.id for side in c.sides)),
            "conflicts",
        )

    @cached_property
    def _realisations(self) -> Mapping[str, tuple[str, ...]]:
        index: dict[str, list[str]] = {}
        for meeting in self.meetings:
            if meeting.realises is not None:
                index.setdefault(meeting.realises, []).append(meeting.id)
        return MappingProxyType({k: tuple(sorted(v)) for k, v in index.items()})

    def realised_by(self, meeting_id: str) -> Collection[Meeting]:
        """The held meetings that carried out a planned one: the reverse of ``realises``.

        Empty for a plan no report shows held, and for a held meeting.
        """
        plan = self.meeting(meeting_id)
        return Collection(
            (self.meeting(i) for i in self._realisations.get(plan.id, ())), "meetings"
        )

    @cached_property
    def _involvement(self) -> Mapping[str, tuple[str, ...]]:
        from pakru.schema.introspect import references  # noqa: PLC0415 - see _citations

        index: dict[str, set[str]] = {}
        for record in self.records:
            for _, ref, kinds in references(record):
                if ("person" in kinds or "body" in kinds) and ref != record.id:
                    index.setdefault(ref, set()).add(record.id)
        return MappingProxyType({k: tuple(sorted(v)) for k, v in index.items()})

    def involving(self, actor_id: str) -> Collection[Record]:
        """Records that refer to a person or body: as participant, series, post, member, side.

        ``actor_id`` is an id, or a name or alias naming one person or body
        (``"Ryabkov"``); a name shared by several raises ``KeyError`` listing them.

        >>> [r.id for r in fixture().involving("sergey-ryabkov")]
        ['cgss-12']
        >>> [r.id for r in fixture().involving("pk-ru-cgss")]
        ['cgss-12']
        >>> fixture().involving("Ryabkov").ids
        ('cgss-12',)
        """
        actor = self._actor(actor_id)
        if not isinstance(actor, Person | Body):
            raise KindError(
                f"{actor_id!r} is a {actor.type}; involving() takes a person or a body "
                "(an id, or a name or alias: see find())"
            )
        return Collection((self.get(i) for i in self._involvement.get(actor.id, ())), "records")


def _restore(
    cls: type[Dataset],
    records: tuple[Record, ...],
    texts: dict[str, str],
    version: str | None,
    withdrawn: tuple[Withdrawal, ...],
) -> Dataset:
    """A Dataset from what :meth:`Dataset.__reduce__` keeps (unpickling, copying)."""
    return cls(records, texts, version=version, withdrawn=withdrawn)


def _fold(text: str) -> str:
    """Text for matching: case-folded, accents dropped, spaces single."""
    decomposed = unicodedata.normalize("NFKD", text)
    plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    return normalise(plain.casefold())


def _names(value: str | Iterable[str] | None, known: tuple[str, ...], what: str) -> set[str]:
    """The names asked for (all when None), checked against ``known``."""
    if value is None:
        return set(known)
    names = {value} if isinstance(value, str) else set(value)
    unknown = sorted(names - set(known))
    if unknown:
        raise QueryError(f"unknown {what} {unknown[0]!r}; expected one of: {', '.join(known)}")
    return names
