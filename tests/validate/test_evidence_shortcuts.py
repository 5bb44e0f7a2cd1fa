"""The evidence rules' shortcuts answer as the plain scans they stand for.

``countries_named`` searches a country's pattern only when one of its
literals occurs, and accepts a literal bounded as the pattern asks without
searching; ``contains`` takes a needle found as it is; venue words are found
as spelled before a search; ``evidence.unsupported`` reads only the fields
the evidence does not name; ``evidence.supports-value`` asks
``derived_fields`` only of records that may derive a field it checks. Each
is compared here with the plain computation, on generated text and records
and on everything the shipped records quote.
"""

import json
import re
from collections.abc import Iterator
from functools import cache
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pydantic import BaseModel

import pakru
from pakru.schema import DateInterval, Record, record_adapter
from pakru.schema.introspect import is_set, quotes
from pakru.schema.reference import COUNTRY_CODES, countries
from pakru.schema.text import normalise
from pakru.validate.derive import derived_fields
from pakru.validate.derive.text import (
    bounded_at,
    contains,
    countries_named,
    countries_named_unless,
)
from pakru.validate.rules.evidence import (
    _factual_fields,
    _named,
    _needing_support,
)
from pakru.validate.rules.supports import _CHECKS, _venue_words, may_derive
from tests.properties import strategies as st_pakru

# -- the plain computations ---------------------------------------------------------


@cache
def _plain_patterns(capitals: bool) -> tuple[tuple[str, re.Pattern[str]], ...]:
    out = []
    for code in COUNTRY_CODES:
        row = countries()[code]
        names = "|".join(re.escape(f) for f in sorted(row.names, key=len, reverse=True))
        whole = [code, row.alpha3, *((row.capital,) if capitals else ())]
        words = "|".join(re.escape(w) for w in whole)
        out.append((code, re.compile(rf"\b(?:{names})|\b(?:{words})\b")))
    return tuple(out)


def plain_countries_named(quote: str, capitals: bool) -> frozenset[str]:
    """Every country's pattern searched in the normalised quote."""
    text = normalise(quote)
    return frozenset(code for code, p in _plain_patterns(capitals) if p.search(text))


def plain_contains(haystack: str, needle: str) -> bool:
    return normalise(needle).casefold() in normalise(haystack).casefold()


def plain_venue_words(quote: str, venue: str) -> bool:
    words = [w for w in re.findall(r"[\w’'-]+", venue) if len(w) >= 4]
    return all(re.search(rf"\b{re.escape(w)}\b", quote, re.IGNORECASE) for w in words)


def plain_factual_fields(record: Record) -> Iterator[str]:
    """evidence.unsupported's walk before it skipped named fields: every set factual field."""
    for name in _needing_support(type(record)):
        value = getattr(record, name)
        if not is_set(value):
            continue
        if isinstance(value, DateInterval) and value.derivations:
            continue
        if isinstance(value, BaseModel) and not isinstance(value, DateInterval):
            yield from (
                f"{name}.{sub}"
                for sub in _needing_support(type(value))
                if is_set(getattr(value, sub))
            )
        else:
            yield name


def _covered(field: str, supported: set[str]) -> bool:
    return field in supported or field.split(".", 1)[0] in supported


# -- text: what the shipped records quote, and generated text -----------------------


def _shipped_records() -> list[Record]:
    return list(pakru.load().records)


SHIPPED = _shipped_records()
SHIPPED_QUOTES = sorted({item.quote for r in SHIPPED for _, item in quotes(r)})


def _country_words() -> list[str]:
    words = []
    for code in COUNTRY_CODES:
        row = countries()[code]
        for w in (*row.names, code, row.alpha3, row.capital):
            words += [w, w.lower(), w.upper(), w[:-1], w + "n", w + "’s", "x" + w, w + "_"]
    return words


PIECES = [
    *_country_words(),
    *[" ", "  ", "\n", "\t", "-", "'", "’", "_", ".", "(", "1", "é", "ſ", "K", "İ", "ß", "Σ"],
    *["Foreign", "foreign", "Office", "OFFICE", "Ministry", "al-Quds", "Kremlin’s", "Straße"],
]
pieces_text = st.lists(st.one_of(st.sampled_from(PIECES), st.text(max_size=3)), max_size=12).map(
    "".join
)


@pytest.mark.parametrize("capitals", [False, True])
def test_countries_named_on_every_shipped_quote(capitals: bool) -> None:
    for quote in SHIPPED_QUOTES:
        assert countries_named(quote, capitals=capitals) == plain_countries_named(
            quote, capitals
        ), quote


