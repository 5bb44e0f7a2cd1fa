"""The CAMEO coding policy: one ordered list of rules, each a trigger phrase and a code.

An *act* is something one side did to or with the other that a record
states: a meeting held or planned, an agreement signed or concluded, a
commitment, a statement, an exercise, a delivery. :mod:`pakru.acts.extract`
cuts the quotes of each record into sentences (the project's one sentence
splitter, :func:`pakru.schema.text.sentences`) and gives every sentence the
first rule below, in order, that applies to the part of the record it
quotes and whose trigger occurs in it. So a more specific rule comes before
a more general one, and the order is part of the policy.

The parts of a record (``Part``):

- ``meeting-held`` / ``meeting-planned``: a meeting's own quotes (its
  ``evidence`` and its participants' evidence) — one act per meeting, coded
  by the first rule, in policy order, that any of its sentences triggers;
- ``agreement-signed``: an agreement signed or concluded — one act;
- ``agreement-agreed``: an agreement agreed or planned (a decision, a
  commitment) — one act per rule triggered, so a record packing three
  commitments yields three acts;
- ``outcome``: the outcomes of a meeting — one act per rule and direction;
  an outcome quoted by an agreement the meeting lists is that agreement's
  act, not a second one;
- ``event``: an exercise, delivery, accession, membership or milestone — one act.

A rule whose ``code`` is None records a *state*, not an act (a membership
held, an accession to an organisation that is not a Pakistan–Russia act):
it yields no row, and says so in the codebook.

A sentence states an act once: a sentence whose act another record already
holds under the same code (the planned next meeting, announced in a list of
commitments) is not coded again.

Actors (``Direction``): ``mutual`` acts are done by both sides together
(talks, a signed agreement, a joint exercise) and take the two sides of the
record in the order the record lists them; ``directed`` acts take actor 1
from the words before the trigger (group ``a1``) and actor 2 from the words
after it (``a2``), each resolved to a participant, a body or a country by
the names the records give them (see :mod:`pakru.acts.actors`); ``stated`` acts
(statements recorded as events) take actor 1 from the event's ``people``
and ``countries`` and actor 2 from its ``targets`` and ``target_bodies`` —
one row per pair, as dyadic event data count a joint statement.
"""

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import cache, cached_property
from importlib import import_module
from typing import Any, Literal

Part = Literal[
    "meeting-held", "meeting-planned", "agreement-signed", "agreement-agreed", "outcome", "event"
]
Direction = Literal["mutual", "directed", "stated"]

SINGLE_ACT_PARTS: frozenset[str] = frozenset(
    {"meeting-held", "meeting-planned", "agreement-signed", "event"}
)
"""Parts that state one act (the first rule in policy order wins); the others state one per rule."""


@dataclass(frozen=True)
class CodingRule:
    """One rule of the policy: where it applies, the phrase that triggers it, the code it gives."""

    id: str
    """Stable rule id; part of the ids of the acts it codes."""
    code: str | None
    """The CAMEO event code, or None for a state that is not an act."""
    parts: tuple[Part, ...]
    """The parts of records whose sentences the rule reads."""
    trigger: str
    """A regular expression (case-insensitive) matched against one sentence."""
    direction: Direction
    """How the actors are found (see the module docstring)."""
    why: str
    """The reason for the code, for the codebook."""
    example: str
    """A sentence that triggers this rule (and no earlier one): its test case."""
    kinds: tuple[str, ...] = ()
    """For ``event`` parts: the event kinds it applies to (empty: any kind)."""

    @cached_property
    def pattern(self) -> re.Pattern[str]:
        """The compiled trigger."""
        return re.compile(self.trigger, re.IGNORECASE)

    @cached_property
    def needs(self) -> tuple[str, ...]:
        """Words (lowercase letters and spaces) of which every match of the trigger contains one.

        A speed hint derived from the trigger (:func:`needed_words`), not part of the
        policy: a sentence whose :func:`fold` contains none of them cannot trigger the
        rule, so its trigger is not searched. Tests draw strings from each trigger and
        check that they contain one, and that skipping never changes the rule a sentence
        gets (tests/acts/test_coding_speed.py).
        """
        return needed_words(self.trigger)

    def admits(self, folded: str) -> bool:
        """False when ``folded`` (a sentence's :func:`fold`) cannot trigger this rule."""
        return _admits(self.needs, folded)


