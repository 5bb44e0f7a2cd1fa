"""A list item holding the list separator ``;`` is exported, and reads back exactly.

In a CSV list cell the items are joined with ``;``; an item's own ``;`` is
written ``\\;`` and its ``\\`` as ``\\\\`` (:func:`pakru.export.csv_.to_text`),
so a title such as "Foreign Minister; Chair" no longer stops an export (and
with it the site build), and :func:`pakru.export.read_csv` gives the items back.
"""

import json
from pathlib import Path

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from pakru.dataset import Dataset
from pakru.export import export, read, read_csv
from pakru.export import tables as export_tables
from pakru.export.csv_ import from_text, parse, to_text
from pakru.export.datapackage import LIST_NOTE
from pakru.export.model import Column

TITLE = "Foreign Minister; Chair of the \\ Council"
ALIASES = ("Ryabkov; S. A.", "a\\;b", "\\", ";", "plain")
WORDS = Column("words", "list", "")


@pytest.fixture(scope="module")
def listed(ds: Dataset) -> Dataset:
    """The fixture dataset with ``;`` and ``\\`` in a person's aliases and first title."""
    person = ds.person("sergey-ryabkov")
    title = person.titles[0].model_copy(update={"title": TITLE})
    changed = person.model_copy(update={"aliases": ALIASES, "titles": (title, *person.titles[1:])})
    records = [changed if r.id == person.id else r for r in ds.records]
    return Dataset(records, ds.texts, version=ds.version, withdrawn=ds.withdrawn.values())


@pytest.fixture(scope="module")
def out(listed: Dataset, tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("lists")
    export(listed, "all", folder)
    return folder


def test_the_cell_escapes_the_separator(out: Path) -> None:
    header, *rows = parse((out / "csv" / "people.csv").read_bytes().decode("utf-8"))
    row = next(r for r in rows if r[0] == "sergey-ryabkov")
    assert row[header.index("aliases")] == "Ryabkov\\; S. A.;a\\\\\\;b;\\\\;\\;;plain"
    assert row[header.index("titles")] == "Foreign Minister\\; Chair of the \\\\ Council"


@pytest.mark.parametrize("fmt", ["csv", "datapackage", "json", "jsonl", "sqlite", "parquet"])
def test_every_format_reads_back_the_items(fmt: str, listed: Dataset, out: Path) -> None:
    if fmt == "parquet":
        pytest.importorskip("pyarrow")
    tables = export_tables(listed)
    rows, _ = read(fmt, out / fmt, tables)
    people = {r["id"]: r for r in rows["people"]}
    assert people["sergey-ryabkov"]["aliases"] == ALIASES
    assert people["sergey-ryabkov"]["titles"][0] == TITLE
    assert rows["people"] == list(tables["people"].rows)


def test_read_csv_undoes_the_escapes(out: Path) -> None:
    people = read_csv(out / "csv" / "people.csv").set_index("id")
    assert list(people.loc["sergey-ryabkov", "aliases"]) == list(ALIASES)
    assert people.loc["sergey-ryabkov", "titles"][0] == TITLE


def test_the_data_package_says_how_items_are_escaped(out: Path) -> None:
    document = json.loads((out / "datapackage" / "datapackage.json").read_text("utf-8"))
    assert LIST_NOTE in document["description"]


@given(st.lists(st.text(alphabet=st.sampled_from(";\\ab\"'=\n"), max_size=6), max_size=4))
def test_any_items_round_trip(items: list[str]) -> None:
    assume(items != [""])  # one empty item and no item are both an empty cell
    assert from_text(WORDS, to_text(WORDS, tuple(items))) == tuple(items)
