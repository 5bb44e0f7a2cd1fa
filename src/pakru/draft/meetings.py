"""Meetings a report's sentences name: series, ordinal, status, date and place, each from a quote.

A sentence proposes a meeting when it names one by its number in a series
("the 13th meeting of the ...", "the next round of the JWG") and says it was
held or is to be held, or when it reports one without a number ("held talks
with ...", "called on ...": :mod:`pakru.draft.encounters`). The series is an
existing dialogue series whose name or alias the sentence prints
(:func:`pakru.validate.rules.series.series_names`), or the series of the meeting
the report named just before ("the next meeting"). A date or city the meeting's
own sentence lacks is carried from another sentence that tells of it (its
paragraph, a later "The talks were held ...", the lead), quoted, to confirm.
"""

import json
import re
from dataclasses import dataclass, field
from typing import Any

from pakru.dataset import Dataset
from pakru.draft.dates import date_of, notes
from pakru.draft.encounters import ANAPHOR, Encounter, encounter, separate
from pakru.draft.read import Sentence
from pakru.schema.body import Body
from pakru.schema.meeting import Meeting
from pakru.schema.reference import cities, countries
from pakru.validate.derive.places import names_a_place
from pakru.validate.derive.text import cities_named, countries_named, countries_placed, says_here
from pakru.validate.rules.series import GROUP, fold_name, series_names
from pakru.validate.rules.supports import ordinal_words

ORDINAL_WORDS = {word: n for n in range(1, 100) for word in ordinal_words(n)}
"""Spelled ordinals, 1 to 99, as the ordinal rules spell them ("seventh", "twenty-first")."""
_ORDINAL = (
    r"(?P<ordinal>\d{1,3}(?:st|nd|rd|th)|"
    + "|".join(sorted(ORDINAL_WORDS, key=len, reverse=True))
    + r"|next)"
)
MEETING = re.compile(
    rf"\b{_ORDINAL}\s+(?:meeting|round|session|sitting)\b(?:\s+of\s+(?:the\s+)?(?P<rest>.*))?",
    re.IGNORECASE,
)
"""A meeting named by its number: "13th meeting of the ...", "the next round"."""

PLANNED = re.compile(
    r"\b(?:will|would|shall|is to|are to|to be held|scheduled|expected|agreed to hold|"
    r"decided to hold|planned|next)\b",
    re.IGNORECASE,
)
HELD = re.compile(
    r"\b(?:was held|were held|took place|held|met|convened|concluded|was hosted|hosted|opened)\b",
    re.IGNORECASE,
)
_VENUE = re.compile(r"\bat the (?P<venue>(?:[A-Z][\w'’-]*(?:\s+(?:of|for|and|the))?\s*){1,8})")


@dataclass
class Found:
    """A meeting one sentence names, and what the draft read about it."""

    sentence: Sentence
    series: Body | None
    ordinal: int | None
    ordinal_rule: str
    status: str
    record: dict[str, Any]
    confirm: list[str] = field(default_factory=list)
    nulls: dict[str, str] = field(default_factory=dict)


def dialogue_series(ds: Dataset) -> list[Body]:
    """The tree's dialogue series, longest name first (a longer name wins over a part)."""
    found = [b for b in ds.bodies if b.kind == "dialogue-series"]
    return sorted(found, key=lambda b: -max(len(n) for n in series_names(b)))


def series_in(sentence: str, series: list[Body]) -> Body | None:
    """The series whose name or alias the sentence prints as whole words (folded as
    typography leaves it: hyphens, "(JWG)", case)."""
    folded = fold_name(sentence)
    for body in series:
        for name in series_names(body):
            if name and re.search(rf"(?<!\w){re.escape(name)}(?!\w)", folded):
                return body
    for body in series:  # "Russia-Pakistan ..." for "Pakistan-Russia ...": the name unprefixed
        for name in series_names(body):
            bare = _unprefixed(name)
            if len(bare.split()) >= 3 and re.search(rf"(?<!\w){re.escape(bare)}(?!\w)", folded):
                return body
    return None


