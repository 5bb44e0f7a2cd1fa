"""Generate every data page of the site from the records (run by mkdocs-gen-files).

Nothing about the data is written by hand in ``docs/``: this script loads the
dataset (``PAKRU_RECORDS``, a records folder, or the dataset installed with
pakru) and writes a page per record, the kind indexes, series and conflicts
pages, the home page's counts and timeline, the schema and rules reference and
the downloads. ``pages(dataset)`` is a pure function from a Dataset to
``{path: content}``; ``main()`` hands its result to mkdocs-gen-files.
"""

import datetime as dt
import hashlib
import html
import os
import posixpath
import re
import subprocess
import sys
import tempfile
import types
from collections import defaultdict
from collections.abc import Iterator, Mapping
from itertools import pairwise
from pathlib import Path
from typing import Annotated, Any, Literal, Union, get_args, get_origin

from pydantic import BaseModel

import pakru
from pakru.dataset import Dataset
from pakru.schema import (
    Agreement,
    Body,
    Conflict,
    DateInterval,
    Derivation,
    Event,
    Evidence,
    Location,
    Meeting,
    Person,
    Record,
    Source,
    Statement,
)
from pakru.schema.common import CountryCode, RefTarget
from pakru.schema.countries import COUNTRIES
from pakru.schema.record import RECORD_TYPES
from pakru.validate.models import field_path
from pakru.validate.parse import Loc
from pakru.validate.walk import find, reference_fields, references

RECORDS_ENV = "PAKRU_RECORDS"
"""Environment variable naming a records folder to build the site from."""

EXPORT_FORMATS = ("json", "jsonl", "csv", "sqlite", "datapackage")
"""Formats the downloads page asks ``pakru export`` for; those that fail are listed as such."""

KIND_TITLES = {
    "meeting": "Meetings",
    "agreement": "Agreements",
    "event": "Events",
    "person": "People",
    "body": "Bodies and series",
    "source": "Sources",
    "conflict": "Conflicts",
}
KIND_ORDER = tuple(KIND_TITLES)
SUBSECTIONS = frozenset({"participants", "topics", "outcomes", "titles", "sides"})
"""Fields whose items carry their own evidence; rendered as sections, not table rows."""
SKIPPED = frozenset({"type", "id", "evidence", "note"})
COUNTRY_FIELDS = frozenset({"country", "countries", "parties", "members", "side"})

Pages = dict[str, str | bytes]


# ---------------------------------------------------------------- loading


def load_dataset() -> Dataset:
    """The dataset named by ``PAKRU_RECORDS``, or the one installed with pakru."""
    folder = os.environ.get(RECORDS_ENV)
    return pakru.load([folder]) if folder else pakru.load()


# ---------------------------------------------------------------- small helpers


def page_of(record: Record) -> str:
    """The page path of a record, e.g. ``meetings/jwg-ct-07.md``."""
    return f"{RECORD_TYPES[record.type].folder}/{record.id}.md"


def index_of(kind: str) -> str:
    """The index page of a record kind."""
    return f"{RECORD_TYPES[kind].folder}/index.md"


def rel(from_page: str, to_page: str) -> str:
    """A link from one page to another, relative, as mkdocs wants it."""
    return posixpath.relpath(to_page, posixpath.dirname(from_page) or ".")


def normalise(text: str) -> str:
    """Whitespace-normalised text, the form quotes are compared in."""
    return " ".join(text.split())


def quote_id(quote: str) -> str:
    """The anchor id of a quote on its source's page (stable across builds)."""
    return "q-" + hashlib.sha1(normalise(quote).encode(), usedforsecurity=False).hexdigest()[:10]


def cell(text: str) -> str:
    """Text safe inside a Markdown table cell."""
    return re.sub(r"(?<!\\)\|", r"\\|", normalise(text))


def esc(text: str) -> str:
    """Text safe in Markdown prose: HTML escaped, Markdown specials neutralised."""
    return _escape(normalise(text))


def _escape(text: str) -> str:
    out = html.escape(text, quote=False)
    return re.sub(r"([\\`*_\[\]<>#|])", r"\\\1", out)


def prose(text: str) -> str:
    """A docstring or description as Markdown: reST ````code```` becomes a code span."""
    parts = re.split(r"``(.+?)``", normalise(text))
    return "".join(f"`{part}`" if i % 2 else _escape(part) for i, part in enumerate(parts))


