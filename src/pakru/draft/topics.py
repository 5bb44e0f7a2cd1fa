"""What a held meeting discussed and what came of it: its ``topics`` and ``outcomes``.

The coding policy (:mod:`pakru.acts.policy`) codes a meeting from its quotes: the
meeting's slot is 046 (negotiation) when a sentence of its evidence, its participants
or its topics states talks or discussions, else 040; and each topic or outcome sentence
triggering a rule of the ``outcome`` part is an act of its own (an accord, a concern, a
praise, a briefing, an appeal). So the draft gives a held meeting, from the sentences of
its paragraph (the meeting's sentence up to the next held meeting), the ones the policy
itself reads:

- a **topic**: a sentence stating talks, discussions or an exchange of views (the
  policy's ``talks`` rule, read as for a held meeting), "the two sides discussed ...";
- an **outcome**: a sentence that triggers a rule of the policy's ``outcome`` part with a
  code ("the sides expressed concern over ...", "the Russian side appreciated ...").

The policy's triggers are the pattern: no wording is added here, so what the draft
proposes is exactly what the act coder will code, and each statement's quote is the
sentence, verbatim. A sentence announcing a meeting (:func:`pakru.acts.policy.announces`)
is the planned meeting's, not an outcome; the meeting's own sentence is its evidence
already. The paraphrase (``text``) is the sentence itself: a person shortens it.
"""

import copy
from typing import Any

from pakru.acts.policy import announces, code_sentence, code_slots
from pakru.draft.meetings import Found
from pakru.draft.model import Edit
from pakru.draft.read import Sentence
from pakru.schema.meeting import Meeting
from pakru.schema.text import normalise


def _talks(text: str) -> bool:
    return any(rule.id == "talks" for rule in code_slots(text, "meeting-held"))


def _outcome(text: str) -> str | None:
    """The id of the first outcome rule with a code the sentence triggers, else None."""
    rule = code_sentence(text, "outcome")
    return None if rule is None or rule.code is None else rule.id


def _statement(sentence: Sentence, source: str) -> dict[str, Any]:
    return {
        "text": normalise(sentence.text),
        "evidence": [{"source": source, "quote": sentence.text}],
    }


def discussed(meeting: Found, sentences: list[Sentence], source: str) -> list[str]:
    """Add to a held ``meeting`` the topics and outcomes ``sentences`` (its paragraph) state;
    return what a person must confirm about them (empty when none was added)."""
    if meeting.status != "held":
        return []
    record = meeting.record
    own = {normalise(e["quote"]) for e in record["evidence"]}
    topics: list[dict[str, Any]] = []
    outcomes: list[dict[str, Any]] = []
    rules: list[str] = []
    for sentence in sentences:
        text = sentence.text
        if normalise(text) in own or announces(text):
            continue
        rule = _outcome(text)
        if rule is not None:
            outcomes.append(_statement(sentence, source))
            rules.append(rule)
        elif _talks(text):
            topics.append(_statement(sentence, source))
            rules.append("talks")
    if topics:
        record["topics"] = [*record.get("topics", []), *topics]
    if outcomes:
        record["outcomes"] = [*record.get("outcomes", []), *outcomes]
    if not rules:
        return []
    return [
        f"topics/outcomes: {len(topics)} topic(s) and {len(outcomes)} outcome(s), each the "
        f"sentence a rule of the coding policy reads ({', '.join(dict.fromkeys(rules))}); "
        "check that each is said of this meeting and shorten its text to a paraphrase"
    ]


def added(existing: Meeting, meeting: Found, sentences: list[Sentence], source: str) -> list[Edit]:
    """For a meeting the tree has, from a report it does not cite yet: the topics and
    outcomes the report states that the record does not quote, as edits (appended only
    with ``--apply``). A report the record cites already was read by its coder: nothing new."""
    if any(e.source == source for e in existing.evidence):
        return []
    found = copy.deepcopy(meeting)
    discussed(found, sentences, source)
    quoted = {
        normalise(e.quote)
        for statement in (*existing.topics, *existing.outcomes)
        for e in statement.evidence
    }
    edits = []
    for field in ("topics", "outcomes"):
        for statement in found.record.get(field, []):
            evidence = statement["evidence"][0]
            if normalise(evidence["quote"]) in quoted:
                continue
            edits.append(
                Edit(
                    existing.id,
                    field,
                    statement,
                    "append",
                    evidence=evidence,
                    why=f"a {field[:-1]} the record does not quote (a sentence the coding "
                    "policy reads)",
                )
            )
    return edits
