"""CSV: ``<table>.csv`` and ``meta.csv``, UTF-8 with a header row, ready for a spreadsheet.

Lists are joined with ``;``, unknown values are empty cells, booleans
``true``/``false``, dates ``YYYY-MM-DD``.
"""

import csv
import io
from collections.abc import Mapping
from pathlib import Path

from pakru.atomic import write_text
from pakru.export.tables import Row, Table, from_text, to_text


def write_table(table: Table, path: Path) -> Path:
    """One table as a CSV file."""
    f = io.StringIO(newline="")
    writer = csv.writer(f)
    writer.writerow(table.column_names)
    for row in table.rows:
        writer.writerow([to_text(c, row[c.name]) for c in table.columns])
    return write_text(path, f.getvalue())


def write_meta(meta: Mapping[str, str], path: Path) -> Path:
    """The meta as a two-column CSV file (key, value)."""
    f = io.StringIO(newline="")
    writer = csv.writer(f)
    writer.writerow(("key", "value"))
    writer.writerows(meta.items())
    return write_text(path, f.getvalue())


def write(
    tables: Mapping[str, Table], meta: Mapping[str, str], records: list[object], out: Path
) -> list[Path]:
    """Write every table and the meta (records are in the tables; see the JSON export)."""
    del records
    written = [write_table(t, out / f"{name}.csv") for name, t in tables.items()]
    written.append(write_meta(meta, out / "meta.csv"))
    return written


def read(out: Path, like: Mapping[str, Table]) -> tuple[dict[str, list[Row]], dict[str, str]]:
    """Read the tables named in ``like`` and the meta back."""
    tables = {}
    for name, table in like.items():
        with (out / f"{name}.csv").open(encoding="utf-8", newline="") as f:
            reader = csv.DictReader(f)
            if tuple(reader.fieldnames or ()) != table.column_names:
                raise ValueError(f"{name}.csv: unexpected header {reader.fieldnames}")
            tables[name] = [
                {c.name: from_text(c, item[c.name]) for c in table.columns} for item in reader
            ]
    with (out / "meta.csv").open(encoding="utf-8", newline="") as f:
        meta = {item["key"]: item["value"] for item in csv.DictReader(f)}
    return tables, meta