def default_md(value: Any) -> str:
    """A field default as it is written in a record file."""
    if value is None:
        return "`null`"
    if value == ():
        return "`[]`"
    if isinstance(value, bool):
        return f"`{str(value).lower()}`"
    return f"`{value!r}`"


def label(record: Record) -> str:
    """The human name of a record."""
    if isinstance(record, Meeting | Agreement | Event):
        return record.title
    if isinstance(record, Person | Body):
        return record.name
    if isinstance(record, Source):
        when = record.published.isoformat() if record.published else "undated"
        return f"{record.title or f'Report {record.id}'} ({when})"
    return record.subject


def country(code: str) -> str:
    """A country code with its name."""
    known = COUNTRIES.get(code)
    return f"{known.name} ({code})" if known else code


def fmt_date(date: DateInterval) -> str:
    """A date interval for readers: one day, or the range the sources allow."""
    first, last = date.earliest, date.latest
    if first is None and last is None:
        return "date unknown"
    if first is not None and first == last:
        return first.isoformat()
    shown = f"{first.isoformat() if first else '?'} – {last.isoformat() if last else '?'}"
    if date.precision == "month" and first is not None:
        return f"{first:%B %Y} ({shown})"
    if date.precision == "year" and first is not None:
        return f"{first:%Y} ({shown})"
    return shown


def date_key(date: DateInterval) -> tuple[dt.date, dt.date]:
    """Sort key: by the last possible day, then the first; unknown dates last.

    Sorting on the last day puts "some time in 2018" after "21 March 2018",
    which is how a reader expects a timeline of uncertain dates to run.
    """
    last = date.latest or date.earliest or dt.date.max
    return last, date.earliest or dt.date.min


def fmt_place(location: Location) -> str:
    """A location for readers; unknown parts left out."""
    parts = [location.venue, location.city, country(location.country) if location.country else None]
    shown = ", ".join(p for p in parts if p)
    return shown or "place unknown"


def gaps(ordinals: list[int]) -> list[int]:
    """Numbers missing between the lowest and highest ordinal of a series."""
    if not ordinals:
        return []
    present = set(ordinals)
    return [n for n in range(min(present), max(present) + 1) if n not in present]


# ---------------------------------------------------------------- indexes


class Index:
    """What the pages need beyond the records: reverse links, citations, series."""

    def __init__(self, ds: Dataset) -> None:
        self.ds = ds
        self.linked_from: dict[str, list[tuple[str, str]]] = defaultdict(list)
        self.cited: dict[str, list[tuple[str, str, str]]] = defaultdict(list)
        """source id → (record id, quote, where in the record)."""
        self.series: dict[str, list[Meeting]] = defaultdict(list)
        for record in ds.records:
            quoted: list[tuple[Loc, Evidence | Derivation]] = [
                *find(record, Evidence),
                *find(record, Derivation),
            ]
            for loc, sub in sorted(quoted, key=lambda item: str(item[0])):
                self.cited[sub.source].append((record.id, sub.quote, field_path(loc)))
            for loc, value, _kinds in references(record):
                if loc[-1] == "source":  # quotes' sources: listed as citations above
                    continue
                if value != record.id and value in ds:
                    where = field_path(loc)
                    if (record.id, where) not in self.linked_from[value]:
                        self.linked_from[value].append((record.id, where))
            if isinstance(record, Meeting) and record.series:
                self.series[record.series].append(record)
        self.marked: dict[str, dict[str, str]] = {}
        """source id → quote id → the quote, for every quote found in the source's text."""
        self.html: dict[str, str] = {}
        self.coverage: dict[str, tuple[int, int]] = {}
        """source id → (sentences containing a cited quote, sentences)."""
        for source in ds.sources:
            text = ds.text(source.id) or ""
            quotes = {quote_id(q): q for _, q, _ in self.cited.get(source.id, [])}
            self.html[source.id], self.marked[source.id] = mark(text, quotes)
            cited = {q for rid, q, _ in self.cited.get(source.id, []) if rid != source.id}
            self.coverage[source.id] = sentence_coverage(text, cited)

    def quote_link(self, from_page: str, source: str, quote: str) -> str:
        """A link to a quote, highlighted on its source's page."""
        if source not in self.ds:
            return f"“{esc(quote)}” ({esc(source)})"
        target = rel(from_page, page_of(self.ds.get(source)))
        anchor = quote_id(quote)
        fragment = f"#{anchor}" if anchor in self.marked.get(source, {}) else ""
        return f"[“{esc(quote)}”]({target}{fragment}) — {source}"

    def quote_ref(self, from_page: str, evidence: Evidence, number: int) -> str:
        """A short numbered link to a quote in its source (the quote shows on hover)."""
        if evidence.source not in self.ds:
            return f"[{number}]"
        target = rel(from_page, page_of(self.ds.get(evidence.source)))
        anchor = quote_id(evidence.quote)
        fragment = f"#{anchor}" if anchor in self.marked.get(evidence.source, {}) else ""
        hover = normalise(evidence.quote).replace('"', "'")
        return f'[[{number}]]({target}{fragment} "{html.escape(hover, quote=False)}")'

    def link(self, from_page: str, record_id: str, text: str | None = None) -> str:
        """A link to a record's page, or the bare id when there is no such record."""
        if record_id not in self.ds:
            return f"`{record_id}` (missing)"
        record = self.ds.get(record_id)
        return f"[{esc(text or label(record))}]({rel(from_page, page_of(record))})"


