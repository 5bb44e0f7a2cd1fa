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

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

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


def diff(old: Iterable[Mapping[str, Any]], ds: "Dataset") -> Changes:
    """Compare the records of an earlier release (JSON data) with the Dataset."""
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
