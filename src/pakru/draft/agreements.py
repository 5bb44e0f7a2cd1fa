"""Agreements and commitments a report says were reached at a meeting it names.

"signed a memorandum of understanding on ..." is an agreement (a treaty when
the sentence says treaty), ``signed``; "the two sides agreed to ..." is a
commitment, ``agreed``. The subject is the sentence's own words after the
verb; the date is the meeting's (``same-as-record``); the parties are the
countries the meeting's quote names (as "Pakistan-Russia ..." does), else the
agreement's. A sentence that names a meeting itself ("agreed that the next
meeting would be held ...") is that meeting, not an agreement.
"""

import re
from typing import Any

from pakru.draft.meetings import Found
from pakru.draft.model import Proposal
from pakru.draft.people import slug
from pakru.draft.read import Sentence
from pakru.validate.derive.text import countries_named

SIGNED = re.compile(
    r"\bsigned\s+(?:an?|the)\s+(?P<what>memorandum of understanding|agreement|accord|protocol|"
    r"treaty)\s+(?:on|for|in the field of|regarding)\s+(?P<subject>[^.;]+)",
    re.IGNORECASE,
)
AGREED = re.compile(
    r"\b(?:both sides|the two sides|the sides|they|the two countries|the delegations)\s+"
    r"(?:also\s+)?agreed\s+(?:to|on|that)\s+(?P<subject>[^.;]+)",
    re.IGNORECASE,
)


def _subject(text: str) -> str:
    return " ".join(text.split()).rstrip(" ,")


def reached(
    meeting: Found, sentences: list[Sentence], source: str, taken: set[str]
) -> list[Proposal]:
    """The agreements and commitments the sentences state for ``meeting`` (held only)."""
    if meeting.status != "held":
        return []
    out: list[Proposal] = []
    for sentence in sentences:
        match = SIGNED.search(sentence.text)
        kind, status = "agreement", "signed"
        if match is not None and match["what"].lower() == "treaty":
            kind = "treaty"
        if match is None:
            match, kind, status = AGREED.search(sentence.text), "commitment", "agreed"
        if match is None:
            continue
        subject = _subject(match["subject"])
        proposal = _agreement(
            meeting, sentence, kind=kind, status=status, subject=subject, source=source, taken=taken
        )
        if proposal is not None:
            taken.add(proposal.id)
            out.append(proposal)
    return out


def _agreement(
    meeting: Found,
    sentence: Sentence,
    *,
    kind: str,
    status: str,
    subject: str,
    source: str,
    taken: set[str],
) -> Proposal | None:
    record = meeting.record
    meeting_quote = record["evidence"][0]["quote"]
    parties = sorted(countries_named(meeting_quote))
    evidence: list[dict[str, Any]] = [
        {"source": source, "quote": sentence.text, "supports": ["status", "subject", "meeting"]}
    ]
    if parties:
        evidence.append({"source": source, "quote": meeting_quote, "supports": ["parties"]})
    else:
        parties = sorted(countries_named(sentence.text))
        if not parties:
            return None  # no quote names the parties: not proposed
        evidence[0]["supports"].append("parties")
    words = "-".join(slug(subject).split("-")[:4])
    base = f"{record['id']}-{words}" if words else f"{record['id']}-{kind}"
    agreement_id, n = base, 2
    while agreement_id in taken:
        agreement_id, n = f"{base}-{n}", n + 1
    date = record["date"]
    data: dict[str, Any] = {
        "type": "agreement",
        "id": agreement_id,
        "title": f"{kind.capitalize()} at the {record['title']}: {subject}",
        "kind": kind,
        "status": status,
        "date": {
            "earliest": date["earliest"],
            "latest": date["latest"],
            "precision": date["precision"],
            "derivations": [
                {
                    "rule": "same-as-record",
                    "source": source,
                    "quote": sentence.text,
                    "anchor": record["id"],
                }
            ],
        },
        "parties": parties,
        "meeting": record["id"],
        "subject": subject,
        "evidence": evidence,
    }
    confirm = [
        f"{kind}: {status}, read from {sentence.text!r}; check that the subject is what was "
        f"{status} and that it was reached at {record['id']}"
    ]
    return Proposal(data, "medium", confirm)
