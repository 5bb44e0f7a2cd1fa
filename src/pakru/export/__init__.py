"""Exports: the Dataset as JSON, JSON Lines, CSV, SQLite, a Frictionless data package or Parquet.

:func:`tables` flattens the Dataset into tables once (the table model is
:mod:`pakru.export.model`, the tables are declared in
:mod:`pakru.export.definitions`); each format module only spells those tables
(``write``) and reads them back (``read``, used by the round-trip tests and
handy for users).

Every export folder also holds ``CITATION.cff`` and ``LICENSE`` (how to cite
the data, and its licence), ``dtypes.json`` and ``dtypes.csv`` (the type of
every column, for readers that guess: :func:`dtypes`) and ``.pakru-export.json``, the list of files
pakru wrote there with the SHA-256 of each. A folder that is not empty is
refused unless ``force`` is given, and then pakru replaces or removes a file
only while its content is still what that list recorded: stale tables go,
and a file of yours, even one named like a table (``meetings.csv``), is
never removed or overwritten (:class:`ExportError` instead).

Writing never leaves the folder: the files are written into a hidden
staging folder inside it first and moved into place once every one of them
stands and none would replace a file that is not pakru's; no file or folder
on the way may be a symbolic link (:mod:`pakru.tools.atomic`). Temporary files
and staging folders a killed export left behind (a SQLite journal
included) are removed by the next export into the folder.

>>> import pathlib, tempfile
>>> with tempfile.TemporaryDirectory() as tmp:
...     written = export(fixture(), "csv", pathlib.Path(tmp))
...     sorted(p.name for p in written)[:4]
['CITATION.cff', 'LICENSE', 'acts.csv', 'agreements.csv']
"""

import hashlib
import json
import stat
from collections.abc import Callable, Iterator, Mapping
from importlib import import_module, resources
from pathlib import Path, PurePosixPath
from typing import TYPE_CHECKING

from pakru.export import typemap
from pakru.export.model import Shared
from pakru.tools.atomic import (
    UnsafePathError,
    check_inside,
    make_folders,
    move_into,
    remove_orphans,
    staging,
    write_bytes,
    write_text,
)

if TYPE_CHECKING:
    import pandas as pd

    from pakru.dataset import Dataset
    from pakru.export.model import Row, Table

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

FILE_LIST = ".pakru-export.json"
"""The files an export wrote, each with the SHA-256 of its content (``"sha256:<hex>"``), so
``force`` replaces or removes only those, and only while unchanged."""

FILE_LIST_MAX_BYTES = 16 * 1024 * 1024
"""Largest export list read back; pakru's own lists are a few kilobytes."""

SHIPPED_FILES = ("CITATION.cff", "LICENSE")
"""Files of the package copied into every export."""

Writer = Callable[["Mapping[str, Table]", "Mapping[str, str]", "list[object]", Path], list[Path]]
Reader = Callable[[Path, "Mapping[str, Table]"], "tuple[dict[str, list[Row]], dict[str, str]]"]


class ExportError(Exception):
    """The export folder is not empty (and ``force`` was not given), a file there is not
    pakru's to replace, a path is a link, or a format is unknown."""


def export(ds: "Dataset", fmt: str, out: Path, *, force: bool = False) -> list[Path]:
    """Write ``ds`` in format ``fmt`` (or every format, ``"all"``) into ``out``; the files written.

    Raises :class:`ExportError` when ``out`` is not empty and ``force`` is
    false, when a file would replace one the last export's list does not
    record with its current content, or when a path is a link; and
    ``ImportError`` when a format's optional dependency is missing (only for
    a format asked for by name: ``"all"`` leaves such formats out).
    """
    if fmt != ALL and fmt not in FORMATS:
        raise ExportError(f"unknown format {fmt!r} (known: {', '.join([*FORMATS, ALL])})")
    previous = _prepare(out, force)
    with staging(out, "export") as stage:
        names: list[str] = []
        built = _Built(ds)
        if fmt == ALL:
            for name in FORMATS:
                try:
                    names += [f"{name}/{n}" for n in _write(built, name, stage / name)]
                except ImportError:
                    continue
        else:
            names = _write(built, fmt, stage)
        digests = {name: _digest(stage / name) for name in names}
        _refuse_foreign(out, names, previous)
        for name in names:
            target = out / name
            make_folders(out, target.parent)
            move_into(stage / name, target, out)
    _remove_stale(out, previous, digests)
    listing = {"format": fmt, "files": dict(sorted(digests.items()))}
    write_text(out / FILE_LIST, json.dumps(listing, indent=1) + "\n", root=out)
    return [out / name for name in sorted(names)]


