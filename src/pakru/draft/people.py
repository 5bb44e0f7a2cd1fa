"""People a report names as leading or joining a delegation: matched to the tree's people by
name, alias or initials (:func:`pakru.coverage.person_patterns`; never by a title alone), or
proposed as new people with the country of their side and the title the sentence prints."""

import re
from dataclasses import dataclass, replace
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
        "Coordinator",
        "Admiral",
        "Brigadier",
        "Air",
        "Marshal",
        "President",
        "Prime",
        "Director-General",
        "Lieutenant",
        "Lieutenant-General",
        "Major-General",
        "Commander",
        "Commodore",
        "Brig.",
        "Rear",
        "Captain",
        "Capt",
        "Mrs",
        "Mrs.",
        "Prof",
        "Prof.",
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
    rank: str | None = None
    """A military rank printed with the title ("Lt Gen (retd)"), a title of its own."""
    more_titles: tuple[str, ...] = ()
    """Another title printed for the person (after the name, when one stands before it)."""
    lead: bool = True
    """The sentence says the person led a side ("led by")."""


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
        if bare != token and bare not in {"Mr", "Ms", "Mrs", "Dr"}:  # "Mr." goes on
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


_LED_SIDE = re.compile(r"\bled\s+the\s+(?P<side>[A-Z]\w+)\s+(?:side|delegation|team)\b")
"""A person "led the Pakistan side": the person named just before these words."""


def people_in(sentence: str, ds: Dataset) -> list[Named]:
    """The people a sentence names: every person it names with a title (:func:`named_in`),
    marked as the leader of a side when it says so ("the Russian side was led by ...",
    "... led the Pakistan side"), each once."""
    led = {n.person_id or n.name: n for n in led_by(sentence, ds)}
    named = named_in(sentence, ds)
    for key, first in list(led.items()):  # "Petroleum Secretary Nadia Baloch": the name ends it
        for person in named:
            if person.person_id is None and first.name.endswith(" " + person.name):
                led[person.name] = led.pop(key)
                break
    out: list[Named] = []
    leaders = {m.start(): m for m in _LED_SIDE.finditer(sentence)}
    for number, person in enumerate(named):
        at = sentence.find(person.quote)
        nxt = sentence.find(named[number + 1].quote) if number + 1 < len(named) else len(sentence)
        side_match = next(
            (m for start, m in leaders.items() if at + len(person.quote) <= start < nxt), None
        )
        key = person.person_id or person.name
        leader = led.pop(key) if key in led else None
        if leader is not None:
            out.append(_merged(sentence, leader, person))
        elif side_match is not None:
            side = _side(side_match["side"])
            quote = sentence[at : side_match.end()]
            out.append(replace(person, side=side or person.side, quote=quote, lead=True))
        else:
            out.append(person)
    return list(led.values()) + out


