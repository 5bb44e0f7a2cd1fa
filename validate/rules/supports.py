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
- ``country`` (a person's or body's): the quote states this country as
  someone's by the nationality rule (:mod:`pakru.validate.derive.affiliation`):
  a country word right before a title, a side or a body ("Russian Deputy
  Foreign Minister", "led the Pakistan side", "the Pakistan Foreign Office"),
  or after a title and "of" ("Deputy Foreign Minister of the Russian
  Federation"). "Russia" elsewhere in the sentence ("Pakistan and Russia held
  talks, Ryabkov said") or a capital supports no country: leave it null, or
  quote the words that state it. A quote that names no country at all ("led
  the delegation") is not checked: reports often leave the country to the
  context.
- ``location.country``: the quote names a place in this country: a
  gazetteer city ("Moscow hosted", "in Rawalpindi") or the country after
  "in", "at" or "to" ("held in Russia"). The word "Russia" or "Russian"
  elsewhere in the sentence ("Pakistan and Russia held talks") is not a
  place; a country given by a rule (``gazetteer-city``) needs no quote.

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
from functools import cache, lru_cache
from operator import attrgetter
from typing import NamedTuple

from pydantic import BaseModel

from pakru.dataset import Dataset
from pakru.schema import Record
from pakru.schema.introspect import FieldSpec, fields
from pakru.validate.derive import derived_fields
from pakru.validate.derive.affiliation import affiliations, stated
from pakru.validate.derive.text import bounded_at, contains, countries_named, places_in
from pakru.validate.index import field_or
from pakru.validate.registry import Context, Hit, rule
from pakru.validate.scopes import RECORD

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


@lru_cache(maxsize=512)  # venues repeat: a series meets in a few places (re caches 512 too)
def _venue_patterns(venue: str) -> tuple[tuple[str, re.Pattern[str]], ...]:
    words = [w for w in re.findall(r"[\w’'-]+", venue) if len(w) >= 4]
    return tuple((w, re.compile(rf"\b{re.escape(w)}\b", re.IGNORECASE)) for w in words)


def _venue_words(quote: str, venue: str) -> bool:
    """Whether every word of four letters or more of the venue occurs in the quote: a
    venue is often named from the quote's words ("his office" of the National Security
    Adviser: "office of the National Security Adviser").

    A word's first occurrence as spelled, bounded as ``\\b`` asks, is found without
    the search (the quote's words are mostly the venue's as spelled)."""
    for word, pattern in _venue_patterns(venue):
        at = quote.find(word)
        if not (at >= 0 and bounded_at(quote, at, word)) and pattern.search(quote) is None:
            return False
    return True


def _value(record: Record, field: str) -> object:
    try:  # one C call for "location.city"; a part missing or None takes the long way
        return _GETTERS[field](record)
    except AttributeError:
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
    if isinstance(value, str) and value in quote:  # found as it is: no aliases to ask
        return None
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
    if not isinstance(value, str) or stated(quote, value):
        return None
    how = (
        "a country is stated by a country word before a title, side or body ('Russian Deputy "
        "Foreign Minister', 'the Pakistan side') or after a title and 'of' ('Minister of the "
        "Russian Federation'): the nationality rule"
    )
    if others := affiliations(quote):
        return f"the quote states {', '.join(sorted(others))}, not {value}, as someone's country"
    if named := countries_named(quote):
        return (
            f"the quote names {', '.join(sorted(named))} but as no one's country ({how}; "
            "a country word elsewhere in the sentence is not)"
        )
    return None  # no country word at all ("led the delegation"): left to the context


def _place_country(record: Record, value: object, quote: str) -> str | None:
    if not isinstance(value, str) or value in (placed := places_in(quote)):
        return None
    if placed:
        return f"the quote places it in {', '.join(sorted(placed))}, not {value}"
    return (
        f"the quote names no place in {value} (a country word elsewhere in the sentence "
        "is not where the meeting was; quote the place, or derive the country from the city)"
    )


Check = Callable[[Record, object, str], str | None]
"""A check of one field: the record, the field's value and the quote; the problem or None."""

_CHECKS: dict[str, Check] = {
    "ordinal": _ordinal,
    "name": _name,
    "aliases": _aliases,
    "location.city": _city,
    "location.venue": _venue,
    "country": _country,
    "location.country": _place_country,
}
_NONE: frozenset[str] = frozenset()
_GETTERS = {field: attrgetter(field) for field in _CHECKS}


def _holds_plain_model(spec: FieldSpec) -> bool:
    """Whether the field holds a model that is no date interval, evidence or sub-record."""
    return spec.model is not None and not (spec.dated or spec.sub_record or spec.is_evidence)


@cache
def _derivation_paths(model: type[BaseModel]) -> tuple[tuple[str, ...], ...]:
    """Paths to the fields that may hold derivations giving a field of ``model``: its
    lists of derivations, and those of a model a field holds (a location's). Not a date
    interval's: they give the interval, which this rule does not check; nor a
    sub-record's: they give its own fields. A field holding a list of models (none
    does) ends its path: any item counts."""
    out: list[tuple[str, ...]] = []
    for spec in fields(model):
        if spec.is_derivation:
            out.append((spec.name,))
        elif _holds_plain_model(spec) and spec.model is not None:
            inner = _derivation_paths(spec.model)
            if spec.many and inner:
                out.append((spec.name,))
            elif not spec.many:
                out.extend((spec.name, *path) for path in inner)
    return tuple(out)


def may_derive(record: BaseModel) -> bool:
    """Whether some derivation in ``record`` may give a field this rule checks: when not,
    :func:`~pakru.validate.derive.derived_fields` need not be asked (most records hold
    only dates' derivations)."""
    for path in _derivation_paths(type(record)):
        value: object = record
        for name in path:
            value = getattr(value, name)
            if value is None:
                break
        if value:
            return True
    return False


class _Check(NamedTuple):
    """A field named in an evidence's ``supports`` that this rule checks."""

    position: int
    field: str
    check: Check


@lru_cache(maxsize=1024)  # supports lists repeat: a corpus has a few dozen distinct ones
def _plan(supports: tuple[str, ...]) -> tuple[_Check, ...]:
    """The fields in ``supports`` this rule checks."""
    return tuple(
        _Check(position, field, _CHECKS[field])
        for position, field in enumerate(supports)
        if field in _CHECKS
    )


def _derived(record: Record) -> frozenset[str]:
    return derived_fields(record) if may_derive(record) else _NONE


@rule("evidence.supports-value", scope=RECORD)
def supports_value(dataset: Dataset, _: Context) -> Iterator[Hit]:
    """A quote named in ``supports`` says the value: ordinals, names, places, countries."""
    for record in dataset.records:
        derived: frozenset[str] | None = None  # asked only when a checked field is named
        for index, item in enumerate(record.evidence):
            for position, field, check in _plan(item.supports):
                if derived is None:
                    derived = _derived(record)
                if field in derived:
                    continue
                value = _value(record, field)
                if (problem := check(record, value, item.quote)) is not None:
                    yield Hit(
                        record.id,
                        ("evidence", index, "supports", position),
                        f"{field} is {value!r}, but {problem}: {item.quote!r}",
                    )