def _digest(path: Path) -> str:
    """``sha256:<hex>`` of a regular file's content (None for anything else is the caller's)."""
    with path.open("rb") as f:
        return f"sha256:{hashlib.file_digest(f, 'sha256').hexdigest()}"


def tables(ds: "Dataset") -> "dict[str, Table]":
    """Every table of ``ds``, keyed by name, in an order where keys refer backwards: exactly
    what every format writes (``ds.tables()`` gives the same)."""
    return {table.name: table for table in each_table(ds)}


def each_table(ds: "Dataset") -> "Iterator[Table]":
    """The tables of :func:`tables`, in its order, each made when asked for: a caller that
    lets one go before asking for the next (``ds.to_pandas()``) never holds them all."""
    from pakru.export.definitions import TABLES  # noqa: PLC0415 - the acts' coding is heavy

    return (make(ds) for make in TABLES)


def meta(ds: "Dataset") -> dict[str, str]:
    """What every export carries besides its tables: names, versions, licence."""
    import pakru  # noqa: PLC0415
    from pakru.schema.reference import versions  # noqa: PLC0415

    return {
        "name": "pakru",
        "title": "Pakistan–Russia security dialogues, meetings and agreements",
        "data_version": ds.version or "unversioned",
        "package_version": pakru.__version__,
        "license": "CC-BY-4.0",
        "citation": "see CITATION.cff",
        "reference_packages": "; ".join(f"{k} {v}" for k, v in sorted(versions().items())),
    }


class _Built:
    """The tables, meta and records of one dataset, each built on first use and only once:
    ``"all"`` writes six formats from one build (``--format all`` ≤ 1.5x the slowest format)."""

    def __init__(self, ds: "Dataset") -> None:
        self.ds = ds
        self._tables: dict[str, Table] | None = None
        self._meta: dict[str, str] | None = None
        self._records: Shared | None = None
        self._typemap: dict[str, str] | None = None

    def tables(self) -> "dict[str, Table]":
        if self._tables is None:
            self._tables = tables(self.ds)
        return self._tables

    def meta(self) -> dict[str, str]:
        if self._meta is None:
            self._meta = meta(self.ds)
        return self._meta

    def records(self) -> list[object]:
        if self._records is None:
            self._records = Shared(r.model_dump(mode="json") for r in self.ds.records)
        return self._records

    def typemap(self) -> dict[str, str]:
        if self._typemap is None:
            self._typemap = typemap.files(self.tables())
        return self._typemap


def _write(built: _Built, fmt: str, out: Path) -> list[str]:
    """Write one format into the (staging) folder ``out``; the names written, relative to it."""
    write: Writer = import_module(FORMATS[fmt]).write
    out.mkdir(exist_ok=True)
    made = built.tables()
    written = write(made, built.meta(), built.records(), out)
    for name, text in built.typemap().items():
        written.append(write_text(out / name, text))
    for name in SHIPPED_FILES:
        target = out / name
        write_bytes(target, resources.files("pakru").joinpath(name).read_bytes())
        written.append(target)
    return sorted(p.relative_to(out).as_posix() for p in written)


def _prepare(out: Path, force: bool) -> dict[str, str]:
    """Check ``out`` and clear what a killed run left; with ``force``, the last export's list.

    The list maps each file the previous export wrote (relative to ``out``) to
    the digest of the content it wrote. Its files are replaced or removed only
    after the new files are written, and only while they still hold that
    content, so a failed export leaves the previous one in place.
    """
    try:
        check_inside(out, out)
    except UnsafePathError as error:
        raise ExportError(f"{error.strerror}: give the folder it leads to") from None
    if not out.exists():
        out.mkdir(parents=True)
        return {}
    if not out.is_dir():
        raise ExportError(f"{out} is not a folder")
    _remove_orphans(out)
    if not any(out.iterdir()):
        return {}
    if not force:
        raise ExportError(
            f"{out} is not empty; choose an empty folder, or pass --force to replace "
            "the files of a previous pakru export there (nothing else is removed)"
        )
    listing = out / FILE_LIST
    info = listing.lstat() if listing.exists() or listing.is_symlink() else None
    if info is None:
        return {}
    if not stat.S_ISREG(info.st_mode) or info.st_size > FILE_LIST_MAX_BYTES:
        raise ExportError(f"{listing} is not a file pakru wrote; remove it")
    try:
        listed = json.loads(listing.read_text(encoding="utf-8")).get("files", {})
    except (ValueError, AttributeError):
        raise ExportError(f"{listing} is not a pakru export list; remove it") from None
    if not isinstance(listed, dict):  # an older list without digests: nothing is provably ours
        return {}
    return {
        name: digest
        for name, digest in listed.items()
        if isinstance(name, str) and isinstance(digest, str) and _inside(out, name)
    }


