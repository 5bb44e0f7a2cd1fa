"""What the place and country rules read in a report: datelines, "here", country names."""

import re
from functools import cache

from pakru.schema.reference import COUNTRY_CODES, countries
from pakru.schema.text import normalise

# The shipped texts start with a "date YYYY-MM-DD" header on the first line.
_HEADER = re.compile(r"^\s*date [0-9]{4}-[0-9]{2}-[0-9]{2}\s+")


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
        alternatives = "|".join(re.escape(f) for f in sorted(row.names, key=len, reverse=True))
        # A name may begin a longer word: "Russia" in "Russian", "Pakistan" in "Pakistan's";
        # a code or a capital only as a whole word ("the US", "Moscow", not "Kabulov").
        whole = [code, row.alpha3, *((row.capital,) if capitals else ())]
        words = "|".join(re.escape(w) for w in whole)
        out.append((code, re.compile(rf"\b(?:{alternatives})|\b(?:{words})\b")))
    return tuple(out)


def countries_named(quote: str, *, capitals: bool = False) -> frozenset[str]:
    """Alpha-2 codes of the countries a quote names: by the reference packages' names, as
    the start of a word ("Russian", "Pakistan's"), by ISO alpha-2 or alpha-3 code as a whole
    upper-case word ("the US"), and with ``capitals`` also by capital ("Moscow")."""
    text = normalise(quote)
    return frozenset(code for code, p in _country_patterns(capitals) if p.search(text))
