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
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal, TypeAlias

from pydantic import BaseModel

from pakru.codes import CAMEO, cameo, cow, wikidata_precision
from pakru.schema import Agreement, Body, Conflict, DateInterval, Event, Location, Meeting, Person
from pakru.schema.countries import COUNTRIES
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
    return _FROM_TEXT.get(column.type, str)(text)


_FROM_TEXT: dict[str, "Callable[[str], Value]"] = {
    "integer": int,
    "number": float,
    "boolean": lambda text: text == "true",
    "date": dt.date.fromisoformat,
}


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
    if column.type == "number" and isinstance(data, int | float) and not isinstance(data, bool):
        return float(data)
    expected = {"string": str, "integer": int, "boolean": bool}.get(column.type)
    if expected is None or not isinstance(data, expected):
        raise TypeError(f"column {column.name!r}: unexpected value {data!r}")
    return data  # type: ignore[return-value]  # checked just above


def _item(column: Column, data: object) -> str | int:
    if column.item == "integer" and isinstance(data, int):
        return data
    if column.item == "string" and isinstance(data, str):
        return data
    raise TypeError(f"column {column.name!r}: unexpected list item {data!r}")


def dumps_list(value: tuple[str | int, ...]) -> str:
    """A list column as JSON text (SQLite stores lists so, for ``json_each``)."""
    return json.dumps(list(value), ensure_ascii=False)


# -- columns --------------------------------------------------------------------------


def _c(name: str, kind: ColumnType, description: str, **extra: object) -> Column:
    return Column(name, kind, description, **extra)  # type: ignore[arg-type]


ID = _c("id", "string", "Record id (stable; see docs/versioning.md).", required=True)
NOTE = _c("note", "string", "Editorial remark, never a fact.")
SOURCE_IDS = _c("source_ids", "list", "Ids of every source the record cites, anywhere.")
SAME_AS = _c("same_as_ids", "list", "Records possibly the same, kept apart (see conflicts).")
CAMEO_CODE = _c("cameo_code", "string", "CAMEO event code derived from kind and status.")


def _date_columns() -> tuple[Column, ...]:
    return (
        _c("date_earliest", "date", "First possible day; null when unbounded."),
        _c("date_latest", "date", "Last possible day; null when unbounded."),
        _c("date_precision", "string", "day, month, year, range or unknown."),
        _c("date_wikidata_precision", "integer", "Wikidata precision: 9 year, 10 month, 11 day."),
    )


def _date_values(date: DateInterval) -> Row:
    return {
        "date_earliest": date.earliest,
        "date_latest": date.latest,
        "date_precision": date.precision,
        "date_wikidata_precision": wikidata_precision(date.precision),
    }


def _location_columns() -> tuple[Column, ...]:
    return (
        _c("city", "string", "City as a source names it."),
        _c("country", "string", "ISO 3166-1 alpha-2 code."),
        _c("country_cow", "integer", "Correlates of War state number of the country."),
        _c("venue", "string", "Building or institution."),
        _c("geonames_id", "integer", "GeoNames id of the place (gazetteer rule)."),
        _c("latitude", "number", "Latitude of the GeoNames city (WGS 84)."),
        _c("longitude", "number", "Longitude of the GeoNames city (WGS 84)."),
        _c("location_precision", "string", "venue, city, country or unknown (as ACLED)."),
    )


def _location_values(location: Location) -> dict[str, Value]:
    return {
        "city": location.city,
        "country": location.country,
        "country_cow": cow(location.country),
        "venue": location.venue,
        "geonames_id": location.geonames_id,
        "latitude": location.latitude,
        "longitude": location.longitude,
        "location_precision": location.precision,
    }


# -- building ------------------------------------------------------------------------


def build(ds: "Dataset") -> dict[str, Table]:
    """Every table of the dataset, keyed by name, in an order where keys refer backwards."""
    sources_of = _sources_index(ds)
    tables = (
        _countries(),
        _cameo(),
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
        _acts(ds),
    )
    return {t.name: t for t in tables}


def _acts(ds: "Dataset") -> Table:
    from pakru.export.events import table  # noqa: PLC0415 - it imports this module

    return table(ds)


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
    columns: Iterable[Column],
    rows: Iterable[Row],
    *,
    primary_key: tuple[str, ...] = ("id",),
    foreign_keys: tuple[ForeignKey, ...] = (),
) -> Table:
    cols = tuple(columns)
    names = [c.name for c in cols]
    checked = []
    for row in rows:
        if list(row) != names:
            raise AssertionError(f"{name}: row keys {list(row)} != columns {names}")
        checked.append(row)
    return Table(name, description, cols, primary_key, foreign_keys, tuple(checked))