def sentence_coverage(text: str, quotes: set[str]) -> tuple[int, int]:
    """How many sentences of ``text`` contain (part of) a quote, and how many there are.

    Sentences are cut naively at line ends and at ``.``, ``!`` or ``?`` before space; this
    is a reader's guide to how much of a report the records use, not a rule.
    """
    sentences = [s for s in re.split(r"(?<=[.!?”])\s+|\n", text) if s.strip()]
    flat = [normalise(s) for s in sentences]
    wanted = [normalise(q) for q in quotes]
    touched = sum(1 for s in flat if any(q in s or s in q for q in wanted))
    return touched, len(sentences)


def mark(text: str, quotes: Mapping[str, str]) -> tuple[str, dict[str, str]]:
    """The source text as HTML with every quote in ``<mark>``; and the quotes found.

    Quotes may overlap, so the text is cut at every quote boundary and each
    piece is marked with the classes of all quotes covering it; an empty
    ``<span id=...>`` anchors each quote's start, and ``site.js`` highlights
    the quote named by the URL fragment.
    """
    spans: list[tuple[int, int, str]] = []
    found: dict[str, str] = {}
    for qid, quote in sorted(quotes.items()):
        words = quote.split()
        if not words:
            continue
        match = re.search(r"\s+".join(re.escape(w) for w in words), text)
        if match:
            spans.append((match.start(), match.end(), qid))
            found[qid] = quote
    cuts = sorted({0, len(text), *(s for s, _, _ in spans), *(e for _, e, _ in spans)})
    starts: dict[int, list[str]] = defaultdict(list)
    for start, _, qid in spans:
        starts[start].append(qid)
    out: list[str] = []
    for a, b in pairwise(cuts):
        out.extend(f'<span class="pk-anchor" id="{qid}"></span>' for qid in starts.get(a, []))
        piece = html.escape(text[a:b]).replace("\n", "&#10;")
        covering = [qid for s, e, qid in spans if s <= a and b <= e]
        if covering:
            out.append(f'<mark class="pk-quote {" ".join(covering)}">{piece}</mark>')
        else:
            out.append(piece)
    return "".join(out), found


# ---------------------------------------------------------------- record pages


def value_md(  # noqa: PLR0911 - one return per kind of value
    idx: Index, page: str, record: BaseModel, name: str, value: Any
) -> str:
    """One field's value as Markdown."""
    refs = reference_fields(type(record))
    if value is None:
        return "*unknown*"
    if isinstance(value, DateInterval):
        return f"{fmt_date(value)} ({value.precision})"
    if isinstance(value, Location):
        return esc(fmt_place(value))
    if isinstance(value, tuple):
        if not value:
            return "*none*"
        return ", ".join(value_md(idx, page, record, name, item) for item in value)
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, str):
        if name in refs:
            return idx.link(page, value)
        if name in COUNTRY_FIELDS and value in COUNTRIES:
            return country(value)
        return esc(value)
    if isinstance(value, dt.date):
        return value.isoformat()
    return esc(str(value))


def supports(evidence: Evidence, field: str) -> bool:
    """Whether a quote supports ``field`` (``location.city`` supports ``location``)."""
    return any(s == field or s.startswith(f"{field}.") for s in evidence.supports)


