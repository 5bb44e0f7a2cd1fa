"""The record search's files (:mod:`pakru.site.search`): every record once, in its kind's
file, named as its page names it, and no byte that reads as markup whatever the records hold."""

import json
from pathlib import Path

import pakru
from pakru.site.context import Site
from pakru.site.markup import front_matter, page_title
from pakru.site.paths import page_of, url_of
from pakru.site.search import FOLDER, MANIFEST, record_indexes
from pakru.site.words import label, summary
from tests.site.conftest import REPO
from tests.site.hostile import plant


def _rows(files: dict[str, str]) -> dict[str, list[list[str]]]:
    manifest = json.loads(files[MANIFEST])
    return {s["file"]: json.loads(files[f"{FOLDER}/{s['file']}"]) for s in manifest["shards"]}


def test_every_record_is_in_its_kinds_index_once() -> None:
    ds = pakru.load()
    files = record_indexes(Site(ds))
    manifest = json.loads(files[MANIFEST])
    rows = _rows(files)
    assert {s["file"]: s["records"] for s in manifest["shards"]} == {
        name: len(found) for name, found in rows.items()
    }
    urls = [row[0] for found in rows.values() for row in found]
    assert sorted(urls) == sorted(url_of(page_of(r)) for r in ds.records)
    for name, found in rows.items():
        for url, title, said, words in found:
            record = ds.get(url.split("/")[1])
            assert url.startswith(name.removesuffix(".json") + "/")
            assert (title, said) == (page_title(label(record)), page_title(summary(record)))
            assert words.split()[0] == record.id
            assert all(page_title(a) in words for a in getattr(record, "aliases", ()))
    assert [s["kind"] for s in manifest["shards"]][:3] == ["meeting", "agreement", "event"]


def test_the_index_files_hold_nothing_that_reads_as_markup(tmp_path: Path) -> None:
    tree = tmp_path / "records"
    plant(REPO / "records", tree)
    ds = pakru.load([tree])
    files = record_indexes(Site(ds))
    for name, content in files.items():
        assert not set("<>&") & set(content), name
    titles = {row[1] for found in _rows(files).values() for row in found}
    assert any("script" in t and "alert(" in t for t in titles)  # the payload, made inert


def test_a_record_page_is_left_out_of_materials_index() -> None:
    assert front_matter("x", searched=False).endswith("search:\n  exclude: true\n---\n\n")
    assert "search:" not in front_matter("x")
