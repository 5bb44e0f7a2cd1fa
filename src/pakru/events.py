"""Acts: who did what to whom, where and when — one row per act a record states.

Each meeting, agreement and event record states at most the acts the coding
policy (:mod:`pakru.coding`) finds in its quotes; a meeting's outcomes may
state more (a praise, a commitment). :func:`acts` lists them, each with its
CAMEO code, its two actors and the quotes that trigger the code.

Actors are derived, never guessed, by these rules (the ``basis`` of an actor):

- ``participant``: the participants named in the words before (actor 1) or
  after (actor 2) the trigger of a directed act, by a name, alias or title
  their record gives; their country is the participant's ``side``, else
  the person's or body's ``country``;
- ``country-named``: a country named there by its short name or a word
  beginning with it ("Russian", "Pakistan's");
- ``sides``: for a mutual act, the record's two sides in the order it lists
  them — a meeting's participant sides and its series' members, an
  agreement's parties, an event's countries and bodies (a dialogue series
  stands for its members);
- ``other-side``: an actor not named in a directed act is the record's other
  side, when the record has exactly two and the named actor is on one of them;
  its records are the participants known to be on that side;
- ``other-participants``: an unnamed actor whose counterpart is named but has
  no known country is the participants not named, when they are all on one side.

An actor's CAMEO role: ``GOV`` for a person holding a title (``MIL`` when
the title's body is armed forces), the role of a body's kind
(:data:`pakru.codes.AGENTS`), else ``MIL`` when the act's quotes call the
actors "militaries" or "troops" and ``GOV`` when they call them "officials"
or "delegations"; otherwise the country alone (``PAK``).
"""

import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING, NamedTuple

from pakru.act import ACTOR_BASES, Act, Actor
from pakru.codebook import pages
from pakru.codes import AGENTS
from pakru.coding import POLICY, SINGLE_ACT_PARTS, CodingRule, Part, code_sentence
from pakru.schema import Agreement, Body, Event, Evidence, Location, Meeting, Person
from pakru.schema.countries import COUNTRIES
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


Hit = tuple[str, Evidence, CodingRule]
"""A sentence that triggers a rule: the sentence, its quote and the rule."""


class Stated(NamedTuple):
    """A part of a record with the sentences stating its acts (what :func:`_coding` keeps)."""

    record: Meeting | Agreement | Event
    part: Part
    loc: tuple[str | int, ...]
    hits: tuple[Hit, ...]


@dataclass(frozen=True)
class Unit:
    """A part of a record stating acts, with its sides: what finds the acts' actors."""

    record: Meeting | Agreement | Event
    part: Part
    sides: tuple[Actor, ...]
    people: tuple[Person | Body, ...]
    loc: tuple[str | int, ...] = ()
    targets: tuple[Actor, ...] = ()
    """For a statement: whom it is directed at (its ``targets`` and ``target_bodies``)."""


@dataclass(frozen=True)
class Finding:
    """Why a unit yields no act, or an act has no actors (read by the validator)."""

    record: str
    loc: tuple[str | int, ...]
    message: str


# -- the acts of a dataset ------------------------------------------------------------


def acts(ds: "Dataset") -> tuple[Act, ...]:
    """Every act the records state, in record order (meetings, events, agreements, outcomes)."""
    return _extract(ds)


def unsupported(ds: "Dataset") -> tuple[Finding, ...]:
    """Records stating an act no rule codes (``problems(ds)[0]``, without finding the acts)."""
    return _coding(ds)[1]


