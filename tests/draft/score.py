"""How precise ``pakru draft`` is: field-level precision and recall against a careful coder.

``python -m tests.draft.score`` drafts every report of two corpora and prints
the figures; ``--write`` stores them (``tests/draft/figures.json``) and
regenerates the docs page from them (``docs/draft.md``); ``--check`` exits 1
when the figures differ from the stored ones. The test
``tests/draft/test_score_figures.py`` fails when a figure falls below the
stored one.

The two corpora:

- **shipped**: the five reports of ``records/sources/``. Each text is drafted
  alone into an empty records tree (nothing to match: every series, person and
  body is new to the draft) and compared with the curated records that cite
  that report anywhere (``Dataset.citing``), with their values as curated.
- **unseen**: the texts of ``tests/corpus/reports/`` (written for testing,
  never used to build the drafter), each drafted alone into an empty tree and
  compared with the records its ``.expected.yaml`` gives. An unnamed person there
  (``name: null``: "a senior Foreign Office official") is the coder's note that the
  text names nobody: a person record needs a name, so it is not one, and a draft
  person made of that phrase counts against precision.

The draft is read through its agreed JSON form (``pakru draft TEXT --format
json``: ``{"source", "records", "edits"}``, each record in the shape of the
JSON export's ``records.json``). Its acts are what the act coder gives for
the drafted records (``Dataset.acts_table()`` of the draft's records), as for
the curated ones.

How records are aligned, one report at a time. A draft record and a coder's
record of the same kind *may* pair under the rule of the kind below; each
record pairs at most once; pairs are taken greedily, strongest reason first,
then the larger quote overlap, then the order of the records. Two quotes
*overlap* as in the inter-coder agreement (``tests.acts.agreement.overlap``):
located in the report (case, spacing and quotation marks ignored), they share
at least half of the shorter; unlocatable, half of the shorter one's words.

- **meetings**: the same series and the same ordinal; else date intervals
  that intersect and the same city; else a quote of one overlaps a quote of
  the other.
- **people**: the same name (a name or alias of one equals one of the other),
  else the same surname with the same first initial (``S.A. Ryabkov`` and
  ``Sergey Ryabkov``; ``Tehmina Janjua`` never pairs ``Nasser Khan Janjua``).
  Never by title.
- **agreements**: a quote of one overlaps a quote of the other.
- **acts**: the same actors (the first three letters of the CAMEO actor
  codes, in the same direction unless either act is two-sided) and
  overlapping quotes (the sentence); the same full code first, then the same
  root. A two-sided act (the ``acts`` table's two directed rows sharing a
  ``group_id``, ``reciprocal``) counts once, as a coder writes it once.

Which fields are scored, and when two values are the same:

- **meetings**: ``series`` (a name or alias of the draft's series, or its id,
  equals one of the coder's: the series' names in ``records/bodies/`` and
  every name the corpus gives that series), ``ordinal``, ``status``,
  ``date`` (the interval: earliest and latest, both equal), ``city``
  (case-folded), ``country``.
- **people**: ``country``; ``title`` (one of the draft's titles equals one of
  the coder's, case-folded, punctuation ignored).
- **agreements**: ``status``; ``parties`` (the same set); ``date`` (the
  interval); ``meeting`` (the draft's meeting is the one aligned with the
  coder's).
- **acts**: ``root`` (the CAMEO root, the first two digits) and ``code``
  (the full CAMEO code).

A value is a *draft value* when the draft gives it (not null) and a *coder
value* when the coder gives it. A draft value is right when its record is
aligned with a coder's record whose value is the same. Precision is the share
of draft values that are right; recall the share of coder values that the
draft gives right. A record the draft proposes that no coder wrote counts all
its values as wrong; a coder's record the draft misses counts all its values
as missed. An act has its two values whenever it exists, so acts ``root``
recall is "the acts found, with the right CAMEO root".
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
import tempfile
import unicodedata
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from pydantic import ValidationError

import pakru
from tests.acts import agreement

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[1]
RECORDS = REPO / "records"
CORPUS = REPO / "tests" / "corpus" / "reports"
FIGURES = HERE / "figures.json"
PAGE = REPO / "docs" / "draft.md"
COMMAND = "python -m tests.draft.score"

KINDS = ("meetings", "people", "agreements", "acts")
FIELDS: dict[str, tuple[str, ...]] = {
    "meetings": ("series", "ordinal", "status", "date", "city", "country"),
    "people": ("country", "title"),
    "agreements": ("status", "parties", "date", "meeting"),
    "acts": ("root", "code"),
}
"""The fields scored, per kind (the module docstring says when two values are the same)."""

CORPORA = ("shipped", "unseen")

TARGETS: tuple[tuple[str, str, str, float], ...] = (
    ("shipped", "meetings", "precision", 0.95),
    ("shipped", "meetings", "recall", 0.9),
    ("unseen", "meetings", "precision", 0.95),
    ("unseen", "meetings", "recall", 0.9),
    ("shipped", "acts.root", "recall", 0.8),
    ("unseen", "acts.root", "recall", 0.8),
)
"""Issue 27's targets: (corpus, figure, measure, least value). ``meetings`` is the pooled
figure of its six fields; ``acts.root`` the acts found with the right CAMEO root."""

FORMAT = 1
"""The layout of ``figures.json``; a test refuses any other."""


class DraftError(RuntimeError):
    """The drafter failed on a report, or printed something that is not a draft."""


# -- one record, as compared ------------------------------------------------------------------


@dataclass(frozen=True)
class Item:
    """One record of one kind, reduced to what is aligned and scored."""

    ident: str
    values: Mapping[str, object]
    """Scored field → value; None (or absent) when the record gives none."""
    quotes: tuple[str, ...] = ()
    names: frozenset[str] = frozenset()
    """People: normalised names and aliases (alignment)."""
    mutual: bool = False
    """Acts: both actors did it together (the direction does not count)."""


@dataclass
class Count:
    """Draft values, coder values, and right values of one field (or pooled)."""

    draft: int = 0
    coder: int = 0
    right: int = 0

    def add(self, other: Count) -> None:
        self.draft += other.draft
        self.coder += other.coder
        self.right += other.right

    @property
    def precision(self) -> float | None:
        return self.right / self.draft if self.draft else None

    @property
    def recall(self) -> float | None:
        return self.right / self.coder if self.coder else None


@dataclass
class KindScore:
    """The figures of one kind over some reports."""

    coder_records: int = 0
    draft_records: int = 0
    aligned: int = 0
    fields: dict[str, Count] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)
    """Each wrong or missed value and unpaired record, in words (one report's)."""

    def pooled(self) -> Count:
        total = Count()
        for c in self.fields.values():
            total.add(c)
        return total

    def add(self, other: KindScore) -> None:
        self.coder_records += other.coder_records
        self.draft_records += other.draft_records
        self.aligned += other.aligned
        for name, c in other.fields.items():
            self.fields.setdefault(name, Count()).add(c)


# -- normalising --------------------------------------------------------------------------------

_NON_WORD = re.compile(r"[^\w]+")


def norm(text: object) -> str:
    """A name, title or place as compared: NFKC, case-folded, punctuation as spaces."""
    folded = unicodedata.normalize("NFKC", str(text)).casefold()
    return " ".join(w for w in _NON_WORD.sub(" ", folded).split() if w != "the")


def interval(value: object) -> tuple[str | None, str | None] | None:
    """A date object (``earliest``, ``latest``) as a pair of ISO strings; None when unknown."""
    if not isinstance(value, Mapping):
        return None
    earliest, latest = value.get("earliest"), value.get("latest")
    if earliest is None and latest is None:
        return None
    return (
        None if earliest is None else str(earliest),
        None if latest is None else str(latest),
    )


def _intersect(a: object, b: object) -> bool:
    if not (isinstance(a, tuple) and isinstance(b, tuple)):
        return False
    low = max((x for x in (a[0], b[0]) if x is not None), default=None)
    high = min((x for x in (a[1], b[1]) if x is not None), default=None)
    return low is None or high is None or low <= high


def quotes_in(data: object, source: str | None = None) -> tuple[str, ...]:
    """Every ``quote`` in a record's data (from ``source`` only, when given), in order."""
    found: list[str] = []

    def walk(node: object) -> None:
        if isinstance(node, Mapping):
            quote = node.get("quote")
            if isinstance(quote, str) and (source is None or node.get("source") == source):
                found.append(quote)
            for value in node.values():
                walk(value)
        elif isinstance(node, list | tuple):
            for value in node:
                walk(value)

    walk(data)
    return tuple(dict.fromkeys(found))


def _names(*names: object) -> frozenset[str]:
    return frozenset(n for n in (norm(x) for x in names if x) if n)


# -- alignment ----------------------------------------------------------------------------------


def same(kind: str, name: str, draft: object, coder: object) -> bool:
    """Whether a draft value and a coder value of one field are the same."""
    if draft is None or coder is None:
        return False
    if isinstance(draft, frozenset) and isinstance(coder, frozenset):
        return bool(draft & coder)
    return draft == coder


def _share(a: Item, b: Item, text: str) -> float:
    return max((agreement.overlap(x, y, text) for x in a.quotes for y in b.quotes), default=0.0)


def _surname_initial(name: str) -> tuple[str, str] | None:
    words = name.split()
    return (words[-1], words[0][0]) if len(words) > 1 else None


def _meetings_reason(d: Item, c: Item, share: float) -> int | None:
    dv, cv = d.values, c.values
    if (
        dv.get("ordinal") is not None
        and dv.get("ordinal") == cv.get("ordinal")
        and same("meetings", "series", dv.get("series"), cv.get("series"))
    ):
        return 3
    if (
        dv.get("city") is not None
        and dv.get("city") == cv.get("city")
        and _intersect(dv.get("date"), cv.get("date"))
    ):
        return 2
    return 1 if share >= agreement.MIN_OVERLAP else None


def _people_reason(d: Item, c: Item) -> int | None:
    if d.names & c.names:
        return 3
    keys = {_surname_initial(n) for n in d.names} - {None}
    return 2 if keys & {_surname_initial(n) for n in c.names} else None


def _acts_reason(d: Item, c: Item, share: float) -> int | None:
    da, ca = agreement.actor_key(str(d.values["a1"])), agreement.actor_key(str(c.values["a1"]))
    db, cb = agreement.actor_key(str(d.values["a2"])), agreement.actor_key(str(c.values["a2"]))
    directed = (da, db) == (ca, cb)
    either = {da, db} == {ca, cb}
    if not (directed or ((d.mutual or c.mutual) and either)) or share < agreement.MIN_OVERLAP:
        return None
    return 2 * (d.values["code"] == c.values["code"]) + (d.values["root"] == c.values["root"])


def _reason(kind: str, d: Item, c: Item, text: str) -> tuple[int, float] | None:
    """Why two records may pair, strongest first (higher is stronger); None when they may not."""
    share = _share(d, c, text)
    if kind == "meetings":
        strength = _meetings_reason(d, c, share)
    elif kind == "people":
        strength = _people_reason(d, c)
    elif kind == "acts":
        strength = _acts_reason(d, c, share)
    else:
        strength = 1 if share >= agreement.MIN_OVERLAP else None
    return None if strength is None else (strength, share)


def align(
    kind: str, draft: Sequence[Item], coder: Sequence[Item], text: str
) -> list[tuple[int, int]]:
    """Pairs (draft index, coder index), taken greedily (the rule is in the module docstring)."""
    candidates: list[tuple[tuple[int, float, int, int], int, int]] = []
    for di, d in enumerate(draft):
        for ci, c in enumerate(coder):
            why = _reason(kind, d, c, text)
            if why is not None:
                candidates.append(((why[0], why[1], -ci, -di), di, ci))
    candidates.sort(key=lambda c: c[0], reverse=True)
    taken_d: set[int] = set()
    taken_c: set[int] = set()
    pairs: list[tuple[int, int]] = []
    for _, di, ci in candidates:
        if di in taken_d or ci in taken_c:
            continue
        taken_d.add(di)
        taken_c.add(ci)
        pairs.append((di, ci))
    return sorted(pairs, key=lambda p: p[1])


def score_kind(
    kind: str, draft: Sequence[Item], coder: Sequence[Item], text: str
) -> tuple[KindScore, list[tuple[int, int]]]:
    """The figures of one kind in one report, and its pairs."""
    pairs = align(kind, draft, coder, text)
    result = KindScore(len(coder), len(draft), len(pairs))
    for name in FIELDS[kind]:
        count = Count(
            draft=sum(d.values.get(name) is not None for d in draft),
            coder=sum(c.values.get(name) is not None for c in coder),
        )
        count.right = sum(
            same(kind, name, draft[di].values.get(name), coder[ci].values.get(name))
            for di, ci in pairs
        )
        result.fields[name] = count
    result.notes = _notes(kind, draft, coder, pairs)
    return result, pairs


def _shown(value: object) -> str:
    if isinstance(value, frozenset):
        return " | ".join(sorted(value))
    if isinstance(value, tuple):
        return "/".join("…" if v is None else str(v) for v in value)
    return "-" if value is None else str(value)


def _notes(
    kind: str, draft: Sequence[Item], coder: Sequence[Item], pairs: Sequence[tuple[int, int]]
) -> list[str]:
    """Each value the draft has wrong or misses, and each record left unpaired, in words."""
    notes = []
    for di, ci in pairs:
        d, c = draft[di], coder[ci]
        for name in FIELDS[kind]:
            dv, cv = d.values.get(name), c.values.get(name)
            if (dv is not None or cv is not None) and not same(kind, name, dv, cv):
                notes.append(f"{kind} {d.ident} = {c.ident}: {name} {_shown(dv)} ≠ {_shown(cv)}")
    paired_d, paired_c = {di for di, _ in pairs}, {ci for _, ci in pairs}
    notes += [f"{kind} {c.ident}: missed" for n, c in enumerate(coder) if n not in paired_c]
    notes += [
        f"{kind} {d.ident}: no coder record" for n, d in enumerate(draft) if n not in paired_d
    ]
    return notes


@dataclass(frozen=True)
class Report:
    """What one report gives each side: records per kind, and its text."""

    name: str
    text: str
    items: Mapping[str, Sequence[Item]]


def score_report(draft: Report, coder: Report) -> dict[str, KindScore]:
    """Figures per kind for one report (agreements' meetings compared through the meeting pairs)."""
    scores: dict[str, KindScore] = {}
    meetings, pairs = score_kind(
        "meetings", draft.items["meetings"], coder.items["meetings"], coder.text
    )
    scores["meetings"] = meetings
    meeting_of = {
        draft.items["meetings"][di].ident: coder.items["meetings"][ci].ident for di, ci in pairs
    }
    drafted_agreements = [
        Item(
            a.ident,
            {
                **a.values,
                "meeting": None
                if a.values.get("meeting") is None
                else meeting_of.get(str(a.values["meeting"]), f"draft:{a.values['meeting']}"),
            },
            a.quotes,
        )
        for a in draft.items["agreements"]
    ]
    for kind in ("people", "agreements", "acts"):
        mine = drafted_agreements if kind == "agreements" else draft.items[kind]
        scores[kind], _ = score_kind(kind, mine, coder.items[kind], coder.text)
    return scores


# -- reading a draft ----------------------------------------------------------------------------


def _records_by_type(records: Iterable[Mapping[str, Any]], kind: str) -> list[Mapping[str, Any]]:
    return [r for r in records if r.get("type") == kind]


def _acts(ds: pakru.Dataset, source: str) -> list[Item]:
    """The acts the act coder gives ``ds`` in ``source``; a two-sided act once, marked mutual.

    The ``acts`` table gives a two-sided act as two directed rows sharing a ``group_id``
    (``reciprocal``); a coder writes it once, in one direction: it counts once here.
    """
    group = {str(r["id"]): str(r["group_id"]) for r in ds.acts_table().rows if r.get("reciprocal")}
    items: dict[str, Item] = {}
    for r in agreement.project_acts(ds, [source]).get(source, []):
        key = group.get(r.ident, r.ident)
        if key in items:  # the other direction of a two-sided act
            first = items[key]
            quotes = tuple(dict.fromkeys((*first.quotes, *r.quotes)))
            items[key] = Item(first.ident, first.values, quotes, mutual=True)
            continue
        values = {"a1": r.actor1, "a2": r.actor2, "root": r.root, "code": r.code}
        items[key] = Item(key, values, r.quotes, mutual=key != r.ident)
    return list(items.values())


def _series_names(series: object, bodies: Mapping[str, Mapping[str, Any]]) -> frozenset[str] | None:
    if not series:
        return None
    body = bodies.get(str(series), {})
    return _names(series, body.get("name"), *(body.get("aliases") or ()))


def _meeting_item(
    record: Mapping[str, Any], series: frozenset[str] | None, source: str | None
) -> Item:
    location = record.get("location") or {}
    return Item(
        str(record.get("id")),
        {
            "series": series,
            "ordinal": record.get("ordinal"),
            "status": record.get("status"),
            "date": interval(record.get("date")),
            "city": norm(location["city"]) if location.get("city") else None,
            "country": location.get("country"),
        },
        quotes_in(record, source),
    )


def _person_item(record: Mapping[str, Any], source: str | None) -> Item:
    titles = _names(*(t.get("title") for t in record.get("titles") or () if isinstance(t, Mapping)))
    return Item(
        str(record.get("id")),
        {"country": record.get("country"), "title": titles or None},
        quotes_in(record, source),
        _names(record.get("name"), *(record.get("aliases") or ())),
    )


def _agreement_item(record: Mapping[str, Any], source: str | None) -> Item:
    parties = record.get("parties")
    return Item(
        str(record.get("id")),
        {
            "status": record.get("status"),
            "parties": frozenset(parties) if parties else None,
            "date": interval(record.get("date")),
            "meeting": record.get("meeting"),
        },
        quotes_in(record, source),
    )


def records_report(
    name: str,
    text: str,
    records: Sequence[Mapping[str, Any]],
    *,
    source: str | None,
    acts: list[Item],
    bodies: Mapping[str, Mapping[str, Any]],
) -> Report:
    """A report's records (records.json shape) as compared; quotes from ``source`` only if given."""
    return Report(
        name,
        text,
        {
            "meetings": [
                _meeting_item(r, _series_names(r.get("series"), bodies), source)
                for r in _records_by_type(records, "meeting")
            ],
            "people": [_person_item(r, source) for r in _records_by_type(records, "person")],
            "agreements": [
                _agreement_item(r, source) for r in _records_by_type(records, "agreement")
            ],
            "acts": acts,
        },
    )


def as_loaded(data: object) -> object:
    """JSON data as the loader hands it to the strict models: arrays as tuples.

    Dates stay ISO strings: the models' date fields take them (``IsoDate``), and a string
    field whose value looks like a date (a derivation's ``value``) must stay a string.
    """
    if isinstance(data, Mapping):
        return {k: as_loaded(v) for k, v in data.items()}
    if isinstance(data, list | tuple):
        return tuple(as_loaded(v) for v in data)
    return data


def build(
    records: Iterable[Mapping[str, Any]], texts: Mapping[str, str]
) -> tuple[pakru.Dataset, list[str]]:
    """The records that build as a dataset, and why the others do not."""
    from pakru.schema.record import record_adapter  # noqa: PLC0415 - a test helper

    built, problems = [], []
    for data in records:
        clean = as_loaded({k: v for k, v in data.items() if k != "draft"})
        try:
            built.append(record_adapter.validate_python(clean))
        except ValidationError as error:
            first = error.errors(include_url=False)[0]
            where = ".".join(str(x) for x in first["loc"][1:])
            problems.append(f"{data.get('id')}: {where}: {first['msg']}")
    return pakru.Dataset(built, texts), problems


def draft_report(name: str, text: str, draft: Mapping[str, Any]) -> tuple[Report, list[str]]:
    """A draft (its JSON form) as compared, and the records of it that did not build.

    Raises :class:`DraftError`, naming the report and the record, for a draft that is not
    one: no ``source`` or ``records``, a record that is no object or has no string ``id``
    and ``type``, a field of the wrong shape.
    """
    try:
        records = list(draft["records"])
        source = dict(draft["source"])
        source_id = str(source["id"])
    except (KeyError, TypeError, ValueError) as error:
        raise DraftError(f"{name}: not a draft ({error!r} missing or malformed)") from error
    for n, record in enumerate(records):
        if not (
            isinstance(record, Mapping)
            and isinstance(record.get("id"), str)
            and isinstance(record.get("type"), str)
        ):
            raise DraftError(f"{name}: records[{n}] is not a record (an object with id and type)")
    ds, problems = build([source, *records], {source_id: text})
    bodies = {str(r["id"]): r for r in _records_by_type(records, "body")}
    try:
        report = records_report(
            name, text, records, source=None, acts=_acts(ds, source_id), bodies=bodies
        )
    except (AttributeError, TypeError, ValueError, KeyError) as error:
        raise DraftError(
            f"{name}: a drafted record has a field of the wrong shape: {error!r}"
        ) from error
    return report, problems


# -- the coders' side ---------------------------------------------------------------------------


def _bodies(ds: pakru.Dataset) -> dict[str, Mapping[str, Any]]:
    return {b.id: b.model_dump(mode="json") for b in ds.bodies}


def shipped_reports(ds: pakru.Dataset) -> list[tuple[Report, Path]]:
    """Each shipped report as the curated records give it, with its text file."""
    found = []
    bodies = _bodies(ds)
    for source in ds.sources:
        text = ds.text(source.id) or ""
        records = [r.model_dump(mode="json") for r in ds.citing(source.id)]
        report = records_report(
            source.id, text, records, source=source.id, acts=_acts(ds, source.id), bodies=bodies
        )
        found.append((report, RECORDS / "sources" / "text" / source.file))
    return found


def _corpus_series_names(
    expected: Iterable[Mapping[str, Any]], bodies: Mapping[str, Mapping[str, Any]]
) -> dict[str, frozenset[str]]:
    """Every name a series has: its body's name and aliases, and each name the corpus gives it."""
    names: dict[str, set[str]] = {}
    for data in expected:
        for m in data.get("meetings") or ():
            key = m.get("series_id") or (norm(m["series"]) if m.get("series") else None)
            if key is None:
                continue
            bag = names.setdefault(key, set())
            bag |= _names(m.get("series"))
            if m.get("series_id"):
                bag |= _series_names(m["series_id"], bodies) or set()
    return {k: frozenset(v) for k, v in names.items()}


def _expected_meeting(m: Mapping[str, Any], series: Mapping[str, frozenset[str]]) -> Item:
    key = m.get("series_id") or (norm(m["series"]) if m.get("series") else None)
    quotes = [*(m.get("quotes") or ()), (m.get("date") or {}).get("quote"), m.get("place_quote")]
    return Item(
        str(m["key"]),
        {
            "series": series.get(key) if key else None,
            "ordinal": m.get("ordinal"),
            "status": m.get("status"),
            "date": interval(m.get("date")),
            "city": norm(m["city"]) if m.get("city") else None,
            "country": m.get("country"),
        },
        tuple(q for q in quotes if isinstance(q, str)),
    )


def _expected_person(p: Mapping[str, Any], ds: pakru.Dataset) -> Item:
    names = _names(p.get("name"))
    existing = p.get("matches_existing")
    if existing and existing in ds:
        person = ds.person(existing)
        names |= _names(person.name, *person.aliases)
    return Item(
        str(p["key"]),
        {"country": p.get("country"), "title": _names(p.get("title")) or None},
        (str(p["quote"]),) if p.get("quote") else (),
        names,
    )


def _expected_agreement(a: Mapping[str, Any]) -> Item:
    parties = a.get("parties")
    return Item(
        str(a["key"]),
        {
            "status": a.get("status"),
            "parties": frozenset(parties) if parties else None,
            "date": interval(a.get("date")),
            "meeting": a.get("meeting"),
        },
        (str(a["quote"]),) if a.get("quote") else (),
    )


def _expected_act(n: int, a: Mapping[str, Any]) -> Item:
    code = str(a["code"])
    return Item(
        f"act {n}",
        {"a1": a["actor1"], "a2": a["actor2"], "root": code[:2], "code": code},
        (str(a["quote"]),),
    )


def corpus_reports(ds: pakru.Dataset, folder: Path = CORPUS) -> list[tuple[Report, Path]]:
    """Each unseen text as its ``.expected.yaml`` gives it, with its text file."""
    paths = sorted(folder.glob("*.expected.yaml"))
    expected = [yaml.safe_load(p.read_text(encoding="utf-8")) for p in paths]
    series = _corpus_series_names(expected, _bodies(ds))
    found = []
    for path, data in zip(paths, expected, strict=True):
        text_path = folder / str(data["text"])
        report = Report(
            path.name.removesuffix(".expected.yaml"),
            text_path.read_text(encoding="utf-8"),
            {
                "meetings": [_expected_meeting(m, series) for m in data.get("meetings") or ()],
                "people": [
                    _expected_person(p, ds) for p in data.get("people") or () if p.get("name")
                ],
                "agreements": [_expected_agreement(a) for a in data.get("agreements") or ()],
                "acts": [_expected_act(n, a) for n, a in enumerate(data.get("acts") or (), 1)],
            },
        )
        found.append((report, text_path))
    return found


# -- running the drafter ------------------------------------------------------------------------

Drafter = Callable[[Path], Mapping[str, Any]]
"""Drafts one report text file into an empty records tree; returns the draft's JSON form."""


def empty_tree(folder: Path) -> Path:
    """An empty records tree under ``folder``: the record folders, ``VERSION``, nothing else."""
    from pakru.schema import RECORD_TYPES  # noqa: PLC0415

    tree = folder / "records"
    for t in RECORD_TYPES.values():
        (tree / t.folder).mkdir(parents=True, exist_ok=True)
    (tree / "sources" / "text").mkdir(exist_ok=True)
    (tree / "VERSION").write_text(
        (RECORDS / "VERSION").read_text(encoding="utf-8"), encoding="utf-8"
    )
    return tree


COMMAND_LINE = (sys.executable, "-m", "pakru", "draft")


def pakru_draft(text: Path) -> Mapping[str, Any]:
    """``pakru draft TEXT --format json`` run on a copy of ``text`` against an empty tree."""
    with tempfile.TemporaryDirectory(prefix="pakru-draft-score-") as tmp:
        folder = Path(tmp)
        tree = empty_tree(folder)
        copy = folder / text.name
        copy.write_bytes(text.read_bytes())
        done = subprocess.run(
            [*COMMAND_LINE, str(copy), "--records", str(tree), "--format", "json"],
            cwd=folder,
            capture_output=True,
            text=True,
            encoding="utf-8",
            check=False,
        )
    if done.returncode != 0:
        raise DraftError(
            f"{text.name}: pakru draft exited {done.returncode}: {done.stderr.strip()}"
        )
    try:
        data = json.loads(done.stdout)
    except json.JSONDecodeError as error:
        raise DraftError(f"{text.name}: pakru draft printed no JSON ({error})") from error
    if not isinstance(data, dict):
        raise DraftError(f"{text.name}: pakru draft printed {type(data).__name__}, not an object")
    return data


@dataclass
class CorpusScore:
    """The figures of one corpus: per kind pooled, and per report."""

    kinds: dict[str, KindScore] = field(default_factory=dict)
    reports: dict[str, dict[str, KindScore]] = field(default_factory=dict)
    unbuilt: dict[str, list[str]] = field(default_factory=dict)
    failed: dict[str, str] = field(default_factory=dict)
    """Reports the drafter failed on (scored as empty drafts): why."""


def score_corpus(reports: Sequence[tuple[Report, Path]], drafter: Drafter) -> CorpusScore:
    """Draft every report with ``drafter`` and score it against the coder's records."""
    result = CorpusScore({k: KindScore() for k in KINDS})
    for coder, text_path in reports:
        try:
            draft, problems = draft_report(coder.name, coder.text, drafter(text_path))
        except DraftError as error:  # counted as an empty draft, and reported
            result.failed[coder.name] = str(error)
            draft, problems = Report(coder.name, coder.text, {k: [] for k in KINDS}), []
        scores = score_report(draft, coder)
        result.reports[coder.name] = scores
        if problems:
            result.unbuilt[coder.name] = problems
        for kind, s in scores.items():
            result.kinds[kind].add(s)
    return result


def score_all(drafter: Drafter = pakru_draft) -> dict[str, CorpusScore]:
    """Both corpora, drafted by ``drafter``."""
    ds = pakru.load(RECORDS)
    return {
        "shipped": score_corpus(shipped_reports(ds), drafter),
        "unseen": score_corpus(corpus_reports(ds), drafter),
    }


# -- figures, targets, page ---------------------------------------------------------------------


def _count(c: Count) -> dict[str, int]:
    return {"draft": c.draft, "coder": c.coder, "right": c.right}


def figures(scores: Mapping[str, CorpusScore]) -> dict[str, Any]:
    """The figures as stored in ``figures.json``: counts per corpus, kind and field."""
    out: dict[str, Any] = {"format": FORMAT, "corpora": {}}
    for corpus, score in scores.items():
        kinds = {}
        for kind, s in score.kinds.items():
            kinds[kind] = {
                "coder_records": s.coder_records,
                "draft_records": s.draft_records,
                "aligned": s.aligned,
                "fields": {name: _count(c) for name, c in s.fields.items()},
                "pooled": _count(s.pooled()),
            }
        out["corpora"][corpus] = {
            "reports": len(score.reports),
            "failed": sorted(score.failed),
            "kinds": kinds,
        }
    return out


def check(data: Mapping[str, Any]) -> None:
    """Raise ValueError unless ``data`` has the layout :func:`figures` writes."""
    if data.get("format") != FORMAT:
        raise ValueError(f"figures: format {data.get('format')!r}, expected {FORMAT}")
    corpora = data.get("corpora")
    if not isinstance(corpora, Mapping) or set(corpora) != set(CORPORA):
        raise ValueError(f"figures: corpora must be {', '.join(CORPORA)}")
    for corpus, c in corpora.items():
        if set(c.get("kinds", {})) != set(KINDS):
            raise ValueError(f"figures: {corpus}: kinds must be {', '.join(KINDS)}")
        for kind, k in c["kinds"].items():
            if set(k.get("fields", {})) != set(FIELDS[kind]) or "pooled" not in k:
                raise ValueError(
                    f"figures: {corpus}/{kind}: fields must be {FIELDS[kind]} and pooled"
                )
            for name, n in [*k["fields"].items(), ("pooled", k["pooled"])]:
                if set(n) != {"draft", "coder", "right"} or not all(
                    isinstance(v, int) for v in n.values()
                ):
                    raise ValueError(f"figures: {corpus}/{kind}/{name}: counts draft, coder, right")


def _ratio(n: Mapping[str, int], measure: str) -> float | None:
    whole = n["draft"] if measure == "precision" else n["coder"]
    return n["right"] / whole if whole else None


def measures(data: Mapping[str, Any]) -> dict[tuple[str, str, str], float | None]:
    """Every (corpus, figure, measure) → value: figure is ``kind`` (pooled) or ``kind.field``."""
    out: dict[tuple[str, str, str], float | None] = {}
    for corpus, c in data["corpora"].items():
        for kind, k in c["kinds"].items():
            for name, n in [("", k["pooled"]), *k["fields"].items()]:
                figure = f"{kind}.{name}" if name else kind
                for measure in ("precision", "recall"):
                    out[corpus, figure, measure] = _ratio(n, measure)
    return out


def regressions(current: Mapping[str, Any], committed: Mapping[str, Any]) -> list[str]:
    """Each figure below the committed one (a figure that had a value and has none counts)."""
    now, then = measures(current), measures(committed)
    found = []
    for key, before in then.items():
        after = now.get(key)
        if before is not None and (after is None or after < before - 1e-9):
            shown = "none" if after is None else f"{after:.3f}"
            found.append(f"{'/'.join(key)}: {shown} < committed {before:.3f}")
    return found


def targets(data: Mapping[str, Any]) -> list[tuple[str, float | None, float, bool]]:
    """Issue 27's targets: (name, value, least, met)."""
    values = measures(data)
    out = []
    for corpus, figure, measure, least in TARGETS:
        value = values.get((corpus, figure, measure))
        out.append(
            (f"{corpus} {figure} {measure}", value, least, value is not None and value >= least)
        )
    return out


def _pct(n: Mapping[str, int], measure: str) -> str:
    value = _ratio(n, measure)
    whole = n["draft"] if measure == "precision" else n["coder"]
    return "n/a" if value is None else f"{100 * value:.0f} % ({n['right']}/{whole})"


INTRO = """\
---
description: "How often pakru draft's proposals are right, field by field, on the \
shipped reports and on texts it has never seen."
---

<!-- Generated by python -m tests.draft.score --write from tests/draft/figures.json. -->
# How precise the draft is

`pakru draft` proposes records from a report's text; a person confirms them. This page
says how often its proposals are right, field by field, measured by
`tests/draft/score.py` on two corpora:

- **shipped**: the five reports of the dataset, each drafted from its text alone into an
  empty records tree and compared with the curated records that cite it;
- **unseen**: the report texts of `tests/corpus/reports/`, written for testing in the
  layouts of other outlets and never used to build the drafter, each with the records a
  careful coder would write (its `.expected.yaml`).

*Precision* is the share of the values the draft gives that are right; *recall* the
share of the coder's values that the draft gives right. A value the draft gives in a
record no coder wrote is wrong; a coder's value in a record the draft missed is missed.
The figures are regenerated with `python -m tests.draft.score --write`, and
`tests/draft/test_score_figures.py` fails when one falls below these.

## How records are paired

One report at a time, a draft record and a coder's record of the same kind may pair:

- **meetings**: the same series and ordinal; else intersecting dates and the same city;
  else overlapping quotes;
- **people**: the same name or alias; else the same surname and first initial (never by
  title alone);
- **agreements**: overlapping quotes;
- **acts**: the same actors (the first three letters of the CAMEO actor codes; in the same
  direction unless an act is two-sided) and overlapping quotes, the same code preferred. A
  two-sided act (two directed rows of the `acts` table sharing a group) counts once.

Each record pairs at most once, strongest reason first. Two quotes overlap when, located in
the report, they share at least half of the shorter one (the rule of the
[inter-coder agreement](codebook/index.md)).

## What is not measured here

- **Edits**: each report is drafted into an empty tree, so there is no existing record to
  edit or to match; matching series and people to existing ones is not measured.
- **Events** and bodies are not scored as records; their acts are (the acts of every record
  the report gives).
- The curated values of a shipped report's records may combine several reports (a date
  narrowed by another source): a draft from the one text cannot have them, and misses them.

`python -m tests.draft.score --details` lists, report by report, every value the draft
has wrong or misses and every record left unpaired.

## What is scored

| kind | fields |
|---|---|
| meetings | series (by name or alias), ordinal, status, date interval, city, country |
| people | country, title |
| agreements | status, parties, date interval, meeting |
| acts | CAMEO root (first two digits), full CAMEO code |
"""


def render(data: Mapping[str, Any]) -> str:
    """The docs page (``docs/draft.md``) from the stored figures."""
    check(data)
    return INTRO + "\n" + tables(data)


def tables(data: Mapping[str, Any]) -> str:
    """The targets and the figures of each corpus in ``data``, as Markdown tables."""
    lines = [
        "## Targets (issue 27)",
        "",
        "*meetings* is the six meeting fields pooled; *acts.root* counts the acts found with",
        "the right CAMEO root. A target not met is reported, not failed: the test fails only",
        "when a figure falls below the stored one.",
        "",
        "| target | value | least | met |",
        "|---|---|---|---|",
    ]
    for name, value, least, met in targets(data):
        shown = "n/a" if value is None else f"{100 * value:.0f} %"
        lines.append(f"| {name} | {shown} | {100 * least:.0f} % | {'yes' if met else 'no'} |")
    for corpus in [c for c in CORPORA if c in data["corpora"]]:
        c = data["corpora"][corpus]
        lines += [
            "",
            f"## {corpus.capitalize()} reports ({c['reports']})",
            "",
            "| kind | field | precision | recall |",
            "|---|---|---|---|",
        ]
        for kind in KINDS:
            k = c["kinds"][kind]
            lines.append(
                f"| **{kind}** ({k['coder_records']} coded, {k['draft_records']} drafted, "
                f"{k['aligned']} paired) | all | {_pct(k['pooled'], 'precision')} | "
                f"{_pct(k['pooled'], 'recall')} |"
            )
            for name in FIELDS[kind]:
                n = k["fields"][name]
                lines.append(f"| | {name} | {_pct(n, 'precision')} | {_pct(n, 'recall')} |")
    return "\n".join(lines) + "\n"


def text_report(scores: Mapping[str, CorpusScore], *, details: bool = False) -> str:
    """What the command prints: the page's figures, the targets met, and each report's.

    With ``details``, also each value the draft has wrong or misses, report by report.
    """
    data = figures(scores)
    out = [tables(data)]
    for corpus, score in scores.items():
        out.append(f"\n## Per report ({corpus}): meetings and acts, precision / recall\n")
        for name, kinds in score.reports.items():
            cells = []
            for kind in ("meetings", "acts"):
                n = _count(kinds[kind].pooled())
                cells.append(f"{kind} {_pct(n, 'precision')} / {_pct(n, 'recall')}")
            out.append(f"- {name}: " + "; ".join(cells))
        if details:
            for name, kinds in score.reports.items():
                notes = [n for k in KINDS for n in kinds[k].notes]
                if notes:
                    out.append(f"\n### {name}\n")
                    out += [f"- {n}" for n in notes]
        for name, why in score.failed.items():
            out.append(f"- {name}: THE DRAFTER FAILED (scored as an empty draft): {why}")
        for name, problems in score.unbuilt.items():
            out.append(f"- {name}: draft records that do not build: " + "; ".join(problems))
    return "\n".join(out) + "\n"


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog=COMMAND, description=__doc__.splitlines()[0])
    group = parser.add_mutually_exclusive_group()
    group.add_argument(
        "--write", action="store_true", help="store the figures and regenerate the page"
    )
    group.add_argument("--check", action="store_true", help="exit 1 when the stored figures differ")
    parser.add_argument(
        "--details", action="store_true", help="list every wrong or missed value, per report"
    )
    args = parser.parse_args(argv)
    try:
        scores = score_all()
    except DraftError as error:
        print(f"{COMMAND}: {error}", file=sys.stderr)
        return 1
    data = figures(scores)
    sys.stdout.write(text_report(scores, details=args.details))
    if args.write:
        FIGURES.write_text(json.dumps(data, indent=1) + "\n", encoding="utf-8")
        PAGE.write_text(render(data), encoding="utf-8")
    elif args.check:
        stored = json.loads(FIGURES.read_text(encoding="utf-8")) if FIGURES.exists() else None
        if stored != data or PAGE.read_text(encoding="utf-8") != render(data):
            print(f"{FIGURES} or {PAGE} is stale: run {COMMAND} --write", file=sys.stderr)
            return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
