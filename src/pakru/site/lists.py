"""List pages: each record kind, the home page's additions, coverage."""

import json

import pakru
from pakru.coverage import SourceCoverage
from pakru.dataset import dated_kinds
from pakru.export.citation import citation
from pakru.schema import Agreement, Body, Conflict, Event, Meeting, Record
from pakru.site import pictures
from pakru.site.context import Site
from pakru.site.markup import NOT_SEARCHED, esc, filterable, front_matter, table
from pakru.site.paths import index_of, rel
from pakru.site.records import conflict_name, sides
from pakru.site.series import status_cell
from pakru.site.words import date_words, label, place_words, status_words, type_and_kind

KIND_TITLES = {
    "meeting": "Meetings",
    "agreement": "Agreements",
    "event": "Events",
    "person": "People",
    "body": "Bodies and series",
    "source": "Sources",
    "conflict": "Conflicts",
}
"""Record kind → the heading of its list page (the nav in mkdocs.yml uses the same words)."""

Dated = Meeting | Agreement | Event


def timeline_rows(site: Site, page: str, records: list[Dated]) -> list[str]:
    """Records as a table in the order given: date in words, what, kind, status, place."""
    if not records:
        return ["Nothing in the dataset yet.", ""]
    rows = [
        [
            esc(date_words(r.date)),
            site.link(page, r.id),
            esc(type_and_kind(r)),
            status_cell(site, page, r)
            if isinstance(r, Meeting)
            else ("**planned**" if r.status == "planned" else status_words(r.status)),
            esc(place_words(r.location)) if isinstance(r, Meeting | Event) else "",
        ]
        for r in records
        if not (isinstance(r, Meeting) and r.status == "planned" and site.ds.realised_by(r.id))
    ]
    return table(
        ["Date", "What", "Kind", "Status", "Place"],
        rows,
        sortable=True,
        in_order=("Date",),
        searched=False,
    )


def kind_index(site: Site, kind: str) -> str:
    """The list page of one record kind."""
    page = index_of(kind)
    records: list[Record] = [r for r in site.ds.records if r.type == kind]
    counted = f"{KIND_TITLES[kind]} in the dataset: {len(records)} records."
    if kind == "meeting":
        held = sum(1 for r in records if getattr(r, "status", None) == "held")
        counted = f"Meetings in the dataset: {held} held; {len(records) - held} planned "
        counted += "(announced, shown with the meeting "
        counted += "that carried them out when a report shows one)."
    lines = [f"# {KIND_TITLES[kind]}", "", counted, ""]
    if kind in dated_kinds():
        lines += timeline_rows(site, page, list(site.ds.timeline(kind)))
    elif kind == "conflict":
        lines += _conflicts(site, page, [c for c in records if isinstance(c, Conflict)])
    elif kind == "body":
        rows = []
        for b in records:
            assert isinstance(b, Body)
            count = (
                sum(1 for m in site.ds.series(b.id) if m.status == "held")
                if b.kind == "dialogue-series"
                else 0
            )
            rows.append([site.link(page, b.id), esc(b.kind.replace("-", " ")), str(count or "")])
        lines += table(["Name", "Kind", "Meetings held"], rows, sortable=True, searched=False)
    else:
        lines += filterable([f"- {site.link(page, r.id)}" for r in sorted(records, key=label)])
    return "\n".join(lines) + "\n"


CONFLICT_SECTIONS = {
    "disagreement": (
        "Disagreements",
        "Sources that say different things about one fact. The records keep what each source "
        "says, and the page of each conflict shows the quotes side by side.",
    ),
    "possible-identity": (
        "Possible identities",
        "Records that may describe one thing under two names. The records are kept apart "
        "because no report says they are one; the page of each case shows why they might be.",
    ),
}
"""Conflict kind → the heading of its section on the Conflicts page and what it holds."""


