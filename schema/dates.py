"""Dates as intervals: what the sources allow, no more precise than that.

A date in pakru is the interval of days the sources leave possible, with a
precision that names its shape and the derivations that produced it. Each
derivation names the rule that turns a phrase of a source ("on Friday",
"last month", "Nov 2014") into an interval; the validator recomputes every
derivation (see :mod:`pakru.validate.rules.dates`) and checks that the
record's interval is exactly their intersection.
"""

import datetime as dt
import re
from typing import Annotated, Any, Literal

from pydantic import BeforeValidator, Field, model_validator

from pakru.schema.base import Model
from pakru.schema.common import BaseDerivation, RecordRef

_YYYY_MM_DD = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")


def _iso_date(value: Any) -> Any:
    """Accept ``YYYY-MM-DD`` strings only; leave other input for pydantic to reject.

    ``date.fromisoformat`` alone also takes ``20180303`` and ISO week dates
    (``2018-W10-6``), which the JSON Schema's ``format: date`` refuses.
    """
    if isinstance(value, str):
        if not _YYYY_MM_DD.fullmatch(value):
            raise ValueError(f"expected a date as YYYY-MM-DD, got {value!r}")
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            raise ValueError(f"expected a date as YYYY-MM-DD, got {value!r}") from None
    return value


IsoDate = Annotated[dt.date, BeforeValidator(_iso_date)]

Precision = Literal["day", "month", "year", "range", "unknown"]

DateRule = Literal[
    "stated-day",
    "stated-month",
    "stated-year",
    "publication-day",
    "day-before-publication",
    "weekday-before-publication",
    "before-publication",
    "week-before-publication",
    "month-before-publication",
    "year-of-publication",
    "same-as-record",
    "month-before-record",
    "year-before-record",
    "before-record",
    "after-record",
    "written-after-record",
]
"""How a phrase of a source becomes an interval.

- ``stated-day`` / ``stated-month`` / ``stated-year``: the source names the
  day, month or year (``value`` holds it as ``YYYY-MM-DD``, ``YYYY-MM`` or
  ``YYYY``).
- ``publication-day``: "today" in a dated report: its publication date.
- ``day-before-publication``: "yesterday": the day before the publication date.
- ``weekday-before-publication``: "on Friday": the last such weekday on or
  before the publication date (within the six days before it). The quote
  names the weekday in the clause that reports the event dated, not in a
  statement's ("a statement released here on Thursday" dates the statement).
- ``week-before-publication``: "last week": Monday to Sunday of the calendar
  week before the week of publication.
- ``before-publication``: "recently", "has been": on or before publication.
- ``month-before-publication``: "last month": the calendar month before the
  month of publication.
- ``year-of-publication``: "this year": from 1 January of the publication
  year to the publication date.
- ``same-as-record``: the source describes the event dated by another record
  (``anchor``): that record's interval.
- ``month-before-record`` / ``year-before-record`` / ``before-record``:
  "last month", "last year" or "recently" in an undated report, anchored on
  the date of another record the same report describes (``anchor``).
- ``after-record``: series order: the Nth meeting of a series is not before
  the (N-1)th or any lower-numbered meeting (``anchor``): on or after that
  meeting's earliest day.
- ``written-after-record``: an undated report is written after the latest
  dated event it reports in the past tense (``anchor``): its publication is
  on or after that event's earliest day.
"""

WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
Weekday = Literal["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]


class Derivation(BaseDerivation):
    """One phrase of one source, and the rule that turns it into an interval."""

    rule: DateRule
    """The rule applied (see the list in pakru.schema.dates)."""
    value: str | None = None
    """For ``stated-*`` rules: the stated date as ``YYYY-MM-DD``, ``YYYY-MM`` or ``YYYY``."""
    weekday: Weekday | None = None
    """For ``weekday-before-publication``: the weekday named in the quote."""
    anchor: RecordRef | None = None
    """For ``*-record`` rules: the record whose date anchors this one."""

    @model_validator(mode="after")
    def _arguments_match_rule(self) -> "Derivation":
        needs_value = self.rule.startswith("stated-")
        needs_weekday = self.rule == "weekday-before-publication"
        needs_anchor = self.rule.endswith("-record")
        for name, needed in (
            ("value", needs_value),
            ("weekday", needs_weekday),
            ("anchor", needs_anchor),
        ):
            present = getattr(self, name) is not None
            if needed and not present:
                raise ValueError(f"rule {self.rule!r} needs {name!r}")
            if present and not needed:
                raise ValueError(f"rule {self.rule!r} takes no {name!r}")
        return self


class DateInterval(Model):
    """The interval of days the sources leave possible, and how it was derived.

    Order and precision are checked by the validator's ``dates.order`` and
    ``dates.precision`` rules rather than here, so a bad interval is reported
    with its own rule id and the record still loads for the other rules.
    """

    earliest: IsoDate | None
    """First possible day, or null when the sources give no lower bound."""
    latest: IsoDate | None
    """Last possible day, or null when the sources give no upper bound."""
    precision: Precision
    """Shape of the interval: one day, one calendar month, one calendar year,
    any other range, or unknown (both bounds null)."""
    derivations: Annotated[tuple[Derivation, ...], Field(default=())]
    """The phrases and rules the interval is derived from; the interval is their intersection."""

    def describe(self) -> str:
        """The interval in words: "21 March 2018", "March 2018", "2019", "by 3 March 2018".

        >>> from datetime import date
        >>> DateInterval(earliest=None, latest=date(2018, 3, 3), precision="range").describe()
        'by 3 March 2018'
        """
        first, last = self.earliest, self.latest
        if first is None or last is None:
            if first is None and last is None:
                return "date unknown"
            return f"by {_day(last)}" if first is None else f"from {_day(first)}"
        if first == last:
            return _day(first)
        shapes = {"month": f"{first:%B %Y}", "year": f"{first:%Y}"}
        return shapes.get(self.precision) or f"{_day(first)} – {_day(last)}"


def interval_key(interval: DateInterval) -> tuple[bool, dt.date, dt.date]:
    """The one timeline order of date intervals, used by ``Dataset.timeline()`` and the site.

    Known before unknown, then by the earliest day the interval allows, then by
    the latest. An open start sorts as the earliest possible day and an open end
    as the latest, so an open interval (``[null, 2018-03-03]``, "recently") is
    never placed as if it were a point on its one known day.
    """
    unknown = interval.earliest is None and interval.latest is None
    return (unknown, interval.earliest or dt.date.min, interval.latest or dt.date.max)


def _day(day: dt.date | None) -> str:
    return f"{day.day} {day:%B %Y}" if day is not None else "?"
