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


@rule("duplicates.likely", severity="warning")
def likely(dataset: Dataset, _: Context) -> Iterator[Hit]:
    """Two meetings of one kind and city, at overlapping dates, whose participants nest.

    Candidates share a participant; a pair is reported when one meeting's
    participants include all of the other's, since then nothing in the
    records tells the two apart. Meetings linked by ``same_as`` are not
    reported (``conflicts.uncovered`` covers them).
    """
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
            yield Hit(
                b.id,
                ("date",),
                f"may be the same meeting as {a.id} (same kind and city, overlapping "
                f"dates, both with {participant}); merge them or link with same_as",
            )
