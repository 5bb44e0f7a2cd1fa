"""The CAMEO → PLOVER crosswalk: every code gets a type (or the reason it has none)."""

import doctest

import pytest

from pakru.acts import plover
from pakru.acts.codes import CAMEO
from pakru.acts.plover import BY_CODE, BY_ROOT, EVENT_TYPES, crosswalk


def test_every_code_pakru_uses_has_a_plover_coding_and_a_reason() -> None:
    for code, label in CAMEO.items():
        plover = crosswalk(code, label)
        assert plover.reason
        if code[:2] in ("01", "02"):
            assert plover.event_type is None
            assert "PLOVER drops CAMEO root" in plover.reason
        else:
            assert plover.event_type in EVENT_TYPES


def test_the_code_table_agrees_with_the_root_table() -> None:
    # CAMEO2PLOVER-2021 keeps each root's type; only modes and contexts differ
    for code, (event_type, _, _) in BY_CODE.items():
        assert BY_ROOT[code[:2]] == event_type


@pytest.mark.parametrize(
    ("code", "expected"),
    [
        ("042", ("CONSULT", "visit", None)),
        ("0312", ("AGREE", None, "military")),
        ("064", ("COOPERATE", None, "intelligence")),
        ("111", ("ACCUSE", "disapprove", None)),
        ("0831", ("CONCEDE", None, None)),
        ("0871", ("RETREAT", None, None)),
        ("173", ("COERCE", None, None)),
        ("012", (None, None, None)),
        ("020", (None, None, None)),
    ],
)
def test_codes_by_table_and_by_root(code: str, expected: tuple[str | None, ...]) -> None:
    plover = crosswalk(code)
    assert (plover.event_type, plover.mode, plover.context) == expected


def test_reasons_name_the_table_followed() -> None:
    assert crosswalk("062", "Cooperate militarily").reason == (
        "CAMEO2PLOVER-2021: 062 Cooperate militarily → COOPERATE, context military"
    )
    assert crosswalk("173").reason == "PLOVER manual root table: 173, root 17 → COERCE"
    assert crosswalk("020").reason == (
        "PLOVER drops CAMEO root 02 (appeal): simple commentary is not an event"
    )


def test_a_code_outside_cameo_is_an_error() -> None:
    with pytest.raises(ValueError, match="not a CAMEO event code: '990'"):
        crosswalk("990")


def test_the_docstring_examples_run() -> None:
    result = doctest.testmod(plover)
    assert result.attempted >= 4
    assert result.failed == 0
