"""The site builds with ``mkdocs build --strict``, from the fixture and from the dataset."""

import re
from pathlib import Path

from pakru.validate.pipeline import validate
from tests.site.conftest import FIXTURE_RECORDS, REPO
from tests.site.linkcheck import broken_links


def _text(site: Path, page: str) -> str:
    return (site / page / "index.html").read_text(encoding="utf-8")


def test_fixture_records_are_valid() -> None:
    errors = [f for f in validate([FIXTURE_RECORDS]) if f.severity == "error"]
    assert errors == []


def test_docs_hold_no_generated_pages() -> None:
    hand_written = {p.relative_to(REPO / "docs").as_posix() for p in (REPO / "docs").rglob("*")}
    pages = {p for p in hand_written if p.endswith(".md")}
    assert pages == {"index.md", "guide.md", "about.md", "library.md", "versioning.md"} | {
        "performance.md",  # hand-written by the scale work; linked from the nav by the site
        "guarantees.md",  # hand-written promises, each naming its test (tests/faults)
    }


def test_fixture_site_links_resolve(fixture_site: Path) -> None:
    assert broken_links(fixture_site) == []


def test_real_site_links_resolve(real_site: Path) -> None:
    assert broken_links(real_site) == []


def test_real_site_has_a_page_per_record(real_site: Path) -> None:
    import pakru  # noqa: PLC0415
    from docs.gen_pages import page_of  # noqa: PLC0415

    for record in pakru.load().records:
        page = page_of(record).removesuffix(".md")
        assert (real_site / page / "index.html").is_file(), page


def test_home_has_counts_and_timeline(fixture_site: Path) -> None:
    home = (fixture_site / "index.html").read_text(encoding="utf-8")
    assert re.search(r"Meetings</a></td>\s*<td>3</td>", home)
    timeline = home[home.index('id="timeline"') :]
    order = [timeline.index(f"jwg-ct-0{n}/") for n in (7, 8, 9)]
    assert order == sorted(order)
    assert "<strong>planned</strong>" in timeline
    assert "? – 2019-04-20" in timeline  # an open range
    assert "2018 (2018-01-01 – 2018-12-31)" in timeline  # a year shown as its range


def test_meeting_page_links_to_highlighted_quotes(fixture_site: Path) -> None:
    page = _text(fixture_site, "meetings/jwg-ct-07")
    fragments = re.findall(r'href="\.\./\.\./sources/src-fixture-a/#(q-[0-9a-f]+)"', page)
    assert fragments
    source = _text(fixture_site, "sources/src-fixture-a")
    for fragment in fragments:
        assert f'id="{fragment}"' in source
        assert re.search(rf'<mark class="pk-quote[^"]*\b{fragment}\b', source)


def test_links_both_ways(fixture_site: Path) -> None:
    person = _text(fixture_site, "people/sergey-ryabkov")
    assert "../../meetings/jwg-ct-07/" in person
    assert "../../meetings/jwg-ct-09/" in person
    source = _text(fixture_site, "sources/src-fixture-b")
    for cited_by in ("meetings/jwg-ct-09/", "events/exercise-friendship/", "bodies/jwg-ct/"):
        assert f"../../{cited_by}" in source


def test_series_page_shows_ordinals_and_statuses(fixture_site: Path) -> None:
    series = _text(fixture_site, "bodies/jwg-ct")
    rows = re.findall(r"<tr>\s*<td>(\d+)</td>.*?</tr>", series, re.DOTALL)
    assert rows == ["7", "8", "9"]
    assert "Gaps in the numbering: none." in series


def test_conflicts_side_by_side(fixture_site: Path) -> None:
    page = _text(fixture_site, "conflicts")
    assert "Side 1:" in page
    assert "Side 2:" in page
    assert "Cherat" in page
    assert "Tarbela" in page


def test_reference_pages(fixture_site: Path) -> None:
    schema = _text(fixture_site, "reference/schema")
    assert "The dialogue series (a body of kind" in schema  # a description from the model
    assert (fixture_site / "reference/schema/meeting.schema.json").is_file()
    rules = _text(fixture_site, "reference/rules")
    assert "references.resolve" in rules
    assert (fixture_site / "downloads/records.json").is_file()