def _admits(needs: tuple[str, ...], folded: str) -> bool:
    if not needs:
        return True
    for word in needs:  # noqa: SIM110 - a loop of ``in`` beats any() and a regex alike
        if word in folded:
            return True
    return False


_BEFORE = r"^(?P<a1>.*?)"
"""Actor 1 of a directed act: the words of the sentence before the trigger."""

ANNOUNCES = (
    r"\bnext meeting\b|\b(?:would|will|shall|to) be held\b|\b(?:agreed to|will|would) hold\b"
    r"|\bis scheduled\b|\bwill meet\b"
)
"""Phrases announcing a meeting rather than reporting one (:func:`announces`): the
``next-meeting`` rule's trigger, what the ``talks`` rule refuses and what status.held-evidence
looks for. A bare "planned" is none: reports say it of held meetings ("had originally been
planned for last year but was held over")."""

_NOT_ANNOUNCED = rf"^(?!.*(?:{ANNOUNCES}))"
"""A sentence that does not announce a meeting."""

POLICY: tuple[CodingRule, ...] = (
    CodingRule(
        "call-on",
        "042",
        ("meeting-held",),
        _BEFORE + r"\bcalled on\b(?P<a2>.*)",
        "directed",
        "A call on an official is a visit made by the caller (042 Make a visit), even when "
        "consultations follow; the official called on is actor 2.",
        "Deputy Secretary Mikhail Popov called on Foreign Secretary Tehmina Janjua here and "
        "held consultations",
    ),
    CodingRule(
        "host-guests",
        "043",
        ("meeting-held",),
        _BEFORE + r"\breceived and welcomed (?P<a2>the guests)",
        "directed",
        "Receiving and welcoming guests is hosting a visit (043 Host a visit); the host is "
        "actor 1.",
        "NSA warmly received and welcomed the guests and thanked them for coming to Pakistan.",
    ),
    CodingRule(
        "talks",
        "046",
        ("meeting-held",),
        _NOT_ANNOUNCED + r".*\b(?:meeting|round|talks|consultations|dialogues?)\b",
        "mutual",
        "A meeting, round or talks reported as held is negotiation between the two sides "
        "(046 Engage in negotiation); a visit in which talks are held is coded as the talks; "
        "a sentence announcing a meeting never codes a held one.",
        "The 12th meeting of the Pakistan-Russia Consultative Group on Strategic Stability was "
        "held at the Ministry of Foreign Affairs",
    ),
    CodingRule(
        "visit",
        "042",
        ("meeting-held",),
        _BEFORE + r"\bvisited\b(?P<a2>.*)",
        "directed",
        "A visit with no talks reported is 042 Make a visit; the visitor is actor 1.",
        "The foreign minister visited Moscow last week.",
    ),
    CodingRule(
        "next-meeting",
        "036",
        ("meeting-planned", "agreement-agreed", "outcome"),
        ANNOUNCES,
        "mutual",
        "Agreeing when and where to meet next is 036 Express intent to meet or negotiate.",
        "It was agreed that the next meeting of the JWG would be held in Moscow in 2019.",
    ),
    CodingRule(
        "sign",
        "057",
        ("agreement-signed",),
        r"\b(?:signed|inked|concluded)\b",
        "mutual",
        "An agreement signed, inked or concluded is 057 Sign formal agreement.",
        "Pakistan and Russia in Nov 2014 signed a defence cooperation agreement",
    ),
    CodingRule(
        "military-commission",
        "0312",
        ("agreement-agreed",),
        r"\bagreed to (?:setting up|set up)\b[^.]*\bmilitary cooperation\b"
        r"|\bforming a military cooperation commission\b",
        "mutual",
        "Agreeing to set up a commission for military cooperation is an intent to cooperate "
        "militarily (0312), more specific than 030.",
        "both sides agreed to setting up of a commission for promoting military cooperation",
    ),
    CodingRule(
        "cooperate-in-fora",
        "032",
        ("agreement-agreed", "outcome"),
        r"\bagreed to cooperate at the United Nations\b|\bcooperate\b[^.]*\binternational fora\b",
        "mutual",
        "Agreeing to cooperate at the United Nations and other fora is diplomatic cooperation "
        "promised (032 Express intent to provide diplomatic cooperation).",
        "They also agreed to cooperate at the United Nations and other international fora for "
        "combating terrorism.",
    ),
    CodingRule(
        "reaffirm-commitment",
        "030",
        ("agreement-agreed", "outcome"),
        r"\breaffirmed (?:the|their) commitments?\b",
        "mutual",
        "Reaffirming a commitment to cooperate, with no more specific kind of cooperation named "
        "alone, is 030 Express intent to cooperate.",
        "The two sides reaffirmed the commitment for promoting bilateral cooperation for "
        "countering terrorism.",
    ),
    CodingRule(
        "agree-cooperation",
        "030",
        ("outcome", "agreement-agreed"),
        r"\bagreed (?:on the need )?to\b[^.]*\bcooperation\b",
        "mutual",
        "Agreeing to explore or expand cooperation is 030 Express intent to cooperate.",
        "Both sides agreed on the need to further capitalise on the bilateral relations by "
        "exploring mutually beneficial avenues for bilateral cooperation.",
    ),
    CodingRule(
        "reiterate-commitment",
        "030",
        ("outcome",),
        _BEFORE + r"\breiterated the commitment\b[^.]*?\bcooperation with\b(?P<a2>.*)",
        "directed",
        "One side reiterating its commitment to cooperate with the other is 030 Express intent "
        "to cooperate; actor 2 is the side named after 'cooperation with'.",
        "He reiterated the commitment of his government to enhance cooperation with Pakistan in "
        "all possible areas",
    ),
    CodingRule(
        "praise",
        "051",
        ("outcome",),
        _BEFORE + r"\b(?:appreciated|applauded|expressed deep appreciation|acknowledged)\b"
        r"(?P<a2>.*)",
        "directed",
        "Appreciating, applauding or acknowledging the other side's contribution is "
        "051 Praise or endorse; the one who praises is actor 1.",
        "The Russian side appreciated Pakistan’s contribution to the global fight against "
        "terrorism, the statement said.",
    ),
    CodingRule(
        "membership",
        None,
        ("event",),
        r"\bmember\b",
        "mutual",
        "Being a member of an organisation is a state, not an act: no code.",
        "Pakistan is also an active member of Regional Anti-Terrorists Structure (RATS)",
        kinds=("membership",),
    ),
    CodingRule(
        "accession",
        None,
        ("event",),
        r"\binclusion in\b|\bjoined\b|\baccession\b",
        "mutual",
        "Joining an organisation has no CAMEO verb, and is not an act between Pakistan and "
        "Russia: no code.",
        "The relationship of the two nations had strengthened with Pakistan inclusion in "
        "Shanghai Cooperation Organization (SCO) in 2017.",
        kinds=("accession",),
    ),
    CodingRule(
        "exercise",
        "062",
        ("event",),
        r"\b(?:exercises?|drills?)\b",
        "mutual",
        "A joint or multilateral military exercise is 062 Cooperate militarily.",
        "the militaries of the two countries also held joint drills codenamed ‘Friendship’",
        kinds=("exercise",),
    ),
    CodingRule(
        "provide",
        "062",
        ("event",),
        _BEFORE + r"\b(?:has |had )?provided\b(?P<a2>.*)",
        "directed",
        "Providing military hardware is 062 Cooperate militarily (the reports do not say it "
        "was aid, 073); the supplier is actor 1.",
        "Russia has provided four Mi-35M combat and cargo helicopters to Pakistan",
        kinds=("delivery",),
    ),
    CodingRule(
        "acquire",
        "062",
        ("event",),
        r"^(?P<a2>.*?)\b(?:had |has )?acquired\b[^.]*?\bfrom\b(?P<a1>.*)",
        "directed",
        "Acquiring military hardware from the other side is 062 Cooperate militarily; the "
        "supplier, named after 'from', is actor 1.",
        "Pakistan had acquired MI-35 gunship helicopters and other military hardware from Russia "
        "during 2014.",
        kinds=("delivery",),
    ),
    CodingRule(
        "launch-talks",
        "046",
        ("event",),
        r"\binitiated\b[^.]*\btalks\b",
        "mutual",
        "Talks said to have been initiated took place: 046 Engage in negotiation (not 036, "
        "which is an intent).",
        "Initiated this year, the talks between the high-level security officials of Pakistan "
        "and Russia provide a useful platform",
        kinds=("dialogue-launch",),
    ),
    CodingRule(
        "criticise",
        "111",
        ("event",),
        r"\bcritici[sz]ed\b",
        "stated",
        "Criticising a government or alliance for its conduct is 111 Criticize or denounce "
        "(the reports say the ministers stopped short of accusing, 112).",
        "Mr Lavrov had on that occasion criticized the US and Nato for failing to provide "
        "explanations about the flights of unmarked helicopters to areas having IS presence.",
        kinds=("statement",),
    ),
    CodingRule(
        "state-commitment",
        "030",
        ("event",),
        r"\breiterated the commitment\b[^.]*\bcooperation\b",
        "stated",
        "A statement reiterating the commitment to enhance cooperation with the other side is "
        "030 Express intent to cooperate (the areas listed are many, so no sub-code).",
        "He reiterated the commitment of his government to enhance cooperation with Pakistan in "
        "all possible areas",
        kinds=("statement",),
    ),
    CodingRule(
        "state-readiness",
        "030",
        ("event",),
        r"\breadiness to strengthen\b",
        "stated",
        "Stating readiness to strengthen the other side's capabilities is 030 Express intent "
        "to cooperate; the report does not say what help (033 aid, 0312 military) is meant.",
        "the Russian foreign minister had stated as he expressed Moscow’s readiness to "
        "strengthen Pakistan’s counterterrorism capabilities.",
        kinds=("statement",),
    ),
    CodingRule(
        "attack-count",
        None,
        ("event",),
        r"\battacks\b",
        "mutual",
        "A reported count of attacks by a third party is many acts the reports do not list, "
        "none between Pakistan and Russia: no code.",
        "According to Afghan media, IS carried out 60 deadly attacks in Afghanistan last year.",
        kinds=("reported-attacks",),
    ),
    CodingRule(
        "renew-ties",
        "050",
        ("event",),
        r"\bties were renewed\b|\brenewed\b[^.]*\bties\b",
        "mutual",
        "Renewing ties is 050 Engage in diplomatic cooperation.",
        "since 2007 when the ties were renewed after a long estrangement during the cold war era.",
        kinds=("relations-milestone",),
    ),
)
"""The policy, in the order rules are tried."""

