"""Pictures drawn at build time as inline SVG: time strips, the timeline, a map.

Why hand-written SVG rather than a charting library: the pictures are
simple (bars on a time axis, points on a map), the site must build and work
offline (no CDN script, no tiles), inline SVG inherits the site's colours and
dark mode from CSS, its links are ordinary links a screen reader and the
link checker follow, and it adds no dependency. Vega-Lite through altair
would need its JavaScript runtime in the page to draw anything.
"""

import datetime as dt
import html
import math
from collections.abc import Sequence
from dataclasses import dataclass

from pakru.schema import Agreement, DateInterval, Event, Location, Meeting
from pakru.site.context import Site
from pakru.site.markup import NOT_SEARCHED
from pakru.site.paths import page_of
from pakru.site.words import date_words, label, place_words

Dated = Meeting | Agreement | Event

WIDTH = 720
LABEL = 250
"""Width of the label column; bars use the rest."""
ROW = 22
TOP = 30
PHONE_WIDTH = 360
"""The chart drawn for phones: each label on its own line above its bar, no side scrolling."""
PHONE_ROW = 36
PHONE_LABEL_CHARS = 52


@dataclass(frozen=True)
class Axis:
    """Maps days to x positions between two 1 January boundaries, from ``left`` to ``right``."""

    first: dt.date
    last: dt.date
    left: float = LABEL
    right: float = WIDTH - 10

    def x(self, day: dt.date) -> float:
        """Where ``day`` sits on the axis."""
        total = (self.last - self.first).days or 1
        return self.left + (self.right - self.left) * (day - self.first).days / total

    def ticks(self) -> list[dt.date]:
        """1 January of each year, thinned so that year labels stay ``TICK_GAP`` apart."""
        years = list(range(self.first.year, self.last.year + 1))
        per_year = (self.right - self.left) / max(1, len(years) - 1)
        step = max(1, math.ceil(TICK_GAP / per_year))
        return [dt.date(y, 1, 1) for y in years[::step]]


TICK_GAP = 44
"""Least distance between two year labels on the axis (a label is about 28 wide at 12 px)."""
TICK_LABEL = 30
"""Room a year label takes right of its line; a line with less room before the edge (the
axis' end, 1 January after the last year) is drawn without a label."""
OPEN_STUB = 28
"""Length of the bar drawn for an interval open at one end: it ends (or starts) where the
sources fix it and points, with an arrow, the way it is open; it never reaches the axis' end,
so "on or before 2018" does not read as a span from the axis' first year."""


def _axis(dates: Sequence[DateInterval]) -> Axis | None:
    days = [d for date in dates for d in (date.earliest, date.latest) if d is not None]
    if not days:
        return None
    return Axis(dt.date(min(days).year, 1, 1), dt.date(max(days).year + 1, 1, 1))


def _shape(axis: Axis, date: DateInterval, mid: float, cls: str) -> str:
    """A point for one day, a bar for an interval, a dashed open bar for an open interval."""
    first, last = date.earliest, date.latest
    if first is None and last is None:
        return f'<text x="{axis.left + 4}" y="{mid + 4}" class="pk-unknown">date not known</text>'
    if first is not None and first == last:
        return f'<circle cx="{axis.x(first):.1f}" cy="{mid}" r="5" class="pk-point {cls}"/>'
    if first is None or last is None:
        return _open_bar(axis, first, last, mid, cls)
    start, end = axis.x(first), axis.x(last + dt.timedelta(days=1))
    width = max(end - start, 4)
    return (
        f'<rect x="{start:.1f}" y="{mid - 5}" width="{width:.1f}" height="10" rx="2" '
        f'class="pk-bar {cls}"/>'
    )


def _open_bar(axis: Axis, first: dt.date | None, last: dt.date | None, mid: float, cls: str) -> str:
    """A short dashed stub from the known end of an open interval, with an arrow pointing
    the way it is open (left: "on or before"; right: "on or after")."""
    if last is not None:  # on or before ``last``
        end = axis.x(last + dt.timedelta(days=1))
        start = max(axis.left + 8, end - OPEN_STUB)
        tip, back = start - 7, start
    else:
        assert first is not None
        start = axis.x(first)
        end = min(axis.right - 8, start + OPEN_STUB)
        tip, back = end + 7, end
    width = max(end - start, 4)
    arrow = f"{back:.1f},{mid - 6} {tip:.1f},{mid} {back:.1f},{mid + 6}"
    return (
        f'<rect x="{start:.1f}" y="{mid - 5}" width="{width:.1f}" height="10" rx="2" '
        f'class="pk-bar {cls} pk-open"/><polygon points="{arrow}" class="pk-arrow {cls}"/>'
    )


