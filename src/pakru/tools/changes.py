"""What changed between two releases of the data: ids added, changed, merged and removed.

The previous release is read from its JSON export (``records.json`` of
``pakru export --format json``); the current one is a Dataset. The result
renders as a section of ``CHANGELOG.md`` (``pakru changelog``).

>>> ds = fixture()
>>> old = [r.model_dump(mode="json") for r in ds.records if r.id != "jwg-ct-next"]
>>> old.append({"id": "jwg-ct-2019", "type": "meeting"})
>>> changes = diff(old, ds)
>>> changes.added, changes.removed
(('jwg-ct-next',), ('jwg-ct-2019',))
>>> print(render("1.1.0", changes))
## 1.1.0
<BLANKLINE>
### Added
<BLANKLINE>
- `jwg-ct-next` (meeting)
<BLANKLINE>
### Removed
<BLANKLINE>
- `jwg-ct-2019`: A duplicate of jwg-ct-next, made before the next meeting had its own record.
<BLANKLINE>
"""

import re
import subprocess
import tarfile
import tempfile
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from pakru.dataset.versions import SEMVER

if TYPE_CHECKING:
    from pakru.dataset import Dataset


@dataclass(frozen=True)
class Changes:
    """Ids added, changed (with the fields that changed), merged (old → new) and removed."""

    added: tuple[str, ...]
    changed: tuple[tuple[str, tuple[str, ...]], ...]
    merged: tuple[tuple[str, str], ...]
    removed: tuple[str, ...]
    unaccounted: tuple[str, ...]
    """Ids of the old release that are gone without an entry in ``withdrawn.json``."""
    types: Mapping[str, str]
    reasons: Mapping[str, str]

    @property
    def empty(self) -> bool:
        """Whether no id was added, changed, merged or removed."""
        return not (self.added or self.changed or self.merged or self.removed or self.unaccounted)


def diff(
    old: Iterable[Mapping[str, Any]], ds: "Dataset", old_texts: Mapping[str, str] | None = None
) -> Changes:
    """Compare the records of an earlier release (JSON data) with the Dataset.

    ``old_texts`` are the earlier release's report texts by source id: a
    source whose text differs is changed (field ``text``) even when its
    record is not. None when they are not known (only the records compared).
    """
    before = {item["id"]: item for item in old}
    after = {r.id: r.model_dump(mode="json") for r in ds.records}
    gone = sorted(set(before) - set(after))
    merged, removed, unaccounted = [], [], []
    for record_id in gone:
        withdrawal = ds.withdrawn.get(record_id)
        if withdrawal is None:
            unaccounted.append(record_id)
        elif withdrawal.into is not None:
            merged.append((record_id, ds.get(record_id).id))
        else:
            removed.append(record_id)
    changed = []
    for record_id in sorted(set(before) & set(after)):
        fields = sorted(
            k
            for k in set(before[record_id]) | set(after[record_id])
            if before[record_id].get(k) != after[record_id].get(k)
        )
        if old_texts is not None and old_texts.get(record_id) != ds.texts.get(record_id):
            fields = sorted([*fields, "text"])  # the report itself was edited
        if fields:
            changed.append((record_id, tuple(fields)))
    types = {k: str(v.get("type", "")) for k, v in (before | after).items()}
    return Changes(
        added=tuple(sorted(set(after) - set(before))),
        changed=tuple(changed),
        merged=tuple(merged),
        removed=tuple(removed),
        unaccounted=tuple(unaccounted),
        types=types,
        reasons={w.id: w.reason for w in ds.withdrawn.values()},
    )


def render(version: str, changes: Changes, date: str | None = None) -> str:
    """The CHANGELOG section for ``version``."""
    lines = [f"## {version}" + (f" ({date})" if date else ""), ""]

    def section(title: str, items: list[str]) -> None:
        if items:
            lines.extend([f"### {title}", "", *items, ""])

    section("Added", [f"- `{i}` ({changes.types[i]})" for i in changes.added])
    section("Changed", [f"- `{i}`: {', '.join(f)}" for i, f in changes.changed])
    section("Merged", [f"- `{o}` → `{n}`: {changes.reasons[o]}" for o, n in changes.merged])
    section("Removed", [f"- `{i}`: {changes.reasons[i]}" for i in changes.removed])
    return "\n".join(lines)


CHANGELOG_FILE = "CHANGELOG.md"
"""The data changelog, beside the ``records/`` folder."""

_HEADING = re.compile(r"^## (\S+)(?:\s.*)?$", re.MULTILINE)


@dataclass(frozen=True)
class Release:
    """A released data version and its records (as JSON data), read from the git history."""

    version: str
    commit: str
    date: str
    records: tuple[dict[str, Any], ...]
    texts: Mapping[str, str]
    """The report texts of the release, by source id."""

    def describe(self) -> str:
        """``data 2.1.0 (CHANGELOG.md, released in commit e074b92 of 2026-11-23)``."""
        commit = self.commit[:7]
        return f"data {self.version} ({CHANGELOG_FILE}, released in commit {commit} of {self.date})"


class ReleaseError(Exception):
    """The last release is recorded but its records cannot be read; the message says why."""


