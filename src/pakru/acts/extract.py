"""The acts the records state: who did what to whom, where and when, one per act.

Each meeting, agreement and event record states at most the acts the coding
policy (:mod:`pakru.acts.policy`) finds in its quotes; a meeting's outcomes may
state more (a praise, a commitment). :func:`acts` lists them, each with its
CAMEO code, its two actors (:mod:`pakru.acts.actors`) and the quotes that
trigger the code; :func:`problems` says which records state an act no rule
codes, and which acts lack an actor.
"""

import datetime as dt
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, NamedTuple

from pakru.acts.actors import (
    Parties,
    Unit,
    pairs,
    quote_agent,
    record_quotes,
    third_parties,
    unit_of,
    with_quote_agent,
)
from pakru.acts.model import Act, Actor
from pakru.acts.policy import POLICY, SINGLE_ACT_PARTS, CodingRule, Part, announces, code_slots
from pakru.schema import Agreement, DateInterval, Event, Evidence, Location, Meeting, Source
from pakru.schema.text import normalise, sentences

if TYPE_CHECKING:
    from pakru.dataset import Dataset


class Reading(NamedTuple):
    """A part of a record the coding policy reads: the record, the part and its quotes."""

    record: Meeting | Agreement | Event
    part: Part
    quotes: tuple[Evidence, ...]
    loc: tuple[str | int, ...]

    @property
    def kind(self) -> str | None:
        """The event kind, for rules restricted to kinds."""
        return self.record.kind if isinstance(self.record, Event) else None


Triggered = tuple[str, Evidence, CodingRule]
"""A sentence that triggers a rule: the sentence, its quote and the rule."""


class Stated(NamedTuple):
    """A part of a record with the sentences stating its acts (what :func:`_coding` keeps)."""

    record: Meeting | Agreement | Event
    part: Part
    loc: tuple[str | int, ...]
    hits: tuple[Triggered, ...]


@dataclass(frozen=True)
class Problem:
    """Why a record states an act no rule codes, or an act has no two actors (for the
    validator's acts.* rules)."""

    record: str
    loc: tuple[str | int, ...]
    message: str


# -- the acts of a dataset ------------------------------------------------------------


def acts(ds: "Dataset") -> tuple[Act, ...]:
    """Every act the records state, in record order (meetings, events, agreements, outcomes)."""
    return _extract(ds, _coding(ds)[0])


def rows(ds: "Dataset") -> tuple[Act, ...]:
    """The rows of the ``acts`` table: :func:`acts` with each two-sided act as two directed
    rows (:func:`directed`), so counting rows counts events as CAMEO does."""
    return directed(acts(ds))


def directed(found: Iterable[Act]) -> tuple[Act, ...]:
    """Each act as its directed rows: a one-way act is itself; a two-sided ("mutual") act is
    two rows, ``<id>--<a>-<b>`` with the actors in the record's order and ``<id>--<b>-<a>``
    with them reversed (``--1`` and ``--2`` after both when the two actors' codes are the
    same), both with the act's id as their :attr:`~Act.group`. CAMEO codes a
    joint act as two events with the actors reversed (Schrodt 2012, the codebook's
    treatment of reciprocal actions), so a dyad count reads the rows as they are."""
    out: list[Act] = []
    for act in found:
        if not act.mutual or act.group is not None:  # one-way, or a directed row already
            out.append(act)
            continue
        back = replace(act, actor1=act.actor2, actor2=act.actor1)
        there_id, back_id = f"{act.id}--{_pair(act)}", f"{act.id}--{_pair(back)}"
        if there_id == back_id:  # actors with one code (or none): number the directions
            there_id, back_id = f"{there_id}--1", f"{back_id}--2"
        out.append(replace(act, id=there_id, group=act.id))
        out.append(replace(back, id=back_id, group=act.id))
    return tuple(out)


def unsupported(ds: "Dataset") -> tuple[Problem, ...]:
    """Records stating an act no rule codes (``problems(ds)[0]``, without finding the acts)."""
    return _coding(ds)[1]