def _short(name: str, most: int) -> str:
    return name if len(name) <= most else name[: most - 2] + "…"


def _row(site: Site, page: str, axis: Axis, record: Dated, y: float, *, phone: bool = False) -> str:
    """One record: its label (left of the bar, or above it on a phone) and its shape."""
    name = label(record)
    href = html.escape(site.raw_url(page, page_of(record)))
    tip = html.escape(f"{name}: {date_words(record.date)}, {record.status}")
    if phone:
        text_y, mid, short = y + 13, y + 24, _short(name, PHONE_LABEL_CHARS)
    else:
        text_y, mid, short = y + ROW / 2 + 4, y + ROW / 2, _short(name, 36)
    return (
        f'<g class="pk-row"><title>{tip}</title>'
        f'<a href="{href}"><text x="{0 if not phone else axis.left:.0f}" y="{text_y}" '
        f'class="pk-label">{html.escape(short)}</text></a>'
        f"{_shape(axis, record.date, mid, 'pk-' + record.status)}</g>"
    )


def _grid(axis: Axis, height: float) -> str:
    parts = []
    for tick in axis.ticks():
        x = axis.x(tick)
        parts.append(
            f'<line x1="{x:.1f}" y1="{TOP - 8}" x2="{x:.1f}" y2="{height}" class="pk-grid"/>'
        )
        if x <= axis.right + 10 - TICK_LABEL:  # no label cut off at the right edge
            parts.append(f'<text x="{x + 2:.1f}" y="{TOP - 12}" class="pk-tick">{tick.year}</text>')
    return "".join(parts)


def _legend() -> str:
    return (
        '<p class="pk-legend">Dots are single days; bars are the span of days the sources allow; '
        "a short dashed bar with an arrow is open at one end: it ends at the day the sources fix "
        "and the arrow points the way the date is open (“on or before” a report's date points "
        "left, to any earlier day); "
        "hollow shapes are planned, not held; “date not known” rows have no place on the axis.</p>"
    )


def _svg(
    site: Site, page: str, axis: Axis, records: Sequence[Dated], caption: str, *, phone: bool
) -> str:
    step = PHONE_ROW if phone else ROW
    width = PHONE_WIDTH if phone else WIDTH
    height = TOP + step * len(records) + 6
    rows = "".join(
        _row(site, page, axis, r, TOP + i * step, phone=phone) for i, r in enumerate(records)
    )
    kind = "pk-chart pk-phone" if phone else "pk-chart"
    return (
        f'<svg class="{kind}" viewBox="0 0 {width} {height}" width="{width}" '
        f'aria-label="{html.escape(caption)}"><title>{html.escape(caption)}</title>'
        f"{_grid(axis, height)}{rows}</svg>"
    )


def timeline_chart(
    site: Site, page: str, records: Sequence[Dated], caption: str, *, latest: bool = False
) -> str:
    """Every dated record as a row on one time axis, in the order given.

    Drawn twice, and CSS shows one: a wide chart with labels left of the bars
    (which scrolls inside its box on a narrow screen; ``latest`` opens it at
    its latest end, a series' planned next meeting, instead of at its
    labels), and a phone chart with each label on its own line above its bar,
    so every bar is labelled at 390 px without scrolling.
    """
    axis = _axis([r.date for r in records])
    if axis is None:
        return ""
    phone_axis = Axis(axis.first, axis.last, left=6, right=PHONE_WIDTH - 10)
    wide = _svg(site, page, axis, records, caption, phone=False)
    phone = _svg(site, page, phone_axis, records, caption, phone=True)
    box = "pk-scroll pk-wide pk-latest" if latest else "pk-scroll pk-wide"
    return (
        f'<figure class="pk-figure" {NOT_SEARCHED} markdown="0"><div class="{box}">{wide}</div>'
        f'<div class="pk-narrow">{phone}</div>'
        f"<figcaption>{html.escape(caption)}. {_legend()}</figcaption></figure>"
    )


def series_strip(site: Site, page: str, meetings: Sequence[Meeting], name: str) -> str:
    """The time strip of one dialogue series, labelled with the series' name (several strips
    on one page each have their own accessible name)."""
    caption = f"The meetings of {name} in time"
    return timeline_chart(site, page, meetings, caption, latest=True)


