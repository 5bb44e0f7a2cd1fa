"""Unit tests of pakru.site's pure parts: words, quotes, series numbering, pages()."""

import datetime as dt
import shutil
from pathlib import Path
from typing import get_args

import pytest

import pakru
from pakru.coverage import sentences
from pakru.schema import DateInterval
from pakru.schema.dates import DateRule
from pakru.site.generate import pages
from pakru.site.markup import esc, prose
from pakru.site.paths import rel_url, url_of
from pakru.site.quotes import Passage, highlighted, quote_id
from pakru.site.series import missing_ranges, span
from pakru.site.words import RULE_WORDS, date_words, field_label, short_source, source_name
from tests.site.conftest import FIXTURE_RECORDS


def _interval(
    first: str | None, last: str | None, precision: str, **derivation: str
) -> DateInterval:
    derivations = [derivation] if derivation else []
    return DateInterval.model_validate(
        {"earliest": first, "latest": last, "precision": precision, "derivations": derivations},
        strict=False,
    )


def test_dates_in_words() -> None:
    assert date_words(_interval("2018-03-21", "2018-03-21", "day")) == "21 March 2018"
    assert (
        date_words(_interval("2018-02-01", "2018-02-28", "month")) == "some time in February 2018"
    )
    assert date_words(_interval("2019-01-01", "2019-12-31", "year")) == "some time in 2019"
    assert date_words(_interval("2018-01-01", "2018-03-15", "range")) == (
        "between 1 January and 15 March 2018"
    )
    assert date_words(_interval("2017-12-30", "2018-01-02", "range")) == (
        "between 30 December 2017 and 2 January 2018"
    )
    assert date_words(_interval(None, None, "unknown")) == "date not known"
    assert date_words(_interval("2018-03-03", None, "range")) == "on or after 3 March 2018"
    before = _interval(
        None, "2018-03-15", "range", rule="before-publication", source="src-a", quote="has been"
    )
    assert date_words(before) == "on or before 15 March 2018, the report's date"
    assert date_words(_interval(None, "2018-03-15", "range")) == "on or before 15 March 2018"


def test_every_date_rule_has_words() -> None:
    assert set(RULE_WORDS) == set(get_args(DateRule))


def test_field_labels() -> None:
    assert field_label("announced_at") == "Announced at"
    assert field_label("location.city") == "Location city"


def test_sources_are_named_by_outlet_author_and_date() -> None:
    from pakru.schema import Source  # noqa: PLC0415

    def source(**fields: object) -> Source:
        base = {"type": "source", "id": "src-1234abcd", "file": "x.txt", "title": None}
        base |= {"publisher": None, "author": None, "published": None}
        base |= {"evidence": [{"source": "src-1234abcd", "quote": "abc"}]}
        return Source.model_validate(base | fields, strict=False)

    dated = source(published="2018-03-15")
    assert source_name(dated) == "Report (15 March 2018)"
    assert short_source(dated) == "report of 15 March 2018"
    by = source(author="Zahid Chaudhary", published="2018-03-03")
    assert source_name(by) == "Report (by Zahid Chaudhary, 3 March 2018)"
    assert short_source(by) == "Zahid Chaudhary, 3 March 2018"
    outlet = source(title="Pak-Russia alliance", publisher="The Frontier Post")
    assert source_name(outlet) == "“Pak-Russia alliance” (The Frontier Post, undated)"
    assert "src-" not in source_name(outlet) + short_source(source())


def test_missing_numbers_are_ranges_from_one() -> None:
    assert missing_ranges([12]) == [(1, 11)]
    assert missing_ranges([7, 9]) == [(1, 6), (8, 8)]
    assert missing_ranges([1, 2]) == []
    assert missing_ranges([]) == []
    assert [span(a, b) for a, b in missing_ranges([3, 6])] == ["1–2", "4–5"]


def test_urls_of_pages() -> None:
    assert url_of("index.md") == ""
    assert url_of("meetings/index.md") == "meetings/"
    assert url_of("meetings/x.md") == "meetings/x/"
    assert rel_url("index.md", "meetings/x.md") == "meetings/x/"
    assert rel_url("bodies/jwg-ct.md", "meetings/x.md") == "../../meetings/x/"
    assert rel_url("meetings/index.md", "meetings/x.md") == "x/"
    assert rel_url("meetings/x.md", "index.md") == "../../"


def test_highlight_overlapping_passages() -> None:
    text = "Pakistan and Russia today held\nthe 7th meeting."
    outer = Passage(quote_id(text), 0, len(text), ("a",))
    inner = Passage(quote_id("Russia today"), 13, 25, ("b",))
    out = highlighted(text, [outer, inner], lambda p: f"<i>{p.records[0]}</i>")
    assert out.count(f'id="{outer.qid}"') == 1
    assert out.count(f'id="{inner.qid}"') == 1
    assert f'<mark class="pk-quote {" ".join(sorted([outer.qid, inner.qid]))}">' in out
    assert "Russia today</mark><i>b</i>" in out
    assert out.endswith("<i>a</i>")
    same_end = Passage(quote_id("the 7th meeting."), 31, len(text), ("c",))
    out = highlighted(text, [outer, same_end], lambda p: f"<i>{p.records[0]}</i>")
    assert out.endswith("</mark><i>a</i>")  # one note where two passages end


def test_quote_id_ignores_whitespace() -> None:
    assert quote_id("a  b\nc") == quote_id("a b c")


