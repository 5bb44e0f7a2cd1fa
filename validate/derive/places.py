"""Place derivations: dateline + "here", a local venue under a dateline, the gazetteer.

Each rule of :data:`pakru.schema.derivations.PlaceRule` is one function from
a derivation (and what it needs to read) to the location fields it gives;
it raises :class:`UnderivableError` when its conditions do not hold. The
``places.derived`` rule compares the record's location with these values.
"""

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field

from pakru.schema.derivations import PlaceDerivation
from pakru.schema.place import Location
from pakru.schema.reference import GAZETTEER_COUNTRIES, cities, countries
from pakru.validate.derive.dates import UnderivableError
from pakru.validate.derive.text import (
    cities_named,
    contains,
    countries_named,
    countries_placed,
    of_statement,
    word_positions,
)

Value = str | int | float


@dataclass(frozen=True)
class PlaceFacts:
    """What place rules read: source texts, the sources the record cites, each source's
    recorded dateline city (``Source.dateline``), and the record's quotes by source."""

    texts: Mapping[str, str]
    cited: frozenset[str]
    datelines: Mapping[str, str] = field(default_factory=dict)
    quotes: Mapping[str, tuple[str, ...]] = field(default_factory=dict)


def _dateline_city(d: PlaceDerivation, facts: PlaceFacts, source: str) -> str:
    """The city of the source's recorded dateline; the derivation's printed ``dateline``
    must be that dateline as printed (or its city)."""
    city = facts.datelines.get(source)
    dateline = d.dateline or ""
    if city is None:
        raise UnderivableError(
            f"{source} records no dateline: give the source record a 'dateline' "
            "(its city, quoted by an evidence item supporting 'dateline')"
        )
    if not (contains(dateline, city) or contains(city, dateline)):
        raise UnderivableError(f"{dateline!r} is not the dateline {source} records ({city})")
    return city


def _named_elsewhere(d: PlaceDerivation, facts: PlaceFacts, source: str, city: str) -> str | None:
    """A quote of the record from ``source`` that places the meeting in another city, or
    in a country the dateline's city is not in ("held in Russia" under ISLAMABAD)."""
    home = {row.country for row in cities(city)}
    for quote in (d.quote, *facts.quotes.get(source, ())):
        for named in cities_named(quote):
            at = quote.find(named)
            if named.casefold() != city.casefold() and not of_statement(quote, at):
                return f"{source} names {named} for it ({quote!r}): a named city wins"
        if home and (elsewhere := countries_placed(quote, events_only=True) - home):
            where = ", ".join(sorted(elsewhere))
            return f"{source} places it in {where} ({quote!r}), not in {city}'s country"
    return None


def _here(d: PlaceDerivation, location: Location, facts: PlaceFacts) -> dict[str, Value]:
    spots = word_positions(d.quote, "here")
    if not spots:
        raise UnderivableError(f"{d.quote!r} does not say 'here'")
    if all(of_statement(d.quote, at) for at in spots):
        raise UnderivableError(
            f"'here' in {d.quote!r} is where a statement was made, not where the meeting was"
        )
    source = d.dateline_source or d.source
    if source not in facts.cited:
        raise UnderivableError(f"the record does not cite {source}, whose dateline is used")
    city = _dateline_city(d, facts, source)
    if (problem := _named_elsewhere(d, facts, d.source, city)) is not None:
        raise UnderivableError(problem)
    return {"city": city}


def names_a_place(venue: str) -> bool:
    """Whether a venue's name names a country (or its capital) or a city of the gazetteer:
    "Russian Foreign Ministry" does, "the Foreign Office" does not (``dateline-venue`` places
    only an unqualified venue; ``pakru draft`` asks the same before proposing it)."""
    return bool(countries_named(venue, capitals=True)) or any(cities(w) for w in venue.split())


def _venue(d: PlaceDerivation, location: Location, facts: PlaceFacts) -> dict[str, Value]:
    venue = location.venue
    if venue is None:
        raise UnderivableError("the location has no venue")
    if not contains(d.quote, venue):
        raise UnderivableError(f"the quote does not name the venue {venue!r}")
    if names_a_place(venue):
        raise UnderivableError(
            f"the venue {venue!r} names a place, so dateline-venue cannot place the meeting "
            "(the dateline says where the report was filed, the venue's name says otherwise); "
            "cite a sentence that names the city (gazetteer-city)"
        )
    city = _dateline_city(d, facts, d.source)
    if (problem := _named_elsewhere(d, facts, d.source, city)) is not None:
        raise UnderivableError(problem)
    return {"city": city}


def _gazetteer_city(d: PlaceDerivation, location: Location, _: PlaceFacts) -> dict[str, Value]:
    city = location.city
    if city is None or not contains(d.quote, city):
        raise UnderivableError(f"the quote does not name the city {city!r}")
    found = cities(city)
    if len(found) != 1:
        where = " or ".join(GAZETTEER_COUNTRIES)
        raise UnderivableError(f"GeoNames has {len(found)} cities named {city!r} in {where}")
    (row,) = found
    return {
        "country": row.country,
        "geonames_id": row.geonames_id,
        "latitude": row.latitude,
        "longitude": row.longitude,
    }


def _gazetteer_country(d: PlaceDerivation, location: Location, _: PlaceFacts) -> dict[str, Value]:
    if location.city is not None:
        raise UnderivableError("the location has a city; gazetteer-city gives its country")
    named = countries_named(d.quote)
    if len(named) != 1:
        raise UnderivableError(f"the quote names {len(named)} countries, not one")
    (code,) = named
    return {"country": code, "geonames_id": countries()[code].geonames_id}


PLACE_RULES: dict[str, Callable[[PlaceDerivation, Location, PlaceFacts], dict[str, Value]]] = {
    "dateline-here": _here,
    "dateline-venue": _venue,
    "gazetteer-city": _gazetteer_city,
    "gazetteer-country": _gazetteer_country,
}


def derive_place(d: PlaceDerivation, location: Location, facts: PlaceFacts) -> dict[str, Value]:
    """The location fields a derivation gives; raises :class:`UnderivableError`."""
    return PLACE_RULES[d.rule](d, location, facts)


def same(field: str, derived: Value, actual: object) -> bool:
    """Whether a location's value is what the rule gives (cities compare ignoring case)."""
    if field == "city" and isinstance(actual, str) and isinstance(derived, str):
        return actual.casefold() == derived.casefold()
    return actual == derived
