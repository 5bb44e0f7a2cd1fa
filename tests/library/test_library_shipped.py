"""The shipped records export in every format, read back equal, and pass Frictionless."""

import json
import sqlite3
from pathlib import Path

import jsonschema
import pytest

import pakru
from pakru.export import FORMATS, export, read
from pakru.export import tables as export_tables
from pakru.schema import record_adapter
from pakru.schema.jsonschema import JSON_DIR


@pytest.fixture(scope="module")
def shipped(tmp_path_factory: pytest.TempPathFactory) -> tuple[pakru.Dataset, Path]:
    ds = pakru.load()
    out = tmp_path_factory.mktemp("shipped")
    for fmt in FORMATS:
        export(ds, fmt, out / fmt)
    return ds, out


@pytest.mark.parametrize("fmt", FORMATS)
def test_shipped_round_trip(fmt: str, shipped: tuple[pakru.Dataset, Path]) -> None:
    ds, out = shipped
    tables = export_tables(ds)
    rows, meta = read(fmt, out / fmt, tables)
    for name, table in tables.items():
        assert rows[name] == list(table.rows), name
    assert meta["data_version"] == ds.version


def test_shipped_keys_and_frictionless(shipped: tuple[pakru.Dataset, Path]) -> None:
    ds, out = shipped
    db = sqlite3.connect(out / "sqlite" / "pakru.sqlite")
    try:
        assert db.execute("PRAGMA foreign_key_check").fetchall() == []
        joined = db.execute(
            "SELECT count(*) FROM meetings m JOIN participants pa ON pa.meeting_id = m.id "
            "JOIN people p ON p.id = pa.person_id"
        ).fetchone()
        assert joined[0] > 0
    finally:
        db.close()
    assert len(ds.meetings) > 0
    frictionless = pytest.importorskip("frictionless")
    report = frictionless.validate(out / "datapackage" / "datapackage.json")
    assert report.valid, report.flatten(["rowNumber", "fieldName", "type", "note"])


def test_shipped_records_match_the_json_schema(shipped: tuple[pakru.Dataset, Path]) -> None:
    ds, out = shipped
    schema = json.loads((JSON_DIR / "record.schema.json").read_text("utf-8"))
    validator = jsonschema.Draft202012Validator(schema)
    items = json.loads((out / "json" / "records.json").read_text("utf-8"))
    for item in items:
        validator.validate(item)
        assert record_adapter.validate_json(json.dumps(item)) == ds.get(item["id"])
    assert len(items) == len(ds)
