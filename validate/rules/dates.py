"""Dates: intervals are ordered, match their precision, and agree with their derivations."""

import datetime as dt
from collections.abc import Iterator

from pakru.dataset import Dataset
from pakru.schema import DateInterval, Derivation, Event, Meeting, Record
from pakru.schema.introspect import Loc
from pakru.validate.derive import (
    Anchors,
    UnderivableError,
    derive,
    fmt,
    intersect,
    precision_of,
    within,
)
from pakru.validate.index import Index
from pakru.validate.registry import Context, Hit, rule
from pakru.validate.rules.common import anchors, bounds, overlaps
from pakru.validate.scopes import PLANNED_PAST, RECORD

FAMILIES = {
    "stated-day": "stated",
    "stated-month": "stated",
    "stated-year": "stated",
    "publication-day": "publication",
    "day-before-publication": "publication",
    "week-before-publication": "publication",
    "weekday-before-publication": "weekday",
    "before-publication": "publication",
    "month-before-publication": "publication",
    "year-of-publication": "publication",
    "same-as-record": "anchored",
    "month-before-record": "anchored",
    "year-before-record": "anchored",
    "before-record": "anchored",
    "after-record": "anchored",
    "written-after-record": "anchored",
}


def _ordered(interval: DateInterval) -> bool:
    return not (interval.earliest and interval.latest and interval.earliest > interval.latest)


def _intervals(dataset: Dataset, index: Index) -> tuple[tuple[Record, Loc, DateInterval], ...]:
    # six rules read every interval: gathered once per run, not once per rule
    return index.memo(_every_interval, dataset, index)


def _every_interval(dataset: Dataset, index: Index) -> tuple[tuple[Record, Loc, DateInterval], ...]:
    facts = index.facts
    return tuple(
        (record, loc, interval)
        for record in dataset.records
        for loc, interval in facts(record).dated
    )


@rule("dates.order", scope=RECORD)
def order(dataset: Dataset, context: Context) -> Iterator[Hit]:
    """An interval's earliest day is not after its latest day."""
    for record, loc, interval in _intervals(dataset, context.index):
        if not _ordered(interval):
            yield Hit(
                record.id,
                (*loc, "earliest"),
                f"earliest {interval.earliest} is after latest {interval.latest}",
            )


@rule("dates.precision", scope=RECORD)
def precision(dataset: Dataset, context: Context) -> Iterator[Hit]:
    """The precision names the interval's shape: one day, one month, one year, a range, unknown."""
    for record, loc, interval in _intervals(dataset, context.index):
        expected = precision_of(interval.earliest, interval.latest)
        if _ordered(interval) and interval.precision != expected:
            yield Hit(
                record.id,
                (*loc, "precision"),
                f"precision is {interval.precision!r} but {fmt(bounds(interval))} is {expected!r}",
            )


Derived = tuple[Record, Loc, DateInterval, int, Derivation]


def _by_family(dataset: Dataset, index: Index) -> dict[str, list[Derived]]:
    """The derivations of ordered intervals, by family, in record order: four rules each
    read one family, so the intervals are sorted out once per run rather than read four times."""
    out: dict[str, list[Derived]] = {}
    for record, loc, interval in _intervals(dataset, index):
        if not _ordered(interval):
            continue
        for number, derivation in enumerate(interval.derivations):
            out.setdefault(FAMILIES[derivation.rule], []).append(
                (record, loc, interval, number, derivation)
            )
    return out


def _derivation_hits(dataset: Dataset, context: Context, family: str) -> Iterator[Hit]:
    known = anchors(dataset, context.index)
    by_family = context.index.memo(_by_family, dataset, context.index)
    for record, loc, interval, index, derivation in by_family.get(family, ()):
        where = (*loc, "derivations", index)
        if (problem := _disagreement(derivation, interval, known, record.id)) is not None:
            yield Hit(record.id, where, problem, about=derivation.anchor)


def _disagreement(
    derivation: Derivation, interval: DateInterval, known: Anchors, subject: str
) -> str | None:
    try:
        derived = derive(derivation, known, subject)
    except UnderivableError as error:
        return str(error)
    if within(bounds(interval), derived):
        return None
    return (
        f"{derivation.rule} of {derivation.quote!r} in {derivation.source} gives "
        f"{fmt(derived)}, but the interval is {fmt(bounds(interval))}"
    )


@rule("dates.weekday", scope=RECORD)
def weekday(dataset: Dataset, context: Context) -> Iterator[Hit]:
    """A weekday ("on Friday") agrees with the date: the last such day up to publication."""
    return _derivation_hits(dataset, context, "weekday")


@rule("dates.publication", scope=RECORD)
def publication(dataset: Dataset, context: Context) -> Iterator[Hit]:
    """A date derived from a publication date ("today", "last month") agrees with that date."""
    return _derivation_hits(dataset, context, "publication")


