"""Evidence: quotes are verbatim, and every factual field is supported by one."""

import re
from collections.abc import Iterator
from functools import lru_cache

from pydantic import BaseModel

from pakru.dataset import Dataset
from pakru.schema import DateInterval, Derivation, Evidence, Record
from pakru.validate.models import submodel
from pakru.validate.parse import Loc
from pakru.validate.registry import Context, Hit, rule
from pakru.validate.walk import find

_SPACE = re.compile(r"\s+")

EXEMPT = frozenset(
    {
        "type",
        "id",
        "evidence",
        "note",
        "title",
        "kind",
        "file",
        "same_as",
        "agreements",
        "participants",
        "titles",
        "topics",
        "outcomes",
        "sides",
        "subject",
    }
)
"""Fields that need no ``supports``: identity, editorial text and classification,
links, and sub-records that carry their own evidence. A conflict's ``subject``
is editorial; an agreement's ``subject`` is not (see ``_exempt``)."""


def normalise(text: str) -> str:
    """Collapse every run of whitespace to one space, so line breaks do not matter."""
    return _SPACE.sub(" ", text).strip()


@lru_cache(maxsize=4)
def _texts(dataset: Dataset) -> dict[str, str]:
    return {source_id: normalise(text) for source_id, text in dataset.texts.items()}


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
    letters = sum(c.isalpha() for c in wanted)
    if letters < MIN_LETTERS:
        return (
            f"quote {wanted!r} has {letters} letter{'s' if letters != 1 else ''}; "
            f"evidence needs at least {MIN_LETTERS}"
        )
    return None


@rule("evidence.quote")
def quote(dataset: Dataset, _: Context) -> Iterator[Hit]:
    """Every quote (evidence and date derivations) occurs verbatim in its source's text.

    A quote must also hold at least ``MIN_LETTERS`` (3) letters once its
    whitespace is normalised: an empty or punctuation-only quote occurs in
    every text and supports nothing.
    """
    texts = _texts(dataset)
    for entry in dataset.entries:
        quoted: list[tuple[Loc, Evidence | Derivation]] = [
            *find(entry.record, Evidence),
            *find(entry.record, Derivation),
        ]
        for loc, item in quoted:
            text = texts.get(item.source)
            wanted = normalise(item.quote)
            if (problem := _meaningless(wanted)) is not None:
                yield Hit(entry.record.id, (*loc, "quote"), problem, entry)
                continue
            if text is None or wanted in text:
                continue
            matched = _matched_prefix(wanted, text)
            hint = f"; the text matches only up to {matched!r}" if len(matched) > 3 else ""
            yield Hit(
                entry.record.id,
                (*loc, "quote"),
                f"quote not found in {item.source}: {wanted!r}{hint}",
                entry,
            )


def _is_set(value: object) -> bool:
    if isinstance(value, DateInterval):
        return value.earliest is not None or value.latest is not None
    if isinstance(value, BaseModel):
        return any(_is_set(getattr(value, n)) for n in type(value).model_fields)
    return value not in (None, ())


def _exempt(record: Record, name: str) -> bool:
    if name == "subject":
        return record.type == "conflict"
    if name == "date":
        date = getattr(record, "date", None)
        return isinstance(date, DateInterval) and bool(date.derivations)
    return name in EXEMPT


def _factual_fields(record: Record) -> Iterator[str]:
    """Dotted names of the set fields that need support; sub-models are checked per field."""
    for name in type(record).model_fields:
        value = getattr(record, name)
        if _exempt(record, name) or not _is_set(value):
            continue
        if isinstance(value, BaseModel) and not isinstance(value, DateInterval):
            yield from (
                f"{name}.{sub}" for sub in type(value).model_fields if _is_set(getattr(value, sub))
            )
        else:
            yield name


def _covered(field: str, supported: set[str]) -> bool:
    return field in supported or field.split(".", 1)[0] in supported


@rule("evidence.unsupported")
def unsupported(dataset: Dataset, _: Context) -> Iterator[Hit]:
    """Every factual field that is set is named in some evidence's ``supports``."""
    for entry in dataset.entries:
        record = entry.record
        supported = {name for e in record.evidence for name in e.supports}
        for field in _factual_fields(record):
            if not _covered(field, supported):
                yield Hit(
                    record.id,
                    tuple(field.split(".")),
                    f"no evidence supports {field!r} (list it in an evidence's supports)",
                    entry,
                )


def _names_a_field(record: Record, dotted: str) -> bool:
    model: type[BaseModel] | None = type(record)
    for part in dotted.split("."):
        if model is None or part not in model.model_fields:
            return False
        model = submodel(model.model_fields[part].annotation)
    return True


@rule("evidence.supports-unknown")
def supports_unknown(dataset: Dataset, _: Context) -> Iterator[Hit]:
    """Every name in an evidence's ``supports`` is a field of the record."""
    for entry in dataset.entries:
        for index, item in enumerate(entry.record.evidence):
            for position, name in enumerate(item.supports):
                if not _names_a_field(entry.record, name):
                    yield Hit(
                        entry.record.id,
                        ("evidence", index, "supports", position),
                        f"{name!r} is not a field of a {entry.record.type}",
                        entry,
                    )
