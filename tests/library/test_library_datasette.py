"""The SQLite export served by Datasette in-process: search, views, metadata, indexes."""

import asyncio
import json
import sqlite3
from pathlib import Path
from typing import Any

import pytest

from pakru.dataset import Dataset
from pakru.export import export
from pakru.export import tables as export_tables
from pakru.export.sqlite import FTS, VIEWS


@pytest.fixture(scope="module")
def exported(ds: Dataset, tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("sqlite")
    export(ds, "sqlite", out)
    return out


def _get(out: Path, *paths: str) -> list[Any]:
    """Serve the export with Datasette (no network: its in-process client) and GET each path."""
    from datasette.app import Datasette  # noqa: PLC0415 - test dependency, slow to import

    metadata = json.loads((out / "metadata.json").read_text(encoding="utf-8"))

    async def fetch() -> list[Any]:
        app = Datasette([str(out / "pakru.sqlite")], metadata=metadata)
        answers = []
        for path in paths:
            response = await app.client.get(path)
            assert response.status_code == 200, (path, response.text[:500])
            answers.append(response.json() if ".json" in path else response.text)
        return answers

    return asyncio.run(fetch())


def test_search_finds_quotes_and_report_texts(exported: Path, ds: Dataset) -> None:
    quotes, texts, everything = _get(
        exported,
        "/pakru/evidence.json?_search=Ryabkov&_shape=array",
        "/pakru/source_texts.json?_search=Ryabkov&_shape=array&_col=source_id",
        "/pakru/evidence.json?_shape=array&_size=max",
    )
    expected = sorted(
        (r["record_id"], r["path"]) for r in everything if "Ryabkov" in str(r["quote"])
    )
    assert expected  # the fixture has quotes naming him
    assert sorted((r["record_id"], r["path"]) for r in quotes) == expected
    assert len(quotes) < len(everything)  # ?_search filters; it used to return every row
    assert [r["source_id"] for r in texts] == sorted(
        s for s, text in ds.texts.items() if "Ryabkov" in text
    )


def test_views_answer_the_common_questions(exported: Path, ds: Dataset) -> None:
    meetings, evidence, timeline = _get(
        exported,
        "/pakru/meetings_detailed.json?_shape=array",
        "/pakru/evidence_with_sources.json?_shape=array&_size=max",
        "/pakru/timeline.json?_shape=array",
    )
    cgss = next(m for m in meetings if m["id"] == "cgss-12")
    assert cgss["participants"] == "Tasnim Aslam; Sergey Ryabkov"
    assert cgss["series"] == ds.get("pk-ru-cgss").name  # type: ignore[union-attr]
    first = evidence[0]
    source = ds.get(first["source_id"])
    assert first["source_title"] == source.title  # type: ignore[union-attr]
    assert [r["id"] for r in timeline] == [r.id for r in ds.timeline()]


def test_metadata_gives_title_licence_and_column_descriptions(exported: Path, ds: Dataset) -> None:
    meetings = export_tables(ds)["meetings"]
    (page,) = _get(exported, "/pakru/meetings")
    assert "CC BY 4.0" in page
    assert meetings.description in page
    metadata = json.loads((exported / "metadata.json").read_text(encoding="utf-8"))
    tables = metadata["databases"]["pakru"]["tables"]
    status = next(c for c in meetings.columns if c.name == "status")
    assert status.description
    assert tables["meetings"]["columns"]["status"] == status.description
    assert set(VIEWS) <= set(tables)
    assert metadata["license_url"].startswith("https://creativecommons.org/")


def test_every_foreign_key_column_is_indexed(exported: Path) -> None:
    db = sqlite3.connect(exported / "pakru.sqlite")
    try:
        tables = [
            r[0]
            for r in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
            if "_fts" not in r[0]
        ]
        unindexed = []
        for table in tables:
            first_columns = {
                db.execute("SELECT name FROM pragma_index_info(?)", (index,)).fetchone()[0]
                for (index,) in db.execute("SELECT name FROM pragma_index_list(?)", (table,))
            }
            keys = db.execute('SELECT "from" FROM pragma_foreign_key_list(?)', (table,))
            unindexed += [f"{table}.{c}" for (c,) in keys if c not in first_columns]
        assert unindexed == []
        fts = db.execute("SELECT name FROM sqlite_master WHERE sql LIKE '%USING fts5%'")
        assert sorted(r[0] for r in fts) == sorted([*(f"{t}_fts" for t in FTS), "timeline_fts"])
    finally:
        db.close()


def test_search_on_the_views_finds_only_the_matching_rows(exported: Path) -> None:
    evidence, every_quote, meetings, every_meeting, timeline, everything, base = _get(
        exported,
        "/pakru/evidence_with_sources.json?_search=Ryabkov&_shape=array&_size=max",
        "/pakru/evidence_with_sources.json?_shape=array&_size=max",
        "/pakru/meetings_detailed.json?_search=Consultative&_shape=array",
        "/pakru/meetings_detailed.json?_shape=array",
        "/pakru/timeline.json?_search=drills&_shape=array",
        "/pakru/timeline.json?_shape=array",
        "/pakru/meetings.json?_shape=array&_col=title&_col=note",
    )
    expected = sorted((r["record_id"], r["path"]) for r in every_quote if "Ryabkov" in r["quote"])
    assert expected
    assert sorted((r["record_id"], r["path"]) for r in evidence) == expected
    titled = sorted(m["id"] for m in base if "consultative" in f"{m['title']} {m['note']}".lower())
    assert titled
    assert len(titled) < len(every_meeting)
    assert sorted(m["id"] for m in meetings) == titled
    drills = sorted(r["id"] for r in everything if "drills" in r["title"].lower())
    assert drills
    assert len(drills) < len(everything)
    assert sorted(r["id"] for r in timeline) == drills


def test_default_facets_name_columns_that_exist(exported: Path) -> None:
    metadata = json.loads((exported / "metadata.json").read_text(encoding="utf-8"))
    described = metadata["databases"]["pakru"]["tables"]
    db = sqlite3.connect(exported / "pakru.sqlite")
    try:
        for name, about in described.items():
            columns = {r[1] for r in db.execute(f"PRAGMA table_info({json.dumps(name)})")}
            assert set(about.get("facets", [])) <= columns, name
            if "fts_pk" in about:
                assert about["fts_pk"] in columns, name
    finally:
        db.close()
    assert described["meetings"]["facets"][:2] == ["status", "kind"]
    tables, views = _get(
        exported,
        "/pakru/meetings.json?_extra=facet_results",
        "/pakru/meetings_detailed.json?_extra=facet_results",
    )
    assert list(tables["facet_results"]) == described["meetings"]["facets"]
    assert list(views["facet_results"]) == described["meetings_detailed"]["facets"]
