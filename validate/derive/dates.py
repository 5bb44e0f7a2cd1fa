"""Date derivations: how a phrase of a source becomes an interval of days.

Each rule of :data:`pakru.schema.dates.DateRule` is one small function here;
:func:`derive` applies the right one. The validator's ``dates.*`` rules
compare a record's interval with what its derivations give, and the docs
list these rules for readers. ``None`` as a bound means "open on that side".

A report that prints no day may still have a publication interval
(``Source.publication``, from ``written-after-record``); rules anchored on
publication then use that interval where they can (a weekday "on Monday"
lies within the six days before some day of it).
"""

import calendar
import datetime as dt
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field

from pakru.schema.dates import WEEKDAYS, DateInterval, Derivation, Precision
from pakru.validate.derive.text import of_statement, word_positions

Bounds = tuple[dt.date | None, dt.date | None]


@dataclass(frozen=True)
class Anchors:
    """What relative rules are anchored on: publication dates and other records' intervals.

    ``publication`` holds the derived publication intervals of undated reports;
    ``series`` a meeting's (series, ordinal) for ``after-record``; ``cited`` the
    sources each record quotes, for ``written-after-record``.
    """

    published: Mapping[str, dt.date | None]
    intervals: Mapping[str, DateInterval]
    publication: Mapping[str, DateInterval] = field(default_factory=dict)
    series: Mapping[str, tuple[str | None, int | None]] = field(default_factory=dict)
    cited: Mapping[str, frozenset[str]] = field(default_factory=dict)


class UnderivableError(ValueError):
    """The derivation cannot be computed (no publication date, no anchor, bad value)."""


def month_bounds(year: int, month: int) -> tuple[dt.date, dt.date]:
    """First and last day of a calendar month."""
    return dt.date(year, month, 1), dt.date(year, month, calendar.monthrange(year, month)[1])


def _previous_month(day: dt.date) -> tuple[int, int]:
    return (day.year - 1, 12) if day.month == 1 else (day.year, day.month - 1)


_STATED_FORMS = {
    "stated-day": re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}"),
    "stated-month": re.compile(r"[0-9]{4}-[0-9]{2}"),
    "stated-year": re.compile(r"[0-9]{4}"),
}
"""The documented spellings of a stated value; ``int`` and ``fromisoformat`` take more."""


def _stated(value: str, rule: str) -> Bounds:
    form = _STATED_FORMS[rule]
    if not form.fullmatch(value):
        raise UnderivableError(f"{value!r} is not a valid value for {rule} ({form.pattern})")
    try:
        if rule == "stated-day":
            day = dt.date.fromisoformat(value)
            return day, day
        if rule == "stated-month":
            year, month = (int(p) for p in value.split("-"))
            return month_bounds(year, month)
        year = int(value)
        return dt.date(year, 1, 1), dt.date(year, 12, 31)
    except ValueError:
        raise UnderivableError(f"{value!r} is not a valid value for {rule}") from None


def _published(d: Derivation, anchors: Anchors) -> dt.date:
    published = anchors.published.get(d.source)
    if published is None:
        raise UnderivableError(f"source {d.source!r} has no publication date to anchor {d.rule!r}")
    return published


def _last_weekday(day: dt.date, target: int) -> dt.date:
    return day - dt.timedelta(days=(day.weekday() - target) % 7)


_SAYS = {
    "publication-day": ("today",),
    "day-before-publication": ("yesterday",),
    "week-before-publication": ("last week",),
    "month-before-publication": ("last month",),
    "year-of-publication": ("this year",),
}
"""The words a quote says for each relative rule (in any case); a quote that says none
of them does not give the rule's interval."""


def _says(d: Derivation, words: tuple[str, ...]) -> None:
    if not any(word_positions(d.quote, word) for word in words):
        wanted = " or ".join(repr(w) for w in words)
        raise UnderivableError(f"{d.rule}: {d.quote!r} does not say {wanted}")


def _weekday(d: Derivation, anchors: Anchors, subject: str | None = None) -> Bounds:
    target = WEEKDAYS.index(d.weekday or "")
    name = WEEKDAYS[target]
    spots = word_positions(d.quote, name)
    if not spots:
        raise UnderivableError(f"{d.quote!r} does not name {name.capitalize()}")
    if subject in anchors.series and all(of_statement(d.quote, at) for at in spots):
        raise UnderivableError(
            f"{name.capitalize()} in {d.quote!r} is the day of a statement, not of the "
            'meeting: quote the clause that reports the meeting ("the talks were held on '
            f"{name.capitalize()}\"), or give the meeting's date without this derivation"
        )
    interval = anchors.publication.get(d.source)
    if anchors.published.get(d.source) is None and interval is not None:
        return _weekday_in(interval, target, d.source)
    day = _last_weekday(_published(d, anchors), target)
    return day, day


def _weekday_in(interval: DateInterval, target: int, source: str) -> Bounds:
    """The weekday before an unknown publication day within ``interval``."""
    if interval.earliest is None:
        raise UnderivableError(f"source {source!r} has no lower publication bound")
    first = interval.earliest - dt.timedelta(days=6)
    earliest = first + dt.timedelta(days=(target - first.weekday()) % 7)
    latest = None if interval.latest is None else _last_weekday(interval.latest, target)
    return earliest, latest


def _after_record(d: Derivation, anchors: Anchors, subject: str | None) -> Bounds:
    """Series order: the anchor is a lower-numbered meeting of the subject's series."""
    if subject is not None:
        series, ordinal = anchors.series.get(subject, (None, None))
        a_series, a_ordinal = anchors.series.get(d.anchor or "", (None, None))
        if series is None or series != a_series or None in (ordinal, a_ordinal):
            raise UnderivableError(f"anchor {d.anchor!r} is not a numbered meeting of its series")
        if (a_ordinal or 0) >= (ordinal or 0):
            raise UnderivableError(f"anchor {d.anchor!r} is not numbered below {ordinal}")
    return _anchor(d, anchors).earliest, None


