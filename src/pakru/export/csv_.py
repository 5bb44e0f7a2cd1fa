r"""CSV: ``<table>.csv`` and ``meta.csv``, UTF-8 with a header row, ready for a spreadsheet.

No cell is a formula. A spreadsheet reads a cell that begins with ``=``,
``+``, ``-``, ``@``, a tab or a carriage return as a formula (OWASP, "CSV
Injection"), and a record's title is anyone's text. So a *text* cell (a
``string`` column, or a list of strings) that begins with one of these, or
with ``'``, is written with one ``'`` in front: ``=HYPERLINK(…)`` is
written ``'=HYPERLINK(…)``, which every spreadsheet shows as text, and
``'quoted`` becomes ``''quoted``. Numbers (``-1.5``), dates, booleans and
lists of numbers are written as they are; they cannot hold a formula.
Reading a text cell back removes that one ``'`` (:func:`unprotect`, used by
:func:`read` and :func:`pakru.export.read_csv`), so every value comes back
exactly. The JSON, JSON Lines, SQLite and Parquet exports keep the value
unchanged: they are typed, and no spreadsheet evaluates a JSON string or a
database text value.

Every known value is quoted, so an unknown value is the only unquoted
empty cell: ``,,`` is unknown (null), ``,"",`` an empty list or an empty
string. Lists are joined with ``;``; an item's own ``;`` is written ``\;``
and its ``\`` as ``\\`` (a title "Foreign Minister; Chair" in a list cell is
``Foreign Minister\; Chair``), which :func:`from_text`, :func:`read` and
:func:`pakru.export.read_csv` undo. Booleans are ``true``/``false``, dates
``YYYY-MM-DD``. Codes stay text (``"046"``) — but most CSV readers guess
types whatever the quotes say, so read the files with
:func:`pakru.export.read_csv`, or give the dtype yourself:

- pandas: ``pd.read_csv("acts.csv", dtype={"cameo_code": str, "cameo_root": str})``
- readr: ``read_csv("acts.csv", col_types = cols(cameo_code = "c", cameo_root = "c"))``
- Stata: ``import delimited acts.csv, stringcols(_all) clear`` (then ``destring`` numbers)
"""

import datetime as dt
from collections.abc import Mapping
from pathlib import Path
from typing import cast

from pakru.export import model
from pakru.export.model import Column, Row, Table, Value
from pakru.tools.atomic import write_text

LIST_SEPARATOR = ";"
"""Between the items of a list cell."""

LIST_ESCAPE = "\\"
"""Put before a ``;`` or a ``\\`` inside a list item, so that it is not read as a separator."""

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
"""First characters that make a spreadsheet read a cell as a formula (OWASP)."""

ESCAPE = "'"
"""Put before a text cell that begins with a formula character or with itself."""


def is_text(column: Column) -> bool:
    """Whether the column's cells are text that :func:`protect` applies to."""
    return column.type == "string" or (column.type == "list" and column.item == "string")


def protect(text: str) -> str:
    r"""A text cell as written: one ``'`` in front when it begins with a formula character
    or with ``'``, so no spreadsheet reads it as a formula and :func:`unprotect` undoes it.

    >>> protect('=HYPERLINK("http://x"&A1,"click")')
    '\'=HYPERLINK("http://x"&A1,"click")'
    >>> protect("'quoted"), protect("plain"), unprotect(protect("-1.5"))
    ("''quoted", 'plain', '-1.5')
    """
    return ESCAPE + text if text.startswith((*FORMULA_STARTS, ESCAPE)) else text


def unprotect(text: str) -> str:
    """The text a cell written by :func:`protect` stands for."""
    return text.removeprefix(ESCAPE)


def to_text(column: Column, value: Value) -> str:
    r"""A value as CSV text: '' for null, list items joined with ``;`` (an item's ``;`` and
    ``\`` escaped with ``\``), booleans true/false, dates YYYY-MM-DD.

    >>> to_text(Column("titles", "list", ""), ("Foreign Minister; Chair", "a\\b", "c"))
    'Foreign Minister\\; Chair;a\\\\b;c'
    """
    if value is None:
        return ""
    if isinstance(value, tuple):
        escaped = (str(v).replace(LIST_ESCAPE, LIST_ESCAPE * 2) for v in value)
        return LIST_SEPARATOR.join(
            v.replace(LIST_SEPARATOR, LIST_ESCAPE + LIST_SEPARATOR) for v in escaped
        )
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)


def from_text(column: Column, text: str) -> Value:
    r"""Inverse of :func:`to_text`.

    >>> from_text(Column("titles", "list", ""), r"Foreign Minister\; Chair;a\\b;c")
    ('Foreign Minister; Chair', 'a\\b', 'c')
    """
    if column.type == "list":
        items = _items(text) if text else []
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


