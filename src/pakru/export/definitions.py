"""The Dataset flattened into tables, once, for every export format.

One table per record kind (``sources``, ``people``, ``bodies``,
``meetings``, ``agreements``, ``events``, ``conflicts``), link tables for
what a record holds many of (``participants``, ``statements``,
``person_titles``, ``conflict_sides``, ``evidence``, ``date_derivations``)
and lookup tables (``countries``, ``cameo``, ``withdrawn``). Every table
knows its columns, their types, its primary key and its foreign keys; the
format writers (:mod:`pakru.export.json_`, ``csv_``, ``sqlite``,
``datapackage``) only decide how to spell the values.

Values are Python values: ``str``, ``int``, ``float``, ``bool``, ``datetime.date``,
tuples for list columns (never null: an empty list is ``()``) and None for
unknown.
"""

import datetime as dt
import json
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Generic, Literal, TypeAlias, TypeVar

from pydantic import BaseModel

from pakru.codes import CAMEO, cow, wikidata_precision
from pakru.dataset.versions import Withdrawal
from pakru.schema import (
    RECORD_TYPES,
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
from pakru.schema.introspect import field, field_path, find
from pakru.schema.recordbase import RecordBase
from pakru.schema.reference import versions

if TYPE_CHECKING:
    from pakru.dataset import Dataset

Scalar: TypeAlias = str | int | float | bool | dt.date | None
Value: TypeAlias = Scalar | tuple[str | int, ...]
Row: TypeAlias = dict[str, Value]
ColumnType = Literal["string", "integer", "number", "boolean", "date", "list"]
LIST_SEPARATOR = ";"


@dataclass(frozen=True)
class Column:
    """One column: name, type, description; list columns say what their items are."""

    name: str
    type: ColumnType
    description: str
    item: Literal["string", "integer"] = "string"
    required: bool = False


@dataclass(frozen=True)
class ForeignKey:
    """Columns of this table referring to the primary key of ``table``."""

    columns: tuple[str, ...]
    table: str
    refers_to: tuple[str, ...] = ("id",)


@dataclass(frozen=True)
class Table:
    """A table: its columns, keys and rows."""

    name: str
    description: str
    columns: tuple[Column, ...]
    primary_key: tuple[str, ...]
    foreign_keys: tuple[ForeignKey, ...]
    rows: tuple[Row, ...]

    @property
    def column_names(self) -> tuple[str, ...]:
        """The column names, in order."""
        return tuple(c.name for c in self.columns)


# -- spelling values as text (CSV, SQLite) and as JSON ----------------------------------


def to_text(column: Column, value: Value) -> str:
    """A value as CSV text: '' for null, lists joined with ';', booleans as true/false."""
    if value is None:
        return ""
    if isinstance(value, tuple):
        items = [str(v) for v in value]
        bad = [i for i in items if LIST_SEPARATOR in i]
        if bad:
            raise ValueError(f"column {column.name!r}: list item {bad[0]!r} contains ';'")
        return LIST_SEPARATOR.join(items)
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)


def from_text(column: Column, text: str) -> Value:
    """Inverse of :func:`to_text`."""
    if column.type == "list":
        items = text.split(LIST_SEPARATOR) if text else []
        return tuple(int(i) if column.item == "integer" else i for i in items)
    if text == "":
        return None
    if column.type in ("integer", "number"):
        return int(text) if column.type == "integer" else float(text)
    if column.type == "boolean":
        return text == "true"
    if column.type == "date":
        return dt.date.fromisoformat(text)
    return text


def to_json(value: Value) -> object:
    """A value as JSON data: dates as ISO strings, lists as arrays, null for unknown."""
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, tuple):
        return list(value)
    return value


def from_json(column: Column, data: object) -> Value:
    """Inverse of :func:`to_json`; raises ``TypeError`` on data of the wrong shape."""
    if column.type == "list":
        if not isinstance(data, list):
            raise TypeError(f"column {column.name!r}: expected an array, got {data!r}")
        return tuple(_item(column, i) for i in data)
    if data is None:
        return None
    if column.type == "date" and isinstance(data, str):
        return dt.date.fromisoformat(data)
    if (
        (column.type == "string" and isinstance(data, str))
        or (column.type == "integer" and isinstance(data, int))
        or (column.type == "boolean" and isinstance(data, bool))
    ):
        return data
    if column.type == "number" and isinstance(data, int | float) and not isinstance(data, bool):
        return float(data)
    raise TypeError(f"column {column.name!r}: unexpected value {data!r}")


