"""Events a report names: joint exercises and drills, deliveries, and statements criticising
a third party (the kinds of the schema the coding policy codes from general wording).

- **exercise**: "Pakistan and Russia will hold a joint counter-terrorism exercise
  “Druzhba-2027” in Tarbela in November 2027": kind ``exercise``, status from the wording
  as for meetings (``recurring`` for one held "every year" or "on annual basis", its date
  left to a person: the dates such a sentence prints are not its own), date and place by
  the same rules, the countries the sentence names
  (two at least: "multinational drills hosted by Russia" is no joint exercise of the two).
- **delivery**: "Russia has supplied four helicopters to Pakistan", "Pakistan had acquired
  gunships from Russia during 2014", "Pakistan received its first cargo of Russian crude
  oil": kind ``delivery``, held, the supplier and the recipient the sentence names (both of
  the story's two countries), no place (a delivery's place is rarely printed); the date the
  sentence gives, else, for "has supplied", on or before the report (``before-publication``).
- **statement**: one side's official (or each side's) "criticised the United States and
  Nato", or pledged the other side cooperation or help ("reiterated the commitment ... to
  enhance cooperation with Pakistan", "expressed Moscow's readiness to strengthen
  Pakistan's ..."): kind ``statement``, held, the speakers' countries (``countries``) and
  the countries criticised or pledged to (``targets``); the date the sentence gives, else
  on or before the report.

- **relations-milestone**: "since 2007 when the ties were renewed", "the two countries
  established diplomatic relations in 1948": the two countries, the year or month the
  sentence gives (an undated one is not drafted).

Accessions and memberships are not drafted: the policy codes no act for them.
"""

import datetime as dt
import re
from typing import Any

from pakru.draft.agreements import Story, own_date
from pakru.draft.dates import date_of
from pakru.draft.meetings import HELD, PLANNED, location_of
from pakru.draft.model import Proposal
from pakru.draft.people import slug
from pakru.draft.read import Sentence
from pakru.schema.text import normalise
from pakru.validate.derive.text import countries_named

EXERCISE = re.compile(
    r"\b(?P<what>(?:(?:joint|bilateral|multilateral|military|naval|counter[- ]terrorism|"
    r"special forces|anti-terror)\s+){0,4}(?:exercises?|drills?|war games))\b"
    r"(?:,?\s+(?:code-?named\s+|called\s+|dubbed\s+)?[“\"‘](?P<name>[^”\"’]{2,60})[”\"’])?",
    re.IGNORECASE,
)
RECURRING = re.compile(
    r"\b(?:every year|each year|annually|(?:on\s+(?:an?\s+)?)?annual basis|regularly "
    r"(?:hold|holding|conduct|conducting)|every (?:two|three) years)\b",
    re.IGNORECASE,
)
"""An exercise the sides hold again and again (status ``recurring``)."""
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
        matches = list(EXERCISE.finditer(sentence.text))
        if not matches or sentence.index in skip:
            continue
        text = sentence.text
        status = (
            "recurring"
            if RECURRING.search(text)
            else "planned"
            if PLANNED.search(text)
            else "held"
            if HELD.search(text) or _PARTICIPATED.search(text)
            else None
        )
        countries = sorted(countries_named(text))
        if status is None or len(countries) < 2:  # a joint exercise names both sides
            continue
        # each exercise the sentence names ("exercise “Friendship” and drill “Druzbha”"),
        # else the first it mentions
        for match in [m for m in matches if m["name"]] or matches[:1]:
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
    date: dict[str, Any] = (
        {"earliest": None, "latest": None, "precision": "unknown"}
        if status == "recurring"
        else date_of(text, source_id, source.get("published"), held=status == "held")
    )
    location, confirm, nulls = location_of(text, source_id, *dateline)
    supports = ["status", "countries"]
    if location["derivations"][:1] and location["derivations"][0]["rule"] == "gazetteer-city":
        supports.append("location.city")
    what = normalise(match["what"])
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


# -- deliveries and statements -------------------------------------------------------------

