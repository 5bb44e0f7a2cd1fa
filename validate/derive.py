"""Date derivations: how a phrase of a source becomes an interval of days.

Each rule of :data:`pakru.schema.dates.DateRule` is one small function here;
:func:`derive` applies the right one. The validator's ``dates.*`` rules
compare a record's interval with what its derivations give, and the docs
list these rules for readers. ``None`` as a bound means "open on that side".
"""

import calendar
import datetime as dt
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass

from pakru.schema.dates import WEEKDAYS, DateInterval, Derivation, Precision

Bounds = tuple[dt.date | None, dt.date | None]


@dataclass(frozen=True)
class Anchors:
    """What relative rules are anchored on: publication dates and other records' intervals."""

    published: Mapping[str, dt.date | None]
    intervals: Mapping[str, DateInterval]


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


def _weekday(d: Derivation, anchors: Anchors) -> Bounds:
    published = _published(d, anchors)
    target = WEEKDAYS.index(d.weekday or "")
    day = published - dt.timedelta(days=(published.weekday() - target) % 7)
    return day, day


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


_RELATIVE: dict[str, Callable[[Derivation, Anchors], Bounds]] = {
    "publication-day": lambda d, a: (_published(d, a), _published(d, a)),
    "weekday-before-publication": _weekday,
    "before-publication": lambda d, a: (None, _published(d, a)),
    "month-before-publication": lambda d, a: month_bounds(*_previous_month(_published(d, a))),
    "year-of-publication": lambda d, a: (
        dt.date(_published(d, a).year, 1, 1),
        _published(d, a),
    ),
    "same-as-record": lambda d, a: (_anchor(d, a).earliest, _anchor(d, a).latest),
    "month-before-record": _month_before_record,
    "before-record": lambda d, a: (None, _anchor(d, a).latest),
}


def derive(derivation: Derivation, anchors: Anchors) -> Bounds:
    """The interval a derivation gives; raises :class:`UnderivableError` when it cannot."""
    try:
        if derivation.rule.startswith("stated-"):
            return _stated(derivation.value or "", derivation.rule)
        return _RELATIVE[derivation.rule](derivation, anchors)
    except (OverflowError, ValueError) as error:
        if isinstance(error, UnderivableError):
            raise
        # date arithmetic at the calendar's edges (before 1 January 1, after 9999)
        raise UnderivableError(
            f"{derivation.rule} cannot be computed within the calendar (years 1 to 9999)"
        ) from None


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
