"""Derived values: places, sides, countries and ordinals are what their rules give.

Each derivation is recomputed by its rule in :mod:`pakru.validate.derive`; a
value the rule does not reproduce, or a rule whose conditions do not hold,
is an error, as for dates. GeoNames ids and coordinates cannot be quoted, so
they may only come from the gazetteer rules.
"""

import re
from collections.abc import Iterator

from pakru.dataset import Dataset
from pakru.schema import Body, Location, Meeting, Person, Record, Source
from pakru.schema.derivations import CountryDerivation
from pakru.validate.derive import PLACE_FIELDS, UnderivableError
from pakru.validate.derive.ordinals import derive_ordinal
from pakru.validate.derive.places import PlaceFacts, derive_place, same
from pakru.validate.derive.sides import SideFacts, derive_country
from pakru.validate.derive.text import contains
from pakru.validate.index import field_or
from pakru.validate.parse import Loc
from pakru.validate.registry import Context, Hit, rule
from pakru.validate.scopes import RECORD


def _locations(dataset: Dataset) -> Iterator[tuple[Record, Location]]:
    for record in dataset.records:
        location = field_or(record, "location", None)
        if isinstance(location, Location):
            yield record, location


def _place_problems(record: Record, location: Location, facts: PlaceFacts) -> Iterator[Hit]:
    for index, d in enumerate(location.derivations):
        where: Loc = ("location", "derivations", index)
        try:
            derived = derive_place(d, location, facts)
        except UnderivableError as error:
            yield Hit(record.id, where, f"{d.rule}: {error}")
            continue
        for name, value in derived.items():
            actual = getattr(location, name)
            if not same(name, value, actual):
                yield Hit(
                    record.id,
                    ("location", name),
                    f"{d.rule} of {d.quote!r} in {d.source} gives {name} {value!r}, not {actual!r}",
                )


@rule("places.derived", scope=RECORD)
def places_derived(dataset: Dataset, context: Context) -> Iterator[Hit]:
    """A place derivation's rule holds and gives the location's city, country, id, coordinates."""
    texts = dataset.texts
    datelines = {s.id: s.dateline.city for s in dataset.sources if s.dateline is not None}
    for record, location in _locations(dataset):
        cited = context.index.facts(record).cited
        quotes: dict[str, list[str]] = {}
        for item in record.evidence:
            quotes.setdefault(item.source, []).append(item.quote)
        by_source = {source: tuple(q) for source, q in quotes.items()}
        facts = PlaceFacts(texts, cited, datelines, by_source)
        yield from _place_problems(record, location, facts)


def _opens_a_line(text: str, quote: str) -> bool:
    """Whether ``quote`` is printed at the start of a line (after a ``date`` header), or
    is the last lines of the text (a place of issue)."""
    lines = [_DATE_HEADER.sub("", line).strip() for line in text.splitlines()]
    if any(line.startswith(quote) for line in lines):
        return True
    return text.rstrip().endswith(quote)


_DATE_HEADER = re.compile(r"^\s*date [0-9]{4}-[0-9]{2}-[0-9]{2}\s*")


def _dateline_problem(source: Source, text: str) -> str | None:
    dateline = source.dateline
    if dateline is None:
        return None
    quotes = [e.quote for e in source.evidence if "dateline" in e.supports]
    if not quotes:
        return "no evidence quote supports 'dateline'"
    if not any(_opens_a_line(text, q) for q in quotes):
        return f"{quotes[0]!r} does not open a line of the text, as a dateline does"
    for name in (dateline.city, dateline.agency):
        if name is not None and not any(contains(q, name) for q in quotes):
            return f"the dateline {quotes[0]!r} does not name {name!r}"
    return None


@rule("places.dateline", scope=RECORD)
def source_dateline(dataset: Dataset, _: Context) -> Iterator[Hit]:
    """A source's ``dateline`` is quoted as printed at the start of a line of its text (or
    as its last lines, a place of issue), and the quote names its city and agency."""
    for source in dataset.sources:
        problem = _dateline_problem(source, dataset.texts.get(source.id, ""))
        if problem is not None:
            yield Hit(source.id, ("dateline",), problem)


@rule("places.reference", scope=RECORD)
def places_reference(dataset: Dataset, _: Context) -> Iterator[Hit]:
    """GeoNames ids and coordinates come only from a gazetteer derivation: no source states them."""
    for record, location in _locations(dataset):
        given = {name for d in location.derivations for name in PLACE_FIELDS[d.rule]}
        for name in ("geonames_id", "latitude", "longitude"):
            if getattr(location, name) is not None and name not in given:
                yield Hit(
                    record.id,
                    ("location", name),
                    f"{name} is set but no gazetteer derivation gives it",
                )


def _country_holders(
    dataset: Dataset,
) -> Iterator[tuple[Record, Loc, str | None, tuple[CountryDerivation, ...]]]:
    for record in dataset.records:
        if isinstance(record, Person | Body):
            yield record, ("country",), record.country, record.derivations
        elif isinstance(record, Meeting):
            for index, p in enumerate(record.participants):
                yield record, ("participants", index, "side"), p.side, p.derivations


@rule("sides.derived", scope=RECORD)
def sides_derived(dataset: Dataset, _: Context) -> Iterator[Hit]:
    """A side or country derivation's rule holds and gives the participant's side or the country."""
    records = {r.id: r for r in dataset.records}
    for record, loc, value, derivations in _country_holders(dataset):
        facts = SideFacts(record, records)
        for index, d in enumerate(derivations):
            where: Loc = (*loc[:-1], "derivations", index)
            try:
                derived = derive_country(d, facts)
            except UnderivableError as error:
                yield Hit(record.id, where, f"{d.rule}: {error}", about=d.anchor)
                continue
            if derived != value:
                yield Hit(
                    record.id,
                    loc,
                    f"{d.rule} of {d.quote!r} in {d.source} gives {derived}, not {value}",
                )


@rule("series.ordinal-derived", scope=RECORD)
def ordinal_derived(dataset: Dataset, _: Context) -> Iterator[Hit]:
    """An ordinal derivation ("the next meeting" after the Nth) gives the meeting's ordinal."""
    records = {r.id: r for r in dataset.records}
    for meeting in dataset.meetings:
        for index, d in enumerate(meeting.derivations):
            try:
                derived = derive_ordinal(d, meeting, records)
            except UnderivableError as error:
                problem = f"{d.rule}: {error}"
                yield Hit(meeting.id, ("derivations", index), problem, about=d.anchor)
                continue
            if derived != meeting.ordinal:
                yield Hit(
                    meeting.id,
                    ("ordinal",),
                    f"{d.rule} after {d.anchor} gives {derived}, not {meeting.ordinal}",
                )
