"""The questions every analyst asks, answered once: counts by period, who met whom, one source.

Each helper takes a :class:`~pakru.dataset.Dataset` and returns plain values;
the SQLite export answers the same questions as views (:data:`VIEWS`, the same
rules in SQL) and the site's analysis page prints what these functions return.

Counting by period respects a date's precision. An interval is *placed* in a
year (or month) only when its first and last possible days both fall in that
year (or month): "21 March 2018" and "March 2018" count in March 2018, "some
time in 2019" counts in 2019 but in no month, and "on or before 3 March 2018"
or an unknown date counts nowhere. What could not be placed is counted apart
(:attr:`PeriodCounts.unplaced`), never put in January or dropped silently.

>>> counts = counts_by_period(fixture(), "year")
>>> counts.counts, counts.unplaced
({'2018': 2, '2019': 1}, ('fm-talks-moscow',))
"""

import datetime as dt
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from itertools import combinations
from typing import TYPE_CHECKING, Literal

from pakru.schema import Agreement, DateInterval, Event, Evidence, Meeting
from pakru.schema.introspect import find

if TYPE_CHECKING:
    from pakru.dataset import Dataset

Period = Literal["year", "month"]
PERIODS: tuple[Period, ...] = ("year", "month")


def period_of(date: DateInterval | None, period: Period) -> str | None:
    """The year (``"2018"``) or month (``"2018-03"``) holding every day ``date`` allows, or None.

    None when a bound is open or unknown, or when the interval spans two
    periods: such a date cannot be placed at that grain.

    >>> from datetime import date
    >>> year = DateInterval(earliest=date(2019, 1, 1), latest=date(2019, 12, 31), precision="year")
    >>> period_of(year, "year"), period_of(year, "month")
    ('2019', None)
    """
    if date is None or date.earliest is None or date.latest is None:
        return None
    first, last = (_label(d, period) for d in (date.earliest, date.latest))
    return first if first == last else None


def _label(day: dt.date, period: Period) -> str:
    return f"{day:%Y}" if period == "year" else f"{day:%Y-%m}"


@dataclass(frozen=True)
class PeriodCounts:
    """Records counted by year or month: the periods they could be placed in, and the rest."""

    period: Period
    counts: dict[str, int]
    """Period (``"2018"`` or ``"2018-03"``) → number of records placed there, in time order."""
    unplaced: tuple[str, ...]
    """Ids of the records whose date does not fit in one period (sorted)."""

    @property
    def total(self) -> int:
        """Every record counted: placed and not placed."""
        return sum(self.counts.values()) + len(self.unplaced)


Dated = Meeting | Agreement | Event


def counts_by_period(
    ds: "Dataset",
    period: Period = "year",
    *,
    kind: str = "meeting",
    status: str | None = None,
) -> PeriodCounts:
    """Records of ``kind`` (``meeting``, ``agreement``, ``event``) counted by ``period``.

    ``status`` keeps only records with that status (``"held"``, ``"planned"``,
    ``"signed"``…). A record is placed only where its date's precision allows
    (:func:`period_of`); the others are listed in ``unplaced``.
    """
    if period not in PERIODS:
        raise ValueError(f"period must be one of {', '.join(PERIODS)}, not {period!r}")
    counts: Counter[str] = Counter()
    unplaced: list[str] = []
    for record in _dated(ds, kind, status):
        placed = period_of(record.date, period)
        if placed is None:
            unplaced.append(record.id)
        else:
            counts[placed] += 1
    return PeriodCounts(period, dict(sorted(counts.items())), tuple(sorted(unplaced)))


def _dated(ds: "Dataset", kind: str, status: str | None) -> list[Dated]:
    records = [r for r in ds.records if r.type == kind and isinstance(r, Dated)]
    if status is None:
        return records
    return [r for r in records if getattr(r, "status", None) == status]


@dataclass(frozen=True)
class Pair:
    """Two participants (people or bodies) recorded at the same meetings."""

    first: str
    """Id of the participant that sorts first."""
    second: str
    """Id of the other participant."""
    meetings: tuple[str, ...]
    """Ids of the meetings both took part in, sorted."""


