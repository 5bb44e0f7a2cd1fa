"""The export tables: what each table holds, declared with :mod:`pakru.export.columns`.

One table per record kind (``sources``, ``people``, ``bodies``,
``meetings``, ``agreements``, ``events``, ``conflicts``), link tables for
what a record holds many of (``participants``, ``statements``,
``person_titles``, ``conflict_sides``, ``evidence``, ``date_derivations``),
lookup tables (``countries``, ``cameo``, ``withdrawn``), the act-level
``acts`` table (:mod:`pakru.export.acts`) and the reports' full texts
(``source_texts``). :data:`TABLES` lists them in an order where keys refer
backwards; :func:`pakru.export.tables` builds them, and every format writes
exactly those.
"""

from collections.abc import Callable, Iterator, Mapping
from typing import TYPE_CHECKING, TypeAlias, TypeVar

from pydantic import BaseModel

from pakru.acts.codes import CAMEO
from pakru.dataset.versions import Withdrawal
from pakru.export.acts import acts_table
from pakru.export.columns import (
    Col,
    cow_of,
    derived,
    field,
    fields,
    interval,
    itself,
    location,
    own,
    table,
)
from pakru.export.model import ForeignKey, Table, Value
from pakru.schema import (
    Agreement,
    Body,
    Conflict,
    ConflictSide,
    DateInterval,
    Derivation,
    Event,
    Evidence,
    Location,
    Meeting,
    Participant,
    Person,
    Record,
    Source,
    Statement,
    Title,
)
from pakru.schema.countries import COUNTRIES, Country
from pakru.schema.introspect import field_path, find
from pakru.schema.recordbase import RecordBase

if TYPE_CHECKING:
    from pakru.dataset import Dataset

M = TypeVar("M", bound=BaseModel)
T = TypeVar("T")


def _record_tail(ds: "Dataset") -> list[Col[RecordBase]]:
    """``source_ids`` (a join over the whole record) and ``note``, closing every record table."""
    sources_of = _sources_index(ds)
    return [
        derived(
            "source_ids",
            "list",
            "Ids of every source the record cites, anywhere.",
            lambda r: sources_of.get(r.id, ()),
        ),
        *own(RecordBase, "note"),
    ]


def _same_as(model: type[M]) -> Col[M]:
    return field(model, "same_as", itself, column="same_as_ids")


def _date(record: Meeting | Agreement | Event) -> DateInterval:
    return record.date


def _publication(source: Source) -> DateInterval | None:
    return source.publication


def _place(record: Meeting | Event) -> Location:
    return record.location


def _cited(description: str, of: Callable[[T], tuple[Evidence, ...]]) -> Col[T]:
    """``source_ids``: the sources quoted by the evidence ``of`` gives."""
    return derived(
        "source_ids", "list", description, lambda r: tuple(sorted({e.source for e in of(r)}))
    )


def _sources_index(ds: "Dataset") -> Mapping[str, tuple[str, ...]]:
    """Record id → ids of every source it cites, anywhere (a source cites itself)."""
    out: dict[str, list[str]] = {}
    for source in ds.sources:
        for record in ds.citing(source.id):
            out.setdefault(record.id, []).append(source.id)
    for source in ds.sources:  # a source cites itself
        out.setdefault(source.id, []).append(source.id)
    return {k: tuple(sorted(set(v))) for k, v in out.items()}


def _countries(ds: "Dataset") -> Table:
    columns: list[Col[Country]] = [
        derived("alpha2", "string", "ISO 3166-1 alpha-2 code.", lambda c: c.alpha2),
        derived("name", "string", "English short name.", lambda c: c.name),
        derived("cow", "integer", "Correlates of War state number (ccode).", lambda c: c.cow),
    ]
    return table(
        "countries",
        "Countries the dataset may name, with ISO 3166-1 alpha-2 and Correlates of War codes.",
        columns,
        COUNTRIES.values(),
        primary_key=("alpha2",),
    )