def facts(idx: Index, page: str, record: Record) -> list[str]:
    """The table of a record's own fields, each with the quotes supporting it."""
    lines = ["| Field | Value | Evidence |", "|---|---|---|"]
    for name in type(record).model_fields:
        if name in SKIPPED or name in SUBSECTIONS:
            continue
        value = getattr(record, name)
        quotes = [
            idx.quote_ref(page, e, n) for n, e in enumerate(record.evidence, 1) if supports(e, name)
        ]
        if isinstance(value, DateInterval):
            quotes += [
                f"{d.rule}: {idx.quote_link(page, d.source, d.quote)}" for d in value.derivations
            ]
        shown = value_md(idx, page, record, name, value)
        lines.append(f"| {name} | {cell(shown)} | {cell('<br>'.join(quotes)) or ''} |")
    return lines


def evidence_list(idx: Index, page: str, evidence: tuple[Evidence, ...]) -> list[str]:
    """Quotes as a bullet list, each linking into its source."""
    out = []
    for n, e in enumerate(evidence, 1):
        what = f" — supports: {', '.join(e.supports)}" if e.supports else ""
        out.append(f"{n}. {idx.quote_link(page, e.source, e.quote)}{what}")
    return out


def statements(idx: Index, page: str, items: tuple[Statement, ...]) -> list[str]:
    """Topics or outcomes: the paraphrase, then its quotes."""
    out = []
    for s in items:
        quotes = "; ".join(idx.quote_link(page, e.source, e.quote) for e in s.evidence)
        out.append(f"- {esc(s.text)} — {quotes}")
    return out


def sides_table(idx: Index, page: str, conflict: Conflict) -> list[str]:
    """A conflict's sides as columns of one table, side by side."""
    sides = conflict.sides
    head = " | ".join(f"Side {n}: {idx.link(page, s.record)}" for n, s in enumerate(sides, 1))
    rows = [
        f"| | {head} |",
        "|---|" + "---|" * len(sides),
        "| Field | " + " | ".join(f"`{s.field}`" if s.field else "*whole record*" for s in sides),
        "| Claim | " + " | ".join(cell(esc(s.claim)) for s in sides) + " |",
        "| Evidence | "
        + " | ".join(
            cell("<br>".join(idx.quote_link(page, e.source, e.quote) for e in s.evidence))
            for s in sides
        )
        + " |",
    ]
    rows[2] += " |"
    return rows


def series_table(idx: Index, page: str, series: Body) -> list[str]:
    """The meetings of a dialogue series by ordinal, with the gaps shown."""
    meetings = sorted(
        idx.series.get(series.id, []), key=lambda m: (m.ordinal or 10**9, date_key(m.date), m.id)
    )
    missing = gaps([m.ordinal for m in meetings if m.ordinal is not None])
    rows = ["| No. | Meeting | Status | Date | Venue |", "|---|---|---|---|---|"]
    numbered = [m for m in meetings if m.ordinal is not None]
    entries: list[tuple[int, Meeting | None]] = [(m.ordinal or 0, m) for m in numbered]
    entries += [(n, None) for n in missing]
    for ordinal, meeting in sorted(entries, key=lambda e: (e[0], e[1] is not None)):
        if meeting is None:
            rows.append(f"| {ordinal} | *no record (gap)* | | | |")
            continue
        rows.append(meeting_row(idx, page, meeting, str(ordinal)))
    rows.extend(meeting_row(idx, page, m, "—") for m in meetings if m.ordinal is None)
    out = [
        f"Meetings on record: {len(meetings)}.",
        f"Gaps in the numbering: {', '.join(map(str, missing)) if missing else 'none'}.",
        "",
        *rows,
    ]
    return out if meetings else ["No meetings of this series are on record."]


def meeting_row(idx: Index, page: str, meeting: Meeting, ordinal: str) -> str:
    """One row of a series table."""
    status = "**planned**" if meeting.status == "planned" else meeting.status
    return (
        f"| {ordinal} | {idx.link(page, meeting.id)} | {status} | "
        f"{fmt_date(meeting.date)} | {cell(esc(fmt_place(meeting.location)))} |"
    )


