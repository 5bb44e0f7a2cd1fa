"""What the place and country rules read in a report: datelines, "here", country names."""

import re
from functools import cache

from pakru.schema.reference import COUNTRY_CODES, countries

_SPACE = re.compile(r"\s+")
# The shipped texts start with a "date YYYY-MM-DD" header on the first line.
_HEADER = re.compile(r"^\s*date [0-9]{4}-[0-9]{2}-[0-9]{2}\s+")


def normalise(text: str) -> str:
    """Whitespace runs collapsed to one space, as the evidence rules compare quotes."""
    return _SPACE.sub(" ", text).strip()


def contains(haystack: str, needle: str) -> bool:
    """Whether ``needle`` occurs in ``haystack``, ignoring case and whitespace runs."""
    return normalise(needle).casefold() in normalise(haystack).casefold()


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


@cache
def _country_patterns(capitals: bool) -> tuple[tuple[str, re.Pattern[str]], ...]:
    out = []
    for code in COUNTRY_CODES:
        row = countries()[code]
        forms = (*row.names, row.capital) if capitals else row.names
        alternatives = "|".join(re.escape(f) for f in sorted(forms, key=len, reverse=True))
        # A name may begin a longer word: "Russia" in "Russian", "Pakistan" in "Pakistan's".
        out.append((code, re.compile(rf"\b(?:{alternatives})")))
    return tuple(out)


def countries_named(quote: str, *, capitals: bool = False) -> frozenset[str]:
    """Alpha-2 codes of the countries a quote names (by the reference packages' names,
    as the start of a word: "Russian", "Pakistan's"; with ``capitals``, also by capital)."""
    text = normalise(quote)
    return frozenset(code for code, p in _country_patterns(capitals) if p.search(text))
