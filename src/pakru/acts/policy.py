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
  ``evidence``, its participants' and its topics' evidence) — one act per
  *slot* (:attr:`CodingRule.slot`): the meeting itself (046 when any
  sentence states talks or discussions, else 040), and for a held meeting
  whose report states the place, a call or a visit, the visit made (042)
  and the visit hosted (043), each coded by the first rule of its slot, in
  policy order, that any of its sentences triggers;
- ``agreement-signed``: an agreement signed or concluded — one act;
- ``agreement-agreed``: an agreement agreed or planned (a decision, a
  commitment) — one act per rule triggered, so a record packing three
  commitments yields three acts;
- ``outcome``: the topics and outcomes of a meeting — one act per rule,
  direction and statement (two views agreed in two statements are two acts
  of accord; one statement quoted by two sources is one act); an outcome
  quoted by an agreement the meeting lists is that agreement's act, and one
  quoted by an event held at it is the event's when its code is the
  event's or an intent (03x), not a second act;
- ``event``: an exercise, delivery, accession, membership or milestone — one act.

A rule whose ``code`` is None records a *state*, not an act (a membership
held, an accession to an organisation that is not a Pakistan–Russia act):
it yields no row, and says so in the codebook.

Precedence, as the codebook sets it (each tested in tests/acts/test_coding.py):

