"""What the place and country rules read in a report: datelines, "here", country names."""

import re
from functools import cache
from typing import NamedTuple

from pakru.schema.reference import COUNTRY_CODES, cities, countries
from pakru.schema.text import normalise

# The shipped texts start with a "date YYYY-MM-DD" header on the first line.
_HEADER = re.compile(r"^\s*date [0-9]{4}-[0-9]{2}-[0-9]{2}\s+")


def contains(haystack: str, needle: str) -> bool:
    """Whether ``needle`` occurs in ``haystack``, ignoring case and whitespace runs."""
    # A needle found as it is needs no folding (docs/performance.md: validate): collapsing
    # whitespace runs and case folding (char by char, no context) keep a substring one.
    return needle in haystack or normalise(needle).casefold() in normalise(haystack).casefold()


def says_here(quote: str) -> bool:
    """Whether the quote uses the word "here"."""
    return re.search(r"\bhere\b", quote, re.IGNORECASE) is not None


def is_dateline(text: str, dateline: str) -> bool:
    """Whether ``dateline`` opens a line of ``text`` (after the date header) and is
    followed by a dash, a colon or the end of the line, as datelines are printed."""
    wanted = normalise(dateline)
    for line in text.splitlines():
        rest = _HEADER.sub("", line).strip()
        if not rest.startswith(wanted):
            continue
        after = rest[len(wanted) :].lstrip()
        if after == "" or after[0] in "-–:":
            return True
    return False


def is_word_char(char: str) -> bool:
    """Whether ``\\w`` matches ``char`` in a ``str`` pattern; ``\\b`` is where this changes."""
    return char.isalnum() or char == "_"


def bounded_at(text: str, at: int, word: str, *, end: bool = True) -> bool:
    """Whether ``\\bword`` (with ``end``: ``\\bword\\b``) matches ``text`` at ``at``, where
    ``word`` (not empty) occurs: a word boundary before it, and with ``end`` after it."""
    before = at > 0 and is_word_char(text[at - 1])
    if before == is_word_char(word[0]):
        return False
    after = at + len(word)
    return not end or (after < len(text) and is_word_char(text[after])) != is_word_char(word[-1])


class _Country(NamedTuple):
    """How a quote names one country: its pattern, and literals one of which every match holds."""

    code: str
    literals: tuple[tuple[str, bool], ...]
    """Texts one of which occurs in every match of :attr:`pattern` (a cheap test first),
    each with whether the pattern takes it only as a whole word (a code, a capital)."""
    pattern: re.Pattern[str]


class _Countries(NamedTuple):
    """Every country's :class:`_Country`, and a pattern matching any of their literals."""

    countries: tuple[_Country, ...]
    by_code: dict[str, _Country]
    any_literal: re.Pattern[str]
    """Found in every text that names a country (most quotes name none, or one)."""


def _fewest(literals: list[str]) -> list[str]:
    """``literals`` less those holding another one: "Russian Federation" holds "Russia"."""
    kept: list[str] = []
    for literal in sorted(dict.fromkeys(literals), key=len):
        if not any(shorter in literal for shorter in kept):
            kept.append(literal)
    return kept


def _country(code: str, capitals: bool) -> _Country:
    row = countries()[code]
    names = sorted(row.names, key=len, reverse=True)
    alternatives = "|".join(re.escape(f) for f in names)
    # A name may begin a longer word: "Russia" in "Russian", "Pakistan" in "Pakistan's";
    # a code or a capital only as a whole word ("the US", "Moscow", not "Kabulov").
    whole = [code, row.alpha3, *((row.capital,) if capitals else ())]
    words = "|".join(re.escape(w) for w in whole)
    pattern = re.compile(rf"\b(?:{alternatives})|\b(?:{words})\b")
    literals = tuple((t, t not in names) for t in _fewest([*names, *whole]))
    return _Country(code, literals, pattern)


@cache
def _countries(capitals: bool) -> _Countries:
    table = tuple(_country(code, capitals) for code in COUNTRY_CODES)
    literals = sorted({literal for c in table for literal, _ in c.literals}, key=len, reverse=True)
    any_literal = re.compile("|".join(re.escape(literal) for literal in literals))
    return _Countries(table, {c.code: c for c in table}, any_literal)


def _names(country: _Country, text: str) -> bool:
    """Whether normalised ``text`` names ``country``. A literal's first occurrence, with
    the word boundaries the pattern asks for, is a match; the pattern is searched only
    when some literal occurs elsewhere (within a word: "Kabulov", "USA")."""
    occurs = False
    for literal, whole in country.literals:
        at = text.find(literal)
        if at < 0:
            continue
        if literal and bounded_at(text, at, literal, end=whole):
            return True
        occurs = True
    return occurs and country.pattern.search(text) is not None


_NONE: frozenset[str] = frozenset()


