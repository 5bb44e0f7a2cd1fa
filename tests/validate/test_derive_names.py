"""The romanisation rule: one candidate word gives its romanisation and Cyrillic form."""

import pytest

from pakru.schema.derivations import NameDerivation
from pakru.validate.derive import UnderivableError
from pakru.validate.derive.names import aliases_from, derive_aliases, pins


def make(**changes: object) -> NameDerivation:
    fields: dict[str, object] = {
        "rule": "romanisation",
        "source": "src-b44e9500",
        "quote": "counter terrorism training drill “Druzbha”",
        "printed": "Druzbha",
        "packages": ("iuliia==0.13.0", "wordfreq==3.1.1"),
    }
    return NameDerivation.model_validate({**fields, **changes})


def test_druzbha_gives_druzhba_and_its_cyrillic_form() -> None:
    assert derive_aliases(make()) == ("Druzhba", "Дружба")


def test_packages_are_the_extracts_versions() -> None:
    assert pins() == ("iuliia==0.13.0", "wordfreq==3.1.1")
    with pytest.raises(UnderivableError, match="not the extract's"):
        derive_aliases(make(packages=("iuliia==0.12.0", "wordfreq==3.1.1")))


def test_the_quote_must_print_the_name() -> None:
    with pytest.raises(UnderivableError, match="does not print 'Druzbha'"):
        derive_aliases(make(quote="counter terrorism training drill"))


def test_a_name_missing_from_the_extract_is_no_alias() -> None:
    with pytest.raises(UnderivableError, match=r"not in schema/reference\.json"):
        derive_aliases(make(quote="exercise “Friendship”", printed="Friendship"))


def test_no_candidate_or_several_give_no_alias() -> None:
    with pytest.raises(UnderivableError, match=r"0 candidate words for .Mir. \(none\)"):
        aliases_from("Mir", [])
    several = [("дружба", "druzhba"), ("дружа", "druzha")]
    with pytest.raises(UnderivableError, match=r"2 candidate words .*\(дружа, дружба\)"):
        aliases_from("Druzbha", several)


def test_case_follows_the_printed_name() -> None:
    assert aliases_from("druzbha", [("дружба", "druzhba")]) == ("druzhba", "дружба")
    assert aliases_from("Druzhba", [("дружба", "druzhba")]) == ("Druzhba", "Дружба")
