"""Where something happened, as far as the sources say."""

from pakru.schema.base import Model
from pakru.schema.common import CountryCode, Text


class Location(Model):
    """A place; each part is null when no source states it."""

    city: Text | None
    """City, as a source names it."""
    country: CountryCode | None
    """Country (ISO 3166-1 alpha-2)."""
    venue: Text | None
    """Building or institution (e.g. "Ministry of Foreign Affairs")."""
