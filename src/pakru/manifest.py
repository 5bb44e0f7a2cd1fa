"""The data version and the ids that were merged or withdrawn.

Both live next to the records, in the ``records/`` folder:

- ``VERSION``: one line, the semantic version of the data (see ``docs/versioning.md``);
- ``withdrawn.json``: ids that no longer name a record of their own, each
  ``{"id": ..., "status": "merged" | "withdrawn", "into": id | null,
  "reason": ..., "version": ...}``. A merged id resolves to the record it
  became; a withdrawn id raises :class:`WithdrawnError` with the reason.

JSON rather than YAML keeps these files out of the record loader, which
reads every ``*.yaml`` under ``records/`` as a record. This module only
reads files; it imports nothing heavy, so ``pakru --version`` stays fast.
"""

import json
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Literal

VERSION_FILE = "VERSION"
WITHDRAWN_FILE = "withdrawn.json"
SEMVER = r"^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:-[0-9A-Za-z.-]+)?$"


class ManifestError(ValueError):
    """``VERSION`` or ``withdrawn.json`` is malformed."""


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


def records_root() -> Path:
    """The records folder shipped inside the installed package."""
    return Path(str(resources.files("pakru.records")))


def data_version(root: Path | None = None) -> str | None:
    """The data version in ``root/VERSION`` (default: the shipped records), or None."""
    path = (root or records_root()) / VERSION_FILE
    if not path.is_file():
        return None
    import re  # noqa: PLC0415 - only needed when a file exists

    version = path.read_text(encoding="utf-8").strip()
    if not re.match(SEMVER, version):
        raise ManifestError(f"{path}: {version!r} is not a semantic version (MAJOR.MINOR.PATCH)")
    return version


def withdrawals(root: Path | None = None) -> tuple[Withdrawal, ...]:
    """The entries of ``root/withdrawn.json`` (default: the shipped records); () without one."""
    path = (root or records_root()) / WITHDRAWN_FILE
    if not path.is_file():
        return ()
    try:
        items = json.loads(path.read_text(encoding="utf-8"))
    except json.JSONDecodeError as error:
        raise ManifestError(f"{path}: not JSON: {error}") from None
    if not isinstance(items, list):
        raise ManifestError(f"{path}: expected a list of entries")
    return tuple(_withdrawal(path, index, item) for index, item in enumerate(items))


def _withdrawal(path: Path, index: int, item: object) -> Withdrawal:
    keys = {"id", "status", "into", "reason", "version"}
    if not isinstance(item, dict) or set(item) != keys:
        raise ManifestError(f"{path}: entry {index} must have exactly the keys {sorted(keys)}")
    status, into = item["status"], item["into"]
    if status == "merged" and not isinstance(into, str):
        raise ManifestError(f"{path}: entry {index}: a merged id needs 'into'")
    if status == "withdrawn" and into is not None:
        raise ManifestError(f"{path}: entry {index}: a withdrawn id has 'into': null")
    if status not in ("merged", "withdrawn"):
        raise ManifestError(f"{path}: entry {index}: status must be 'merged' or 'withdrawn'")
    for key in ("id", "reason", "version"):
        if not isinstance(item[key], str) or not item[key]:
            raise ManifestError(f"{path}: entry {index}: {key!r} must be a non-empty string")
    return Withdrawal(item["id"], status, into, item["reason"], item["version"])