@given(pieces_text, st.booleans())
def test_countries_named_on_generated_text(quote: str, capitals: bool) -> None:
    assert countries_named(quote, capitals=capitals) == plain_countries_named(quote, capitals)


@given(pieces_text, st.sampled_from([*COUNTRY_CODES, "ZZ", ""]), st.booleans())
def test_countries_named_unless(quote: str, code: str, capitals: bool) -> None:
    named = plain_countries_named(quote, capitals)
    expected = frozenset() if code in named else named
    assert countries_named_unless(quote, code, capitals=capitals) == expected


@given(pieces_text, st.sampled_from(PIECES), st.booleans())
def test_bounded_at_is_a_regex_match_there(text: str, word: str, end: bool) -> None:
    pattern = re.compile(rf"\b{re.escape(word)}" + (r"\b" if end else ""))
    at = text.find(word)
    if at >= 0 and word:
        found = pattern.search(text, at)
        assert bounded_at(text, at, word, end=end) == (found is not None and found.start() == at)


@given(pieces_text, st.one_of(st.sampled_from(PIECES), pieces_text))
def test_contains(haystack: str, needle: str) -> None:
    assert contains(haystack, needle) == plain_contains(haystack, needle)


def test_contains_on_shipped_quotes() -> None:
    for record in SHIPPED:
        for _, item in quotes(record):
            for form in (getattr(record, "name", None), *getattr(record, "aliases", ())):
                if isinstance(form, str):
                    assert contains(item.quote, form) == plain_contains(item.quote, form)


@given(pieces_text, st.one_of(st.sampled_from(PIECES), pieces_text))
def test_venue_words(quote: str, venue: str) -> None:
    assert _venue_words(quote, venue) == plain_venue_words(quote, venue)


def test_venue_words_on_shipped_quotes() -> None:
    venues = {r.location.venue for r in SHIPPED if getattr(r, "location", None)} - {None}
    for record in SHIPPED:
        for item in record.evidence:
            for venue in sorted(venues):
                assert _venue_words(item.quote, venue) == plain_venue_words(item.quote, venue)


# -- records: the fields evidence.unsupported reads, the records supports-value asks --


def _model(data: dict[str, Any]) -> Record:
    return record_adapter.validate_json(json.dumps(data))  # type: ignore[no-any-return]


def _unsupported_fields(record: Record) -> list[str]:
    named = _named(type(record), tuple(e.supports for e in record.evidence))
    return list(_factual_fields(record, named))


def _plain_unsupported_fields(record: Record) -> list[str]:
    supported = {name for e in record.evidence for name in e.supports}
    return [f for f in plain_factual_fields(record) if not _covered(f, supported)]


def _less_supports(record: Record) -> Iterator[Record]:
    """The record, and the record with each one name dropped from its evidence's supports."""
    yield record
    for index, item in enumerate(record.evidence):
        for position in range(len(item.supports)):
            supports = item.supports[:position] + item.supports[position + 1 :]
            evidence = list(record.evidence)
            evidence[index] = item.model_copy(update={"supports": supports})
            yield record.model_copy(update={"evidence": tuple(evidence)})


def test_unsupported_reads_as_the_plain_walk_on_shipped_records() -> None:
    for record in SHIPPED:
        for edited in _less_supports(record):
            assert _unsupported_fields(edited) == _plain_unsupported_fields(edited)


def _gate_holds(record: Record) -> bool:
    """A record that may_derive() lets pass derives none of the fields supports-value checks."""
    return may_derive(record) or not (derived_fields(record) & _CHECKS.keys())


def test_derivation_gate_on_shipped_records() -> None:
    assert all(_gate_holds(r) for r in SHIPPED)
    assert any(may_derive(r) for r in SHIPPED)  # the gate is not always shut


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st_pakru.records())
def test_generated_records(data: dict[str, Any]) -> None:
    """Both on records exercising every field the models allow (slow to generate: one test)."""
    record = _model(data)
    assert _unsupported_fields(record) == _plain_unsupported_fields(record)
    assert _gate_holds(record)


whitespace_text = st.lists(
    st.one_of(
        st.sampled_from([" ", "  ", "\n", "\t", "\u00a0", "\x1c", "a", "b", "ab"]),
        st.text(max_size=2),
    ),
    max_size=14,
).map("".join)


@given(whitespace_text, st.integers(0, 14), st.integers(0, 14))
def test_a_quote_found_as_it_is_is_found_normalised(text: str, start: int, length: int) -> None:
    """evidence.quote looks in the text as it is first: a normalised quote found there is
    found in the normalised text (the converse fails across line breaks)."""
    for wanted in (normalise(text[start : start + length]), "a b", "ab b"):
        if wanted in text:
            assert wanted in normalise(text)
