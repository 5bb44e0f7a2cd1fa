"""CAMEO, Wikidata and COW codes: the docs defer to the one coding policy; records carry none."""

import re
from pathlib import Path
from typing import get_args

from pakru.acts.codes import CAMEO, GOLDSTEIN, WIKIDATA_PRECISION, cow, wikidata_precision
from pakru.acts.policy import POLICY
from pakru.dataset import Dataset
from pakru.export import tables as export_tables
from pakru.schema.countries import COUNTRIES
from pakru.schema.dates import Precision

DOC = (Path(__file__).resolve().parents[2] / "docs" / "library.md").read_text("utf-8")

CODE = re.compile(r"`\"?(0\d{2,3}|1\d{2}|20\d)\"?`")
"""A CAMEO event code written as code in the docs: `046`, `"046"`."""


def test_the_docs_defer_to_the_policy() -> None:
    """library.md states no mapping of its own: it links the codebook generated from the policy.

    The old per-kind table (every held meeting 046, memberships 050) contradicted the
    act-level policy; a code the docs name must be one a rule of the policy assigns.
    """
    assert "(codebook/index.md)" in DOC
    policy_codes = {rule.code for rule in POLICY if rule.code is not None}
    named = set(CODE.findall(DOC))
    assert named, "the docs show how a code is spelled"
    assert named <= policy_codes
    assert "| CAMEO |" not in DOC


def test_every_policy_code_has_a_label_and_score() -> None:
    for rule in POLICY:
        if rule.code is not None:
            assert rule.code in CAMEO
            assert rule.code in GOLDSTEIN


def test_record_tables_carry_no_code(ds: Dataset) -> None:
    """Codes are per act: the record tables do not carry one, the acts table does."""
    tables = export_tables(ds)
    for name in ("meetings", "agreements", "events"):
        assert not any("cameo" in c for c in tables[name].column_names), name
    assert "cameo_code" in tables["acts"].column_names


def test_wikidata_precision() -> None:
    assert [wikidata_precision(p) for p in get_args(Precision)] == [11, 10, 9, None, None]
    assert set(WIKIDATA_PRECISION.values()) == {9, 10, 11}


def test_cow_codes_are_unique_and_known() -> None:
    assert len({c.cow for c in COUNTRIES.values()}) == len(COUNTRIES)
    assert cow("PK") == 770
    assert cow("RU") == 365
    assert cow(None) is None
