"""Exports: the Dataset as JSON, JSON Lines, CSV, SQLite or a Frictionless data package.

:func:`pakru.export.tables.build` flattens the Dataset into tables once;
each format module only spells those tables (``write``) and reads them back
(``read``, used by the round-trip tests and handy for users).

>>> import pathlib, tempfile
>>> with tempfile.TemporaryDirectory() as tmp:
...     written = export(fixture(), "csv", pathlib.Path(tmp))
...     sorted(p.name for p in written)[:3]
['acts.csv', 'agreements.csv', 'bodies.csv']
"""

from collections.abc import Callable, Mapping
from importlib import import_module
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import pandas as pd

    from pakru.dataset import Dataset
    from pakru.export.tables import Row, Table

FORMATS: dict[str, str] = {
    "json": "pakru.export.json_",
    "jsonl": "pakru.export.jsonl",
    "csv": "pakru.export.csv_",
    "sqlite": "pakru.export.sqlite",
    "datapackage": "pakru.export.datapackage",
}
"""Format name → module with ``write(tables, meta, records, out)`` and ``read(out, tables)``."""

Writer = Callable[["Mapping[str, Table]", "Mapping[str, str]", "list[object]", Path], list[Path]]
Reader = Callable[[Path, "Mapping[str, Table]"], "tuple[dict[str, list[Row]], dict[str, str]]"]


def export(ds: "Dataset", fmt: str, out: Path) -> list[Path]:
    """Write ``ds`` in format ``fmt`` into the folder ``out``; return the files written."""
    from pakru.export.tables import build, meta  # noqa: PLC0415

    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r} (known: {', '.join(FORMATS)})")
    out.mkdir(parents=True, exist_ok=True)
    records: list[object] = [r.model_dump(mode="json") for r in ds.records]
    write: Writer = import_module(FORMATS[fmt]).write
    return write(build(ds), meta(ds), records, out)


def read(
    fmt: str, out: Path, like: "Mapping[str, Table]"
) -> "tuple[dict[str, list[Row]], dict[str, str]]":
    """Read an export back: table name → rows (typed like ``like``'s columns), and the meta."""
    reader: Reader = import_module(FORMATS[fmt]).read
    return reader(out, like)


def read_csv(path: "str | Path") -> "pd.DataFrame":
    """One exported CSV file as a pandas DataFrame, typed as its table declares.

    Codes stay strings (``"046"``), list columns are lists (``[]`` when
    empty) and only unknown values are missing. See :mod:`pakru.export.csv_`
    for the one-line equivalents in pandas, readr and Stata.
    """
    from pakru.export.csv_frame import read_csv as _read_csv  # noqa: PLC0415 - pandas is optional

    return _read_csv(path)


__all__ = ["FORMATS", "export", "read", "read_csv"]
