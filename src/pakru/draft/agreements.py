"""Agreements and commitments a report states: those reached at a meeting it names, and
documents it says were signed at another time.

Each kind of sentence, in general news wording:

- **signed**: "signed an agreement on ...", "inked a defence cooperation accord", "the
  protocol was signed", "the signing of the ... agreement", "under an agreement signed in
  April" — kind ``treaty`` for a treaty, ``accord`` for an accord, else ``agreement``
  (a memorandum, protocol, contract or deal); status ``concluded`` for "concluded",
  else ``signed``;
- **agreed**: the sides (both sides, the two countries, they, "Russia and Pakistan",
  "Moscow and Islamabad") "agreed to / on ...", "decided to ..." (kind ``decision``),
  "reaffirmed their commitment to ...", "reaffirmed their resolve to ...", "confirmed
  their readiness to ..." — kind ``commitment``, status ``agreed``. "Agreed that ..."
  states a view, not a commitment (the coding policy's accord, 019): not an agreement.
  Agreeing to hold the next meeting is that meeting (drafted as a planned meeting).

A sentence in a held meeting's paragraph is reached at that meeting (``meeting``, date
``same-as-record``), unless it dates itself outside the meeting's date ("signed ... in
2014"): then, like a signed document outside any meeting's paragraph, it is a record of
its own, dated by the sentence (unknown when it gives no date) with no meeting.
Commitments outside a held meeting's paragraph are not drafted: nothing says when or
where they were made.

Parties: the countries the sentence names (capitals too: "Moscow and Islamabad"), else
those the meeting's quote names (as "Pakistan-Russia ..." does), else, for "the two
countries", "both sides" or "they", the two countries the story names most, with the
first sentence naming both as the quote — and a note to confirm. A sentence naming a
country that is not one of the story's two is about someone else: not drafted.
"""

import calendar
import datetime as dt
import itertools
import re
from collections import Counter
from typing import Any, NamedTuple

from pakru.draft.dates import date_of
from pakru.draft.meetings import MEETING, Found
from pakru.draft.model import Confidence, Proposal
from pakru.draft.people import slug
from pakru.draft.read import Sentence
from pakru.schema.text import normalise
from pakru.validate.derive.text import countries_named

_DOCUMENT = (
    r"(?:memorandum of understanding|memorandum|MoU|agreement|accord|protocol|treaty|"
    r"contract|deal)"
)
_WHAT = rf"(?P<what>(?:[\w-]+\s+){{0,5}}?{_DOCUMENT})s?\b"
"""The document with the words before it ("a defence cooperation agreement")."""
_ABOUT = r"(?:\s+(?P<subject>(?:on|for|in the field of|regarding|allowing|to|covering)\s+[^.;]+))?"

SIGNED = (
    re.compile(
        r"\b(?P<verb>signed|inked|concluded)\s+(?:(?:an?|the|two|three|several)\s+)?"
        + _WHAT
        + _ABOUT,
        re.IGNORECASE,
    ),
    re.compile(
        r"\b(?:an?|the)\s+" + _WHAT + r"(?P<subject>[^.;]{0,160}?)\s+(?:was|were|has been|had "
        r"been|have been)\s+(?P<verb>signed|inked|concluded)\b"
        + _ABOUT.replace("subject", "after"),
        re.IGNORECASE,
    ),
    re.compile(
        r"\b(?:the\s+)?(?P<verb>signing|conclusion)\s+of\s+(?:an?|the)\s+" + _WHAT + _ABOUT,
        re.IGNORECASE,
    ),
    re.compile(
        r"\b(?:an?|the)\s+" + _WHAT + r"\s+(?P<verb>signed|inked|concluded)\s+(?:in|on|last|"
        r"earlier|this|during)\b",
        re.IGNORECASE,
    ),
)
"""A document signed: active, passive, a noun ("the signing of"), a participle."""

