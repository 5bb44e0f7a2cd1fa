"""Duplicates: two meeting records that look like one meeting."""

from collections.abc import Iterator
from itertools import combinations

from pakru.dataset import Dataset
from pakru.schema import Meeting
from pakru.validate.registry import Context, Hit, rule
from pakru.validate.rules.common import overlaps


def _linked(a: Meeting, b: Meeting) -> bool:
    return b.id in a.same_as or a.id in b.same_as


def _nested(a: Meeting, b: Meeting) -> bool:
    """One meeting's participants include all of the other's: nobody tells them apart."""
    refs_a, refs_b = {p.ref for p in a.participants}, {p.ref for p in b.participants}
    return refs_a <= refs_b or refs_b <= refs_a


NAMED = 5
"""A group's finding names at most this many other meetings; the rest are counted."""


def _pairs(dataset: Dataset) -> Iterator[tuple[Meeting, Meeting, str]]:
    """Each pair of likely duplicates once, with a participant they share."""
    buckets: dict[tuple[str, str, str], list[Meeting]] = {}
    for meeting in dataset.meetings:
        if meeting.location.city is None or meeting.date.precision == "unknown":
            continue
        for participant in {p.ref for p in meeting.participants}:
            key = (meeting.kind, meeting.location.city.casefold(), participant)
            buckets.setdefault(key, []).append(meeting)
    reported: set[tuple[str, str]] = set()
    for (_kind, _city, participant), meetings in sorted(buckets.items()):
        for a, b in combinations(sorted(meetings, key=lambda m: m.id), 2):
            if (
                (a.id, b.id) in reported
                or _linked(a, b)
                or not overlaps(a.date, b.date)
                or not _nested(a, b)
            ):
                continue
            reported.add((a.id, b.id))
            yield a, b, participant


def _groups(pairs: Iterator[tuple[Meeting, Meeting, str]]) -> list[list[tuple[Meeting, str]]]:
    """Meetings joined by likely-duplicate pairs, each group sorted by id (union-find)."""
    parent: dict[str, str] = {}
    members: dict[str, tuple[Meeting, str]] = {}

    def root(item: str) -> str:
        while parent.setdefault(item, item) != item:
            parent[item] = parent[parent[item]]
            item = parent[item]
        return item

    for a, b, participant in pairs:
        members.setdefault(a.id, (a, participant))
        members.setdefault(b.id, (b, participant))
        parent[root(b.id)] = root(a.id)
    groups: dict[str, list[tuple[Meeting, str]]] = {}
    for meeting_id in sorted(members):
        groups.setdefault(root(meeting_id), []).append(members[meeting_id])
    return list(groups.values())


@rule("duplicates.likely", severity="warning")
def likely(dataset: Dataset, _: Context) -> Iterator[Hit]:
    """Meetings of one kind and city, at overlapping dates, whose participants nest.

    Candidates share a participant; a pair is a likely duplicate when one
    meeting's participants include all of the other's, since then nothing in
    the records tells the two apart. Pairs that share a meeting form a group,
    reported once (on its second meeting by id), so the findings grow with
    the groups, not with the pairs. Meetings linked by ``same_as`` are not
    reported (``conflicts.uncovered`` covers them).
    """
    for group in _groups(_pairs(dataset)):
        (first, participant), (second, _shared) = group[0], group[1]
        if len(group) == 2:
            yield Hit(
                second.id,
                ("date",),
                f"may be the same meeting as {first.id} (same kind and city, overlapping "
                f"dates, both with {participant}); merge them or link with same_as",
            )
            continue
        others = [first.id] + [m.id for m, _shared in group[2:]]
        named = ", ".join(others[:NAMED])
        more = f" and {len(others) - NAMED:,} more" if len(others) > NAMED else ""
        yield Hit(
            second.id,
            ("date",),
            f"may be the same meeting as {named}{more} ({len(group):,} meetings of the same "
            "kind and city at overlapping dates, with nested participants); merge them or "
            "link with same_as",
        )