def _remove_orphans(out: Path) -> None:
    """Remove a killed run's temporary files in ``out`` and in the format folders of ``all``."""
    remove_orphans(out)
    for name in FORMATS:
        folder = out / name
        if folder.is_dir() and not folder.is_symlink():
            remove_orphans(folder)


def _inside(out: Path, name: str) -> bool:
    """Whether the listed ``name`` is a relative path inside ``out`` with no link on the way."""
    path = PurePosixPath(name)
    if path.is_absolute() or not path.parts or ".." in path.parts:
        return False
    try:
        check_inside(out, out / path)
    except UnsafePathError:
        return False
    return True


def _ours(path: Path, digest: str | None) -> bool:
    """Whether ``path`` is a regular file holding the content recorded as ``digest``."""
    try:
        info = path.lstat()
    except FileNotFoundError:
        return False
    return digest is not None and stat.S_ISREG(info.st_mode) and _digest(path) == digest


def _refuse_foreign(out: Path, names: list[str], previous: dict[str, str]) -> None:
    """Raise :class:`ExportError` when a file to write would replace anything not pakru's.

    Checked for every file before any is moved into place: all of them go in,
    or none.
    """
    for name in names:
        target = out / name
        try:
            check_inside(out, target)
        except UnsafePathError as error:
            raise ExportError(f"{error.strerror}; nothing exported") from None
        if not (target.exists() or target.is_symlink()):
            continue
        if not _ours(target, previous.get(name)):
            raise ExportError(
                f"{target} is not a file pakru's last export there wrote (or it changed "
                "since): pakru does not overwrite it; move it away or choose another "
                "folder. Nothing exported"
            )


def _remove_stale(out: Path, previous: dict[str, str], written: dict[str, str]) -> None:
    """Remove the previous export's files that this one did not write again, if unchanged."""
    stale = [out / name for name, digest in previous.items() if name not in written]
    removed = [p for p in stale if _inside(out, p.relative_to(out).as_posix())]
    removed = [p for p in removed if _ours(p, previous[p.relative_to(out).as_posix()])]
    for path in removed:
        path.unlink(missing_ok=True)
    for folder in sorted({p.parent for p in removed}, reverse=True):
        if folder != out and folder.is_dir() and not any(folder.iterdir()):
            folder.rmdir()


def read(
    fmt: str, out: Path, like: "Mapping[str, Table]"
) -> "tuple[dict[str, list[Row]], dict[str, str]]":
    """Read an export back: table name → rows (typed like ``like``'s columns), and the meta."""
    reader: Reader = import_module(FORMATS[fmt]).read
    return reader(out, like)


def dtypes() -> dict[str, dict[str, dict[str, str | bool]]]:
    """The dtype map: table → column → its declared type and its name in pandas, Arrow,
    SQLite and readr, its list item type, whether it is required, and its description.

    The same map every export ships as ``dtypes.json`` and ``dtypes.csv``
    (:mod:`pakru.export.typemap`).

    >>> dtypes()["acts"]["cameo_code"]["pandas"], dtypes()["meetings"]["ordinal"]["readr"]
    ('string', 'i')
    """
    from pakru.dataset import Dataset  # noqa: PLC0415

    return typemap.dtype_map(tables(Dataset(())))


def read_csv(path: "str | Path") -> "pd.DataFrame":
    """One exported CSV file as a pandas DataFrame, typed as its table declares.

    Codes stay strings (``"046"``), list columns are lists (``[]`` when
    empty) and only unknown values are missing. See :mod:`pakru.export.csv_`
    for the one-line equivalents in pandas, readr and Stata.
    """
    from pakru.export.frames import read_csv as read  # noqa: PLC0415 - pandas is optional

    return read(path)


__all__ = [
    "ALL",
    "FORMATS",
    "ExportError",
    "dtypes",
    "export",
    "meta",
    "read",
    "read_csv",
    "tables",
]


def __dir__() -> list[str]:
    """What ``dir(pakru.export)`` and an editor's completion list: ``__all__`` and the format
    modules, not the names this module imports (``hashlib``, ``json``, ``Path``, …)."""
    from pkgutil import iter_modules  # noqa: PLC0415 - only when listing

    return sorted({*__all__, *(m.name for m in iter_modules(__path__))})
