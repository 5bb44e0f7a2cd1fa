"""Countries the dataset may name, with ISO 3166-1 alpha-2 and Correlates of War codes.

The table is deliberately short: a record may only use a code listed here, so
a typo such as ``PQ`` is an error, and adding a country is one reviewed line.
COW codes are the Correlates of War state numbers (``ccode``), used to join
pakru with COW, ICEWS and GDELT data.
"""

from typing import NamedTuple


class Country(NamedTuple):
    """One country: ISO 3166-1 alpha-2 code, English short name, COW state number."""

    alpha2: str
    name: str
    cow: int


COUNTRIES: dict[str, Country] = {
    c.alpha2: c
    for c in (
        Country("AF", "Afghanistan", 700),
        Country("CN", "China", 710),
        Country("IN", "India", 750),
        Country("IQ", "Iraq", 645),
        Country("PK", "Pakistan", 770),
        Country("RU", "Russia", 365),
        Country("SY", "Syria", 652),
        Country("US", "United States", 2),
    )
}