def _cameo(ds: "Dataset") -> Table:
    columns: list[Col[tuple[str, str]]] = [
        derived("code", "string", "CAMEO event code.", lambda c: c[0]),
        derived("label", "string", "Codebook label.", lambda c: c[1]),
    ]
    return table(
        "cameo",
        "The CAMEO event codes of the acts table (coded by the policy in pakru.acts.policy).",
        columns,
        CAMEO.items(),
        primary_key=("code",),
    )


def _sources(ds: "Dataset") -> Table:
    return table(
        "sources",
        "News reports; every field null unless the text states it.",
        [
            *own(Source, "id file title publisher author byline_kind published"),
            *interval(_publication, "publication"),
            *own(RecordBase, "note"),
        ],
        ds.sources,
    )


def _bodies(ds: "Dataset") -> Table:
    return table(
        "bodies",
        "Ministries, councils, dialogue series and multilateral bodies.",
        [
            *own(Body, "id kind name aliases country"),
            cow_of("country", lambda b: b.country),
            *own(Body, "members parent"),
            *_record_tail(ds),
        ],
        ds.bodies,
    )


def _people(ds: "Dataset") -> Table:
    return table(
        "people",
        "People named in the reports, one id per person.",
        [
            *own(Person, "id name aliases country"),
            cow_of("country", lambda p: p.country),
            derived(
                "titles",
                "list",
                "Titles the sources give, in record order.",
                lambda p: tuple(t.title for t in p.titles),
            ),
            *_record_tail(ds),
        ],
        ds.people,
    )


def _person_titles(ds: "Dataset") -> Table:
    def title(row: tuple[Person, int]) -> Title:
        return row[0].titles[row[1]]

    def attested(row: tuple[Person, int]) -> DateInterval:
        return title(row).attested

    columns: list[Col[tuple[Person, int]]] = [
        _parent_id("person_id", "The person.", "people"),
        _position("Order within the person's titles (0-based)."),
        *fields(Title, "title body", title),
        *interval(attested, "attested"),
    ]
    return table(
        "person_titles",
        "Titles and posts of people, with the interval they are attested.",
        columns,
        ((p, i) for p in ds.people for i in range(len(p.titles))),
        primary_key=("person_id", "position"),
    )


Part: TypeAlias = tuple[RecordBase, int, *tuple[object, ...]]
"""A link table's row: the record it belongs to, the position of the part, and the part."""


def _parent_id(name: str, description: str, refers: str) -> Col[Part]:
    """The id of the record a link-table row belongs to."""
    return derived(
        name, "string", description, lambda row: row[0].id, foreign_key=ForeignKey((name,), refers)
    )


def _position(description: str) -> Col[Part]:
    return derived("position", "integer", description, lambda row: row[1])


def _meetings(ds: "Dataset") -> Table:
    return table(
        "meetings",
        "Held and planned meetings.",
        [
            *own(Meeting, "id title kind status"),
            *interval(_date, "date", wikidata=True),
            *location(_place),
            *own(Meeting, "series ordinal announced_at realises"),
            derived(
                "realised_by_id",
                "string",
                "For a planned meeting: the held meeting that carried it out (the reverse of "
                "realises); empty while no report shows it held.",
                lambda m: next(iter(ds.realised_by(m.id).ids), None),
                foreign_key=ForeignKey(("realised_by_id",), "meetings"),
            ),
            derived(
                "participant_ids",
                "list",
                "People and bodies taking part (see participants).",
                lambda m: tuple(p.ref for p in m.participants),
            ),
            field(Meeting, "agreements", itself, column="agreement_ids"),
            _same_as(Meeting),
            *_record_tail(ds),
        ],
        ds.meetings,
    )


