"""Who acted: the actors of an act, derived from the record stating it, never guessed.

Actor 1 acts on actor 2; for a mutual act they act together, in the record's
order. Each actor's ``basis`` names how it was found, one of
:data:`ACTOR_BASES`; its CAMEO role is given by :data:`ROLES`.
"""

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from pakru.acts.codes import AGENTS, REGION, THIRD_PARTIES
from pakru.acts.model import Actor
from pakru.acts.policy import CodingRule, Part
from pakru.schema import Agreement, Body, Event, Meeting, Person
from pakru.schema.countries import COUNTRIES
from pakru.schema.names import name_forms, name_pattern

if TYPE_CHECKING:
    from pakru.dataset import Dataset

ACTOR_BASES: dict[str, str] = {
    "participant": "a participant the sentence names (by name, alias or title); its country is "
    "the participant's side, else the person's or body's country",
    "country-named": "a country the sentence names by its short name or a word beginning with "
    "it (Russian, Pakistan's)",
    "sides": "one of the record's two sides, in the order the record lists them: a meeting's "
    "participant sides and series members, an agreement's parties, an event's countries and "
    "bodies (a dialogue series stands for its members)",
    "other-side": "not named: the record's other side, when it has exactly two and the named "
    "actor is on one of them; its records are the participants known to be on that side",
    "other-participants": "not named: the participants not named for the other actor, when "
    "they are all on one side",
    "statement-people": "the people (grouped by country) or countries making a statement",
    "statement-targets": "the countries or bodies a statement is directed at",
    "visit": "a visit's visitor or host: of the meeting's two sides, the host is the one whose "
    "country the meeting was held in (its location), the visitor the other",
    "third-party": "a third party the sentence names after the trigger: an organisation or "
    "group with a record (IS, Nato, SCO, RATS, UN), by its name or alias; its CAMEO code is "
    "the actor dictionaries' (pakru.acts.codes.THIRD_PARTIES)",
    "region": "no record: the sentence's words 'region', 'regional' or 'among countries' name "
    "the countries of the region, CAMEO ASA",
    "speakers": "each side the sentence names before the trigger, else both sides of the record",
    "pronoun": "a sentence whose subject is 'he' or 'she', or a quotation ending 'he said': "
    "the one participant the record's "
    "summary of that statement (the topic or outcome quoting it) names, by name, alias or "
    "title; no act when the summary names no participant",
    "record-role": "the role (MIL, GOV) of a side whose records give none: from every quote "
    "of the record stating the act (a meeting's own, its participants', topics' and "
    "outcomes'; an agreement's or event's with those of the meeting it was made at; a "
    "planned meeting's with those of the meeting announcing it), not the "
    "act's sentence alone, so all acts of one meeting have one dyad (CAMEO codes the actor, "
    "not the sentence: an official delegation is GOV in every act of its visit)",
}
"""How an actor is found (its ``basis``; several joined by ", " when one refines another)."""


ROLES = (
    "An actor's CAMEO code is its country's ISO alpha-3 code and a role: `GOV` for a person "
    "holding a title, the role of a body's kind (`MIL` armed forces, `IGO` multilateral "
    "bodies), else `MIL` or `GOV` when any quote of the record (for an agreement or event, "
    "also of the meeting it was made at; for an intent, of the meeting announcing it) calls "
    "the actors militaries, troops, officials or delegations: one role for every act of a "
    "meeting, whichever sentence states the act (basis `record-role`); otherwise the country "
    "alone (`PAK`)."
)
"""How an actor gets its CAMEO role (Markdown, for the codebook)."""

Parties = dict[int, tuple[tuple[Person | Body, ...], tuple[Actor, ...]]]
"""Each meeting's participants and sides, by the meeting's ``id()``: kept for its outcomes."""


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
    third: tuple[Body, ...] = ()
    """The bodies a sentence may name as a third party (every body not a dialogue series)."""


def third_parties(ds: "Dataset") -> tuple[Body, ...]:
    """The bodies a sentence may name as a third party: every body that is neither a
    dialogue series nor a country's own."""
    return tuple(b for b in ds.bodies if b.kind != "dialogue-series" and b.country is None)


def unit_of(
    ds: "Dataset",
    record: Meeting | Agreement | Event,
    part: Part,
    loc: tuple[str | int, ...],
    parties: Parties,
    *,
    third: tuple[Body, ...],
) -> Unit:
    """The part of a record with its sides (``parties`` keeps each meeting's, for its
    outcomes; ``third`` is :func:`third_parties`, made once per run)."""
    if isinstance(record, Meeting):
        key = id(record)
        if key not in parties:
            parties[key] = _meeting_parties(ds, record)
        people, sides = parties[key]
        return Unit(record, part, sides, people, loc, third=third)
    if isinstance(record, Event):
        if record.kind == "statement":
            return replace(_statement_unit(ds, record), third=third)
        return Unit(record, part, _event_sides(ds, record), (), loc)
    sides = tuple(_country_actor(c, "sides") for c in record.parties)
    return Unit(record, part, sides, (), loc)


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


