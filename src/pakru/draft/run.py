"""One report to one draft: read the story, find meetings and their people, propose edits."""

from typing import Any

from pydantic import ValidationError

from pakru.dataset import Dataset
from pakru.draft.acts import code
from pakru.draft.agreements import Story, reached, signed_apart
from pakru.draft.edits import (
    held_already,
    plan_held,
    recorded,
    second_source,
    unprinted_alias,
)
from pakru.draft.events import deliveries, exercises, milestones, statements
from pakru.draft.meetings import Found, find_meetings
from pakru.draft.model import Confidence, Draft, Edit, Proposal, as_record
from pakru.draft.people import led_by, new_person
from pakru.draft.read import Sentence, story
from pakru.draft.topics import added, discussed
from pakru.schema.body import Body
from pakru.tools.layout import read_layout


def draft(ds: Dataset, source: dict[str, Any], text: str) -> Draft:
    """The records and edits ``text`` proposes against the tree ``ds``.

    ``source`` is the report's source record in its model form (``published``
    a date, ``dateline`` the city). Nothing in ``ds`` is changed.
    """
    sentences = story(text, read_layout(text))
    out = Draft(source=source)
    bodies: list[Body] = []
    found = find_meetings(ds, sentences, source, bodies)
    for body in bodies:
        data = body.model_dump(mode="json", exclude_defaults=True)
        confirm = [
            f"series: {body.name!r} is no series of the tree (by name or alias); confirm a new "
            "dialogue series, or add the name as an alias of the series it is"
        ]
        out.records.append(Proposal(data, "low", confirm))
    taken = {r.id for r in ds.records}
    for meeting in found:
        if (existing := recorded(ds, meeting)) is not None:
            _renamed(found, meeting.record["id"], existing.id)
        out.edits.extend(unprinted_alias(ds, meeting))
    named = {meeting.sentence.index for meeting in found}
    pair = Story(sentences)
    for index, meeting in enumerate(found):
        # a held meeting's paragraph runs to the next held meeting ("the next meeting
        # would be held ..." inside it is a plan, not the end of what is said about it)
        following = next((f.sentence.index for f in found[index + 1 :] if f.status == "held"), None)
        _participants(ds, meeting, sentences=sentences, until=following, out=out, taken=taken)
        # a sentence naming another held meeting is that meeting's; one announcing the
        # next may state a commitment too ("agreed to continue the dialogue and to hold
        # the next round"): topics and agreements leave the announcement itself out
        held = {f.sentence.index for f in found if f.status == "held"}
        own = meeting.sentence.index
        others = [s for s in sentences[own:following] if s.index not in held or s.index == own]
        if (existing := recorded(ds, meeting)) is not None:
            out.edits.extend(added(existing, meeting, others, source["id"]))
        else:  # a recorded meeting's agreements are recorded too
            meeting.confirm.extend(discussed(meeting, others, source["id"]))
            # the first held meeting's agreements may be in the lede before it, which sums up
            # the story ("Pakistan and Russia have reaffirmed their resolve to ...")
            if meeting is next((f for f in found if f.status == "held"), None):
                others = [s for s in sentences[:own] if s.index not in held] + others
            for agreement in reached(meeting, others, source, taken, pair):
                meeting.record.setdefault("agreements", []).append(agreement.id)
                out.records.append(agreement)
    for meeting in found:
        _place(ds, meeting, out, taken)
    used = {e["quote"] for p in out.records if p.type == "agreement" for e in p.data["evidence"]}
    out.records.extend(signed_apart(sentences, source, taken, pair, used))
    out.records.extend(exercises(sentences, source, taken, named))
    out.records.extend(deliveries(sentences, source, taken, pair))
    out.records.extend(statements(sentences, source, taken, pair))
    out.records.extend(milestones(sentences, source, taken, pair))
    _check(out)
    code(ds, out, text)
    return out


def _participants(
    ds: Dataset,
    meeting: Found,
    *,
    sentences: list[Sentence],
    until: int | None,
    out: Draft,
    taken: set[str],
) -> None:
    """People who led a side, in the meeting's sentence and those up to the next meeting."""
    if meeting.status != "held":
        return
    end = until if until is not None else len(sentences)
    source = out.source["id"]
    refs: set[str] = set()
    for sentence in sentences[meeting.sentence.index : end]:
        for named in led_by(sentence.text, ds):
            ref = named.person_id
            if ref is None:
                existing = next((p for p in out.records if p.data.get("name") == named.name), None)
                if existing is None:
                    person = new_person(named, source, meeting.record, taken)
                    taken.add(person["id"])
                    confirm = [
                        f"person: {named.name!r} is no one in the tree (checked by name, "
                        "aliases and initials); confirm a new person"
                    ]
                    nulls = {} if named.side else {"country": "the sentence names no side"}
                    out.records.append(Proposal(person, "medium", confirm, nulls))
                    existing = out.records[-1]
                ref = existing.id
            if ref in refs:
                continue
            refs.add(ref)
            participant: dict[str, Any] = {
                "ref": ref,
                "role": "led the delegation" if named.side is None else None,
                "side": named.side,
                "lead": True,
                "evidence": [{"source": source, "quote": named.quote}],
            }
            if named.side is not None:
                participant["role"] = f"led the {_country_word(named.side)} side"
            meeting.record["participants"].append(participant)
            if named.side is None:
                meeting.confirm.append(f"participants: {ref}'s side is not printed")


def _renamed(found: list[Found], old: str, new: str) -> None:
    """A drafted meeting that is a recorded one takes its id (in the links to it too)."""
    for meeting in found:
        if meeting.record["id"] == old:
            meeting.record["id"] = new
        if meeting.record.get("announced_at") == old:
            meeting.record["announced_at"] = new
        for derivation in meeting.record["derivations"]:
            if derivation.get("anchor") == old:
                derivation["anchor"] = new


def _country_word(code: str) -> str:
    return {"PK": "Pakistani", "RU": "Russian"}.get(code, code)


def _place(ds: Dataset, meeting: Found, out: Draft, taken: set[str]) -> None:
    """A proposal for a new meeting, or edits for one the tree has."""
    existing = recorded(ds, meeting)
    if existing is not None:
        out.edits.extend(second_source(existing, meeting))
        out.edits.extend(held_already(ds, meeting))
        return
    if (plan := plan_held(ds, meeting)) is not None:
        meeting.record["realises"] = plan.id
        meeting.record["evidence"][0]["supports"].append("realises")
        meeting.confirm.append(f"realises: the held meeting carries out the plan {plan.id}")
    out.edits.extend(held_already(ds, meeting))
    taken.add(meeting.record["id"])
    confidence: Confidence = "high" if not meeting.nulls else "medium" if meeting.series else "low"
    out.records.insert(
        _first_meeting_slot(out),
        Proposal(meeting.record, confidence, meeting.confirm, meeting.nulls),
    )


def _first_meeting_slot(out: Draft) -> int:
    return sum(1 for p in out.records if p.type == "meeting")


def _check(out: Draft) -> None:
    """Every proposal builds as its model; a proposal that does not is dropped with the
    reason among the edits' notes (a draft never hands out a record its model refuses)."""
    kept: list[Proposal] = []
    for proposal in out.records:
        try:
            as_record(proposal)
        except ValidationError as error:
            out.edits.append(
                Edit(
                    proposal.id,
                    "-",
                    None,
                    "set",
                    why="not proposed: the record does not build: "
                    + "; ".join(
                        f"{'.'.join(map(str, e['loc']))}: {e['msg']}" for e in error.errors()
                    ),
                )
            )
            continue
        kept.append(proposal)
    out.records = kept