COUNTRY_FK = ForeignKey(("country",), "countries", ("alpha2",))


def _countries() -> Table:
    return _table(
        "countries",
        "Countries the dataset may name, with ISO 3166-1 alpha-2 and Correlates of War codes.",
        (
            _c("alpha2", "string", "ISO 3166-1 alpha-2 code.", required=True),
            _c("name", "string", "English short name."),
            _c("cow", "integer", "Correlates of War state number (ccode)."),
        ),
        ({"alpha2": c.alpha2, "name": c.name, "cow": c.cow} for c in COUNTRIES.values()),
        primary_key=("alpha2",),
    )


def _cameo() -> Table:
    return _table(
        "cameo",
        "The CAMEO event codes used (see pakru.codes for the mapping).",
        (
            _c("code", "string", "CAMEO event code.", required=True),
            _c("label", "string", "Codebook label."),
        ),
        ({"code": k, "label": v} for k, v in CAMEO.items()),
        primary_key=("code",),
    )


def _sources(ds: "Dataset") -> Table:
    return _table(
        "sources",
        "News reports; every field null unless the text states it.",
        (
            ID,
            _c("file", "string", "Text file under records/sources/text/."),
            _c("title", "string", "Headline as printed."),
            _c("publisher", "string", "Publisher or outlet."),
            _c("author", "string", "Byline."),
            _c("published", "date", "Publication date; null when unknown."),
            NOTE,
        ),
        (
            {
                "id": s.id,
                "file": s.file,
                "title": s.title,
                "publisher": s.publisher,
                "author": s.author,
                "published": s.published,
                "note": s.note,
            }
            for s in ds.sources
        ),
    )


def _bodies(ds: "Dataset", sources_of: Mapping[str, tuple[str, ...]]) -> Table:
    return _table(
        "bodies",
        "Ministries, councils, dialogue series and multilateral bodies.",
        (
            ID,
            _c("kind", "string", "Kind of body."),
            _c("name", "string", "Fullest name form used."),
            _c("aliases", "list", "Other name forms."),
            _c("country", "string", "ISO 3166-1 alpha-2 code; null for bilateral bodies."),
            _c("country_cow", "integer", "Correlates of War state number of the country."),
            _c("members", "list", "Member countries (alpha-2)."),
            _c("parent_id", "string", "Body this one belongs to."),
            SOURCE_IDS,
            NOTE,
        ),
        (
            {
                "id": b.id,
                "kind": b.kind,
                "name": b.name,
                "aliases": b.aliases,
                "country": b.country,
                "country_cow": cow(b.country),
                "members": b.members,
                "parent_id": b.parent,
                "source_ids": sources_of.get(b.id, ()),
                "note": b.note,
            }
            for b in ds.bodies
        ),
        foreign_keys=(COUNTRY_FK, ForeignKey(("parent_id",), "bodies")),
    )


def _people(ds: "Dataset", sources_of: Mapping[str, tuple[str, ...]]) -> Table:
    return _table(
        "people",
        "People named in the reports, one id per person.",
        (
            ID,
            _c("name", "string", "Fullest name form used."),
            _c("aliases", "list", "Other name forms."),
            _c("country", "string", "ISO 3166-1 alpha-2 code of the country served."),
            _c("country_cow", "integer", "Correlates of War state number of the country."),
            _c("titles", "list", "Titles the sources give, in record order."),
            SOURCE_IDS,
            NOTE,
        ),
        (
            {
                "id": p.id,
                "name": p.name,
                "aliases": p.aliases,
                "country": p.country,
                "country_cow": cow(p.country),
                "titles": tuple(t.title for t in p.titles),
                "source_ids": sources_of.get(p.id, ()),
                "note": p.note,
            }
            for p in ds.people
        ),
        foreign_keys=(COUNTRY_FK,),
    )