def recorded_versions(changelog: str) -> list[tuple[str, str]]:
    """(version, heading line) of every release section of ``CHANGELOG.md``, newest first.

    >>> recorded_versions("# Changelog\\n\\n## 1.1.0 (2026-01-02)\\n\\n## 1.0.0\\n")
    [('1.1.0', '## 1.1.0 (2026-01-02)'), ('1.0.0', '## 1.0.0')]
    """
    return [
        (m.group(1), m.group(0).rstrip())
        for m in _HEADING.finditer(changelog)
        if re.match(SEMVER, m.group(1))
    ]


def _git(folder: Path, *args: str) -> str | None:
    """``git ARGS`` run in ``folder``: its output, or None when git fails or is missing."""
    try:
        done = subprocess.run(  # noqa: S603 - fixed arguments, no shell
            ["git", *args],  # noqa: S607 - git from PATH, as a user runs it
            cwd=folder,
            capture_output=True,
            check=False,
            timeout=60,
        )
    except (OSError, subprocess.SubprocessError):
        return None
    return done.stdout.decode("utf-8", "replace") if done.returncode == 0 else None


def _shallow_ends(folder: Path) -> set[str]:
    """The commits where a shallow clone's history is cut off (none in a full clone).

    git lists them in the ``shallow`` file of the repository; such a commit
    shows as adding every line its files hold, as if it began the history.
    """
    where = _git(folder, "rev-parse", "--git-path", "shallow")
    if where is None:
        return set()
    try:
        return set((folder / where.strip()).read_text(encoding="ascii").split())
    except (OSError, UnicodeDecodeError):
        return set()


def _release_commit(folder: Path, versions: list[tuple[str, str]]) -> tuple[str, str, str] | None:
    """(version, commit, date) of the newest release whose heading a commit added.

    Raises :class:`ReleaseError` when that commit is where a shallow clone's
    history is cut off: the heading may have been added long before it.
    """
    for version, heading in versions:
        found = _git(folder, "log", "-1", "--format=%H %cs", "-S", heading, "--", CHANGELOG_FILE)
        if found and found.strip():
            commit, date = found.split()
            if commit in _shallow_ends(folder):
                raise ReleaseError(
                    f"data {version} ({CHANGELOG_FILE}) was released before the history of this "
                    f"shallow clone, which begins at commit {commit[:7]}: fetch the whole "
                    "history (git fetch --unshallow; in GitHub Actions, fetch-depth: 0)"
                )
            return version, commit, date
    return None


def last_release(records: Path) -> Release | None:
    """The last release of the data in ``records``: None when none is recorded yet.

    The releases are the version sections of ``CHANGELOG.md`` beside the
    ``records/`` folder (written at each release, see docs/versioning.md).
    The last release is the newest one whose heading line is in the git
    history; its records are the tree of the commit that added that line,
    read with ``git archive`` and loaded with this pakru. No git tag is
    needed. Raises :class:`ReleaseError` when there is no ``CHANGELOG.md``
    to say (installed data, a copied tree: nothing to compare with), or when
    a release is recorded but its records cannot be had: not a git
    checkout, a shallow clone without that commit, or records this pakru
    cannot load. None only when ``CHANGELOG.md`` records no release yet.
    """
    from pakru.validate.load import load_dataset  # noqa: PLC0415 - the full loader

    folder = records.resolve()
    changelog_path = folder.parent / CHANGELOG_FILE
    try:
        versions = recorded_versions(changelog_path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as error:
        why = "not UTF-8" if isinstance(error, UnicodeDecodeError) else error.strerror or error
        raise ReleaseError(
            f"cannot read {changelog_path} ({why}), which names the releases of {folder}: "
            "nothing to compare with"
        ) from None
    if not versions:
        return None
    top = _git(folder, "rev-parse", "--show-toplevel")
    if top is None:
        raise ReleaseError(
            f"{changelog_path} records data {versions[0][0]}, but {folder} is not in a git "
            "checkout to read its records from"
        )
    released = _release_commit(folder.parent, versions)
    if released is None:
        raise ReleaseError(
            f"no commit in this clone's history adds a release section of {changelog_path} "
            "(a shallow clone? fetch the whole history, e.g. fetch-depth: 0)"
        )
    version, commit, date = released
    root = Path(top.strip()).resolve()
    if not folder.is_relative_to(root):
        raise ReleaseError(f"{folder} is not inside its git checkout {root}")
    inside = folder.relative_to(root).as_posix()
    with tempfile.TemporaryDirectory(prefix="pakru-release-") as temp:
        archive = Path(temp) / "release.tar"
        # run from the top: in a sub-folder, git archive would take only that folder
        if _git(root, "archive", "--format=tar", f"--output={archive}", commit, inside) is None:
            raise ReleaseError(f"data {version}: commit {commit[:7]} has no folder {inside}")
        with tarfile.open(archive) as tar:
            tar.extractall(Path(temp) / "tree", filter="data")
        loaded = load_dataset([Path(temp) / "tree" / inside])
    errors = [f for f in loaded.findings if f.severity == "error"]
    if errors:
        first = errors[0]
        raise ReleaseError(
            f"the records of data {version} (commit {commit[:7]}) do not load with this pakru "
            f"({first.rule}: {first.message}); compare with their records.json (--old)"
        )
    dumped = tuple(r.model_dump(mode="json") for r in loaded.dataset.records)
    return Release(version, commit, date, dumped, dict(loaded.dataset.texts))