def _unprefixed(name: str) -> str:
    """A folded series name without the country words it opens with."""
    words = name.split()
    while words and words[0] in _COUNTRY_WORDS:
        words.pop(0)
    return " ".join(words)


_COUNTRY_WORDS = frozenset({"pakistan", "russia", "russian", "pakistani", "pak", "the"})


def new_series(text: str, source: str, taken: set[str]) -> Body | None:
    """A dialogue series the sentence names that the tree lacks: the group's name as printed
    ("Pakistan-Russia Consultative Group on Strategic Stability"), its members the
    countries the name prints, its id the initials of the other words (``cgss``)."""
    match = GROUP.search(text)
    if match is None:
        return None
    name = match.group(0).strip()
    words = [w for w in re.split(r"[\s-]+", name) if w[:1].isupper()]
    initials = "".join(w[0].lower() for w in words if w.lower() not in _COUNTRY_WORDS)
    base = initials if len(initials) >= 2 else "series"
    body_id, n = base, 2
    while body_id in taken:
        body_id, n = f"{base}-{n}", n + 1
    members = sorted(countries_named(name))
    supports = ["name", "members"] if members else ["name"]
    return Body.model_validate_json(
        json.dumps(
            {
                "type": "body",
                "id": body_id,
                "kind": "dialogue-series",
                "name": name,
                "country": None,
                "members": members,
                "evidence": [{"source": source, "quote": text, "supports": supports}],
            }
        )
    )


def _series_of(text: str, source: str, taken: set[str]) -> Body | None:
    """A new series a meeting without a number is said to be "of" ("consultations of the
    Consultative Group on ...") or that opens the sentence ("The Joint Working Group met
    ..."); a council (in a person's title, mostly) is none."""
    for match in GROUP.finditer(text):
        if "Council" in match.group(0):
            continue
        before = text[: match.start()]
        if re.search(r"(?:\b(?:of|within|under)\s+|^)(?:the\s+)?$", before, re.IGNORECASE):
            return new_series(text[match.start() :], source, taken)
    return None


def _same_series(text: str, previous: Body | None) -> Body | None:
    """The series of the meeting named just before ("the next meeting", "the next round of
    the Working Group"), when the sentence names no group or only a part of its name."""
    if previous is None:
        return None
    names = series_names(previous)
    groups = [fold_name(m.group(0)) for m in GROUP.finditer(text)]
    return previous if all(any(g in n for n in names) for g in groups) else None


def _ordinal(word: str) -> int | None:
    word = word.lower()
    if word in ORDINAL_WORDS:
        return ORDINAL_WORDS[word]
    digits = re.match(r"\d+", word)
    return int(digits.group()) if digits else None


_WAS_HELD = re.compile(
    r"^[^,;]*?\b(?:was|were)\s+(?:held|convened|hosted)\b|^[^,;]*?\btook\s+place\b"
)
"""The meeting's own clause says it was held ("The 7th meeting ... was held in March, and
the next ..."): a plan later in the sentence is another meeting's."""


def _status(text: str, ordinal_word: str, at: int | None = None) -> str | None:
    if at is not None and ordinal_word.lower() != "next":
        clause = text[at:]
        if (past := _WAS_HELD.search(clause)) and not PLANNED.search(clause[: past.end()]):
            return "held"
    if ordinal_word.lower() == "next" or PLANNED.search(text):
        return "planned"
    if HELD.search(text):
        return "held"
    return None


def _last_number(ds: Dataset, series: Body) -> Meeting | None:
    """The meeting of ``series`` with the highest number in the tree."""
    if series.id not in ds:
        return None  # a series this draft proposes: the tree has no meeting of it
    numbered = [m for m in ds.series(series.id) if m.ordinal is not None]
    return max(numbered, key=lambda m: m.ordinal or 0, default=None)


_VISITED = re.compile(r"\bvisit(?:ed|s|ing)?\s+(?P<name>[A-Z][a-z]+(?:[ -][A-Z][a-z]+)?)")


def _visited(text: str) -> set[str]:
    """The gazetteer cities a sentence says someone visited ("visited Moscow and met")."""
    found: set[str] = set()
    for match in _VISITED.finditer(text):
        name = match["name"]
        for candidate in (name, name.split()[0]):
            if cities(candidate):
                found.add(candidate)
                break
    return found