def _person_titles(ds: "Dataset") -> Table:
    return _table(
        "person_titles",
        "Titles and posts of people, with the interval they are attested.",
        (
            _c("person_id", "string", "The person.", required=True),
            _c("position", "integer", "Order within the person's titles (0-based).", required=True),
            _c("title", "string", "Title as the source gives it."),
            _c("body_id", "string", "Body the post belongs to."),
            _c("attested_earliest", "date", "First day the title is attested."),
            _c("attested_latest", "date", "Last day the title is attested."),
            _c("attested_precision", "string", "Precision of the attested interval."),
        ),
        (
            {
                "person_id": p.id,
                "position": i,
                "title": t.title,
                "body_id": t.body,
                "attested_earliest": t.attested.earliest,
                "attested_latest": t.attested.latest,
                "attested_precision": t.attested.precision,
            }
            for p in ds.people
            for i, t in enumerate(p.titles)
        ),
        primary_key=("person_id", "position"),
        foreign_keys=(ForeignKey(("person_id",), "people"), ForeignKey(("body_id",), "bodies")),
    )


def _meetings(ds: "Dataset", sources_of: Mapping[str, tuple[str, ...]]) -> Table:
    def row(m: Meeting) -> Row:
        return {
            "id": m.id,
            "title": m.title,
            "kind": m.kind,
            "status": m.status,
            **_date_values(m.date),
            **_location_values(m.location),
            "series_id": m.series,
            "ordinal": m.ordinal,
            "announced_at_id": m.announced_at,
            "cameo_code": cameo("meeting", m.kind, m.status),
            "participant_ids": tuple(p.ref for p in m.participants),
            "agreement_ids": m.agreements,
            "same_as_ids": m.same_as,
            "source_ids": sources_of.get(m.id, ()),
            "note": m.note,
        }

    return _table(
        "meetings",
        "Held and planned meetings.",
        (
            ID,
            _c("title", "string", "Descriptive title from the sources' words."),
            _c("kind", "string", "Format of the meeting."),
            _c("status", "string", "held or planned."),
            *_date_columns(),
            *_location_columns(),
            _c("series_id", "string", "Dialogue series (a body) it belongs to."),
            _c("ordinal", "integer", "Number within the series."),
            _c("announced_at_id", "string", "For a planned meeting: where it was announced."),
            CAMEO_CODE,
            _c("participant_ids", "list", "People and bodies taking part (see participants)."),
            _c("agreement_ids", "list", "Agreements reached at the meeting."),
            SAME_AS,
            SOURCE_IDS,
            NOTE,
        ),
        (row(m) for m in ds.meetings),
        foreign_keys=(
            COUNTRY_FK,
            ForeignKey(("series_id",), "bodies"),
            ForeignKey(("announced_at_id",), "meetings"),
            ForeignKey(("cameo_code",), "cameo", ("code",)),
        ),
    )


def _participants(ds: "Dataset") -> Table:
    def row(m: Meeting, i: int) -> Row:
        p = m.participants[i]
        target = ds.get(p.ref) if p.ref in ds else None
        return {
            "meeting_id": m.id,
            "position": i,
            "person_id": p.ref if isinstance(target, Person) else None,
            "body_id": p.ref if isinstance(target, Body) else None,
            "role": p.role,
            "side": p.side,
            "lead": p.lead,
            "source_ids": tuple(sorted({e.source for e in p.evidence})),
        }

    return _table(
        "participants",
        "Who took part in which meeting: one row per participant of a meeting.",
        (
            _c("meeting_id", "string", "The meeting.", required=True),
            _c("position", "integer", "Order within the meeting's participants.", required=True),
            _c("person_id", "string", "The participant, when a person."),
            _c("body_id", "string", "The participant, when a body."),
            _c("role", "string", "Role as a source describes it."),
            _c("side", "string", "Delegation (alpha-2 code)."),
            _c("lead", "boolean", "True when a source says the participant led a delegation."),
            _c("source_ids", "list", "Sources naming the participant."),
        ),
        (row(m, i) for m in ds.meetings for i in range(len(m.participants))),
        primary_key=("meeting_id", "position"),
        foreign_keys=(
            ForeignKey(("meeting_id",), "meetings"),
            ForeignKey(("person_id",), "people"),
            ForeignKey(("body_id",), "bodies"),
            ForeignKey(("side",), "countries", ("alpha2",)),
        ),
    )


def _statements(ds: "Dataset") -> Table:
    return _table(
        "statements",
        "Topics discussed and outcomes of meetings, paraphrased, with their sources.",
        (
            _c("meeting_id", "string", "The meeting.", required=True),
            _c("kind", "string", "topic or outcome.", required=True),
            _c(
                "position",
                "integer",
                "Order within the meeting's topics or outcomes.",
                required=True,
            ),
            _c("text", "string", "Paraphrase of what the sources say."),
            _c("source_ids", "list", "Sources stating it."),
        ),
        (
            {
                "meeting_id": m.id,
                "kind": kind,
                "position": i,
                "text": s.text,
                "source_ids": tuple(sorted({e.source for e in s.evidence})),
            }
            for m in ds.meetings
            for kind, items in (("topic", m.topics), ("outcome", m.outcomes))
            for i, s in enumerate(items)
        ),
        primary_key=("meeting_id", "kind", "position"),
        foreign_keys=(ForeignKey(("meeting_id",), "meetings"),),
    )