def _item(column: Column, data: object) -> str | int:
    if column.item == "integer" and isinstance(data, int):
        return data
    if column.item == "string" and isinstance(data, str):
        return data
    raise TypeError(f"column {column.name!r}: unexpected list item {data!r}")


def dumps_list(value: tuple[str | int, ...]) -> str:
    """A list column as JSON text (SQLite stores lists so, for ``json_each``)."""
    return json.dumps(list(value), ensure_ascii=False)


# -- columns from model fields --------------------------------------------------------
#
# A column is named, typed and described once: a model field gives all three
# (a reference ``series`` becomes ``series_id``, a country code gets a foreign
# key to ``countries``); only derived columns (codes, joins, positions) are
# written here by hand. A table's rows are built from its columns, so no
# column is named twice.

T_contra = TypeVar("T_contra", contravariant=True)
"""What one row is built from: a record, or a record and the position of a sub-record."""
M = TypeVar("M", bound=BaseModel)

_TYPES: dict[type, Literal["string", "integer", "number", "boolean", "date"]] = {
    str: "string",
    int: "integer",
    float: "number",
    bool: "boolean",
    dt.date: "date",
}


@dataclass(frozen=True)
class _Col(Generic[T_contra]):
    """A column and how to read its value from what a row is built from."""

    name: str
    type: ColumnType
    description: str
    get: Callable[[T_contra], Value]
    item: Literal["string", "integer"] = "string"
    foreign_key: ForeignKey | None = None


def _value(value: object) -> Value:
    """A model value as a table value (checked: a model field of another shape is a bug)."""
    if value is None or isinstance(value, str | int | float | dt.date):
        return value
    if isinstance(value, tuple) and all(isinstance(i, str | int) for i in value):
        return value
    raise TypeError(f"no table value for {value!r}")


def _describe(text: str) -> str:
    """A docstring as a Table Schema description (Markdown): reST ````code```` → ```code```."""
    return text.replace("``", "`")


def _field(
    model: type[BaseModel],
    name: str,
    of: Callable[[T_contra], BaseModel],
    *,
    column: str | None = None,
    prefix: str = "",
) -> _Col[T_contra]:
    """The column of a model field, read through ``of`` (the row's instance of ``model``).

    A reference is named ``<field>_id`` and a country code keeps its name; a
    single reference to one kind and a country code get a foreign key.
    """
    spec = field(model, name)
    kind = _TYPES[spec.scalar]
    kinds = None if spec.many else spec.refers_to
    named = column or prefix + (f"{name}_id" if kinds else name)
    key = None
    if kinds is not None and len(kinds) == 1:
        key = ForeignKey((named,), RECORD_TYPES[kinds[0]].folder)
    elif spec.country and not spec.many:
        key = ForeignKey((named,), "countries", ("alpha2",))
    return _Col(
        named,
        "list" if spec.many else kind,
        _describe(spec.description),
        lambda row: _value(getattr(of(row), name)),
        item="integer" if spec.many and kind == "integer" else "string",
        foreign_key=key,
    )


def _fields(
    model: type[BaseModel], names: str, of: Callable[[T_contra], BaseModel], *, prefix: str = ""
) -> list[_Col[T_contra]]:
    """The columns of several fields of ``model`` (names separated by spaces)."""
    return [_field(model, name, of, prefix=prefix) for name in names.split()]


def _own(model: type[M], names: str) -> list[_Col[M]]:
    """Columns of a record table's own fields: the row is the record."""
    return _fields(model, names, _itself)


def _itself(record: M) -> M:
    return record