def record_page(idx: Index, record: Record) -> str:
    """The page of one record."""
    page = page_of(record)
    kind = record.type
    lines = [f"# {esc(label(record))}", ""]
    badge: list[str] = [kind]
    if isinstance(record, Meeting | Agreement | Event | Body | Conflict):
        badge.append(record.kind)
    if isinstance(record, Meeting | Agreement | Event):
        badge.append(f"**{record.status}**" if record.status == "planned" else record.status)
    lines += [f"`{record.id}` · " + " · ".join(badge), ""]
    if isinstance(record, Meeting | Agreement | Event) and record.status == "planned":
        lines += [
            '!!! info "Planned"\n    Announced in the sources; no source reports it as held.',
            "",
        ]
    if record.note:
        lines += [f'!!! note "Editor\'s note"\n    {esc(record.note)}', ""]
    lines += [*facts(idx, page, record), ""]
    if isinstance(record, Meeting):
        lines += meeting_sections(idx, page, record)
    if isinstance(record, Person):
        lines += person_sections(idx, page, record)
    if isinstance(record, Body) and record.kind == "dialogue-series":
        lines += ["## Meetings of the series", "", *series_table(idx, page, record), ""]
    if isinstance(record, Conflict):
        lines += ["## Sides", "", *sides_table(idx, page, record), ""]
    if isinstance(record, Source):
        lines += source_sections(idx, page, record)
    lines += ["## Evidence", "", *evidence_list(idx, page, record.evidence), ""]
    linked = idx.linked_from.get(record.id, [])
    if linked:
        lines += ["## Linked from", ""]
        lines += [f"- {idx.link(page, rid)} (`{where}`)" for rid, where in linked]
        lines.append("")
    return "\n".join(lines) + "\n"


def meeting_sections(idx: Index, page: str, record: Meeting) -> list[str]:
    """Participants, topics and outcomes of a meeting."""
    lines: list[str] = []
    if record.participants:
        lines += ["## Participants", "", "| Who | Side | Role | Lead | Evidence |"]
        lines += ["|---|---|---|---|---|"]
        for p in record.participants:
            quotes = "<br>".join(idx.quote_link(page, e.source, e.quote) for e in p.evidence)
            side = country(p.side) if p.side else "*unknown*"
            role = esc(p.role) if p.role else "*unknown*"
            lead = "yes" if p.lead else "no"
            lines.append(
                f"| {idx.link(page, p.ref)} | {side} | {cell(role)} | {lead} | {cell(quotes)} |"
            )
        lines.append("")
    for title, items in (("Topics", record.topics), ("Outcomes", record.outcomes)):
        if items:
            lines += [f"## {title}", "", *statements(idx, page, items), ""]
    return lines


def person_sections(idx: Index, page: str, record: Person) -> list[str]:
    """A person's titles and the meetings they took part in."""
    lines: list[str] = []
    if record.titles:
        lines += ["## Titles", ""]
        for t in record.titles:
            body = f" ({idx.link(page, t.body)})" if t.body else ""
            quotes = "; ".join(idx.quote_link(page, e.source, e.quote) for e in t.evidence)
            lines.append(f"- {esc(t.title)}{body}, attested {fmt_date(t.attested)} — {quotes}")
        lines.append("")
    ids = {rid for rid, where in idx.linked_from.get(record.id, []) if where.startswith("partic")}
    meetings = [m for m in map(idx.ds.get, sorted(ids)) if isinstance(m, Meeting)]
    lines += ["## Meetings", ""]
    lines += [
        f"- {fmt_date(m.date)}: {idx.link(page, m.id)}"
        for m in sorted(meetings, key=lambda m: date_key(m.date))
    ] or ["No meetings on record."]
    lines.append("")
    return lines


def source_sections(idx: Index, page: str, source: Source) -> list[str]:
    """What cites a source, and its full text with the cited quotes highlighted."""
    cited = [c for c in idx.cited.get(source.id, []) if c[0] != source.id]
    used, total = idx.coverage.get(source.id, (0, 0))
    lines = [
        "## Full text",
        "",
        f"Cited passages are highlighted. File: `{source.file}`. "
        f"Sentences used by other records: {used} of {total}.",
        "",
        f'<div class="pk-source-text" markdown="0">{idx.html.get(source.id, "")}</div>',
        "",
        "## Cited by",
        "",
    ]
    if cited:
        lines += ["| Record | Where | Quote |", "|---|---|---|"]
        for rid, quote, where in cited:
            quote_md = cell(idx.quote_link(page, source.id, quote))
            lines.append(f"| {idx.link(page, rid)} | `{where}` | {quote_md} |")
    else:
        lines.append("No record cites this source yet.")
    missing = sorted(
        {normalise(q) for _, q, _ in idx.cited.get(source.id, [])}
        - {normalise(q) for q in idx.marked.get(source.id, {}).values()}
    )
    if missing:
        lines += ["", "Quotes not found in the text (the validator reports them):", ""]
        lines += [f"- “{esc(q)}”" for q in missing]
    lines.append("")
    return lines


