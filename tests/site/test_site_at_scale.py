"""The site of a generated 2,000-record tree (issue 28, point 2): every record page reachable,
Material's full-text index the size of the prose (record pages and record lists left out), and
the record search answering in Chromium.

How fast is measured in ``benchmarks/scale.py`` (the site at 1,000 and 10,000 records, the
search timed in Chromium), never here; this test checks that the search answers.
"""

import json
import random
from collections import deque
from html.parser import HTMLParser
from pathlib import Path
from typing import Any
from urllib.parse import urldefrag, urlsplit

import pytest

import pakru
from benchmarks import corpus
from pakru.site.paths import page_of, url_of
from pakru.site.words import label
from tests.site.conftest import SITE_BASE, _built
from tests.site.linkcheck import broken_links

RECORDS = 2000


@pytest.fixture(scope="module")
def large_tree(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A generated tree of 2,000 records (``benchmarks/corpus.py``, seed 28)."""
    out = tmp_path_factory.mktemp("large") / "records"
    corpus.write(corpus.build(RECORDS, random.Random(28)), out)  # noqa: S311 - not crypto
    return out


@pytest.fixture(scope="module")
def large_site(large_tree: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The site of :func:`large_tree`, built by ``mkdocs build --strict``."""
    return _built(large_tree, tmp_path_factory.mktemp("large-site"))


class _Hrefs(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.hrefs: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "a":
            self.hrefs += [v for k, v in attrs if k == "href" and v]


def _reachable(site: Path) -> set[str]:
    """Every page (as its URL from the root) a reader reaches by following links from the
    home page."""
    seen = {""}
    queue = deque([""])
    while queue:
        url = queue.popleft()
        parser = _Hrefs()
        parser.feed((site / url / "index.html").read_text(encoding="utf-8"))
        for href in parser.hrefs:
            path = urldefrag(href)[0]
            parts = urlsplit(path)
            if not path or parts.scheme or parts.netloc or not path.endswith("/"):
                continue
            target = (site / url / path).resolve()
            if not target.is_relative_to(site.resolve()):
                continue
            found = target.relative_to(site.resolve()).as_posix()
            found = "" if found == "." else found + "/"
            if found not in seen and (site / found / "index.html").is_file():
                seen.add(found)
                queue.append(found)
    return seen


def test_every_record_page_is_reachable_from_the_home_page(
    large_tree: Path, large_site: Path
) -> None:
    ds = pakru.load([large_tree])
    assert len(ds) >= RECORDS
    pages = {url_of(page_of(r)) for r in ds.records}
    assert pages - _reachable(large_site) == set()
    assert broken_links(large_site, SITE_BASE) == []


def test_the_full_text_index_holds_no_record_page(large_tree: Path, large_site: Path) -> None:
    """Material's index is built in the reader's browser: record pages and record lists stay
    out of it, so it is the size of the prose whatever the dataset's size."""
    ds = pakru.load([large_tree])
    record_pages = {url_of(page_of(r)) for r in ds.records}
    index = json.loads((large_site / "search/search_index.json").read_text(encoding="utf-8"))
    indexed = {doc["location"].split("#")[0] for doc in index["docs"]}
    assert indexed & record_pages == set()
    assert {"", "meetings/", "guide/"} <= indexed  # the prose is still searched
    assert (large_site / "search/search_index.json").stat().st_size < 2_000_000
    manifest = json.loads((large_site / "search/records/index.json").read_text(encoding="utf-8"))
    assert sum(shard["records"] for shard in manifest["shards"]) == len(ds)


def test_the_coverage_page_continues_on_numbered_pages(large_site: Path) -> None:
    first = (large_site / "coverage/index.html").read_text(encoding="utf-8")
    assert 'href="2/"' in first
    assert (large_site / "coverage/2/index.html").is_file()


def test_search_finds_a_record_of_a_large_tree(
    browser: Any, serve: Any, large_tree: Path, large_site: Path
) -> None:
    """Typing a record's name shows its page among the results, first when the name is its
    own, and the link opens it; an id and a word no record has answer too."""
    from playwright.sync_api import expect  # noqa: PLC0415

    ds = pakru.load([large_tree])
    names: dict[str, int] = {}
    for record in ds.records:
        names[label(record)] = names.get(label(record), 0) + 1
    meeting = next(r for r in reversed(ds.meetings) if names[label(r)] == 1)
    person = next(r for r in ds.people if names[label(r)] == 1)
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)
    page.goto(serve(large_site) + "meetings/")
    box = page.locator("input.md-search__input")
    results = page.locator(".pk-record-result")
    queries = [(meeting, label(meeting)), (person, label(person)), (meeting, meeting.id)]
    for record, query in queries:
        box.click()
        box.fill("")
        page.keyboard.type(query, delay=5)
        expect(results.first).to_contain_text(label(record), timeout=15000)
        href = results.first.locator("a").get_attribute("href") or ""
        assert href.endswith(url_of(page_of(record))), (query, href)
    results.first.locator("a").click()
    page.wait_for_url(f"**/{url_of(page_of(meeting))}")
    expect(page.locator("h1").first).to_contain_text(label(meeting))
    box.click()
    box.fill("")
    page.keyboard.type("zqxjkv", delay=5)
    page.wait_for_timeout(500)
    assert results.count() == 0
    page.close()
    assert errors == []
