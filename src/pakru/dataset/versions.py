"""The data version and the ids that were merged or withdrawn.

Both live next to the records, in the ``records/`` folder:

- ``VERSION``: one line, the semantic version of the data (see ``docs/versioning.md``);
- ``withdrawn.json``: ids that no longer name a record of their own, each
  ``{"id": ..., "status": "merged" | "withdrawn", "into": id | null,
  "reason": ..., "version": ...}``. A merged id resolves to the record it
  became; a withdrawn id raises :class:`WithdrawnError` with the reason.

JSON rather than YAML keeps these files out of the record loader, which
reads every ``*.yaml`` under ``records/`` as a record. This module holds
the types; reading and checking the files is a stage of the validator
(:mod:`pakru.validate.manifest`), shared by ``pakru validate`` and
``pakru.load()``, so a malformed file is a finding with file and line.
"""

from dataclasses import dataclass
from importlib.util import find_spec
from pathlib import Path
from typing import Literal

VERSION_FILE = "VERSION"
WITHDRAWN_FILE = "withdrawn.json"
SEMVER = r"^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:-[0-9A-Za-z.-]+)?$"


class WithdrawnError(KeyError):
    """The id was withdrawn: it names no record any more. ``withdrawal`` says why."""

    def __init__(self, withdrawal: "Withdrawal") -> None:
        self.withdrawal = withdrawal
        super().__init__(
            f"record {withdrawal.id!r} was withdrawn in data version "
            f"{withdrawal.version}: {withdrawal.reason}"
        )

    def __str__(self) -> str:
        return str(self.args[0])


@dataclass(frozen=True)
class Withdrawal:
    """An id that no longer names a record: merged into another one, or withdrawn."""

    id: str
    status: Literal["merged", "withdrawn"]
    into: str | None
    reason: str
    version: str


def installed_records() -> Path:
    """The ``pakru.records`` package folder as installed (in a strict editable
    install, a tree of links made at install time)."""
    # found, not imported through importlib.resources, whose own imports
    # (zipfile, tempfile, shutil, ...) cost pakru.load() about 5 ms
    spec = find_spec("pakru.records")
    if spec is None or not spec.submodule_search_locations:  # pragma: no cover - broken install
        raise ModuleNotFoundError("the pakru.records package is not installed")
    return Path(next(iter(spec.submodule_search_locations)))


def shipped_records() -> Path:
    """The records folder that ``pakru.load()`` and ``pakru validate`` read by default.

    From a wheel, the installed ``pakru.records`` package. From a strict
    editable install (the contributor's set-up), the checkout's ``records/``
    folder that the install links to, so a record file added since the install
    is read at once instead of being silently left out of the link tree.
    """
    return source_folder(installed_records())


def source_folder(package: Path) -> Path:
    """``package`` itself, or the real folder its ``__init__.py`` links into."""
    marker = package / "__init__.py"
    return marker.resolve().parent if marker.is_symlink() else package