_SIDES = (
    r"(?:both sides|the two sides|the sides|they|both countries|the two countries|the "
    r"countries|both delegations|the two delegations|the delegations|the two governments|"
    r"(?P<pair>[A-Z][\w’'-]+\s+and\s+[A-Z][\w’'-]+))"
)
AGREED = re.compile(
    rf"\b{_SIDES}\s+(?:[^.;]{{0,160}}?\s+and\s+)?(?:have\s+|had\s+)?(?:also\s+|further\s+|"
    r"jointly\s+)?(?:(?P<verb>agreed|decided|resolved)\s+(?:(?:here|there|today|yesterday|"
    r"on\s+\w+day|last\s+\w+|earlier)\s+){0,3}(?:to|on|upon)\b"
    r"|(?P<verb2>reaffirmed|reiterated|renewed)\s+(?:the|their)\s+(?:commitments?|resolve)\s+"
    r"(?:to|for)\b"
    r"|confirmed\s+their\s+(?:readiness|willingness|commitment)\s+to\b)"
    r"\s*(?P<subject>[^.;]+)",
    re.IGNORECASE,
)
"""The sides committing themselves to something."""

_MEET = re.compile(r"^(?:hold|convene|meet|organi[sz]e|host)\b", re.IGNORECASE)
"""A commitment to hold a meeting the sentence names by number or as the next one: that
meeting (:data:`pakru.draft.meetings.MEETING`), not an agreement; "agreed to hold regular
consultations" is a commitment."""
_AND_MEET = re.compile(r",?\s+and\s+(?:to\s+)?(?:hold|convene|meet)\b", re.IGNORECASE)
"""Where a commitment's subject ends and the plan of a meeting begins ("agreed to continue
the dialogue and to hold the next round")."""
_TWO = re.compile(
    r"\b(?:both sides|the two sides|the sides|they|both countries|the two countries|the "
    r"countries|both delegations|the two delegations|the delegations|the two governments)\b",
    re.IGNORECASE,
)


_SAID = re.compile(
    r",?[”\"’]?,?\s+(?:the\s+|a\s+|an\s+)?[\w\s’'-]{0,60}?\b(?:said|added|stated|noted|"
    r"reported|announced)\b[^,]*$",
    re.IGNORECASE,
)
"""A reporting clause closing a sentence (", the Foreign Office said"): not the subject."""


_WHEN = re.compile(
    r"\s+(?:on\s+(?:mon|tues|wednes|thurs|fri|satur|sun)day|(?:here\s+)?(?:yesterday|today)|"
    r"after\s+the|during\s+the|at\s+the\s+end\s+of|in\s+(?:\d{4}|(?:jan|feb|mar|apr|may|jun|"
    r"jul|aug|sep|oct|nov|dec)[a-z]*\b))\b.*$",
    re.IGNORECASE,
)
"""When and at what a document was signed, closing its subject ("... on Saturday after the
session")."""


def _subject(text: str) -> str:
    return normalise(_SAID.sub("", text)).rstrip(" ,”\"'’")


class Signed(NamedTuple):
    """A document a sentence says was signed, and the words that date it (``clause``)."""

    kind: str
    status: str
    subject: str
    start: int
    clause: str


_AND_ANOTHER = re.compile(r"\s*(?:[^.;]{0,60}?)\band\s+(?:also\s+)?(?:an?|the)\s+" + _WHAT + _ABOUT)
"""A second document the same verb governs: "signed an agreement in 2014 and an accord in
2015"."""


def _document(match: re.Match[str], verb: str) -> tuple[str, str, str]:
    what = normalise(match["what"])
    last = what.split()[-1].lower()
    kind = "treaty" if last == "treaty" else "accord" if last == "accord" else "agreement"
    status = "concluded" if verb.lower() in ("concluded", "conclusion") else "signed"
    groups = match.groupdict()
    about = _subject(" ".join(g for g in (groups.get("subject"), groups.get("after")) if g))
    return kind, status, _subject(_WHEN.sub("", f"{what} {about}".strip() if about else what))


