"""Evidence: quotes are verbatim, and every factual field is supported by one."""

from collections.abc import Iterator
from collections.abc import Set as AbstractSet
from functools import cache, lru_cache
from typing import NamedTuple

from pydantic import BaseModel

from pakru.dataset import Dataset
from pakru.schema import DateInterval, Record
from pakru.schema.introspect import fields, is_set, names_a_field
from pakru.schema.text import normalise
from pakru.validate.derive import derived_fields
from pakru.validate.registry import Context, Hit, rule
from pakru.validate.scopes import RECORD


def _matched_prefix(quote: str, text: str) -> str:
    """The longest start of ``quote`` found in ``text`` (binary search: prefixes nest)."""
    low, high = 0, len(quote)
    while low < high:
        middle = (low + high + 1) // 2
        if quote[:middle] in text:
            low = middle
        else:
            high = middle - 1
    return quote[:low]


MIN_LETTERS = 3
"""Fewest letters a quote must hold. A quote of spaces or punctuation occurs in every
text, so it would "support" anything; three letters admit ``Nov 2014``."""


def _meaningless(wanted: str) -> str | None:
    """Why a normalised quote cannot be evidence, or None when it can."""
    if not wanted:
        return "quote is empty once whitespace is normalised; quote the source's words"
    letters = 0
    for char in wanted:  # stops at the third letter: this runs for every quote
        letters += char.isalpha()
        if letters >= MIN_LETTERS:
            return None
    return (
        f"quote {wanted!r} has {letters} letter{'s' if letters != 1 else ''}; "
        f"evidence needs at least {MIN_LETTERS}"
    )


@rule("evidence.quote", scope=RECORD)
def quote(dataset: Dataset, context: Context) -> Iterator[Hit]:
    """Every quote (evidence and derivations) occurs verbatim in its source's text.

    A quote must also hold at least ``MIN_LETTERS`` (3) letters once its
    whitespace is normalised: an empty or punctuation-only quote occurs in
    every text and supports nothing.
    """
    # A normalised quote found in the text as it is is found in the normalised text
    # too: most are, and most texts need not be normalised at all.
    texts = dataset.texts
    normalised: dict[str, str] = {}  # source id → text with whitespace runs collapsed
    facts = context.index.facts
    for origin in context.provenance:
        for loc, item, wanted in facts(origin.record).quotes:
            if (problem := _meaningless(wanted)) is not None:
                yield Hit(origin.record.id, (*loc, "quote"), problem, origin)
                continue
            text = texts.get(item.source)
            if text is None or wanted in text:
                continue
            if (normal := normalised.get(item.source)) is None:
                normal = normalised[item.source] = normalise(text)
            text = normal
            if wanted in text:
                continue
            matched = _matched_prefix(wanted, text)
            hint = f"; the text matches only up to {matched!r}" if len(matched) > 3 else ""
            yield Hit(
                origin.record.id,
                (*loc, "quote"),
                f"quote not found in {item.source}: {wanted!r}{hint}",
                origin,
            )


@cache
def _needing_support(model: type[BaseModel]) -> tuple[str, ...]:
    """Names of the fields of ``model`` that a source must state (asked once per model)."""
    return tuple(spec.name for spec in fields(model) if spec.needs_support)


class _Named(NamedTuple):
    """What a record's evidence names, for a kind of record."""

    supported: frozenset[str]
    """Every name in the evidences' ``supports``."""
    unnamed: tuple[str, ...]
    """The kind's fields that need support and that ``supported`` does not name."""


@lru_cache(maxsize=4096)  # records of a kind list their supports alike: a few dozen per kind
def _named(model: type[BaseModel], supports: tuple[tuple[str, ...], ...]) -> _Named:
    """What evidences with these ``supports`` name in a record of ``model``."""
    supported = frozenset(name for names in supports for name in names)
    return _Named(supported, tuple(n for n in _needing_support(model) if n not in supported))


@cache
def _dotted(name: str, model: type[BaseModel]) -> tuple[tuple[str, str], ...]:
    """``(sub, "name.sub")`` for the fields of ``model``, held by ``name``, needing support."""
    return tuple((sub, f"{name}.{sub}") for sub in _needing_support(model))


def _factual_fields(record: Record, named: _Named) -> Iterator[str]:
    """Dotted names of the set fields that need support and that neither the evidence
    nor the field holding them names; sub-models are checked per field.

    A date interval with derivations is supported by their quotes. A field the
    evidence names is not read: most are.
    """
    for name in named.unnamed:
        value = getattr(record, name)
        if isinstance(value, DateInterval):
            if is_set(value) and not value.derivations:
                yield name
        elif isinstance(value, BaseModel):
            # a sub-model none of whose fields is set yields none of them: no is_set(value)
            for sub, dotted in _dotted(name, type(value)):
                if dotted not in named.supported and is_set(getattr(value, sub)):
                    yield dotted
        elif value not in (None, ()):
            yield name


def _covered(field: str, supported: AbstractSet[str]) -> bool:
    return field in supported or field.split(".", 1)[0] in supported


@rule("evidence.unsupported", scope=RECORD)
def unsupported(dataset: Dataset, context: Context) -> Iterator[Hit]:
    """Every factual field that is set is named in some evidence's ``supports``."""
    for origin in context.provenance:
        record = origin.record
        named = _named(type(record), tuple([e.supports for e in record.evidence]))
        if not named.unnamed:
            continue
        derived: frozenset[str] | None = None  # asked only when the evidence leaves a gap
        for field in _factual_fields(record, named):
            if derived is None:
                derived = derived_fields(record)
            if not _covered(field, derived):
                yield Hit(
                    record.id,
                    tuple(field.split(".")),
                    f"no evidence supports {field!r} (list it in an evidence's supports)",
                    origin,
                )


@rule("evidence.supports-unknown", scope=RECORD)
def supports_unknown(dataset: Dataset, context: Context) -> Iterator[Hit]:
    """Every name in an evidence's ``supports`` is a field of the record."""
    known: dict[type[Record], set[str]] = {}  # per kind, the names found to be fields
    for origin in context.provenance:
        kind = type(origin.record)
        fields_of = known.setdefault(kind, set())
        for index, item in enumerate(origin.record.evidence):
            if fields_of.issuperset(item.supports):
                continue
            for position, name in enumerate(item.supports):
                if names_a_field(kind, name):
                    fields_of.add(name)
                else:
                    yield Hit(
                        origin.record.id,
                        ("evidence", index, "supports", position),
                        f"{name!r} is not a field of a {origin.record.type}",
                        origin,
                    )
