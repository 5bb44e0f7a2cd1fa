"""Export columns come from the model fields: names, types, descriptions, foreign keys."""

import pytest

from pakru.dataset import Dataset
from pakru.export import columns
from pakru.export import tables as export_tables
from pakru.export.model import Column, ForeignKey, Table
from pakru.schema import Agreement, DateInterval, Evidence, Meeting, Participant, Person
from pakru.schema.introspect import field


@pytest.fixture(scope="module")
def built(ds: Dataset) -> dict[str, Table]:
    return export_tables(ds)


def _column(table: Table, name: str) -> Column:
    return next(c for c in table.columns if c.name == name)


@pytest.mark.parametrize(
    ("table", "column", "model", "name"),
    [
        ("meetings", "series_id", Meeting, "series"),
        ("meetings", "ordinal", Meeting, "ordinal"),
        ("meetings", "date_precision", DateInterval, "precision"),
        ("people", "country", Person, "country"),
        ("participants", "lead", Participant, "lead"),
        ("agreements", "parties", Agreement, "parties"),
        ("evidence", "source_id", Evidence, "source"),
    ],
)
def test_descriptions_are_the_model_docstrings(
    built: dict[str, Table], table: str, column: str, model: type, name: str
) -> None:
    described = _column(built[table], column).description
    assert described == field(model, name).description.replace("``", "`")


def test_types_follow_the_annotations(built: dict[str, Table]) -> None:
    meetings = built["meetings"]
    assert _column(meetings, "ordinal").type == "integer"
    assert _column(meetings, "date_earliest").type == "date"
    assert _column(meetings, "same_as_ids").type == "list"
    assert _column(built["participants"], "lead").type == "boolean"
    assert _column(built["agreements"], "parties_cow").item == "integer"


def test_foreign_keys_follow_references_and_country_codes(built: dict[str, Table]) -> None:
    assert built["meetings"].foreign_keys == (
        ForeignKey(("country",), "countries", ("alpha2",)),
        ForeignKey(("series_id",), "bodies"),
        ForeignKey(("announced_at_id",), "meetings"),
        ForeignKey(("realises_id",), "meetings"),
        ForeignKey(("realised_by_id",), "meetings"),
    )
    # a reference that may name several kinds (a participant is a person or a body) has none
    assert [fk.columns for fk in built["conflict_sides"].foreign_keys] == [("conflict_id",)]


def test_required_columns_are_the_primary_key(built: dict[str, Table]) -> None:
    for table in built.values():
        required = tuple(c.name for c in table.columns if c.required)
        assert required == tuple(n for n in table.column_names if n in table.primary_key)
        assert set(table.primary_key) <= set(table.column_names)


def test_rows_have_exactly_the_columns(built: dict[str, Table]) -> None:
    for table in built.values():
        assert len(set(table.column_names)) == len(table.column_names), table.name
        for row in table.rows:
            assert tuple(row) == table.column_names


def test_a_column_named_twice_is_refused() -> None:
    declared = columns.own(Person, "id name id")
    with pytest.raises(ValueError, match=r"people: columns named twice: \['id'\]"):
        columns.table("people", "", declared, [])