_ADVERB = r"(?:(?:has|have|had)\s+)?(?:(?:since|already|also|recently|now|so far)\s+)?"
SUPPLIED = re.compile(
    r"^(?P<supplier>.*?)\b" + _ADVERB + r"(?P<verb>provided|supplied|delivered|handed over|"
    r"transferred|sold|shipped)\s+(?P<what>[^.;]{3,120}?)\s+to\s+(?P<recipient>[^.;,]+)",
    re.IGNORECASE,
)
"""The supplier before the verb, the recipient after "to"."""
ACQUIRED = re.compile(
    r"^(?P<recipient>.*?)\b" + _ADVERB + r"(?P<verb>acquired|received|bought|purchased|"
    r"imported|took delivery of)\s+(?P<what>[^.;]{3,160}?)(?:\s+from\s+(?P<supplier>[^.;,]+)|"
    r"(?=[.;,]|$))",
    re.IGNORECASE,
)
"""The recipient before the verb, the supplier after "from" (or an adjective of the goods:
"Russian crude oil")."""
CRITICISED = re.compile(
    r"^(?P<speaker>.*?)\b(?:(?:has|had)\s+)?(?:also\s+)?(?P<verb>criticised|criticized|"
    r"condemned|denounced)\s+(?P<target>[^.;,]+?)(?=[.;,]|\s+(?:which|who|for|over|as|after)\b|$)",
    re.IGNORECASE,
)
"""The speaker before the verb, the criticised after it."""
_GOODS = re.compile(
    r"\b(?:helicopters?|aircraft|jets?|tanks?|missiles?|systems?|engines?|weapons?|arms|"
    r"hardware|equipment|ammunition|vessels?|ships?|oil|gas|fuel|wheat|cargo|consignment|"
    r"shipment|batch)\b",
    re.IGNORECASE,
)
"""What a delivery delivers: goods, not "support" or "assurances"."""
_NOT_DONE = re.compile(r"\b(?:will|would|shall|plans? to|is to|are to|expected to|not)\b", re.I)


def _published(source: dict[str, Any]) -> dt.date | None:
    published = source.get("published")
    if isinstance(published, str):
        return dt.date.fromisoformat(published)
    return published if isinstance(published, dt.date) else None


def _when(text: str, source: dict[str, Any]) -> dict[str, Any]:
    """The date the sentence gives, else on or before the report (what "has supplied" says)."""
    date = own_date(text, source)
    if date["precision"] != "unknown":
        return date
    published = _published(source)
    if published is None:
        return date
    return {
        "earliest": None,
        "latest": published,
        "precision": "range",
        "derivations": [{"rule": "before-publication", "source": source["id"], "quote": text}],
    }


def _one(text: str) -> str | None:
    """The one country ``text`` names (capitals and adjectives too), else None."""
    named = countries_named(text, capitals=True)
    return next(iter(named)) if len(named) == 1 else None


def deliveries(
    sentences: list[Sentence], source: dict[str, Any], taken: set[str], story: Story
) -> list[Proposal]:
    """A delivery event per sentence saying one of the story's two countries supplied goods
    to the other."""
    out: list[Proposal] = []
    for sentence in sentences:
        text = sentence.text
        match = SUPPLIED.search(text) or ACQUIRED.search(text)
        if match is None or _NOT_DONE.search(text[: match.start("verb")]):
            continue
        if not _GOODS.search(match["what"]):
            continue
        recipient = _one(match["recipient"])
        supplier = _one(match["supplier"] or match["what"])
        if recipient is None or supplier is None or {supplier, recipient} != set(story.pair):
            continue
        what = normalise(match["what"])
        proposal = _stated(
            sentence,
            kind="delivery",
            title=f"{match['verb'].capitalize()} {what}",
            countries=[supplier, recipient],
            source=source,
            taken=taken,
            stem=f"delivery-{slug(what)}",
        )
        out.append(proposal)
    return out


_PLEDGE = re.compile(
    r"^(?P<speaker>.*?)\b(?P<verb>(?:reiterated|reaffirmed|expressed|conveyed)\s+(?:the\s+|its\s+|"
    r"his\s+|her\s+|[A-Z][\w’'-]+\s+)?(?:commitment|readiness|willingness))\b"
    r"(?P<target>[^.;]+)",
    re.IGNORECASE,
)
"""One side's pledge to the other: "reiterated the commitment of his government to enhance
cooperation with Pakistan", "expressed Moscow’s readiness to strengthen Pakistan’s ..."."""