def _placed_elsewhere(text: str, dateline: str) -> frozenset[str]:
    """The countries other than the dateline city's the sentence places an event in."""
    home = {row.country for row in cities(dateline)}
    return countries_placed(text, events_only=True) - home


_IN_COUNTRY = re.compile(r"\b(?:in|to)\s+(?:the\s+)?(?P<name>[A-Z][a-z]+(?:\s+Federation)?)\b")


_MEETS = re.compile(
    r"\b(?:held|hold|meet|met|meeting|visit\w*|travel\w*|place|convened?|talks|consultations"
    r"|arrived?)\b"
)
"""Words that place a meeting, shortly before "in Pakistan" (not "terrorism in Pakistan")."""


def _country_placed(text: str, source: str) -> dict[str, Any] | None:
    """The one country a sentence places the meeting in ("will be held in Pakistan"), by
    the ``gazetteer-country`` rule, quoting the phrase; None for none, or two."""
    placed = [
        (m, countries_named(m.group(0)))
        for m in _IN_COUNTRY.finditer(text)
        if countries_named(m.group(0))
        and not cities(m["name"])
        and _MEETS.search(text[max(0, m.start() - 50) : m.start()])
    ]
    codes = {code for _, named in placed for code in named}
    if len(codes) != 1 or not codes <= {"PK", "RU"}:
        return None
    (code,) = codes
    return {
        "country": code,
        "geonames_id": countries()[code].geonames_id,
        "derivations": [
            {"rule": "gazetteer-country", "source": source, "quote": placed[0][0].group(0)}
        ],
    }


def location_of(
    text: str, source: str, dateline: str | None, dateline_quote: str | None
) -> tuple[dict[str, Any], list[str], dict[str, str]]:
    """The location the sentence gives: a gazetteer city it places the meeting in; else
    "here" or an unqualified venue with the report's dateline (the dateline rules)."""
    location: dict[str, Any] = {"city": None, "country": None, "venue": None}
    confirm: list[str] = []
    named = sorted(cities_named(text) | _visited(text))
    venue_match = _VENUE.search(text)
    venue = venue_match["venue"].strip() if venue_match else None
    derivations: list[dict[str, Any]] = []
    city: str | None = None
    if len(named) == 1:
        city = named[0]
        derivations.append({"rule": "gazetteer-city", "source": source, "quote": text})
    elif dateline is not None and dateline_quote is not None and says_here(text):
        if elsewhere := _placed_elsewhere(text, dateline):
            confirm.append(
                f"location: 'here' is {dateline}, but the sentence also places something in "
                f"{', '.join(sorted(elsewhere))}; check which is the meeting's (places.derived)"
            )
        city = dateline
        derivations.append(
            {"rule": "dateline-here", "source": source, "quote": text, "dateline": dateline}
        )
        derivations.append({"rule": "gazetteer-city", "source": source, "quote": dateline_quote})
    elif (
        dateline is not None
        and dateline_quote is not None
        and venue
        and not named
        and not names_a_place(venue)  # "the Russian Foreign Ministry": no dateline-venue
    ):
        city = dateline
        location["venue"] = venue
        derivations.append(
            {"rule": "dateline-venue", "source": source, "quote": text, "dateline": dateline}
        )
        derivations.append({"rule": "gazetteer-city", "source": source, "quote": dateline_quote})
    if city is None:
        why = "the sentence names no single city, and no dateline rule applies"
        if (country := _country_placed(text, source)) is not None:
            return (
                {**location, **country},
                [f"location: {why}; the country only"],
                {"location.city": why},
            )
        return {**location, "derivations": []}, [f"location: {why}"], {"location.city": why}
    rows = cities(city)
    if len(rows) != 1:
        why = f"the gazetteer has {len(rows)} cities named {city}"
        return {**location, "derivations": []}, [f"location: {why}"], {"location.city": why}
    (row,) = rows
    if derivations[0]["rule"].startswith("dateline-"):
        confirm.append(f"location: {city} from the dateline ({derivations[0]['rule']})")
    location.update(
        city=city,
        country=row.country,
        geonames_id=row.geonames_id,
        latitude=row.latitude,
        longitude=row.longitude,
        derivations=derivations,
    )
    return location, confirm, {}


