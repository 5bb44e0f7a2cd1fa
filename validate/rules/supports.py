"""Evidence supports its value: a quote named in ``supports`` says what the field holds.

``evidence.unsupported`` checks that every factual field is named by some
quote; this rule checks that the quote fits the value, for the fields whose
value can be found in a quote by spelling alone:

- ``ordinal``: the quote has the number as "7th" / "7" or as a word
  ("seventh");
- ``name``: the quote contains the record's name or one of its aliases;
  ``aliases``: one of the aliases;
- ``location.city``: the quote contains the city (a city given by a
  ``dateline-*`` rule needs no quote); ``location.venue``: the quote has
  every word of four letters or more of the venue;
- ``country``, ``location.country``: a quote that names countries names
  this one. Countries are named by a name the reference packages give, as
  the start of a word ("Russian"), by ISO code or capital as a whole word
  ("the US", "Moscow"). A quote that names no country ("led the delegation")
  is not checked: reports often leave the country to the context.

Comparisons ignore case and runs of whitespace. Lists of countries
(``members``, ``parties``, ``countries``, ``targets``) are not checked: a
quote supporting them names the parties as "both sides" as often as by name,
and names third countries as subjects ("on the situation in Afghanistan").
What it cannot check: that
the quote *means* the value (a status, a series, a role, a date — dates
have their own derivation rules — or a paraphrased subject), that a name
refers to this record rather than a namesake, or anything a rule derives
(derived fields are checked by their rules instead).
"""

import re
from collections.abc import Callable, Iterator
from functools import lru_cache

from pakru.dataset import Dataset
from pakru.schema import Evidence, Record
from pakru.validate.derive import derived_fields
from pakru.validate.derive.text import contains, countries_named
from pakru.validate.facts import field_or
from pakru.validate.registry import Context, Hit, rule

_UNITS = (
    "",
    "first",
    "second",
    "third",
    "fourth",
    "fifth",
    "sixth",
    "seventh",
    "eighth",
    "ninth",
    "tenth",
    "eleventh",
    "twelfth",
    "thirteenth",
    "fourteenth",
    "fifteenth",
    "sixteenth",
    "seventeenth",
    "eighteenth",
    "nineteenth",
)
_TENS = ("", "", "twent", "thirt", "fort", "fift", "sixt", "sevent", "eight", "ninet")


def ordinal_words(n: int) -> tuple[str, ...]:
    """English spellings of the ordinal ``n`` (1-99): "seventh", "twenty-first"."""
    if n < len(_UNITS):
        return (_UNITS[n],)
    tens, unit = divmod(n, 10)
    if n >= 100:
        return ()
    if unit == 0:
        return (f"{_TENS[tens]}ieth",)
    base = f"{_TENS[tens]}y"
    return (f"{base}-{_UNITS[unit]}", f"{base} {_UNITS[unit]}")


@lru_cache(maxsize=256)  # one pattern per ordinal: meetings of a series number 1, 2, 3...
def _ordinal_pattern(n: int) -> re.Pattern[str]:
    spellings = [rf"\b{n}(?:st|nd|rd|th)?\b", *(rf"\b{w}\b" for w in ordinal_words(n))]
    return re.compile("|".join(spellings), re.IGNORECASE)


def says_ordinal(quote: str, n: int) -> bool:
    """Whether a quote gives the number ``n``: "7th", "7" or "seventh"."""
    return _ordinal_pattern(n).search(quote) is not None


def _venue_words(quote: str, venue: str) -> bool:
    """Whether every word of four letters or more of the venue occurs in the quote: a
    venue is often named from the quote's words ("his office" of the National Security
    Adviser: "office of the National Security Adviser")."""
    words = [w for w in re.findall(r"[\w’'-]+", venue) if len(w) >= 4]
    return all(re.search(rf"\b{re.escape(w)}\b", quote, re.IGNORECASE) for w in words)


def _value(record: Record, field: str) -> object:
    value: object = record
    for part in field.split("."):
        value = getattr(value, part, None)
    return value


def _ordinal(record: Record, value: object, quote: str) -> str | None:
    if isinstance(value, int) and not says_ordinal(quote, value):
        return f"the quote does not give the number {value}"
    return None


def _names(forms: tuple[str, ...], quote: str) -> str | None:
    if forms and not any(contains(quote, f) for f in forms):
        return f"the quote names none of {', '.join(repr(f) for f in forms)}"
    return None


def _name(record: Record, value: object, quote: str) -> str | None:
    return _names((str(value), *field_or(record, "aliases", ())), quote)


def _aliases(record: Record, value: object, quote: str) -> str | None:
    return _names(tuple(field_or(record, "aliases", ())), quote)


def _city(record: Record, value: object, quote: str) -> str | None:
    if isinstance(value, str) and not contains(quote, value):
        return f"the quote does not name {value!r}"
    return None


def _venue(record: Record, value: object, quote: str) -> str | None:
    if isinstance(value, str) and not _venue_words(quote, value):
        return f"the quote does not name {value!r}"
    return None


def _country(record: Record, value: object, quote: str) -> str | None:
    named = countries_named(quote, capitals=True)
    if isinstance(value, str) and named and value not in named:
        return f"the quote names {', '.join(sorted(named))}, not {value}"
    return None


_CHECKS: dict[str, Callable[[Record, object, str], str | None]] = {
    "ordinal": _ordinal,
    "name": _name,
    "aliases": _aliases,
    "location.city": _city,
    "location.venue": _venue,
    "country": _country,
    "location.country": _country,
}


def _checked(record: Record) -> Iterator[tuple[int, int, str, Evidence]]:
    """The supported fields this rule can check, with their evidence, not derived ones."""
    derived: frozenset[str] | None = None  # asked only when a checked field is named
    for index, item in enumerate(record.evidence):
        for position, field in enumerate(item.supports):
            if field not in _CHECKS:
                continue
            if derived is None:
                derived = derived_fields(record)
            if field not in derived:
                yield index, position, field, item


@rule("evidence.supports-value")
def supports_value(dataset: Dataset, _: Context) -> Iterator[Hit]:
    """A quote named in ``supports`` says the value: ordinals, names, places, countries."""
    for record in dataset.records:
        for index, position, field, item in _checked(record):
            value = _value(record, field)
            if (problem := _CHECKS[field](record, value, item.quote)) is not None:
                yield Hit(
                    record.id,
                    ("evidence", index, "supports", position),
                    f"{field} is {value!r}, but {problem}: {item.quote!r}",
                )