- negotiation over consultation: 046 wins the meeting's slot over 040 (042/043 usage:
  "If mediation or negotiation is mentioned specifically as having taken place, those
  events take precedence over unspecified visits or meetings"); the trip is still coded,
  as the 042 and its linked 043 (042 usage: "typically accompanied by the linked event
  'Host a visit' (043)");
- specific over residual: a commitment naming material areas is 031, an offer to
  strengthen the other side's counter-terrorism capability 0332; 030 only when 031–039
  cannot be told apart; a commitment or agreement to cooperate (03x) comes before the
  accord rule (019), which is for a view agreed with no commitment;
- a material act over the verbal one announcing it: an outcome sentence quoted by a
  signed agreement or an event held at the meeting is that record's act;
- one act per happening: records that are ``same_as`` each other give one act with the
  quotes of both (:mod:`pakru.acts.extract`), and a sentence describing a series
  (``launch-talks``) adds no meeting.

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
one row per pair, as dyadic event data count a joint statement; ``visitor`` and ``host`` acts
take the meeting's two sides, the host being the side whose country the
meeting was held in; ``third`` acts (concern, appeal) take actor 1 from each
side the words before the trigger name (both sides when they name both, or
none, or "they"; the side the record's summary names when they say "he" or
"she") and actor 2 from the organisation or group named after the trigger,
else the region (CAMEO ``ASA``).
"""

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import cache, cached_property
from importlib import import_module
from typing import Any, Literal, NamedTuple

Part = Literal[
    "meeting-held", "meeting-planned", "agreement-signed", "agreement-agreed", "outcome", "event"
]
Direction = Literal["mutual", "directed", "stated", "visitor", "host", "third"]

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
    cites: str = ""
    """The codebook's words this rule follows (CAMEO codebook, Schrodt 2012, v1.1b3: the
    code's description, usage note or example), for the codebook page."""
    slot: str = ""
    """For parts stating one act: the rules sharing a slot compete (the first in policy order
    wins, which is how precedence is written); rules of other slots code beside it."""

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

_NOT_ECONOMIC = r"^(?![^.]*\b(?:oil|gas|LNG|fuel|petroleum|wheat|grain|crude)\b)"
"""A delivery sentence naming no economic goods (those are 061, not 062)."""

_NOT_VISITORS = (
    r"(?!\s+(?:\S+\s+){0,3}?(?:delegations?|visitors?|guests?|calls?|ministers?|envoys?"
    r"|counterparts?|officials?)\b)"
)
"""Words after "received" that make it a visit hosted, not a delivery."""

VISIT = (
    _NOT_ANNOUNCED + r".*(?:\bcalled on\b|\bvisit(?:ed|ing)\b|\breceived and welcomed\b"
    r"|\bheld (?:in|at)\b|\bmeeting in\b|\bhere\b|\bcoming to\b)"
)
"""A held meeting's sentence stating travel, a call or the place it was held (the 040
example: where "the place of the meeting is not explicit ... we cannot code it as a visit
made or hosted"). The visitor and the host are the meeting's sides, told apart by the
country it was held in (:mod:`pakru.acts.actors`)."""

POLICY: tuple[CodingRule, ...] = (
    CodingRule(
        "talks",
        "046",
        ("meeting-held",),
        _NOT_ANNOUNCED + r".*\b(?:talks|consultations|dialogues?|discussed|discussions"
        r"|(?:in-depth )?exchange (?:on|of views)|exchanged (?:views|assessments))\b",
        "mutual",
        "Talks, consultations, a dialogue or discussions reported as held are negotiation "
        "between the two sides (046 Engage in negotiation); a sentence announcing a meeting "
        "never codes a held one. Precedence: in the meeting's slot 046 wins over 040.",
        "Deputy Secretary Mikhail Popov called on Foreign Secretary Tehmina Janjua here and "
        "held consultations",
        cites="046 usage: \"'Holding talks' and 'discussions' are treated as negotiations. "
        'These are reciprocal events." 042/043 usage: "If mediation or negotiation is '
        "mentioned specifically as having taken place, those events take precedence over "
        'unspecified visits or meetings."',
        slot="meeting",
    ),
    CodingRule(
        "meeting",
        "040",
        ("meeting-held",),
        _NOT_ANNOUNCED + r".*\b(?:meeting|round|met)\b",
        "mutual",
        "A meeting reported as held with no talks or discussions stated is 040 Consult, not "
        "specified; any sentence of the meeting stating discussions makes it 046 instead.",
        "The 12th meeting of the Pakistan-Russia Consultative Group on Strategic Stability was "
        "held at the Ministry of Foreign Affairs",
        cites='046 usage: "used only when the report makes clear that negotiations, '
        "bargaining, or discussions are involved in the meetings or consultations in "
        'question"; otherwise the meeting is 040 Consult, not specified.',
        slot="meeting",
    ),
    CodingRule(
        "visit-made",
        "042",
        ("meeting-held",),
        VISIT,
        "visitor",
        "A meeting whose report states where it was held, or a call on or a visit to an "
        "official, is a visit made by the side from the other country (042 Make a visit): "
        "actor 1 the side whose country is not the meeting's, actor 2 the host. Coded beside "
        "the meeting's 046: precedence decides how the meeting is coded, not whether the trip is.",
        "Foreign Minister Khawaja Muhammad Asif also recently visited Moscow",
        cites='042 Make a visit: "Travel to another location for a meeting or other '
        'event." Usage: "All visits and travels should be coded under this category ... '
        "typically accompanied by the linked event 'Host a visit' (043)\".",
        slot="visit-made",
    ),
    CodingRule(
        "visit-hosted",
        "043",
        ("meeting-held",),
        VISIT,
        "host",
        "The same visit hosted: 043 Host a visit, actor 1 the side whose country the meeting "
        "was held in, actor 2 the visitor; every 042 has its 043.",
        "NSA warmly received and welcomed the guests and thanked them for coming to Pakistan.",
        cites='043 Host a visit: "Host or receive a visitor at residence, office or home '
        'country." Usage: "typically accompanied by the linked event \'Make a visit\' (042)".',
        slot="visit-hosted",
    ),
    CodingRule(
        "next-meeting",
        "036",
        ("meeting-planned", "agreement-agreed", "outcome"),
        ANNOUNCES,
        "mutual",
        "Agreeing when and where to meet next is 036 Express intent to meet or negotiate.",
        "It was agreed that the next meeting of the JWG would be held in Moscow in 2019.",
        cites='036 Express intent to meet or negotiate: "Offer, promise, agree to, or '
        "otherwise indicate willingness or commitment to meet, visit, or engage in "
        'talks or negotiations."',
    ),
    CodingRule(
        "sign",
        "057",
        ("agreement-signed",),
        r"\b(?:signed|inked|concluded)\b",
        "mutual",
        "An agreement signed, inked or concluded is 057 Sign formal agreement.",
        "Pakistan and Russia in Nov 2014 signed a defence cooperation agreement",
        cites='057 Sign formal agreement: "Institute, ratify, sign, finalize an agreement or '
        'treaty."',
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
        cites='0312 Express intent to engage in military cooperation (under 031): "Offer, '
        "promise, agree to, or otherwise indicate willingness or commitment to engage "
        'in or expand military cooperation."; specific over 030.',
    ),
    CodingRule(
        "cooperate-in-fora",
        "032",
        ("agreement-agreed", "outcome"),
        r"\bagreed to cooperate at the United Nations\b|\bcooperate\b[^.]*\binternational fora\b"
        r"|\b(?:agreed|readiness|resolve|decided|pledged|commitments?|determination) to\b"
        r"(?:[^.]*?\bcoordinat(?:e|ing|ion)|(?![^.]*\bbilateral)[^.]*?\bcooperat(?:e|ing|ion))"
        r"\b[^.]*?\b(?:at|in|within|on) (?:the )?(?:\w+ )?(?:United Nations"
        r"|UN|Security Council|SCO|(?:multilateral|international) (?:fora|forums?|platforms?"
        r"|organi[sz]ations|venues))\b",
        "mutual",
        "Agreeing to cooperate at the United Nations and other fora is diplomatic cooperation "
        "promised (032 Express intent to provide diplomatic cooperation); so is agreeing, or "
        "confirming readiness, to go on coordinating (positions, steps) at the United Nations, "
        "the Security Council or the SCO: coordination in a forum is policy support, not "
        "material help. The forum must be named (the UN, the SCO, multilateral or "
        "international fora or platforms): coordination with no forum is 030, and so is "
        "cooperation at the bilateral level as well as in fora (the cooperation named is not "
        "only diplomatic, so 031–039 cannot be told apart); coordination, bilateral or not, "
        "is diplomatic.",
        "They also agreed to cooperate at the United Nations and other international fora for "
        "combating terrorism.",
        cites='032 Express intent to provide diplomatic cooperation: "Offer, promise, agree '
        "to, or otherwise indicate willingness or commitment to provide diplomatic "
        'cooperation such as policy support."',
    ),
    CodingRule(
        "reaffirm-commitment",
        "030",
        ("agreement-agreed", "outcome"),
        r"\b(?:reaffirmed|reiterated|confirmed) (?:the|their) (?:commitments?|resolve|"
        r"determination) to\b[^.]*?\b(?:cooperat(?:e|ion|ing)|work together|coordinat(?:e|ion|"
        r"ing))\b|\breaffirmed (?:the|their) commitments?\b",
        "mutual",
        "Reaffirming a commitment, a resolve or a determination to cooperate (strengthen "
        "cooperation, work together), with no more specific kind of cooperation named alone, is "
        "030 Express intent to cooperate.",
        "The two sides reaffirmed the commitment for promoting bilateral cooperation for "
        "countering terrorism.",
        cites='030 Express intent to cooperate, not specified below: "Offer, promise, agree '
        'to, or otherwise indicate willingness or commitment to cooperate." Example: '
        '"agreed ... that their countries should cooperate".',
    ),
    CodingRule(
        "readiness-cooperate",
        "030",
        ("outcome", "agreement-agreed"),
        r"\b(?:confirmed|reaffirmed|expressed|reiterated) (?:their |the |mutual )?readiness to\b"
        r"[^.]*?\b(?:coordinat(?:e|ion|ing)|cooperat(?:e|ion|ing))\b"
        r"|\bagreed to (?:continue|keep) (?:coordinating|cooperating)\b",
        "mutual",
        "Confirming readiness to coordinate or cooperate, or agreeing to go on coordinating, "
        "with no forum (032) and no material area (031) named, is 030 Express intent to "
        "cooperate: the kind of cooperation cannot be told apart. Readiness is an indication of "
        "willingness, the codebook's words.",
        "The sides confirmed their readiness to step up coordination on regional security.",
        cites='030 Express intent to cooperate, not specified below: "Offer, promise, agree '
        'to, or otherwise indicate willingness or commitment to cooperate." Usage: "not coded '
        'except when distinctions among codes 031 through 039 cannot be made".',
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
        cites='030 Express intent to cooperate, not specified below: "Offer, promise, agree '
        'to, or otherwise indicate willingness or commitment to cooperate."',
    ),
    CodingRule(
        "reiterate-commitment",
        "031",
        ("outcome",),
        _BEFORE + r"\breiterated the commitment\b[^.]*?\bcooperation with "
        r"(?P<a2>[^.]*?including (?:military|defence|intelligence|energy|economic|trade).*)",
        "directed",
        "One side reiterating its commitment to cooperate with the other in material areas it "
        "names (military, intelligence, energy) is 031 Express intent to engage in material "
        "cooperation; actor 2 is the side named after 'cooperation with'.",
        "He reiterated the commitment of his government to enhance cooperation with Pakistan in "
        "all possible areas, including military, defence, intelligence, security, energy",
        cites='031 Express intent to engage in material cooperation: "Offer, promise, agree '
        "to, or otherwise indicate willingness or commitment to engage in or expand "
        'material cooperation"; used over 030 when the kind is named.',
    ),
    CodingRule(
        "praise",
        "051",
        ("outcome",),
        _BEFORE + r"\b(?:appreciated|applauded|expressed deep appreciation|acknowledged|praised"
        r"|commended|lauded)\b(?P<a2>.*)",
        "directed",
        "Appreciating, applauding, acknowledging, praising or commending the other side, its "
        "contribution or its role is 051 Praise or endorse; the one who praises is actor 1. "
        "Praise of a third country or organisation ('praised the role of China') is no "
        "Pakistan–Russia act: when the words after the verb name a third party before either "
        "side, no row (:mod:`pakru.acts.actors`).",
        "The Russian side appreciated Pakistan’s contribution to the global fight against "
        "terrorism, the statement said.",
        cites='051 Praise or endorse: "Express support for, commend, approve policy, action, '
        'or actor." (PETRARCH CAMEO.2.0: APPRECIATE, APPLAUD → 051.)',
    ),
    CodingRule(
        "thank",
        "051",
        ("outcome",),
        _BEFORE + r"\b(?:thanked|expressed (?:his |her |their )?(?:gratitude|thanks) to)\b"
        r"(?P<a2>[^.]*?)(?=\bfor\b|$)",
        "directed",
        "Thanking the other side (for its support, or as hosts for their hospitality, or as "
        "guests for coming) is 051 Praise or endorse, as the independent coding codes it "
        "(THANK → 051); actor 2 is the one thanked, named before 'for' (what follows 'for' is "
        "the reason, and may name the thanker's own country).",
        "Lavrov thanked the Pakistani side for its support of the Russian initiative.",
        cites='051 Praise or endorse: "Express support for, commend, approve policy, action, '
        'or actor." (PETRARCH CAMEO.2.0 verb dictionary: THANK → 051.)',
    ),
    CodingRule(
        "accord",
        "019",
        ("outcome",),
        r"\bconvergence\b|\bcommonality of approach\b|\bthere was agreement that\b"
        r"|\bobserved that\b|\bagreed that\b|\b(?:two|both) sides agreed\b(?! to| on)",
        "mutual",
        "The sides agreeing on a view, a convergence of views or a common approach, with no "
        "commitment to act, is 019 Express accord (two rows, actors reversed); an agreement to "
        "cooperate themselves is 03x, coded by the rules before this one.",
        "The talks were marked by convergence of views between the two sides on various "
        "global and regional issues of mutual interest.",
        cites='019 Express accord: "Express common understanding, agreement, or accord." '
        'Usage: "Use this code when actors indicate that they simply agree or concur on an '
        "issue but do not imply commitment or intent to cooperate on that issue. These are "
        'typically reciprocal events."',
    ),
    CodingRule(
        "recognise-need",
        "030",
        ("outcome",),
        r"\brecogni[sz]ed the need for joint\b",
        "mutual",
        "Recognising the need for the two sides' own joint efforts commits them to act "
        "together: 030 Express intent to cooperate (no kind of cooperation is named).",
        "They also recognised the need for joint efforts for peace, security and stability in "
        "the region.",
        cites='030 example: "agreed ... that their countries should cooperate"; 030 is '
        "used where 031–039 cannot be distinguished.",
    ),
    CodingRule(
        "concern",
        "012",
        ("outcome",),
        _BEFORE + r"\b(?:expressed|expressing|expresses|voiced|noting)\b"
        r"[^.]*?\b(?:concern|alarm)\b(?P<a2>.*)",
        "third",
        "Concern or alarm about a third party is 012 Make pessimistic comment, directed at that "
        "party: actor 1 each side expressing it, actor 2 the organisation or group the sentence "
        "names after the word (:data:`pakru.acts.codes.THIRD_PARTIES`).",
        "Pakistan and Russia have expressed grave concern over growing threat of the militant "
        "Islamic State (IS) group in the region.",
        cites='012 Make pessimistic comment: "Express pessimism, negative outlook." '
        "(PETRARCH CAMEO.2.0 verb dictionary: EXPRESS * CONCERN → 012.)",
    ),
    CodingRule(
        "appeal",
        "020",
        ("outcome",),
        _BEFORE + r"\b(?:called for|urged|emphasi[sz]ed the need for|stressed the (?:need|"
        r"importance) (?:for|of)|was important for)\b(?P<a2>[^.]*?\b(?:regional|region|among)\b.*)",
        "third",
        "An appeal for cooperation among the countries of the region is 020 Make an appeal or "
        "request, directed at them (the region, CAMEO ASA): it does not say whether the "
        "cooperation asked for is material, diplomatic or military, so no sub-code.",
        "They emphasised the need for regional cooperation to counter the threat.",
        cites='020 Make an appeal or request: "All requests, proposals, suggestions and appeals '
        'not otherwise specified." Usage: coded when "distinctions among 021 through 028 '
        'cannot be made" (PETRARCH CAMEO.2.0: STRESS * NEED → 020).',
    ),
    CodingRule(
        "satisfaction",
        "051",
        ("outcome",),
        r"\b(?:two sides|both sides|Pakistan and Russia|They)\b[^.]*?\b(?:expressed|showed)"
        r" satisfaction\b",
        "mutual",
        "The two sides expressing satisfaction with their relations or cooperation approve "
        "each other's conduct: 051 Praise or endorse, two rows.",
        "The two sides discussed defence and security relations and expressed satisfaction on "
        "the current level of cooperation.",
        cites='051 Praise or endorse: "Express support for, commend, approve policy, action, '
        'or actor." (PETRARCH CAMEO.2.0: EXPRESS * SATISFACTION → 051.)',
    ),
    CodingRule(
        "satisfaction-speaker",
        "051",
        ("outcome",),
        _BEFORE + r"\b(?:expressed|showed|voiced) (?:his |her )?satisfaction\b(?P<a2>.*)",
        "directed",
        "One speaker expressing satisfaction with the cooperation between the sides approves "
        "the other side's conduct: 051 Praise or endorse, one row, from the speaker to the "
        "other side. A pronoun subject ('She also expressed satisfaction') is the participant "
        "the record's summary of the statement names (actor basis 'pronoun').",
        "She also expressed satisfaction at increasing military and technical cooperation "
        "between Pakistan and Russia.",
        cites='051 Praise or endorse: "Express support for, commend, approve policy, action, '
        'or actor." (PETRARCH CAMEO.2.0: EXPRESS * SATISFACTION → 051.)',
    ),
    CodingRule(
        "optimism",
        "013",
        ("outcome",),
        _BEFORE + r"\b(?:embrace the bright future|bright future together|expressed optimism"
        r"|(?:is|are|was|were) optimistic)\b(?P<a2>.*)",
        "directed",
        "A speaker's explicitly hopeful remark about the two countries' future together is "
        "013 Make optimistic comment, from the speaker to the other side; a quotation ending "
        "'he said' is the participant the record's summary names (actor basis 'pronoun'). "
        "Only explicit optimism: praise of visits or ties with no outlook stays uncoded.",
        "“We are two great nations who have risen beyond past to embrace the bright future "
        "together,” he said.",
        cites='013 Make optimistic comment: "Express optimism, assurance, confidence." '
        'Usage: "Only statements with explicit optimistic components should be coded as 013; '
        'otherwise, default to 010."',
    ),
    CodingRule(
        "brief",
        "064",
        ("outcome",),
        _BEFORE + r"(?:\b(?:briefed|apprised)\b(?P<a2>[^.]*?)(?=\babout\b|\bon\b|$)"
        r"|\belaborated on\b|\bgave (?:them|him|her|the \w+) a (?:detailed )?presentation\b)",
        "directed",
        "A briefing or presentation on the security situation given to the other side is 064 "
        "Share intelligence or information; the side briefing is actor 1.",
        "The Pakistan side briefed the Russian delegation about the major successes it had "
        "achieved in the fight against terrorism.",
        cites='064 Share intelligence or information: "Provide, share, or exchange '
        'intelligence or information." Usage: "Voluntary exchanges or sharing of '
        'intelligence and other significant information should be coded here."',
    ),
    CodingRule(
        "exchange-assessments",
        "064",
        ("outcome",),
        r"\bexchanged (?:assessments|information|intelligence|data)\b"
        r"|\bexchange of (?:assessments|information|intelligence)\b",
        "mutual",
        "Exchanging threat assessments or information is 064 Share intelligence or information, "
        "both ways (two rows).",
        "During the dialogues, the two sides exchanged assessments of global and regional "
        "terrorist threats.",
        cites='064 Share intelligence or information: "Provide, share, or exchange '
        'intelligence or information."',
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
        cites='062 Cooperate militarily: "Initiate, resume, improve, or expand military '
        'exchange and cooperation."',
        kinds=("exercise",),
    ),
    CodingRule(
        "provided-by",
        "062",
        ("event",),
        _NOT_ECONOMIC + r"(?P<a2>.*?)\b(?:was|were|been|being) (?:provided|supplied|delivered"
        r"|handed over|transferred|sold|shipped)\b[^.]*?\bby\b(?P<a1>.*)",
        "directed",
        "The same delivery in the passive: the supplier is named after 'by' (actor 1), so the "
        "rule comes before the active one, which would take the goods for the supplier.",
        "Four Mi-35M helicopters were delivered by Russia to Pakistan.",
        cites='062 Cooperate militarily: "Initiate, resume, improve, or expand military '
        'exchange and cooperation."',
        kinds=("delivery",),
    ),
    CodingRule(
        "provide",
        "062",
        ("event",),
        _NOT_ECONOMIC
        + r"(?P<a1>.*?)\b(?:has |had |have )?(?:provided|supplied|delivered|handed over"
        r"|transferred|sold|shipped)\b(?P<a2>.*)",
        "directed",
        "Providing, supplying, delivering or handing over military hardware is 062 Cooperate "
        "militarily (the reports do not say it was aid, 073); the supplier is actor 1. A "
        "delivery of oil, gas, fuel or wheat is economic (061), which the policy does not code.",
        "Russia has provided four Mi-35M combat and cargo helicopters to Pakistan",
        cites='062 Cooperate militarily: "Initiate, resume, improve, or expand military '
        'exchange and cooperation." (not 07x aid, which the codebook keeps for '
        "unilateral provisions of aid).",
        kinds=("delivery",),
    ),
    CodingRule(
        "acquire",
        "062",
        ("event",),
        _NOT_ECONOMIC + r"(?P<a2>.*?)\b(?:had |has |have )?(?:acquired|received|bought|purchased"
        r"|imported|took delivery of)\b" + _NOT_VISITORS + r"(?:[^.]*?\bfrom\b(?P<a1>.*))?",
        "directed",
        "Acquiring, receiving or buying military hardware from the other side is 062 Cooperate "
        "militarily; the supplier, named after 'from', is actor 1 (the other side when no "
        "supplier is named). Receiving a delegation, a visitor or a call is a visit hosted "
        "(043, a meeting's part), never a delivery.",
        "Pakistan had acquired MI-35 gunship helicopters and other military hardware from Russia "
        "during 2014.",
        cites='062 Cooperate militarily: "Initiate, resume, improve, or expand military '
        'exchange and cooperation."',
        kinds=("delivery",),
    ),
    CodingRule(
        "launch-talks",
        None,
        ("event",),
        r"\binitiated\b[^.]*\btalks\b",
        "mutual",
        "A sentence saying when a series of talks began describes the series: the meetings it "
        "refers to are coded from their own records (one act per happening), so no code.",
        "Initiated this year, the talks between the high-level security officials of Pakistan "
        "and Russia provide a useful platform",
        kinds=("dialogue-launch",),
    ),
    CodingRule(
        "criticise",
        "111",
        ("event",),
        r"\bcritici[sz]ed\b|\b(?:alarm|concern)\b[^.]*\bindifference of\b",
        "stated",
        "Criticising a government or alliance for its conduct is 111 Criticize or denounce "
        "(the reports say the ministers stopped short of accusing, 112). Alarm at a force's "
        "'indifference' to a problem censures its conduct: 111 too, though the same sentence's "
        "alarm about the group is also coded (012, the meeting's outcome): a sentence "
        "reporting two acts gives two events, each with its own target, as the codebook's "
        "coders code each verb phrase.",
        "Mr Lavrov had on that occasion criticized the US and Nato for failing to provide "
        "explanations about the flights of unmarked helicopters to areas having IS presence.",
        cites='111 Criticize or denounce: "Express disapproval, censure, criticize, or denounce."',
        kinds=("statement",),
    ),
    CodingRule(
        "state-commitment",
        "031",
        ("event",),
        r"\breiterated the commitment\b[^.]*\bcooperation\b",
        "stated",
        "A statement reiterating the commitment to enhance cooperation with the other side in "
        "areas it names (military, intelligence, energy, training) is 031 Express intent to "
        "engage in material cooperation: all the areas are material, and span 0311–0314, so "
        "not one of them.",
        "He reiterated the commitment of his government to enhance cooperation with Pakistan in "
        "all possible areas",
        cites='031 Express intent to engage in material cooperation: "Offer, promise, agree '
        "to, or otherwise indicate willingness or commitment to engage in or expand "
        'material cooperation"; 030 only when 031-039 cannot be distinguished.',
        kinds=("statement",),
    ),
    CodingRule(
        "state-readiness",
        "0332",
        ("event",),
        r"\breadiness to strengthen\b",
        "stated",
        "Stating readiness to strengthen the other side's counter-terrorism capabilities is an "
        "offer of help to its security forces: 0332 Express intent to provide military aid, "
        "not 030 (which the codebook keeps for when 031–039 cannot be told apart).",
        "the Russian foreign minister had stated as he expressed Moscow’s readiness to "
        "strengthen Pakistan’s counterterrorism capabilities.",
        cites='0332 Express intent to provide military aid (under 033): "Offer, promise, '
        "agree to, or otherwise indicate willingness or commitment to provide military "
        'aid."',
        kinds=("statement",),
    ),
    CodingRule(
        "attack-count",
        None,
        ("event",),
        r"\battacks\b",
        "mutual",
        "A reported count of attacks by a third party is many acts the reports do not list, "
        "none between Pakistan and Russia: no code (not 180 IMGMUSISI→AFG: a yearly count "
        "names no one attack's date, place or target, and the independent coder left it "
        "uncoded too, its hard case 24).",
        "According to Afghan media, IS carried out 60 deadly attacks in Afghanistan last year.",
        cites="180 Use unconventional violence, not applied: an event is one act with its "
        "actors, date and place; an aggregate over a year is not one (CAMEO codes the attacks "
        "a report describes, each as its own event).",
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
        cites='050 Engage in diplomatic cooperation, not specified below: "Initiate, resume, '
        'improve, or expand diplomatic, non-material cooperation or exchange."',
        kinds=("relations-milestone",),
    ),
)
"""The policy, in the order rules are tried."""

RULES: dict[str, CodingRule] = {r.id: r for r in POLICY}
"""The policy by rule id."""


class Uncoded(NamedTuple):
    """A sentence the policy deliberately leaves uncoded, why, and where it is from."""

    sentence: str
    """The sentence (or its opening words), verbatim from the report ``source`` names, or an
    example written for the policy when ``source`` is None."""
    why: str
    """Why it is no act."""
    source: str | None
    """The id of the source whose text prints it verbatim; None for an example written for
    the policy (no report prints it: the codebook page labels it so)."""


NOT_ACTS: tuple[Uncoded, ...] = (
    Uncoded(
        "The two stayed short of accusing the US and Nato of allowing IS’s proliferation "
        "in Afghanistan",
        "An act explicitly not done (no 112): the codebook codes what was done.",
        "src-5c611fd4",
    ),
    Uncoded(
        "Khawaja Asif, meanwhile, sharing the concern had said",
        "Sharing a concern already stated is that concern's act, not a new one (one act per "
        "happening).",
        "src-5c611fd4",
    ),
    Uncoded(
        "Relations between Pakistan and Russia have been improving for years now",
        "Commentary on a trend, not an act one actor did to another.",
        "src-5c611fd4",
    ),
    Uncoded(
        "Pakistan is also an active member of Regional Anti-Terrorists Structure (RATS)",
        "A state, not an act (and not read as an outcome).",
        "src-b44e9500",
    ),
    Uncoded(
        "Pakistan led the discussions with a delegation of nine officials",
        "A participant's role in the meeting, not a separate act.",
        None,
    ),
)
"""Outcome sentences the policy deliberately leaves uncoded, with the reason and the report
printing them (for the codebook; a test finds each verbatim in its report's text)."""


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
    >>> code_sentence("They lunched", "meeting-held") is None
    True
    """
    folded = fold(sentence)
    for needs, triggers, coding_rule in _plan(part, kind):
        if _admits(needs, folded) and triggers(sentence, folded):
            return coding_rule
    return None


def code_slots(sentence: str, part: Part, kind: str | None = None) -> tuple[CodingRule, ...]:
    """The first rule of each slot (:attr:`CodingRule.slot`), in policy order, that applies
    to ``part`` and is triggered by ``sentence``: a held meeting's sentence may state the
    meeting (046 or 040) and the visit (042, 043) at once.

    >>> [r.code for r in code_slots("Popov called on Janjua here and held consultations",
    ...                             "meeting-held")]
    ['046', '042', '043']
    """
    folded = fold(sentence)
    found: dict[str, CodingRule] = {}
    for needs, triggers, coding_rule in _plan(part, kind):
        if coding_rule.slot not in found and _admits(needs, folded) and triggers(sentence, folded):
            found[coding_rule.slot] = coding_rule
    return tuple(found.values())


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
    "Uncoded",
    "code_sentence",
    "code_slots",
    "fold",
]
