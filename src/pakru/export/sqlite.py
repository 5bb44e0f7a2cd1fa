"""SQLite: one database ``pakru.sqlite`` with every table, its keys and a ``meta`` table.

Primary and foreign keys are declared, so ``PRAGMA foreign_key_check``
passes and joins follow the keys. Dates are ``YYYY-MM-DD`` text, booleans
0/1, and list columns JSON arrays (``SELECT value FROM json_each(aliases)``).
"""

import datetime as dt
import json
import sqlite3
from collections.abc import Mapping
from pathlib import Path

from pakru.atomic import write_with
from pakru.export.tables import Column, Row, Table, Value, dumps_list

FILE_NAME = "pakru.sqlite"
SQL_TYPES = {
    "string": "TEXT",
    "integer": "INTEGER",
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


def _sql_value(value: Value) -> str | int | None:
    if isinstance(value, tuple):
        return dumps_list(value)
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, bool):
        return int(value)
    return value


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
    if column.type == "integer" and isinstance(value, int):
        return value
    return str(value)


def write(
    tables: Mapping[str, Table], meta: Mapping[str, str], records: list[object], out: Path
) -> list[Path]:
    """Write the database (replacing an existing one only once the new one is complete)."""
    del records
    return [write_with(out / FILE_NAME, lambda temp: _fill(temp, tables, meta))]


def _fill(path: Path, tables: Mapping[str, Table], meta: Mapping[str, str]) -> None:
    with sqlite3.connect(path) as db:
        db.execute('CREATE TABLE meta ("key" TEXT NOT NULL PRIMARY KEY, "value" TEXT)')
        db.executemany("INSERT INTO meta VALUES (?, ?)", meta.items())
        for table in tables.values():
            db.execute(create_sql(table))
            marks = ", ".join("?" for _ in table.columns)
            db.executemany(
                f"INSERT INTO {_quote(table.name)} VALUES ({marks})",  # noqa: S608 - names are ours
                ([_sql_value(row[c.name]) for c in table.columns] for row in table.rows),
            )
        problems = db.execute("PRAGMA foreign_key_check").fetchall()
        if problems:
            raise ValueError(f"foreign keys do not resolve: {problems[:5]}")
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