def _derived(
    name: str,
    kind: ColumnType,
    description: str,
    get: Callable[[T_contra], Value],
    *,
    item: Literal["string", "integer"] = "string",
    foreign_key: ForeignKey | None = None,
) -> _Col[T_contra]:
    """A column no model field holds: a code, a join, a position."""
    return _Col(name, kind, description, get, item, foreign_key)


def _interval(
    of: Callable[[T_contra], DateInterval], prefix: str, *, wikidata: bool = False
) -> list[_Col[T_contra]]:
    """The bounds and precision of a date interval (its derivations have their own table)."""
    columns = _fields(DateInterval, "earliest latest precision", of, prefix=f"{prefix}_")
    if wikidata:
        columns.append(
            _derived(
                f"{prefix}_wikidata_precision",
                "integer",
                "Wikidata precision: 9 year, 10 month, 11 day.",
                lambda row: wikidata_precision(of(row).precision),
            )
        )
    return columns


def _location(of: Callable[[T_contra], Location]) -> list[_Col[T_contra]]:
    return [
        *_fields(Location, "city country", of),
        _cow("country", lambda row: of(row).country),
        _field(Location, "venue", of),
        *_fields(Location, "geonames_id latitude longitude", of),
        _derived(
            "location_precision",
            "string",
            "How exactly the place is known: venue, city, country or unknown (as ACLED).",
            lambda row: of(row).precision,
        ),
    ]


def _cow(name: str, alpha2: Callable[[T_contra], str | None]) -> _Col[T_contra]:
    return _derived(
        f"{name}_cow",
        "integer",
        "Correlates of War state number of the country.",
        lambda row: cow(alpha2(row)),
    )


def _record_tail(sources_of: Mapping[str, tuple[str, ...]]) -> list[_Col[RecordBase]]:
    """``source_ids`` (a join over the whole record) and ``note``, closing every record table."""
    return [
        _derived(
            "source_ids",
            "list",
            "Ids of every source the record cites, anywhere.",
            lambda r: sources_of.get(r.id, ()),
        ),
        *_own(RecordBase, "note"),
    ]


def _same_as(model: type[M]) -> _Col[M]:
    return _field(model, "same_as", _itself, column="same_as_ids")


def _date(record: Meeting | Agreement | Event) -> DateInterval:
    return record.date


def _place(record: Meeting | Event) -> Location:
    return record.location


def _third(row: tuple[object, object, M]) -> M:
    return row[2]


def _quoted_sources(evidence: tuple[Evidence, ...]) -> tuple[str, ...]:
    return tuple(sorted({e.source for e in evidence}))


# -- building ------------------------------------------------------------------------


def build(ds: "Dataset") -> dict[str, Table]:
    """Every table of the dataset, keyed by name, in an order where keys refer backwards."""
    sources_of = _sources_index(ds)
    tables = (
        _countries(),
        _cameo_table(),
        _sources(ds),
        _bodies(ds, sources_of),
        _people(ds, sources_of),
        _person_titles(ds),
        _meetings(ds, sources_of),
        _participants(ds),
        _statements(ds),
        _agreements(ds, sources_of),
        _events(ds, sources_of),
        _conflicts(ds, sources_of),
        _conflict_sides(ds),
        _evidence(ds),
        _derivations(ds),
        _withdrawn(ds),
        acts_table(ds),
    )
    return {t.name: t for t in tables}


def acts_table(ds: "Dataset") -> Table:
    """The act-level events table (``acts``), described in :mod:`pakru.export.acts`."""
    from pakru.export import acts as events  # noqa: PLC0415 - only this table needs it

    return Table(
        events.NAME,
        events.DESCRIPTION,
        tuple(Column(n, t, d, required=r) for n, t, d, r in events.COLUMNS),  # type: ignore[arg-type]
        ("id",),
        tuple(ForeignKey((c,), t, (r,)) for c, t, r in events.FOREIGN_KEYS),
        events.rows(ds),
    )


def meta(ds: "Dataset") -> dict[str, str]:
    """What every export carries besides its tables: names, versions, licence."""
    import pakru  # noqa: PLC0415

    return {
        "name": "pakru",
        "title": "Pakistan–Russia security dialogues, meetings and agreements",
        "data_version": ds.version or "unversioned",
        "package_version": pakru.__version__,
        "license": "CC-BY-4.0",
        "citation": "see CITATION.cff",
        "reference_packages": "; ".join(f"{k} {v}" for k, v in sorted(versions().items())),
    }