def test_prose_and_escaping() -> None:
    assert prose("in ``records/x`` and *y*") == "in `records/x` and &#42;y&#42;"
    assert esc("a | <b> [c](d)") == "a &#124; &lt;b&gt; &#91;c&#93;(d)"
    assert esc('x {: onfocus="y" }') == "x &#123;: onfocus=&quot;y&quot; &#125;"
    assert esc("&lt;'") == "&amp;lt;&#x27;"
    assert esc(" - a") == " &#45; a"  # a list only at the start of a block
    assert esc("12. a - b. c") == "12&#46; a - b. c"
    assert esc("=== a") == "&#61;== a"  # an underline only where a line starts
    assert esc("a\x00\x1b b\n\u2028c") == "a\ufffd\ufffd b c"


def _copy(tmp_path: Path) -> Path:
    records = tmp_path / "records"
    shutil.copytree(FIXTURE_RECORDS, records)
    return records


def test_series_page_states_numbers_not_held(tmp_path: Path) -> None:
    records = _copy(tmp_path)
    (records / "meetings" / "jwg-ct-08.yaml").unlink()
    built = pages(pakru.load([records]), run_exports=False)
    series = built["bodies/jwg-ct.md"]
    assert isinstance(series, str)
    assert "Not in this dataset: meetings 1–6, meeting 8 (the reports do not describe them)." in (
        series
    )
    assert '<td data-label="No." markdown="span">1–6</td>' in series
    assert "Gaps" not in series


def test_hostile_text_is_escaped(tmp_path: Path) -> None:
    records = _copy(tmp_path)
    path = records / "meetings" / "jwg-ct-07.yaml"
    hostile = "7th | <script>x</script> *a* [b](c)"
    lines = path.read_text(encoding="utf-8").splitlines()
    lines = [f"title: '{hostile}'" if line.startswith("title:") else line for line in lines]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    built = pages(pakru.load([records]), run_exports=False)
    page = built["meetings/jwg-ct-07.md"]
    assert isinstance(page, str)
    assert "<script>" not in page
    assert "7th &#124; &lt;script&gt;x&lt;/script&gt; &#42;a&#42; &#91;b&#93;(c)" in page
    assert page.startswith('---\ntitle: "7th | ‹script›x‹/script› *a* [b](c)"\ndescription: "')


def test_exports_are_made_in_process() -> None:
    built = pages(pakru.load([FIXTURE_RECORDS]))
    for fmt in ("json", "jsonl", "csv", "sqlite", "datapackage"):
        assert any(name.startswith(f"downloads/{fmt}/") for name in built), fmt
    downloads = built["downloads.md"]
    assert isinstance(downloads, str)
    assert "not available" not in downloads


def test_an_export_failure_fails_the_pages(monkeypatch: pytest.MonkeyPatch) -> None:
    from pakru.site import downloads  # noqa: PLC0415

    def broken(*_: object) -> list[Path]:
        raise OSError("disk full")

    monkeypatch.setattr(downloads, "export", broken)
    with pytest.raises(OSError, match="disk full"):
        pages(pakru.load([FIXTURE_RECORDS]))


def test_source_sentences_are_coverage_sentences() -> None:
    """The count on a source page comes from the same splitter as pakru.coverage."""
    ds = pakru.load([FIXTURE_RECORDS])
    built = pages(ds, run_exports=False)
    for source in ds.sources:
        page = built[f"sources/{source.id}.md"]
        assert isinstance(page, str)
        total = len(list(sentences(ds.text(source.id) or "")))
        assert f'<span class="pk-total">{total}</span>' in page


def test_dates_are_dates() -> None:
    assert dt.date(2018, 3, 3).isoformat() == "2018-03-03"


def test_map_draws_located_records_and_degrades_without() -> None:
    """Records whose location has latitude/longitude become points; none, a sentence."""
    from types import SimpleNamespace  # noqa: PLC0415

    from pakru.site.context import Site  # noqa: PLC0415
    from pakru.site.pictures import coordinates, meeting_map  # noqa: PLC0415

    ds = pakru.load([FIXTURE_RECORDS])
    site = Site(ds)
    assert "no map" in meeting_map(site, "index.md")

    from pakru.schema import Location  # noqa: PLC0415

    place = Location(city="Moscow", country="RU", venue=None, latitude=55.75, longitude=37.62)
    located = ds.get("jwg-ct-07").model_copy(update={"location": place})
    assert coordinates(place) == (55.75, 37.62)
    fake = Site(SimpleNamespace(meetings=(located,), events=()))  # type: ignore[arg-type]
    drawn = meeting_map(fake, "index.md")
    assert "<svg" in drawn
    assert 'href="meetings/jwg-ct-07/"' in drawn
    assert "Moscow, Russia (1)" in drawn

    # two records at one point: the point links to the list of both under the map
    other = ds.get("jwg-ct-08").model_copy(update={"location": place})
    drawn = meeting_map(
        Site(SimpleNamespace(meetings=(located, other), events=())),  # type: ignore[arg-type]
        "index.md",
    )
    assert "Moscow, Russia (2)" in drawn
    assert '<a href="#pk-place-1"><circle' in drawn
    listed = drawn.split('<li id="pk-place-1">', 1)[1].split("</li>", 1)[0]
    assert 'href="meetings/jwg-ct-07/"' in listed
    assert 'href="meetings/jwg-ct-08/"' in listed