def signed_in(sentence: str) -> list[Signed]:
    """The documents the sentence says were signed, in order, each with the words that
    date it (``clause``)."""
    found: list[tuple[int, int, str, str, str]] = []
    for pattern in SIGNED:
        for match in pattern.finditer(sentence):
            if any(match.start() < end and start < match.end() for start, end, *_ in found):
                continue
            found.append((match.start(), match.end(), *_document(match, match["verb"])))
            more = _AND_ANOTHER.match(sentence, match.end())
            if more is not None and not _MEETING_WORD.search(more[0]):
                found.append((more.start("what"), more.end(), *_document(more, match["verb"])))
    found.sort()
    # the words between two documents split at their "and": those before it date the
    # first ("an agreement in 2014 and an accord"), those after it the second ("... and
    # the two sides in Oct 2015 inked an accord")
    cuts = [0]
    for (_, end, *_), (start, *_) in itertools.pairwise(found):
        between = sentence[end:start]
        at = between.rfind(" and ")
        cuts.append(end + (at if at >= 0 else len(between)))
    cuts.append(len(sentence))
    return [
        Signed(kind, status, subject, start, sentence[cuts[n] : cuts[n + 1]])
        for n, (start, _, kind, status, subject) in enumerate(found)
    ]


_MEETING_WORD = re.compile(r"\b(?:meeting|talks|session|round)\b", re.IGNORECASE)


def agreed_in(sentence: str) -> tuple[str, str, int] | None:
    """``(kind, subject, start)`` of a commitment the sentence states (``start`` where the
    sides are named), else None."""
    match = AGREED.search(sentence)
    if match is None:
        return None
    subject = _subject(_AND_MEET.split(match["subject"], maxsplit=1)[0])
    if not subject or (_MEET.search(subject) and MEETING.search(subject)):
        return None
    kind = "decision" if (match["verb"] or "").lower() == "decided" else "commitment"
    if match["pair"] is not None and len(countries_named(match["pair"], capitals=True)) < 2:
        return None  # "Iran and Turkey agreed", "Smith and Jones agreed": not the sides
    return kind, subject, match.start()


class Story:
    """The two countries a story is about (the pair its sentences name together most often,
    then the countries it names most), and the first sentence naming both (the quote for
    "the two countries")."""

    def __init__(self, sentences: list[Sentence]) -> None:
        counts: Counter[str] = Counter()
        pairs: Counter[tuple[str, str]] = Counter()
        for sentence in sentences:
            named = sorted(countries_named(sentence.text, capitals=True))
            counts.update(named)
            pairs.update(itertools.combinations(named, 2))
        ranked = sorted(pairs, key=lambda p: (-pairs[p], -counts[p[0]] - counts[p[1]], p))
        self.pair: list[str] = list(ranked[0]) if ranked else []
        self.quote = next(
            (
                s.text
                for s in sentences
                if self.pair and set(self.pair) <= countries_named(s.text, capitals=True)
            ),
            None,
        )


_WITH = re.compile(r"\bwith\s+(?:the\s+)?(?P<other>[A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+)?)")


_CLAUSE = re.compile(r"[,;:]|\b(?:when|after|since|while|as|where)\b", re.IGNORECASE)


def _parties(
    text: str, start: int, story: Story, meeting_quote: str | None
) -> tuple[list[str], str | None] | None:
    """The parties and the quote naming them (None: the sentence's own), or None when no
    quote names two parties, or the sentence's signatories (the words of the clause before
    ``start``, a country "with" whom) include a country not one of the story's two."""
    two = set(story.pair)
    clause = _CLAUSE.split(text[:start])[-1]  # "..., when the two countries signed"
    signatories = set(countries_named(clause, capitals=True))
    for match in _WITH.finditer(text):
        signatories |= countries_named(match["other"], capitals=True)
    if two and not signatories <= two:
        return None
    named = countries_named(text, capitals=True)
    if len(named & two if two else named) >= 2:
        return sorted(named & two if two else named), None
    if meeting_quote is not None and len(found := countries_named(meeting_quote)) >= 2:
        return sorted(found), meeting_quote
    if story.quote is not None and _TWO.search(text):
        return story.pair, story.quote
    return None