def _participants(ds: "Dataset", meeting: Meeting) -> tuple[Person | Body, ...]:
    out = []
    for p in meeting.participants:
        if p.ref in ds:
            record = ds.get(p.ref)
            if isinstance(record, Person | Body):
                out.append(record)
    return tuple(out)


def _side_of(meeting: Meeting, record: Person | Body) -> str | None:
    """The side the meeting first gives the participant, else its own country."""
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
    side_of = [(record, _side_of(meeting, record)) for record in members]
    for _, side in side_of:
        if side is not None and side not in order:
            order.append(side)
    sides = []
    for country in order:
        on_side = tuple([record for record, side in side_of if side == country])
        basis = "participant" if on_side else "sides"
        sides.append(_actor(country, on_side, basis))
    return tuple(sides)


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
        for form in name_forms(record):
            code = THIRD_PARTIES.get(form.lower())
            if code is not None:
                return code
        return AGENTS.get(record.kind)
    if not record.titles:
        return None
    return "GOV"


_MILITARY = re.compile(r"\bmilitaries\b|\btroops\b|\barmed forces\b", re.IGNORECASE)
_OFFICIALS = re.compile(r"\bofficials\b|\bdelegations?\b", re.IGNORECASE)


def quote_agent(quotes: Sequence[str]) -> str | None:
    """The role the quotes give the sides: ``MIL`` when one calls them militaries, troops or
    armed forces, else ``GOV`` when one calls them officials or a delegation, else None.

    >>> quote_agent(["The talks went well.", "A delegation of officials arrived."])
    'GOV'
    """
    text = " ".join(quotes)
    return "MIL" if _MILITARY.search(text) else "GOV" if _OFFICIALS.search(text) else None


def with_quote_agent(actor: Actor, agent: str | None) -> Actor:
    """Give an actor with no role from its records the role of the record's quotes
    (:func:`quote_agent` of all of them: basis ``record-role``)."""
    if actor.agent is not None or actor.country is None or agent is None:
        return actor
    return Actor(actor.country, actor.records, actor.names, agent, f"{actor.basis}, record-role")


def record_quotes(ds: "Dataset", record: Meeting | Agreement | Event) -> tuple[str, ...]:
    """Every quote of the record (a meeting's own, its participants', topics' and outcomes'),
    and for an agreement or event those of the meeting it was made at: what
    :func:`quote_agent` reads, so that one meeting's acts give one dyad. A planned
    meeting's quotes come with those of the meeting that announced it (its intent, 036,
    was stated there, by that meeting's sides)."""
    meetings: list[object] = [record]
    if not isinstance(record, Meeting):
        meetings = [_get(ds, record.meeting) if record.meeting is not None else None]
    elif record.announced_at is not None:  # an intent: stated by the announcing meeting's sides
        meetings.append(_get(ds, record.announced_at))
    out = [e.quote for e in record.evidence]
    for meeting in meetings:
        if isinstance(meeting, Meeting):
            out.extend(e.quote for e in meeting.evidence if meeting is not record)
            out.extend(e.quote for p in meeting.participants for e in p.evidence)
            out.extend(e.quote for st in (*meeting.topics, *meeting.outcomes) for e in st.evidence)
    return tuple(out)


def pairs(
    unit: Unit, coding_rule: CodingRule, sentence: str, summary: str = ""
) -> list[tuple[Actor | None, Actor | None]]:
    """The actor pairs of an act: one, or for a statement one per speaker and target, or for
    an act on a third party one per speaker; none for a visit whose host is unknown."""
    if coding_rule.direction in ("visitor", "host"):
        return _visit(unit, coding_rule.direction)
    if coding_rule.direction == "third":
        return _third(unit, coding_rule, sentence, summary)
    if coding_rule.direction == "directed" and _third_first(unit, coding_rule, sentence):
        return []
    if coding_rule.direction != "stated":
        return [_actors(unit, coding_rule, sentence, summary)]
    if not unit.sides or not unit.targets:
        return [(unit.sides[0] if unit.sides else None, None)]
    return [(a1, a2) for a1 in unit.sides for a2 in unit.targets]


def _third_first(unit: Unit, coding_rule: CodingRule, sentence: str) -> bool:
    """True when the words after the trigger of a directed act (actor 2's, or for a
    delivery received "from" someone actor 1's) name a third country or organisation before
    either side ("praised the role of China", "received engines from China"): the act is not
    between the two sides, so it gives no row rather than one aimed at the other side by
    default. The words before the trigger are not read: they may set a scene ("In
    Afghanistan, …") without naming an actor."""
    match = coding_rule.pattern.search(sentence)
    if match is None or not {"a1", "a2"} <= set(match.groupdict()):
        return False
    after = max(("a1", "a2"), key=match.start)
    words = match.group(after) or ""
    if not words:
        return False
    sides = {s.country for s in unit.sides if s.country is not None}
    first_third: int | None = None
    for code, country in COUNTRIES.items():
        if code in sides:
            continue
        for m in re.finditer(rf"\b{re.escape(country.name)}\b", words):
            first_third = m.start() if first_third is None else min(first_third, m.start())
    for body in unit.third:
        for form in name_forms(body):
            for m in name_pattern(form).finditer(words):
                first_third = m.start() if first_third is None else min(first_third, m.start())
    if first_third is None:
        return False
    named = _resolve(unit, words[:first_third])
    return named is None


