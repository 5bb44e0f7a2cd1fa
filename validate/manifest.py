"""Stage: a records tree's ``VERSION`` and ``withdrawn.json``, read and checked.

The loader (:mod:`pakru.validate.load`) runs this stage for ``pakru validate`` and ``pakru.load()``
alike, so a malformed file is one finding with file and line for both: an
error the validator reports, a :class:`~pakru.loading.DatasetError` from
``load()``. The values are in :mod:`pakru.dataset.versions`, the file names in
:mod:`pakru.tools.tree`.
"""

import json
import re
from collections.abc import Callable, Collection, Iterator
from dataclasses import dataclass
from pathlib import Path

from pakru.dataset.versions import SEMVER, Withdrawal
from pakru.tools.tree import VERSION_FILE, WITHDRAWN_FILE
from pakru.validate.findings import Finding
from pakru.validate.read import read_text

Pos = tuple[int, int]
KEYS = frozenset({"id", "status", "into", "reason", "version"})


@dataclass(frozen=True)
class Placed:
    """A withdrawn entry and where it stands in ``withdrawn.json``."""

    withdrawal: Withdrawal
    index: int
    position: Pos


@dataclass(frozen=True)
class Manifest:
    """The data version, the withdrawn ids, and the findings from reading them."""

    version: str | None
    withdrawn: tuple[Placed, ...]
    findings: tuple[Finding, ...]
    files: tuple[str, str]
    """How findings name the two files (whether or not they exist)."""


def _position(text: str, offset: int) -> Pos:
    line = text.count("\n", 0, offset) + 1
    return line, offset - (text.rfind("\n", 0, offset) + 1) + 1


def _start(text: str) -> int:
    """Offset of the first character that is not white space (0 for a blank text)."""
    stripped = len(text) - len(text.lstrip())
    return stripped if stripped < len(text) else 0


def read_version(path: Path, shown: str) -> tuple[str | None, list[Finding]]:
    """The version in a ``VERSION`` file (None when there is none), and what is wrong with it."""
    if not path.is_file():
        return None, []
    read = read_text(path, shown)
    if isinstance(read, Finding):
        return None, [read]
    version = read.text.strip()
    if re.match(SEMVER, version):
        return version, []
    line, column = _position(read.text, _start(read.text))
    message = f"{version!r} is not a semantic version (MAJOR.MINOR.PATCH)"
    return None, [Finding(shown, line, column, "manifest.version", "error", message)]


def _items(text: str) -> Iterator[tuple[object, int]]:
    """The items of a JSON list with the offset each starts at (the text is valid JSON)."""
    decoder = json.JSONDecoder()
    offset = text.index("[") + 1
    while True:
        offset += len(text[offset:]) - len(text[offset:].lstrip())
        if text[offset] == "]":
            return
        item, end = decoder.raw_decode(text, offset)
        yield item, offset
        offset = end + len(text[end:]) - len(text[end:].lstrip())
        offset += text[offset] == ","


def _entry(item: object, index: int) -> Withdrawal | tuple[str, str]:
    """The withdrawn entry, or (field, message) saying what is wrong with it."""
    if not isinstance(item, dict) or set(item) != KEYS:
        return f"[{index}]", f"entry {index} must have exactly the keys {sorted(KEYS)}"
    status, into = item["status"], item["into"]
    if status not in ("merged", "withdrawn"):
        return f"[{index}].status", f"entry {index}: status must be 'merged' or 'withdrawn'"
    if status == "merged" and not isinstance(into, str):
        return f"[{index}].into", f"entry {index}: a merged id needs 'into'"
    if status == "withdrawn" and into is not None:
        return f"[{index}].into", f"entry {index}: a withdrawn id has 'into': null"
    for key in ("id", "reason", "version"):
        if not isinstance(item[key], str) or not item[key]:
            return f"[{index}].{key}", f"entry {index}: {key!r} must be a non-empty string"
    return Withdrawal(item["id"], status, into, item["reason"], item["version"])


def read_withdrawn(path: Path, shown: str) -> tuple[list[Placed], list[Finding]]:
    """The well-formed entries of a ``withdrawn.json`` (none without one), and the bad ones."""
    if not path.is_file():
        return [], []
    read = read_text(path, shown)
    if isinstance(read, Finding):
        return [], [read]
    text = read.text
    try:
        items = json.loads(text)
    except json.JSONDecodeError as error:
        message = f"not JSON: {error.msg}"
        return [], [Finding(shown, error.lineno, error.colno, "manifest.json", "error", message)]
    except RecursionError:  # json gives up on deep nesting this way, with no position
        message = "not JSON: nested too deeply"
        return [], [Finding(shown, 1, 1, "manifest.json", "error", message)]
    if not isinstance(items, list):
        line, column = _position(text, _start(text))
        message = "expected a list of withdrawn entries"
        return [], [Finding(shown, line, column, "manifest.json", "error", message)]
    placed: list[Placed] = []
    findings: list[Finding] = []
    for index, (item, offset) in enumerate(_items(text)):
        line, column = _position(text, offset)
        entry = _entry(item, index)
        if isinstance(entry, Withdrawal):
            placed.append(Placed(entry, index, (line, column)))
        else:
            field, message = entry
            findings.append(Finding(shown, line, column, "manifest.entry", "error", message, field))
    return placed, findings


def check_withdrawn(placed: list[Placed], ids: Collection[str], shown: str) -> list[Finding]:
    """Withdrawn ids that still name a record, and merges into ids that name nothing."""
    findings: list[Finding] = []
    withdrawn = {p.withdrawal.id for p in placed}
    for item in placed:
        w, (line, column) = item.withdrawal, item.position
        if w.id in ids:
            rule, key, message = (
                "withdrawn-record",
                "id",
                f"withdrawn id {w.id!r} still names a record",
            )
        elif w.into is not None and w.into not in ids and w.into not in withdrawn:
            rule, key = "merged-unknown", "into"
            message = f"{w.id!r} was merged into {w.into!r}, which is unknown"
        else:
            continue
        field = f"[{item.index}].{key}"
        findings.append(
            Finding(shown, line, column, f"manifest.{rule}", "error", message, field, w.id)
        )
    return findings


def read_manifest(root: Path, show: Callable[[Path], str], ids: Collection[str]) -> Manifest:
    """Read and check ``root/VERSION`` and ``root/withdrawn.json`` against the record ids.

    ``show`` gives the name a file goes by in findings.
    """
    version_file, withdrawn_file = root / VERSION_FILE, root / WITHDRAWN_FILE
    version, findings = read_version(version_file, show(version_file))
    shown = show(withdrawn_file)
    placed, bad = read_withdrawn(withdrawn_file, shown)
    findings += bad + check_withdrawn(placed, ids, shown)
    return Manifest(version, tuple(placed), tuple(findings), (show(version_file), shown))