def problems(ds: "Dataset") -> tuple[tuple[Problem, ...], tuple[Problem, ...]]:
    """(records stating an act no rule codes, acts without two actors) — for the validator."""
    stated, uncoded = _coding(ds)
    found = _extract(ds, stated)
    # A record with a dangling reference is references.resolve's finding, not ours.
    actorless = tuple(
        Problem(a.record, a.loc, _actorless(a))
        for a in found
        if (a.actor1 is None or a.actor2 is None or not (a.actor1.known and a.actor2.known))
        and not _dangling(ds, ds.get(a.record))
    )
    return uncoded, actorless


def _dangling(ds: "Dataset", record: object) -> bool:
    refs: tuple[str | None, ...] = ()
    if isinstance(record, Meeting):
        refs = (*(p.ref for p in record.participants), record.series)
    elif isinstance(record, Event):
        refs = record.bodies
    return any(r is not None and r not in ds for r in refs)


def _actorless(act: Act) -> str:
    return (
        f"act {act.id!r} ({act.code} {act.label}) has no two actors: "
        "name both sides in its participants, parties, countries or series members"
    )


def _extract(ds: "Dataset", coded: Iterable[Stated]) -> tuple[Act, ...]:
    out: list[Act] = []
    claimed: set[tuple[str, str]] = set()
    parties: Parties = {}
    held_at = _held_at(ds)
    third = third_parties(ds)
    for stated in coded:
        hits = _unclaimed(ds, stated, claimed, held_at)
        if hits:
            unit = unit_of(ds, stated.record, stated.part, stated.loc, parties, third=third)
            out.extend(_acts_of(ds, unit, hits))
    return _unique_ids(_one_per_happening(ds, out))


def _one_per_happening(ds: "Dataset", found: list[Act]) -> list[Act]:
    """One act per happening: an act of a record another record is the same as (its
    ``same_as``) joins that record's act of the same code and actors, when it came first,
    as one act with the quotes of both (a transfer reported twice is one transfer)."""
    kept: list[Act] = []
    index: dict[tuple[str, str, str | None, str | None], int] = {}
    for act in found:
        others = tuple(getattr(ds.get(act.record), "same_as", ()) or ())
        own = (act.record, act.code, _country(act.actor1), _country(act.actor2))
        keys = [(r, *own[1:]) for r in others]
        at = next((index[k] for k in keys if k in index), None)
        if at is None:
            index.setdefault(own, len(kept))
            kept.append(act)
            continue
        first = kept[at]
        quotes = tuple(dict.fromkeys((*first.quotes, *act.quotes)))
        kept[at] = replace(
            first,
            quotes=quotes,
            sentences=tuple(dict.fromkeys((*first.sentences, *act.sentences))),
            reported=_reported(ds, tuple(dict.fromkeys(q.source for q in quotes))),
        )
        index.setdefault(own, at)
    return kept


def _unclaimed(
    ds: "Dataset", stated: Stated, claimed: set[tuple[str, str]], held_at: dict[str, list[str]]
) -> tuple[Triggered, ...]:
    """The hits stating acts of this part: a part stating one act claims its sentences
    (with their code); the others leave out sentences claimed so, and outcomes those the
    meeting's agreements and events quote."""
    record, part, _, hits = stated
    if part in SINGLE_ACT_PARTS:
        claimed.update((sentence.casefold(), rule.code or "") for sentence, _, rule in hits)
        return hits
    held = _held(ds, record, held_at) if isinstance(record, Meeting) else ()
    out = []
    for hit in hits:
        folded, code = hit[0].casefold(), hit[2].code or ""
        theirs = [quote for quote, codes in held if code in codes]
        if (folded, code) not in claimed and not _overlaps(folded, theirs):
            out.append(hit)
    return tuple(out)


def _coding(ds: "Dataset") -> tuple[tuple[Stated, ...], tuple[Problem, ...]]:
    """Each part of a record with the sentences that state its acts (for a part stating one
    act, those triggering the first rule in policy order), and the parts stating an act no
    sentence codes.  Reads no participant, side or party: only records and their quotes."""
    coded: list[Stated] = []
    uncoded: list[Problem] = []
    reader = _Reader()
    for reading in _readings(ds):
        hits = _hits(reader, reading)
        if reading.part in SINGLE_ACT_PARTS:
            if not hits:
                if not _announces(reader, reading):
                    uncoded.append(_uncoded(reading))
                continue
            hits = _precedence(hits)
        if hits:
            coded.append(Stated(reading.record, reading.part, reading.loc, tuple(hits)))
    return tuple(coded), tuple(uncoded)


