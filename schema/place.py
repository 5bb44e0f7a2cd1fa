"""Where something happened, as far as the sources and the gazetteer say."""

from typing import Literal

from pakru.schema.base import Model
from pakru.schema.common import CountryCode, Text
from pakru.schema.derivations import PlaceDerivation

LocationPrecision = Literal["venue", "city", "country", "unknown"]


class Location(Model):
    """A place; each part is null when no source states it and no rule derives it."""

    city: Text | None
    """City, as a source names it (or as a ``dateline-*`` rule derives it)."""
    country: CountryCode | None
    """Country (ISO 3166-1 alpha-2), stated or derived from the city by the gazetteer."""
    venue: Text | None
    """Building or institution (e.g. "Ministry of Foreign Affairs")."""
    geonames_id: int | None = None
    """GeoNames id of the city (or of the country when no city is known); only by a rule."""
    latitude: float | None = None
    """Latitude of the GeoNames city (WGS 84); only by the ``gazetteer-city`` rule."""
    longitude: float | None = None
    """Longitude of the GeoNames city (WGS 84); only by the ``gazetteer-city`` rule."""
    derivations: tuple[PlaceDerivation, ...] = ()
    """The phrases and rules the derived parts come from."""

    # A plain property, not a computed field: dumps and the JSON Schema stay
    # the record's own keys, so exported records load back unchanged.
    @property
    def precision(self) -> LocationPrecision:
        """How exactly the place is known, as ACLED's geo_precision: a venue in a known
        city, a city, only a country, or nothing."""
        if self.city is not None:
            return "venue" if self.venue is not None else "city"
        return "country" if self.country is not None else "unknown"