def _agreements(ds: "Dataset", sources_of: Mapping[str, tuple[str, ...]]) -> Table:
    def row(a: Agreement) -> Row:
        return {
            "id": a.id,
            "title": a.title,
            "kind": a.kind,
            "status": a.status,
            **_date_values(a.date),
            "parties": a.parties,
            "parties_cow": tuple(COUNTRIES[p].cow for p in a.parties),
            "meeting_id": a.meeting,
            "subject": a.subject,
            "cameo_code": cameo("agreement", a.kind, a.status),
            "same_as_ids": a.same_as,
            "source_ids": sources_of.get(a.id, ()),
            "note": a.note,
        }

    return _table(
        "agreements",
        "Agreements, accords and commitments.",
        (
            ID,
            _c("title", "string", "Descriptive title from the sources' words."),
            _c("kind", "string", "treaty, agreement, accord, commitment or decision."),
            _c("status", "string", "signed, concluded, agreed or planned."),
            *_date_columns(),
            _c("parties", "list", "Parties (ISO 3166-1 alpha-2 codes)."),
            _c("parties_cow", "list", "Parties (Correlates of War numbers).", item="integer"),
            _c("meeting_id", "string", "Meeting at which it was reached."),
            _c("subject", "string", "What it covers, in the sources' words."),
            CAMEO_CODE,
            SAME_AS,
            SOURCE_IDS,
            NOTE,
        ),
        (row(a) for a in ds.agreements),
        foreign_keys=(
            ForeignKey(("meeting_id",), "meetings"),
            ForeignKey(("cameo_code",), "cameo", ("code",)),
        ),
    )


def _events(ds: "Dataset", sources_of: Mapping[str, tuple[str, ...]]) -> Table:
    def row(e: Event) -> Row:
        return {
            "id": e.id,
            "title": e.title,
            "kind": e.kind,
            "status": e.status,
            **_date_values(e.date),
            **_location_values(e.location),
            "countries": e.countries,
            "body_ids": e.bodies,
            "cameo_code": cameo("event", e.kind, e.status),
            "same_as_ids": e.same_as,
            "source_ids": sources_of.get(e.id, ()),
            "note": e.note,
        }

    return _table(
        "events",
        "Exercises, deliveries, accessions and other events.",
        (
            ID,
            _c("title", "string", "Descriptive title from the sources' words."),
            _c("kind", "string", "Kind of event."),
            _c("status", "string", "held, recurring or planned."),
            *_date_columns(),
            *_location_columns(),
            _c("countries", "list", "Countries taking part (alpha-2)."),
            _c("body_ids", "list", "Bodies involved."),
            CAMEO_CODE,
            SAME_AS,
            SOURCE_IDS,
            NOTE,
        ),
        (row(e) for e in ds.events),
        foreign_keys=(COUNTRY_FK, ForeignKey(("cameo_code",), "cameo", ("code",))),
    )


def _conflicts(ds: "Dataset", sources_of: Mapping[str, tuple[str, ...]]) -> Table:
    def row(c: Conflict) -> Row:
        return {
            "id": c.id,
            "kind": c.kind,
            "subject": c.subject,
            "record_ids": tuple(s.record for s in c.sides),
            "source_ids": sources_of.get(c.id, ()),
            "note": c.note,
        }

    return _table(
        "conflicts",
        "Disagreements between reports, kept side by side.",
        (
            ID,
            _c("kind", "string", "disagreement or possible-identity."),
            _c("subject", "string", "What the disagreement is about."),
            _c("record_ids", "list", "Records on each side, in side order."),
            SOURCE_IDS,
            NOTE,
        ),
        (row(c) for c in ds.conflicts),
    )


