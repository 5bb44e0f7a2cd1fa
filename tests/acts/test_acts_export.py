"""The acts table in every format: codes stay strings, unknown differs from empty, valid package."""

import sqlite3
from pathlib import Path

import pytest

import pakru
from pakru.dataset import Dataset
from pakru.export import FORMATS, export, read_csv


@pytest.fixture(scope="module")
def shipped() -> Dataset:
    return pakru.load()


@pytest.fixture(scope="module")
def out(shipped: Dataset, tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("acts")
    for fmt in FORMATS:
        export(shipped, fmt, root / fmt)
    return root


def test_acts_table_is_in_every_format(shipped: Dataset, out: Path) -> None:
    table = shipped.acts_table()
    assert table.name == "acts"
    assert len(table.rows) == 60
    assert (out / "csv" / "acts.csv").exists()
    assert (out / "json").glob("*")
    with sqlite3.connect(out / "sqlite" / "pakru.sqlite") as db:
        columns = {row[1]: row[2] for row in db.execute("PRAGMA table_info(acts)")}
        codes = {row[0] for row in db.execute("SELECT cameo_code FROM acts")}
    db.close()
    assert columns["cameo_code"] == "TEXT"
    assert columns["goldstein"] == "REAL"
    assert "046" in codes
    assert "0312" in codes


ROW = "jwg-ct-next--next-meeting"
"""A planned meeting: no participants (empty lists) and no venue (unknown)."""


def test_pandas_reads_codes_as_strings_through_the_helper(shipped: Dataset, out: Path) -> None:
    pd = pytest.importorskip("pandas")
    row = next(r for r in shipped.acts_table().rows if r["id"] == ROW)
    assert row["actor1_record_ids"] == ()
    assert row["location_venue"] is None
    naive = pd.read_csv(out / "csv" / "acts.csv")
    assert 46 in set(naive["cameo_code"])  # what the helper is for
    frame = read_csv(out / "csv" / "acts.csv")
    assert "046" in set(frame["cameo_code"])
    assert "0312" in set(frame["cameo_code"])
    read = frame.set_index("id").loc[ROW]
    assert read["actor1_record_ids"] == []  # empty list …
    assert pd.isna(read["location_venue"])  # … is not unknown
    assert read["cameo_code"] == "036"
    assert read["date_start"] == pd.Timestamp("2019-01-01")


def test_csv_spells_unknown_and_empty_list_differently(out: Path) -> None:
    text = (out / "csv" / "acts.csv").read_text("utf-8")
    header = text.splitlines()[0].split(",")
    line = next(x for x in text.splitlines() if x.startswith(f'"{ROW}"'))
    cells = line.split(",")  # no cell of this row holds a comma
    assert cells[header.index("actor1_record_ids")] == '""'  # empty list
    assert cells[header.index("location_venue")] == ""  # unknown
    assert cells[header.index("cameo_code")] == '"036"'


def test_table_schema_declares_codes_as_strings(out: Path) -> None:
    import json  # noqa: PLC0415

    package = json.loads((out / "datapackage" / "datapackage.json").read_text("utf-8"))
    resource = next(r for r in package["resources"] if r["name"] == "acts")
    types = {f["name"]: f["type"] for f in resource["schema"]["fields"]}
    assert types["cameo_code"] == "string"
    assert types["cameo_root"] == "string"
    assert types["actor1_cameo"] == "string"
    assert types["goldstein"] == "number"


def test_frictionless_validates_the_acts_table(out: Path) -> None:
    frictionless = pytest.importorskip("frictionless")
    report = frictionless.validate(out / "datapackage" / "datapackage.json")
    assert report.valid, report.flatten(["rowNumber", "fieldName", "type", "note"])
    tasks = [t for t in report.tasks if t.name == "acts"]
    assert len(tasks) == 1
    assert tasks[0].stats["rows"] == 60


def test_to_pandas_has_the_acts_frame_with_string_codes(shipped: Dataset) -> None:
    pytest.importorskip("pandas")
    frame = shipped.to_pandas()["acts"]
    assert len(frame) == 60
    assert set(frame["cameo_code"]) >= {"046", "0312", "057"}
    assert frame["goldstein"].dtype.kind == "f"
    assert frame.set_index("id").loc["jwg-ct-next--next-meeting", "date_edtf"] == "2019"
