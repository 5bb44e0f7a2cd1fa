"""What a reader sees on the built site (issue 29, point 4): honest open bars and spaced year
labels on the time charts, the Conflicts page in two parts naming its records, "not reported"
as a fact, a meta description per page, every export in one zip with each file described, and
a list script that writes no markup."""

import datetime as dt
import io
import itertools
import re
import zipfile
from html import unescape
from pathlib import Path

import pytest
import yaml

import pakru
from pakru.export.citation import citation
from pakru.schema import DateInterval
from pakru.site import pictures
from pakru.site.context import Site as SiteContext
from pakru.site.lists import home
from pakru.site.markup import page_title
from pakru.site.paths import file_url, page_of, rel_url
from pakru.site.words import label, summary
from tests.site.conftest import FIXTURE_RECORDS, REPO


def _text(site: Path, page: str) -> str:
    return (site / page / "index.html").read_text(encoding="utf-8")


def _interval(earliest: dt.date | None, latest: dt.date | None) -> DateInterval:
    return DateInterval(earliest=earliest, latest=latest, precision="range")


AXIS = pictures.Axis(dt.date(2007, 1, 1), dt.date(2023, 1, 1))


def _rect_x(svg: str) -> tuple[float, float]:
    match = re.search(r'<rect x="([\d.]+)" y="[\d.-]+" width="([\d.]+)"', svg)
    assert match, svg
    return float(match[1]), float(match[2])


def test_an_open_bar_ends_where_the_sources_fix_it_and_does_not_reach_the_axis_start() -> None:
    before = pictures._shape(AXIS, _interval(None, dt.date(2018, 12, 31)), 10, "pk-held")
    x, width = _rect_x(before)
    assert x > AXIS.left + pictures.OPEN_STUB  # not a 2007–2018 span
    assert x + width == pytest.approx(AXIS.x(dt.date(2019, 1, 1)), abs=0.1)
    assert "pk-open" in before
    arrow = [float(n) for n in re.findall(r"([\d.]+),", before.split("points=")[1])]
    assert min(arrow) < x  # the arrow points left, the way "on or before" is open

    after = pictures._shape(AXIS, _interval(dt.date(2015, 1, 1), None), 10, "pk-held")
    x, width = _rect_x(after)
    assert x == pytest.approx(AXIS.x(dt.date(2015, 1, 1)), abs=0.1)
    assert x + width < AXIS.right
    arrow = [float(n) for n in re.findall(r"([\d.]+),", after.split("points=")[1])]
    assert max(arrow) > x + width

    closed = pictures._shape(AXIS, _interval(dt.date(2015, 1, 1), dt.date(2015, 12, 31)), 10, "")
    assert "pk-open" not in closed
    assert "polygon" not in closed


@pytest.mark.parametrize(
    ("left", "right"), [(pictures.LABEL, pictures.WIDTH - 10), (6, pictures.PHONE_WIDTH - 10)]
)
@pytest.mark.parametrize("first", [1990, 2007, 2016, 2021])
def test_year_labels_keep_apart_and_inside_the_chart(left: float, right: float, first: int) -> None:
    axis = pictures.Axis(dt.date(first, 1, 1), dt.date(2023, 1, 1), left=left, right=right)
    grid = pictures._grid(axis, 100)
    xs = [float(x) for x in re.findall(r'<text x="([\d.]+)"', grid)]
    assert xs, grid
    assert all(b - a >= pictures.TICK_GAP for a, b in itertools.pairwise(xs)), xs
    assert all(x + pictures.TICK_LABEL - 2 <= right + 10 for x in xs), xs
    assert "text-anchor" not in grid  # no label flipped leftwards onto its neighbour


def test_raw_links_for_each_generator() -> None:
    """MkDocs leaves raw HTML links as written (relative to the page's URL); Zensical reads them
    relative to the Markdown file and adds ``../`` on a page that is not an index."""
    assert rel_url("bodies/jwg-ct.md", "meetings/jwg-ct-07.md") == "../../meetings/jwg-ct-07/"
    assert file_url("bodies/jwg-ct.md", "meetings/jwg-ct-07.md") == "../meetings/jwg-ct-07/"
    assert file_url("series.md", "meetings/jwg-ct-07.md") == "meetings/jwg-ct-07/"
    assert file_url("index.md", "meetings/jwg-ct-07.md") == rel_url(
        "index.md", "meetings/jwg-ct-07.md"
    )


def test_conflicts_page_has_two_parts_an_introduction_and_names_the_records(
    fixture_site: Path,
) -> None:
    page = _text(fixture_site, "conflicts")
    body = page[page.index('<h1 id="conflicts"') :]
    assert "instead of choosing quietly" in body  # the introduction
    assert body.index('id="disagreements"') < body.index('id="possible-identities"')
    ds = pakru.load([FIXTURE_RECORDS])
    for conflict in ds.conflicts:
        names = [label(ds.get(s.record)) for s in conflict.sides]
        heading = re.search(r"<h3[^>]*>(.*?)<", body)
        assert heading, body
        for name in dict.fromkeys(names):
            assert unescape(name) in unescape(heading[1])
    assert "None in the dataset: no possible identities are recorded." in body
    own = _text(fixture_site, "conflicts/exercise-friendship-place")
    assert "The sources disagree about" in own