def reached(
    meeting: Found,
    sentences: list[Sentence],
    source: dict[str, Any],
    taken: set[str],
    story: Story,
) -> list[Proposal]:
    """The agreements and commitments the sentences state for ``meeting`` (held only)."""
    if meeting.status != "held":
        return []
    out: list[Proposal] = []
    for sentence in sentences:
        stated: list[tuple[str, str, str, int]] = [
            (d.kind, d.status, d.subject, d.start)
            for d in signed_in(sentence.text)
            if not _dated_apart(d.clause, source, meeting.record["date"])
        ]  # one signed at another time is drafted by :func:`signed_apart`
        if not stated and (agreed := agreed_in(sentence.text)) is not None:
            stated = [(agreed[0], "agreed", agreed[1], agreed[2])]
        for kind, status, subject, start in stated:
            proposal = _agreement(
                sentence,
                kind=kind,
                status=status,
                subject=subject,
                source=source,
                taken=taken,
                story=story,
                meeting=meeting,
                start=start,
            )
            if proposal is not None:
                taken.add(proposal.id)
                out.append(proposal)
    return _one_each(out)


_STOP = frozenset(
    {"the", "and", "for", "with", "from", "into", "between", "their", "them", "they", "both"}
    | {"sides", "two", "countries", "this", "that", "which", "other", "also", "further"}
)


def _stems(subject: str) -> set[str]:
    return {w[:5] for w in re.findall(r"[a-z]{4,}", subject.lower()) if w not in _STOP}


def _one_each(found: list[Proposal]) -> list[Proposal]:
    """A commitment stated beside a document signed or concluded at the same meeting on the
    same subject (three words in common) is that document: "agreed to further expand
    cooperation in countering terrorism" and "an agreement was concluded for expansion of
    cooperation on countering terrorism" are one agreement, quoted twice."""
    documents = [p for p in found if p.data["status"] in ("signed", "concluded")]
    kept: list[Proposal] = []
    for proposal in found:
        if proposal.data["status"] != "agreed":
            kept.append(proposal)
            continue
        stems = _stems(proposal.data["subject"])
        same = next((d for d in documents if len(stems & _stems(d.data["subject"])) >= 3), None)
        if same is None:
            kept.append(proposal)
            continue
        quote = proposal.data["evidence"][0]["quote"]
        source = proposal.data["evidence"][0]["source"]
        same.data["evidence"].append({"source": source, "quote": quote, "supports": ["subject"]})
        same.confirm.append(f"subject: {quote!r} is read as stating this agreement too")
    return kept


def signed_apart(
    sentences: list[Sentence],
    source: dict[str, Any],
    taken: set[str],
    story: Story,
    used: set[str],
) -> list[Proposal]:
    """Agreements outside any drafted meeting (the sentences not in ``used``, the quotes of
    agreements drafted already), dated by their sentence, with no meeting: every document
    signed, and a commitment whose sentence gives its own date ("agreed here on Tuesday
    to ..."); an undated commitment outside a meeting is not drafted (nothing says when it
    was made)."""
    out: list[Proposal] = []
    for sentence in sentences:
        if sentence.text in used:
            continue
        documents = signed_in(sentence.text)
        stated = [(d.kind, d.status, d.subject, d.start, d.clause) for d in documents]
        agreed = agreed_in(sentence.text) if not stated else None
        if agreed is not None and own_date(sentence.text, source)["precision"] != "unknown":
            stated = [(agreed[0], "agreed", agreed[1], agreed[2], sentence.text)]
        for kind, status, subject, start, clause in stated:
            proposal = _agreement(
                sentence,
                kind=kind,
                status=status,
                subject=subject,
                source=source,
                taken=taken,
                story=story,
                start=start,
                clause=clause,
            )
            if proposal is not None:
                taken.add(proposal.id)
                out.append(proposal)
    return _bare_ones(_repeated(out))


