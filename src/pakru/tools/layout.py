"""A report's layout: headline, byline, dateline, publisher and publication date, with quotes.

:func:`read_layout` reads what a news report prints around its story, in the
layouts outlets use: the headline first or after a date line (``date
YYYY-MM-DD``, "Monday, March 26, 2018", "Wed, 01 Dec 2021 09:05 PM"); a
byline above or below the headline ("By NAME", "Written by NAME", a bare
name, a house byline such as "Our Correspondent"); the dateline that opens
the story ("ISLAMABAD:", "MOSCOW (TASS) –", "ISLAMABAD, March 3 (Reuters) -",
"Moscow, 1 Dec:"), which gives the city and, in parentheses, the wire agency
or the outlet; a date printed at the end ("Published in Dawn, November 14th,
2019", or a place and date of issue on the last two lines); a letterhead
("PRESS RELEASE" under the issuer's name).

Every value comes with the verbatim text it was read from, so a record built
from it (``pakru new source``, ``pakru draft``) carries its evidence. Nothing
is guessed: a value the text does not print in a recognised form is None.
"""

import datetime as dt
import re
from dataclasses import dataclass
from typing import Literal

from pakru.schema.reference import cities

__all__ = ["WIRE_AGENCIES", "Dateline", "Field", "Layout", "read_layout"]

WIRE_AGENCIES = frozenset(
    {
        "AFP",
        "ANI",
        "AP",
        "APP",
        "Anadolu",
        "Bernama",
        "IANS",
        "INP",
        "Interfax",
        "IRNA",
        "NNI",
        "PPI",
        "PTI",
        "Reuters",
        "RIA Novosti",
        "Sputnik",
        "TASS",
        "Xinhua",
        "dpa",
    }
)
"""News agencies whose name in a dateline marks a wire report (the agency is its publisher);
another name in a dateline's parentheses is the outlet itself ("ISLAMABAD (Dunya News) –")."""

HEADLINE_MAX = 120

_MONTHS = {
    name: number
    for number, names in enumerate(
        (
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ),
        start=1,
    )
    for name in names
}
_MONTH = r"(?P<month>" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\.?"
_DAY = r"(?P<day>\d{1,2})(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>\d{4})"
_WEEKDAY = r"(?:(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)(?:day|nesday|sday|urday)?\.?,?\s+)?"
_DATES = (
    re.compile(rf"{_WEEKDAY}{_DAY}\s+{_MONTH},?\s*{_YEAR}", re.IGNORECASE),
    re.compile(rf"{_WEEKDAY}{_MONTH}\s+{_DAY},?\s*{_YEAR}", re.IGNORECASE),
)
_ISO_HEADER = re.compile(r"^\s*(?P<quote>date (?P<date>\d{4}-\d{2}-\d{2}))\b")
_TIME = r"(?:\s*,?\s*\d{1,2}:\d{2}(?:\s*[AP]M)?(?:\s*(?:GMT|UTC|PKT|MSK)[+-]?\d*)?)?"
_DATE_LABEL = r"(?:(?:last\s+)?updated(?:\s+on)?:?\s+|published(?:\s+on)?:?\s+)?"
_END_CREDIT = re.compile(
    r"^(?:Published in|Copyright|©)\s*(?P<outlet>[A-Z][\w&.' ]*?),\s*(?P<rest>.*)$"
)
_BYLINE = re.compile(
    r"^(?P<lead>(?i:written by|by))\s+(?P<name>[A-Z][\w.'-]*(?: [A-Z][\w.'-]*){0,4})$"
)
"""A byline: "By NAME", "Written by NAME", or in capitals ("BY BAQIR SAJJAD SYED")."""
_HOUSE = re.compile(
    r"^(?:Our|Staff|Special|A) (?:Staff )?(?:Correspondent|Reporter)$"
    r"|^Staff Reporter$|^News Desk$|^Monitoring Desk$|^Web Desk$|^(?:[A-Z][a-z]+ ){1,2}Report$"
)
_NAME = re.compile(r"^[A-Z][a-z]+(?:[ -](?:[A-Z][a-z]+|[A-Z]\.)){1,3}$")
_CITY = r"(?P<city>[A-Z][A-Za-z]+(?:[ -][A-Z][A-Za-z]+)?)"
_DATELINE = re.compile(
    rf"^(?P<quote>{_CITY}"
    r"(?:[,.]\s*(?P<stamp>(?:[A-Z][a-z]{2,8}\.?\s+\d{1,2}|\d{1,2}\s+[A-Z][a-z]{2,8}\.?)"
    r"(?:,\s*\d{4})?))?"
    r"(?:\s+[-–—]\s+(?P<dated>[A-Z][a-z]{2,8}\.?\s+\d{1,2},?\s+\d{4}|\d{1,2}\s+[A-Z][a-z]{2,8}\.?,?\s+\d{4}))?"
    r"(?:\.?\s*/(?P<slash>[A-Z][A-Za-z ]{1,30})/\s*(?P<slashmark>[-–—:.])?"
    r"|(?:,?\s*\((?P<paren>[^()]{2,80})\))?"
    r"\s*(?P<mark>[-–—:]|\s:)))\s*"
)
"""A dateline: a city; a day and month after a comma or full stop ("MOSCOW. March 10",
"Moscow, 1 Dec", "ISLAMABAD, April 20, 2019"), or a full date after a dash ("Rawalpindi -
March 4, 2026"); an agency or outlet in parentheses, then a dash or a colon; or an agency
between slashes, then a full stop ("MOSCOW, April 26. /TASS/.")."""
_PAREN_DATE = re.compile(r"^(?P<outlet>.*?)\s*[-–—]\s*(?P<date>.+?)\s*$")