def _items(text: str) -> list[str]:
    """The items of a list cell: split at each ``;`` not escaped, the escapes undone."""
    items: list[str] = []
    item: list[str] = []
    chars = iter(text)
    for char in chars:
        if char == LIST_ESCAPE:
            item.append(next(chars, ""))
        elif char == LIST_SEPARATOR:
            items.append("".join(item))
            item = []
        else:
            item.append(char)
    return [*items, "".join(item)]


def cell_value(column: Column, text: str) -> Value:
    """The value of a known (quoted or not empty) cell of ``column``, ``protect`` undone."""
    return from_text(column, unprotect(text) if is_text(column) else text)


def _cell(column: Column, value: Value) -> str:
    if value is None:
        return ""
    text = to_text(column, value)
    if is_text(column):
        text = protect(text)
    return '"' + text.replace('"', '""') + '"'


def cells(column: Column, values: list[Value]) -> list[str]:
    """The cells of one column, as :func:`_cell` writes each (a test compares them), a
    column at a time: the checks that depend on the column's type are made once."""
    if column.type == "string":
        texts = cast("list[str | None]", values)
        return [
            ""
            if v is None
            else '"' + (ESCAPE + v if v.startswith(_STARTS) else v).replace('"', '""') + '"'
            for v in texts
        ]
    if column.type in ("integer", "number"):
        return ["" if v is None else f'"{v}"' for v in values]
    if column.type == "date":
        dates = cast("list[dt.date | None]", values)
        return ["" if v is None else '"' + v.isoformat() + '"' for v in dates]
    if column.type == "list":
        lists = cast("list[tuple[str | int, ...] | None]", values)
        return [_list_cell(column, v) for v in lists]
    return [_cell(column, v) for v in values]


def _list_cell(column: Column, value: tuple[str | int, ...] | None) -> str:
    """:func:`_cell` of a list, joined at once when no item holds a ``;`` or a ``\\``."""
    if not value:
        return "" if value is None else '""'
    joined = LIST_SEPARATOR.join(map(str, value))
    if column.item == "integer":
        return '"' + joined + '"'
    if LIST_ESCAPE in joined or joined.count(LIST_SEPARATOR) != len(value) - 1:
        return _cell(column, value)
    if joined.startswith(_STARTS):
        joined = ESCAPE + joined
    return '"' + joined.replace('"', '""') + '"'


_STARTS = (*FORMULA_STARTS, ESCAPE)


def table_text(table: Table) -> str:
    """The CSV file of ``table``: made once for the CSV and the data package exports."""
    made = table.encoded.get("csv")
    if made is None:
        columns = [cells(c, table.values(c.name)) for c in table.columns]
        lines = [",".join(table.column_names), *map(",".join, zip(*columns, strict=True))]
        made = table.encoded["csv"] = "".join(line + "\r\n" for line in lines)
    return made  # type: ignore[return-value]  # only this function stores under "csv"


def write_table(table: Table, path: Path) -> Path:
    """One table as a CSV file: known values quoted, unknown ones an unquoted empty cell."""
    return write_text(path, table_text(table))


def parse(text: str) -> list[list[str | None]]:
    """The rows of a CSV text; an unquoted empty cell is None, a quoted one ``""``."""
    rows: list[list[str | None]] = []
    row: list[str | None] = []
    cell: list[str] = []
    quoted = in_quotes = False
    i = 0
    while i < len(text):
        char = text[i]
        if in_quotes:
            if char == '"' and text.startswith('""', i):
                cell.append('"')
                i += 1
            elif char == '"':
                in_quotes = False
            else:
                cell.append(char)
        elif char == '"':
            in_quotes = quoted = True
        elif char in ",\n":
            row.append("".join(cell) if cell or quoted else None)
            cell, quoted = [], False
            if char == "\n":
                rows.append(row)
                row = []
        elif char != "\r":
            cell.append(char)
        i += 1
    if cell or quoted or row:
        row.append("".join(cell) if cell or quoted else None)
        rows.append(row)
    return rows


def write(
    tables: Mapping[str, Table], meta: Mapping[str, str], records: list[object], out: Path
) -> list[Path]:
    """Write every table and the meta (records are in the tables; see the JSON export)."""
    del records
    named = (*tables.items(), ("meta", model.meta_table(meta)))
    return [write_table(table, out / f"{name}.csv") for name, table in named]


def _row(table: Table, cells: list[str | None]) -> Row:
    pairs = zip(table.columns, cells, strict=True)
    return {c.name: None if v is None else cell_value(c, v) for c, v in pairs}


def read(out: Path, like: Mapping[str, Table]) -> tuple[dict[str, list[Row]], dict[str, str]]:
    """Read the tables named in ``like`` and the meta back."""
    tables = {}
    for name, table in {**like, "meta": model.meta_table({})}.items():
        header, *rows = parse((out / f"{name}.csv").read_bytes().decode("utf-8"))
        if tuple(header) != table.column_names:
            raise ValueError(f"{name}.csv: unexpected header {header}")
        tables[name] = [_row(table, r) for r in rows]
    meta = {str(row["key"]): str(row["value"]) for row in tables.pop("meta")}
    return tables, meta