def co_participation(ds: "Dataset", *, status: str | None = "held") -> list[Pair]:
    """Who met whom: every pair of participants of the same meeting, with those meetings.

    By default only held meetings count (a planned meeting is no meeting
    yet); ``status=None`` counts every meeting. Pairs come most meetings first,
    then by ids.
    """
    together: defaultdict[tuple[str, str], set[str]] = defaultdict(set)
    for meeting in _dated(ds, "meeting", status):
        if not isinstance(meeting, Meeting):
            continue
        present = sorted({p.ref for p in meeting.participants})
        for pair in combinations(present, 2):
            together[pair].add(meeting.id)
    pairs = [Pair(a, b, tuple(sorted(m))) for (a, b), m in together.items()]
    return sorted(pairs, key=lambda p: (-len(p.meetings), p.first, p.second))


@dataclass(frozen=True)
class SingleSource:
    """A record whose every quote comes from one source."""

    record: str
    """Id of the record."""
    type: str
    """Its type (``meeting``, ``agreement``, …)."""
    source: str
    """Id of the one source its evidence quotes."""


def single_source(ds: "Dataset", *, kinds: Iterable[str] | None = None) -> list[SingleSource]:
    """Records resting on a single source: all their evidence quotes one report.

    Counts the ``evidence`` quotes anywhere in a record (the rows of the
    export's ``evidence`` table), so a record with no evidence is not listed.
    ``kinds`` keeps those types only; sorted by type, then id.
    """
    wanted = None if kinds is None else set(kinds)
    out = []
    for record in ds.records:
        if wanted is not None and record.type not in wanted:
            continue
        sources = {item.source for _, item in find(record, Evidence)}
        if len(sources) == 1:
            out.append(SingleSource(record.id, record.type, next(iter(sources))))
    return sorted(out, key=lambda s: (s.type, s.record))


def _placed_sql(period: Period) -> str:
    width = 4 if period == "year" else 7
    first, last = (f"substr({b}, 1, {width})" for b in ("date_earliest", "date_latest"))
    return f"CASE WHEN {first} = {last} THEN {first} END"


VIEWS: dict[str, tuple[str, str]] = {
    **{
        f"counts_by_{period}": (
            f"Meetings, agreements and events counted by {period}, placed only where the "
            f"date's precision allows: a {period} of null counts the records whose date does "
            f"not fit in one {period} (open, unknown or spanning two).",
            f"""
            SELECT type, status, {_placed_sql(period)} AS {period}, count(*) AS records"""  # noqa: S608 - names are ours
            f"""
              FROM timeline
             GROUP BY type, status, {period}
             ORDER BY type, status, {period} IS NULL, {period}
            """,
        )
        for period in PERIODS
    },
    "co_participation": (
        "Who met whom: pairs of participants (people or bodies) of the same held meetings, "
        "with how many meetings and which (a JSON array).",
        """
        SELECT a.participant_id AS first_id, a.participant AS first,
               b.participant_id AS second_id, b.participant AS second,
               count(DISTINCT a.meeting_id) AS meetings,
               json_group_array(DISTINCT a.meeting_id) AS meeting_ids
          FROM meeting_participants AS a
          JOIN meeting_participants AS b
            ON b.meeting_id = a.meeting_id AND a.participant_id < b.participant_id
         WHERE a.status = 'held'
         GROUP BY a.participant_id, b.participant_id
         ORDER BY meetings DESC, first_id, second_id
        """,
    ),
    "single_source_records": (
        "Records resting on a single source: every evidence quote they hold is from one report.",
        """
        SELECT record_id, record_type, min(source_id) AS source_id,
               count(*) AS quotes
          FROM evidence
         GROUP BY record_id, record_type
        HAVING count(DISTINCT source_id) = 1
         ORDER BY record_type, record_id
        """,
    ),
}
"""Analysis views of the SQLite export: view name → (description, SELECT). They read the
views of :mod:`pakru.export.sqlite` (``timeline``, ``meeting_participants``), so they are
created after those."""

__all__ = [
    "PERIODS",
    "VIEWS",
    "Pair",
    "Period",
    "PeriodCounts",
    "SingleSource",
    "co_participation",
    "counts_by_period",
    "period_of",
    "single_source",
]
