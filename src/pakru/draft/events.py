"""Events a report names: joint exercises and drills (the kind reports print most plainly).

"Pakistan and Russia will hold a joint counter-terrorism exercise “Druzhba-2027”
in Tarbela in November 2027": kind ``exercise``, status from the wording as for
meetings, date and place by the same rules, the countries the sentence names.
Other kinds of event (deliveries, statements, accessions) are not drafted.
"""

import re
from typing import Any

from pakru.draft.dates import date_of
from pakru.draft.meetings import HELD, PLANNED, location_of
from pakru.draft.model import Proposal
from pakru.draft.people import slug
from pakru.draft.read import Sentence
from pakru.validate.derive.text import countries_named

EXERCISE = re.compile(
    r"\b(?P<what>(?:(?:joint|bilateral|multilateral|military|naval|counter[- ]terrorism|"
    r"special forces|anti-terror)\s+){0,4}(?:exercise|drill|war games))\b"
    r"(?:,?\s+(?:code-?named\s+|called\s+|dubbed\s+)?[“\"](?P<name>[^”\"]{2,60})[”\"])?",
    re.IGNORECASE,
)
_PARTICIPATED = re.compile(r"\b(?:participated|took part|conducted|concluded)\b", re.IGNORECASE)


def exercises(
    sentences: list[Sentence], source: dict[str, Any], taken: set[str], skip: set[int]
) -> list[Proposal]:
    """An event per sentence naming an exercise held or to be held (not those in ``skip``,
    the sentences that name a meeting)."""
    out: list[Proposal] = []
    dateline = (source.get("dateline") or {}).get("city")
    dateline_quote = next(
        (e["quote"] for e in source.get("evidence", []) if "dateline" in e.get("supports", [])),
        None,
    )
    for sentence in sentences:
        match = EXERCISE.search(sentence.text)
        if match is None or sentence.index in skip:
            continue
        text = sentence.text
        status = (
            "planned"
            if PLANNED.search(text)
            else "held"
            if HELD.search(text) or _PARTICIPATED.search(text)
            else None
        )
        countries = sorted(countries_named(text))
        if status is None or not countries:
            continue
        proposal = _event(
            match,
            sentence,
            status=status,
            countries=countries,
            source=source,
            dateline=(dateline, dateline_quote),
        )
        base, n = proposal.data["id"], 2
        while proposal.data["id"] in taken:
            proposal.data["id"], n = f"{base}-{n}", n + 1
        taken.add(proposal.id)
        out.append(proposal)
    return out


def _event(
    match: re.Match[str],
    sentence: Sentence,
    *,
    status: str,
    countries: list[str],
    source: dict[str, Any],
    dateline: tuple[str | None, str | None],
) -> Proposal:
    text, source_id = sentence.text, source["id"]
    date = date_of(text, source_id, source.get("published"), held=status == "held")
    location, confirm, nulls = location_of(text, source_id, *dateline)
    supports = ["status", "countries"]
    if location["derivations"][:1] and location["derivations"][0]["rule"] == "gazetteer-city":
        supports.append("location.city")
    what = " ".join(match["what"].split())
    name = match["name"]
    title = f"{what[0].upper()}{what[1:]} “{name}”" if name else f"{what[0].upper()}{what[1:]}"
    year = date["earliest"].year if date.get("earliest") else None
    event_id = slug(name or what) + (f"-{year}" if year and str(year) not in (name or "") else "")
    if date["precision"] == "unknown":
        nulls["date"] = "the sentence gives no date a date rule can compute"
    confirm = [
        *confirm,
        f"event: {status} exercise, read from {text!r}; check the countries taking part",
    ]
    data: dict[str, Any] = {
        "type": "event",
        "id": event_id,
        "title": title,
        "kind": "exercise",
        "status": status,
        "date": date,
        "location": location,
        "countries": countries,
        "evidence": [{"source": source_id, "quote": text, "supports": supports}],
    }
    return Proposal(data, "medium" if not nulls else "low", confirm, nulls)