def _conflicts(site: Site, page: str, conflicts: list[Conflict]) -> list[str]:
    """The Conflicts page's body: an introduction, then one section per kind of conflict."""
    lines = [
        "Where the sources disagree, or where two records might be one, the dataset says so "
        "in a conflict record instead of choosing quietly. Each entry names the records it "
        "weighs against each other and links to its page, which quotes every side.",
        "",
    ]
    for kind, (heading, about) in CONFLICT_SECTIONS.items():
        found = [c for c in conflicts if c.kind == kind]
        lines += [f"## {heading}", "", about, ""]
        if not found:
            lines += [f"None in the dataset: no {heading.lower()} are recorded.", ""]
        for c in found:
            lines += [
                f"### {esc(conflict_name(site, c))}",
                "",
                f"{esc(c.subject)} · {site.link(page, c.id, 'the case and its quotes')}",
                "",
                *sides(site, page, c),
            ]
    return lines


def home(site: Site, *, site_url: str) -> str:
    """What the generator adds to the hand-written home page."""
    page = "index.md"
    cited = citation()
    rows = [
        [
            f"[{KIND_TITLES[k]}]({rel(page, index_of(k))})",
            str(sum(1 for r in site.ds.records if r.type == k)),
        ]
        for k in KIND_TITLES
    ]
    everything = [  # a plan a held meeting carried out is drawn and listed with that meeting
        r
        for r in site.ds.timeline()
        if not (isinstance(r, Meeting) and r.status == "planned" and site.ds.realised_by(r.id))
    ]
    lines = ["", "## The dataset in numbers", "", *table(["Records", "Count"], rows)]
    series = [b for b in site.ds.bodies if b.kind == "dialogue-series"]
    if series:
        named = site.links(page, [b.id for b in series])
        said = f"Dialogue series: {named}."
        lines += [f'<p class="pk-series" {NOT_SEARCHED} markdown="span">{said}</p>', ""]
    codes = sorted({a.code for a in site.acts})
    groups = len({a.group_id for a in site.acts})  # site.acts are directed rows
    lines += [
        f"The records state {groups} acts — who did what to whom — as {len(site.acts)} "
        "directed rows (a two-sided act is two, one each way), coded with "
        f"{len(codes)} CAMEO event codes by the [codebook]({rel(page, 'codebook/index.md')}).",
        "",
    ]
    lines += [
        "## How to cite",
        "",
        f"pakru data version {site.ds.version or 'unversioned'} (package {pakru.__version__}); "
        "data licence CC BY 4.0. APA:",
        "",
        "```text",
        cited.apa(),
        "```",
        "",
        "BibTeX:",
        "",
        "```bibtex",
        cited.bibtex().rstrip("\n"),
        "```",
        "",
        "Both are generated from `CITATION.cff`, which the package ships for citation "
        "managers; the "
        "[versioning page](versioning.md) says what each version number means.",
        "",
        "## Timeline",
        "",
        "Each date is the span of days the sources allow: a single day when a report fixes it,",
        "otherwise a month, a year or a range, said in words. Records are ordered by the earliest",
        "day they allow, so anything that could be earlier than every other record",
        "(“on or before …”) comes first; records whose date is not known come last.",
        "",
        pictures.timeline_chart(
            site, page, everything, "Every meeting, agreement and event in time"
        ),
        "",
        *timeline_rows(site, page, everything),
        "## Map",
        "",
        pictures.meeting_map(site, page),
        "",
        json_ld(site, site_url=site_url),
        "",
    ]
    return "\n".join(lines)


_JSON_IN_HTML = str.maketrans({"<": "\\u003c", ">": "\\u003e", "&": "\\u0026"})
"""JSON string escapes for the characters HTML reads inside a script element."""


