"""Looking ids up while a record is half written: ``pakru find``, ``load_partial``, ``--series``.

The trees are the case base (a working group "wg" with its 7th meeting and a
plan for the next, without a number) and small overlays, not the shipped records.
"""

import shutil
from pathlib import Path

import pytest

import pakru
from pakru.cli import main
from pakru.loading import load_partial
from pakru.tools.scaffold import record_yaml
from tests.validate.test_cases import BASE, CASES, build_tree


@pytest.fixture(autouse=True)
def _no_records_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    """These tests find their tree from the working folder: a ``PAKRU_RECORDS`` set around
    the suite (``tests/growth.py``) would win over it, and ``pakru new`` would write there."""
    monkeypatch.delenv("PAKRU_RECORDS", raising=False)


@pytest.fixture
def half_written(tmp_path: Path) -> Path:
    """The base tree with a scaffolded meeting still full of nulls."""
    tree = tmp_path / "records"
    shutil.copytree(BASE, tree)
    (tree / "meetings" / "wg-08.yaml").write_text(record_yaml("meeting", "wg-08", "src-a"))
    return tree


def test_load_raises_but_load_partial_leaves_the_broken_file_out(half_written: Path) -> None:
    with pytest.raises(pakru.DatasetError):
        pakru.load(half_written)
    ds, skipped = load_partial(half_written)
    assert "wg-08" not in ds
    assert "wg-07" in ds
    assert {f.path for f in skipped} == {str(half_written / "meetings" / "wg-08.yaml")}
    assert ds.find("Karim").ids == ("anna-karim",)


def test_pakru_find_works_on_a_tree_with_errors(
    half_written: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(half_written.parent)
    assert main(["find", "working group"]) == 0
    out, err = capsys.readouterr()
    assert out == "wg (body): Pakistan-Russia Working Group\n"
    assert err.startswith("note: left out 1 file that did not build (records/meetings/wg-08.yaml)")
    assert main(["find", "nobody-by-this-name"]) == 1
    assert capsys.readouterr().out == ""
    assert main(["find", "  "]) == 2


def test_new_meeting_for_a_series_suggests_the_next_id_and_its_open_plans(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    shutil.copytree(BASE, tmp_path / "records")
    monkeypatch.chdir(tmp_path)
    assert main(["new", "meeting", "--series", "wg"]) == 0
    assert capsys.readouterr().out.splitlines() == [
        "next in wg: wg-08 (number 8; the highest held is 7, wg-07)",
        "planned, not yet shown held: wg-next (Moscow); a report of it held is a new meeting "
        "with 'realises: wg-next'",
        "run: pakru new meeting ID --series wg (ID as the report numbers it)",
    ]
    assert not Path("records/meetings/wg-08.yaml").exists()
    assert main(["new", "meeting", "wg-08", "--series", "wg"]) == 0
    assert "\nseries: wg\n" in Path("records/meetings/wg-08.yaml").read_text(encoding="utf-8")
    assert main(["new", "meeting", "--series", "anna-karim"]) == 2
    assert "'anna-karim' is no dialogue series here (the series: wg)" in capsys.readouterr().err
    assert main(["new", "person", "--series", "wg"]) == 2


def test_a_realised_plan_is_not_offered_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    build_tree(CASES / "plans.unlinked" / "valid", tmp_path / "records")
    monkeypatch.chdir(tmp_path)
    assert main(["new", "meeting", "--series", "wg"]) == 0
    assert capsys.readouterr().out.splitlines() == [
        "next in wg: wg-09 (number 9; the highest held is 8, wg-08)",
        "run: pakru new meeting ID --series wg (ID as the report numbers it)",
    ]


def test_the_meeting_scaffold_has_the_fields_the_validator_asks_about() -> None:
    lines = record_yaml("meeting", "m-1").splitlines()
    keys = [line.split(":", 1)[0] for line in lines]
    for key in ("  geonames_id", "  latitude", "  longitude", "  derivations", "realises"):
        assert key in keys, key