def _merged(sentence: str, leader: Named, person: Named) -> Named:
    """One person a sentence says led a side and names with titles: the side of the one,
    the titles of the other, a quote that holds both."""
    spans = [(sentence.find(q), sentence.find(q) + len(q)) for q in (leader.quote, person.quote)]
    begin, end = min(s for s, _ in spans), max(e for _, e in spans)
    return replace(
        person,
        side=leader.side or person.side,
        quote=sentence[begin:end] if begin >= 0 else leader.quote,
        lead=True,
        title=person.title or leader.title,
    )


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
    for title in (named.title, *named.more_titles, named.rank):
        if title is None:
            continue
        record["titles"].append(
            {
                "title": title,
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


_TOKEN = re.compile(r"\(retd\.?\)|(?:[A-Z]\.){1,3}(?=\s?[A-Z])|[A-Za-z][\w'’-]*|[^\w\s]")
_LINKS = frozenset({"of", "the", "for", "and", "on", "to", "(", ")"})
"""Lower-case words a title runs on through ("Minister of the Interior", "Ambassador to ...")."""
_RANKS = frozenset(
    [
        "Lt",
        "Lt.",
        "Gen",
        "Gen.",
        "General",
        "Maj",
        "Major",
        "Brig",
        "Brigadier",
        "Col",
        "Colonel",
        "Admiral",
        "Vice",
        "Air",
        "Marshal",
        "(retd)",
        "(retd.)",
        "Rear",
        "Capt",
        "Captain",
        "Lieutenant",
        "Lieutenant-General",
        "Major-General",
        "Lt-Gen",
        "Commodore",
        "Vice-Admiral",
    ]
)
_HONORIFICS = frozenset(["Mr", "Mr.", "Ms", "Ms.", "Mrs", "Mrs.", "Dr", "Dr.", "Prof", "Prof."])
_HEADS = frozenset(
    [
        "Minister",
        "Secretary",
        "Ambassador",
        "Adviser",
        "Advisor",
        "Director",
        "Director-General",
        "Chief",
        "Head",
        "Envoy",
        "President",
        "Counsellor",
        "Counselor",
        "Commander",
        "Chairman",
        "Chairperson",
        "Spokesperson",
        "Spokesman",
        "Attaché",
        "Attache",
        "Representative",
        "Officer",
        "Premier",
        "Undersecretary",
        "Under-Secretary",
    ]
)
"""The words a title names an office by: "Foreign Office" is an office, no one's title."""
"""Military ranks: a title of their own ("Lt Gen (retd)"), kept apart from the office."""
_NOT_NAMES = frozenset(
    [
        "Ministry",
        "Office",
        "Group",
        "Working",
        "Joint",
        "Council",
        "Committee",
        "Federation",
        "Republic",
        "Republics",
        "Army",
        "Navy",
        "Force",
        "Forces",
        "Organization",
        "Organisation",
        "Cooperation",
        "Nations",
        "United",
        "State",
        "States",
        "Islamic",
        "Union",
        "Commission",
        "Department",
        "Agency",
        "Service",
        "Services",
        "Staff",
        "Headquarters",
        "Embassy",
        "Foreign",
        "Affairs",
        "Defence",
        "Defense",
        "Security",
        "Strategic",
        "Stability",
        "Consultative",
        "Counter",
        "Terrorism",
        "Central",
        "Asian",
        "Shanghai",
        "Nato",
        "NATO",
        "Parliament",
        "Assembly",
        "Senate",
        "Duma",
        "Kremlin",
        "Mission",
        "Press",
        "Statement",
        "News",
        "Agency",
        "Ministry's",
        "Government",
        "Bank",
        "Company",
        "Corporation",
        "University",
        "Institute",
        "Centre",
        "Center",
        "Summit",
        "Conference",
        "Forum",
        "Dialogue",
        "Round",
        "Meeting",
        "Session",
        "Exercise",
        "Monday",
        "Tuesday",
        "Wednesday",
        "Thursday",
        "Friday",
        "Saturday",
        "Sunday",
        "January",
        "February",
        "March",
        "April",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
        "Mr",
        "Mr.",
        "Ms",
        "Ms.",
        "Dr",
        "Dr.",
        "His",
        "Her",
        "Their",
        "The",
        "Both",
        "According",
        "Meanwhile",
    ]
)
"""Capitalised words that are no part of a person's name (bodies, offices, days, months)."""
_DOMAINS = frozenset(
    [
        # the domains offices are named by ("Minister for Narcotics Control Shazia Marri")
        "Control",
        "Narcotics",
        "Interior",
        "Economic",
        "Coordination",
        "Development",
        "Planning",
        "Trade",
        "Commerce",
        "Industries",
        "Production",
        "Information",
        "Energy",
        "Petroleum",
        "Finance",
        "Health",
        "Education",
        "Science",
        "Technology",
        "Water",
        "Power",
        "Railways",
        "Maritime",
        "Human",
        "Rights",
        "Law",
        "Justice",
        "Parliamentary",
        "Division",
        "Wing",
        "Directorate",
        "Bureau",
        "Investigation",
        "Intelligence",
        "Public",
        "Relations",
        "Military",
        "Naval",
        "Operations",
        "Disarmament",
        "Arms",
        "Europe",
        "Asia",
        "Americas",
        "Threats",
        "Challenges",
        "New",
    ]
)
"""The domains an office is named by: a title's words ("Petroleum Secretary"), no name's."""


def _is_name_word(word: str) -> bool:
    if word in TITLE_WORDS or word in _RANKS or word in _NOT_NAMES or word in _DOMAINS:
        return False
    if re.fullmatch(r"(?:[A-Z]\.){1,3}", word):
        return True  # initials: "S.A."
    if not re.fullmatch(r"[A-Z][a-z][\w'’-]*", word):
        return False  # acronyms ("JWG"), lower-case words
    return not countries_named(word, capitals=True)


def _runs(sentence: str) -> list[list[re.Match[str]]]:
    """Runs of capitalised words, linked by "of", "the", "for", "and", "on", "to"."""
    runs: list[list[re.Match[str]]] = []
    current: list[re.Match[str]] = []
    for token in _TOKEN.finditer(sentence):
        word = token.group()
        if word[:1].isupper() or word.startswith("(retd") or (word in _LINKS and current):
            current.append(token)
        else:
            if current:
                runs.append(current)
            current = []
    if current:
        runs.append(current)
    return runs


def _title_country(title: str, sentence: str, start: int) -> str | None:
    """The country a title names for its holder ("Russian Deputy Foreign Minister", "Deputy
    Secretary ... of the Russia Federation", "Pakistan's Ambassador"): one country, once
    "to Russia" / "in Moscow" (the posting) is taken off."""
    before = sentence[max(0, start - 30) : start]
    possessive = re.search(r"([A-Z][a-z]+)(?:'s|’s)\s+$", before)
    text = re.sub(r"\b(?:to|in)\s+(?:the\s+)?[A-Z][\w-]*(?:\s+[A-Z][\w-]*)*", "", title)
    named = set(countries_named(text))
    if possessive:
        named |= countries_named(possessive.group(1))
    return next(iter(named)) if len(named) == 1 else None


_LOWER_TITLE = re.compile(
    r"\b(?:ministers?|secretary|secretaries|ambassadors?|advis[eo]rs?|chiefs?|envoys?|president"
    r"|premier|officials?|generals?|commanders?|heads?|directors?|counterparts?)\b[^.;]{0,60}$"
)
"""A title in lower case shortly before a name ("foreign ministers of Pakistan and Russia
Khawaja Asif and ...")."""


def _split(run: list[re.Match[str]]) -> list[list[re.Match[str]]]:
    """A run cut at each "and": "Khawaja Asif and Sergey Lavrov" is two names."""
    out: list[list[re.Match[str]]] = [[]]
    for token in run:
        if token.group() == "and":
            out.append([])
        else:
            out[-1].append(token)
    return [sub for sub in out if sub]


def named_in(sentence: str, ds: Dataset) -> list[Named]:
    """Every person a sentence names by a full name (two to four name words, or initials and
    a surname) with a title printed before the name or after it ("Ivan Petrov, Deputy
    Minister of ..."), and the country that title names; matched to a person of the tree
    through the coverage name matcher. A title or a surname alone names no one, and a
    capitalised phrase with no title near it is a name only when it is a person of the tree."""
    out: list[Named] = []
    runs = _runs(sentence)
    for index, run in enumerate(runs):
        for sub in _split(run):
            words = [t.group() for t in sub]
            span = _name_span(words)
            if span is None:
                continue
            stop, last = span
            name_tokens = sub[stop:last]
            tail = sentence[sub[last].start() : sub[-1].end()] if last < len(sub) else ""
            name_end = name_tokens[-1].end()
            if name_tokens[-1].group().endswith(("'s", "’s")):
                name_end -= 2  # "Khawaja Asif's visit"
            name = sentence[name_tokens[0].start() : name_end]
            begin = 0
            while begin < stop and not _titled(words[begin]):
                begin += 1
            title_start = sub[begin].start() if begin < stop else name_tokens[0].start()
            title_text = sentence[title_start : name_tokens[0].start()].strip(" ,")
            title, rank = _office_and_rank(title_text)
            quote_end = sub[-1].end() if tail else name_end
            after = _title_after(sentence, quote_end, runs[index + 1 : index + 2])
            titles = [t for t in (title, after) if t is not None]
            if after is not None:
                quote_end = sentence.find(after, quote_end) + len(after)
            person_id = match_person(ds, name)
            lower = _LOWER_TITLE.search(sentence[max(0, title_start - 60) : title_start])
            if not titles and rank is None and person_id is None and lower is None:
                continue
            country = (
                _title_country(f"{title_text} {tail} {after or ''}", sentence, title_start)
                if titles or rank
                else None  # "... of Pakistan and Russia Khawaja Asif": no title, no country
            )
            facing = _COUNTERPART.search(sentence, 0, title_start)
            if country is None and facing is not None:
                country = next(iter(countries_named(facing[1])), None)
                title_start = facing.start()
            quote = sentence[title_start:quote_end].strip()
            first = titles[0] if titles else None
            more = tuple(titles[1:])
            out.append(Named(person_id, name, first, country, quote, rank, more, lead=False))
    return out


_COUNTERPART = re.compile(r"\b([A-Z][a-z]+)\s+counterparts?,?\s*$")
"""A name right after "his Russian counterpart": the country that word names."""


def _name_span(words: list[str]) -> tuple[int, int] | None:
    """Where the name stands in a run of capitalised words: the last stretch of two to four
    name words that ends the run or is followed by "of" ("Anatoly Serov of the Russian
    Federation"), and follows no link word ("Department of New Challenges" names no one)."""
    found: tuple[int, int] | None = None
    at = 0
    while at < len(words):
        if not _is_name_word(words[at]):
            at += 1
            continue
        end = at
        while end < len(words) and _is_name_word(words[end]):
            end += 1
        fits = 2 <= end - at <= 4 and (at == 0 or words[at - 1] not in _LINKS)
        if fits and (end == len(words) or words[end] == "of"):
            found = (at, end)
        at = end
    return found


def _titled(word: str) -> bool:
    """A word a printed title may open with: a title word, a rank, an office's domain
    ("Petroleum Secretary"), a country's adjective."""
    return word in TITLE_WORDS or word in _RANKS or word in _DOMAINS or bool(countries_named(word))


def _office_and_rank(text: str) -> tuple[str | None, str | None]:
    """A printed title split into the office and a trailing military rank ("Lt Gen
    (retd)"), the country in front taken off ("Russian Deputy Foreign Minister" → "Deputy
    Foreign Minister"; "of the Russian Federation" stays); "Mr" and "Dr" are neither."""
    words = [w for w in text.split() if w not in _HONORIFICS]
    while words and (words[0].endswith(("'s", "’s")) or countries_named(words[0])):
        words.pop(0)  # "Pakistan's", "Russian": the country, not the title
    rank: list[str] = []
    while words and words[-1] in _RANKS:
        rank.insert(0, words.pop())
    while words and words[-1] in _LINKS - {")"}:
        words.pop()
    office = " ".join(words) or None
    if office is not None and not any(w.strip(",") in _HEADS for w in words):
        office = None  # "Pakistan Foreign Office" is no one's title
    return office, " ".join(rank) or None


def _title_after(sentence: str, end: int, following: list[list[re.Match[str]]]) -> str | None:
    """A title printed after the name, as the next run of capitalised words after a comma:
    ", Deputy Foreign Minister of the Russian Federation"."""
    if not following or not re.fullmatch(r"\s*,\s*", sentence[end : following[0][0].start()]):
        return None
    run = following[0]
    while run and run[-1].group() in _LINKS - {")"}:
        run = run[:-1]
    if not run or run[0].group() not in TITLE_WORDS:
        return None
    return sentence[run[0].start() : run[-1].end()]


_OTHER = {"PK": "RU", "RU": "PK"}
_VISIT_WORDS = re.compile(
    r"\b(?:counterparts?|team|delegation|side|called\s+on|met|visit\w*|held\s+talks)\b"
)


def counterpart(
    sentence: str, participants: list[dict[str, Any]]
) -> tuple[dict[str, Any], str, str] | None:
    """The one participant a sentence names without a side, facing a visitor of the one
    country the words up to the meeting name ("[the Russian] Mikhail Popov called on Foreign
    Secretary Tehmina Janjua", "... held talks with his Russian counterpart"): that
    participant, the other country (the ``visitor-counterpart`` rule) and the quote. None
    when those words name no country or two, the others named in them are not all of that
    country, or more than one participant there has no side."""
    here = [p for p in participants if any(e["quote"] in sentence for e in p["evidence"])]
    unsided = [p for p in here if p.get("side") is None]
    if len(unsided) != 1:
        return None
    spans = [(sentence.find(e["quote"]), len(e["quote"])) for e in unsided[0]["evidence"]]
    begin = min(at for at, _ in spans)
    start = max(at + size for at, size in spans)
    windows = [
        sentence[: max(match.end(), start)]
        for match in reversed(list(_VISIT_WORDS.finditer(sentence)))
    ]
    # "Foreign Minister Khawaja Asif and his Russian counterpart": from the person on
    windows += [w[begin:] for w in windows if len(w) > begin >= 0]
    for quote in windows:
        named = countries_named(quote)
        if len(named) != 1:
            continue
        (visitor,) = named
        if visitor not in _OTHER or any(p.get("side") not in (None, visitor) for p in here):
            return None
        return unsided[0], _OTHER[visitor], quote
    return None