def _conflict_sides(ds: "Dataset") -> Table:
    return _table(
        "conflict_sides",
        "One row per side of a conflict.",
        (
            _c("conflict_id", "string", "The conflict.", required=True),
            _c("position", "integer", "Order of the side.", required=True),
            _c("record_id", "string", "Record making the claim."),
            _c("field", "string", "Field in dispute, or null."),
            _c("claim", "string", "What this side says."),
            _c("source_ids", "list", "Sources the claim rests on."),
        ),
        (
            {
                "conflict_id": c.id,
                "position": i,
                "record_id": s.record,
                "field": s.field,
                "claim": s.claim,
                "source_ids": tuple(sorted({e.source for e in s.evidence})),
            }
            for c in ds.conflicts
            for i, s in enumerate(c.sides)
        ),
        primary_key=("conflict_id", "position"),
        foreign_keys=(ForeignKey(("conflict_id",), "conflicts"),),
    )


def _walk(ds: "Dataset") -> Iterable[tuple[str, str, str, BaseModel]]:
    """(record id, record type, field path, sub-model) for every evidence item and derivation."""
    from pakru.schema import Derivation, Evidence  # noqa: PLC0415
    from pakru.validate.models import field_path  # noqa: PLC0415

    def visit(model: BaseModel, loc: tuple[str | int, ...]) -> Iterable[tuple[str, BaseModel]]:
        for name in type(model).model_fields:
            value = getattr(model, name)
            items = enumerate(value) if isinstance(value, tuple) else [(None, value)]
            for index, item in items:
                item_loc = (*loc, name) if index is None else (*loc, name, index)
                if isinstance(item, Evidence | Derivation):
                    yield field_path(item_loc), item
                elif isinstance(item, BaseModel):
                    yield from visit(item, item_loc)

    for record in ds.records:
        for path, item in visit(record, ()):
            yield record.id, record.type, path, item


def _evidence(ds: "Dataset") -> Table:
    from pakru.schema import Evidence  # noqa: PLC0415

    return _table(
        "evidence",
        "Every verbatim quote, where it sits in its record, and the fields it supports.",
        (
            _c("record_id", "string", "The record holding the quote.", required=True),
            _c(
                "path",
                "string",
                "Where in the record (e.g. participants[0].evidence[0]).",
                required=True,
            ),
            _c("record_type", "string", "Type of the record."),
            _c("source_id", "string", "The source quoted."),
            _c("quote", "string", "The verbatim quote."),
            _c("supports", "list", "Fields of the record the quote supports."),
        ),
        (
            {
                "record_id": rid,
                "path": path,
                "record_type": rtype,
                "source_id": item.source,
                "quote": item.quote,
                "supports": item.supports,
            }
            for rid, rtype, path, item in _walk(ds)
            if isinstance(item, Evidence)
        ),
        primary_key=("record_id", "path"),
        foreign_keys=(ForeignKey(("source_id",), "sources"),),
    )


def _derivations(ds: "Dataset") -> Table:
    from pakru.schema import Derivation  # noqa: PLC0415

    return _table(
        "date_derivations",
        "How each date interval was derived: rule, source phrase and arguments.",
        (
            _c("record_id", "string", "The record holding the date.", required=True),
            _c("path", "string", "Where in the record (e.g. date.derivations[0]).", required=True),
            _c("rule", "string", "Date rule (see pakru.schema.dates)."),
            _c("source_id", "string", "The source quoted."),
            _c("quote", "string", "The verbatim phrase."),
            _c("value", "string", "Stated date for stated-* rules."),
            _c("weekday", "string", "Weekday for weekday-before-publication."),
            _c("anchor_id", "string", "Anchor record for *-record rules."),
        ),
        (
            {
                "record_id": rid,
                "path": path,
                "rule": item.rule,
                "source_id": item.source,
                "quote": item.quote,
                "value": item.value,
                "weekday": item.weekday,
                "anchor_id": item.anchor,
            }
            for rid, _rtype, path, item in _walk(ds)
            if isinstance(item, Derivation)
        ),
        primary_key=("record_id", "path"),
        foreign_keys=(ForeignKey(("source_id",), "sources"),),
    )


def _withdrawn(ds: "Dataset") -> Table:
    return _table(
        "withdrawn",
        "Ids that no longer name a record: merged into another, or withdrawn.",
        (
            ID,
            _c("status", "string", "merged or withdrawn."),
            _c("into_id", "string", "For a merged id: the record it became."),
            _c("reason", "string", "Why."),
            _c("version", "string", "Data version in which it happened."),
        ),
        (
            {
                "id": w.id,
                "status": w.status,
                "into_id": w.into,
                "reason": w.reason,
                "version": w.version,
            }
            for w in sorted(ds.withdrawn.values(), key=lambda w: w.id)
        ),
    )


__all__ = ["Column", "ForeignKey", "Row", "Table", "Value", "build", "meta"]