def countries_named(quote: str, *, capitals: bool = False) -> frozenset[str]:
    """Alpha-2 codes of the countries a quote names: by the reference packages' names, as
    the start of a word ("Russian", "Pakistan's"), by ISO alpha-2 or alpha-3 code as a whole
    upper-case word ("the US"), and with ``capitals`` also by capital ("Moscow")."""
    text = normalise(quote)
    table = _countries(capitals)
    if table.any_literal.search(text) is None:
        return _NONE
    return frozenset([c.code for c in table.countries if _names(c, text)])


def countries_named_unless(quote: str, code: str, *, capitals: bool = False) -> frozenset[str]:
    """:func:`countries_named`, or none when the quote names ``code``: most quotes that
    name a country name the one a record gives, and one country's search settles those."""
    text = normalise(quote)
    table = _countries(capitals)
    country = table.by_code.get(code)
    if (country is not None and _names(country, text)) or table.any_literal.search(text) is None:
        return _NONE
    return frozenset([c.code for c in table.countries if _names(c, text)])


_STATEMENT_WORDS = re.compile(
    r"\b(?:statement|press release|communiqu[eé]|announcement|released|issued|announced"
    r"|said|says|told|reported|quoted)\b",
    re.IGNORECASE,
)
_EVENT_WORDS = re.compile(
    r"\b(?:held|hold|holds|met|meet|meets|meeting|talks|called on|visited|visits|discussed"
    r"|took place|hosted|signed|conducted|concluded|round|session|consultations|agreed)\b",
    re.IGNORECASE,
)
_CLAUSE_BREAK = re.compile(r"[,;:()]|\s[–—-]\s")


def clause_at(quote: str, at: int) -> tuple[int, str]:
    """The clause of ``quote`` holding position ``at`` (between commas, semicolons, colons,
    parentheses or dashes), with its start."""
    start = 0
    for match in _CLAUSE_BREAK.finditer(quote):
        if match.start() >= at:
            return start, quote[start : match.start()]
        start = match.end()
    return start, quote[start:]


def of_statement(quote: str, at: int) -> bool:
    """Whether the word at ``at`` belongs to a clause reporting a statement rather than an
    event: the nearest verb or noun before it in its clause ("a statement ... released here
    on Thursday", "the ministry said on Tuesday") is a statement's, or, with none before
    it, the first after it is."""
    start, clause = clause_at(quote, at)
    offset = at - start
    marks = [(m.start(), "statement") for m in _STATEMENT_WORDS.finditer(clause)]
    marks += [(m.start(), "event") for m in _EVENT_WORDS.finditer(clause)]
    before = [m for m in marks if m[0] < offset]
    if before:
        return max(before)[1] == "statement"
    after = [m for m in marks if m[0] > offset]
    return bool(after) and min(after)[1] == "statement"


def word_positions(quote: str, word: str) -> list[int]:
    """Where ``word`` occurs in ``quote`` as a whole word, ignoring case."""
    return [m.start() for m in re.finditer(rf"\b{re.escape(word)}\b", quote, re.IGNORECASE)]


_PLACE_PHRASE = re.compile(r"\b(?:in|at|to)\s+(?P<name>[A-Z][a-z]+(?:[ -][A-Z][a-z]+)?)")


def cities_named(quote: str) -> frozenset[str]:
    """The gazetteer cities a quote places something in ("held in Moscow", "at Tarbela"),
    by name, capitalised as printed; a city word elsewhere ("Moscow and Islamabad agreed")
    does not count."""
    found: set[str] = set()
    for match in _PLACE_PHRASE.finditer(quote):
        name = match["name"]
        for candidate in (name, name.split()[0]):
            if cities(candidate):
                found.add(candidate)
                break
    return frozenset(found)


def countries_placed(quote: str, *, events_only: bool = False) -> frozenset[str]:
    """The countries a quote places something in: a country named after "in", "at" or "to"
    ("held in Russia"), or the country of a gazetteer city so named ("in Moscow"). With
    ``events_only``, not in a clause that reports a statement ("a statement issued in
    Moscow")."""
    found: set[str] = set()
    for match in re.finditer(r"\b(?:in|at|to)\s+(?P<rest>[A-Z][\w’'-]*(?: [A-Z][\w’'-]*)?)", quote):
        rest = match["rest"]
        if events_only and of_statement(quote, match.start("rest")):
            continue
        found.update(c for c in countries_named(rest, capitals=True) if rest.split()[0] != "the")
        for candidate in (rest, rest.split()[0]):
            if rows := cities(candidate):
                found.update(row.country for row in rows)
                break
    return frozenset(found)


_CAPITALISED = re.compile(r"\b[A-Z][a-z]+(?:[ -][A-Z][a-z]+)?")


def places_in(quote: str) -> frozenset[str]:
    """The countries of the places a quote names: :func:`countries_placed`, and the
    country of every gazetteer city it names anywhere ("Moscow hosted the talks")."""
    found = set(countries_placed(quote))
    for match in _CAPITALISED.finditer(quote):
        for candidate in (match.group(0), match.group(0).split()[0]):
            if rows := cities(candidate):
                found.update(row.country for row in rows)
                break
    return frozenset(found)