def coordinates(location: Location) -> tuple[float, float] | None:
    """Latitude and longitude of a place, when the record gives them (else None)."""
    lat = getattr(location, "latitude", None)
    lon = getattr(location, "longitude", None)
    if lat is None or lon is None:
        point = getattr(location, "coordinates", None)
        lat = getattr(point, "latitude", getattr(point, "lat", None))
        lon = getattr(point, "longitude", getattr(point, "lon", None))
    if isinstance(lat, int | float) and isinstance(lon, int | float):
        return float(lat), float(lon)
    return None


def _city(location: Location) -> str:
    """The city and country of a point (the venue belongs to one record, not to the point)."""
    return place_words(Location(city=location.city, country=location.country, venue=None))


def meeting_map(site: Site, page: str) -> str:
    """Located meetings and events as points on a plain longitude–latitude grid."""
    places: dict[tuple[float, float], list[Meeting | Event]] = {}
    located: list[Meeting | Event] = [*site.ds.meetings, *site.ds.events]
    for record in located:
        point = coordinates(record.location)
        if point is not None:
            places.setdefault(point, []).append(record)
    if not places:
        return (
            "No meeting or event in the dataset has coordinates yet, so there is no map; "
            "places are named on each record's page."
        )
    lats = [p[0] for p in places]
    lons = [p[1] for p in places]
    south, north = min(lats) - 4, max(lats) + 4
    west, east = min(lons) - 6, max(lons) + 6
    width, height = 640, 360

    def xy(lat: float, lon: float) -> tuple[float, float]:
        return (
            20 + (width - 40) * (lon - west) / (east - west),
            20 + (height - 40) * (north - lat) / (north - south),
        )

    grid = []
    for meridian in range(int(west // 10 * 10), int(east) + 1, 10):
        x, _ = xy(south, float(meridian))
        if 20 <= x <= width - 20:
            grid.append(
                f'<line x1="{x:.1f}" y1="20" x2="{x:.1f}" y2="{height - 20}" class="pk-grid"/>'
            )
            grid.append(
                f'<text x="{x + 2:.1f}" y="{height - 6}" class="pk-tick">{meridian}°E</text>'
            )
    for parallel in range(int(south // 10 * 10), int(north) + 1, 10):
        _, y = xy(float(parallel), west)
        if 20 <= y <= height - 20:
            grid.append(
                f'<line x1="20" y1="{y:.1f}" x2="{width - 20}" y2="{y:.1f}" class="pk-grid"/>'
            )
            grid.append(f'<text x="22" y="{y - 3:.1f}" class="pk-tick">{parallel}°N</text>')
    points = []
    lists = []
    for index, ((lat, lon), records) in enumerate(sorted(places.items())):
        x, y = xy(lat, lon)
        name = _city(records[0].location)
        # one record: the point links to it; several: to the list of them below the map
        anchor_id = f"pk-place-{index + 1}"
        target = site.raw_url(page, page_of(records[0])) if len(records) == 1 else f"#{anchor_id}"
        radius = 5 + 2 * len(records)
        # labels right of points in the west half, left of them in the east half
        tx, anchor = (x + radius + 4, "start") if x < width / 2 else (x - radius - 4, "end")
        points.append(
            f'<a href="{html.escape(target)}"><circle cx="{x:.1f}" cy="{y:.1f}" r="{radius}" '
            f'class="pk-place"/><text x="{tx:.1f}" y="{y + 4:.1f}" text-anchor="{anchor}" '
            f'class="pk-label">{html.escape(name)} ({len(records)})</text></a>'
        )
        links = ", ".join(
            f'<a href="{html.escape(site.raw_url(page, page_of(r)))}">{html.escape(label(r))}</a>'
            for r in sorted(records, key=lambda r: r.id)
        )
        lists.append(f'<li id="{anchor_id}">{html.escape(name)} ({len(records)}): {links}</li>')
    caption = "Where the located meetings and events took place"
    svg = (
        f'<svg class="pk-map" viewBox="0 0 {width} {height}" width="{width}" '
        f'aria-label="{caption}"><title>{caption}</title>{"".join(grid)}{"".join(points)}</svg>'
    )
    return (
        f'<figure class="pk-figure" {NOT_SEARCHED} markdown="0"><div class="pk-scroll">{svg}</div>'
        f"<figcaption>{caption}: each point links to its record, or to the list of the "
        "records at that place below. A plain latitude–longitude grid, drawn without map "
        "tiles so it works offline.</figcaption></figure>"
        f'<ul class="pk-places" {NOT_SEARCHED}>{"".join(lists)}</ul>'
    )