def _participants(ds: "Dataset") -> Table:
    def participant(row: tuple[Meeting, int]) -> Participant:
        return row[0].participants[row[1]]

    def actor(kind: type[Person | Body]) -> Callable[[tuple[Meeting, int]], Value]:
        def get(row: tuple[Meeting, int]) -> Value:
            ref = participant(row).ref
            return ref if ref in ds and isinstance(ds.get(ref), kind) else None

        return get

    columns: list[Col[tuple[Meeting, int]]] = [
        _parent_id("meeting_id", "The meeting.", "meetings"),
        _position("Order within the meeting's participants."),
        derived(
            "person_id",
            "string",
            "The participant, when a person.",
            actor(Person),
            foreign_key=ForeignKey(("person_id",), "people"),
        ),
        derived(
            "body_id",
            "string",
            "The participant, when a body.",
            actor(Body),
            foreign_key=ForeignKey(("body_id",), "bodies"),
        ),
        *fields(Participant, "role side lead", participant),
        _cited("Sources naming the participant.", lambda row: participant(row).evidence),
    ]
    return table(
        "participants",
        "Who took part in which meeting: one row per participant of a meeting.",
        columns,
        ((m, i) for m in ds.meetings for i in range(len(m.participants))),
        primary_key=("meeting_id", "position"),
    )


_StatementRow: TypeAlias = tuple[Meeting, int, str, Statement]


def _statements(ds: "Dataset") -> Table:
    columns: list[Col[_StatementRow]] = [
        _parent_id("meeting_id", "The meeting.", "meetings"),
        derived("kind", "string", "topic or outcome.", lambda row: row[2]),
        _position("Order within the meeting's topics or outcomes."),
        field(Statement, "text", lambda row: row[3]),
        _cited("Sources stating it.", lambda row: row[3].evidence),
    ]
    return table(
        "statements",
        "Topics discussed and outcomes of meetings, paraphrased, with their sources.",
        columns,
        (
            (m, i, kind, s)
            for m in ds.meetings
            for kind, items in (("topic", m.topics), ("outcome", m.outcomes))
            for i, s in enumerate(items)
        ),
        primary_key=("meeting_id", "kind", "position"),
    )


def _agreements(ds: "Dataset") -> Table:
    return table(
        "agreements",
        "Agreements, accords and commitments.",
        [
            *own(Agreement, "id title kind status"),
            *interval(_date, "date", wikidata=True),
            *own(Agreement, "parties"),
            derived(
                "parties_cow",
                "list",
                "Parties (Correlates of War numbers).",
                lambda a: tuple(COUNTRIES[p].cow for p in a.parties),
                item="integer",
            ),
            *own(Agreement, "meeting subject"),
            field(Agreement, "bodies", itself, column="body_ids"),
            _same_as(Agreement),
            *_record_tail(ds),
        ],
        ds.agreements,
    )


def _events(ds: "Dataset") -> Table:
    return table(
        "events",
        "Exercises, deliveries, accessions and other events.",
        [
            *own(Event, "id title kind status"),
            *interval(_date, "date", wikidata=True),
            *location(_place),
            *own(Event, "aliases countries"),
            field(Event, "bodies", itself, column="body_ids"),
            field(Event, "people", itself, column="person_ids"),
            *own(Event, "meeting targets"),
            field(Event, "target_bodies", itself, column="target_body_ids"),
            *own(Event, "count attributed_to"),
            _same_as(Event),
            *_record_tail(ds),
        ],
        ds.events,
    )


def _conflicts(ds: "Dataset") -> Table:
    return table(
        "conflicts",
        "Disagreements between reports, kept side by side.",
        [
            *own(Conflict, "id kind subject"),
            derived(
                "record_ids",
                "list",
                "Records on each side, in side order.",
                lambda c: tuple(s.record for s in c.sides),
            ),
            *_record_tail(ds),
        ],
        ds.conflicts,
    )


def _conflict_sides(ds: "Dataset") -> Table:
    def side(row: tuple[Conflict, int]) -> ConflictSide:
        return row[0].sides[row[1]]

    columns: list[Col[tuple[Conflict, int]]] = [
        _parent_id("conflict_id", "The conflict.", "conflicts"),
        _position("Order of the side."),
        *fields(ConflictSide, "record field claim", side),
        _cited("Sources the claim rests on.", lambda row: side(row).evidence),
    ]
    return table(
        "conflict_sides",
        "One row per side of a conflict.",
        columns,
        ((c, i) for c in ds.conflicts for i in range(len(c.sides))),
        primary_key=("conflict_id", "position"),
    )


