"""The analysis page: counts by year and month, who met whom, records resting on one source.

Every figure is what :mod:`pakru.export.analysis` returns — the functions an
analyst calls, and the rules the SQLite export's analysis views apply — so
the page, the library and the database agree.
"""

from pakru.export.analysis import (
    PERIODS,
    co_participation,
    counts_by_period,
    single_source,
)
from pakru.site.context import Site
from pakru.site.markup import esc, table
from pakru.site.words import label

PAGE = "analysis.md"

KINDS = (("meeting", "Meetings"), ("agreement", "Agreements"), ("event", "Events"))


def _name(site: Site, record_id: str) -> str:
    return esc(label(site.ds.get(record_id))) if record_id in site.ds else esc(record_id)


def _counts(site: Site) -> list[str]:
    lines = [
        "## Counts by year and month",
        "",
        "A record counts in a year (or month) only when every day its date allows falls in "
        "that year (or month): a meeting dated *some time in 2019* counts in 2019 but in no "
        "month, and one dated *on or before 3 March 2018* in neither. Those that cannot be "
        "placed are counted apart, never put in January. In Python: "
        '`pakru.export.analysis.counts_by_period(ds, "year")`; in the SQLite export: the '
        "views `counts_by_year` and `counts_by_month`.",
        "",
    ]
    for kind, title in KINDS:
        for period in PERIODS:
            counts = counts_by_period(site.ds, period, kind=kind)
            if not counts.total:
                continue
            rows = [[esc(p), str(n)] for p, n in counts.counts.items()]
            rows.append([f"not placed in one {period}", str(len(counts.unplaced))])
            lines += [
                *table(
                    [period.capitalize(), title],
                    rows,
                    caption=f"{title} by {period} ({counts.total} in all)",
                ),
                "",
            ]
            if counts.unplaced:
                names = site.links(PAGE, counts.unplaced)
                lines += [f"Not placed in one {period}: {names}.", ""]
    return lines


def _pairs(site: Site) -> list[str]:
    pairs = co_participation(site.ds)
    lines = [
        "## Who met whom",
        "",
        "Every pair of participants (people or bodies) recorded at the same held meeting, "
        "most meetings first. In Python: `pakru.export.analysis.co_participation(ds)`; in the "
        "SQLite export: the view `co_participation`.",
        "",
    ]
    if not pairs:
        return [*lines, "No held meeting records two participants yet.", ""]
    rows = [
        [
            _name(site, p.first),
            _name(site, p.second),
            site.links(PAGE, p.meetings),
        ]
        for p in pairs
    ]
    head = ["Participant", "Met", "At"]
    return [*lines, *table(head, rows, caption="Who met whom", searched=False), ""]


def _single(site: Site) -> list[str]:
    facts = single_source(site.ds)
    lines = [
        "## Records resting on a single source",
        "",
        "Records whose every quote comes from one report: a second report would confirm "
        "them. In Python: `pakru.export.analysis.single_source(ds)`; in the SQLite export: "
        "the view `single_source_records`.",
        "",
    ]
    if not facts:
        return [*lines, "Every record with evidence quotes two reports or more.", ""]
    rows = [[site.link(PAGE, f.record), esc(f.type), site.link(PAGE, f.source)] for f in facts]
    return [
        *lines,
        f"{len(facts)} records.",
        "",
        *table(
            ["Record", "Type", "Its one source"],
            rows,
            caption="Records resting on one source",
            searched=False,
        ),
        "",
    ]


def analysis_page(site: Site) -> str:
    """The analysis page's Markdown."""
    lines = [
        "# Analysis",
        "",
        "The questions every analyst asks of these records, answered with precision in mind, "
        "by the same functions the Python library offers and the same rules the SQLite "
        "export's views apply.",
        "",
        *_counts(site),
        *_pairs(site),
        *_single(site),
    ]
    return "\n".join(lines).rstrip("\n") + "\n"