def find_meetings(
    ds: Dataset,
    sentences: list[Sentence],
    source: dict[str, Any],
    new_bodies: list[Body],
) -> list[Found]:
    """Every meeting the sentences name by number, in the order the report names them; a
    series the tree lacks is appended to ``new_bodies``."""
    series_list = dialogue_series(ds)
    dateline = (source.get("dateline") or {}).get("city")
    dateline_quote = next(
        (e["quote"] for e in source.get("evidence", []) if "dateline" in e.get("supports", [])),
        None,
    )
    found: list[Found] = []
    taken = {r.id for r in ds.records}
    for sentence in sentences:
        match = MEETING.search(sentence.text)
        if match is None:
            met = encounter(sentence.text)
            if met is None or _told_before(sentence, met, found):
                continue
            if found and ANAPHOR.match(sentence.text):
                continue  # "The talks were held ...": more of the meeting named before
            named_series = series_in(sentence.text, series_list)
            if named_series is None and (
                named_series := _series_of(sentence.text, source["id"], taken)
            ):
                taken.add(named_series.id)
                series_list.insert(0, named_series)
                new_bodies.append(named_series)
            found.append(_encountered(ds, sentence, met, source, found, series=named_series))
            _locate(found[-1], source["id"], dateline, dateline_quote)
            continue
        status = _status(sentence.text, match["ordinal"], match.end("ordinal"))
        if status is None:
            continue
        series = series_in(sentence.text, series_list)
        carried = None
        if series is None and found:
            series = carried = _same_series(sentence.text, found[-1].series)
        if series is None and (series := new_series(sentence.text, source["id"], taken)):
            taken.add(series.id)
            series_list.insert(0, series)
            new_bodies.append(series)
        found.append(
            _meeting(
                ds,
                sentence,
                match=match,
                status=status,
                series=series,
                source=source,
                earlier=found,
            )
        )
        record = found[-1].record
        if carried is not None and not record["derivations"] and not record.get("announced_at"):
            found[-1].confirm.append(
                f"series: {carried.id}, the series of the meeting named before; the sentence "
                "names none, so another quote must name it (series.named)"
            )
        _locate(found[-1], source["id"], dateline, dateline_quote)
    _carry(ds, found, sentences, source=source, dateline=dateline, dateline_quote=dateline_quote)
    _realised(found)
    return found


_EARLIER = re.compile(
    r"\b(?:last\s+(?:week|month|year)|earlier|previously|recently|ago|had)\b", re.I
)
"""Words that set a meeting without a number before the story's time: a look back."""


def aside(meeting: Found) -> bool:
    """A meeting without a number the report looks back on ("Last month, the ministers had
    at their meeting in Moscow ...", "also recently visited Moscow"): told in its own
    paragraph, not the rest of the story."""
    return (
        meeting.ordinal is None
        and meeting.series is None
        and bool(_EARLIER.search(meeting.sentence.text))
    )


def span_end(found: list[Found], index: int, sentences: list[Sentence]) -> int | None:
    """Where what a report says of ``found[index]`` ends: at the next held meeting that is
    not a look back (:func:`aside`); a look back's own account ends with its paragraph."""
    meeting = found[index]
    if aside(meeting):
        return next(
            (
                s.index
                for s in sentences[meeting.sentence.index :]
                if s.paragraph != meeting.sentence.paragraph
            ),
            None,
        )
    return next(
        (f.sentence.index for f in found[index + 1 :] if f.status == "held" and not aside(f)),
        None,
    )