def problems(ds: "Dataset") -> tuple[tuple[Finding, ...], tuple[Finding, ...]]:
    """(records stating an act no rule codes, acts without two actors) — for the validator."""
    uncoded = unsupported(ds)
    found = _extract(ds)
    # A record with a dangling reference is references.resolve's finding, not ours.
    actorless = tuple(
        Finding(a.record, a.loc, _actorless(a))
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


@lru_cache(maxsize=4)  # both validator rules and the exports ask for the same dataset's acts
def _extract(ds: "Dataset") -> tuple[Act, ...]:
    out: list[Act] = []
    claimed: set[tuple[str, str]] = set()
    parties: dict[int, tuple[tuple[Person | Body, ...], tuple[Actor, ...]]] = {}
    held_at = _held_at(ds)
    for stated in _coding(ds)[0]:
        hits = _unclaimed(ds, stated, claimed, held_at)
        if hits:
            out.extend(_acts_of(ds, _unit(ds, stated, parties), hits))
    return _unique_ids(out)


def _unclaimed(
    ds: "Dataset", stated: Stated, claimed: set[tuple[str, str]], held_at: dict[str, list[str]]
) -> tuple[Hit, ...]:
    """The hits stating acts of this part: a part stating one act claims its sentences
    (with their code); the others leave out sentences claimed so, and outcomes those the
    meeting's agreements and events quote."""
    record, part, _, hits = stated
    if part in SINGLE_ACT_PARTS:
        code = hits[0][2].code or ""
        claimed.update((sentence.casefold(), code) for sentence, _, _ in hits)
        return hits
    held = _held(ds, record, held_at) if isinstance(record, Meeting) else ()
    out = []
    for hit in hits:
        folded = hit[0].casefold()
        if (folded, hit[2].code or "") not in claimed and not _overlaps(folded, held):
            out.append(hit)
    return tuple(out)


Coded = tuple[tuple[Stated, ...], tuple[Finding, ...]]


@lru_cache(maxsize=4)
def _coding(ds: "Dataset") -> Coded:
    """Each part of a record with the sentences that state its acts (for a part stating one
    act, those triggering the first rule in policy order), and the parts stating an act no
    sentence codes.  Reads no participant, side or party: only records and their quotes."""
    coded: list[Stated] = []
    uncoded: list[Finding] = []
    reader = _Reader()
    for reading in _readings(ds):
        hits = _hits(reader, reading)
        if reading.part in SINGLE_ACT_PARTS:
            if not hits:
                if not _announces(reader, reading):
                    uncoded.append(_uncoded(reading))
                continue
            first = hits[0][2]
            if len(hits) > 1:
                first = min((h[2] for h in hits), key=_order)
                hits = [h for h in hits if h[2] is first]
        if hits:
            coded.append(Stated(reading.record, reading.part, reading.loc, tuple(hits)))
    return tuple(coded), tuple(uncoded)


_ORDER = {id(coding_rule): n for n, coding_rule in enumerate(POLICY)}


def _order(coding_rule: CodingRule) -> int:
    return _ORDER[id(coding_rule)]


Sentence = tuple[str, str, CodingRule | None]
"""A sentence of a quote, its ``casefold`` and the rule it triggers (None: no rule)."""


class _Reader:
    """The sentences of quotes and the rules they trigger, each worked out once per
    extraction: records repeat quotes (a participant's line, a report quoted twice)."""

    def __init__(self) -> None:
        self._split: dict[str, tuple[tuple[str, str], ...]] = {}
        self._coded: dict[tuple[Part, str | None], dict[str, tuple[Sentence, ...]]] = {}

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

    def coder(self, part: Part, kind: str | None) -> Callable[[str], tuple[Sentence, ...]]:
        """For one part (and kind): each sentence of a quote with its ``casefold`` and the
        rule it triggers."""
        done = self._coded.setdefault((part, kind), {})

        def coded(quote: str) -> tuple[Sentence, ...]:
            found = done.get(quote)
            if found is None:
                found = done[quote] = tuple(
                    (s, folded, code_sentence(s, part, kind)) for s, folded in self.split(quote)
                )
            return found

        return coded


def _hits(reader: _Reader, reading: Reading) -> list[Hit]:
    """Each sentence of the quotes that triggers a rule, once per source (the first quote
    saying it, sentences compared by ``casefold``), with its quote and the rule."""
    seen: set[tuple[str, str]] = set()
    out: list[Hit] = []
    coded = reader.coder(reading.part, reading.kind)
    for evidence in reading.quotes:
        for sentence, folded, coding_rule in coded(evidence.quote):
            key = (evidence.source, folded)
            if key not in seen:
                seen.add(key)
                if coding_rule is not None:
                    out.append((sentence, evidence, coding_rule))
    return out


def _announces(reader: _Reader, reading: Reading) -> bool:
    """A held meeting whose quotes only announce it: status.held-evidence reports that."""
    if reading.part != "meeting-held":
        return False
    coded = reader.coder("meeting-planned", None)
    return any(
        coding_rule is not None
        for evidence in reading.quotes
        for _, _, coding_rule in coded(evidence.quote)
    )


def _uncoded(reading: Reading) -> Finding:
    record = reading.record
    return Finding(
        record.id,
        ("status",),
        f"{record.type} {record.id!r} ({record.kind}, {record.status}) states an act, but no "
        f"quote triggers a rule of the coding policy for {reading.part!r}: its code would not "
        "be supported by its evidence (see pakru.coding)",
    )


def _norm(text: str) -> str:
    return normalise(text).casefold()


def _acts_of(ds: "Dataset", unit: Unit, hits: Sequence[Hit]) -> Iterator[Act]:
    groups: dict[tuple[str, str | None, str | None], list[tuple[str, Evidence, CodingRule]]] = {}
    pairs: dict[tuple[str, str | None, str | None], tuple[Actor | None, Actor | None]] = {}
    for sentence, evidence, coding_rule in hits:
        if coding_rule.code is None:
            continue
        for a1, a2 in _pairs(unit, coding_rule, sentence):
            key = (coding_rule.id, _country(a1), _country(a2))
            groups.setdefault(key, []).append((sentence, evidence, coding_rule))
            if key not in pairs or _named_count(a1, a2) > _named_count(*pairs[key]):
                pairs[key] = (a1, a2)
    record = unit.record
    for key, items in groups.items():
        coding_rule = items[0][2]
        said = [sentence for sentence, _, _ in items]
        a1, a2 = (None if a is None else _with_quote_agent(a, said) for a in pairs[key])
        yield Act(
            id=f"{record.id}--{coding_rule.id}",
            record=record.id,
            record_type=record.type,
            part=unit.part,
            rule=coding_rule,
            status=record.status,
            date=record.date,
            location=_location(ds, record),
            actor1=a1,
            actor2=a2,
            quotes=(items[0][1],) if len(items) == 1 else tuple(_dedupe(e for _, e, _ in items)),
            sentences=tuple(dict.fromkeys(said)),
            loc=unit.loc,
        )


def _named_count(*actors: Actor | None) -> int:
    """How many of the actors were found by name (preferred over those inferred)."""
    return sum(1 for a in actors if a is not None and "other" not in a.basis)


def _dedupe(items: Iterable[Evidence]) -> Iterator[Evidence]:
    seen: set[Evidence] = set()
    for item in items:
        if item not in seen:
            seen.add(item)
            yield item


def _country(actor: Actor | None) -> str | None:
    return None if actor is None else actor.country or ",".join(actor.records) or None


def _unique_ids(found: list[Act]) -> tuple[Act, ...]:
    """Act ids are ``<record>--<rule>``; two acts of one record by one rule add their actors."""
    counts: dict[str, int] = {}
    for act in found:
        counts[act.id] = counts.get(act.id, 0) + 1
    return tuple(
        _replace_id(act, f"{act.id}--{_pair(act)}") if counts[act.id] > 1 else act for act in found
    )


def _pair(act: Act) -> str:
    return "-".join((_code_part(act.actor1), _code_part(act.actor2))).lower()


def _code_part(actor: Actor | None) -> str:
    if actor is None:
        return "x"
    return actor.alpha3 or (actor.records[0] if actor.records else "x")


def _replace_id(act: Act, new_id: str) -> Act:
    from dataclasses import replace  # noqa: PLC0415

    return replace(act, id=new_id)


def _location(ds: "Dataset", record: Meeting | Agreement | Event) -> Location | None:
    if isinstance(record, Agreement):
        if record.meeting is None or record.meeting not in ds:
            return None
        meeting = ds.get(record.meeting)
        return meeting.location if isinstance(meeting, Meeting) else None
    return record.location


# -- units: the parts of records the policy reads -------------------------------------


def _readings(ds: "Dataset") -> Iterator[Reading]:
    """The parts of records the policy reads, in order: meetings, events, agreements, then
    meetings' outcomes (the parts stating one act claim their sentences first)."""
    for meeting in ds.meetings:
        quotes = (*meeting.evidence, *(e for p in meeting.participants for e in p.evidence))
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
        outcomes = tuple(e for statement in meeting.outcomes for e in statement.evidence)
        if outcomes:
            yield Reading(meeting, "outcome", outcomes, ("outcomes",))


def _unit(
    ds: "Dataset",
    stated: Stated,
    parties: dict[int, tuple[tuple[Person | Body, ...], tuple[Actor, ...]]],
) -> Unit:
    """The part of a record with its sides (``parties`` keeps each meeting's, for its
    outcomes)."""
    record, part, loc, _ = stated
    if isinstance(record, Meeting):
        key = id(record)
        if key not in parties:
            parties[key] = _meeting_parties(ds, record)
        people, sides = parties[key]
        return Unit(record, part, sides, people, loc)
    if isinstance(record, Event):
        if record.kind == "statement":
            return _statement_unit(ds, record)
        return Unit(record, part, _event_sides(ds, record), (), loc)
    sides = tuple(_country_actor(c, "sides") for c in record.parties)
    return Unit(record, part, sides, (), loc)


def _held_at(ds: "Dataset") -> dict[str, list[str]]:
    """The ids of the events held at each meeting, in order."""
    held_at: dict[str, list[str]] = {}
    for event in ds.events:
        if event.meeting is not None:
            held_at.setdefault(event.meeting, []).append(event.id)
    return held_at


def _statement_unit(ds: "Dataset", event: Event) -> Unit:
    """A statement: actor 1 its people (by country) or countries, actor 2 its targets."""
    people = tuple(r for r in (_get(ds, i) for i in event.people) if isinstance(r, Person))
    countries = list(event.countries)
    countries.extend(p.country for p in people if p.country and p.country not in countries)
    speakers = tuple(
        _actor(c, [p for p in people if p.country == c], "statement-people") for c in countries
    )
    bodies = [b for b in (_get(ds, i) for i in event.target_bodies) if isinstance(b, Body)]
    targets = (
        *(_country_actor(c, "statement-targets") for c in event.targets),
        *(_actor(None, (b,), "statement-targets") for b in bodies),
    )
    return Unit(event, "event", speakers, people, ("people",), targets)


def _get(ds: "Dataset", record_id: str) -> object:
    return ds.get(record_id) if record_id in ds else None


def _meeting_parties(
    ds: "Dataset", meeting: Meeting
) -> tuple[tuple[Person | Body, ...], tuple[Actor, ...]]:
    """The meeting's participants and its sides."""
    people = _participants(ds, meeting)
    return people, _meeting_sides(ds, meeting, people)


def _held(ds: "Dataset", meeting: Meeting, held_at: dict[str, list[str]]) -> tuple[str, ...]:
    """Quotes stating what the meeting's agreements and the events held at it are: those
    outcomes are theirs."""
    held_by = [*meeting.agreements, *held_at.get(meeting.id, [])]
    return tuple(
        _norm(e.quote)
        for record_id in held_by
        if record_id in ds
        for e in _evidence_of(ds, record_id)
        if {"status", "subject"} & set(e.supports)
    )


def _overlaps(quote: str, others: Sequence[str]) -> bool:
    """True when ``quote`` contains or is contained in one of ``others``."""
    return any(quote in other or other in quote for other in others)


def _evidence_of(ds: "Dataset", record_id: str) -> tuple[Evidence, ...]:
    return ds.get(record_id).evidence


def _participants(ds: "Dataset", meeting: Meeting) -> tuple[Person | Body, ...]:
    out = []
    for p in meeting.participants:
        if p.ref in ds:
            record = ds.get(p.ref)
            if isinstance(record, Person | Body):
                out.append(record)
    return tuple(out)


def _side_of(meeting: Meeting, record: Person | Body) -> str | None:
    for p in meeting.participants:
        if p.ref == record.id and p.side is not None:
            return p.side
    return record.country


def _meeting_sides(
    ds: "Dataset", meeting: Meeting, members: tuple[Person | Body, ...]
) -> tuple[Actor, ...]:
    order: list[str] = []
    if meeting.series is not None and meeting.series in ds:
        series = ds.get(meeting.series)
        if isinstance(series, Body):
            order.extend(series.members)
    stated = _stated_sides(meeting)
    side_of = [(record, stated.get(record.id, record.country)) for record in members]
    for _, side in side_of:
        if side is not None and side not in order:
            order.append(side)
    sides = []
    for country in order:
        on_side = tuple([record for record, side in side_of if side == country])
        basis = "participant" if on_side else "sides"
        sides.append(_actor(country, on_side, basis))
    return tuple(sides)


def _stated_sides(meeting: Meeting) -> dict[str, str]:
    """The side each participant is given (its first), by id: what :func:`_side_of` reads."""
    stated: dict[str, str] = {}
    for p in meeting.participants:
        if p.side is not None:
            stated.setdefault(p.ref, p.side)
    return stated


def _event_sides(ds: "Dataset", event: Event) -> tuple[Actor, ...]:
    countries = list(event.countries)
    bodies = []
    for body_id in event.bodies:
        body = ds.get(body_id) if body_id in ds else None
        if not isinstance(body, Body):
            continue
        if body.kind == "dialogue-series":
            countries.extend(c for c in body.members if c not in countries)
        else:
            bodies.append(_actor(None, (body,), "sides"))
    return (*(_country_actor(c, "sides") for c in countries), *bodies)


def _country_actor(country: str, basis: str) -> Actor:
    return Actor(country, (), (), None, basis)


def _actor(country: str | None, records: Sequence[Person | Body], basis: str) -> Actor:
    ids = tuple([r.id for r in records])  # a list is quicker to build than a generator
    names = tuple([r.name for r in records])
    return Actor(country, ids, names, _shared_agent(records), basis)


def _shared_agent(records: Sequence[Person | Body]) -> str | None:
    """The one role the records have (those with none aside), or None when they have two."""
    found = None
    for record in records:
        agent = _agent(record)
        if agent is not None and agent != found:
            if found is not None:
                return None
            found = agent
    return found


def _agent(record: Person | Body) -> str | None:
    if isinstance(record, Body):
        return AGENTS.get(record.kind)
    if not record.titles:
        return None
    return "GOV"


_MILITARY = re.compile(r"\bmilitaries\b|\btroops\b|\barmed forces\b", re.IGNORECASE)
_OFFICIALS = re.compile(r"\bofficials\b|\bdelegations?\b", re.IGNORECASE)


def _with_quote_agent(actor: Actor, quotes: Sequence[str]) -> Actor:
    """Give an actor with no role from its records the role its quotes state."""
    if actor.agent is not None or actor.country is None:
        return actor
    text = " ".join(quotes)
    agent = "MIL" if _MILITARY.search(text) else "GOV" if _OFFICIALS.search(text) else None
    return Actor(actor.country, actor.records, actor.names, agent, actor.basis)


# -- actors of one act -------------------------------------------------------------------


def _pairs(
    unit: Unit, coding_rule: CodingRule, sentence: str
) -> list[tuple[Actor | None, Actor | None]]:
    """The actor pairs of an act: one, or for a statement one per speaker and target."""
    if coding_rule.direction != "stated":
        return [_actors(unit, coding_rule, sentence)]
    if not unit.sides or not unit.targets:
        return [(unit.sides[0] if unit.sides else None, None)]
    return [(a1, a2) for a1 in unit.sides for a2 in unit.targets]


def _actors(
    unit: Unit, coding_rule: CodingRule, sentence: str
) -> tuple[Actor | None, Actor | None]:
    if coding_rule.direction == "mutual":
        if len(unit.sides) != 2:
            return None, None
        return unit.sides[0], unit.sides[1]
    match = coding_rule.pattern.search(sentence)
    assert match is not None
    return _directed(unit, _resolve(unit, match.group("a1")), _resolve(unit, match.group("a2")))


def _directed(unit: Unit, a1: Actor | None, a2: Actor | None) -> tuple[Actor | None, Actor | None]:
    if a1 is None and a2 is not None:
        a1 = _unnamed(unit, a2)
    if a2 is None and a1 is not None:
        a2 = _unnamed(unit, a1)
    if a1 is not None and a2 is not None:
        if a1.country is None and a2.country is not None:
            a1 = _with_country(a1, _other(unit, a2.country))
        if a2.country is None and a1.country is not None:
            a2 = _with_country(a2, _other(unit, a1.country))
    return a1, a2


def _with_country(actor: Actor, country: str | None) -> Actor:
    if country is None or actor.country is not None:
        return actor
    return Actor(country, actor.records, actor.names, actor.agent, f"{actor.basis}, other-side")


def _other(unit: Unit, country: str) -> str | None:
    countries = [s.country for s in unit.sides if s.country is not None]
    if len(countries) == 2 and country in countries:
        return countries[1] if countries[0] == country else countries[0]
    return None


def _unnamed(unit: Unit, named: Actor) -> Actor | None:
    """The actor a directed act does not name: the other side, or the other participants."""
    if named.country is not None:
        other = _other(unit, named.country)
        if other is None:
            return None
        side = next(s for s in unit.sides if s.country == other)
        return Actor(other, side.records, side.names, side.agent, "other-side")
    rest = [p for p in unit.people if p.id not in named.records]
    known = [p for p in rest if isinstance(unit.record, Meeting) and _side_of(unit.record, p)]
    countries = {_side_of(unit.record, p) for p in known if isinstance(unit.record, Meeting)}
    if len(countries) != 1:
        return None
    return _actor(countries.pop(), known, "other-participants")


def _resolve(unit: Unit, words: str | None) -> Actor | None:
    """The participant, body or country ``words`` name first (longest name form wins)."""
    if not words:
        return None
    hits: list[tuple[int, int, Person | Body | str]] = []
    for record in unit.people:
        for form in _forms(record):
            for m in _form_pattern(form).finditer(words):
                hits.append((m.start(), -(m.end() - m.start()), record))
    for country in {s.country for s in unit.sides if s.country is not None}:
        name = COUNTRIES[country].name
        for m in re.finditer(rf"\b{re.escape(name)}\w*", words):
            hits.append((m.start(), -(m.end() - m.start()), country))
    if not hits:
        return None
    _, _, first = min(hits, key=lambda h: (h[0], h[1]))
    if isinstance(first, str):
        return _country_actor(first, "country-named")
    side = _side_of(unit.record, first) if isinstance(unit.record, Meeting) else first.country
    return _actor(side, (first,), "participant")


def _forms(record: Person | Body) -> tuple[str, ...]:
    if isinstance(record, Person):
        return (record.name, *record.aliases, *(t.title for t in record.titles))
    return (record.name, *record.aliases)


@lru_cache(maxsize=1024)
def _form_pattern(form: str) -> re.Pattern[str]:
    flags = 0 if form.isupper() else re.IGNORECASE
    return re.compile(rf"(?<!\w){re.escape(form)}(?!\w)", flags)


# -- the codebook ------------------------------------------------------------------------


def codebook_pages(ds: "Dataset") -> dict[str, str]:
    """Page path → Markdown: the coding policy page and one page per code used, with its acts.

    ``codebook/index.md`` is the policy (every rule, its code, QuadClass,
    Goldstein score, trigger and test sentence; the actor rules; the
    sentences left uncoded); ``codebook/<code>.md`` lists the acts of each
    code the dataset uses.
    """
    return pages(acts(ds))


__all__ = ["ACTOR_BASES", "Act", "Actor", "acts", "codebook_pages", "problems", "unsupported"]