def _sources_index(ds: "Dataset") -> Mapping[str, tuple[str, ...]]:
    out: dict[str, list[str]] = {}
    for source in ds.sources:
        for record in ds.citing(source.id):
            out.setdefault(record.id, []).append(source.id)
    for source in ds.sources:  # a source cites itself
        out.setdefault(source.id, []).append(source.id)
    return {k: tuple(sorted(set(v))) for k, v in out.items()}


def _table(
    name: str,
    description: str,
    columns: Sequence[_Col[T_contra]],
    rows: Iterable[T_contra],
    *,
    primary_key: tuple[str, ...] = ("id",),
) -> Table:
    """A table of ``columns`` with a row per item of ``rows``.

    Primary-key columns are the required ones; foreign keys are the columns'.
    """
    names = [c.name for c in columns]
    twice = sorted({n for n in names if names.count(n) > 1})
    if twice:
        raise ValueError(f"{name}: columns named twice: {twice}")
    return Table(
        name,
        description,
        tuple(
            Column(c.name, c.type, c.description, c.item, c.name in primary_key) for c in columns
        ),
        primary_key,
        tuple(c.foreign_key for c in columns if c.foreign_key is not None),
        tuple({c.name: c.get(row) for c in columns} for row in rows),
    )


def _countries() -> Table:
    columns: list[_Col[Country]] = [
        _derived("alpha2", "string", "ISO 3166-1 alpha-2 code.", lambda c: c.alpha2),
        _derived("name", "string", "English short name.", lambda c: c.name),
        _derived("cow", "integer", "Correlates of War state number (ccode).", lambda c: c.cow),
    ]
    return _table(
        "countries",
        "Countries the dataset may name, with ISO 3166-1 alpha-2 and Correlates of War codes.",
        columns,
        COUNTRIES.values(),
        primary_key=("alpha2",),
    )


def _cameo_table() -> Table:
    columns: list[_Col[tuple[str, str]]] = [
        _derived("code", "string", "CAMEO event code.", lambda c: c[0]),
        _derived("label", "string", "Codebook label.", lambda c: c[1]),
    ]
    return _table(
        "cameo",
        "The CAMEO event codes of the acts table (coded by the policy in pakru.coding).",
        columns,
        CAMEO.items(),
        primary_key=("code",),
    )


def _publication_column(part: str) -> _Col[Source]:
    def get(source: Source) -> Value:
        interval = source.publication
        return None if interval is None else _value(getattr(interval, part))

    return _derived(
        f"publication_{part}",
        "string" if part == "precision" else "date",
        f"The publication interval an undated report's content fixes: {part}.",
        get,
    )


def _sources(ds: "Dataset") -> Table:
    return _table(
        "sources",
        "News reports; every field null unless the text states it.",
        [
            *_own(Source, "id file title publisher author byline_kind published"),
            *(_publication_column(part) for part in ("earliest", "latest", "precision")),
            *_own(RecordBase, "note"),
        ],
        ds.sources,
    )


def _bodies(ds: "Dataset", sources_of: Mapping[str, tuple[str, ...]]) -> Table:
    return _table(
        "bodies",
        "Ministries, councils, dialogue series and multilateral bodies.",
        [
            *_own(Body, "id kind name aliases country"),
            _cow("country", lambda b: b.country),
            *_own(Body, "members parent"),
            *_record_tail(sources_of),
        ],
        ds.bodies,
    )


def _people(ds: "Dataset", sources_of: Mapping[str, tuple[str, ...]]) -> Table:
    return _table(
        "people",
        "People named in the reports, one id per person.",
        [
            *_own(Person, "id name aliases country"),
            _cow("country", lambda p: p.country),
            _derived(
                "titles",
                "list",
                "Titles the sources give, in record order.",
                lambda p: tuple(t.title for t in p.titles),
            ),
            *_record_tail(sources_of),
        ],
        ds.people,
    )


