"""Coverage: every sentence of every report, what it mentions and which records cite it.

A reviewer uses this to check that nothing in a report was skipped. Each
source text is split into sentences. A sentence *mentions* the dataset when

- a name form of a person or body (its ``name`` or an ``aliases`` entry)
  occurs in it as a whole word (acronyms such as "IS" match case-sensitively,
  other forms ignoring case), or a person's name with the given names as
  initials ("S.A. Ryabkov", "S. Ryabkov" for Sergey Ryabkov), or
- an evidence quote of a meeting, agreement or event overlaps it.

A person is never found by a title alone ("the Foreign Secretary" may be
another holder of the post) nor by a surname alone (another Janjua).

A sentence is *cited by* a record when any quote of that record (evidence,
participants, titles, statements, derivations, conflict sides) overlaps it.
A sentence *feeds* a derivation when the derivation's quote, or the dateline
a place rule reads, overlaps it: ``cgss-12 location (dateline-venue)``.
Quotes are located the way the validator compares them: with runs of
whitespace collapsed to one space.

>>> import pakru
>>> from pakru.coverage import coverage
>>> report = {c.source: c for c in coverage(pakru.load())}["src-70d7bb2a"]
>>> report.uncited
()
"""

import re
from bisect import bisect_right
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from importlib import import_module
from typing import TypeVar

from pakru.dataset import Dataset
from pakru.schema import (
    Agreement,
    BaseDerivation,
    Body,
    Derivation,
    Event,
    Meeting,
    OrdinalDerivation,
    Person,
    PlaceDerivation,
    Record,
)
from pakru.schema.derivations import NameDerivation
from pakru.schema.introspect import Loc, field_path, quotes
from pakru.schema.names import name_pattern
from pakru.schema.text import NormalisedText, sentences

T = TypeVar("T")

__all__ = [
    "NameIndex",
    "Sentence",
    "SourceCoverage",
    "coverage",
    "derivation_spans",
    "name_index",
    "quote_spans",
    "sentences",
]


@dataclass(frozen=True)
class Sentence:
    """One sentence of a source text and what the dataset makes of it."""

    index: int
    """1-based position of the sentence in its source."""
    line: int
    """1-based line of the text file on which the sentence starts."""
    start: int
    """Offset of the sentence's first character in the text."""
    end: int
    """Offset just after the sentence's last character."""
    text: str
    """The sentence as printed in the source."""
    mentions: tuple[str, ...]
    """Ids of people and bodies named in it, and of meetings, agreements and
    events whose evidence quotes overlap it; sorted."""
    cited_by: tuple[str, ...]
    """Ids of every record with a quote overlapping the sentence; sorted."""
    feeds: tuple[str, ...] = ()
    """The derivations the sentence feeds, as ``record field (rule)``; sorted."""

    @property
    def mentioning(self) -> bool:
        """True when the sentence mentions a meeting, agreement, event or actor."""
        return bool(self.mentions)

    @property
    def uncited(self) -> bool:
        """True when the sentence mentions something but no record quotes it."""
        return self.mentioning and not self.cited_by


@dataclass(frozen=True)
class SourceCoverage:
    """The sentences of one source, with their mentions and citing records."""

    source: str
    """Id of the source record."""
    file: str
    """File name of its text under ``records/sources/text/``."""
    sentences: tuple[Sentence, ...]
    """Every sentence of the text, in order."""

    @property
    def mentioning(self) -> tuple[Sentence, ...]:
        """Sentences that mention a meeting, agreement, event or actor."""
        return tuple(s for s in self.sentences if s.mentioning)

    @property
    def uncited(self) -> tuple[Sentence, ...]:
        """Mentioning sentences that no record quotes: what a reviewer should look at."""
        return tuple(s for s in self.sentences if s.uncited)


def _normalised(ds: Dataset) -> dict[str, NormalisedText]:
    return {sid: NormalisedText(text) for sid, text in ds.texts.items()}


