"""Parquet: ``<table>.parquet`` per table, typed columns, for R (arrow) and Python (pandas, polars).

Needs the ``parquet`` extra (``pip install 'pakru[parquet]'``, which brings
pyarrow). Unlike CSV, list columns stay lists (``list<string>``,
``list<int64>``), dates are ``date32``, whole numbers ``int64``, other
numbers ``float64`` and booleans ``bool``; unknown is null. Column descriptions are field metadata
(``description``), and every file carries the export's meta (data version,
licence) as schema metadata under ``pakru``. The ``pandas`` schema metadata
names each column's pandas dtype (:data:`pakru.export.typemap.PANDAS`), so
``pd.read_parquet`` gives dates as dates and nullable columns with ``pd.NA``,
the dtypes of ``ds.to_pandas()``, with no argument.
"""

import json
from collections.abc import Mapping
from functools import partial
from pathlib import Path
from typing import Any

from pakru.export.model import Column, Row, Table, Value
from pakru.export.typemap import PANDAS
from pakru.tools.atomic import write_with

PYARROW_MISSING = (
    "the Parquet export needs pyarrow, an optional dependency: pip install 'pakru[parquet]'"
)


def _pyarrow() -> Any:
    try:
        import pyarrow as pa  # noqa: PLC0415 - optional dependency
        import pyarrow.parquet  # noqa: PLC0415 - registers pa.parquet
    except ImportError as error:
        raise ImportError(PYARROW_MISSING) from error
    return pa


def _type(pa: Any, column: Column) -> Any:
    if column.type == "list":
        return pa.list_(pa.int64() if column.item == "integer" else pa.string())
    return {
        "string": pa.string(),
        "integer": pa.int64(),
        "number": pa.float64(),
        "boolean": pa.bool_(),
        "date": pa.date32(),
    }[column.type]


_PANDAS_TYPES = {
    "string": "unicode",
    "integer": "int64",
    "number": "float64",
    "boolean": "bool",
    "date": "date",
}


def pandas_metadata(table: Table) -> str:
    """The ``pandas`` schema metadata pyarrow reads back: each column's pandas dtype."""
    columns = [
        {
            "name": c.name,
            "field_name": c.name,
            "pandas_type": (
                f"list[{_PANDAS_TYPES[c.item]}]" if c.type == "list" else _PANDAS_TYPES[c.type]
            ),
            "numpy_type": PANDAS[c.type],
            "metadata": None,
        }
        for c in table.columns
    ]
    document = {"index_columns": [], "column_indexes": [], "columns": columns}
    return json.dumps(document | {"creator": {"library": "pakru"}, "pandas_version": "2.0.0"})


def _values(column: Column, table: Table) -> list[Value]:
    # pyarrow takes a tuple as a list value: the column as every format shares it
    return table.values(column.name)


def write(
    tables: Mapping[str, Table], meta: Mapping[str, str], records: list[object], out: Path
) -> list[Path]:
    """Write every table as a Parquet file carrying the meta."""
    del records
    pa = _pyarrow()
    written = []
    for name, table in tables.items():
        fields = [
            pa.field(
                c.name,
                _type(pa, c),
                nullable=not c.required,
                metadata={"description": c.description},
            )
            for c in table.columns
        ]
        schema = pa.schema(
            fields,
            metadata={
                "pakru": json.dumps(dict(meta)),
                "description": table.description,
                "pandas": pandas_metadata(table),
            },
        )
        arrays = [pa.array(_values(c, table), type=_type(pa, c)) for c in table.columns]
        path = out / f"{name}.parquet"
        frame = pa.Table.from_arrays(arrays, schema=schema)
        written.append(write_with(path, partial(pa.parquet.write_table, frame)))
    return written


def _python(column: Column, value: Any) -> Value:
    if column.type == "list":
        return tuple(value or ())
    return value  # type: ignore[no-any-return]  # pyarrow gives date, int, bool, str, None


def read(out: Path, like: Mapping[str, Table]) -> tuple[dict[str, list[Row]], dict[str, str]]:
    """Read the tables named in ``like`` and the meta (from the first file) back."""
    pa = _pyarrow()
    tables: dict[str, list[Row]] = {}
    meta: dict[str, str] = {}
    for name, table in like.items():
        data = pa.parquet.read_table(out / f"{name}.parquet")
        meta = json.loads(data.schema.metadata[b"pakru"])
        columns = {c.name: data.column(c.name).to_pylist() for c in table.columns}
        tables[name] = [
            {c.name: _python(c, columns[c.name][i]) for c in table.columns}
            for i in range(data.num_rows)
        ]
    return tables, meta