def _person_titles(ds: "Dataset") -> Table:
    def title(row: tuple[Person, int]) -> Title:
        return row[0].titles[row[1]]

    def attested(row: tuple[Person, int]) -> DateInterval:
        return title(row).attested

    columns: list[_Col[tuple[Person, int]]] = [
        _parent_id("person_id", "The person.", "people"),
        _position("Order within the person's titles (0-based)."),
        *_fields(Title, "title body", title),
        *_interval(attested, "attested"),
    ]
    return _table(
        "person_titles",
        "Titles and posts of people, with the interval they are attested.",
        columns,
        ((p, i) for p in ds.people for i in range(len(p.titles))),
        primary_key=("person_id", "position"),
    )


def _parent_id(name: str, description: str, table: str) -> _Col[tuple[RecordBase, int]]:
    """The id of the record a link-table row belongs to."""
    return _derived(
        name, "string", description, lambda row: row[0].id, foreign_key=ForeignKey((name,), table)
    )


def _position(description: str) -> _Col[tuple[RecordBase, int]]:
    return _derived("position", "integer", description, lambda row: row[1])


def _meetings(ds: "Dataset", sources_of: Mapping[str, tuple[str, ...]]) -> Table:
    return _table(
        "meetings",
        "Held and planned meetings.",
        [
            *_own(Meeting, "id title kind status"),
            *_interval(_date, "date", wikidata=True),
            *_location(_place),
            *_own(Meeting, "series ordinal announced_at"),
            _derived(
                "participant_ids",
                "list",
                "People and bodies taking part (see participants).",
                lambda m: tuple(p.ref for p in m.participants),
            ),
            _field(Meeting, "agreements", _itself, column="agreement_ids"),
            _same_as(Meeting),
            *_record_tail(sources_of),
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

    columns: list[_Col[tuple[Meeting, int]]] = [
        _parent_id("meeting_id", "The meeting.", "meetings"),
        _position("Order within the meeting's participants."),
        _derived(
            "person_id",
            "string",
            "The participant, when a person.",
            actor(Person),
            foreign_key=ForeignKey(("person_id",), "people"),
        ),
        _derived(
            "body_id",
            "string",
            "The participant, when a body.",
            actor(Body),
            foreign_key=ForeignKey(("body_id",), "bodies"),
        ),
        *_fields(Participant, "role side lead", participant),
        _derived(
            "source_ids",
            "list",
            "Sources naming the participant.",
            lambda row: _quoted_sources(participant(row).evidence),
        ),
    ]
    return _table(
        "participants",
        "Who took part in which meeting: one row per participant of a meeting.",
        columns,
        ((m, i) for m in ds.meetings for i in range(len(m.participants))),
        primary_key=("meeting_id", "position"),
    )


_StatementRow: TypeAlias = tuple[Meeting, int, str, Statement]


def _statements(ds: "Dataset") -> Table:
    columns: list[_Col[_StatementRow]] = [
        _derived(
            "meeting_id",
            "string",
            "The meeting.",
            lambda row: row[0].id,
            foreign_key=ForeignKey(("meeting_id",), "meetings"),
        ),
        _derived("kind", "string", "topic or outcome.", lambda row: row[2]),
        _derived(
            "position",
            "integer",
            "Order within the meeting's topics or outcomes.",
            lambda row: row[1],
        ),
        _field(Statement, "text", lambda row: row[3]),
        _derived(
            "source_ids",
            "list",
            "Sources stating it.",
            lambda row: _quoted_sources(row[3].evidence),
        ),
    ]
    return _table(
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


def _agreements(ds: "Dataset", sources_of: Mapping[str, tuple[str, ...]]) -> Table:
    return _table(
        "agreements",
        "Agreements, accords and commitments.",
        [
            *_own(Agreement, "id title kind status"),
            *_interval(_date, "date", wikidata=True),
            *_own(Agreement, "parties"),
            _derived(
                "parties_cow",
                "list",
                "Parties (Correlates of War numbers).",
                lambda a: tuple(COUNTRIES[p].cow for p in a.parties),
                item="integer",
            ),
            *_own(Agreement, "meeting subject"),
            _field(Agreement, "bodies", _itself, column="body_ids"),
            _same_as(Agreement),
            *_record_tail(sources_of),
        ],
        ds.agreements,
    )


def _events(ds: "Dataset", sources_of: Mapping[str, tuple[str, ...]]) -> Table:
    return _table(
        "events",
        "Exercises, deliveries, accessions and other events.",
        [
            *_own(Event, "id title kind status"),
            *_interval(_date, "date", wikidata=True),
            *_location(_place),
            *_own(Event, "aliases countries"),
            _field(Event, "bodies", _itself, column="body_ids"),
            _field(Event, "people", _itself, column="person_ids"),
            *_own(Event, "meeting targets"),
            _field(Event, "target_bodies", _itself, column="target_body_ids"),
            *_own(Event, "count attributed_to"),
            _same_as(Event),
            *_record_tail(sources_of),
        ],
        ds.events,
    )


def _conflicts(ds: "Dataset", sources_of: Mapping[str, tuple[str, ...]]) -> Table:
    return _table(
        "conflicts",
        "Disagreements between reports, kept side by side.",
        [
            *_own(Conflict, "id kind subject"),
            _derived(
                "record_ids",
                "list",
                "Records on each side, in side order.",
                lambda c: tuple(s.record for s in c.sides),
            ),
            *_record_tail(sources_of),
        ],
        ds.conflicts,
    )


def _conflict_sides(ds: "Dataset") -> Table:
    def side(row: tuple[Conflict, int]) -> ConflictSide:
        return row[0].sides[row[1]]

    columns: list[_Col[tuple[Conflict, int]]] = [
        _parent_id("conflict_id", "The conflict.", "conflicts"),
        _position("Order of the side."),
        *_fields(ConflictSide, "record field claim", side),
        _derived(
            "source_ids",
            "list",
            "Sources the claim rests on.",
            lambda row: _quoted_sources(side(row).evidence),
        ),
    ]
    return _table(
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


def _quote_head(what: str, example: str) -> list[_Col[tuple[Record, str, object]]]:
    return [
        _derived("record_id", "string", f"The record holding the {what}.", lambda row: row[0].id),
        _derived("path", "string", f"Where in the record (e.g. {example}).", lambda row: row[1]),
    ]


def _evidence(ds: "Dataset") -> Table:
    columns: list[_Col[tuple[Record, str, Evidence]]] = [
        *_quote_head("quote", "participants[0].evidence[0]"),
        _derived("record_type", "string", "Type of the record.", lambda row: row[0].type),
        *_fields(Evidence, "source quote supports", _third),
    ]
    return _table(
        "evidence",
        "Every verbatim quote, where it sits in its record, and the fields it supports.",
        columns,
        _quoted(ds, Evidence),
        primary_key=("record_id", "path"),
    )


def _derivations(ds: "Dataset") -> Table:
    columns: list[_Col[tuple[Record, str, Derivation]]] = [
        *_quote_head("date", "date.derivations[0]"),
        *_fields(Derivation, "rule source quote value weekday anchor", _third),
    ]
    return _table(
        "date_derivations",
        "How each date interval was derived: rule, source phrase and arguments.",
        columns,
        _quoted(ds, Derivation),
        primary_key=("record_id", "path"),
    )


def _withdrawn(ds: "Dataset") -> Table:
    # Withdrawal is a plain dataclass of the manifest, not a model: its columns are written here.
    columns: list[_Col[Withdrawal]] = [
        _derived("id", "string", "The id that no longer names a record.", lambda w: w.id),
        _derived("status", "string", "merged or withdrawn.", lambda w: w.status),
        _derived("into_id", "string", "For a merged id: the record it became.", lambda w: w.into),
        _derived("reason", "string", "Why.", lambda w: w.reason),
        _derived("version", "string", "Data version in which it happened.", lambda w: w.version),
    ]
    return _table(
        "withdrawn",
        "Ids that no longer name a record: merged into another, or withdrawn.",
        columns,
        sorted(ds.withdrawn.values(), key=lambda w: w.id),
    )


__all__ = ["Column", "ForeignKey", "Row", "Table", "Value", "build", "meta"]