def test_who_led_each_side_is_a_fact_even_when_not_reported(
    fixture_site: Path, real_site: Path
) -> None:
    fixture = unescape(re.sub(r"<[^>]+>", "", _text(fixture_site, "meetings/jwg-ct-07")))
    assert "Who led each side\nPakistan: not reported; Russia: Sergey Ryabkov" in fixture
    real = unescape(re.sub(r"<[^>]+>", "", _text(real_site, "meetings/jwg-ct-07")))
    assert "Who led each side\nPakistan: not reported; Russia: not reported" in real


_DESCRIPTION = re.compile(r'<meta name="description" content="([^"]*)"')


def test_every_page_has_its_own_meta_description(fixture_site: Path) -> None:
    site_description = yaml.safe_load((REPO / "mkdocs.yml").read_text(encoding="utf-8"))[
        "site_description"
    ]
    seen: dict[str, str] = {}
    for path in sorted(fixture_site.rglob("index.html")):
        page = path.parent.relative_to(fixture_site).as_posix()
        if page in ("performance", "."):  # another developer's page; the home page says it all
            continue
        found = _DESCRIPTION.search(path.read_text(encoding="utf-8"))
        assert found, page
        said = unescape(found[1])
        assert said != site_description, page
        assert said not in seen, f"{page} and {seen.get(said)} share a description"
        seen[said] = page
    ds = pakru.load([FIXTURE_RECORDS])
    for record in ds.records:
        url = page_of(record).removesuffix(".md")
        found = _DESCRIPTION.search(_text(fixture_site, url))
        assert found
        assert unescape(found[1]) == page_title(summary(record))


def test_every_export_is_in_one_zip_and_each_file_is_described(fixture_site: Path) -> None:
    downloads = fixture_site / "downloads"
    loose = {
        p.relative_to(downloads).as_posix()
        for p in downloads.rglob("*")
        if p.is_file() and p.parent != downloads
    }
    assert len(loose) > 10
    archive = zipfile.ZipFile(io.BytesIO((downloads / "pakru-exports.zip").read_bytes()))
    members = {n.removeprefix("pakru-exports/") for n in archive.namelist()}
    assert members == loose
    for name in loose:
        assert archive.read(f"pakru-exports/{name}") == (downloads / name).read_bytes()
    page = _text(fixture_site, "downloads")
    assert 'href="pakru-exports.zip"' in page
    for name in loose:
        row = re.search(
            rf'<td data-label="File"><a href="[^"]*{re.escape(name)}">[^<]*</a></td>\s*'
            r'<td data-label="What it holds">([^<]+)</td>',
            page,
        )
        assert row, name
        assert row[1] != "Part of the export.", name


def test_the_list_script_writes_no_markup() -> None:
    """The filter and sort read record text with textContent and only move, show and hide
    rows: nothing in a record can become markup or code through them."""
    script = (REPO / "docs/javascripts/site.js").read_text(encoding="utf-8")
    for sink in ("innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "eval("):
        assert sink not in script, sink
    assert "pk-sortable" in script
    assert "pk-filterable" in script


def test_lists_are_marked_for_the_script(fixture_site: Path) -> None:
    for page in ("meetings", "events", "agreements", "bodies", ""):
        assert 'class="pk-table pk-sortable"' in _text(fixture_site, page), page
    assert 'class="pk-filterable"' in _text(fixture_site, "people")
    assert '<th data-pk-order="1">Date</th>' in _text(fixture_site, "meetings")


def test_each_series_strip_has_its_own_accessible_name(real_site: Path) -> None:
    page = _text(real_site, "series")
    names = re.findall(r'<div class="pk-scroll pk-wide[^"]*"><svg [^>]*aria-label="([^"]*)"', page)
    series = [b for b in pakru.load().bodies if b.kind == "dialogue-series"]
    assert len(names) == len(series) > 1
    assert len(set(names)) == len(names), names


def test_home_cites_in_apa_and_bibtex_generated_from_citation_cff() -> None:
    """Issue 29: "how to cite" gives BibTeX and APA, generated from CITATION.cff."""
    cited = citation()
    page = home(SiteContext(pakru.load()), site_url="https://example.invalid/")
    block = page.split("## How to cite")[1].split("## Timeline")[0]
    assert f"```text\n{cited.apa()}\n```" in block
    assert f"```bibtex\n{cited.bibtex().rstrip()}\n```" in block
    assert "CITATION.cff" in block
