"""Exports: the Dataset as JSON, JSON Lines, CSV, SQLite, a Frictionless data package or Parquet.

:func:`pakru.export.tables.build` flattens the Dataset into tables once;
each format module only spells those tables (``write``) and reads them back
(``read``, used by the round-trip tests and handy for users).

Every export folder also holds ``CITATION.cff`` and ``LICENSE`` (how to cite
the data, and its licence) and ``.pakru-export.json``, the list of files
pakru wrote there. A folder that is not empty is refused unless ``force``
is given, and then only the files a previous export listed are removed:
stale tables go, anything else in the folder stays.

>>> import pathlib, tempfile
>>> with tempfile.TemporaryDirectory() as tmp:
...     written = export(fixture(), "csv", pathlib.Path(tmp))
...     sorted(p.name for p in written)[:4]
['CITATION.cff', 'LICENSE', 'acts.csv', 'agreements.csv']
"""

import json
from collections.abc import Callable, Mapping
from importlib import import_module, resources
from pathlib import Path
from typing import TYPE_CHECKING

from pakru.atomic import write_bytes, write_text

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
    "parquet": "pakru.export.parquet",
}
"""Format name → module with ``write(tables, meta, records, out)`` and ``read(out, tables)``."""

ALL = "all"
"""The format name that writes every format, each into a sub-folder named after it."""

MANIFEST = ".pakru-export.json"
"""The list of files an export wrote, so ``force`` removes only those."""

SHIPPED_FILES = ("CITATION.cff", "LICENSE")
"""Files of the package copied into every export."""

Writer = Callable[["Mapping[str, Table]", "Mapping[str, str]", "list[object]", Path], list[Path]]
Reader = Callable[[Path, "Mapping[str, Table]"], "tuple[dict[str, list[Row]], dict[str, str]]"]


class ExportError(Exception):
    """The export folder is not empty (and ``force`` was not given), or a format is unknown."""


def export(ds: "Dataset", fmt: str, out: Path, *, force: bool = False) -> list[Path]:
    """Write ``ds`` in format ``fmt`` (or every format, ``"all"``) into ``out``; the files written.

    Raises :class:`ExportError` when ``out`` is not empty and ``force`` is
    false, and ``ImportError`` when a format's optional dependency is missing
    (only for a format asked for by name: ``"all"`` leaves such formats out).
    """
    if fmt != ALL and fmt not in FORMATS:
        raise ExportError(f"unknown format {fmt!r} (known: {', '.join([*FORMATS, ALL])})")
    previous = _prepare(out, force)
    written: list[Path] = []
    if fmt == ALL:
        for name in FORMATS:
            try:
                written += _write(ds, name, out / name)
            except ImportError:
                continue
    else:
        written = _write(ds, fmt, out)
    _remove_stale(out, previous, written)
    write_text(
        out / MANIFEST,
        json.dumps({"format": fmt, "files": sorted(p.relative_to(out).as_posix() for p in written)})
        + "\n",
    )
    return written


def _write(ds: "Dataset", fmt: str, out: Path) -> list[Path]:
    from pakru.export.tables import build, meta  # noqa: PLC0415
    from pakru.export.texts import source_texts  # noqa: PLC0415

    write: Writer = import_module(FORMATS[fmt]).write
    out.mkdir(parents=True, exist_ok=True)
    records: list[object] = [r.model_dump(mode="json") for r in ds.records]
    tables = {**build(ds), "source_texts": source_texts(ds)}
    written = write(tables, meta(ds), records, out)
    for name in SHIPPED_FILES:
        target = out / name
        write_bytes(target, resources.files("pakru").joinpath(name).read_bytes())
        written.append(target)
    return sorted(written)


def _prepare(out: Path, force: bool) -> list[Path]:
    """Check ``out``; with ``force``, the files the previous export there listed.

    They are removed only after the new files are written (and only those not
    written again), so a failed export leaves the previous one in place.
    """
    if not out.exists():
        out.mkdir(parents=True)
        return []
    if not out.is_dir():
        raise ExportError(f"{out} is not a folder")
    if not any(out.iterdir()):
        return []
    if not force:
        raise ExportError(
            f"{out} is not empty; choose an empty folder, or pass --force to replace "
            "the files of a previous pakru export there (nothing else is removed)"
        )
    manifest = out / MANIFEST
    if not manifest.is_file():
        return []
    try:
        listed = json.loads(manifest.read_text(encoding="utf-8")).get("files", [])
    except (ValueError, AttributeError):
        raise ExportError(f"{manifest} is not a pakru export list; remove it") from None
    inside = out.resolve()
    # a listed name never leads out of ``out``, not even through a link
    return [
        out / name
        for name in listed
        if isinstance(name, str)
        and (out / name).resolve().is_relative_to(inside)
        and (out / name).parent.resolve().is_relative_to(inside)
    ]


def _remove_stale(out: Path, previous: list[Path], written: list[Path]) -> None:
    """Remove the previous export's files that this one did not write again."""
    kept = set(written)
    stale = [p for p in previous if p not in kept and (p.is_file() or p.is_symlink())]
    for path in stale:
        path.unlink(missing_ok=True)
    for folder in sorted({p.parent for p in stale}, reverse=True):
        if folder != out and folder.is_dir() and not any(folder.iterdir()):
            folder.rmdir()


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


__all__ = ["ALL", "FORMATS", "ExportError", "export", "read", "read_csv"]