Q = TypeVar("Q", Evidence, Derivation)


def _quoted(ds: "Dataset", kind: type[Q]) -> Iterator[tuple[Record, str, Q]]:
    """(record, field path, item) for every quote of ``kind`` in every record."""
    for record in ds.records:
        for loc, item in find(record, kind):
            yield record, field_path(loc), item


def _quote_head(what: str, example: str) -> list[Col[tuple[Record, str, object]]]:
    return [
        derived("record_id", "string", f"The record holding the {what}.", lambda row: row[0].id),
        derived("path", "string", f"Where in the record (e.g. {example}).", lambda row: row[1]),
    ]


def _evidence(ds: "Dataset") -> Table:
    def item(row: tuple[Record, str, Evidence]) -> Evidence:
        return row[2]

    columns: list[Col[tuple[Record, str, Evidence]]] = [
        *_quote_head("quote", "participants[0].evidence[0]"),
        derived("record_type", "string", "Type of the record.", lambda row: row[0].type),
        *fields(Evidence, "source quote supports", item),
    ]
    return table(
        "evidence",
        "Every verbatim quote, where it sits in its record, and the fields it supports.",
        columns,
        _quoted(ds, Evidence),
        primary_key=("record_id", "path"),
    )


def _derivations(ds: "Dataset") -> Table:
    def item(row: tuple[Record, str, Derivation]) -> Derivation:
        return row[2]

    columns: list[Col[tuple[Record, str, Derivation]]] = [
        *_quote_head("date", "date.derivations[0]"),
        *fields(Derivation, "rule source quote value weekday anchor", item),
    ]
    return table(
        "date_derivations",
        "How each date interval was derived: rule, source phrase and arguments.",
        columns,
        _quoted(ds, Derivation),
        primary_key=("record_id", "path"),
    )


def _withdrawn(ds: "Dataset") -> Table:
    # Withdrawal is a plain dataclass of the manifest, not a model: its columns are written here.
    columns: list[Col[Withdrawal]] = [
        derived("id", "string", "The id that no longer names a record.", lambda w: w.id),
        derived("status", "string", "merged or withdrawn.", lambda w: w.status),
        derived("into_id", "string", "For a merged id: the record it became.", lambda w: w.into),
        derived("reason", "string", "Why.", lambda w: w.reason),
        derived("version", "string", "Data version in which it happened.", lambda w: w.version),
    ]
    return table(
        "withdrawn",
        "Ids that no longer name a record: merged into another, or withdrawn.",
        columns,
        sorted(ds.withdrawn.values(), key=lambda w: w.id),
    )


def _source_texts(ds: "Dataset") -> Table:
    # whole documents, not facts: SQLite indexes them for full-text search (source_texts_fts),
    # and every format carries them so that no export needs pakru to read a quote in context
    key = ForeignKey(("source_id",), "sources")
    columns: list[Col[Source]] = [
        derived("source_id", "string", "The source record.", lambda s: s.id, foreign_key=key),
        derived("file", "string", "File name under records/sources/text/.", lambda s: s.file),
        derived("text", "string", "The report's text, unchanged.", lambda s: ds.texts[s.id]),
    ]
    return table(
        "source_texts",
        "The full text of each report, exactly as shipped in records/sources/text/.",
        columns,
        (s for s in ds.sources if s.id in ds.texts),
        primary_key=("source_id",),
    )


TABLES: tuple[Callable[["Dataset"], Table], ...] = (
    _countries,
    _cameo,
    _sources,
    _bodies,
    _people,
    _person_titles,
    _meetings,
    _participants,
    _statements,
    _agreements,
    _events,
    _conflicts,
    _conflict_sides,
    _evidence,
    _derivations,
    _withdrawn,
    acts_table,
    _source_texts,
)
"""Every table, in an order where foreign keys refer backwards: a dataset → its table."""