@rule("dates.stated", scope=RECORD)
def stated(dataset: Dataset, context: Context) -> Iterator[Hit]:
    """A stated day, month or year ("Nov 2014") agrees with the interval."""
    return _derivation_hits(dataset, context, "stated")


@rule("dates.anchored", scope=RECORD)
def anchored(dataset: Dataset, context: Context) -> Iterator[Hit]:
    """A date derived from another record's date agrees with that record's interval."""
    return _derivation_hits(dataset, context, "anchored")


@rule("dates.too-precise", scope=RECORD)
def too_precise(dataset: Dataset, context: Context) -> Iterator[Hit]:
    """An interval is no narrower than what its derivations give together: no invented precision.

    Each derivation's own rule checks that the interval lies inside what it
    gives; this rule checks the other direction, so the interval is exactly
    the intersection of its derivations.
    """
    known = anchors(dataset, context.index)
    for record, loc, interval in _intervals(dataset, context.index):
        if not interval.derivations or not _ordered(interval):
            continue
        try:
            derived = [derive(d, known, record.id) for d in interval.derivations]
        except UnderivableError:
            continue
        tightest: tuple[dt.date | None, dt.date | None] = (None, None)
        for item in derived:
            tightest = intersect(tightest, item)
        if within(bounds(interval), tightest) and bounds(interval) != tightest:
            yield Hit(
                record.id,
                loc,
                f"the sources give {fmt(tightest)}; the interval {fmt(bounds(interval))} "
                "is more precise than they allow",
            )


def _cited_publications(
    record: Record, dataset: Dataset, index: Index
) -> Iterator[tuple[str, dt.date]]:
    published = anchors(dataset, index).published
    for source in sorted(index.facts(record).cited):
        if (day := published.get(source)) is not None:
            yield source, day


@rule("dates.held-after-source", scope=RECORD)
def held_after_source(dataset: Dataset, context: Context) -> Iterator[Hit]:
    """A held meeting or event is not dated after the publication of a source that reports it."""
    records: tuple[Meeting | Event, ...] = (*dataset.meetings, *dataset.events)
    for record in records:
        if record.status != "held" or record.date.earliest is None:
            continue
        for source, day in _cited_publications(record, dataset, context.index):
            if record.date.earliest > day:
                yield Hit(
                    record.id,
                    ("date", "earliest"),
                    f"held on or after {record.date.earliest}, but {source} "
                    f"reporting it was published {day}",
                )
                break


@rule("dates.planned-before-announcement", scope=RECORD)
def planned_before_announcement(dataset: Dataset, context: Context) -> Iterator[Hit]:
    """A planned meeting is not dated before the meeting or report that announced it."""
    for meeting in dataset.meetings:
        latest = meeting.date.latest
        if meeting.status != "planned" or latest is None:
            continue
        announcing = meeting.announced_at
        if announcing is not None and announcing in dataset:
            start = dataset.get(announcing)
            if isinstance(start, Meeting) and start.date.earliest and latest < start.date.earliest:
                yield Hit(
                    meeting.id,
                    ("date", "latest"),
                    f"planned for {fmt(bounds(meeting.date))}, before {announcing} "
                    f"where it was announced ({start.date.earliest})",
                )
                continue
        for source, day in _cited_publications(meeting, dataset, context.index):
            if latest < day:
                yield Hit(
                    meeting.id,
                    ("date", "latest"),
                    f"planned for {fmt(bounds(meeting.date))}, before {source} "
                    f"announcing it was published ({day})",
                )
                break


@rule("dates.planned-past", severity="info", scope=PLANNED_PAST)
def planned_past(dataset: Dataset, context: Context) -> Iterator[Hit]:
    """A planned meeting whose date is past (see --today) has no record of being held."""
    today = context.today
    if today is None:
        return
    held: dict[str, list[Meeting]] = {}
    for m in dataset.meetings:
        if m.status == "held" and m.series is not None:
            held.setdefault(m.series, []).append(m)
    for meeting in dataset.meetings:
        if meeting.status != "planned" or meeting.date.latest is None:
            continue
        same_series = held.get(meeting.series or "", [])
        if (
            meeting.date.latest >= today
            or dataset.realised_by(meeting.id)
            or any(_same_slot(meeting, h) for h in same_series)
        ):
            continue
        yield Hit(
            meeting.id,
            ("status",),
            f"planned for {fmt(bounds(meeting.date))}, which is "
            f"{f'before {today}' if context.today_stated else 'past'}, "
            "and no record says it was held",
        )


def _same_slot(planned: Meeting, held: Meeting) -> bool:
    if planned.ordinal is not None:
        return planned.ordinal == held.ordinal
    return overlaps(planned.date, held.date)
