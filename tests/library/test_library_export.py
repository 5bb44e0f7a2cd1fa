"""Exports: records → export → read back equals the Dataset's tables, for every format."""

import json
import re
import sqlite3
from pathlib import Path

import jsonschema
import pytest

from pakru.cli import main
from pakru.dataset import Dataset
from pakru.export import FORMATS, export, meta, read
from pakru.export import tables as export_tables
from pakru.schema import record_adapter
from pakru.schema.jsonschema import JSON_DIR


@pytest.fixture(scope="module")
def exported(ds: Dataset, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    out = tmp_path_factory.mktemp("export")
    for fmt in FORMATS:
        export(ds, fmt, out / fmt)
    return {fmt: out / fmt for fmt in FORMATS}


@pytest.mark.parametrize("fmt", FORMATS)
def test_round_trip_equals_the_tables(fmt: str, ds: Dataset, exported: dict[str, Path]) -> None:
    tables = export_tables(ds)
    rows, read_meta = read(fmt, exported[fmt], tables)
    for name, table in tables.items():
        assert rows[name] == list(table.rows), name
    assert read_meta == meta(ds)
    assert read_meta["data_version"] == "1.0.0"


def test_tables_cover_every_record(ds: Dataset) -> None:
    tables = export_tables(ds)
    for kind in ("sources", "people", "bodies", "meetings", "agreements", "events", "conflicts"):
        assert [r["id"] for r in tables[kind].rows] == [r.id for r in getattr(ds, kind)]
    evidence_count = sum(1 for _ in tables["evidence"].rows)
    assert evidence_count > len(ds)  # sub-record evidence is included


def test_required_columns() -> None:

    required = {
        "meetings": "id title kind status date_earliest date_latest date_precision city country "
        "venue series_id ordinal participant_ids source_ids date_wikidata_precision "
        "country_cow",
        "agreements": "id title kind status date_earliest date_latest date_precision parties "
        "meeting_id source_ids parties_cow",
        "sources": "id file title publisher published",
        "people": "id name aliases country country_cow",
        "participants": "meeting_id person_id body_id",
        "evidence": "record_id source_id quote supports",
        "conflict_sides": "conflict_id record_id claim",
    }
    empty = Dataset(())
    tables = export_tables(empty)
    for name, columns in required.items():
        assert set(columns.split()) <= set(tables[name].column_names), name


def test_interoperability_codes(ds: Dataset) -> None:
    tables = export_tables(ds)
    meetings = {r["id"]: r for r in tables["meetings"].rows}
    assert meetings["cgss-12"]["country_cow"] == 770
    assert meetings["cgss-12"]["date_wikidata_precision"] == 11
    assert meetings["jwg-ct-next"]["date_wikidata_precision"] == 9
    assert meetings["fm-talks-moscow"]["date_wikidata_precision"] is None
    agreements = {r["id"]: r for r in tables["agreements"].rows}
    assert agreements["mtc-accord-2015"]["date_wikidata_precision"] == 10
    assert agreements["mtc-accord-2015"]["parties_cow"] == (770, 365)
    codes = {(r["record_id"], r["cameo_code"]) for r in tables["acts"].rows}
    # the fixture's cgss-12 says it was held, not what was discussed: 040 (issue 26)
    assert {("cgss-12", "040"), ("mtc-accord-2015", "057")} <= codes
    assert ("military-cooperation-commission", "0312") in codes


def test_json_spells_lists_as_arrays_and_unknown_as_null(exported: dict[str, Path]) -> None:
    meetings = json.loads((exported["json"] / "meetings.json").read_text(encoding="utf-8"))
    by_id = {m["id"]: m for m in meetings}
    assert by_id["cgss-12"]["participant_ids"] == ["tasnim-aslam", "sergey-ryabkov"]
    assert by_id["fm-talks-moscow"]["date_earliest"] is None
    assert by_id["jwg-ct-07"]["city"] is None
    assert (
        json.loads((exported["json"] / "meta.json").read_text("utf-8"))["data_version"] == "1.0.0"
    )


def test_csv_is_spreadsheet_ready(exported: dict[str, Path]) -> None:
    raw = (exported["csv"] / "meetings.csv").read_bytes()
    assert raw.startswith(b"id,title,kind,status,")
    text = raw.decode("utf-8")
    assert "tasnim-aslam;sergey-ryabkov" in text
    assert (exported["csv"] / "meta.csv").read_text("utf-8").splitlines()[0] == "key,value"


def test_sqlite_keys_and_join(exported: dict[str, Path]) -> None:
    db = sqlite3.connect(exported["sqlite"] / "pakru.sqlite")
    try:
        db.execute("PRAGMA foreign_keys = ON")
        assert db.execute("PRAGMA foreign_key_check").fetchall() == []
        rows = db.execute(
            """
            SELECT m.id, p.name, pa.role
            FROM meetings AS m
            JOIN participants AS pa ON pa.meeting_id = m.id
            JOIN people AS p ON p.id = pa.person_id
            WHERE m.id = 'cgss-12' ORDER BY pa.position
            """
        ).fetchall()
        assert rows == [
            ("cgss-12", "Tasnim Aslam", "led the Pakistan side"),
            ("cgss-12", "Sergey Ryabkov", "led the Russian delegation"),
        ]
        fks = db.execute("SELECT * FROM pragma_foreign_key_list('participants')").fetchall()
        assert {fk[2] for fk in fks} == {"meetings", "people", "bodies", "countries"}
        with pytest.raises(sqlite3.IntegrityError):
            db.execute(
                "INSERT INTO participants (meeting_id, position, person_id, lead, source_ids)"
                " VALUES ('no-such-meeting', 0, NULL, 0, '[]')"
            )
        version = db.execute("SELECT value FROM meta WHERE key = 'data_version'").fetchone()
        assert version == ("1.0.0",)
        aliases = db.execute(
            "SELECT j.value FROM bodies AS b, json_each(b.aliases) AS j WHERE b.id = 'pk-ru-jwg-ct'"
        ).fetchall()
        assert aliases == [("JWG",)]
    finally:
        db.close()


def test_datapackage_passes_frictionless(exported: dict[str, Path]) -> None:
    frictionless = pytest.importorskip("frictionless")
    report = frictionless.validate(exported["datapackage"] / "datapackage.json")
    assert report.valid, report.flatten(["rowNumber", "fieldName", "type", "note"])
    document = json.loads((exported["datapackage"] / "datapackage.json").read_text("utf-8"))
    assert document["version"] == "1.0.0"
    meetings = next(r for r in document["resources"] if r["name"] == "meetings")
    assert meetings["schema"]["primaryKey"] == ["id"]
    assert {"fields": ["series_id"], "reference": {"resource": "bodies", "fields": ["id"]}} in (
        meetings["schema"]["foreignKeys"]
    )


def test_frictionless_catches_a_broken_foreign_key(
    exported: dict[str, Path], tmp_path: Path
) -> None:
    frictionless = pytest.importorskip("frictionless")
    for path in exported["datapackage"].iterdir():
        (tmp_path / path.name).write_bytes(path.read_bytes())
    participants = tmp_path / "participants.csv"
    text = participants.read_text("utf-8").replace('"cgss-12","0",', '"cgss-99","0",', 1)
    participants.write_text(text, "utf-8")
    report = frictionless.validate(tmp_path / "datapackage.json")
    assert not report.valid
    assert "foreign-key" in {e[0] for e in report.flatten(["type"])}


@pytest.mark.parametrize("fmt", ["json", "jsonl"])
def test_exported_records_match_the_json_schema(
    fmt: str, ds: Dataset, exported: dict[str, Path]
) -> None:
    path = exported[fmt] / f"records.{fmt}"
    text = path.read_text("utf-8")
    items = json.loads(text) if fmt == "json" else [json.loads(x) for x in text.splitlines()]
    schemas = {
        p.name.removesuffix(".schema.json"): json.loads(p.read_text("utf-8"))
        for p in JSON_DIR.glob("*.schema.json")
    }
    union = jsonschema.Draft202012Validator(schemas["record"])
    for item in items:
        jsonschema.Draft202012Validator(schemas[item["type"]]).validate(item)
        union.validate(item)
        # the models are strict (tuples, dates): JSON goes through validate_json
        assert record_adapter.validate_json(json.dumps(item)) == ds.get(item["id"])
    assert [i["id"] for i in items] == [r.id for r in ds.records]


def test_json_schema_rejects_a_broken_record(exported: dict[str, Path]) -> None:
    items = json.loads((exported["json"] / "records.json").read_text("utf-8"))
    meeting = next(i for i in items if i["type"] == "meeting")
    meeting["status"] = "maybe"
    schema = json.loads((JSON_DIR / "meeting.schema.json").read_text("utf-8"))
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.Draft202012Validator(schema).validate(meeting)


@pytest.mark.parametrize("fmt", FORMATS)
def test_cli_export(
    fmt: str, tmp_path: Path, capsys: pytest.CaptureFixture[str], fixture_root: Path
) -> None:
    out = tmp_path / "out"
    code = main(["export", "--format", fmt, "--out", str(out), "-v", str(fixture_root)])
    assert code == 0
    summary, *listed = capsys.readouterr().out.splitlines()
    files = sorted(p for p in out.iterdir() if p.name != ".pakru-export.json")
    assert re.fullmatch(
        rf"{fmt}: {len(files)} files, [\d,]+ (KiB|bytes), data 1\.0\.0, \d+ records → {out}",
        summary,
    ), summary
    assert [Path(p.strip()) for p in listed] == files


def test_cli_export_rejects_an_unknown_format(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as info:
        main(["export", "--format", "xlsx", "--out", "x"])
    assert info.value.code == 2
    assert "invalid choice" in capsys.readouterr().err


def test_pakru_export_shows_only_its_own_names() -> None:
    """``__all__`` is what it defines; ``dir()`` adds the format modules, not its imports."""
    import pakru.export as package  # noqa: PLC0415

    assert package.__all__ == [
        "ALL",
        "FORMATS",
        "ExportError",
        "dtypes",
        "export",
        "meta",
        "read",
        "read_csv",
        "tables",
    ]
    starred: dict[str, object] = {}
    exec("from pakru.export import *", starred)  # noqa: S102 - a fixed statement
    assert sorted(set(starred) - {"__builtins__"}) == sorted(package.__all__)
    for name in ("ExportError", "export", "meta", "read", "read_csv", "tables"):
        assert getattr(package, name).__module__ == "pakru.export", name
    folder = Path(package.__file__).parent
    modules = [p.stem for p in folder.glob("*.py") if p.stem != "__init__"]
    assert "csv_" in modules
    assert dir(package) == sorted({*package.__all__, *modules})
    assert not {"hashlib", "json", "Path", "stat", "write_text"} & set(dir(package))