def _precedence(hits: list[Triggered]) -> list[Triggered]:
    """The hits of a part stating one act per slot: in each slot (:attr:`CodingRule.slot`),
    those of the rule first in policy order — the precedence rules (046 over 040 for a
    meeting; the visit's 042 and 043 are slots of their own, coded beside it)."""
    first: dict[str, CodingRule] = {}
    for _, _, coding_rule in hits:
        held = first.get(coding_rule.slot)
        if held is None or POLICY.index(coding_rule) < POLICY.index(held):
            first[coding_rule.slot] = coding_rule
    chosen = set(map(id, first.values()))
    return [h for h in hits if id(h[2]) in chosen]


CodedSentence = tuple[str, str, tuple[CodingRule, ...]]
"""A sentence of a quote, its ``casefold`` and the rules it triggers (the first of each slot)."""


class _Reader:
    """The sentences of quotes and the rules they trigger, each worked out once per
    extraction: records repeat quotes (a participant's line, a report quoted twice)."""

    def __init__(self) -> None:
        self._split: dict[str, tuple[tuple[str, str], ...]] = {}
        self._coded: dict[tuple[Part, str | None], dict[str, tuple[CodedSentence, ...]]] = {}

    def split(self, quote: str) -> tuple[tuple[str, str], ...]:
        """Each sentence of the normalised quote with its ``casefold``; a sentence is a
        trimmed piece of a normalised quote, so it is normalised already."""
        found = self._split.get(quote)
        if found is None:
            text = normalise(quote)
            if "." in text or "!" in text or "?" in text:
                pieces = [text[start:end] for start, end in sentences(text)]
            else:  # no sentence ends inside: the whole (stripped, one-line) text, if any
                pieces = [text] if text else []
            found = self._split[quote] = tuple((s, s.casefold()) for s in pieces)
        return found

    def coder(self, part: Part, kind: str | None) -> Callable[[str], tuple[CodedSentence, ...]]:
        """For one part (and kind): each sentence of a quote with its ``casefold`` and the
        rule it triggers."""
        done = self._coded.setdefault((part, kind), {})

        def coded(quote: str) -> tuple[CodedSentence, ...]:
            found = done.get(quote)
            if found is None:
                found = done[quote] = tuple(
                    (s, folded, code_slots(s, part, kind)) for s, folded in self.split(quote)
                )
            return found

        return coded


def _hits(reader: _Reader, reading: Reading) -> list[Triggered]:
    """Each sentence of the quotes that triggers a rule, once per source (the first quote
    saying it, sentences compared by ``casefold``), with its quote and the rule."""
    seen: set[tuple[str, str]] = set()
    out: list[Triggered] = []
    coded = reader.coder(reading.part, reading.kind)
    for evidence in reading.quotes:
        for sentence, folded, coding_rules in coded(evidence.quote):
            key = (evidence.source, folded)
            if key not in seen:
                seen.add(key)
                out.extend((sentence, evidence, coding_rule) for coding_rule in coding_rules)
    return out


def _announces(reader: _Reader, reading: Reading) -> bool:
    """A held meeting whose quotes only announce it: status.held-evidence reports that."""
    if reading.part != "meeting-held":
        return False
    return any(announces(s) for e in reading.quotes for s, _ in reader.split(e.quote))


def _uncoded(reading: Reading) -> Problem:
    record = reading.record
    return Problem(
        record.id,
        ("status",),
        f"{record.type} {record.id!r} ({record.kind}, {record.status}) states an act, but no "
        f"quote triggers a rule of the coding policy for {reading.part!r}: its code would not "
        "be supported by its evidence (see pakru.acts.policy)",
    )


_Key = tuple[str, str | None, str | None, int]
"""An act of a part: its rule, its actors' countries and the statement stating it."""