# ---------------------------------------------------------------- lists and home


def kind_index(idx: Index, kind: str) -> str:
    """The list page of one record kind."""
    page = index_of(kind)
    records = [r for r in idx.ds.records if r.type == kind]
    lines = [f"# {KIND_TITLES[kind]}", "", f"{len(records)} records.", ""]
    if kind in ("meeting", "agreement", "event"):
        lines += timeline_table(idx, page, records)
    elif kind == "conflict":
        for c in records:
            assert isinstance(c, Conflict)
            lines += [f"## {esc(c.subject)}", "", f"{c.kind} · {idx.link(page, c.id, c.id)}", ""]
            lines += [*sides_table(idx, page, c), ""]
    elif kind == "body":
        lines += ["| Name | Kind | Meetings |", "|---|---|---|"]
        for b in records:
            assert isinstance(b, Body)
            count = len(idx.series.get(b.id, []))
            lines.append(f"| {idx.link(page, b.id)} | {b.kind} | {count or ''} |")
    else:
        lines += [f"- {idx.link(page, r.id)}" for r in records]
    return "\n".join(lines) + "\n"


def timeline_table(idx: Index, page: str, records: list[Record]) -> list[str]:
    """Meetings, agreements and events by date; ranges for uncertain dates."""
    dated = [r for r in records if isinstance(r, Meeting | Agreement | Event)]
    dated.sort(key=lambda r: (*date_key(r.date), r.id))
    if not dated:
        return ["Nothing on record yet."]
    rows = ["| Date | What | Kind | Status | Where |", "|---|---|---|---|---|"]
    for r in dated:
        status = "**planned**" if r.status == "planned" else r.status
        where = fmt_place(r.location) if isinstance(r, Meeting | Event) else ""
        rows.append(
            f"| {fmt_date(r.date)} | {idx.link(page, r.id)} | {r.type}: {r.kind} | {status} "
            f"| {cell(esc(where))} |"
        )
    return rows


def home(idx: Index) -> str:
    """What the generator adds to the hand-written home page."""
    page = "index.md"
    lines = ["", "## The dataset in numbers", "", "| Records | Count |", "|---|---|"]
    for kind in KIND_ORDER:
        count = sum(1 for r in idx.ds.records if r.type == kind)
        lines.append(f"| [{KIND_TITLES[kind]}]({rel(page, index_of(kind))}) | {count} |")
    series = [b for b in idx.ds.bodies if b.kind == "dialogue-series"]
    if series:
        lines += ["", "Dialogue series: " + ", ".join(idx.link(page, b.id) for b in series) + "."]
    lines += [
        "",
        "## Cite",
        "",
        "```text",
        f"pakru {pakru.__version__}: Pakistan–Russia security dialogues, meetings and agreements,",
        "as typed, source-backed records. Data CC-BY-4.0.",
        "```",
        "",
        "## Timeline",
        "",
        "Dates are the interval of days the sources allow: a single day when a source",
        "fixes it, otherwise a range. Planned meetings are marked **planned**.",
        "",
        *timeline_table(idx, page, list(idx.ds.records)),
        "",
    ]
    return "\n".join(lines)


def series_index(idx: Index) -> str:
    """All dialogue series with their meetings."""
    page = "series.md"
    lines = ["# Series", ""]
    series = [b for b in idx.ds.bodies if b.kind == "dialogue-series"]
    if not series:
        lines.append("No dialogue series on record yet.")
    for b in series:
        lines += [f"## {esc(b.name)}", "", idx.link(page, b.id, b.id), ""]
        lines += [*series_table(idx, page, b), ""]
    return "\n".join(lines) + "\n"


# ---------------------------------------------------------------- reference


def type_md(annotation: Any) -> str:  # noqa: PLR0911 - one return per kind of type
    """A field type for readers, linking to sub-models on the same page."""
    if annotation == CountryCode:
        return "country code"
    origin = get_origin(annotation)
    if origin is Annotated:
        args = get_args(annotation)
        ref = next((m for m in annotation.__metadata__ if isinstance(m, RefTarget)), None)
        if ref is not None:
            return "id of " + " or ".join(ref.kinds)
        return type_md(args[0])
    if origin in (Union, types.UnionType):
        parts = [type_md(a) for a in get_args(annotation) if a is not type(None)]
        nullable = type(None) in get_args(annotation)
        return " or ".join(parts) + (" or null" if nullable else "")
    if origin is tuple:
        return f"list of {type_md(get_args(annotation)[0])}"
    if origin is Literal:
        return " \\| ".join(f"`{v}`" for v in get_args(annotation))
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return f"[{annotation.__name__}](#{annotation.__name__.lower()})"
    names = {str: "text", int: "integer", bool: "boolean", dt.date: "date (YYYY-MM-DD)"}
    return names.get(annotation, getattr(annotation, "__name__", str(annotation)))