def _realised(found: list[Found]) -> None:
    """A held meeting the same report also names as planned (the same series and number:
    "the next round" at the 9th, and the 10th held) carries out that plan (``realises``)."""
    for held in found:
        if held.status != "held" or held.series is None or held.ordinal is None:
            continue
        plan = next(
            (
                f
                for f in found
                if f.status == "planned" and f.series is held.series and f.ordinal == held.ordinal
            ),
            None,
        )
        if plan is not None and "realises" not in held.record:
            held.record["realises"] = plan.record["id"]
            held.record["evidence"][0]["supports"].append("realises")
            held.confirm.append(
                f"realises: the held meeting carries out the plan {plan.record['id']}"
            )


def _locate(meeting: Found, source: str, dateline: str | None, dateline_quote: str | None) -> None:
    """The meeting's location from its own sentence."""
    loc, confirm, nulls = location_of(meeting.sentence.text, source, dateline, dateline_quote)
    meeting.record["location"] = loc
    supports = meeting.record["evidence"][0]["supports"]
    rules = [d["rule"] for d in loc["derivations"]]
    if rules[:1] == ["gazetteer-city"]:
        supports.append("location.city")  # the sentence names the city
    if loc["venue"] is not None:
        supports.append("location.venue")
    meeting.confirm += confirm
    meeting.nulls.update(nulls)


def _told_before(sentence: Sentence, met: Encounter, found: list[Found]) -> bool:
    """The sentence tells more of the meeting named just before it in its paragraph
    ("The 9th round was held in Kazan. The talks with the Russian side were held ..."),
    unless it says it is another one ("also", "meanwhile", "last month")."""
    if not found:
        return False
    last = found[-1]
    return (
        last.sentence.paragraph == sentence.paragraph
        and last.status == met.status
        and not separate(sentence.text)
    )


_ABOUT_A_MEETING = re.compile(
    r"\b(?:talks|meeting|consultations|session|round|held|took\s+place|visit|discussions|met"
    r"|delegations?|sides)\b",
    re.IGNORECASE,
)
"""Words of a sentence that tells of a meeting (a sentence that may give its date or place)."""
_OTHER_EVENT = re.compile(
    r"\b(?:signed|inked|exercises?|drills?|attack|attacks|killed|elections?)\b", re.IGNORECASE
)


def _donors(meeting: Found, sentences: list[Sentence], named: set[int]) -> list[Sentence]:
    """The sentences that may give a meeting's date or place when its own sentence does
    not: the others of its paragraph that tell of a meeting and of no other event (the
    nearest first), then the later ones, up to the next meeting, that open on "The talks"
    (the caller adds the story's lead for the report's first meeting)."""
    own = meeting.sentence
    same = [
        s
        for s in sentences
        if s.paragraph == own.paragraph
        and s.index not in named
        and _ABOUT_A_MEETING.search(s.text)
        and not _OTHER_EVENT.search(s.text)
    ]
    same.sort(key=lambda s: abs(s.index - own.index))
    after = [s.index for s in sentences if s.index > own.index and s.index in named]
    until = min(after, default=len(sentences))
    same += [
        s
        for s in sentences[own.index + 1 : until]
        if s not in same and ANAPHOR.match(s.text) and not _OTHER_EVENT.search(s.text)
    ]
    return same