def _acts_of(ds: "Dataset", unit: Unit, hits: Sequence[Triggered]) -> Iterator[Act]:
    statement = _statements(unit)
    summaries = (
        [st.text for st in (*unit.record.topics, *unit.record.outcomes)]
        if isinstance(unit.record, Meeting)
        else []
    )
    groups: dict[_Key, list[tuple[str, Evidence, CodingRule]]] = {}
    chosen: dict[_Key, tuple[Actor | None, Actor | None]] = {}
    for sentence, evidence, coding_rule in hits:
        if coding_rule.code is None:
            continue
        at = statement.get(id(evidence), 0)
        summary = summaries[at] if at < len(summaries) else ""
        for a1, a2 in pairs(unit, coding_rule, sentence, summary):
            key = (coding_rule.id, _country(a1), _country(a2), at)
            groups.setdefault(key, []).append((sentence, evidence, coding_rule))
            if key not in chosen or _named_count(a1, a2) > _named_count(*chosen[key]):
                chosen[key] = (a1, a2)
    record = unit.record
    when = _dates(ds, record, unit.part)
    where = _places(ds, record, unit.part)
    realises, realised_by = _links(ds, record)
    topical = _topical(unit)
    role = quote_agent(record_quotes(ds, record))
    for key, items in groups.items():
        coding_rule = items[0][2]
        if coding_rule.slot == "meeting":  # the talks' quote: the sentence on what was discussed
            items.sort(key=lambda item: id(item[1]) not in topical)
        said = [sentence for sentence, _, _ in items]
        quotes = _with_reporting(record, coding_rule, tuple(dict.fromkeys(e for _, e, _ in items)))
        a1, a2 = (None if a is None else with_quote_agent(a, role) for a in chosen[key])
        yield Act(
            id=f"{record.id}--{coding_rule.id}",
            record=record.id,
            record_type=record.type,
            part=unit.part,
            rule=coding_rule,
            status="stated" if when.plan is not None else record.status,
            plan_status=None if when.plan is None else record.status,
            date=when.date,
            location=where.location,
            actor1=a1,
            actor2=a2,
            quotes=quotes,
            sentences=tuple(dict.fromkeys(said)),
            loc=unit.loc,
            plan=when.plan,
            plan_location=where.plan,
            realises=realises,
            realised_by=realised_by,
            reported=_reported(ds, tuple(dict.fromkeys(e.source for e in quotes))),
        )


HELD_SLOTS = frozenset({"meeting", "visit-made", "visit-hosted"})
"""The slots whose act is the held meeting itself (the talks, the visit made and hosted)."""


def _with_reporting(
    record: Meeting | Agreement | Event, coding_rule: CodingRule, quotes: tuple[Evidence, ...]
) -> tuple[Evidence, ...]:
    """The quotes of an act of a held meeting itself (:data:`HELD_SLOTS`: the talks, the
    visit): its triggering quotes, then, for every other source reporting the meeting, that
    source's quotes stating it was held (the meeting's evidence supporting ``status``). A
    meeting is one happening however many outlets report it, and each of its acts cites them
    all, so source counts and report dates agree across its acts. The act's
    :attr:`~Act.sentences` stay those triggering the code. Other acts (a briefing, a concern)
    cite only the sources that state them: a source that does not state a concern does not
    report it."""
    if not isinstance(record, Meeting) or record.status != "held":
        return quotes
    if coding_rule.slot not in HELD_SLOTS:
        return quotes
    cited = {q.source for q in quotes}
    more = [e for e in record.evidence if e.source not in cited and "status" in e.supports]
    return tuple(dict.fromkeys((*quotes, *more)))


class _When(NamedTuple):
    date: DateInterval
    plan: DateInterval | None


def _dates(ds: "Dataset", record: Meeting | Agreement | Event, part: Part) -> _When:
    """When the act of ``part`` was done or stated, and the planned event's interval.

    A planned meeting's act is the intent to meet (036), stated at the meeting that
    announced it (``announced_at``), or else by the day the first report of it was
    published; the meeting's own interval is the plan. Every other act is dated by its
    record (the meeting held, the agreement signed, the statement made)."""
    if part != "meeting-planned" or not isinstance(record, Meeting):
        return _When(record.date, None)
    announced = ds.get(record.announced_at, None) if record.announced_at else None
    if isinstance(announced, Meeting):
        return _When(announced.date, record.date)
    first = _reported(ds, ds.sources_of(record.id))
    latest = None if first is None else first.earliest
    return _When(
        DateInterval(
            earliest=None,
            latest=latest,
            precision="range" if latest else "unknown",
            derivations=(),
        ),
        record.date,
    )