def json_ld(site: Site, *, site_url: str) -> str:
    """The schema.org ``Dataset`` description of the home page, as a JSON-LD script."""
    data = {
        "@context": "https://schema.org",
        "@type": "Dataset",
        "name": "pakru: Pakistan–Russia security dialogues",
        "description": "Meetings, agreements and events of Pakistan–Russia security relations, "
        "as typed records, each fact with the verbatim quote it rests on.",
        "url": site_url,
        "version": site.ds.version or pakru.__version__,
        "license": "https://creativecommons.org/licenses/by/4.0/",
        "isAccessibleForFree": True,
        "keywords": ["Pakistan", "Russia", "security", "diplomacy", "events"],
        "distribution": [
            {"@type": "DataDownload", "encodingFormat": fmt, "contentUrl": f"{site_url}downloads/"}
            for fmt in ("application/json", "text/csv", "application/vnd.sqlite3")
        ],
    }
    # no "<", ">" or "&" in the script's text: nothing in it can close the element or
    # open a comment, whatever the values hold
    body = json.dumps(data, ensure_ascii=False).translate(_JSON_IN_HTML)
    return f'<script type="application/ld+json">{body}</script>'


COVERAGE_SOURCES = 100
"""Sources per coverage page. Python-Markdown's time for a page grows with its HTML blocks
times its length, so one page of every source (7 MB at 10,000 records) would cost a
quarter of a minute and not load on a phone; past this many sources the page continues on
numbered pages (``coverage/2.md``, ...), each linking to every other."""


def coverage_pages(site: Site) -> dict[str, str]:
    """Per source, every sentence that mentions the dataset and the records citing it:
    ``coverage.md``, and ``coverage/N.md`` for the sources past the first page's."""
    reports = list(site.coverage.values())
    chunks = [
        reports[at : at + COVERAGE_SOURCES] for at in range(0, len(reports), COVERAGE_SOURCES)
    ] or [[]]
    names = ["coverage.md"] + [f"coverage/{n}.md" for n in range(2, len(chunks) + 1)]
    return {
        name: _coverage_page(site, name, chunk, number, names)
        for number, (name, chunk) in enumerate(zip(names, chunks, strict=True), 1)
    }


def _coverage_page(
    site: Site, page: str, reports: list[SourceCoverage], number: int, names: list[str]
) -> str:
    # the pages past the first stay out of Material's full-text index (built in the reader's
    # browser), which so holds at most one page of sources whatever the dataset's size
    first = number == 1
    title = "Coverage" if first else f"Coverage, page {number} of {len(names)}"
    lines = [
        ("" if first else front_matter(title, f"{title}: sentences and records", searched=False))
        + f"# {title}",
        "",
        "Every sentence of every report that mentions a meeting, agreement, event, person or "
        "body, and the records that quote it — so a reviewer can see that nothing was skipped. "
        "A sentence marked **not quoted** mentions something no record quotes. Sentences are "
        "split the same way on the source pages.",
        "",
    ]
    if len(names) > 1:
        pages = [
            f"**{n}**" if n == number else f"[{n}]({rel(page, name)})"
            for n, name in enumerate(names, 1)
        ]
        per = f"{COVERAGE_SOURCES} sources a page"
        lines += [f"Pages ({per}): " + " · ".join(pages), ""]
    for report in reports:
        mentioning = report.mentioning
        uncited = sum(1 for s in mentioning if s.uncited)
        used = sum(1 for s in report.sentences if set(s.cited_by) - {report.source})
        lines += [
            f"## {site.link(page, report.source)}",
            "",
            f'<p class="pk-sentences">Sentences quoted by the records: <span class="pk-used">{used}'
            f'</span> of <span class="pk-total">{len(report.sentences)}</span>. '
            f"{len(mentioning)} mention the dataset; {uncited} of those are not quoted.</p>",
            "",
        ]
        rows = [
            [
                str(s.index),
                esc(s.text),
                ", ".join(site.link(page, rid) for rid in s.cited_by if rid != report.source)
                or "**not quoted**",
            ]
            for s in mentioning
        ]
        lines += table(["No.", "Sentence", "Quoted by"], rows, searched=False)
    return "\n".join(lines)
