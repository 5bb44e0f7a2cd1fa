"""Meetings a sentence reports without a number: talks held, a call paid, a counterpart met.

``"Minister A held talks with his Russian counterpart"``, ``"consultations between
the two sides were held"``, ``"A called on B"``, ``"A visited Moscow and met B"``,
``"A will visit Islamabad"``: general news wording for an encounter of officials.
A sentence counts only when its actors are of Pakistan or Russia and of no third
country (a meeting between third parties is not one of the dataset's), and never
for a telephone or video call, which is not an encounter.
"""

import re
from dataclasses import dataclass

from pakru.draft.read import Sentence
from pakru.schema.reference import cities
from pakru.validate.derive.text import countries_named

_TALKS = (
    r"(?i:talks|consultations|discussions|negotiations|meetings?|a\s+meeting"
    r"|a\s+round\s+of\s+talks)"
)
HELD = re.compile(
    rf"\b(?:held|holds)\s+(?:[\w-]+\s+){{0,3}}?{_TALKS}\b"
    rf"|\b(?:had|has|have)\s+(?:[\w-]+\s+){{0,2}}?{_TALKS}\s+with\b"
    r"|\b(?:meeting|session|sitting|round)\s+of\s+(?:the\s+)?[A-Z][^.;]{0,120}?"
    r"\b(?:(?:was|were)\s+(?:held|convened)|took\s+place)\b"
    r"|\bcalls\s+on\s+(?:the\s+)?[A-Z]"
    r"|\bmeets\s+(?:with\s+)?(?:(?:his|her|their)\s+\w+\s+counterparts?|(?:the\s+)?[A-Z])"
    r"|\bco-?chaired\b"
    r"|\breceived\s+(?:the\s+|a\s+)?(?:visiting\s+)?(?:[A-Z][\w-]*\s+){0,4}"
    r"(?i:delegation|minister|ambassador|envoy|team|officials)\b"
    r"|\b(?i:during)\s+(?:his|her|their|a|the)\s+(?:[\w-]+\s+){0,2}visit\s+to\s+[A-Z]"
    r"|\bin\s+a\s+meeting\s+with\b"
    rf"|\b(?i:talks|consultations|discussions|negotiations|a\s+meeting)\s+(?:between|with)\b"
    r"[^.;]{0,160}?\b(?:was|were)\s+held\b"
    r"|\bcalled\s+on\s+(?:the\s+)?[A-Z]"
    r"|\bpaid\s+a\s+(?:courtesy\s+)?(?:call|visit)\s+(?:on|to)\b"
    r"|\bmet\s+(?:with\s+)?(?:(?:his|her|their)\s+\w+\s+counterparts?|(?:the\s+)?[A-Z])"
    r"|\bmet\s+(?:in|at)\s+(?:the\s+)?[A-Z]"
    r"|\b(?:at|during)\s+(?:their|a)\s+(?:meeting|talks)\s+(?:in|at|on|with)\b"
    r"|\bdiscussed\b[^.;]{0,160}?\bwith\s+(?:(?:his|her|their)\s+\w+\s+counterparts?|[A-Z])"
    r"|\bvisited\s+[A-Z][\w-]+\s+and\s+(?:met|held)\b"
    r"|\b(?:paid|made|undertook)\s+(?:a|an|his|her|their)\s+(?:[\w-]+\s+){0,2}visit\s+to\s+[A-Z]"
    r"|\barrived\s+in\s+[A-Z][\w-]+\s+(?:on|for)\s+(?:a|an|his|her|their)\s+(?:[\w-]+\s+){0,2}visit"
    r"|(?<!has )(?<!have )\bvisited\s+(?:the\s+)?[A-Z]"
)
"""An encounter reported as held."""

PLANNED = re.compile(
    r"\b(?:will|shall|would|(?:is|are)\s+(?:expected|scheduled|due|set|slated|going)\s+to"
    r"|plans?\s+to|agreed\s+to|decided\s+to)\s+(?:also\s+)?"
    r"(?:visit|hold|meet|pay\s+a|call\s+on|travel\s+to)\b"
)
"""An encounter reported as to come: "will visit", "is expected to hold", "agreed to hold"."""