def _written_after_record(d: Derivation, anchors: Anchors, subject: str | None) -> Bounds:
    """An undated report is written after an event it reports (so the anchor cites it)."""
    if subject is not None and subject != d.source:
        raise UnderivableError(f"{d.rule!r} dates the publication of {d.source}, not {subject}")
    if d.source not in anchors.cited.get(d.anchor or "", frozenset()):
        raise UnderivableError(f"anchor {d.anchor!r} does not cite {d.source}")
    return _anchor(d, anchors).earliest, None


def _anchor(d: Derivation, anchors: Anchors) -> DateInterval:
    interval = anchors.intervals.get(d.anchor or "")
    if interval is None:
        raise UnderivableError(f"anchor {d.anchor!r} is not a dated record")
    return interval


def _month_before_record(d: Derivation, anchors: Anchors) -> Bounds:
    interval = _anchor(d, anchors)
    if interval.earliest is None or interval.latest is None:
        raise UnderivableError(f"anchor {d.anchor!r} has an open interval")
    return (
        month_bounds(*_previous_month(interval.earliest))[0],
        month_bounds(*_previous_month(interval.latest))[1],
    )


def _year_before_record(d: Derivation, anchors: Anchors) -> Bounds:
    interval = _anchor(d, anchors)
    if interval.earliest is None or interval.latest is None:
        raise UnderivableError(f"anchor {d.anchor!r} has an open interval")
    return dt.date(interval.earliest.year - 1, 1, 1), dt.date(interval.latest.year - 1, 12, 31)


def _day_before(d: Derivation, anchors: Anchors) -> Bounds:
    day = _published(d, anchors) - dt.timedelta(days=1)
    return day, day


def _week_before(d: Derivation, anchors: Anchors) -> Bounds:
    published = _published(d, anchors)
    monday = published - dt.timedelta(days=published.weekday() + 7)
    return monday, monday + dt.timedelta(days=6)


_RELATIVE: dict[str, Callable[[Derivation, Anchors], Bounds]] = {
    "publication-day": lambda d, a: (_published(d, a), _published(d, a)),
    "day-before-publication": _day_before,
    "week-before-publication": _week_before,
    "before-publication": lambda d, a: (None, _published(d, a)),
    "month-before-publication": lambda d, a: month_bounds(*_previous_month(_published(d, a))),
    "year-of-publication": lambda d, a: (
        dt.date(_published(d, a).year, 1, 1),
        _published(d, a),
    ),
    "same-as-record": lambda d, a: (_anchor(d, a).earliest, _anchor(d, a).latest),
    "month-before-record": _month_before_record,
    "year-before-record": _year_before_record,
    "before-record": lambda d, a: (None, _anchor(d, a).latest),
}


def derive(derivation: Derivation, anchors: Anchors, subject: str | None = None) -> Bounds:
    """The interval a derivation gives; raises :class:`UnderivableError` when it cannot.

    ``subject`` is the id of the record whose date (or publication) is derived;
    with it, ``after-record`` and ``written-after-record`` also check their
    conditions (same series and a lower number; the anchor cites the report).
    Date arithmetic past the calendar's edges is an :class:`UnderivableError` too.
    """
    try:
        return _derive(derivation, anchors, subject)
    except (OverflowError, ValueError) as error:
        if isinstance(error, UnderivableError):
            raise
        # date arithmetic at the calendar's edges (before 1 January 1, after 9999)
        raise UnderivableError(
            f"{derivation.rule} cannot be computed within the calendar (years 1 to 9999)"
        ) from None


def _derive(derivation: Derivation, anchors: Anchors, subject: str | None) -> Bounds:
    if derivation.rule.startswith("stated-"):
        return _stated(derivation.value or "", derivation.rule)
    if derivation.rule == "after-record":
        return _after_record(derivation, anchors, subject)
    if derivation.rule == "written-after-record":
        return _written_after_record(derivation, anchors, subject)
    if derivation.rule == "weekday-before-publication":
        return _weekday(derivation, anchors, subject)
    if (words := _SAYS.get(derivation.rule)) is not None:
        _says(derivation, words)
    return _RELATIVE[derivation.rule](derivation, anchors)


def intersect(a: Bounds, b: Bounds) -> Bounds:
    """The intersection of two intervals with open (None) bounds."""
    earliest = max((x for x in (a[0], b[0]) if x is not None), default=None)
    latest = min((x for x in (a[1], b[1]) if x is not None), default=None)
    return earliest, latest


def within(inner: Bounds, outer: Bounds) -> bool:
    """Whether ``inner`` lies inside ``outer`` (open bounds compare as infinite)."""
    lower_ok = outer[0] is None or (inner[0] is not None and inner[0] >= outer[0])
    upper_ok = outer[1] is None or (inner[1] is not None and inner[1] <= outer[1])
    return lower_ok and upper_ok


def precision_of(earliest: dt.date | None, latest: dt.date | None) -> Precision:
    """The precision an interval's shape implies."""
    if earliest is None and latest is None:
        return "unknown"
    if earliest is None or latest is None:
        return "range"
    if earliest == latest:
        return "day"
    if (earliest, latest) == month_bounds(earliest.year, earliest.month):
        return "month"
    if (earliest, latest) == (dt.date(earliest.year, 1, 1), dt.date(earliest.year, 12, 31)):
        return "year"
    return "range"


def fmt(bounds: Bounds) -> str:
    """``2018-03-02..2018-03-02``, with ``?`` for an open bound."""
    return "..".join(b.isoformat() if b else "?" for b in bounds)