def _actors(
    unit: Unit, coding_rule: CodingRule, sentence: str, summary: str = ""
) -> tuple[Actor | None, Actor | None]:
    if coding_rule.direction == "mutual":
        if len(unit.sides) != 2:
            return None, None
        return unit.sides[0], unit.sides[1]
    match = coding_rule.pattern.search(sentence)
    assert match is not None
    if _SINGULAR.match(match.group("a1") or "") or (
        _SAID.search(sentence) and _resolve(unit, match.group("a1")) is None
    ):
        speaker = _speaker(unit, summary)
        if speaker is not None:
            return _directed(unit, speaker, None)
    return _directed(unit, _resolve(unit, match.group("a1")), _resolve(unit, match.group("a2")))


def _speaker(unit: Unit, summary: str) -> Actor | None:
    """The one participant a pronoun subject ("She also expressed …") stands for: the person
    the record's summary of the statement names (basis ``pronoun``), when that person is a
    participant with a side; None otherwise (no act rather than a guess)."""
    named = _resolve(unit, summary)
    if named is None or named.country is None or len(named.records) != 1:
        return None
    return _based(named, "pronoun")


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
        for form in name_forms(record):
            for m in name_pattern(form).finditer(words):
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


def _visit(unit: Unit, direction: str) -> list[tuple[Actor | None, Actor | None]]:
    """The visitor and the host of a held meeting: the host is the side whose country the
    meeting was held in. None when the place or the sides do not tell them apart."""
    record = unit.record
    place = record.location if isinstance(record, Meeting) else None
    held_in = place.country if place is not None else None
    if held_in is None or len(unit.sides) != 2:
        return []
    hosts = [s for s in unit.sides if s.country == held_in]
    guests = [s for s in unit.sides if s.country != held_in]
    if len(hosts) != 1 or len(guests) != 1:
        return []
    host, guest = (_based(a, "visit") for a in (hosts[0], guests[0]))
    return [(guest, host)] if direction == "visitor" else [(host, guest)]


def _based(actor: Actor, basis: str) -> Actor:
    return Actor(actor.country, actor.records, actor.names, actor.agent, f"{actor.basis}, {basis}")


_REGION = re.compile(r"\bregion(?:al)?\b|\bamong (?:the )?(?:regional )?countries\b", re.I)


_SINGULAR = re.compile(r"^\W*(?:he|she)\b", re.I)
_SAID = re.compile(r"\b(?:he|she) (?:said|added)\W*$", re.I)
"""A quoted sentence attributed to a pronoun ("…,” he said."): its speaker is the record's."""


def _third(
    unit: Unit, coding_rule: CodingRule, sentence: str, summary: str
) -> list[tuple[Actor | None, Actor | None]]:
    """An act on a third party: one row per speaker, the party named after the trigger.

    A sentence whose subject is "he" or "she" names one speaker: the one the record's
    summary of the statement (``summary``) names; none when it names none."""
    match = coding_rule.pattern.search(sentence)
    assert match is not None
    target = _third_party(unit, match.group("a2") or "")
    if target is None:
        return []
    before = match.group("a1") or ""
    if _SINGULAR.match(before):
        named = _resolve(unit, summary)
        return [] if named is None or named.country is None else [(named, target)]
    named = _resolve(unit, before)
    if named is not None and named.country is not None and not _both(match.group("a1") or ""):
        speakers: tuple[Actor, ...] = (named,)
    else:
        speakers = tuple(_based(s, "speakers") for s in unit.sides if s.country is not None)
    return [(speaker, target) for speaker in speakers]


_BOTH = re.compile(r"\b(?:both|two sides|they|and Russia|and Pakistan)\b", re.I)


def _both(words: str) -> bool:
    return _BOTH.search(words) is not None


def _third_party(unit: Unit, words: str) -> Actor | None:
    """The organisation or group ``words`` name first, else the region when they name it."""
    hits: list[tuple[int, int, Body]] = []
    for body in unit.third:
        for form in name_forms(body):
            for m in name_pattern(form).finditer(words):
                hits.append((m.start(), -(m.end() - m.start()), body))
    if hits:
        _, _, first = min(hits, key=lambda h: (h[0], h[1]))
        return _actor(first.country, (first,), "third-party")
    if _REGION.search(words):
        return Actor(None, (), ("countries of the region",), REGION, "region")
    return None
