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
from functools import cache, lru_cache

from pydantic import BaseModel

from pakru.dataset import Dataset
from pakru.schema import Evidence, Record
from pakru.schema.introspect import FieldSpec, fields
from pakru.validate.derive import derived_fields
from pakru.validate.derive.text import contains, countries_named, names_country
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


@lru_cache(maxsize=4096)  # venues repeat: a meeting series meets in a few places
def _venue_patterns(venue: str) -> tuple[tuple[str, re.Pattern[str]], ...]:
    words = [w for w in re.findall(r"[\w’'-]+", venue) if len(w) >= 4]
    return tuple((w, re.compile(rf"\b{re.escape(w)}\b", re.IGNORECASE)) for w in words)


def _word_char(char: str) -> bool:
    """Whether ``\\w`` matches ``char`` (in a ``str`` pattern: ``\\b`` is where this changes)."""
    return char.isalnum() or char == "_"


def _has_word(quote: str, word: str, pattern: re.Pattern[str]) -> bool:
    """``pattern.search(quote)``, ``pattern`` being ``\\bword\\b`` ignoring case. The first
    occurrence of ``word`` as spelled, bounded as ``\\b`` asks, is a match found without
    the search (a venue's words are mostly quoted as spelled)."""
    at = quote.find(word)
    if at >= 0:
        end = at + len(word)
        before = at > 0 and _word_char(quote[at - 1])
        after = end < len(quote) and _word_char(quote[end])
        if before != _word_char(word[0]) and after != _word_char(word[-1]):
            return True
    return pattern.search(quote) is not None


def _venue_words(quote: str, venue: str) -> bool:
    """Whether every word of four letters or more of the venue occurs in the quote: a
    venue is often named from the quote's words ("his office" of the National Security
    Adviser: "office of the National Security Adviser")."""
    return all(_has_word(quote, word, pattern) for word, pattern in _venue_patterns(venue))


def _value(record: Record, field: str) -> object:
    value: object = record
    for part in _PARTS[field]:
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
    # most quotes name the value's country: one country's search settles those
    if not isinstance(value, str) or names_country(quote, value, capitals=True):
        return None
    if named := countries_named(quote, capitals=True):
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
_NONE: frozenset[str] = frozenset()
_PARTS = {field: tuple(field.split(".")) for field in _CHECKS}
"""Each checked field's dotted name, split once."""


def _holds_plain_model(spec: FieldSpec) -> bool:
    """Whether the field holds a model that is no date interval, evidence or sub-record."""
    return spec.model is not None and not (spec.dated or spec.sub_record or spec.is_evidence)


@cache
def _derivation_fields(model: type[BaseModel]) -> tuple[tuple[str, bool], ...]:
    """``(field, whether it is a list of derivations)`` for the fields of ``model`` that
    hold derivations giving its own fields: its lists of derivations, and the fields
    holding a model that has some (a location). Not a date interval's: they give the
    interval, a field this rule does not check; nor a sub-record's: they give its fields."""
    out = []
    for spec in fields(model):
        if spec.is_derivation:
            out.append((spec.name, True))
        elif _holds_plain_model(spec) and _derivation_fields(spec.model):
            out.append((spec.name, False))
    return tuple(out)


def may_derive(model: BaseModel) -> bool:
    """Whether some derivation in ``model`` may give a field this rule checks: when not,
    :func:`~pakru.validate.derive.derived_fields` need not be asked (most records hold
    only dates' derivations)."""
    for name, is_list in _derivation_fields(type(model)):
        value = getattr(model, name)
        if is_list or value is None:
            if value:
                return True
        elif isinstance(value, tuple):
            if any(may_derive(item) for item in value):
                return True
        elif may_derive(value):
            return True
    return False


@lru_cache(maxsize=1024)  # supports lists repeat: a corpus has a few dozen distinct ones
def _plan(supports: tuple[str, ...]) -> tuple[tuple[int, str], ...]:
    """``(position, field)`` of the fields in ``supports`` this rule checks."""
    return tuple((position, field) for position, field in enumerate(supports) if field in _CHECKS)


def _checked(record: Record) -> Iterator[tuple[int, int, str, Evidence]]:
    """The supported fields this rule can check, with their evidence, not derived ones."""
    derived: frozenset[str] | None = None  # asked only when a checked field is named
    for index, item in enumerate(record.evidence):
        for position, field in _plan(item.supports):
            if derived is None:
                derived = derived_fields(record) if may_derive(record) else _NONE
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