def _meets(a: dict[str, Any], b: dict[str, Any]) -> bool:
    """Two date intervals that can be the same day (unknown bounds are open)."""
    low = max((d for d in (a.get("earliest"), b.get("earliest")) if d is not None), default=None)
    high = min((d for d in (a.get("latest"), b.get("latest")) if d is not None), default=None)
    return low is None or high is None or low <= high


def _repeated(found: list[Proposal]) -> list[Proposal]:
    """A document the story names twice (the same subject, dates that meet: "in November
    2014" and "since 2014") is one record with both quotes, dated by the first."""
    kept: list[Proposal] = []
    for proposal in found:
        data = proposal.data
        same = next(
            (
                k
                for k in kept
                if k.data["subject"].lower() == data["subject"].lower()
                and k.data["status"] == data["status"]
                and _meets(k.data["date"], data["date"])
            ),
            None,
        )
        if same is None:
            kept.append(proposal)
            continue
        quote = data["evidence"][0]["quote"]
        same.data["evidence"].append(
            {"source": data["evidence"][0]["source"], "quote": quote, "supports": ["status"]}
        )
        same.confirm.append(f"{quote!r} is read as stating this agreement too")
    return kept


_BARE = frozenset({"agreement", "accord", "deal", "contract", "memorandum", "mou", "protocol"})


def _bare_ones(found: list[Proposal]) -> list[Proposal]:
    """A document named by its kind alone ("signed an agreement here yesterday") signed on
    the date of a document the story names in full ("The Contract on ... was signed") is
    that document, quoted twice: one record, with both quotes."""
    kept: list[Proposal] = []
    for proposal in found:
        data = proposal.data
        same = next(
            (
                other
                for other in found
                if other is not proposal
                and other.data["subject"].lower() not in _BARE
                and other.data["date"]["precision"] != "unknown"
                and (other.data["date"]["earliest"], other.data["date"]["latest"])
                == (data["date"]["earliest"], data["date"]["latest"])
            ),
            None,
        )
        if data["subject"].lower() not in _BARE or same is None:
            kept.append(proposal)
            continue
        quote = data["evidence"][0]["quote"]
        same.data["evidence"].append(
            {"source": data["evidence"][0]["source"], "quote": quote, "supports": ["status"]}
        )
        same.confirm.append(f"{quote!r} is read as stating this agreement too (same date)")
    return kept


_MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
_MONTH_YEAR = re.compile(
    r"\b(?P<month>jan|feb|mar|apr|may|jun|jul|aug|sept?|oct|nov|dec)(?:[a-z]*)\.?,?\s+"
    r"(?P<year>(?:19|20)\d{2})\b",
    re.IGNORECASE,
)
_YEAR = re.compile(r"\b(?:in|since|during|of)\s+(?P<year>(?:19|20)\d{2})\b")


def own_date(text: str, source: dict[str, Any]) -> dict[str, Any]:
    """The date interval a sentence gives a document: a month and year as printed ("Nov
    2014", "October 2015": ``stated-month``), a year ("in 2014": ``stated-year``), else
    what the meeting date rules read (a day, a weekday); unknown when none does."""
    base = {"source": source["id"], "quote": text}
    if (match := _MONTH_YEAR.search(text)) is not None:
        year, month = int(match["year"]), _MONTHS.index(match["month"][:3].lower()) + 1
        last = calendar.monthrange(year, month)[1]
        return {
            "earliest": dt.date(year, month, 1),
            "latest": dt.date(year, month, last),
            "precision": "month",
            "derivations": [
                {**base, "quote": match[0], "rule": "stated-month", "value": f"{year}-{month:02d}"}
            ],
        }
    if (match := _YEAR.search(text)) is not None:
        year = int(match["year"])
        return {
            "earliest": dt.date(year, 1, 1),
            "latest": dt.date(year, 12, 31),
            "precision": "year",
            "derivations": [{**base, "quote": match[0], "rule": "stated-year", "value": str(year)}],
        }
    return date_of(text, source["id"], _published(source), held=True)


_MONTH_ALONE = re.compile(
    r"\b(?:in|since|during|signed in|last)\s+(?P<month>january|february|march|april|may|june|july|"
    r"august|september|october|november|december)\b(?!,?\s+\d)",
    re.IGNORECASE,
)


