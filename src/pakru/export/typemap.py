"""The dtype map: every column of every export table, with the type each reader should give it.

Readers that guess types from text (pandas, readr, DuckDB, spreadsheets)
turn the CAMEO code ``"046"`` into 46 and ordinals into floats. The map says,
per column, the declared type and what it is called in pandas, Arrow
(Parquet), SQLite and R's readr, whether it is a list and of what, and
whether it may be unknown. It ships with every export as ``dtypes.json`` and
``dtypes.csv`` (:func:`files`), is a resource of the data package, and is
:func:`pakru.export.dtypes` in Python.
"""

import csv
import io
import json
from collections.abc import Mapping

from pakru.export.model import Column, Table, meta_table

JSON_FILE = "dtypes.json"
CSV_FILE = "dtypes.csv"

PANDAS: dict[str, str] = {
    "string": "string",
    "integer": "Int64",
    "number": "Float64",
    "boolean": "boolean",
    "date": "date32[day][pyarrow]",
    "list": "object",
}
"""Declared type → the pandas dtype of ``ds.to_pandas()``, :func:`pakru.export.read_csv` and
``pd.read_parquet`` of the Parquet export: nullable, with ``pd.NA`` for unknown; list columns
hold Python lists."""

ARROW: dict[str, str] = {
    "string": "string",
    "integer": "int64",
    "number": "double",
    "boolean": "bool",
    "date": "date32[day]",
}
"""Declared type → the Arrow type of the Parquet export (lists: ``list<item type>``)."""

SQLITE: dict[str, str] = {
    "string": "TEXT",
    "integer": "INTEGER",
    "number": "REAL",
    "boolean": "INTEGER (0/1)",
    "date": "TEXT (YYYY-MM-DD)",
    "list": "TEXT (JSON array)",
}
"""Declared type → how the SQLite export stores it."""

READR: dict[str, str] = {
    "string": "c",
    "integer": "i",
    "number": "d",
    "boolean": "l",
    "date": "D",
    "list": "c",
}
"""Declared type → readr's ``col_types`` letter (a list column is text to split on ``;``)."""

FIELDS = (
    "table",
    "column",
    "type",
    "item_type",
    "required",
    "pandas",
    "arrow",
    "sqlite",
    "readr",
    "description",
)
"""The columns of ``dtypes.csv`` (and the keys of each column in ``dtypes.json``)."""

NOTE = (
    "Types of every column of every table of this export. In the CSV files only an "
    "unquoted empty cell is unknown (null); a quoted empty cell is an empty text or an "
    "empty list. Give readers these types (codes such as cameo_code are text: '046', "
    "not 46); pakru.export.read_csv does it for you."
)


def entry(table: str, column: Column) -> dict[str, str | bool]:
    """One column's row of the map."""
    is_list = column.type == "list"
    arrow = f"list<{ARROW[column.item]}>" if is_list else ARROW[column.type]
    return {
        "table": table,
        "column": column.name,
        "type": column.type,
        "item_type": column.item if is_list else "",
        "required": column.required or is_list,
        "pandas": PANDAS[column.type],
        "arrow": arrow,
        "sqlite": SQLITE[column.type],
        "readr": READR[column.type],
        "description": column.description,
    }


def dtype_map(tables: Mapping[str, Table]) -> dict[str, dict[str, dict[str, str | bool]]]:
    """Table name → column name → its row of the map, for ``meta`` and every table."""
    every = {"meta": meta_table({}), **tables}
    return {name: {c.name: entry(name, c) for c in table.columns} for name, table in every.items()}


def files(tables: Mapping[str, Table]) -> dict[str, str]:
    """``dtypes.json`` and ``dtypes.csv``: file name → content."""
    mapped = dtype_map(tables)
    document = {"note": NOTE, "tables": mapped}
    out = io.StringIO()
    writer = csv.DictWriter(out, FIELDS, quoting=csv.QUOTE_ALL, lineterminator="\n")
    writer.writeheader()
    for columns in mapped.values():
        for row in columns.values():
            writer.writerow(
                {k: str(v).lower() if isinstance(v, bool) else v for k, v in row.items()}
            )
    return {
        JSON_FILE: json.dumps(document, ensure_ascii=False, indent=1) + "\n",
        CSV_FILE: out.getvalue(),
    }


__all__ = ["CSV_FILE", "FIELDS", "JSON_FILE", "dtype_map", "entry", "files"]
