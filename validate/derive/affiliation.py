"""A person's or body's country, as a quote states it: the ``nationality`` rule.

News style states whose a person or a body is by a country word bound to a
title, a side or a body, not by the country's name anywhere in the sentence.
A country form (a name the reference packages give, as the start of a word:
"Russia", "Russian", "Pakistan's", "Pakistani"; or its ISO code as a whole
word: "US") *states an affiliation* when, in the same sentence:

- it stands right before a capitalised word (a title, a body's or a person's
  name: "Russian Deputy Foreign Minister", "the Pakistan Foreign Office",
  "Russia's Security Council") or before one of :data:`AFFILIATION_NOUNS`
  ("the Russian delegation", "led the Pakistan side", "Pakistani officials");
- or it follows "of" or "of the" after a title ("Deputy Foreign Minister of
  the Russian Federation", "foreign ministers of Pakistan and Russia"), one
  country or two joined by "and".

Anything else is the country named, not stated as someone's: "Pakistan and
Russia held talks", "the Pakistan-Russia Joint Working Group" (joined by a
hyphen), "talks with Russia", "held in Russia", "the territory of
Pakistan". The rule does not tell whose affiliation it is when a sentence
states two ("Pakistan's Foreign Minister met his Russian counterpart"): each
country stated may support the country of a person or body the quote is about.
"""

import re
from functools import cache

from pakru.schema.reference import COUNTRY_CODES, countries
from pakru.schema.text import normalise
from pakru.validate.derive.text import countries_named

AFFILIATION_NOUNS = frozenset(
    {
        "ambassador",
        "ambassadors",
        "armed",
        "army",
        "chief",
        "commander",
        "consul",
        "council",
        "counterpart",
        "counterparts",
        "defence",
        "defense",
        "delegation",
        "delegations",
        "deputy",
        "diplomat",
        "diplomats",
        "embassy",
        "envoy",
        "envoys",
        "foreign",
        "government",
        "interior",
        "military",
        "minister",
        "ministers",
        "ministry",
        "navy",
        "office",
        "official",
        "officials",
        "president",
        "prime",
        "representative",
        "representatives",
        "secretary",
        "security",
        "side",
        "special",
        "spokesman",
        "spokesperson",
        "team",
    }
)
"""Lower-case words that, after a country word, make it a side's, an office's or a
title's ("the Russian side", "Pakistani officials", "the Russian foreign minister")."""

_TITLE_BEFORE_OF = re.compile(
    r"(?:\b[A-Z][\w-]*|\b(?:" + "|".join(sorted(AFFILIATION_NOUNS)) + r"))"
    r"\s+of(?:\s+the)?\s+$"
)
"""A title, then "of" or "of the", ending the text before a country word."""
_FIRST_OF_TWO = re.compile(r"\s+and\s+(?:the\s+)?$")
_WORD_REST = re.compile(r"[\w]*(?:['’]s)?")
_NEXT_WORD = re.compile(r"\s+(?P<word>[A-Za-z][\w-]*)")


@cache
def _country_forms(code: str) -> re.Pattern[str]:
    """A country's forms: its names as the start of a word, its codes as whole words."""
    row = countries()[code]
    names = "|".join(re.escape(n) for n in sorted(row.names, key=len, reverse=True))
    codes = "|".join(re.escape(c) for c in (code, row.alpha3))
    return re.compile(rf"\b(?:{names})|\b(?:{codes})\b")


def _bound_after(text: str, end: int) -> bool:
    """Whether the word after ``end`` makes the country word before it an affiliation."""
    following = _NEXT_WORD.match(text, end)
    if following is None:
        return False
    word = following["word"]
    return word[0].isupper() or word.lower() in AFFILIATION_NOUNS


def _bound_before(text: str, start: int) -> bool:
    """Whether a title and "of" come before ``start``, directly or before a first country
    joined by "and" ("ministers of Pakistan and Russia")."""
    before = text[:start]
    if _TITLE_BEFORE_OF.search(before):
        return True
    if joined := _FIRST_OF_TWO.search(before):
        first = before[: joined.start()]
        for code in COUNTRY_CODES:
            for match in _country_forms(code).finditer(first):
                rest = _WORD_REST.match(first, match.end())
                if rest is not None and rest.end() == len(first):
                    return bool(_TITLE_BEFORE_OF.search(first[: match.start()]))
    return False


def stated(quote: str, code: str) -> bool:
    """Whether ``quote`` states ``code`` as someone's country (see the module)."""
    text = normalise(quote)
    for match in _country_forms(code).finditer(text):
        rest = _WORD_REST.match(text, match.end())
        end = match.end() if rest is None else rest.end()
        if text[match.start() - 1 : match.start()] == "-" or text[end : end + 1] == "-":
            continue  # "Pakistan-Russia talks": the pair's, no one's country
        if _bound_after(text, end) or _bound_before(text, match.start()):
            return True
    return False


def affiliations(quote: str) -> frozenset[str]:
    """The countries ``quote`` states as someone's (alpha-2 codes)."""
    return frozenset(code for code in countries_named(quote) if stated(quote, code))


__all__ = ["AFFILIATION_NOUNS", "affiliations", "stated"]
