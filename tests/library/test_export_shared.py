"""``--format all`` encodes each table once and writes what each format alone writes (issue 28:
``--format all`` ≤ 1.5x the slowest format, measured in benchmarks/scale.py).

The column-at-a-time encoders of CSV and SQLite and the one JSON encoder are shortcuts; each is
compared here with the plain per-value function it stands for, on the shipped data and on
values made to hit their edge cases."""

import datetime as dt
import json
import weakref
from pathlib import Path
from typing import Literal

import pytest
from hypothesis import given
from hypothesis import strategies as st

import pakru
from pakru.dataset import Dataset
from pakru.export import FORMATS, csv_, export, json_, sqlite
from pakru.export import tables as export_tables
from pakru.export.model import Column, ColumnType, Table, Value


@pytest.fixture(scope="module")
def shipped() -> dict[str, Table]:
    return export_tables(pakru.load())


def _columns(tables: dict[str, Table]) -> list[tuple[Column, list[Value]]]:
    return [(c, t.values(c.name)) for t in tables.values() for c in t.columns]


def test_the_column_encoders_equal_the_per_value_ones_on_the_shipped_data(
    shipped: dict[str, Table],
) -> None:
    for column, values in _columns(shipped):
        assert csv_.cells(column, values) == [csv_._cell(column, v) for v in values], column
        assert list(sqlite._sql_values(column, values)) == [sqlite._sql_value(v) for v in values]


def test_the_json_lines_equal_json_dumps_on_the_shipped_data(shipped: dict[str, Table]) -> None:
    for table in shipped.values():
        plain = [
            json.dumps({k: json_.to_json(v) for k, v in row.items()}, ensure_ascii=False)
            for row in table.rows
        ]
        assert json_.row_lines(table) == plain, table.name


TRICKY = st.text(alphabet=st.sampled_from(list("ab;\\\"'=+-@\t\r,\n é")), max_size=8)
SCALARS: dict[str, st.SearchStrategy[Value]] = {
    "string": TRICKY,
    "integer": st.integers(-(2**40), 2**40),
    "number": st.floats(allow_nan=False, allow_infinity=False),
    "boolean": st.booleans(),
    "date": st.dates(dt.date(1, 1, 1), dt.date(9999, 12, 31)),
}


KINDS: tuple[ColumnType, ...] = ("string", "integer", "number", "boolean", "date", "list")
ITEMS: tuple[Literal["string", "integer"], ...] = ("string", "integer")


def _tuple(items: list[str] | list[int]) -> Value:
    return tuple(items)


@st.composite
def columns(draw: st.DrawFn) -> tuple[Column, list[Value]]:
    kind = draw(st.sampled_from(KINDS))
    item = draw(st.sampled_from(ITEMS))
    column = Column("c", kind, "", item=item)
    if kind == "list":
        items: st.SearchStrategy[list[str] | list[int]] = (
            st.lists(TRICKY, max_size=4)
            if item == "string"
            else st.lists(st.integers(0, 10**6), max_size=4)
        )
        values: list[Value] = draw(st.lists(items.map(_tuple), max_size=6))
    else:
        values = draw(st.lists(st.none() | SCALARS[kind], max_size=6))
    return column, values


@given(columns())
def test_the_column_encoders_equal_the_per_value_ones(made: tuple[Column, list[Value]]) -> None:
    column, values = made
    assert csv_.cells(column, values) == [csv_._cell(column, v) for v in values]
    assert list(sqlite._sql_values(column, values)) == [sqlite._sql_value(v) for v in values]


@given(columns())
def test_a_json_line_is_json_dumps(made: tuple[Column, list[Value]]) -> None:
    column, values = made
    table = Table("t", "", (column,), (), (), tuple({"c": v} for v in values))
    assert json_.row_lines(table) == [
        json.dumps({"c": json_.to_json(v)}, ensure_ascii=False) for v in values
    ]


def test_format_all_writes_what_each_format_alone_writes(ds: Dataset, tmp_path: Path) -> None:
    every = export(ds, "all", tmp_path / "all")
    for fmt in FORMATS:
        alone = tmp_path / fmt
        theirs = sorted(p.relative_to(alone) for p in export(ds, fmt, alone))
        mine = sorted(p.relative_to(tmp_path / "all" / fmt) for p in every if p.parent.name == fmt)
        assert mine == theirs
        assert mine
        for name in mine:
            if name.suffix in (".sqlite", ".db", ".parquet"):
                continue  # binary files carry no timestamps of ours, but their bytes are theirs
            expected = (alone / name).read_bytes()
            assert (tmp_path / "all" / fmt / name).read_bytes() == expected, f"{fmt}/{name}"


def test_format_all_encodes_each_table_once(
    ds: Dataset, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    encoded: list[tuple[str, str]] = []
    cells, lines = csv_.cells, json_._ENCODER.encode

    def counted_cells(column: Column, values: list[Value]) -> list[str]:
        encoded.append(("csv", column.name))
        return cells(column, values)

    def counted_line(row: object) -> str:
        encoded.append(("json", repr(row)))
        return lines(row)

    monkeypatch.setattr(csv_, "cells", counted_cells)
    monkeypatch.setattr(json_._ENCODER, "encode", counted_line)
    export(ds, "all", tmp_path / "all")
    csv_calls = [e for e in encoded if e[0] == "csv"]
    json_calls = [e for e in encoded if e[0] == "json"]
    tables = export_tables(ds)
    # and meta.csv's two columns in both folders: its six rows are made by each format
    columns_written = sum(len(t.columns) for t in tables.values()) + 2 * 2
    rows_written = sum(len(t.rows) for t in tables.values()) + len(ds)  # and records.json
    assert len(csv_calls) == columns_written  # not twice: the data package shares the CSV
    assert len(json_calls) == rows_written  # not twice: JSON Lines shares the JSON lines


def test_json_is_an_array_of_the_json_lines(ds: Dataset, tmp_path: Path) -> None:
    export(ds, "json", tmp_path / "json")
    export(ds, "jsonl", tmp_path / "jsonl")
    for path in (tmp_path / "jsonl").glob("*.jsonl"):
        lines = path.read_text(encoding="utf-8").splitlines()
        array = (tmp_path / "json" / f"{path.stem}.json").read_text(encoding="utf-8")
        assert json.loads(array) == [json.loads(line) for line in lines]
        assert array == "[\n" + ",\n".join(lines) + ("\n]\n" if lines else "]\n")


def test_to_pandas_lets_each_table_go_before_making_the_next(
    ds: Dataset, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The tables are made one at a time and each is let go once its frame is made, so they
    never all sit in memory beside the frames (``to_pandas()`` ≤ 1.5x ``load()``'s memory)."""
    from pakru.export import frames  # noqa: PLC0415

    made: list[weakref.ref[Table]] = []
    real = frames.table_frame

    def watched(table: Table) -> object:
        assert all(ref() is None for ref in made), "an earlier table is still held"
        made.append(weakref.ref(table))
        return real(table)

    monkeypatch.setattr(frames, "table_frame", watched)
    assert isinstance(ds, pakru.Dataset)
    out = ds.to_pandas()
    assert len(made) == len(out) == len(export_tables(ds)) + 1  # and meta