def _carry(
    ds: Dataset,
    found: list[Found],
    sentences: list[Sentence],
    *,
    source: dict[str, Any],
    dateline: str | None,
    dateline_quote: str | None,
) -> None:
    """A meeting's date and city from the other sentences of its paragraph (and the lead,
    for the report's first meeting), when its own sentence gives none; each carried value
    keeps the quote it comes from, and a person is asked to confirm it."""
    named = {f.sentence.index for f in found}
    lead = next((s for s in sentences if len(s.text.split()) >= 6), None)  # not "(Reuters)"
    if lead is not None and lead.index in named:
        lead = None
    for number, meeting in enumerate(found):
        donors = _donors(meeting, sentences, named)
        first = number == 0 and meeting.status == "held"
        if first and lead is not None and lead not in donors and not _OTHER_EVENT.search(lead.text):
            donors.append(lead)
        record = meeting.record
        if record["date"]["precision"] == "unknown":
            for donor in donors:
                date = date_of(
                    donor.text, source["id"], source.get("published"), held=meeting.status == "held"
                )
                if date["precision"] != "unknown":
                    record["date"] = date
                    meeting.nulls.pop("date", None)
                    meeting.confirm = [c for c in meeting.confirm if not c.startswith("date:")]
                    meeting.confirm.append(
                        f"date: from another sentence of the report ({donor.text!r}); "
                        "confirm it is this meeting's"
                    )
                    meeting.confirm += notes(date)
                    break
        if record["location"].get("city") is None:
            for donor in donors:
                loc, _, _ = location_of(donor.text, source["id"], dateline, dateline_quote)
                rules = [d["rule"] for d in loc["derivations"]]
                if rules[:1] not in (["gazetteer-city"], ["dateline-here"]):
                    continue
                loc["venue"] = record["location"].get("venue")
                record["location"] = loc
                meeting.nulls.pop("location.city", None)
                meeting.confirm = [c for c in meeting.confirm if not c.startswith("location:")]
                meeting.confirm.append(
                    f"location: {loc['city']} from another sentence of the report "
                    f"({donor.text!r}); confirm it is this meeting's"
                )
                break
        if re.search(rf"{_UNDATED}(?:-\d+)?$", record["id"]) and record["date"].get("earliest"):
            old = record["id"]
            others = [f for f in found if f is not meeting]
            record["id"] = _meeting_id(
                ds, meeting.series, None, {**record["date"], "_status": meeting.status}, others
            )
            for other in others:
                if other.record.get("announced_at") == old:
                    other.record["announced_at"] = record["id"]


def _encountered(
    ds: Dataset,
    sentence: Sentence,
    met: Encounter,
    source: dict[str, Any],
    earlier: list[Found],
    *,
    series: Body | None,
) -> Found:
    """A meeting reported without a number: the series the sentence names, if any, no
    ordinal, the sentence's date."""
    text, source_id = sentence.text, source["id"]
    confirm = [
        f"meeting: read from {met.phrase!r}; confirm it is a meeting of officials of the "
        "two countries, and whether it belongs to a series",
        f"status: {met.status}, read from the wording of {text!r}",
    ]
    nulls = {"ordinal": "no number is printed"}
    if series is None:
        nulls["series"] = "the sentence names no dialogue series"
    date = date_of(text, source_id, source.get("published"), held=met.status == "held")
    confirm += notes(date)
    if date["precision"] == "unknown":
        nulls["date"] = "the sentence gives no date a date rule can compute"
        confirm.append("date: unknown; look for a date elsewhere in the report")
    record: dict[str, Any] = {
        "type": "meeting",
        "id": "",
        "title": _title(series, None, met.status, text),
        "kind": _kind(series) if series is not None else met.kind,
        "status": met.status,
        "date": date,
        "location": {},
        "series": series.id if series else None,
        "ordinal": None,
        "participants": [],
        "derivations": [],
        "evidence": [
            {
                "source": source_id,
                "quote": text,
                "supports": ["status", "series"] if series else ["status"],
            }
        ],
    }
    record["id"] = _meeting_id(ds, series, None, {**date, "_status": met.status}, earlier)
    return Found(sentence, series, None, "stated", met.status, record, confirm, nulls)


