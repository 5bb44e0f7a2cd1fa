"""Dialogue series: numbered meetings, the numbers this dataset does not hold, a time strip."""

from collections.abc import Iterable

from pakru.dataset import Dataset
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


def _nth(number: int) -> str:
    """``7`` → "7th", ``22`` → "22nd"."""
    ends = {1: "st", 2: "nd", 3: "rd"}
    suffix = "th" if 10 <= number % 100 <= 20 else ends.get(number % 10, "th")
    return f"{number}{suffix}"


def plan_words(ds: Dataset, meeting: Meeting) -> str | None:
    """A held meeting with the plan it carried out, in words; None when it realises none.

    "announced at the 7th for Moscow, some time in 2019 → held on 5 May 2021 in Islamabad".
    """
    if meeting.realises is None or meeting.realises not in ds:
        return None
    plan = ds.get(meeting.realises)
    if not isinstance(plan, Meeting):
        return None
    at = ""
    if plan.announced_at is not None and plan.announced_at in ds:
        before = ds.get(plan.announced_at)
        if isinstance(before, Meeting) and before.ordinal is not None:
            at = f" at the {_nth(before.ordinal)}"
        elif isinstance(before, Meeting):
            at = f" at {before.title}"
    planned = ", ".join(
        part
        for part in (plan.location.city, date_words(plan.date) if plan.date.earliest else None)
        if part
    )
    held = date_words(meeting.date)
    if held == "date not known":
        held = "(date not known)"
    elif not held.startswith(("on ", "some ", "between ")):
        held = f"on {held}"
    where = f" in {meeting.location.city}" if meeting.location.city else ""
    return f"announced{at}{f' for {planned}' if planned else ''} → held {held}{where}"


def status_cell(site: Site, page: str, meeting: Meeting) -> str:
    """A meeting's status as a table shows it; one that carried out a plan names the plan."""
    status = "**planned**" if meeting.status == "planned" else status_words(meeting.status)
    plan = plan_words(site.ds, meeting)
    if plan is None or meeting.realises is None:
        return status
    return f"{status}: {esc(plan)} (the plan: {site.link(page, meeting.realises)})"


def shown(ds: Dataset, meetings: Iterable[Meeting]) -> list[Meeting]:
    """The meetings to list and count: a plan a held meeting carried out is shown in its row."""
    return [m for m in meetings if not (m.status == "planned" and ds.realised_by(m.id))]


def series_section(site: Site, page: str, series: Body) -> list[str]:
    """The meetings of a series by number, with the numbers not held here stated as ranges."""
    meetings = shown(site.ds, site.ds.series(series.id))
    lines = ["## Meetings of the series", ""]
    if not meetings:
        return [*lines, "No meetings of this series are in the dataset.", ""]
    numbered = [m for m in meetings if m.ordinal is not None]
    missing = missing_ranges(m.ordinal for m in numbered if m.ordinal is not None)
    held = [m for m in meetings if m.status != "planned"]
    planned = len(meetings) - len(held)
    lines += [
        f"Meetings held in this dataset: {len(held)}"
        + (f"; planned, not reported held: {planned}." if planned else ".")
    ]
    if missing:
        said = ", ".join(f"{'meeting' if a == b else 'meetings'} {span(a, b)}" for a, b in missing)
        lines.append(f"Not in this dataset: {said} (the reports do not describe them).")
    lines += ["", pictures.series_strip(site, page, meetings, series.name), ""]
    rows: list[tuple[int, list[str]]] = [(m.ordinal or 0, _row(site, page, m)) for m in numbered]
    rows += [(a, [span(a, b), "*not in this dataset*", "", "", ""]) for a, b in missing]
    ordered = [row for _, row in sorted(rows, key=lambda item: item[0])]
    ordered += [_row(site, page, m) for m in meetings if m.ordinal is None]
    head = ["No.", "Meeting", "Status", "Date", "Place"]
    return [*lines, *table(head, ordered, searched=False), ""]


def _row(site: Site, page: str, meeting: Meeting) -> list[str]:
    return [
        str(meeting.ordinal) if meeting.ordinal is not None else "not numbered",
        site.link(page, meeting.id),
        status_cell(site, page, meeting),
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