def quote_spans(
    ds: Dataset, normalised: dict[str, NormalisedText] | None = None
) -> dict[str, list[tuple[int, int, str]]]:
    """Source id → ``(start, end, record id)`` of every quote found verbatim in its text.

    ``normalised``: the texts as :class:`NormalisedText`, when the caller has them already.
    """
    normalised = _normalised(ds) if normalised is None else normalised
    spans: dict[str, list[tuple[int, int, str]]] = {sid: [] for sid in normalised}
    for record in ds.records:
        for _, item in quotes(record):
            if item.source in normalised:
                found = normalised[item.source].find_all(item.quote)
                spans[item.source].extend((start, end, record.id) for start, end in found)
    return spans


def _derived_field(record: Record, loc: Loc, item: BaseDerivation) -> str:
    """The field a derivation at ``loc`` gives: ``date``, ``location``, ``participants[0].side``."""
    owner = loc[:-2]  # drop ("derivations", index)
    if owner and not isinstance(item, Derivation | PlaceDerivation):
        return f"{field_path(owner)}.side"
    if not owner:
        if isinstance(item, NameDerivation):
            return "aliases"
        return "ordinal" if isinstance(item, OrdinalDerivation) else "country"
    return field_path(owner)


def derivation_spans(
    ds: Dataset, normalised: dict[str, NormalisedText] | None = None
) -> dict[str, list[tuple[int, int, str]]]:
    """Source id → ``(start, end, "record field (rule)")`` of every derivation's quote, and of
    the dateline a place rule reads (``normalised`` as for :func:`quote_spans`)."""
    normalised = _normalised(ds) if normalised is None else normalised
    spans: dict[str, list[tuple[int, int, str]]] = {sid: [] for sid in normalised}
    for record in ds.records:
        for loc, item in quotes(record):
            if not isinstance(item, BaseDerivation):
                continue
            label = f"{record.id} {_derived_field(record, loc, item)} ({item.rule})"
            read = [(item.source, item.quote)]
            if isinstance(item, PlaceDerivation) and item.dateline is not None:
                read.append((item.dateline_source or item.source, item.dateline))
            for source, phrase in read:
                if source in normalised:
                    found = normalised[source].find_all(phrase)
                    spans[source].extend((start, end, label) for start, end in found)
    return spans


def _named(sentence: str, patterns: "list[tuple[str, re.Pattern[str]]] | NameIndex") -> set[str]:
    """Ids whose name forms occur in ``sentence``, longest match first.

    A match inside a longer one is dropped, so "Deputy Foreign Minister"
    does not also count as "Foreign Minister", nor "Special Secretary United
    Nations and Economic Coordination" as the United Nations. A pattern with
    the id "" (a person's title) hides what it contains and names nobody.
    ``patterns`` is a :class:`NameIndex`, or a plain list (every pattern tried).
    """
    if isinstance(patterns, NameIndex):
        return patterns.named(sentence)
    hits = [
        (m.start(), m.end(), rid) for rid, pattern in patterns for m in pattern.finditer(sentence)
    ]
    return {rid for rid in _longest(hits) if rid}


def _longest(hits: "list[tuple[int, int, T]]") -> "set[T]":
    """The labels of the hits no strictly longer hit holds."""
    if len(hits) > 1:
        hits = sorted(hits, key=lambda h: h[0] - h[1])  # longest first
    kept: set[T] = set()
    seen: list[tuple[int, int]] = []
    for start, end, label in hits:
        if not any(s <= start and end <= e and (e - s) > (end - start) for s, e in seen):
            kept.add(label)
        seen.append((start, end))
    return kept


_WORD = re.compile(r"\w+")


def _is_word(char: str) -> bool:
    return _WORD.fullmatch(char) is not None