RULES: dict[str, CodingRule] = {r.id: r for r in POLICY}
"""The policy by rule id."""

NOT_ACTS: tuple[tuple[str, str], ...] = (
    (
        "The talks were marked by convergence of views",
        "A description of the talks, not a separate act: part of the meeting's act.",
    ),
    (
        "There was agreement that terrorism was a common global threat",
        "A shared view, not an act one side did to the other.",
    ),
    (
        "it was important for countries of the region to cooperate",
        "An appeal to third countries, not to the other side.",
    ),
    (
        "They also recognised the need for joint efforts",
        "A shared view; no commitment or agreement to act is stated.",
    ),
    (
        "He stressed the importance of increasing cooperation among the regional countries",
        "An appeal to the region, not to the other side.",
    ),
)
"""Outcome sentences the policy deliberately leaves uncoded, with the reason (for the codebook)."""


@cache  # the policy is a constant: the validator asks once per sentence it codes
def applicable(part: Part, kind: str | None = None) -> tuple[CodingRule, ...]:
    """The rules, in policy order, that read ``part`` (for events: of ``kind``)."""
    return tuple(
        r for r in POLICY if part in r.parts and (not r.kinds or kind is None or kind in r.kinds)
    )


_FOLD = str.maketrans({"\u0130": "i", "\u0131": "i", "\u017f": "s"})
"""The letters other than ``str.lower``'s a case-insensitive ``re`` pattern takes for an ASCII
letter: İ and ı for i, ſ (long s) for s (a test finds them among all code points)."""


