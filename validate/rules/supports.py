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
- ``country``, ``location.country``: the quote names the country (by a
  name the reference packages give, as the start of a word, "Russian"; by
  its ISO code as a whole word, "the US"; or by its capital, "Moscow");
- ``members``, ``parties``, ``countries``, ``targets``: each quote names at
  least one of the countries listed, and together they name them all.

Comparisons ignore case and runs of whitespace. What it cannot check: that
the quote *means* the value (a status, a series, a role, a date — dates
have their own derivation rules — or a paraphrased subject), that a name
refers to this record rather than a namesake, or anything a rule derives
(derived fields are checked by their rules instead).
"""

import re
from collections.abc import Callable, Iterator

from pakru.dataset import Dataset
from pakru.schema import Evidence, Record
from pakru.validate.derive import derived_fields
from pakru.validate.derive.text import contains, countries_named
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
COUNTRY_LISTS = ("members", "parties", "countries", "targets")


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


def says_ordinal(quote: str, n: int) -> bool:
    """Whether a quote gives the number ``n``: "7th", "7" or "seventh"."""
    if re.search(rf"\b{n}(?:st|nd|rd|th)?\b", quote, re.IGNORECASE):
        return True
    return any(re.search(rf"\b{w}\b", quote, re.IGNORECASE) for w in ordinal_words(n))


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
    return _names((str(value), *getattr(record, "aliases", ())), quote)


def _aliases(record: Record, value: object, quote: str) -> str | None:
    return _names(tuple(getattr(record, "aliases", ())), quote)


def _city(record: Record, value: object, quote: str) -> str | None:
    if isinstance(value, str) and not contains(quote, value):
        return f"the quote does not name {value!r}"
    return None


def _venue(record: Record, value: object, quote: str) -> str | None:
    if isinstance(value, str) and not _venue_words(quote, value):
        return f"the quote does not name {value!r}"
    return None


def _country(record: Record, value: object, quote: str) -> str | None:
    if isinstance(value, str) and value not in countries_named(quote, capitals=True):
        return f"the quote does not name the country {value}"
    return None


def _countries(record: Record, value: object, quote: str) -> str | None:
    codes = {str(v) for v in value} if isinstance(value, tuple) else set()
    if codes and not codes & countries_named(quote, capitals=True):
        return f"the quote names none of {', '.join(sorted(codes))}"
    return None


_CHECKS: dict[str, Callable[[Record, object, str], str | None]] = {
    "ordinal": _ordinal,
    "name": _name,
    "aliases": _aliases,
    "location.city": _city,
    "location.venue": _venue,
    "country": _country,
    "location.country": _country,
    **dict.fromkeys(COUNTRY_LISTS, _countries),
}


def _checked(record: Record) -> Iterator[tuple[int, int, str, Evidence]]:
    derived = derived_fields(record)
    for index, item in enumerate(record.evidence):
        for position, field in enumerate(item.supports):
            if field not in derived:
                yield index, position, field, item


def _uncovered_lists(record: Record) -> Iterator[Hit]:
    for field in COUNTRY_LISTS:
        value = getattr(record, field, None)
        quotes = [e.quote for e in record.evidence if field in e.supports]
        if not isinstance(value, tuple) or not quotes:
            continue
        named = frozenset().union(*(countries_named(q, capitals=True) for q in quotes))
        if missing := sorted(set(value) - named):
            yield Hit(
                record.id, (field,), f"no quote supporting {field} names {', '.join(missing)}"
            )


@rule("evidence.supports-value")
def supports_value(dataset: Dataset, _: Context) -> Iterator[Hit]:
    """A quote named in ``supports`` says the value: ordinals, names, places, countries."""
    for record in dataset.records:
        for index, position, field, item in _checked(record):
            value = _value(record, field)
            check = _CHECKS.get(field)
            if check is not None and (problem := check(record, value, item.quote)) is not None:
                yield Hit(
                    record.id,
                    ("evidence", index, "supports", position),
                    f"{field} is {value!r}, but {problem}: {item.quote!r}",
                )
        yield from _uncovered_lists(record)
