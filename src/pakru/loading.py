"""``pakru.load()``: the dataset as typed records."""

import os
from collections.abc import Iterable, Sequence
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from pakru.library import Dataset
from pakru.schema import RECORD_TYPES

if TYPE_CHECKING:
    from pakru.tools.tree import Tree
    from pakru.validate.findings import Finding

# The validator's modules (reading, parsing, building, reporting) are imported
# where they are used: ``load()`` of records it loaded before needs none of them
# but the user cache (:mod:`pakru.validate.cache`).


class DatasetError(ValueError):
    """The records could not be loaded; ``findings`` says where and why."""

    def __init__(self, findings: "Sequence[Finding]") -> None:
        from pakru.validate.report import text  # noqa: PLC0415 - see above

        self.findings = tuple(findings)
        super().__init__("the dataset has errors:\n" + text(self.findings))


class NotRecordsError(DatasetError):
    """A path given to :func:`load` is not a records tree, a record folder or a record file."""

    def __init__(self, message: str) -> None:
        self.findings = ()
        ValueError.__init__(self, message)


def _record_paths(
    paths: str | os.PathLike[str] | Sequence[str | os.PathLike[str]],
) -> tuple[Path, ...]:
    """``paths`` as a tuple of Paths; a lone str or Path is one path, not a sequence of letters.

    An empty sequence is refused: it names no records, and is not a way of
    asking for the default tree (that is ``load()`` with no argument).
    """
    if isinstance(paths, str | os.PathLike):
        items: list[object] = [paths]
    elif isinstance(paths, Iterable):
        items = list(paths)
        if not items:
            raise NotRecordsError(
                "no paths given: pass a records folder or file, or call load() with no "
                "argument for the records tree found from the working folder upwards (else "
                "the data installed with pakru)"
            )
    else:
        items = [paths]
    out: list[Path] = []
    for item in items:
        if not isinstance(item, str | os.PathLike):
            raise NotRecordsError(f"paths must be str or Path, not {type(item).__name__}")
        out.append(Path(item))
    for path in out:
        check_records(path)
    return tuple(out)


def check_records(path: Path) -> None:
    """Refuse, before reading anything, a path that cannot hold records.

    A path the system cannot even look up (a name too long, a loop of links,
    no permission) is refused the same way, with the system's reason; a very
    long path is shortened in the message, which says how long it is.
    """
    text = str(path)
    shown = text if len(text) <= 200 else f"{text[:60]}…{text[-20:]} ({len(text)} characters)"
    folders = sorted({t.folder for t in RECORD_TYPES.values()})
    try:
        if path.is_dir():
            if path.name in folders or any((path / name).is_dir() for name in folders):
                return
            raise NotRecordsError(
                f"{path} is not a records tree: it has none of the folders "
                f"{', '.join(f + '/' for f in folders)}"
            )
        exists = path.exists()
    except OSError as error:
        raise NotRecordsError(f"{shown}: {error.strerror or error}") from None
    if not exists:
        raise NotRecordsError(f"{shown}: no such file or folder")
    from pakru.validate.read import RECORD_SUFFIXES  # noqa: PLC0415 - see above

    if path.suffix not in RECORD_SUFFIXES:
        raise NotRecordsError(f"{path} is not a record file (.yaml or .yml)")


def load(
    paths: str | os.PathLike[str] | Sequence[str | os.PathLike[str]] | None = None,
) -> Dataset:
    """Load the records under ``paths``; with none, the tree :func:`pakru.tools.tree.find` names.

    ``paths`` is one path (``str`` or ``Path``) or a sequence of them: a
    records tree (a folder holding ``meetings/``, ``bodies/``, …), one of
    its record folders, or record files. Anything else raises
    :class:`NotRecordsError` (a :class:`DatasetError`) before a file is read.

    With no ``paths``, the same rule as every ``pakru`` command: the folder
    ``PAKRU_RECORDS`` names, else the first ``records/`` tree in the working
    folder or one of its parents (a pakru checkout: you get its records as
    they are on disk, edits included), else the data installed with pakru.
    So a notebook in a folder unrelated to pakru gets the shipped data, and
    one inside a checkout gets the checkout. ``pakru.load(pakru.tools.tree.
    shipped_records())`` always gives the installed data.

    Raises :class:`DatasetError` when a file cannot be read, parsed or
    validated against the models, or when ``VERSION`` or ``withdrawn.json``
    is malformed: the same findings ``pakru validate`` reports for these
    stages. The data version and the withdrawn ids are read from the first
    folder in ``paths``. Cross-record rules are the validator's business
    (``pakru validate``); loading does not run them.
    """
    if paths is not None and (record_paths := _record_paths(paths)):
        return _load(record_paths)
    from pakru.tools.tree import find  # noqa: PLC0415

    return load_tree(find())


def load_tree(tree: "Tree") -> Dataset:
    """The dataset of ``tree`` (from :func:`pakru.tools.tree.find`), as :func:`load` reads it.

    The installed data, or a records tree found from the working folder,
    comes from the user cache (:mod:`pakru.validate.cache`) when it was
    loaded before and nothing it depends on changed since, without building
    a validator; else from a full load, which is then kept there.
    """
    if tree.installed:
        return _load_default()
    if tree.how == "given":
        return _load(_record_paths(tree.paths))
    check_records(tree.path)
    return _cached(tree.path, (tree.path,))


@cache
def _load_default() -> Dataset:
    from pakru.tools.tree import shipped_records  # noqa: PLC0415

    return _cached(shipped_records(), ())


def _cached(folder: Path, paths: tuple[Path, ...]) -> Dataset:
    """``folder``'s dataset from the cache, or loaded from ``paths`` and kept there."""
    from pakru.validate import cache  # noqa: PLC0415 - see above

    key, found = cache.read_dataset(folder)
    if found is not None:
        return Dataset.of(found)
    dataset = _load(paths)
    if key is not None:
        cache.write_dataset(folder, key, dataset)
    return dataset


def _load(paths: tuple[Path, ...]) -> Dataset:
    from pakru.validate.load import load_dataset  # noqa: PLC0415 - see above

    loaded = load_dataset(list(paths) or None)
    errors = [f for f in loaded.findings if f.severity == "error"]
    if errors:
        raise DatasetError(errors)
    return Dataset.of(loaded.dataset)


def load_partial(
    paths: str | os.PathLike[str] | Sequence[str | os.PathLike[str]] | None = None,
) -> "tuple[Dataset, tuple[Finding, ...]]":
    """The records under ``paths`` that build, and the errors of the files that do not.

    For looking things up while a tree is being edited (a new record still
    full of nulls): ``ds, skipped = pakru.load_partial(); ds.find("Ryabkov")``.
    A file that cannot be read, parsed or built is left out, and its errors
    are returned instead of raised; :func:`load` raises :class:`DatasetError`
    for them. Cross-record rules are not run. With no ``paths``, the tree
    :func:`load` would read.
    """
    from pakru.validate.load import load_dataset  # noqa: PLC0415 - see above

    if paths is not None:
        record_paths = _record_paths(paths)
    else:
        from pakru.tools.tree import find  # noqa: PLC0415

        tree = find()
        record_paths = () if tree.installed else tuple(tree.paths)
    loaded = load_dataset(list(record_paths) or None)
    errors = tuple(f for f in loaded.findings if f.severity == "error")
    return Dataset.of(loaded.dataset), errors
