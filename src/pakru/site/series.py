"""Dialogue series: numbered meetings, the numbers this dataset does not hold, a time strip."""

from collections.abc import Iterable

from pakru.schema import Body, Meeting
from pakru.site import pictures
from pakru.site.context import Site
from pakru.site.markup import esc, table
from pakru.site.words import date_words, place_words, status_words


def missing_ranges(ordinals: Iterable[int]) -> list[tuple[int, int]]:
    """Runs of numbers from 1 to the highest held that no record has: ``[(1, 6), (8, 8)]``."""
    present = set(ordinals)
    runs: list[tuple[int, int]] = []
    for n in range(1, max(present, default=0) + 1):
        if n in present:
            continue
        if runs and runs[-1][1] == n - 1:
            runs[-1] = (runs[-1][0], n)
        else:
            runs.append((n, n))
    return runs


def span(first: int, last: int) -> str:
    """``7`` or ``1–11``."""
    return str(first) if first == last else f"{first}–{last}"


def series_section(site: Site, page: str, series: Body) -> list[str]:
    """The meetings of a series by number, with the numbers not held here stated as ranges."""
    meetings = site.ds.series(series.id)
    lines = ["## Meetings of the series", ""]
    if not meetings:
        return [*lines, "No meetings of this series are in the dataset.", ""]
    numbered = [m for m in meetings if m.ordinal is not None]
    missing = missing_ranges(m.ordinal for m in numbered if m.ordinal is not None)
    lines += [f"Meetings in this dataset: {len(meetings)}."]
    if missing:
        said = ", ".join(f"{'meeting' if a == b else 'meetings'} {span(a, b)}" for a, b in missing)
        lines.append(f"Not in this dataset: {said} (the reports do not describe them).")
    lines += ["", pictures.series_strip(site, page, meetings), ""]
    rows: list[tuple[int, list[str]]] = [(m.ordinal or 0, _row(site, page, m)) for m in numbered]
    rows += [(a, [span(a, b), "*not in this dataset*", "", "", ""]) for a, b in missing]
    ordered = [row for _, row in sorted(rows, key=lambda item: item[0])]
    ordered += [_row(site, page, m) for m in meetings if m.ordinal is None]
    head = ["No.", "Meeting", "Status", "Date", "Place"]
    return [*lines, *table(head, ordered), ""]


def _row(site: Site, page: str, meeting: Meeting) -> list[str]:
    status = "**planned**" if meeting.status == "planned" else status_words(meeting.status)
    return [
        str(meeting.ordinal) if meeting.ordinal is not None else "not numbered",
        site.link(page, meeting.id),
        status,
        esc(date_words(meeting.date)),
        esc(place_words(meeting.location)),
    ]


def series_index(site: Site) -> str:
    """The page listing every dialogue series with its meetings."""
    page = "series.md"
    lines = ["# Series", ""]
    series = [b for b in site.ds.bodies if b.kind == "dialogue-series"]
    if not series:
        lines.append("No dialogue series in the dataset yet.")
    for b in series:
        lines += [f"## {esc(b.name)}", "", f"Series page: {site.link(page, b.id)}", ""]
        lines += [
            line.replace("## Meetings of the series", "") for line in series_section(site, page, b)
        ]
    return "\n".join(lines) + "\n"
