"""SQLite: one database ``pakru.sqlite`` with every table, its keys and a ``meta`` table.

Primary and foreign keys are declared, so ``PRAGMA foreign_key_check``
passes and joins follow the keys. Dates are ``YYYY-MM-DD`` text, booleans
0/1, and list columns JSON arrays (``SELECT value FROM json_each(aliases)``).

Made to be served with `Datasette <https://datasette.io>`_
(``datasette pakru.sqlite --metadata metadata.json``):

- every foreign-key column is indexed, so facets and joins stay fast;
- views answer the common questions (:data:`VIEWS`): meetings with their
  place, series and participants; evidence with the title and date of the
  report it quotes; one dated timeline of meetings, agreements and events;
- analysis views answer with the rules of :mod:`pakru.export.analysis`:
  counts by year and month placed only where a date's precision allows,
  who met whom, records resting on a single source;
- FTS5 indexes quotes (``evidence_fts``), meeting titles and notes
  (``meetings_fts``), the timeline's titles (``timeline_fts``) and the
  reports' full texts (``source_texts_fts``), so ``?_search=Lavrov`` finds
  them, on the tables and on the views built on them (``evidence_with_sources``,
  ``meetings_detailed``, ``timeline``: :data:`VIEW_FTS`);
- ``metadata.json`` gives Datasette the title, licence, source, every
  table's and column's description and default facets (:data:`FACETS`).
"""

import datetime as dt
import json
import sqlite3
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import cast

from pakru.export import analysis
from pakru.export.model import Column, Row, Table, Value, meta_table
from pakru.tools.atomic import write_text, write_with

FILE_NAME = "pakru.sqlite"
METADATA_FILE = "metadata.json"
LICENSE_URL = "https://creativecommons.org/licenses/by/4.0/"

FTS: dict[str, tuple[str, ...]] = {
    "evidence": ("quote",),
    "meetings": ("title", "note"),
    "source_texts": ("text",),
}
"""Tables with a full-text index, and the columns indexed."""

TIMELINE_KINDS = (("meeting", "meetings"), ("agreement", "agreements"), ("event", "events"))
"""The timeline's record types and their tables; ``timeline_fts`` numbers a row of the n-th
table (from 1) ``rowid * 4 + n``, the view's ``search_rowid``, so the three never collide."""

VIEW_FTS: dict[str, tuple[str, str]] = {
    "evidence_with_sources": ("evidence_fts", "evidence_rowid"),
    "meetings_detailed": ("meetings_fts", "meeting_rowid"),
    "timeline": ("timeline_fts", "search_rowid"),
}
"""View → (FTS table, the view's column holding that table's rowid): Datasette's ``fts_table``
and ``fts_pk``, so ``?_search=`` on a view returns the matching rows, not every row."""

FACETS: dict[str, tuple[str, ...]] = {
    "meetings": ("status", "kind", "country", "series_id", "date_precision"),
    "agreements": ("status", "kind", "date_precision"),
    "events": ("kind", "date_precision"),
    "participants": ("side", "lead"),
    "acts": ("cameo_root", "date_precision"),
    "evidence": ("record_type", "source_id"),
    "conflicts": ("kind",),
    "meetings_detailed": ("status", "kind", "series", "country_name"),
    "meeting_participants": ("status", "side", "lead"),
    "evidence_with_sources": ("record_type", "source_title"),
    "timeline": ("type", "status", "date_precision"),
    "counts_by_year": ("type", "status"),
    "counts_by_month": ("type", "status"),
    "single_source_records": ("record_type", "source_id"),
}
"""Table or view → the columns Datasette offers as facets when the page opens."""

