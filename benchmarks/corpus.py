"""A synthetic pakru corpus: valid records of every kind, shaped like the real ones.

Used by ``benchmarks/generate.py`` (to write N records for the benchmark) and
by the property tests (``tests/properties``), which draw the random choices
from Hypothesis. Everything is derived from one ``random.Random``, so a seed
gives the same corpus on every machine.

The corpus is built in *clusters*, one per dialogue series, the way the real
reports describe one series over several years:

- bodies: the series (``dialogue-series``) and one ministry per side;
- people: two per side (a delegation lead and a deputy), each with a title at
  their ministry attested on the date of a meeting they attended;
- meetings: 3-8 held meetings of the series, one a year, then one planned
  meeting announced at the last held one; 0-2 meetings outside the series;
- sources: one report per held meeting, whose text contains every quote
  cited from it; its publication date anchors the meeting's date derivation
  ("on Friday", "today", "on 14 March 2018", "in March 2018");
- now and then an agreement signed at a meeting, an exercise (an event
  dated by an interval with no derivation), and a conflict between two
  reports.

The invariants the validator's rules check hold by construction; where a rule
could fire by accident the design avoids it on purpose (each comment says
which rule):

- ``duplicates.likely``: series meetings are held in ``SERIES_CITIES``,
  meetings outside a series in ``OTHER_CITIES``; people belong to one
  cluster, and a cluster's meetings are a year apart;
- ``people.post-clash``: every (title, body) pair belongs to one person;
- ``people.name-form``: every name form is unique, case-insensitively;
- ``series.ordinal-order`` / ``series.gap`` / ``series.next-ordinal``: the
  ordinals are 1..K in date order, the planned meeting is K+1 and announced
  at K;
- ``dates.planned-past`` / ``dates.planned-before-announcement``: a planned
  meeting's date is unknown (no upper bound), as when a report says only
  "would be held in Moscow".
"""

import calendar
import datetime as dt
import random
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

FOLDERS = {
    "source": "sources",
    "person": "people",
    "body": "bodies",
    "meeting": "meetings",
    "agreement": "agreements",
    "event": "events",
    "conflict": "conflicts",
}
SIDES = {"PK": "Pakistan", "RU": "Russia"}
ADJECTIVE = {"PK": "Pakistani", "RU": "Russian"}
SERIES_CITIES = {"Islamabad": "PK", "Moscow": "RU"}
OTHER_CITIES = {"Karachi": "PK", "Lahore": "PK", "Sochi": "RU", "Kazan": "RU"}
VENUES = (
    "Ministry of Foreign Affairs",
    "Foreign Office",
    "Ministry of Defence",
    "Government House",
)
SERIES_NAMES = (
    "Joint Working Group on Counter-Terrorism",
    "Consultative Group on Strategic Stability",
    "Joint Military Consultative Committee",
    "Intergovernmental Commission",
    "Bilateral Consultations on Afghanistan",
    "Strategic Dialogue",
    "Working Group on Narcotics Control",
    "Consultations on Regional Security",
)
MINISTRIES = ("Foreign Affairs", "Defence", "Interior", "Energy", "Narcotics Control")
ROLES = {
    "PK": ("Special Secretary", "Additional Secretary", "Director General", "Secretary"),
    "RU": ("Deputy Foreign Minister", "Director", "Special Envoy", "Deputy Minister"),
}
FIRST = (
    "Tasnim", "Sergey", "Khawaja", "Zamir", "Nasser", "Tehmina", "Igor", "Aizaz", "Maria",
    "Oleg", "Sartaj", "Dmitry", "Hina", "Alexei", "Riaz", "Anna", "Imran", "Pavel", "Fauzia",
    "Mikhail", "Jalil", "Elena", "Shamshad", "Andrei", "Asad", "Natalia", "Tariq", "Vladimir",
    "Sohail", "Olga",
)  # fmt: skip
MIDDLE = (
    "Ahmed", "Petrovich", "Muhammad", "Ali", "Ivanovich", "Khan", "Sergeyevich", "Hussain",
    "Nikolaevich", "Iqbal", "Andreyevich", "Raza", "Viktorovich", "Akhtar", "Olegovich", "Anwar",
    "Borisovich", "Saeed", "Yurievich", "Zafar",
)  # fmt: skip
LAST = (
    "Aslam", "Ryabkov", "Asif", "Akram", "Janjua", "Kabulov", "Chaudhry", "Zakharova",
    "Lavrentiev", "Aziz", "Morgulov", "Khar", "Ulyanov", "Hussain", "Titov", "Khan", "Popov",
    "Abbasi", "Volkov", "Qureshi", "Sokolov", "Malik", "Orlov", "Jilani", "Lebedev", "Butt",
    "Kozlov", "Mahmood", "Novikov", "Tarar",
)  # fmt: skip
TOPICS = (
    "regional and global developments",
    "arms control, disarmament and non-proliferation",
    "the situation in Afghanistan",
    "counter-terrorism cooperation",
    "the threat of the Islamic State group",
    "drug trafficking",
    "military-technical cooperation",
    "energy cooperation",
)
AUTHORS = ("Zahid Chaudhary", "Staff Reporter", "Mariana Baabar", "Our Correspondent")
PUBLISHERS = ("Daily Times", "The Nation", "Pakistan Today", "The News")
ORDINALS = (
    "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth",
    "tenth", "eleventh", "twelfth",
)  # fmt: skip
MONTHS = tuple(calendar.month_name)[1:]

