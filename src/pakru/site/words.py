"""Words for readers: dates, places, countries, field names, record and source names.

Field paths, hash ids and rule ids belong in URLs and machine output; every
function here turns one of them into what a reader can follow.
"""

import datetime as dt
import re

from pydantic import BaseModel

from pakru.schema import (
    Agreement,
    Body,
    DateInterval,
    Event,
    Location,
    Meeting,
    Person,
    Record,
    Source,
)
from pakru.schema.countries import COUNTRIES
from pakru.schema.dates import DateRule
from pakru.schema.introspect import names_a_field

RULE_WORDS: dict[DateRule, str] = {
    "stated-day": "the report names the day",
    "stated-month": "the report names the month",
    "stated-year": "the report names the year",
    "publication-day": "“today” in a report of that day",
    "day-before-publication": "“yesterday” in a dated report",
    "week-before-publication": "“last week” in a dated report: Monday to Sunday",
    "weekday-before-publication": (
        "a weekday named in the report, the last one on or before its date"
    ),
    "before-publication": "on or before the report's date",
    "month-before-publication": "“last month” in a dated report",
    "year-of-publication": "“this year” in a dated report",
    "same-as-record": "the date of another record the report describes",
    "month-before-record": "“last month”, counted from another record's date",
    "before-record": "on or before another record's date",
    "year-before-record": "“last year”, counted from another record's date",
    "after-record": "not before a lower-numbered meeting of the same series",
    "written-after-record": "after an event the undated report tells in the past tense",
}
"""How each date rule reads in words (``test_words`` checks every rule has words)."""


def day(date: dt.date) -> str:
    """``21 March 2018``."""
    return f"{date.day} {date:%B %Y}"


def date_words(date: DateInterval) -> str:  # noqa: PLR0911 - one return per shape
    """A date interval in words, with its uncertainty: "some time in 2019", "on or before …"."""
    first, last = date.earliest, date.latest
    if first is None and last is None:
        return "date not known"
    if first is None and last is not None:
        tail = (
            ", the report's date"
            if any(d.rule == "before-publication" for d in date.derivations)
            else ""
        )
        return f"on or before {day(last)}{tail}"
    if first is not None and last is None:
        return f"on or after {day(first)}"
    if first is None or last is None:
        return "date not known"  # unreachable: narrows the types for mypy
    if first == last:
        return day(first)
    if date.precision == "month":
        return f"some time in {first:%B %Y}"
    if date.precision == "year":
        return f"some time in {first.year}"
    return f"between {_range_start(first, last)} and {day(last)}"


def _range_start(first: dt.date, last: dt.date) -> str:
    if first.year != last.year:
        return day(first)
    return f"{first.day} {first:%B}"


def country(code: str) -> str:
    """A country's name from its code ("Pakistan"); an unknown code as it is."""
    known = COUNTRIES.get(code)
    return known.name if known else code


def place_words(location: Location) -> str:
    """A place for readers, unknown parts left out: "Moscow, Russia"."""
    parts = [location.venue, location.city, country(location.country) if location.country else None]
    shown = ", ".join(p for p in parts if p)
    return shown or "place not known"


def field_label(name: str) -> str:
    """A field name as a label: ``announced_at`` → "Announced at"."""
    return name.replace("_", " ").replace(".", " ").capitalize()


def kind_words(kind: str) -> str:
    """A classification value in words: ``working-group`` → "working group"."""
    return kind.replace("-", " ")


def type_and_kind(record: Record) -> str:
    """What a record is, in words: "Meeting (working group)", "Agreement"."""
    what = record.type.capitalize()
    kind = getattr(record, "kind", None)
    if isinstance(kind, str) and kind != record.type:
        return f"{what} ({kind_words(kind)})"
    return what


def source_title(source: Source) -> str:
    """The headline as printed, when the source has one (``headline`` or ``title``)."""
    headline = getattr(source, "headline", None) or source.title
    return str(headline) if headline else ""


def source_byline(source: Source) -> str:
    """Outlet, author and date: "The Frontier Post", "by Zahid Chaudhary, 3 March 2018"."""
    parts: list[str] = []
    if source.publisher:
        parts.append(source.publisher)
    if source.author and source.author != source.publisher:
        parts.append(f"by {source.author}")
    parts.append(day(source.published) if source.published else _undated(source))
    return ", ".join(parts)


def _undated(source: Source) -> str:
    """ "undated", with what the report's content fixes when a rule derives it."""
    publication = getattr(source, "publication", None)
    if isinstance(publication, DateInterval) and publication.precision != "unknown":
        return f"undated, written {date_words(publication)}"
    return "undated"


def source_name(source: Source) -> str:
    """A source as readers know it: its headline and byline; never its hash id."""
    title = source_title(source)
    byline = source_byline(source)
    return f"“{title}” ({byline})" if title else f"Report ({byline})"


def short_source(source: Source) -> str:
    """A short attribution after a quote: outlet or author, and date."""
    who = source.publisher or source.author
    when = day(source.published) if source.published else "undated"
    if who:
        return f"{who}, {when}"
    title = source_title(source)
    return (
        f"“{title}”, {when}"
        if title
        else f"report of {when}"
        if source.published
        else "undated report"
    )


def label(record: Record) -> str:
    """The human name of any record."""
    if isinstance(record, Meeting | Agreement | Event):
        return record.title
    if isinstance(record, Person | Body):
        return record.name
    if isinstance(record, Source):
        return source_name(record)
    return record.subject


def status_words(status: str) -> str:
    """A status as shown: "held", "planned", "recurring"."""
    return kind_words(status)


_PATH = re.compile(r"\b[a-z_]+(?:\.[a-z_]+)+\b")


def field_paths_in_words(text: str, model: type[BaseModel]) -> str:
    """Dotted field paths of ``model`` in free text as words.

    ``location.city`` becomes "the location city".
    """

    def words(match: re.Match[str]) -> str:
        if not names_a_field(model, match.group()):
            return match.group()
        return "the " + " ".join(p.replace("_", " ") for p in match.group().split("."))

    return _PATH.sub(words, text)


def _a(phrase: str) -> str:
    """``phrase`` with its indefinite article: "an accord", "a meeting"."""
    return ("an " if phrase[:1].lower() in "aeiou" else "a ") + phrase


def _listed(items: list[str]) -> str:
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " and " + items[-1]


def summary(record: Record) -> str:
    """One sentence saying what a record is, for the top of its page and search snippets."""
    if isinstance(record, Meeting):
        number = f", number {record.ordinal} of its series" if record.ordinal else ""
        return (
            f"{_a(kind_words(record.kind)).capitalize()} meeting, {record.status}{number}: "
            f"{date_words(record.date)}, {place_words(record.location)}."
        )
    if isinstance(record, Agreement):
        parties = _listed([country(c) for c in record.parties])
        return (
            f"{_a(kind_words(record.kind)).capitalize()} of {parties}, {record.status}: "
            f"{date_words(record.date)}."
        )
    if isinstance(record, Event):
        return (
            f"An event ({kind_words(record.kind)}), {record.status}: "
            f"{date_words(record.date)}, {place_words(record.location)}."
        )
    if isinstance(record, Person | Body):
        what = "A person" if isinstance(record, Person) else f"A body ({kind_words(record.kind)})"
        of = f" of {country(record.country)}" if record.country else ""
        also = f"; also named {_listed(list(record.aliases))}" if record.aliases else ""
        return f"{what}{of}{also}."
    if isinstance(record, Source):
        return f"A news report: {source_name(record)}."
    what = "Records that may be one" if record.kind == "possible-identity" else "Reports disagree"
    return f"{what}: {record.subject}."