VIEWS: dict[str, tuple[str, str]] = {
    "meetings_detailed": (
        "Meetings with place, series name and participants' names, one row per meeting.",
        """
        SELECT m.rowid AS meeting_rowid, m.id, m.title, m.status, m.kind, m.date_earliest,
               m.date_latest, m.date_precision, m.city, c.name AS country_name, m.venue,
               s.name AS series, m.ordinal,
               (SELECT group_concat(coalesce(pe.name, b.name), '; ')
                  FROM participants AS pa
                  LEFT JOIN people AS pe ON pe.id = pa.person_id
                  LEFT JOIN bodies AS b ON b.id = pa.body_id
                 WHERE pa.meeting_id = m.id) AS participants
          FROM meetings AS m
          LEFT JOIN countries AS c ON c.alpha2 = m.country
          LEFT JOIN bodies AS s ON s.id = m.series_id
        """,
    ),
    "meeting_participants": (
        "Who took part in which meeting, with side, role and whether they led.",
        """
        SELECT pa.meeting_id, m.title AS meeting, m.date_earliest, m.date_latest,
               m.status, coalesce(pa.person_id, pa.body_id) AS participant_id,
               coalesce(pe.name, b.name) AS participant, pa.side, pa.role, pa.lead
          FROM participants AS pa
          JOIN meetings AS m ON m.id = pa.meeting_id
          LEFT JOIN people AS pe ON pe.id = pa.person_id
          LEFT JOIN bodies AS b ON b.id = pa.body_id
        """,
    ),
    "evidence_with_sources": (
        "Every quote with the record it supports and the title, author and date of its report.",
        """
        SELECT e.record_id, e.record_type, e.path, e.quote, e.supports, e.source_id,
               s.title AS source_title, s.author AS source_author,
               s.published AS source_published, s.file AS source_file,
               e.rowid AS evidence_rowid
          FROM evidence AS e
          LEFT JOIN sources AS s ON s.id = e.source_id
        """,
    ),
    "timeline": (
        "Meetings, agreements and events in one list, in the order of Dataset.timeline().",
        """
        SELECT * FROM (
            SELECT 'meeting' AS type, id, title, status, date_earliest, date_latest,
                   date_precision, rowid * 4 + 1 AS search_rowid FROM meetings
            UNION ALL
            SELECT 'agreement', id, title, status, date_earliest, date_latest,
                   date_precision, rowid * 4 + 2 FROM agreements
            UNION ALL
            SELECT 'event', id, title, NULL, date_earliest, date_latest,
                   date_precision, rowid * 4 + 3 FROM events
        )
        ORDER BY date_earliest IS NULL AND date_latest IS NULL,
                 coalesce(date_earliest, '0001-01-01'), coalesce(date_latest, '9999-12-31'), id
        """,
    ),
}
"""View name → (description, SELECT); the analysis views (:data:`pakru.export.analysis.VIEWS`)
follow them."""
SQL_TYPES = {
    "string": "TEXT",
    "integer": "INTEGER",
    "number": "REAL",
    "boolean": "INTEGER",
    "date": "TEXT",
    "list": "TEXT",
}


def _quote(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def create_sql(table: Table) -> str:
    """The CREATE TABLE statement of a table."""
    lines = [
        f"  {_quote(c.name)} {SQL_TYPES[c.type]}{' NOT NULL' if c.required else ''}"
        for c in table.columns
    ]
    lines.append(f"  PRIMARY KEY ({', '.join(map(_quote, table.primary_key))})")
    lines.extend(
        f"  FOREIGN KEY ({', '.join(map(_quote, fk.columns))}) "
        f"REFERENCES {_quote(fk.table)} ({', '.join(map(_quote, fk.refers_to))})"
        for fk in table.foreign_keys
    )
    return f"CREATE TABLE {_quote(table.name)} (\n" + ",\n".join(lines) + "\n)"


def index_sql(table: Table) -> list[str]:
    """CREATE INDEX statements, one per foreign key (a primary key is indexed already)."""
    statements = []
    for fk in table.foreign_keys:
        if fk.columns == table.primary_key[: len(fk.columns)]:
            continue
        name = f"idx_{table.name}_{'_'.join(fk.columns)}"
        statements.append(
            f"CREATE INDEX {_quote(name)} ON {_quote(table.name)} "
            f"({', '.join(map(_quote, fk.columns))})"
        )
    return statements


def fts_sql(table: str, columns: tuple[str, ...]) -> list[str]:
    """An external-content FTS5 table over ``columns`` of ``table``, filled from it."""
    fts = _quote(f"{table}_fts")
    names = ", ".join(map(_quote, columns))
    return [
        f'CREATE VIRTUAL TABLE {fts} USING fts5({names}, content="{table}")',
        f"INSERT INTO {fts} (rowid, {names}) SELECT rowid, {names} FROM {_quote(table)}",  # noqa: S608
    ]


def timeline_fts_sql() -> list[str]:
    """``timeline_fts``: the titles of meetings, agreements and events, numbered as the
    ``timeline`` view's ``search_rowid``."""
    fill = " UNION ALL ".join(
        f"SELECT rowid * 4 + {n}, title FROM {_quote(name)}"  # noqa: S608 - names are ours
        for n, (_, name) in enumerate(TIMELINE_KINDS, start=1)
    )
    return [
        "CREATE VIRTUAL TABLE timeline_fts USING fts5(title)",
        f"INSERT INTO timeline_fts (rowid, title) {fill}",
    ]


def views() -> dict[str, tuple[str, str]]:
    """Every view of the database, in creation order: name → (description, SELECT)."""
    return {**VIEWS, **analysis.VIEWS}


def metadata(tables: Mapping[str, Table], meta: Mapping[str, str]) -> dict[str, object]:
    """Datasette's ``metadata.json``: title, licence, source, table and column descriptions."""
    described: dict[str, object] = {
        name: {
            "description": table.description,
            "columns": {c.name: c.description for c in table.columns},
            **({"fts_table": f"{name}_fts"} if name in FTS else {}),
            **_facets(name, table.column_names),
        }
        for name, table in {"meta": meta_table(meta), **tables}.items()
    }
    for name, (description, _) in views().items():
        fts_table, fts_pk = VIEW_FTS.get(name, ("", ""))
        described[name] = {
            "description": description,
            **({"fts_table": fts_table, "fts_pk": fts_pk} if fts_table else {}),
            **_facets(name, None),
        }
    return {
        "title": f"{meta['title']} (data {meta['data_version']})",
        "description": (
            "Typed, source-backed records built by hand from news reports; every value "
            "carries a verbatim quote (see evidence_with_sources)."
        ),
        "license": "CC BY 4.0",
        "license_url": LICENSE_URL,
        "source": "News reports shipped with the data (table source_texts)",
        "databases": {Path(FILE_NAME).stem: {"tables": described}},
    }


def _facets(name: str, columns: tuple[str, ...] | None) -> dict[str, list[str]]:
    """Datasette's ``facets`` of a table (those of :data:`FACETS` it has) or a view."""
    facets = [c for c in FACETS.get(name, ()) if columns is None or c in columns]
    return {"facets": facets} if facets else {}


def _sql_value(value: Value) -> str | int | float | None:
    if isinstance(value, tuple):  # a JSON array, for json_each
        return json.dumps(list(value), ensure_ascii=False)
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, bool):
        return int(value)
    return value