# The first cluster cycles through every date rule, so that even a small corpus
# has a meeting dated by each (the mutation catalogue needs one of each).
DATE_MODES = ("weekday", "stated-day", "publication-day", "stated-month")
DATE_WEIGHTS = (40, 30, 15, 15)


def ordinal_word(n: int) -> str:
    """``7`` → ``seventh``; ``13`` → ``13th`` (the reports spell small ordinals out)."""
    if n <= len(ORDINALS):
        return ORDINALS[n - 1]
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def _last_day(year: int, month: int) -> dt.date:
    return dt.date(year, month, calendar.monthrange(year, month)[1])


def ev(source: str, quote: str, *supports: str) -> dict[str, Any]:
    """An evidence item."""
    return {"source": source, "quote": quote, "supports": list(supports)}


@dataclass
class Report:
    """A source being written: its sentences grow as records cite it."""

    id: str
    file: str
    published: dt.date
    author: str
    title: str | None
    publisher: str | None
    city: str
    sentences: list[str] = field(default_factory=list)

    def say(self, sentence: str) -> None:
        self.sentences.append(sentence)

    def text(self) -> str:
        head = [f" date {self.published.isoformat()} {self.author}", ""]
        if self.title:
            head = [self.title, "", *head]
        if self.publisher:
            head.append(f"Published by {self.publisher}")
            head.append("")
        return "\n".join([*head, self.city, "", *self.sentences, ""])

    def record(self) -> dict[str, Any]:
        evidence = [ev(self.id, f"date {self.published.isoformat()}", "published")]
        evidence.append(ev(self.id, self.author, "author"))
        if self.title:
            evidence.append(ev(self.id, self.title, "title"))
        if self.publisher:
            evidence.append(ev(self.id, f"Published by {self.publisher}", "publisher"))
        return {
            "type": "source",
            "id": self.id,
            "file": self.file,
            "title": self.title,
            "publisher": self.publisher,
            "author": self.author,
            "published": self.published.isoformat(),
            "evidence": evidence,
        }


@dataclass
class Corpus:
    """Records as plain data (ready for YAML) and the texts of their sources."""

    records: list[dict[str, Any]]
    texts: dict[str, str]

    def by_id(self, record_id: str) -> dict[str, Any]:
        return next(r for r in self.records if r["id"] == record_id)

    def of(self, kind: str) -> list[dict[str, Any]]:
        return [r for r in self.records if r["type"] == kind]


def path_of(record: dict[str, Any]) -> str:
    """Where a record lives, relative to the records folder."""
    return f"{FOLDERS[record['type']]}/{record['id']}.yaml"


class _Dumper(getattr(yaml, "CSafeDumper", yaml.SafeDumper)):  # type: ignore[misc]
    """libyaml's emitter; shared sub-objects are written out again, never as aliases."""

    def ignore_aliases(self, data: Any) -> bool:
        return True


def dump(record: dict[str, Any]) -> str:
    """A record as YAML text."""
    return yaml.dump(record, Dumper=_Dumper, sort_keys=False, allow_unicode=True, width=100)


