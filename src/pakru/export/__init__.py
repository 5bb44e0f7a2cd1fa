"""Exports: the Dataset as JSON, JSON Lines, CSV, SQLite or a Frictionless data package.

:func:`pakru.export.tables.build` flattens the Dataset into tables once;
each format module only spells those tables (``write``) and reads them back
(``read``, used by the round-trip tests and handy for users).

>>> import pathlib, tempfile
>>> with tempfile.TemporaryDirectory() as tmp:
...     written = export(fixture(), "csv", pathlib.Path(tmp))
...     sorted(p.name for p in written)[:3]
['agreements.csv', 'bodies.csv', 'cameo.csv']
"""

from collections.abc import Callable, Mapping
from importlib import import_module
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
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


MANIFEST = ".pakru-export"
"""Names of the files the last export wrote into a folder, one a line."""


def export(ds: "Dataset", fmt: str, out: Path) -> list[Path]:
    """Write ``ds`` in format ``fmt`` into the folder ``out``; return the files written.

    Each file is written atomically and replaces a link of its name rather
    than writing through it. Files the previous export into ``out`` wrote
    (listed in ``.pakru-export``) and this one does not are removed, so no
    stale table is left beside the new ones; other files are not touched.
    Raises :class:`OSError` when ``out`` cannot be made or written into.
    """
    from pakru.atomic import write_text  # noqa: PLC0415
    from pakru.export.tables import build, meta  # noqa: PLC0415

    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r} (known: {', '.join(FORMATS)})")
    out.mkdir(parents=True, exist_ok=True)
    records: list[object] = [r.model_dump(mode="json") for r in ds.records]
    write: Writer = import_module(FORMATS[fmt]).write
    written = write(build(ds), meta(ds), records, out)
    names = {p.name for p in written}
    for name in sorted(_previous(out) - names):
        (out / name).unlink(missing_ok=True)
    write_text(out / MANIFEST, "".join(f"{name}\n" for name in sorted(names)))
    return written


def _previous(out: Path) -> set[str]:
    """Plain file names the last export listed (never a path: nothing outside ``out``)."""
    try:
        listed = (out / MANIFEST).read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError):
        return set()
    return {name for name in listed if name and "/" not in name and name not in {".", ".."}}


def read(
    fmt: str, out: Path, like: "Mapping[str, Table]"
) -> "tuple[dict[str, list[Row]], dict[str, str]]":
    """Read an export back: table name → rows (typed like ``like``'s columns), and the meta."""
    reader: Reader = import_module(FORMATS[fmt]).read
    return reader(out, like)


__all__ = ["FORMATS", "export", "read"]