def submodels(annotation: Any) -> Iterator[type[BaseModel]]:
    """Models named anywhere inside an annotation."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        yield annotation
    for arg in get_args(annotation):
        yield from submodels(arg)


def schema_page(json_files: Mapping[str, str]) -> str:
    """Fields, types and descriptions of every model, from the models themselves."""
    models: list[type[BaseModel]] = [t.model for t in RECORD_TYPES.values()]
    seen: set[type[BaseModel]] = set()
    ordered: list[type[BaseModel]] = []
    while models:
        model = models.pop(0)
        if model in seen:
            continue
        seen.add(model)
        ordered.append(model)
        for info in model.model_fields.values():
            models.extend(submodels(info.annotation))
    lines = [
        "# Schema reference",
        "",
        "Generated from the pydantic models in `pakru.schema`. JSON Schema files:",
        "",
        *[f"- [{name}](schema/{name})" for name in sorted(json_files)],
        "",
    ]
    for model in ordered:
        doc = (model.__doc__ or "").split("\n\n")[0]
        lines += [f"## {model.__name__} {{#{model.__name__.lower()}}}", "", prose(doc), ""]
        lines += ["| Field | Type | Required | Description |", "|---|---|---|---|"]
        own = list(model.model_fields)
        head = [n for n in ("type", "id") if n in own]
        for name in [*head, *(n for n in own if n not in head)]:
            info = model.model_fields[name]
            kind = "id" if name == "id" else type_md(info.annotation)
            required = "yes" if info.is_required() else f"no (default {default_md(info.default)})"
            description = cell(prose(info.description or ""))
            lines.append(f"| `{name}` | {cell(kind)} | {cell(required)} | {description} |")
        lines.append("")
    return "\n".join(lines)


def rules_page() -> str:
    """Every validator rule, from the registry."""
    from pakru.validate import rules as _rules  # noqa: F401, PLC0415 - registers the rules
    from pakru.validate.registry import RULES  # noqa: PLC0415

    lines = [
        "# Validator rules",
        "",
        f"`pakru validate` knows {len(RULES)} rules. Select or skip them with "
        "`--select` and `--ignore` (ids or prefixes).",
        "",
    ]
    themes: dict[str, list[Any]] = defaultdict(list)
    for r in sorted(RULES.values(), key=lambda r: r.id):
        themes[r.theme].append(r)
    for theme, rules in themes.items():
        lines += [f"## {theme}", "", "| Rule | Severity | What it checks |", "|---|---|---|"]
        lines += [f"| `{r.id}` | {r.severity} | {cell(prose(r.summary))} |" for r in rules]
        lines.append("")
        for r in rules:
            rest = r.doc.split("\n", 1)[1].strip() if "\n" in r.doc else ""
            if rest:
                lines += [f"**`{r.id}`**: {prose(r.summary)}", "", prose(rest), ""]
    return "\n".join(lines)


def coverage_page(idx: Index) -> str:
    """Per source, every sentence that mentions the dataset and the records citing it."""
    from pakru.coverage import coverage  # noqa: PLC0415

    page = "coverage.md"
    lines = [
        "# Coverage",
        "",
        "Every sentence of every report that mentions a meeting, agreement, event, person or "
        "body, and the records that quote it — so a reviewer can see that nothing was skipped. "
        "Generated by `pakru coverage`; a sentence marked **uncited** mentions something no "
        "record quotes.",
        "",
    ]
    for report in coverage(idx.ds):
        mentioning = report.mentioning
        uncited = sum(1 for s in mentioning if s.uncited)
        lines += [
            f"## {idx.link(page, report.source)}",
            "",
            f"{len(mentioning)} of {len(report.sentences)} sentences mention the dataset; "
            f"{uncited} uncited.",
            "",
            "| # | Sentence | Cited by |",
            "|---|---|---|",
        ]
        for sentence in mentioning:
            cited = ", ".join(idx.link(page, rid, rid) for rid in sentence.cited_by)
            lines.append(f"| {sentence.index} | {cell(sentence.text)} | {cited or '**uncited**'} |")
        lines.append("")
    return "\n".join(lines)


def exports(ds_folder: str | None) -> tuple[Pages, list[str]]:
    """Run ``pakru export`` for every format into ``downloads/``; the files and the page lines."""
    files: Pages = {}
    lines: list[str] = []
    for fmt in EXPORT_FORMATS:
        with tempfile.TemporaryDirectory() as tmp:
            out = Path(tmp) / fmt
            command = [sys.executable, "-m", "pakru", "export", "--format", fmt, "--out", str(out)]
            if ds_folder:
                command.append(ds_folder)
            done = subprocess.run(command, capture_output=True, text=True, check=False)  # noqa: S603
            # hidden files (the export's .pakru-export list) are not downloads
            made = (
                sorted(p for p in out.rglob("*") if p.is_file() and not p.name.startswith("."))
                if out.exists()
                else []
            )
            if done.returncode != 0 or not made:
                lines.append(f"- **{fmt}**: not available in this build.")
                continue
            links = []
            for path in made:
                name = f"downloads/{fmt}/{path.relative_to(out).as_posix()}"
                files[name] = path.read_bytes()
                size = path.stat().st_size
                links.append(f"[{path.relative_to(out).as_posix()}]({rel('downloads.md', name)})")
                links[-1] += f" ({size:,} bytes)"
            lines.append(f"- **{fmt}**: " + ", ".join(links))
    return files, lines


def downloads_page(idx: Index, export_lines: list[str], json_files: Mapping[str, str]) -> str:
    """The downloads page: every export format, the raw records, the JSON Schema files."""
    page = "downloads.md"
    return "\n".join(
        [
            "# Downloads",
            "",
            f"Built from {len(idx.ds)} records with pakru {pakru.__version__}.",
            "",
            "## Exports",
            "",
            "Made by `pakru export --format FORMAT --out DIR` when the site was built.",
            "",
            *export_lines,
            "",
            "## Records as JSON",
            "",
            f"- [records.json]({rel(page, 'downloads/records.json')}): every record as the "
            "models dump it.",
            "",
            "## JSON Schema",
            "",
            *[f"- [{n}]({rel(page, 'reference/schema/' + n)})" for n in sorted(json_files)],
            "",
        ]
    )


# ---------------------------------------------------------------- all pages


def pages(ds: Dataset, *, run_exports: bool = True, records_folder: str | None = None) -> Pages:
    """Every generated file of the site: path under docs → content."""
    from pakru.schema import jsonschema  # noqa: PLC0415

    idx = Index(ds)
    out: Pages = {}
    for record in ds.records:
        out[page_of(record)] = record_page(idx, record)
    for kind in KIND_ORDER:
        out[index_of(kind)] = kind_index(idx, kind)
    out["series.md"] = series_index(idx)
    json_files = {n: jsonschema.render(d) for n, d in jsonschema.schemas().items()}
    for name, text in json_files.items():
        out[f"reference/schema/{name}"] = text
    out["reference/schema.md"] = schema_page(json_files)
    out["reference/rules.md"] = rules_page()
    out["coverage.md"] = coverage_page(idx)
    export_files, export_lines = exports(records_folder) if run_exports else ({}, [])
    out.update(export_files)
    dump = [r.model_dump_json() for r in ds.records]
    out["downloads/records.json"] = "[\n" + ",\n".join(dump) + "\n]\n"
    out["downloads.md"] = downloads_page(idx, export_lines, json_files)
    out["index.md+"] = home(idx)
    return out


def main() -> None:
    """Write the pages through mkdocs-gen-files."""
    import mkdocs_gen_files  # noqa: PLC0415 - only present when mkdocs runs this

    ds = load_dataset()
    for name, content in pages(ds, records_folder=os.environ.get(RECORDS_ENV)).items():
        if name.endswith("+"):
            with mkdocs_gen_files.open(name[:-1], "a", encoding="utf-8") as f:
                f.write(str(content))
        elif isinstance(content, bytes):
            with mkdocs_gen_files.open(name, "wb") as fb:
                fb.write(content)
        else:
            with mkdocs_gen_files.open(name, "w", encoding="utf-8") as f:
                f.write(content)


# mkdocs-gen-files runs this file with runpy.run_path; run directly, it would write into docs/.
if __name__ == "<run_path>":
    main()