class _Where(NamedTuple):
    location: Location | None
    plan: Location | None


def _places(ds: "Dataset", record: Meeting | Agreement | Event, part: Part) -> _Where:
    """Where the act of ``part`` was done or stated, and the planned event's place.

    As :func:`_dates`: a planned meeting's intent (036) was stated at the meeting that
    announced it, so its place is that meeting's (None when no ``announced_at`` names
    it: where a plan was stated is then not known); the planned meeting's own place is
    the plan's. Every other act is placed by its record."""
    if part != "meeting-planned" or not isinstance(record, Meeting):
        return _Where(_location(ds, record), None)
    announced = ds.get(record.announced_at, None) if record.announced_at else None
    stated = announced.location if isinstance(announced, Meeting) else None
    return _Where(stated, record.location)


def _links(ds: "Dataset", record: Meeting | Agreement | Event) -> tuple[str | None, str | None]:
    """(the planned meeting a held meeting realises, the held meeting that realised a
    planned one) for the acts of a meeting record; (None, None) for other records."""
    if not isinstance(record, Meeting):
        return None, None
    held = next(iter(ds.realised_by(record.id).ids), None) if record.status == "planned" else None
    return record.realises, held


def _reported(ds: "Dataset", source_ids: Iterable[str]) -> DateInterval | None:
    """The publication interval of the sources: from the first day any of them can have
    been published to the last (open when one has no last day); a source printing no date
    gives the interval its content fixes (``publication``). None when no source has either."""
    spans: list[tuple[dt.date | None, dt.date | None]] = []
    for source_id in source_ids:
        source = ds.get(source_id, None)
        if not isinstance(source, Source):
            continue
        if source.published is not None:
            spans.append((source.published, source.published))
        elif source.publication is not None:
            spans.append((source.publication.earliest, source.publication.latest))
    if not spans:
        return None
    firsts = [first for first, _ in spans]
    lasts = [last for _, last in spans]
    first = None if None in firsts else min(f for f in firsts if f is not None)
    last = None if None in lasts else max(x for x in lasts if x is not None)
    if first is None and last is None:
        return DateInterval(earliest=None, latest=None, precision="unknown", derivations=())
    return DateInterval(
        earliest=first,
        latest=last,
        precision="day" if first == last else "range",
        derivations=(),
    )


def _statements(unit: Unit) -> dict[int, int]:
    """For a meeting's topics and outcomes: each evidence item's statement (by ``id``), so
    that each statement is its own happening: two views the sides agreed on, stated
    apart, are two acts of accord; one statement quoted by two sources is one act."""
    record = unit.record
    if unit.part != "outcome" or not isinstance(record, Meeting):
        return {}
    return {
        id(e): n
        for n, statement in enumerate((*record.topics, *record.outcomes))
        for e in statement.evidence
    }


def _topical(unit: Unit) -> set[int]:
    """The ``id`` of each evidence item of a held meeting's topics."""
    record = unit.record
    if unit.part != "meeting-held" or not isinstance(record, Meeting):
        return set()
    return {id(e) for topic in record.topics for e in topic.evidence}


def _named_count(*actors: Actor | None) -> int:
    """How many of the actors were found by name (preferred over those inferred)."""
    return sum(1 for a in actors if a is not None and "other" not in a.basis)


def _country(actor: Actor | None) -> str | None:
    return None if actor is None else actor.country or ",".join(actor.records) or None


def _unique_ids(found: list[Act]) -> tuple[Act, ...]:
    """Act ids are ``<record>--<rule>``; two acts of one record by one rule add their actors."""
    counts = Counter(act.id for act in found)
    paired = [
        replace(act, id=f"{act.id}--{_pair(act)}") if counts[act.id] > 1 else act for act in found
    ]
    again = Counter(act.id for act in paired)
    seen: Counter[str] = Counter()
    out = []
    for act in paired:
        seen[act.id] += 1
        nth = seen[act.id]
        out.append(replace(act, id=f"{act.id}--{nth}") if again[act.id] > 1 and nth > 1 else act)
    return tuple(out)


