"""Every quote in the shipped records occurs verbatim in its source's text.

The check is written out here rather than borrowed from the validator, so
the data is tested independently of the rule that will enforce the same
thing: runs of whitespace are collapsed, nothing else is normalised.
"""

import re
from collections.abc import Iterator

import pytest
from pydantic import BaseModel

import pakru

DS = pakru.load()


def _norm(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def _quotes(value: object, where: str) -> Iterator[tuple[str, str, str]]:
    if isinstance(value, BaseModel):
        source, quote = getattr(value, "source", None), getattr(value, "quote", None)
        if isinstance(source, str) and isinstance(quote, str):
            yield where, source, quote
        for name in type(value).model_fields:
            yield from _quotes(getattr(value, name), f"{where}.{name}")
    elif isinstance(value, tuple):
        for i, item in enumerate(value):
            yield from _quotes(item, f"{where}[{i}]")


QUOTES = [q for record in DS.records for q in _quotes(record, record.id)]


def test_there_are_many_quotes() -> None:
    assert len(QUOTES) > 150


@pytest.mark.parametrize(("where", "source", "quote"), QUOTES, ids=[q[0] for q in QUOTES])
def test_quote_is_verbatim(where: str, source: str, quote: str) -> None:
    text = DS.text(source)
    assert text is not None, f"{where}: source {source} has no text"
    assert _norm(quote) in _norm(text), f"{where}: not in {source}: {quote!r}"


def test_typographic_quotes_are_not_normalised() -> None:
    # The 000 report prints “grave concern” with curly quotes; straight ones must not match.
    text = _norm(DS.text("src-9a68526d") or "")
    assert "“grave concern”" in text
    assert '"grave concern"' not in text