def fold(sentence: str) -> str:
    """``sentence`` lowercased so that a case-insensitive trigger matching it contains, in
    order, the lowercase letters of its literal words (what :meth:`CodingRule.admits` reads).

    >>> fold("He VISITED Moscow")
    'he visited moscow'
    """
    return sentence.lower() if sentence.isascii() else sentence.translate(_FOLD).lower()


def code_sentence(sentence: str, part: Part, kind: str | None = None) -> CodingRule | None:
    """The first rule, in policy order, that applies to ``part`` and is triggered by ``sentence``.

    Rules whose :attr:`~CodingRule.needs` the sentence lacks are passed over without
    searching their trigger: they could not match it.

    >>> code_sentence("Popov called on Foreign Secretary Janjua", "meeting-held").code
    '042'
    >>> code_sentence("They met", "meeting-held") is None
    True
    """
    folded = fold(sentence)
    for needs, triggers, coding_rule in _plan(part, kind):
        if _admits(needs, folded) and triggers(sentence, folded):
            return coding_rule
    return None


Triggers = Callable[[str, str], bool]
"""Whether a rule's trigger matches a sentence (given the sentence and its :func:`fold`)."""


@cache
def _plan(part: Part, kind: str | None) -> tuple[tuple[tuple[str, ...], Triggers, CodingRule], ...]:
    """:func:`applicable`, each rule with its needs and its trigger's test at hand."""
    return tuple((r.needs, _triggers(r), r) for r in applicable(part, kind))


