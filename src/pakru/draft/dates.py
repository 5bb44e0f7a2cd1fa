"""A meeting's date from one sentence: the phrase, the date rule it matches, the interval.

The rules and their arithmetic are :mod:`pakru.validate.derive.dates`'; this
module only recognises which rule a phrase calls for.
"""

import datetime as dt
import re
from typing import Any

from pakru.schema.dates import WEEKDAYS, Derivation
from pakru.tools.layout import parse_date
from pakru.validate.derive.dates import Anchors, UnderivableError, derive, precision_of
from pakru.validate.derive.text import of_statement

_MONTHS = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
]
_MONTH_YEAR = re.compile(rf"\b(?:in|during|by)\s+({'|'.join(_MONTHS)})\s+(\d{{4}})\b", re.I)
_YEAR = re.compile(r"\b(?:in|during|by)\s+(\d{4})\b")
_WEEKDAY = re.compile(
    r"(?<!next )(?<!this )(?<!coming )(?<!every )\b(?:[Oo]n\s+)?"
    rf"({'|'.join(d.capitalize() for d in WEEKDAYS)})\b"
)
"""A weekday, capitalised as printed: "on Monday", or bare after its subject ("Pakistan and
Russia Wednesday agreed ..."), not "next Monday"."""
_RELATIVE = (
    (re.compile(r"\byesterday\b", re.I), "day-before-publication"),
    (re.compile(r"\btoday\b", re.I), "publication-day"),
    (re.compile(r"\blast week\b", re.I), "week-before-publication"),
    (re.compile(r"\blast month\b", re.I), "month-before-publication"),
    (re.compile(r"\b(?:earlier\s+)?this year\b", re.I), "year-of-publication"),
)
_MONTH_NAMES = "|".join(m.capitalize() for m in _MONTHS)
_DAY_MONTH = re.compile(
    rf"\b(?:(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?\s+(?P<m1>{_MONTH_NAMES})"
    rf"|(?P<m2>{_MONTH_NAMES})\s+(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?\b)(?!,?\s*\d{{4}})"
)
"""A day and month printed without a year ("on February 7", "7 February")."""


def _day_without_year(quote: str, published: dt.date, *, held: bool) -> dt.date | None:
    """The day a sentence prints without its year, in the year that puts a held meeting on
    or before the report and a planned one on or after it; None for a statement's day."""
    for match in _DAY_MONTH.finditer(quote):
        if of_statement(quote, match.start()):
            continue
        month = _MONTHS.index((match["m1"] or match["m2"]).lower()) + 1
        number = int(match["d1"] or match["d2"])
        for year in (published.year, published.year - 1 if held else published.year + 1):
            try:
                day = dt.date(year, month, number)
            except ValueError:
                return None
            if (day <= published) if held else (day >= published):
                return day
    return None


def _candidates(
    quote: str, source: str, published: dt.date | None, *, held: bool
) -> list[dict[str, Any]]:
    """The derivations a sentence calls for, the most precise first."""
    out: list[dict[str, Any]] = []
    base = {"source": source, "quote": quote}
    if (day := parse_date(quote)) is not None:
        out.append({"rule": "stated-day", **base, "value": day[0].isoformat()})
    elif published is not None and (bare := _day_without_year(quote, published, held=held)):
        out.append({"rule": "stated-day", **base, "value": bare.isoformat()})
    if match := _MONTH_YEAR.search(quote):
        month = _MONTHS.index(match[1].lower()) + 1
        out.append({"rule": "stated-month", **base, "value": f"{match[2]}-{month:02d}"})
    if match := _YEAR.search(quote):
        out.append({"rule": "stated-year", **base, "value": match[1]})
    if held:
        match = next(
            (m for m in _WEEKDAY.finditer(quote) if not of_statement(quote, m.start(1))), None
        )
        if match is not None:  # not the day a statement was made ("said on Wednesday")
            out.append({"rule": "weekday-before-publication", **base, "weekday": match[1].lower()})
        for pattern, rule in _RELATIVE:
            if pattern.search(quote):
                out.append({"rule": rule, **base})
    return out


def date_of(quote: str, source: str, published: dt.date | None, *, held: bool) -> dict[str, Any]:
    """The date interval the sentence gives: the first derivation the rules can compute,
    with its bounds; an unknown interval (no derivation) when none can."""
    anchors = Anchors(published={source: published}, intervals={})
    for candidate in _candidates(quote, source, published, held=held):
        try:
            earliest, latest = derive(Derivation.model_validate(candidate), anchors)
        except (UnderivableError, ValueError):
            continue
        if held and published is not None and earliest is not None and earliest > published:
            continue  # a held meeting is not after its report
        if not held and published is not None and latest is not None and latest < published:
            continue  # nor a planned one before it (``dates.planned-before-announcement``)
        return {
            "earliest": earliest,
            "latest": latest,
            "precision": precision_of(earliest, latest),
            "derivations": [candidate],
        }
    return {"earliest": None, "latest": None, "precision": "unknown"}


def notes(date: dict[str, Any]) -> list[str]:
    """What a person must confirm of a drafted date: a year the sentence does not print."""
    for derivation in date.get("derivations", []):
        if derivation["rule"] == "stated-day" and not re.search(r"\d{4}", derivation["quote"]):
            return [
                f"date: {derivation['value']}; the sentence prints no year, so the year is the "
                "one that puts it on the right side of the report's date"
            ]
    return []