BylineKind = Literal["person", "house", "agency"]


@dataclass(frozen=True)
class Field:
    """A value read from the text, with the verbatim quote that supports it."""

    name: str
    value: str
    quote: str


@dataclass(frozen=True)
class Dateline:
    """The dateline that opens the story, or the place of issue printed at its end."""

    city: str
    """The city, capitalised as a name ("Islamabad" for "ISLAMABAD:")."""
    agency: str | None
    """The wire agency in the dateline's parentheses (``TASS``, ``APP``), if any."""
    outlet: str | None
    """The name in the parentheses when it is not a wire agency ("Dunya News")."""
    quote: str
    """The dateline exactly as printed: ``MOSCOW (TASS) –``."""


@dataclass(frozen=True)
class Layout:
    """What a report prints around its story; every field None when not printed."""

    headline: Field | None = None
    byline: Field | None = None
    byline_kind: BylineKind | None = None
    publisher: Field | None = None
    published: Field | None = None
    """The publication day as ``YYYY-MM-DD``, quoted as printed."""
    dateline: Dateline | None = None
    undated: Field | None = None
    """The day and month a dateline prints with no year ("MOSCOW, April 26. /TASS/."), when
    no date line gives the publication day and the text prints no full date of that day and
    month: the value is the day as printed ("April 26"), the quote the dateline. The year
    is not guessed, so ``published`` stays None (the scaffold says why)."""

    def fields(self) -> list[Field]:
        """The source-record fields: ``published``, ``title``, ``author``, ``publisher``."""
        named = (
            ("published", self.published),
            ("title", self.headline),
            ("author", self.byline),
            ("publisher", self.publisher),
        )
        return [Field(name, f.value, f.quote) for name, f in named if f is not None]


def _title(city: str) -> str:
    return " ".join(w.capitalize() if w.isupper() else w for w in re.split(r" ", city))


def parse_date(text: str) -> tuple[dt.date, str] | None:
    """The first full date (day, month name, year) in ``text``, with the text matched."""
    best: tuple[int, dt.date, str] | None = None
    for pattern in _DATES:
        for match in pattern.finditer(text):
            month = _MONTHS[match["month"].lower().rstrip(".")]
            try:
                day = dt.date(int(match["year"]), month, int(match["day"]))
            except ValueError:
                continue
            if best is None or match.start() < best[0]:
                best = (match.start(), day, match.group(0))
            break
    return None if best is None else (best[1], best[2])


def _date_line(line: str) -> Field | None:
    """A line that is only a date (a label, weekday and time allowed): the publication date."""
    stripped = line.strip()
    if len(stripped) > 60:
        return None
    pattern = re.compile(
        rf"^{_DATE_LABEL}(?P<date>.+?){_TIME}\s*$",
        re.IGNORECASE,
    )
    match = pattern.match(stripped)
    if match is None:
        return None
    found = parse_date(match["date"])
    if found is None or len(found[1]) < len(match["date"].strip()) - 1:
        return None
    return Field("published", found[0].isoformat(), stripped)


def _byline(line: str) -> tuple[Field, BylineKind] | None:
    stripped = line.strip()
    if match := _BYLINE.match(stripped):
        name = match["name"]
        if name.isupper() and len(name) > 3:  # "BAQIR SAJJAD SYED": "Baqir Sajjad Syed"
            name = name.title()
        kind: BylineKind = "house" if name.startswith("The ") or _HOUSE.match(name) else "person"
        return Field("author", name, stripped), kind
    if _HOUSE.match(stripped):
        return Field("author", stripped, stripped), "house"
    return None


