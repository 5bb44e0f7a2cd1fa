"""CAMEO, Wikidata and COW codes: total over the models' kinds and statuses, and documented."""

from pathlib import Path
from typing import get_args

import pytest

from pakru.codes import CAMEO, WIKIDATA_PRECISION, cameo, cow, wikidata_precision
from pakru.schema.agreement import AgreementKind, AgreementStatus
from pakru.schema.countries import COUNTRIES
from pakru.schema.dates import Precision
from pakru.schema.event import EventKind, EventStatus
from pakru.schema.meeting import MeetingKind, MeetingStatus

DOC = (Path(__file__).resolve().parents[2] / "docs" / "library.md").read_text("utf-8")

COMBINATIONS = [
    (record_type, kind, status)
    for record_type, kinds, statuses in (
        ("meeting", MeetingKind, MeetingStatus),
        ("agreement", AgreementKind, AgreementStatus),
        ("event", EventKind, EventStatus),
    )
    for kind in get_args(kinds)
    for status in get_args(statuses)
]


@pytest.mark.parametrize(("record_type", "kind", "status"), COMBINATIONS)
def test_every_kind_and_status_has_a_listed_code(record_type: str, kind: str, status: str) -> None:
    assert cameo(record_type, kind, status) in CAMEO


def test_the_mapping_follows_status() -> None:
    assert {cameo("meeting", k, "planned") for k in get_args(MeetingKind)} == {"036"}
    assert {cameo("agreement", k, "signed") for k in get_args(AgreementKind)} == {"057"}
    assert cameo("meeting", "courtesy-call", "held") == "042"
    assert cameo("meeting", "security-consultations", "held") == "046"
    assert cameo("event", "delivery", "held") == "062"
    with pytest.raises(ValueError, match="person"):
        cameo("person", "x", "y")


def test_every_code_used_is_in_the_docs() -> None:
    used = {cameo(*c) for c in COMBINATIONS}
    assert used <= set(CAMEO)
    assert all(code in DOC for code in used)


def test_wikidata_precision() -> None:
    assert [wikidata_precision(p) for p in get_args(Precision)] == [11, 10, 9, None, None]
    assert set(WIKIDATA_PRECISION.values()) == {9, 10, 11}


def test_cow_codes_are_unique_and_known() -> None:
    assert len({c.cow for c in COUNTRIES.values()}) == len(COUNTRIES)
    assert cow("PK") == 770
    assert cow("RU") == 365
    assert cow(None) is None


def _doc_table() -> dict[tuple[str, str, str], str]:
    """(record type, kind, status) → code, from the CAMEO table of docs/library.md."""
    choices = {t for t, _, _ in COMBINATIONS}
    kinds = {t: sorted({k for tt, k, _ in COMBINATIONS if tt == t}) for t in choices}
    statuses = {t: sorted({s for tt, _, s in COMBINATIONS if tt == t}) for t in choices}
    out: dict[tuple[str, str, str], str] = {}
    for line in DOC.splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if len(cells) != 4 or cells[0] not in choices:
            continue
        record_type, kind_cell, status_cell, code_cell = cells
        row_kinds = kinds[record_type] if kind_cell == "any" else kind_cell.split(", ")
        row_statuses = statuses[record_type] if status_cell == "any" else status_cell.split(", ")
        for kind in row_kinds:
            for status in row_statuses:
                key = (record_type, kind, status)
                assert key not in out, f"docs table lists {key} twice"
                out[key] = code_cell.split()[0]
    return out


def test_docs_table_is_the_mapping() -> None:
    table = _doc_table()
    assert set(table) == set(COMBINATIONS)
    assert {k: cameo(*k) for k in COMBINATIONS} == table