_ANNOUNCES = re.compile(ANNOUNCES, re.IGNORECASE)


def announces(text: str) -> bool:
    """True when ``text`` announces a meeting rather than reports one (:data:`ANNOUNCES`).

    >>> announces("The next meeting will be held in Moscow"), announces("Talks were held")
    (True, False)
    """
    return _ANNOUNCES.search(text) is not None


def _triggers(coding_rule: CodingRule) -> Triggers:
    """The test of the rule's trigger: its search, or for a trigger ``_NOT_ANNOUNCED + rest``,
    the same answer found faster.

    ``^(?!.*(?:A))rest`` can only match at the start; on a sentence without a line break
    (which ``.`` does not cross) its lookahead holds exactly when ``A`` matches nowhere,
    and that needs one of ``A``'s words in the folded sentence. So: no ``A`` (looked
    for only when its words occur), and ``rest`` matches at the start.
    """
    search = coding_rule.pattern.search
    if not coding_rule.trigger.startswith(_NOT_ANNOUNCED):
        return lambda sentence, _: search(sentence) is not None
    rest = re.compile(coding_rule.trigger[len(_NOT_ANNOUNCED) :], re.IGNORECASE).match
    needs = needed_words(ANNOUNCES)

    def triggers(sentence: str, folded: str) -> bool:
        if "\n" in sentence:
            return search(sentence) is not None
        if _admits(needs, folded) and announces(sentence):
            return False
        return rest(sentence) is not None

    return triggers


# -- speed hints: the words a trigger needs, read from the trigger -----------------------