_NOT_IN_PERSON = re.compile(r"\b(?:tele)?phone\b|\bvideo[\s-]?(?:link|conference|call)\b", re.I)
_TOPIC = re.compile(
    r"\b(?:on|about|over|regarding|concerning|including|covering|to\s+discuss|discussed"
    r"|focus(?:ed|ing)?)\b|[,;(]"
)
_FOREIGN_COUNTERPART = re.compile(
    r"\b(?!Russian\b|Pakistani\b)(?:[A-Z][a-z]+(?:ese|ian|an|i|ish|ch)|[A-Z][a-z]+)\s+counterparts?\b"
    r"|\b(?!Russian\b|Pakistani\b)[A-Z][a-z]+(?:ese|ian|an|i|ish|ch)\s+(?:[A-Z][a-z]+\s+){0,2}"
    r"(?i:officials?|delegation|envoy|side|minister|president|premier|ambassador|leaders?"
    r"|diplomats?|secretary|prince|king|chancellor|team|army|forces?|troops|navy)\b"
)
"""Another country's officials by its people's name ("his Chinese counterpart", "Afghan
officials", "Indian Prime Minister"): a third party's encounter, not one of the dataset's."""
_SEPARATE = re.compile(
    r"\b(?:also|meanwhile|separately|later|earlier|last|previously|recently|subsequently)\b",
    re.I,
)
"""Words that say a sentence reports another encounter than the one before it."""
_SIDES = frozenset({"PK", "RU"})
ANAPHOR = re.compile(
    r"(?:The|These|Those|Both)\s+(?:talks|meeting|meetings|consultations|discussions|session"
    r"|round|visit)\b"
)
"""A sentence that opens on "The talks ..." tells more of the meeting named before it."""


@dataclass(frozen=True)
class Encounter:
    """What one sentence says of an encounter: held or planned, the kind, the phrase."""

    status: str
    kind: str
    phrase: str
    """The words that report it ("held talks", "called on")."""


def encounter(text: str) -> Encounter | None:
    """The encounter ``text`` reports between officials of the two countries, if any."""
    if _NOT_IN_PERSON.search(text):
        return None
    planned = PLANNED.search(text)
    held = HELD.search(text)
    match = planned or held
    if match is None:
        return None
    if not _between_the_sides(text, match):
        return None
    status = "planned" if planned is not None else "held"
    phrase = match.group(0)
    return Encounter(status, _kind(text, phrase), phrase)


def _between_the_sides(text: str, match: re.Match[str]) -> bool:
    """The actors (the words up to the encounter and its object, before any topic) name
    Pakistan or Russia and no third country."""
    topic = _TOPIC.search(text, match.end())
    actors = text[: topic.start() if topic else len(text)]
    named = countries_named(actors)
    if named - _SIDES:
        return False  # a third country
    if not countries_named(actors, capitals=True) & _SIDES and not _city_of_a_side(actors):
        return False  # neither side (a city of theirs counts: "will visit Karachi")
    return _FOREIGN_COUNTERPART.search(actors) is None


_CITY = re.compile(
    r"\b(?:in|at|to|visit|visited|visits|visiting)\s+([A-Z][a-z]+(?:[ -][A-Z][a-z]+)?)"
)


def _city_of_a_side(text: str) -> bool:
    """The words name a city of Pakistan or Russia the gazetteer knows ("visit Karachi")."""
    for match in _CITY.finditer(text):
        name = match[1]
        if any(cities(candidate) for candidate in (name, name.split()[0])):
            return True
    return False


def _third_party(text: str) -> bool:
    """The sentence reports an encounter whose actors include a third country."""
    match = PLANNED.search(text) or HELD.search(text)
    if match is None:
        return False
    topic = _TOPIC.search(text, match.end())
    actors = text[: topic.start() if topic else len(text)]
    return bool(countries_named(actors) - _SIDES) or bool(_FOREIGN_COUNTERPART.search(actors))


def separate(text: str) -> bool:
    """The sentence says it reports another encounter ("also", "meanwhile", "last month")."""
    return _SEPARATE.search(text) is not None


def _kind(text: str, phrase: str) -> str:
    if "call" in phrase:
        return "courtesy-call"
    if re.search(r"\bforeign\s+ministers?\b", text, re.I) and "Deputy" not in text:
        return "ministerial-talks"
    return "other"


def about(first: int, sentences: list[Sentence]) -> list[Sentence]:
    """The sentences that tell of the meeting ``sentences[first]`` reports: it and those
    after it, up to one that reports another encounter (of the two sides in another
    paragraph, by telephone, or with a third country) or says it tells of another
    ("Meanwhile", "Separately")."""
    out = sentences[first : first + 1]
    paragraph = sentences[first].paragraph if out else None
    for sentence in sentences[first + 1 :]:
        text = sentence.text
        # an encounter in the meeting's own paragraph is more of it (as the draft reads it)
        another = (
            encounter(text) is not None
            and sentence.paragraph != paragraph
            and not ANAPHOR.match(text)
        )
        if another or _NOT_IN_PERSON.search(text) or _third_party(text):
            break
        if separate(text):
            break
        out.append(sentence)
    return out
