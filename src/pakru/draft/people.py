"""People a report names as leading or joining a delegation: matched to the tree's people by
name, alias or initials (:func:`pakru.coverage.person_patterns`; never by a title alone), or
proposed as new people with the country of their side and the title the sentence prints."""

import re
from dataclasses import dataclass
from typing import Any

from pakru.coverage import person_patterns
from pakru.dataset import Dataset
from pakru.schema.person import Person
from pakru.validate.derive.text import countries_named

LED = re.compile(r"\b(?:led|headed)\s+by\s+", re.IGNORECASE)
TITLE_WORDS = frozenset(
    [
        "Ambassador",
        "Minister",
        "Deputy",
        "Foreign",
        "Secretary",
        "Additional",
        "Special",
        "General",
        "Director",
        "Mr",
        "Mr.",
        "Ms",
        "Ms.",
        "Dr",
        "Dr.",
        "Lt",
        "Lt.",
        "Gen",
        "Gen.",
        "Major",
        "Colonel",
        "Col",
        "Chief",
        "Head",
        "Adviser",
        "Advisor",
        "National",
        "Security",
        "Vice",
        "First",
        "Senior",
        "Federal",
        "Interior",
        "Defence",
        "Defense",
        "Affairs",
        "Acting",
        "Assistant",
        "Counsellor",
        "Envoy",
        "Admiral",
        "Brigadier",
        "Air",
        "Marshal",
        "President",
        "Prime",
        "Director-General",
    ]
)
_CAPITALISED = re.compile(r"[A-Z][\w'’.-]*")
_INITIALS = re.compile(r"(?<![\w.])([A-Z])\.(?:\s?[A-Z]\.){0,2}\s?([A-Z][\w'’-]*)")
_END = re.compile(r",|;|\bwhile\b|\band\b|\bwhereas\b|\.$|\bof\b")


@dataclass(frozen=True)
class Named:
    """A person a clause names as leading a side, with the quotes that say so."""

    person_id: str | None
    """The matched person's id, or None for a new person."""
    name: str
    title: str | None
    side: str | None
    quote: str
    """The clause naming the person and the side (from the side's words to the name)."""


def _side(before: str) -> str | None:
    named = countries_named(before)
    return next(iter(named)) if len(named) == 1 else None


def _name_and_title(after: str) -> tuple[str, str | None] | None:
    """The name after "led by" and a title around it: "Deputy Minister Ivan Petrov" or
    "Ivan Petrov, Deputy Minister of ...": title words first, two to four name words."""
    words: list[str] = []
    for token in after.split():
        initials = re.fullmatch(r"(?:[A-Z]\.)+", token)  # "S.A." is a name word, not an end
        bare = token if initials else token.rstrip(",;.")
        if not _CAPITALISED.fullmatch(bare):
            break
        words.append(bare)
        if bare != token:
            break
    lead = 0
    while lead < len(words) and words[lead] in TITLE_WORDS:
        lead += 1
    name_words = words[lead:]
    if not 2 <= len(name_words) <= 4:
        return None
    name = " ".join(name_words)
    title = " ".join(words[:lead]) or None
    rest = after[after.find(name) + len(name) :]
    if title is None and rest.startswith(","):
        tail = rest[1:].strip()
        stop = re.search(r",|;|\bwhile\b|\bwhereas\b|\.\s*$", tail)
        candidate = (tail[: stop.start()] if stop else tail).strip().rstrip(".")
        if candidate and candidate.split()[0] in TITLE_WORDS:
            title = candidate
    return name, title


def led_by(sentence: str, ds: Dataset) -> list[Named]:
    """Each person a sentence says led a side ("the Russian side was led by ..."), matched
    to a person of the tree when the sentence prints their name, an alias or initials."""
    out: list[Named] = []
    starts = list(LED.finditer(sentence))
    for index, match in enumerate(starts):
        clause_start = starts[index - 1].end() if index else 0
        before = sentence[clause_start : match.start()]
        cut = max(before.rfind(","), before.rfind(" while "), before.rfind(" and "))
        before = before[cut + 1 :] if cut >= 0 else before
        after = sentence[match.end() :]
        found = _name_and_title(after)
        if found is None:
            continue
        name, title = found
        person_id = match_person(ds, after[: after.find(name) + len(name)])
        end = match.end() + after.find(name) + len(name)
        begin = sentence.find(before.strip()) if before.strip() else match.start()
        quote = sentence[begin:end]
        if title is not None and title not in quote:
            title_end = sentence.find(title, match.end())
            if title_end >= 0:
                quote = sentence[begin : title_end + len(title)]
        out.append(Named(person_id, name, title, _side(before), quote.strip()))
    return out


def match_person(ds: Dataset, text: str) -> str | None:
    """The one person of the tree ``text`` names by name, alias or initials, else None."""
    folded = text.casefold()
    initials = {(m[1], m[2]) for m in _INITIALS.finditer(text)}

    def candidate(person: Person) -> bool:
        """A cheap test before the patterns: a whole name form, or initials and surname."""
        words = person.name.split()
        if words and (words[0][:1].upper(), words[-1]) in initials:
            return True
        return any(form.casefold() in folded for form in (person.name, *person.aliases))

    hits = {
        person.id
        for person in ds.people
        if candidate(person) and any(p.search(text) for p in person_patterns(person))
    }
    return next(iter(hits)) if len(hits) == 1 else None


def slug(name: str) -> str:
    """An id from a name: lower case, ASCII letters and digits, hyphens between words."""
    folded = re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")
    return folded or "person"


def new_person(
    named: Named, source: str, meeting: dict[str, Any], taken: set[str]
) -> dict[str, Any]:
    """A person record for a name the tree does not have: country from the side the
    sentence names, the title as printed, attested on the meeting's date."""
    person_id, n = slug(named.name), 2
    while person_id in taken:
        person_id, n = f"{slug(named.name)}-{n}", n + 1
    supports = ["name", "country"] if named.side else ["name"]
    record: dict[str, Any] = {
        "type": "person",
        "id": person_id,
        "name": named.name,
        "country": named.side,
        "titles": [],
        "evidence": [{"source": source, "quote": named.quote, "supports": supports}],
    }
    if named.title is not None:
        record["titles"].append(
            {
                "title": named.title,
                "attested": {
                    "earliest": meeting["date"]["earliest"],
                    "latest": meeting["date"]["latest"],
                    "precision": meeting["date"]["precision"],
                    "derivations": [
                        {
                            "rule": "same-as-record",
                            "source": source,
                            "quote": named.quote,
                            "anchor": meeting["id"],
                        }
                    ],
                },
                "evidence": [{"source": source, "quote": named.quote}],
            }
        )
    return record