def _fold_table() -> tuple[dict[int, str], frozenset[str]]:
    """How ``re.IGNORECASE`` equates characters beyond their lower case, as one table.

    CPython's matcher equates a few lower-case letters with others ("s" and
    the long "ſ", Greek "σ" and "ς", ...): the table maps each to one of its
    class, and "İ" to "i" (its simple lower case, which the matcher uses).
    Characters of a class mixing word and non-word characters are returned
    apart: a sentence holding one is matched against every pattern.
    """
    extra: dict[int, tuple[int, ...]] = getattr(import_module("re._casefix"), "_EXTRA_CASES", {})
    table: dict[int, str] = {0x130: "i"}
    odd: set[str] = set()
    for code, others in extra.items():
        members = [chr(code), *map(chr, others)]
        words = [m for m in members if _is_word(m)]
        table[code] = min(words or members)
        if len({_is_word(m) for m in members}) > 1:
            odd.update(members)
            odd.update(m.upper() for m in members)
    return table, frozenset(odd)


KEY_WORDS = 12
"""Words of a name form a :class:`NameIndex` files it under: all of them, for every name the
corpora hold (series bodies share their first six or seven)."""


class NameIndex:
    """Name patterns indexed by the words each match must hold: one pass per sentence.

    Every pattern finds a name form as a whole word, so a sentence it matches
    holds the words of the form (an initials pattern: of the surname), in
    order and one after another, among its own words, ignoring case. Each
    distinct pattern is filed under its first :data:`KEY_WORDS` words, and
    the runs of a sentence's words pick the few patterns worth trying from a
    dictionary, so the cost of a sentence does not grow with the number of
    records; a pattern several records share (two bodies named "Ministry of
    Energy") is tried once for all of them.
    """

    _fold: tuple[dict[int, str], frozenset[str]] | None = None

    def __init__(self, patterns: Iterable[tuple[str, re.Pattern[str], str]]) -> None:
        """``patterns``: ``(id, pattern, key text)``; every match holds each word of the key."""
        if NameIndex._fold is None:
            NameIndex._fold = _fold_table()
        self._table, self._odd = NameIndex._fold
        ids: dict[re.Pattern[str], list[str]] = {}
        keys: dict[re.Pattern[str], tuple[str, ...]] = {}
        for rid, pattern, key in patterns:
            ids.setdefault(pattern, []).append(rid)
            keys.setdefault(pattern, tuple(_WORD.findall(self._key(key)))[:KEY_WORDS])
        self.patterns = [(pattern, tuple(found)) for pattern, found in ids.items()]
        """Each distinct pattern with the ids (``""`` for a title) it names."""
        self._by_key: dict[tuple[str, ...], list[int]] = defaultdict(list)
        self._always: list[int] = []
        for at, (pattern, _) in enumerate(self.patterns):
            if keys[pattern]:
                self._by_key[keys[pattern]].append(at)
            else:
                self._always.append(at)
        self._lengths = sorted({len(k) for k in self._by_key})

    def _key(self, text: str) -> str:
        return text.translate(self._table).lower().translate(self._table)

    def candidates(self, sentence: str) -> list[int]:
        """Positions in :attr:`patterns` of the patterns that may match ``sentence``."""
        if not self._odd.isdisjoint(sentence):
            return list(range(len(self.patterns)))
        chosen = set(self._always)
        words = _WORD.findall(self._key(sentence))
        for length in self._lengths:
            for at in range(len(words) - length + 1):
                chosen.update(self._by_key.get(tuple(words[at : at + length]), ()))
        return sorted(chosen)

    def named(self, sentence: str) -> set[str]:
        """:func:`_named` of ``sentence`` against every pattern, trying only the candidates."""
        hits = [
            (m.start(), m.end(), at)
            for at in self.candidates(sentence)
            for m in self.patterns[at][0].finditer(sentence)
        ]
        return {rid for at in _longest(hits) for rid in self.patterns[at][1] if rid}