def _dateline(line: str) -> Dateline | None:
    match = _DATELINE.match(line.strip())
    if match is None:
        return None
    city = match["city"]
    if city.lower() in {"the", "a", "an", "by", "on", "in"} or city.split()[0].lower() in _MONTHS:
        return None
    paren = match["paren"] or match["slash"]
    agency = outlet = None
    if paren:
        name = paren
        if (dated := _PAREN_DATE.match(paren)) and parse_date(dated["date"]):
            name = dated["outlet"]
        name = name.strip()
        if name in WIRE_AGENCIES:
            agency = name
        else:
            outlet = name
    stamped = match["stamp"] or match["dated"]
    mark = match["mark"] or match["slashmark"] or ""
    # "Pakistan - Russia ..." is a sentence: a mixed-case dateline needs a colon, and a
    # city of the gazetteer ("Source: Xinhua", "Diplomatic Diary: ..." are no datelines)
    if (not city.isupper() and stamped is None and not paren) and (
        mark not in ":" or not cities(_title(city))
    ):
        return None
    return Dateline(_title(city), agency, outlet, match["quote"].strip())


_DAY_MONTH = (
    re.compile(rf"\b{_MONTH}\s+{_DAY}\b", re.IGNORECASE),
    re.compile(rf"\b{_DAY}\s+{_MONTH}(?![a-z])", re.IGNORECASE),
)


def _day_month(quote: str) -> tuple[int, int, str] | None:
    """The month, day and text of a day printed without a year ("April 26", "26 Apr.")."""
    if parse_date(quote) is not None:
        return None
    for pattern in _DAY_MONTH:
        if match := pattern.search(quote):
            return _MONTHS[match["month"].lower().rstrip(".")], int(match["day"]), match[0]
    return None


def _year_from_text(text: str, month: int, day: int) -> Field | None:
    """The publication day of an undated dateline from the one full date of that day and
    month the text prints ("... on April 26, 2019"); None when it prints none, or several
    years (a date a year back is an anniversary, not the day of the report)."""
    found: dict[dt.date, str] = {}
    for pattern in _DATES:
        for match in pattern.finditer(text):
            try:
                date = dt.date(
                    int(match["year"]),
                    _MONTHS[match["month"].lower().rstrip(".")],
                    int(match["day"]),
                )
            except ValueError:
                continue
            if (date.month, date.day) == (month, day):
                found.setdefault(date, match[0])
    if len(found) != 1:
        return None
    [(date, quote)] = found.items()
    return Field("published", date.isoformat(), quote)


def _headline_like(line: str) -> bool:
    stripped = line.strip()
    return (
        bool(stripped)
        and len(stripped) <= HEADLINE_MAX
        and stripped[-1] not in ".:;,"
        and stripped[0].isupper()
        and len(stripped.split()) >= 3
    )


def _place_of_issue(lines: list[str]) -> tuple[Dateline, Field] | None:
    """A city alone on a line, then a date alone on the last line: a press release's end."""
    tail = [line.strip() for line in lines if line.strip()][-2:]
    if len(tail) != 2:
        return None
    city, date = tail
    published = _date_line(date)
    if published is None or not re.fullmatch(r"[A-Z][A-Za-z]+(?: [A-Z][A-Za-z]+)?", city):
        return None
    quote = f"{city}\n{date}"
    return Dateline(_title(city), None, None, quote), Field("published", published.value, quote)


def _letterhead(lines: list[str]) -> tuple[int, str | None]:
    """Where a press release's letterhead ends ("PRESS RELEASE" and its number) and its issuer."""
    seen = [(n, line.strip()) for n, line in enumerate(lines) if line.strip()][:6]
    for position, (number, line) in enumerate(seen):
        if line.upper() == "PRESS RELEASE":
            issuer = seen[0][1] if position else None
            after = seen[position + 1 : position + 2]
            numbered = after and re.fullmatch(r"No\.?\s*\S+(?:\s+\S+)?", after[0][1])
            end = after[0][0] if numbered else number
            return end + 1, issuer
    return 0, None


def _bare_city(line: str) -> Dateline | None:
    """A line holding only the name of a city of the gazetteer: a dateline printed alone."""
    if re.fullmatch(r"[A-Z][A-Za-z]+", line) and cities(_title(line)):
        return Dateline(_title(line), None, None, line)
    return None


def _prose(line: str) -> bool:
    return len(line) > 200 or line[-1] in '.!?"”)'


@dataclass
class _Head:
    """What the head of a report (before its story) prints, as it is read."""

    headline: Field | None = None
    byline: Field | None = None
    byline_kind: BylineKind | None = None
    published: Field | None = None
    dateline: Dateline | None = None