def _sql_values(column: Column, values: "list[Value]") -> "Sequence[object]":
    """A column's values as :func:`_sql_value` makes each (a test compares them); strings and
    numbers, which SQLite takes as they are, are not copied, and lists are encoded by one
    encoder (``json.dumps`` makes one per call)."""
    if column.type in ("string", "integer", "number"):
        return values
    if column.type == "list":
        encode = _ARRAY.encode
        return [encode(v) if v else "[]" for v in values]
    if column.type == "date":
        dates = cast("list[dt.date | None]", values)
        return [None if v is None else v.isoformat() for v in dates]
    return [_sql_value(v) for v in values]


_ARRAY = json.JSONEncoder(ensure_ascii=False)
"""Encodes a list column's tuple as ``json.dumps(list(value), ensure_ascii=False)`` does."""


def _python_value(column: Column, value: object) -> Value:
    if column.type == "list":
        items = json.loads(str(value))
        return tuple(items)
    if value is None:
        return None
    if column.type == "date":
        return dt.date.fromisoformat(str(value))
    if column.type == "boolean":
        return bool(value)
    if column.type in ("integer", "number") and isinstance(value, int | float):
        return float(value) if column.type == "number" else value
    return str(value)


def write(
    tables: Mapping[str, Table], meta: Mapping[str, str], records: list[object], out: Path
) -> list[Path]:
    """Write the database (replacing an existing one only once the new one is complete)."""
    del records
    path = write_with(out / FILE_NAME, lambda temp: _fill(temp, tables, meta))
    text = json.dumps(metadata(tables, meta), ensure_ascii=False, indent=1)
    return [path, write_text(out / METADATA_FILE, text + "\n")]


def _fill(path: Path, tables: Mapping[str, Table], meta: Mapping[str, str]) -> None:
    with sqlite3.connect(path) as db:
        for table in (meta_table(meta), *tables.values()):
            db.execute(create_sql(table))
            marks = ", ".join("?" for _ in table.columns)
            db.executemany(
                f"INSERT INTO {_quote(table.name)} VALUES ({marks})",  # noqa: S608 - names are ours
                zip(*(_sql_values(c, table.values(c.name)) for c in table.columns), strict=True),
            )
        problems = db.execute("PRAGMA foreign_key_check").fetchall()
        if problems:
            raise ValueError(f"foreign keys do not resolve: {problems[:5]}")
        for table in tables.values():
            for statement in index_sql(table):
                db.execute(statement)
        for name, columns in FTS.items():
            if name in tables:
                for statement in fts_sql(name, columns):
                    db.execute(statement)
        if all(name in tables for _, name in TIMELINE_KINDS):
            for statement in timeline_fts_sql():
                db.execute(statement)
        for name, (_, select) in views().items():
            db.execute(f"CREATE VIEW {_quote(name)} AS {select.strip()}")
    db.close()


def read(out: Path, like: Mapping[str, Table]) -> tuple[dict[str, list[Row]], dict[str, str]]:
    """Read the tables named in ``like`` and the meta back, rows in the order written."""
    tables = {}
    with sqlite3.connect(out / FILE_NAME) as db:
        for name, table in like.items():
            columns = ", ".join(_quote(c) for c in table.column_names)
            query = f"SELECT {columns} FROM {_quote(name)} ORDER BY rowid"  # noqa: S608
            tables[name] = [
                {c.name: _python_value(c, v) for c, v in zip(table.columns, values, strict=True)}
                for values in db.execute(query)
            ]
        meta = {str(k): str(v) for k, v in db.execute("SELECT key, value FROM meta")}
    db.close()
    return tables, meta
