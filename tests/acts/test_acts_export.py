"""The acts table in every format: codes stay strings, unknown differs from empty, valid package."""

import re
import sqlite3
from pathlib import Path

import pytest

import pakru
from pakru.acts import acts, rows
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
    assert len(table.rows) == len(rows(shipped))
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


ROW = "jwg-ct-next--next-meeting--pak-rus"
"""A planned meeting: no participants (empty lists), realised by no held meeting (unknown)."""


def test_pandas_reads_codes_as_strings_through_the_helper(shipped: Dataset, out: Path) -> None:
    pd = pytest.importorskip("pandas")
    row = next(r for r in shipped.acts_table().rows if r["id"] == ROW)
    assert row["actor1_record_ids"] == ()
    assert row["realised_by_id"] is None
    naive = pd.read_csv(out / "csv" / "acts.csv")
    assert 46 in set(naive["cameo_code"])  # what the helper is for
    frame = read_csv(out / "csv" / "acts.csv")
    assert "046" in set(frame["cameo_code"])
    assert "0312" in set(frame["cameo_code"])
    read = frame.set_index("id").loc[ROW]
    assert read["actor1_record_ids"] == []  # empty list …
    assert pd.isna(read["realised_by_id"])  # … is not unknown
    assert (read["location_city"], read["plan_city"]) == ("Islamabad", "Moscow")  # stated, planned
    assert read["cameo_code"] == "036"
    assert read["date_earliest"] == pd.Timestamp("2018-03-21")  # stated at the 7th meeting
    assert read["plan_date_earliest"] == pd.Timestamp("2019-01-01")


def test_csv_spells_unknown_and_empty_list_differently(out: Path) -> None:
    text = (out / "csv" / "acts.csv").read_text("utf-8")
    header = text.splitlines()[0].split(",")
    line = next(x for x in text.splitlines() if x.startswith(f'"{ROW}"'))
    # cells as written (quotes kept); only plover_reason of this row holds commas
    cells = re.findall(r'(?:^|,)("(?:[^"]|"")*"|[^,]*)', line)
    assert cells[header.index("actor1_record_ids")] == '""'  # empty list
    assert cells[header.index("realised_by_id")] == ""  # unknown
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
    assert tasks[0].stats["rows"] == len(rows(pakru.load()))


def test_to_pandas_has_the_acts_frame_with_string_codes(shipped: Dataset) -> None:
    pytest.importorskip("pandas")
    frame = shipped.to_pandas()["acts"]
    assert len(frame) == len(rows(shipped))
    assert set(frame["cameo_code"]) >= {"046", "0312", "057"}
    assert frame["goldstein"].dtype.kind == "f"
    assert frame.set_index("id").loc[ROW, "date_edtf"] == "2018-03-21"
    assert frame.set_index("id").loc[ROW, "plan_date_edtf"] == "2019"


NEW = (
    "group_id",
    "reciprocal",
    "date_earliest",
    "date_latest",
    "date_precision",
    "plan_date_earliest",
    "plan_date_latest",
    "report_date_earliest",
    "report_date_latest",
    "retrospective",
    "plover_event_type",
    "plover_mode",
    "plover_context",
    "plover_reason",
    "plan_city",
    "plan_country",
    "realises_id",
    "realised_by_id",
)


def test_every_format_carries_groups_dates_and_plover(shipped: Dataset, out: Path) -> None:
    import json  # noqa: PLC0415

    expected = {
        r["id"]: (r["group_id"], r["plover_event_type"], r["plover_reason"])
        for r in shipped.acts_table().rows
    }
    assert len({g for g, _, _ in expected.values()}) == len(acts(shipped))
    with sqlite3.connect(out / "sqlite" / "pakru.sqlite") as db:
        columns = [row[1] for row in db.execute("PRAGMA table_info(acts)")]
        found = {
            r[0]: (r[1], r[2], r[3])
            for r in db.execute("SELECT id, group_id, plover_event_type, plover_reason FROM acts")
        }
    db.close()
    assert set(NEW) <= set(columns)
    assert "date_start" not in columns
    assert found == expected
    csv_frame = read_csv(out / "csv" / "acts.csv")
    assert set(NEW) <= set(csv_frame.columns)
    from_json = json.loads((out / "json" / "acts.json").read_text("utf-8"))
    assert {r["id"]: r["group_id"] for r in from_json} == {k: v[0] for k, v in expected.items()}
    assert set(NEW) <= set(from_json[0])
    lines = (out / "jsonl" / "acts.jsonl").read_text("utf-8").splitlines()
    assert {json.loads(x)["id"]: json.loads(x)["group_id"] for x in lines} == {
        k: v[0] for k, v in expected.items()
    }
    package = json.loads((out / "datapackage" / "datapackage.json").read_text("utf-8"))
    resource = next(r for r in package["resources"] if r["name"] == "acts")
    types = {f["name"]: f["type"] for f in resource["schema"]["fields"]}
    assert (types["date_earliest"], types["retrospective"], types["plover_mode"]) == (
        "date",
        "boolean",
        "string",
    )
    pq = pytest.importorskip("pyarrow.parquet")
    parquet = pq.read_table(next((out / "parquet").glob("acts*.parquet")))
    assert set(NEW) <= set(parquet.column_names)
