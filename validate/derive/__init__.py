"""Derivations: how a phrase of a source, another record or a reference package gives a value.

One module per kind, each rule one function, shared by the validator, the
docs and the coverage report:

- :mod:`~pakru.validate.derive.dates` — date intervals (``DateRule``);
- :mod:`~pakru.validate.derive.places` — cities, countries, GeoNames ids and
  coordinates (``PlaceRule``);
- :mod:`~pakru.validate.derive.sides` — participants' sides, people's and
  bodies' countries (``CountryRule``);
- :mod:`~pakru.validate.derive.ordinals` — ordinals (``OrdinalRule``).

A value derived by a rule is recorded with the rule, the source and the
quote; the validator recomputes it and reports a value the rule does not
reproduce. Outside knowledge enters only here, through the named, versioned
reference packages of :mod:`pakru.schema.reference`.
"""

from collections.abc import Iterator

from pydantic import BaseModel

from pakru.schema import BaseDerivation, Body, Location, Meeting, Person, Record, Source
from pakru.schema.derivations import CountryRule, OrdinalRule, PlaceRule
from pakru.schema.introspect import find
from pakru.validate.derive.dates import (
    Anchors,
    Bounds,
    UnderivableError,
    derive,
    fmt,
    intersect,
    month_bounds,
    precision_of,
    within,
)

__all__ = [
    "PLACE_FIELDS",
    "Anchors",
    "Bounds",
    "UnderivableError",
    "derivation_kinds",
    "derivations",
    "derive",
    "derived_fields",
    "fmt",
    "intersect",
    "month_bounds",
    "precision_of",
    "within",
]

PLACE_FIELDS = {
    "dateline-here": ("city",),
    "dateline-venue": ("city",),
    "gazetteer-city": ("country", "geonames_id", "latitude", "longitude"),
    "gazetteer-country": ("country", "geonames_id"),
}
"""The location fields each place rule gives."""


def derivation_kinds() -> dict[str, object]:
    """Kind of derived value → the ``Literal`` listing its rules (documented by its docstring)."""
    from pakru.schema.dates import DateRule  # noqa: PLC0415 - keeps the names in one list

    return {"date": DateRule, "place": PlaceRule, "country": CountryRule, "ordinal": OrdinalRule}


def derivations(record: Record) -> Iterator[tuple[tuple[str | int, ...], BaseDerivation]]:
    """Every derivation a record holds, at any depth, with its location."""
    return find(record, BaseDerivation)


def _location_fields(prefix: str, location: Location) -> Iterator[str]:
    for d in location.derivations:
        yield from (f"{prefix}.{name}" for name in PLACE_FIELDS[d.rule])


def derived_fields(record: BaseModel) -> frozenset[str]:
    """Dotted names of the record's own fields that a derivation gives (not sub-records')."""
    out: set[str] = set()
    location = getattr(record, "location", None)
    if isinstance(location, Location):
        out.update(_location_fields("location", location))
    if isinstance(record, Person | Body) and record.derivations:
        out.add("country")
    if isinstance(record, Meeting) and record.derivations:
        out.add("ordinal")
    if isinstance(record, Source) and record.publication and record.publication.derivations:
        out.add("publication")
    return frozenset(out)