def statements(
    sentences: list[Sentence], source: dict[str, Any], taken: set[str], story: Story
) -> list[Proposal]:
    """A statement event per sentence saying an official of one (or each) of the story's two
    countries criticised a third country, or pledged cooperation or help to the other side."""
    out: list[Proposal] = []
    two = set(story.pair)
    for sentence in sentences:
        text = sentence.text
        match = CRITICISED.search(text)
        third = match is not None
        match = match or _PLEDGE.search(text)
        if match is None or _NOT_DONE.search(match["speaker"]):
            continue
        speakers = sorted(countries_named(match["speaker"], capitals=True) & two)
        named = countries_named(match["target"], capitals=True)
        targets = sorted(named - two) if third else sorted((named & two) - set(speakers))
        if not speakers or not targets:
            continue
        verb = normalise(match["verb"])
        proposal = _stated(
            sentence,
            kind="statement",
            title=f"{verb[0].upper()}{verb[1:]} {normalise(match['target'])}"[:120],
            countries=speakers,
            source=source,
            taken=taken,
            stem=f"statement-{slug(verb.split()[0])}-{'-'.join(t.lower() for t in targets)}",
        )
        proposal.data["targets"] = targets
        proposal.data["evidence"][0]["supports"].append("targets")
        out.append(proposal)
    return out


MILESTONE = re.compile(
    r"\b(?:ties|relations)\s+(?:were|was|had been|have been)\s+(?P<verb>renewed|restored|"
    r"re-established|normali[sz]ed|established)\b|\b(?P<verb2>renewed|restored|re-established|"
    r"normali[sz]ed|established)\s+(?:(?:diplomatic|their)\s+)?(?:ties|relations)\b",
    re.IGNORECASE,
)
"""Ties renewed, restored or established between the two."""


def milestones(
    sentences: list[Sentence], source: dict[str, Any], taken: set[str], story: Story
) -> list[Proposal]:
    """A relations milestone per sentence saying the two countries' ties were renewed,
    restored or established, in a year or month the sentence gives (undated: not drafted)."""
    out: list[Proposal] = []
    for sentence in sentences:
        match = MILESTONE.search(sentence.text)
        if match is None or len(story.pair) != 2 or story.quote is None:
            continue
        named = countries_named(sentence.text, capitals=True)
        if not named <= set(story.pair) or own_date(sentence.text, source)["precision"] in (
            "unknown",
            "day",  # a weekday or "today": the report's news, not a milestone
        ):
            continue
        verb = normalise(match["verb"] or match["verb2"])
        proposal = _stated(
            sentence,
            kind="relations-milestone",
            title=f"Ties {verb}",
            countries=list(story.pair),
            source=source,
            taken=taken,
            stem=f"ties-{slug(verb)}",
        )
        if len(named) < 2:  # "the ties were renewed": the two countries of the story
            proposal.data["evidence"][0]["supports"] = ["status"]
            proposal.data["evidence"].append(
                {"source": source["id"], "quote": story.quote, "supports": ["countries"]}
            )
            proposal.confirm.append(
                f"countries: the sentence names none; {', '.join(story.pair)} are the two the "
                f"story names together most ({story.quote!r})"
            )
        out.append(proposal)
    return out


def _stated(
    sentence: Sentence,
    *,
    kind: str,
    title: str,
    countries: list[str],
    source: dict[str, Any],
    taken: set[str],
    stem: str,
) -> Proposal:
    date = _when(sentence.text, source)
    nulls = {"location": "the sentence gives no place"}
    if date["precision"] == "unknown":
        nulls["date"] = "the sentence gives no date, and the report none to bound it"
    event_id, n = stem[:60].rstrip("-"), 2
    base = event_id
    while event_id in taken:
        event_id, n = f"{base}-{n}", n + 1
    taken.add(event_id)
    data: dict[str, Any] = {
        "type": "event",
        "id": event_id,
        "title": title[:200],
        "kind": kind,
        "status": "held",
        "date": date,
        "location": {"city": None, "country": None, "venue": None},
        "countries": countries,
        "evidence": [
            {"source": source["id"], "quote": sentence.text, "supports": ["status", "countries"]}
        ],
    }
    check = {
        "delivery": "who supplied whom, and what",
        "statement": "who spoke, and to or of whom",
    }.get(kind, "what happened, and when")
    confirm = [f"event: {kind}, read from {sentence.text!r}; check {check}"]
    if date.get("derivations") and date["derivations"][0]["rule"] == "before-publication":
        confirm.append("date: the sentence gives none; on or before the report's publication")
    return Proposal(data, "low", confirm, nulls)
