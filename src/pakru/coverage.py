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
from dataclasses import dataclass

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

__all__ = [
    "Sentence",
    "SourceCoverage",
    "coverage",
    "derivation_spans",
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


def quote_spans(ds: Dataset) -> dict[str, list[tuple[int, int, str]]]:
    """Source id → ``(start, end, record id)`` of every quote found verbatim in its text."""
    normalised = {sid: NormalisedText(text) for sid, text in ds.texts.items()}
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


def derivation_spans(ds: Dataset) -> dict[str, list[tuple[int, int, str]]]:
    """Source id → ``(start, end, "record field (rule)")`` of every derivation's quote, and of
    the dateline a place rule reads."""
    normalised = {sid: NormalisedText(text) for sid, text in ds.texts.items()}
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


def _named(sentence: str, patterns: list[tuple[str, re.Pattern[str]]]) -> set[str]:
    """Ids whose name forms occur in ``sentence``, longest match first.

    A match inside a longer one is dropped, so "Deputy Foreign Minister"
    does not also count as "Foreign Minister", nor "Special Secretary United
    Nations and Economic Coordination" as the United Nations. A pattern with
    the id "" (a person's title) hides what it contains and names nobody.
    """
    hits = [
        (m.start(), m.end(), rid) for rid, pattern in patterns for m in pattern.finditer(sentence)
    ]
    return {
        rid
        for start, end, rid in hits
        if rid and not any(s <= start and end <= e and (e - s) > (end - start) for s, e, _ in hits)
    }


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
    if isinstance(record, Person):
        surname = record.name.split()[-1].casefold()
        forms = [f for f in (record.name, *record.aliases) if f.casefold() != surname]
        found = [name_pattern(form) for form in sorted(set(forms))]
        initials = initials_pattern(record.name)
        return found + ([initials] if initials is not None else [])
    if isinstance(record, Body):
        return [name_pattern(form) for form in sorted({record.name, *record.aliases})]
    return []


def coverage(ds: Dataset) -> list[SourceCoverage]:
    """Per source (in file order): each sentence, what it mentions and which records cite it."""
    spans = quote_spans(ds)
    derived = derivation_spans(ds)
    patterns = [
        (record.id, pattern) for record in ds.records for pattern in person_patterns(record)
    ]
    titles = {t.title for person in ds.people for t in person.titles}
    patterns += [("", name_pattern(title)) for title in sorted(titles)]
    mentioning_kinds = (Meeting, Agreement, Event)
    out = []
    for source in sorted(ds.sources, key=lambda s: s.file):
        text = ds.text(source.id)
        if text is None:
            continue
        items = []
        for index, (start, end) in enumerate(sentences(text), start=1):
            sentence = text[start:end]
            cited = {rid for s, e, rid in spans.get(source.id, ()) if s < end and e > start}
            named = _named(sentence, patterns)
            quoted = {rid for rid in cited if isinstance(ds.get(rid), mentioning_kinds)}
            feeds = {label for s, e, label in derived.get(source.id, ()) if s < end and e > start}
            items.append(
                Sentence(
                    index=index,
                    line=text.count("\n", 0, start) + 1,
                    start=start,
                    end=end,
                    text=sentence,
                    mentions=tuple(sorted(named | quoted)),
                    cited_by=tuple(sorted(cited)),
                    feeds=tuple(sorted(feeds)),
                )
            )
        out.append(SourceCoverage(source=source.id, file=source.file, sentences=tuple(items)))
    return out