def _dated_apart(text: str, source: dict[str, Any], meeting_date: dict[str, Any]) -> bool:
    """True when the sentence gives its own date and it cannot be the meeting's (a month
    with no year counts when the meeting's date lies in one month, not that one)."""
    start, end = meeting_date.get("earliest"), meeting_date.get("latest")
    alone = _MONTH_ALONE.search(text)
    if alone is not None and isinstance(start, dt.date) and isinstance(end, dt.date):
        month = _MONTHS.index(alone["month"][:3].lower()) + 1
        if (start.year, start.month) == (end.year, end.month) and start.month != month:
            return True
    own = own_date(text, source)
    if own["precision"] == "unknown" or own["earliest"] is None:
        return False
    if start is None or end is None:
        return True
    return bool(own["latest"] is not None and own["latest"] < start) or own["earliest"] > end


def _published(source: dict[str, Any]) -> dt.date | None:
    published = source.get("published")
    if isinstance(published, str):
        return dt.date.fromisoformat(published)
    return published if isinstance(published, dt.date) else None


def _agreement(
    sentence: Sentence,
    *,
    kind: str,
    status: str,
    subject: str,
    source: dict[str, Any],
    taken: set[str],
    story: Story,
    start: int,
    meeting: Found | None = None,
    clause: str | None = None,
) -> Proposal | None:
    source_id = source["id"]
    record = meeting.record if meeting is not None else None
    meeting_quote = record["evidence"][0]["quote"] if record is not None else None
    found = _parties(sentence.text, start, story, meeting_quote)
    if found is None:
        return None  # no quote names the parties: not proposed
    parties, parties_quote = found
    supports = ["status", "subject"] + (["meeting"] if record is not None else [])
    evidence: list[dict[str, Any]] = [{"source": source_id, "quote": sentence.text}]
    if parties_quote is None:
        supports.append("parties")
    else:
        evidence.append({"source": source_id, "quote": parties_quote, "supports": ["parties"]})
    evidence[0]["supports"] = supports
    confirm = [
        f"{kind}: {status}, read from {sentence.text!r}; check that the subject is what was "
        + (f"{status} and that it was reached at {record['id']}" if record else status)
    ]
    nulls: dict[str, str] = {}
    if parties_quote is not None and record is None:
        confirm.append(
            f"parties: the sentence names no country; {', '.join(parties)} are the two "
            f"countries the story names most ({parties_quote!r})"
        )
    if record is not None:
        date = record["date"]
        when: dict[str, Any] = {
            "earliest": date["earliest"],
            "latest": date["latest"],
            "precision": date["precision"],
            "derivations": [
                {
                    "rule": "same-as-record",
                    "source": source_id,
                    "quote": sentence.text,
                    "anchor": record["id"],
                }
            ],
        }
        stem = record["id"]
        title = f"{kind.capitalize()} at the {record['title']}: {subject}"
    else:
        when = own_date(clause or sentence.text, source)
        if when["precision"] == "unknown":
            nulls["date"] = "the sentence gives no date a date rule can compute"
        year = when["earliest"].year if when.get("earliest") else None
        verb = "agreed" if status == "agreed" else "signed"
        stem = f"{verb}-{year}" if year else verb
        title = f"{subject[0].upper()}{subject[1:]}"
    words = "-".join(slug(subject).split("-")[:4])
    base = f"{stem}-{words}" if words else f"{stem}-{kind}"
    agreement_id, n = base, 2
    while agreement_id in taken:
        agreement_id, n = f"{base}-{n}", n + 1
    data: dict[str, Any] = {
        "type": "agreement",
        "id": agreement_id,
        "title": title,
        "kind": kind,
        "status": status,
        "date": when,
        "parties": parties,
        "meeting": record["id"] if record is not None else None,
        "subject": subject,
        "evidence": evidence,
    }
    confidence: Confidence = "medium" if not nulls and parties_quote is None else "low"
    return Proposal(data, confidence, confirm, nulls)