def _pair(act: Act) -> str:
    return "-".join((_code_part(act.actor1), _code_part(act.actor2))).lower()


def _code_part(actor: Actor | None) -> str:
    if actor is None:
        return "x"
    return actor.alpha3 or (actor.records[0] if actor.records else actor.cameo or "x")


def _location(ds: "Dataset", record: Meeting | Agreement | Event) -> Location | None:
    if isinstance(record, Agreement):
        if record.meeting is None or record.meeting not in ds:
            return None
        meeting = ds.get(record.meeting)
        return meeting.location if isinstance(meeting, Meeting) else None
    return record.location


# -- the parts of records the policy reads -------------------------------------------


def _readings(ds: "Dataset") -> Iterator[Reading]:
    """The parts of records the policy reads, in order: meetings, events, agreements, then
    meetings' outcomes (the parts stating one act claim their sentences first)."""
    for meeting in ds.meetings:
        quotes = (
            *meeting.evidence,
            *(e for p in meeting.participants for e in p.evidence),
            *(e for topic in meeting.topics for e in topic.evidence),
        )
        held: Part = "meeting-held" if meeting.status == "held" else "meeting-planned"
        yield Reading(meeting, held, quotes, ("status",))
    for event in ds.events:
        loc = ("people",) if event.kind == "statement" else ("countries",)
        yield Reading(event, "event", event.evidence, loc)
    for agreement in ds.agreements:
        signed = agreement.status in ("signed", "concluded")
        yield Reading(
            agreement,
            "agreement-signed" if signed else "agreement-agreed",
            agreement.evidence,
            ("parties",),
        )
    for meeting in ds.meetings:
        outcomes = tuple(
            e for statement in (*meeting.topics, *meeting.outcomes) for e in statement.evidence
        )
        if outcomes:
            yield Reading(meeting, "outcome", outcomes, ("outcomes",))


def _held_at(ds: "Dataset") -> dict[str, list[str]]:
    """The ids of the events held at each meeting, in order."""
    held_at: dict[str, list[str]] = {}
    for event in ds.events:
        if event.meeting is not None:
            held_at.setdefault(event.meeting, []).append(event.id)
    return held_at


def _held(
    ds: "Dataset", meeting: Meeting, held_at: dict[str, list[str]]
) -> tuple[tuple[str, frozenset[str]], ...]:
    """Quotes stating what the meeting's agreements and the events held at it are, each with
    the codes that record's own part can give: an outcome with one of those codes is theirs
    (an outcome with another code — a concern beside a criticism — is the meeting's)."""
    held_by = [*meeting.agreements, *held_at.get(meeting.id, [])]
    out = []
    for record_id in held_by:
        if record_id not in ds:
            continue
        record = ds.get(record_id)
        codes = _codes_of(record)
        for e in record.evidence:
            if {"status", "subject"} & set(e.supports):
                out.append((normalise(e.quote).casefold(), codes))
    return tuple(out)


_INTENTS = frozenset(r.code for r in POLICY if r.code is not None and r.code.startswith("03"))


def _codes_of(record: object) -> frozenset[str]:
    """The codes of outcomes that are a held record's act: for an agreement, any (the
    agreement is the act its outcomes state); for an event, the codes the policy gives
    events of its kind and the intents (03x) — a material act takes precedence over the
    verbal one announcing it — but not, say, a concern stated beside a criticism."""
    if isinstance(record, Event):
        return _INTENTS | frozenset(
            r.code or ""
            for r in POLICY
            if "event" in r.parts and (not r.kinds or record.kind in r.kinds)
        )
    return frozenset(r.code or "" for r in POLICY)


def _overlaps(quote: str, others: Sequence[str]) -> bool:
    """True when ``quote`` contains or is contained in one of ``others``."""
    return any(quote in other or other in quote for other in others)


__all__ = ["Problem", "acts", "directed", "problems", "rows", "unsupported"]