def initials_pattern(name: str) -> re.Pattern[str] | None:
    """A person's name with the given names as initials: "S.A. Ryabkov", "S. Ryabkov".

    The first initial is the first given name's; one or two more (a
    patronymic's, a second name's) may follow. None for a one-word name.

    >>> [m.group() for m in initials_pattern("Sergey Ryabkov").finditer(
    ...     "S.A. Ryabkov met S. Ryabkov, not A. Ryabkov or Ryabkov.")]
    ['S.A. Ryabkov', 'S. Ryabkov']
    """
    words = name.split()
    if len(words) < 2 or not words[0][:1].isalpha():
        return None
    first, surname = re.escape(words[0][0].upper()), re.escape(words[-1])
    return re.compile(rf"(?<![\w.]){first}\.(?:\s?[A-Z]\.){{0,2}}\s?{surname}(?!\w)")


def person_patterns(record: Record) -> list[re.Pattern[str]]:
    """How a sentence names a person or body: never by a title or a surname alone."""
    return [pattern for pattern, _ in _keyed_patterns(record)]


def _keyed_patterns(record: Record) -> list[tuple[re.Pattern[str], str]]:
    """:func:`person_patterns`, each with the text whose words any match holds, in order."""
    if isinstance(record, Person):
        surname = record.name.split()[-1].casefold()
        forms = [f for f in (record.name, *record.aliases) if f.casefold() != surname]
        found = [(name_pattern(form), form) for form in sorted(set(forms))]
        initials = initials_pattern(record.name)
        extra = [(initials, record.name.split()[-1])] if initials is not None else []
        return found + extra
    if isinstance(record, Body):
        return [(name_pattern(form), form) for form in sorted({record.name, *record.aliases})]
    return []


def name_index(ds: Dataset) -> NameIndex:
    """Every name form of the dataset's people and bodies, and every title, indexed."""
    keyed = [
        (record.id, pattern, key)
        for record in ds.records
        for pattern, key in _keyed_patterns(record)
    ]
    titles = {t.title for person in ds.people for t in person.titles}
    keyed += [("", name_pattern(title), title) for title in sorted(titles)]
    return NameIndex(keyed)


def _by_sentence(
    bounds: list[tuple[int, int]], spans: list[tuple[int, int, str]]
) -> list[set[str]]:
    """For each sentence ``(start, end)``, the labels of the spans overlapping it."""
    out: list[set[str]] = [set() for _ in bounds]
    ends = [end for _, end in bounds]
    for s, e, label in spans:
        at = bisect_right(ends, s)
        while at < len(bounds) and bounds[at][0] < e:
            out[at].add(label)
            at += 1
    return out


def coverage(ds: Dataset) -> list[SourceCoverage]:
    """Per source (in file order): each sentence, what it mentions and which records cite it."""
    normalised = _normalised(ds)
    spans = quote_spans(ds, normalised)
    derived = derivation_spans(ds, normalised)
    index = name_index(ds)
    mentioning_kinds = (Meeting, Agreement, Event)
    out = []
    for source in sorted(ds.sources, key=lambda s: s.file):
        text = ds.text(source.id)
        if text is None:
            continue
        bounds = list(sentences(text))
        cited_at = _by_sentence(bounds, spans.get(source.id, []))
        feeds_at = _by_sentence(bounds, derived.get(source.id, []))
        items = []
        line, counted = 1, 0
        for index_, (start, end) in enumerate(bounds):
            sentence = text[start:end]
            line += text.count("\n", counted, start)
            counted = start
            cited = cited_at[index_]
            named = _named(sentence, index)
            quoted = {rid for rid in cited if isinstance(ds.get(rid), mentioning_kinds)}
            items.append(
                Sentence(
                    index=index_ + 1,
                    line=line,
                    start=start,
                    end=end,
                    text=sentence,
                    mentions=tuple(sorted(named | quoted)),
                    cited_by=tuple(sorted(cited)),
                    feeds=tuple(sorted(feeds_at[index_])),
                )
            )
        out.append(SourceCoverage(source=source.id, file=source.file, sentences=tuple(items)))
    return out
