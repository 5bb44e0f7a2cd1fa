"""Which records tree pakru reads when it is given none: one rule for every entry point.

Like git, ruff and pytest find their project, pakru looks for a records tree
from the working folder upwards. ``pakru validate``, ``fmt``, ``export``,
``coverage``, ``changelog`` and ``new`` given no path, ``pakru.load()`` given
none, and the site build (``mkdocs build``, ``python -m pakru.site``) all call
:func:`find`, which answers, in this order:

1. ``PAKRU_RECORDS``, when set and not empty: that folder, an explicit choice;
2. the first folder named ``records`` found in the working folder or one of
   its parents that is a pakru records tree: it holds ``VERSION`` or at least
   one of the record folders (``meetings/``, ``agreements/``, ``people/``, …);
3. only when there is none, the records installed with pakru.

So a command run anywhere inside a checkout (its root, ``docs/``,
``records/meetings/``) checks that checkout, broken records and all, and a
notebook in a folder unrelated to pakru gets the data pakru ships. Paths
given on the command line, or to ``pakru.load(paths)``, are used as they are
and never searched for.
"""

import os
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from importlib.util import find_spec
from pathlib import Path
from typing import Literal

VERSION_FILE = "VERSION"
"""One line beside the record folders: the data version (:mod:`pakru.dataset.versions`)."""

WITHDRAWN_FILE = "withdrawn.json"
"""Ids that no longer name a record: ``{"id", "status": "merged" | "withdrawn", "into",
"reason", "version"}`` each. JSON, not YAML: the loader reads every ``*.yaml`` as a record."""

RECORDS_ENV = "PAKRU_RECORDS"
"""Environment variable naming the records folder to read instead of searching."""

TREE_NAME = "records"
"""The name of the folder :func:`find` looks for in the working folder and its parents."""

How = Literal["given", "environment", "found", "installed"]


@dataclass(frozen=True)
class Tree:
    """The records a command reads, and why those.

    ``paths`` are the folders or files to read (one folder unless given on
    the command line); ``how`` says where they came from: ``given`` (command
    line or ``load(paths)``), ``environment`` (``PAKRU_RECORDS``), ``found``
    (the search from ``start`` upwards) or ``installed`` (nothing found from
    ``start`` upwards: the data installed with pakru).
    """

    paths: tuple[Path, ...]
    how: How
    start: Path | None = None
    """The folder the search started from (the working folder); None for given paths."""

    @property
    def path(self) -> Path:
        """The first (usually the only) folder or file read."""
        return self.paths[0]

    @property
    def installed(self) -> bool:
        """Whether this is the data installed with pakru, used because no tree was found."""
        return self.how == "installed"

    def describe(self) -> str:
        """Where the records are, and why those: a phrase for a command's summary.

        ``/repo/records (found from /repo/docs upwards)``;
        ``/venv/…/pakru/records (installed with pakru 0.1.0: no records tree found from /tmp
        upwards)``; ``/data/records (PAKRU_RECORDS)``; ``records/meetings/x.yaml`` (given).
        """
        if self.how == "given":
            shown = [str(p) for p in self.paths[:3]]
            more = len(self.paths) - len(shown)
            return ", ".join(shown) + (f" and {more} more" if more else "")
        if self.how == "environment":
            return f"{self.path} ({RECORDS_ENV})"
        if self.how == "found":
            return f"{self.path} (found from {self.start} upwards)"
        import pakru  # noqa: PLC0415 - the package version, looked up only here

        searched = f"from {self.start} upwards" if self.start else "(no working folder)"
        return (
            f"{self.path} (installed with pakru {pakru.__version__}: "
            f"no records tree found {searched})"
        )


def is_tree(folder: Path) -> bool:
    """Whether ``folder`` holds pakru's layout: ``VERSION`` or one of the record folders."""
    from pakru.schema.record import RECORD_TYPES  # noqa: PLC0415 - the models, only when searching

    if not folder.is_dir():
        return False
    if (folder / VERSION_FILE).is_file():
        return True
    return any((folder / t.folder).is_dir() for t in RECORD_TYPES.values())


def search(start: Path) -> Path | None:
    """The first ``records/`` tree in ``start`` or one of its parents, nearest first."""
    for folder in (start, *start.parents):
        candidate = folder / TREE_NAME
        if is_tree(candidate):
            return candidate
    return None


def _working_folder() -> Path | None:
    try:
        return Path.cwd()
    except OSError:  # the working folder was removed under us
        return None


def find(start: Path | None = None, environ: Mapping[str, str] | None = None) -> Tree:
    """The records tree to read when none is given (see the module's docstring).

    ``start`` is the folder to search from (default: the working folder);
    ``environ`` the environment to read ``PAKRU_RECORDS`` from (default:
    ``os.environ``). Nothing is read but folder listings: whether the tree
    found holds valid records is for the caller to find out.
    """
    env = os.environ if environ is None else environ
    start = start if start is not None else _working_folder()
    chosen = env.get(RECORDS_ENV, "")
    if chosen:
        folder = Path(chosen)
        if not folder.is_absolute() and start is not None:
            folder = start / folder
        return Tree((folder,), "environment", start)
    if start is not None and (found := search(start.absolute())) is not None:
        return Tree((found,), "found", start.absolute())
    return Tree((shipped_records(),), "installed", start)


def installed_records() -> Path:
    """The ``pakru.records`` package folder as installed (in an editable install,
    ``src/pakru/records``, a link; in an older strict one, a tree of links)."""
    # found, not imported through importlib.resources, whose own imports
    # (zipfile, tempfile, shutil, ...) cost pakru.load() about 5 ms
    spec = find_spec("pakru.records")
    if spec is None or not spec.submodule_search_locations:  # pragma: no cover - broken install
        raise ModuleNotFoundError("the pakru.records package is not installed")
    return Path(next(iter(spec.submodule_search_locations)))


def shipped_records() -> Path:
    """The records folder that ``pakru.load()`` and ``pakru validate`` read by default.

    From a wheel, the installed ``pakru.records`` package. From an editable
    install (the contributor's set-up), the checkout's ``records/`` folder that
    ``src/pakru/records`` links to; from an older strict one, the folder its
    link tree links into, so a record file added since the install is read at
    once instead of being silently left out of the link tree.
    """
    return source_folder(installed_records())


def source_folder(package: Path) -> Path:
    """``package`` itself, or the real folder it (or its ``__init__.py``) links to."""
    marker = package / "__init__.py"
    if marker.is_symlink():
        return marker.resolve().parent
    return package.resolve() if package.is_symlink() else package


def given(paths: Sequence[Path]) -> Tree:
    """The tree of paths a user named: read as they are."""
    return Tree(tuple(paths), "given")


__all__ = ["RECORDS_ENV", "TREE_NAME", "Tree", "find", "given", "is_tree", "search"]