def _meeting(
    ds: Dataset,
    sentence: Sentence,
    *,
    match: re.Match[str],
    status: str,
    series: Body | None,
    source: dict[str, Any],
    earlier: list[Found],
) -> Found:
    text, source_id = sentence.text, source["id"]
    published = source.get("published")
    confirm: list[str] = []
    nulls: dict[str, str] = {}
    word = match["ordinal"]
    ordinal = _ordinal(word)
    ordinal_rule = "stated"
    derivations: list[dict[str, Any]] = []
    if word.lower() == "next" and series is not None:
        anchor_meeting = next(
            (f for f in reversed(earlier) if f.series is series and f.ordinal), None
        )
        anchor_id: str | None = anchor_meeting.record["id"] if anchor_meeting else None
        anchor_number = anchor_meeting.ordinal if anchor_meeting else None
        if anchor_meeting is None and (last := _last_number(ds, series)) is not None:
            anchor_id, anchor_number = last.id, last.ordinal
        if anchor_id is not None and anchor_number is not None:
            ordinal, ordinal_rule = anchor_number + 1, "next-ordinal"
            derivations.append(
                {"rule": "next-ordinal", "source": source_id, "quote": text, "anchor": anchor_id}
            )
    if ordinal is None:
        nulls["ordinal"] = "no number is printed and no earlier meeting of the series is known"
    if series is None:
        nulls["series"] = "the sentence names no dialogue series of the tree"
        confirm.append("series: none matched; if this is a new series, add its body record")
    date = date_of(text, source_id, published, held=status == "held")
    confirm += notes(date)
    if date["precision"] == "unknown":
        nulls["date"] = "the sentence gives no date a date rule can compute"
        confirm.append("date: unknown; look for a date elsewhere in the report")
    supports = ["status"]
    if series is not None:
        supports.append("series")
    if ordinal_rule == "stated" and ordinal is not None:
        supports.append("ordinal")
    record: dict[str, Any] = {
        "type": "meeting",
        "id": "",
        "title": _title(series, ordinal, status, text),
        "kind": _kind(series),
        "status": status,
        "date": date,
        "location": {},
        "series": series.id if series else None,
        "ordinal": ordinal,
        "participants": [],
        "derivations": derivations,
        "evidence": [{"source": source_id, "quote": text, "supports": supports}],
    }
    if status == "planned" and earlier:
        held = next((f for f in reversed(earlier) if f.status == "held"), None)
        skipped = (  # "the 9th meeting will be ..." in a report of the 7th: not the next one
            held is not None
            and held.series is series
            and None not in (held.ordinal, ordinal)
            and ordinal != (held.ordinal or 0) + 1
        )
        if skipped and held is not None:
            confirm.append(
                f"announced_at: not {held.record['id']} (number {held.ordinal}), as this is "
                f"number {ordinal}, not the next; say where it was announced"
            )
        if held is not None and not skipped:
            record["announced_at"] = held.record["id"]
            record["evidence"][0]["supports"].append("announced_at")
    record["id"] = _meeting_id(ds, series, ordinal, {**date, "_status": status}, earlier)
    confirm.append(f"status: {status}, read from the wording of {text!r}")
    return Found(sentence, series, ordinal, ordinal_rule, status, record, confirm, nulls)


def _kind(series: Body | None) -> str:
    """The meeting kind the series' meetings have in the tree's wording."""
    if series is None:
        return "other"
    name = series.name.lower()
    for word, kind in (
        ("working group", "working-group"),
        ("consultative group", "consultative-group"),
        ("consultations", "security-consultations"),
        ("security talks", "security-consultations"),
    ):
        if word in name:
            return kind
    return "other"


def _title(series: Body | None, ordinal: int | None, status: str, text: str) -> str:
    if series is None:
        return text if len(text) <= 120 else text[:117].rstrip() + "..."
    number = (
        ("Next" if status == "planned" else "A") if ordinal is None else _ordinal_words(ordinal)
    )
    planned = " (planned)" if status == "planned" else ""
    return f"{number} meeting of the {series.name}{planned}"


def _ordinal_words(n: int) -> str:
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


_UNDATED = "-draft"
"""The end of a drafted meeting's id while it has no date (a carried date renames it)."""


def _meeting_id(
    ds: Dataset,
    series: Body | None,
    ordinal: int | None,
    date: dict[str, Any],
    earlier: list[Found],
) -> str:
    if series is not None and ordinal is not None:
        base = f"{series.id}-{ordinal:02d}"
        if date.get("_status") == "planned":
            base += "-planned"
    elif series is not None and date.get("_status") == "planned":
        base = f"{series.id}-next"
    elif series is not None:
        day = date.get("earliest")
        base = f"{series.id}-{day.isoformat()}" if day is not None else f"{series.id}{_UNDATED}"
    else:
        day = date.get("earliest")
        base = f"meeting-{day.isoformat()}" if day is not None else f"meeting{_UNDATED}"
    taken = {f.record["id"] for f in earlier}
    candidate, n = base, 2
    while candidate in ds or candidate in taken:
        candidate, n = f"{base}-{n}", n + 1
    return candidate
