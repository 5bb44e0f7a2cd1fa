"""Duplicates: two meeting records that look like one meeting."""

import datetime as dt
from collections.abc import Iterator
from itertools import combinations

from pakru.dataset import Dataset
from pakru.schema import DateInterval, Meeting
from pakru.validate.registry import Context, Hit, rule
from pakru.validate.rules.common import overlaps
from pakru.validate.scopes import DUPLICATES


def _linked(a: Meeting, b: Meeting) -> bool:
    return b.id in a.same_as or a.id in b.same_as


def _realising(a: Meeting, b: Meeting) -> bool:
    return a.realises == b.id or b.realises == a.id


def _nested(a: Meeting, b: Meeting) -> bool:
    """One meeting's participants include all of the other's (none at all, too)."""
    refs_a, refs_b = {p.ref for p in a.participants}, {p.ref for p in b.participants}
    return refs_a <= refs_b or refs_b <= refs_a


NAMED = 5
"""A group's finding names at most this many other meetings; the rest are counted."""


def _buckets(dataset: Dataset) -> dict[tuple[str, ...], list[Meeting]]:
    """Candidates by series and number, and by city: the meetings that may be one."""
    buckets: dict[tuple[str, ...], list[Meeting]] = {}
    for meeting in dataset.meetings:
        if meeting.series is not None and meeting.ordinal is not None:
            key = ("series", meeting.status, meeting.series, str(meeting.ordinal))
            buckets.setdefault(key, []).append(meeting)
        if meeting.location.city is not None and meeting.date.precision != "unknown":
            key = ("place", meeting.status, meeting.kind, meeting.location.city.casefold())
            buckets.setdefault(key, []).append(meeting)
    return buckets


def _span(date: DateInterval) -> tuple[dt.date, dt.date]:
    """The days an interval may touch, open bounds reaching forever (an inverted interval,
    which ``dates.order`` reports, from its lower bound to its higher)."""
    first, last = date.earliest or dt.date.min, date.latest or dt.date.max
    return min(first, last), max(first, last)


def _overlapping(meetings: list[Meeting]) -> list[tuple[Meeting, Meeting]]:
    """The pairs of ``meetings`` (sorted by id) whose spans meet, in the order
    ``combinations`` gives them: every pair whose dates overlap among them. Found by
    sweeping the spans by their first day, so a city's meetings cost their number and
    the overlaps, not every pair."""
    spans = [_span(m.date) for m in meetings]
    active: list[int] = []
    found: list[tuple[int, int]] = []
    for n in sorted(range(len(meetings)), key=lambda n: spans[n][0]):
        active = [m for m in active if spans[m][1] >= spans[n][0]]
        found += [(min(m, n), max(m, n)) for m in active]
        active.append(n)
    return [(meetings[i], meetings[j]) for i, j in sorted(found)]


def _pairs(dataset: Dataset) -> Iterator[tuple[Meeting, Meeting, str]]:
    """Each pair of likely duplicates once, with what makes them alike."""
    reported: set[tuple[str, str]] = set()
    for key, meetings in sorted(_buckets(dataset).items()):
        by_id = sorted(meetings, key=lambda m: m.id)
        pairs = combinations(by_id, 2) if key[0] == "series" else _overlapping(by_id)
        for a, b in pairs:
            if (a.id, b.id) in reported or _linked(a, b) or _realising(a, b):
                continue
            if key[0] == "series":
                why = f"both number {a.ordinal} of {a.series}"
            elif overlaps(a.date, b.date) and _nested(a, b):
                why = f"same kind, both in {a.location.city} at overlapping dates"
            else:
                continue
            reported.add((a.id, b.id))
            yield a, b, why


def _groups(pairs: Iterator[tuple[Meeting, Meeting, str]]) -> list[list[tuple[Meeting, str]]]:
    """Meetings joined by likely-duplicate pairs, each group sorted by id (union-find)."""
    parent: dict[str, str] = {}
    members: dict[str, tuple[Meeting, str]] = {}

    def root(item: str) -> str:
        while parent.setdefault(item, item) != item:
            parent[item] = parent[parent[item]]
            item = parent[item]
        return item

    for a, b, why in pairs:
        members.setdefault(a.id, (a, why))
        members.setdefault(b.id, (b, why))
        parent[root(b.id)] = root(a.id)
    groups: dict[str, list[tuple[Meeting, str]]] = {}
    for meeting_id in sorted(members):
        groups.setdefault(root(meeting_id), []).append(members[meeting_id])
    return list(groups.values())


ADVICE = (
    "if both report one meeting, keep one record and add the other's sources, quotes and "
    "participants to it (docs/contributing.md, 'A second report of a meeting'); if the "
    "reports disagree, keep both, link them with same_as and add a Conflict record"
)


@rule("duplicates.likely", severity="warning", scope=DUPLICATES)
def likely(dataset: Dataset, _: Context) -> Iterator[Hit]:
    """Meetings of one status that share series and number, or kind, city and dates.

    A second outlet's report of a meeting already recorded often gives a
    vaguer date or names other people: two meetings with the same series and
    number are reported whoever took part. Meetings of one kind in one city at
    overlapping dates are reported when nothing tells them apart: one's
    participants include all of the other's (or either names none), since
    meetings of one visit with different counterparts are distinct. Pairs that share a meeting
    form a group, reported once (on its second meeting by id), so the findings
    grow with the groups, not with the pairs. Meetings linked by ``same_as``
    (``conflicts.uncovered`` covers them) or by ``realises`` (a plan and the
    meeting that carried it out) are not reported.
    """
    for group in _groups(_pairs(dataset)):
        (first, why), (second, _why) = group[0], group[1]
        if len(group) == 2:
            message = f"may be the same meeting as {first.id} ({why}); {ADVICE}"
            yield Hit(second.id, ("date",), message)
            continue
        others = [first.id] + [m.id for m, _why in group[2:]]
        named = ", ".join(others[:NAMED])
        more = f" and {len(others) - NAMED:,} more" if len(others) > NAMED else ""
        yield Hit(
            second.id,
            ("date",),
            f"may be the same meeting as {named}{more} ({len(group):,} meetings alike by "
            f"series and number, or by kind, city and dates); {ADVICE}",
        )
