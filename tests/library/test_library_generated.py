"""Exports of a generated corpus (the scale helper's ``benchmarks/corpus.py``), when present.

The fixture is small and hand-written; the generated corpus has every
shape the generator knows (long series, planned meetings, conflicts,
unknown dates), so the exports are checked on it too.
"""

import random
import sqlite3
from pathlib import Path

import pytest

import pakru
from pakru.export import FORMATS, export, read
from pakru.export import tables as export_tables


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> pakru.Dataset:
    corpus = pytest.importorskip("benchmarks.corpus")
    root = tmp_path_factory.mktemp("generated") / "records"
    corpus.write(corpus.build(300, random.Random(7)), root)  # noqa: S311 - not crypto
    return pakru.load([root])


@pytest.mark.parametrize("fmt", FORMATS)
def test_generated_round_trip(fmt: str, generated: pakru.Dataset, tmp_path: Path) -> None:
    export(generated, fmt, tmp_path)
    tables = export_tables(generated)
    rows, _ = read(fmt, tmp_path, tables)
    for name, table in tables.items():
        assert rows[name] == list(table.rows), name


def test_generated_keys_hold(generated: pakru.Dataset, tmp_path: Path) -> None:
    export(generated, "sqlite", tmp_path / "sqlite")
    db = sqlite3.connect(tmp_path / "sqlite" / "pakru.sqlite")
    try:
        assert db.execute("PRAGMA foreign_key_check").fetchall() == []
    finally:
        db.close()
    frictionless = pytest.importorskip("frictionless")
    export(generated, "datapackage", tmp_path / "dp")
    report = frictionless.validate(tmp_path / "dp" / "datapackage.json")
    assert report.valid, report.flatten(["rowNumber", "fieldName", "type", "note"])


def test_generated_queries(generated: pakru.Dataset) -> None:
    timeline = generated.timeline()
    assert len(timeline) == len(generated.meetings + generated.agreements + generated.events)
    for body in generated.bodies:
        if body.kind == "dialogue-series":
            ordinals = [m.ordinal for m in generated.series(body.id) if m.ordinal is not None]
            assert ordinals == sorted(ordinals)
    for source in generated.sources[:20]:
        for record in generated.citing(source.id):
            assert source.id in generated.sources_of(record.id)