def write(corpus: Corpus, out: Path) -> None:
    """Write the corpus as a records tree under ``out``."""
    for folder in {*FOLDERS.values(), "sources/text"}:
        (out / folder).mkdir(parents=True, exist_ok=True)
    for record in corpus.records:
        (out / path_of(record)).write_text(dump(record), encoding="utf-8")
    for name, text in corpus.texts.items():
        (out / "sources" / "text" / name).write_text(text, encoding="utf-8")


class _Builder:
    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.records: list[dict[str, Any]] = []
        self.reports: list[Report] = []
        self.names: set[str] = set()
        self.name_index = 0
        self.hexes: set[int] = set()
        self.cluster = 0

    # -- small helpers -------------------------------------------------------

    def _hex(self, bits: int) -> int:
        while True:
            value = self.rng.getrandbits(bits)
            if value not in self.hexes:
                self.hexes.add(value)
                return value

    def report(self, published: dt.date, city: str) -> Report:
        key = self._hex(32)
        rng = self.rng
        r = Report(
            id=f"src-{key:08x}",
            file=f"{len(self.reports):06d}_{key:08x}{rng.getrandbits(32):08x}.txt",
            published=published,
            author=rng.choice(AUTHORS),
            title=None,
            publisher=rng.choice(PUBLISHERS) if rng.random() < 0.5 else None,
            city=city.upper(),
        )
        self.reports.append(r)
        return r

    def person_name(self) -> str:
        # A mixed-radix walk over first × middle × last names: every name
        # unique (people.name-form), in an order that looks random.
        while True:
            i = self.name_index
            self.name_index += 1
            name = (
                f"{FIRST[(i * 7) % len(FIRST)]} {MIDDLE[(i // len(FIRST)) % len(MIDDLE)]} "
                f"{LAST[(i * 13 + i // (len(FIRST) * len(MIDDLE))) % len(LAST)]}"
            )
            if i >= len(FIRST) * len(MIDDLE) * len(LAST):
                name = f"{name} {i // (len(FIRST) * len(MIDDLE) * len(LAST)) + 1}"
            if name.lower() not in self.names:
                self.names.add(name.lower())
                return name

    def alias_for(self, name: str) -> str | None:
        parts = name.split(" ")
        alias = f"{parts[0][0]}.{parts[1][0]}. {' '.join(parts[2:])}"
        if alias.lower() in self.names:
            return None
        self.names.add(alias.lower())
        return alias

    # -- dates ---------------------------------------------------------------

    def dated(self, mode: str, day: dt.date, city: str) -> tuple[dt.date, str, dict[str, Any]]:
        """Publication date, the date phrase, and the DateInterval (minus its derivation)."""
        rng = self.rng
        if mode == "weekday":
            weekday = calendar.day_name[day.weekday()]
            published = day + dt.timedelta(days=rng.randint(1, 6))
            return published, f"in {city} on {weekday}", {"weekday": weekday.lower()}
        if mode == "publication-day":
            return day, f"in {city} today", {}
        if mode == "stated-day":
            published = day + dt.timedelta(days=rng.randint(0, 20))
            phrase = f"in {city} on {day.day} {MONTHS[day.month - 1]} {day.year}"
            return published, phrase, {"value": day.isoformat()}
        # stated-month: published after the month ends
        published = _last_day(day.year, day.month) + dt.timedelta(days=rng.randint(1, 10))
        phrase = f"in {city} in {MONTHS[day.month - 1]} {day.year}"
        return published, phrase, {"value": f"{day.year:04d}-{day.month:02d}"}

    @staticmethod
    def interval(mode: str, day: dt.date, derivation: dict[str, Any]) -> dict[str, Any]:
        if mode == "stated-month":
            first, last = day.replace(day=1), _last_day(day.year, day.month)
            return {
                "earliest": first.isoformat(),
                "latest": last.isoformat(),
                "precision": "month",
                "derivations": [derivation],
            }
        return {
            "earliest": day.isoformat(),
            "latest": day.isoformat(),
            "precision": "day",
            "derivations": [derivation],
        }

    # -- one cluster ---------------------------------------------------------

    def cluster_records(self) -> Iterator[dict[str, Any]]:  # noqa: PLR0912, PLR0915 - one story, in order
        rng = self.rng
        c = self.cluster
        self.cluster += 1
        first = c == 0
        base_year = 1995 + (c % 20)
        series_id = f"series-{c:05d}"
        series_name = f"Pakistan-Russia {SERIES_NAMES[c % len(SERIES_NAMES)]}"
        if c >= len(SERIES_NAMES):
            series_name += f" ({c // len(SERIES_NAMES) + 1})"
        abbr = "".join(w[0] for w in series_name.split() if w[0].isupper()) + f"-{c}"
        ministries = {
            side: (f"ministry-{side.lower()}-{c:05d}", f"Ministry of {rng.choice(MINISTRIES)}")
            for side in SIDES
        }
        held = 4 if first else rng.randint(3, 8)
        others = 1 if first else rng.choice((0, 0, 1, 1, 2))

        # People: a lead and a deputy per side; each (title, ministry) pair is theirs alone.
        people: list[dict[str, Any]] = []
        for side in SIDES:
            for lead in (True, False):
                name = self.person_name()
                roles = ROLES[side]
                role = roles[(0 if lead else 1 + rng.randrange(len(roles) - 1))]
                people.append(
                    {
                        "id": f"person-{self._hex(32):08x}",
                        "name": name,
                        "alias": self.alias_for(name) if rng.random() < 0.3 else None,
                        "side": side,
                        "lead": lead,
                        "role": role,
                        "ministry": ministries[side][0],
                        "title_done": False,
                    }
                )

        meetings: list[dict[str, Any]] = []
        reports: list[Report] = []
        modes = (
            [DATE_MODES[i % len(DATE_MODES)] for i in range(held + others)]
            if first
            else rng.choices(DATE_MODES, DATE_WEIGHTS, k=held + others)
        )
        # Series meetings a year apart, then meetings outside the series in other cities.
        plan = [(i + 1, base_year + i) for i in range(held)]
        plan += [(None, base_year + i) for i in range(others)]
        for number, ((ordinal, year), mode) in enumerate(zip(plan, modes, strict=True)):
            in_series = ordinal is not None
            cities = SERIES_CITIES if in_series else OTHER_CITIES
            city = rng.choice(sorted(cities))
            # February to November: a report (up to 20 days later) and a moved date stay
            # inside the year, before the next meeting of the series.
            day = dt.date(year, rng.randint(2, 11), rng.randint(1, 28))
            published, phrase, extra = self.dated(mode, day, city)
            report = self.report(published, city)
            reports.append(report)
            venue = rng.choice(VENUES)
            if in_series:
                meeting_id = f"{abbr.lower()}-{ordinal:02d}"
                head = f"The {ordinal_word(ordinal)} meeting of the {series_name}"
                head += f" was held at the {venue}"
                kind = "working-group"
            else:
                meeting_id = f"meeting-{c:05d}-{number}"
                head = f"Talks between the two delegations were held at the {venue}"
                kind = rng.choice(("ministerial-talks", "courtesy-call", "security-consultations"))
            if first and number == 0:
                head = head.replace(f"the {series_name}", f"the {series_name} ({abbr})")
            report.say(f"{head} {phrase}.")
            rule = {
                "weekday": "weekday-before-publication",
                "publication-day": "publication-day",
                "stated-day": "stated-day",
                "stated-month": "stated-month",
            }[mode]
            derivation = {"rule": rule, "source": report.id, "quote": phrase, **extra}
            date = self.interval(mode, day, derivation)
            supports = ["status", "location.city", "location.country", "location.venue"]
            if in_series:
                supports += ["series", "ordinal"]
            participants = []
            for person in people:
                if not person["lead"] and rng.random() < 0.5:
                    continue
                title = f"{person['role']} {person['name']}"
                if person["lead"]:
                    quote = f"{person['name']} led the {SIDES[person['side']]} side"
                    report.say(f"{title} led the {SIDES[person['side']]} side.")
                    role = f"led the {SIDES[person['side']]} side"
                else:
                    quote = f"{person['name']} was also present"
                    report.say(f"{title} was also present.")
                    role = None
                participants.append(
                    {
                        "ref": person["id"],
                        "role": role,
                        "side": person["side"],
                        "lead": person["lead"],
                        "evidence": [ev(report.id, quote)],
                    }
                )
                if not person["title_done"]:
                    person["title_done"] = True
                    person["title"] = {
                        "title": person["role"],
                        "body": person["ministry"],
                        "attested": date,
                        "evidence": [ev(report.id, title)],
                    }
                    person["source"] = report.id
                    person["quote"] = quote
                    if person["alias"]:
                        report.say(f"{person['alias']} said the talks were useful.")
                        person["alias_quote"] = f"{person['alias']} said"
            topics = []
            for topic in rng.sample(TOPICS, rng.randint(1, 3)):
                report.say(f"Both sides held an in-depth exchange on {topic}.")
                topics.append({"text": topic, "evidence": [ev(report.id, f"exchange on {topic}")]})
            meetings.append(
                {
                    "type": "meeting",
                    "id": meeting_id,
                    "title": f"{ordinal_word(ordinal).capitalize()} {abbr} meeting"
                    if in_series
                    else f"Pakistan-Russia talks in {city}",
                    "kind": kind,
                    "status": "held",
                    "date": date,
                    "location": {"city": city, "country": cities[city], "venue": venue},
                    "series": series_id if in_series else None,
                    "ordinal": ordinal,
                    "participants": participants,
                    "topics": topics,
                    "evidence": [ev(report.id, f"{head} in {city}", *supports)],
                }
            )

        # The last held meeting of the series announces the next one.
        last = meetings[held - 1]
        last_report = reports[held - 1]
        city = "Moscow" if last["location"]["city"] == "Islamabad" else "Islamabad"
        announce = (
            f"the {ordinal_word(held + 1)} meeting of the {series_name} would be held in {city}"
        )
        last_report.say(f"It was agreed that {announce}.")
        meetings.append(
            {
                "type": "meeting",
                "id": f"{abbr.lower()}-{held + 1:02d}",
                "title": f"{ordinal_word(held + 1).capitalize()} {abbr} meeting",
                "kind": "working-group",
                "status": "planned",
                "date": {"earliest": None, "latest": None, "precision": "unknown"},
                "location": {"city": city, "country": None, "venue": None},
                "series": series_id,
                "ordinal": held + 1,
                "announced_at": last["id"],
                "evidence": [
                    ev(
                        last_report.id,
                        announce,
                        "status",
                        "date",
                        "location.city",
                        "series",
                        "ordinal",
                        "announced_at",
                    )
                ],
            }
        )

        extra: list[dict[str, Any]] = []
        # An agreement signed at one held meeting (dated by that meeting's derivation).
        if first or rng.random() < 0.45:
            at = rng.randrange(held)
            m, r = meetings[at], reports[at]
            subject = rng.choice(TOPICS)
            r.say(f"Both sides signed an agreement on {subject}.")
            agreement_id = f"agreement-{c:05d}-{at}"
            m["agreements"] = [agreement_id]
            extra.append(
                {
                    "type": "agreement",
                    "id": agreement_id,
                    "title": f"Agreement on {subject}",
                    "kind": "agreement",
                    "status": "signed",
                    "date": m["date"],
                    "parties": ["PK", "RU"],
                    "meeting": m["id"],
                    "subject": subject,
                    "evidence": [
                        ev(
                            r.id,
                            f"Both sides signed an agreement on {subject}",
                            "status",
                            "parties",
                            "meeting",
                            "subject",
                        )
                    ],
                }
            )
        # An exercise the year before a report, dated by a stated range (no derivation).
        if first or rng.random() < 0.45:
            at = rng.randrange(1, held)
            r = reports[at]
            year = r.published.year - 1
            start = rng.randint(1, 9)
            end = start + rng.randint(1, 3)
            phrase = f"between {MONTHS[start - 1]} and {MONTHS[end - 1]} {year}"
            name = rng.choice(("Friendship", "Druzhba", "Arabian Monsoon", "Peace"))
            r.say(f"The joint exercise {name} was held near Cherat {phrase}.")
            extra.append(
                {
                    "type": "event",
                    "id": f"event-{c:05d}-{at}",
                    "title": f"Joint exercise {name} {year}",
                    "kind": "exercise",
                    "status": "held",
                    "date": {
                        "earliest": dt.date(year, start, 1).isoformat(),
                        "latest": _last_day(year, end).isoformat(),
                        "precision": "range",
                    },
                    "location": {"city": "Cherat", "country": None, "venue": None},
                    "countries": ["PK", "RU"],
                    "evidence": [
                        ev(
                            r.id,
                            f"The joint exercise {name} was held near Cherat {phrase}",
                            "status",
                            "date",
                            "location.city",
                            "countries",
                        )
                    ],
                }
            )
        # Two reports that disagree on the level of two meetings' delegations.
        if first or rng.random() < 0.3:
            a, b = meetings[0], meetings[1]
            ra, rb = reports[0], reports[1]
            ra.say("The delegations were led at the level of deputy ministers.")
            rb.say("The delegations were led at the level of directors.")
            extra.append(
                {
                    "type": "conflict",
                    "id": f"conflict-{c:05d}",
                    "kind": "disagreement",
                    "subject": "The level at which the delegations were led",
                    "sides": [
                        {
                            "record": a["id"],
                            "field": "participants",
                            "claim": "Deputy ministers led the delegations.",
                            "evidence": [ev(ra.id, "at the level of deputy ministers")],
                        },
                        {
                            "record": b["id"],
                            "field": "participants",
                            "claim": "Directors led the delegations.",
                            "evidence": [ev(rb.id, "at the level of directors")],
                        },
                    ],
                    "evidence": [
                        ev(ra.id, "The delegations were led at the level", "subject", "kind")
                    ],
                }
            )

        # Bodies: the series and the two ministries, cited from the first report.
        r0 = reports[0]
        yield {
            "type": "body",
            "id": series_id,
            "kind": "dialogue-series",
            "name": series_name,
            "aliases": [abbr] if first else [],
            "country": None,
            "members": ["PK", "RU"],
            "evidence": [
                ev(r0.id, f"the {series_name}", "name", "members"),
                *([ev(r0.id, f"({abbr})", "aliases")] if first else []),
            ],
        }
        for side, (body_id, body_name) in ministries.items():
            r0.say(f"According to {SIDES[side]}'s {body_name}, the talks were constructive.")
            yield {
                "type": "body",
                "id": body_id,
                "kind": "ministry",
                "name": body_name,
                "country": side,
                "evidence": [ev(r0.id, f"{SIDES[side]}'s {body_name}", "name", "country")],
            }
        for person in people:
            if not person["title_done"]:
                continue  # never attended: not named in any report, so no record
            evidence = [ev(person["source"], person["quote"], "name", "country")]
            if person.get("alias_quote"):
                evidence.append(ev(person["source"], person["alias_quote"], "aliases"))
            yield {
                "type": "person",
                "id": person["id"],
                "name": person["name"],
                "aliases": [person["alias"]] if person.get("alias_quote") else [],
                "country": person["side"],
                "titles": [person["title"]],
                "evidence": evidence,
            }
        yield from meetings
        yield from extra
        for report in reports:
            yield report.record()