def _header_line(raw: str, header: re.Match[str], head: _Head) -> bool:
    """Read a ``date YYYY-MM-DD`` line and what follows it on the line: a bare name (the
    byline) or a dateline; whether the head ends there (a dateline, or prose)."""
    head.published = Field("published", header["date"], header["quote"])
    line = raw[header.end() :].strip()
    if not line:
        return False
    if _NAME.match(line) and not _bare_city(line):
        head.byline, head.byline_kind = Field("author", line, line), "person"
        return False
    if (dateline := _dateline(line) or _bare_city(line)) is not None:
        head.dateline = dateline
        return True
    # What a scraper joined to the date line is no headline to trust: it may be the
    # story's first sentence or a caption ("The two sides discussed ... (Reuters)").
    return _prose(line)


def _read_head(lines: list[str], start: int) -> _Head:
    """Date line, byline and headline in any order, a standfirst under the headline; a line
    opening with a dateline, or prose, ends the head."""
    head = _Head()
    for number, raw in enumerate(lines[start : start + 12], start=start):
        line = raw.strip()
        if not line:
            continue
        if number == 0 and (header := _ISO_HEADER.match(raw)):
            if _header_line(raw, header, head):
                break
            continue
        if head.published is None and (date := _date_line(line)):
            head.published = date
        elif head.byline is None and (found := _byline(line)):
            head.byline, head.byline_kind = found
        elif (dateline := _dateline(line) or _bare_city(line)) is not None:
            head.dateline = dateline
            break
        elif _prose(line):
            break
        elif head.headline is None and _headline_like(line):
            head.headline = Field("title", line, line)
        elif head.headline is not None and head.byline is None and _NAME.match(line):
            head.byline, head.byline_kind = Field("author", line, line), "person"
    return head


def _publisher(head: _Head, issuer: str | None) -> Field | None:
    """The outlet a letterhead, a house byline ("Written by The Frontier Post") or a
    dateline names: a wire agency in a dateline is the publisher of the wire report."""
    dateline, byline = head.dateline, head.byline
    if dateline is not None and dateline.agency:
        return Field("publisher", dateline.agency, dateline.quote)
    if issuer is not None:
        return Field("publisher", issuer, issuer)
    if byline is not None and head.byline_kind == "house" and byline.value.startswith("The "):
        return Field("publisher", byline.value, byline.quote)
    if dateline is not None and dateline.outlet:
        return Field("publisher", dateline.outlet, dateline.quote)
    return None


def _dated_dateline(dateline: Dateline | None) -> Field | None:
    """The full date a dateline prints: in its parentheses ("(UrduPoint - 23rd Apr, 2025
    )") or after a dash ("Rawalpindi - March 4, 2026:")."""
    if dateline is None:
        return None
    paren = re.search(r"\(([^()]*)\)", dateline.quote)
    if paren and (dated := _PAREN_DATE.match(paren[1])) and (day := parse_date(dated["date"])):
        return Field("published", day[0].isoformat(), day[1])
    outside = dateline.quote if paren is None else dateline.quote[: paren.start()]
    if day := parse_date(outside):  # "ISLAMABAD, April 20, 2019 (APP):"
        return Field("published", day[0].isoformat(), day[1])
    return None


def read_layout(text: str) -> Layout:
    """The headline, byline, publisher, publication day and dateline ``text`` prints.

    The head of the report (the lines before its first paragraph of prose)
    is read line by line: a date line, a byline and the headline may come in
    any order, with a standfirst under the headline; a line that opens with
    a dateline, or prose, starts the story. A letterhead ("PRESS RELEASE"
    under the issuer's name) names the publisher. The end of the text is read
    for an outlet's credit line and a place and date of issue. A dateline that
    prints a day and month but no year ("MOSCOW, April 26. /TASS/.") gives the
    publication day only when the text prints a full date of that day and month
    (one year only); otherwise ``undated`` holds the day as printed.
    """
    lines = text.splitlines()
    start, issuer = _letterhead(lines)
    head = _read_head(lines, start)
    publisher = _publisher(head, issuer)
    published = head.published or _dated_dateline(head.dateline)
    dateline = head.dateline
    for raw in reversed(lines[-3:]):
        if credit := _END_CREDIT.match(raw.strip()):
            line = raw.strip()
            publisher = publisher or Field("publisher", credit["outlet"].strip(), line)
            if published is None and (day := parse_date(credit["rest"])):
                published = Field("published", day[0].isoformat(), line)
            break
    if dateline is None and (issue := _place_of_issue(lines)):
        dateline, published = issue[0], published or issue[1]
    undated = None
    if published is None and dateline is not None and (stamp := _day_month(dateline.quote)):
        published = _year_from_text(text, stamp[0], stamp[1])
        if published is None:
            undated = Field("published", stamp[2], dateline.quote)
    return Layout(
        head.headline, head.byline, head.byline_kind, publisher, published, dateline, undated
    )
