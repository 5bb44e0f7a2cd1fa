"""Every format spells awkward values and reads them back unchanged."""

import datetime as dt
from pathlib import Path

import pytest

from pakru.export import FORMATS, read
from pakru.export.csv_ import from_text, to_text
from pakru.export.model import Column, ForeignKey, Table


def _table() -> Table:
    columns = (
        Column("id", "string", "key", required=True),
        Column("text", "string", "text"),
        Column("number", "integer", "number"),
        Column("flag", "boolean", "flag"),
        Column("day", "date", "day"),
        Column("names", "list", "names"),
        Column("numbers", "list", "numbers", item="integer"),
        Column("other_id", "string", "self reference"),
    )
    awkward = [
        'comma, "quotes", and ‘typographic’ ones',
        "a line\nbreak and a\r\nwindows one",
        "ünïcödé — Пакистан — پاکستان",
        "=1+1",
        " leading and trailing spaces ",
    ]
    rows = [
        {
            "id": f"r{i}",
            "text": text,
            "number": i - 2,
            "flag": i % 2 == 0,
            "day": dt.date(2018, 3, i + 1),
            "names": (text.replace(";", ""), "b") if i else (),
            "numbers": (i, 770, 365) if i != 1 else (),
            "other_id": f"r{i - 1}" if i else None,
        }
        for i, text in enumerate(awkward)
    ]
    rows.append(dict.fromkeys(rows[0], None) | {"id": "nulls", "names": (), "numbers": ()})
    return Table(
        "things",
        "awkward values",
        columns,
        ("id",),
        (ForeignKey(("other_id",), "things"),),
        tuple(rows),
    )


@pytest.mark.parametrize("fmt", FORMATS)
def test_awkward_values_round_trip(fmt: str, tmp_path: Path) -> None:
    from importlib import import_module  # noqa: PLC0415

    table = _table()
    meta = {"name": "pakru", "title": "t", "data_version": "1.0.0"}
    meta |= {"license": "CC-BY-4.0"}
    import_module(FORMATS[fmt]).write({"things": table}, meta, [], tmp_path)
    rows, read_meta = read(fmt, tmp_path, {"things": table})
    assert rows["things"] == list(table.rows)
    assert read_meta == meta


def test_a_semicolon_in_a_list_item_is_escaped() -> None:
    column = Column("names", "list", "names")
    assert to_text(column, ("a;b",)) == "a\\;b"
    assert from_text(column, to_text(column, ("a;b",))) == ("a;b",)
    assert from_text(column, to_text(column, ("a", "b"))) == ("a", "b")