_parse: Callable[[str], Iterable[tuple[Any, Any]]] = import_module("re._parser").parse
"""The standard library's regular expression parser (``re`` compiles what it returns)."""

_MANY = 64
"""The most strings a run of a pattern may stand for before it counts as any text."""


def needed_words(pattern: str) -> tuple[str, ...]:
    """Words (lowercase letters and spaces) of which every match of ``pattern``, matched
    ignoring case, contains one in its :func:`fold`; empty when no such words are found.

    Read from the parsed pattern: each stretch of it that matches one of a few strings
    (literals, alternatives, optional parts) is a candidate; the one whose shortest word
    is longest wins.

    >>> needed_words(r"\\breaffirmed (?:the|their) commitments?\\b")
    ('reaffirmed the commitment', 'reaffirmed their commitment')
    >>> needed_words(r"^(?P<a2>.*?)\\b(?:had |has )?acquired\\b[^.]*?\\bfrom\\b(?P<a1>.*)")
    ('acquired',)
    """
    return _best(_scan(_parse(pattern))[1])


def _best(required: Iterable["Strings"]) -> tuple[str, ...]:
    """Of sets of strings one of which a match contains, the needed words that rule out the
    most: the longest shortest word, then the fewest words (empty: none will do)."""
    ranked = [(min(map(len, w)), -len(w), w) for w in map(_words, required) if w]
    return max(ranked)[2] if ranked else ()


Strings = frozenset[str]


def _scan(items: Iterable[tuple[Any, Any]]) -> tuple[Strings | None, list[Strings]]:
    """A sequence of parsed items: the strings it matches (None: too many to list), and
    sets of strings one of which every match contains."""
    run: Strings = frozenset({""})
    required: list[Strings] = []
    whole = True
    for op, av in items:
        strings, inner = _item(op.name, av)
        required += inner
        if strings is not None and len(run) * len(strings) <= _MANY:
            run = frozenset(a + b for a in run for b in strings)
        else:
            required.append(run)
            whole = False
            run = frozenset({""}) if strings is None else strings
    required.append(run)
    return (run if whole else None), required


def _item(op: str, av: Any) -> tuple[Strings | None, list[Strings]]:  # noqa: PLR0911
    """One parsed item: the strings it matches (None: too many), and what it requires."""
    if op == "LITERAL":
        return frozenset({chr(av)}), []
    if op in ("AT", "ASSERT", "ASSERT_NOT"):  # zero width: the text around it is contiguous
        return frozenset({""}), []
    if op == "IN" and all(o.name == "LITERAL" for o, _ in av):
        return frozenset(chr(c) for _, c in av), []
    if op == "SUBPATTERN":
        return _scan(av[-1])
    if op == "BRANCH":
        scanned = [_scan(branch) for branch in av[1]]
        if all(strings is not None for strings, _ in scanned):
            return frozenset().union(*(strings or () for strings, _ in scanned)), []
        each = [_best(required) for _, required in scanned]
        return None, [frozenset().union(*each)] if all(each) else []
    if op in ("MAX_REPEAT", "MIN_REPEAT"):
        low, high, inner = av
        strings, required = _scan(inner)
        if high == 1 and strings is not None:
            return (strings | {""} if low == 0 else strings), []
        return None, required if low >= 1 else []
    return None, []


def _words(strings: Strings) -> tuple[str, ...]:
    """The strings as needed words: each its longest stretch of lowercase letters and
    spaces, those containing another left out (empty when one has no letters)."""
    words = set()
    for text in strings:
        stretches = re.findall(r"[a-z]+(?: [a-z]+)*", text.lower())
        if not stretches:
            return ()
        words.add(max(stretches, key=len))
    return tuple(sorted(w for w in words if not any(o != w and o in w for o in words)))


__all__ = [
    "NOT_ACTS",
    "POLICY",
    "RULES",
    "CodingRule",
    "Direction",
    "Part",
    "code_sentence",
    "fold",
]