def build(n: int, rng: random.Random) -> Corpus:
    """About ``n`` records (exactly ``n`` when ``n`` ≥ 40), in clusters, valid by construction."""
    builder = _Builder(rng)
    records: list[dict[str, Any]] = []
    while True:
        cluster = list(builder.cluster_records())
        if records and len(records) + len(cluster) > n:
            break
        records.extend(cluster)
    # Pad with reports that no record cites yet (a corpus keeps some unread sources).
    while len(records) < n:
        when = dt.date(2000, 1, 1) + dt.timedelta(days=rng.randrange(9000))
        report = builder.report(when, rng.choice(sorted(SERIES_CITIES)))
        report.say("The two countries reviewed their bilateral relations.")
        records.append(report.record())
    ids = {rec["id"] for rec in records}
    texts = {r.file: r.text() for r in builder.reports if r.id in ids}
    for record in records:
        if record["type"] == "meeting" and "agreements" not in record:
            record["agreements"] = []
    return Corpus([_ordered(r) for r in records], texts)


def _ordered(record: dict[str, Any]) -> dict[str, Any]:
    """The record in the order the real files use: type and id first, evidence last."""
    head = {k: record[k] for k in ("type", "id")}
    body = {k: v for k, v in record.items() if k not in ("type", "id", "evidence")}
    return {**head, **body, "evidence": record["evidence"]}
