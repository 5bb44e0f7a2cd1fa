"""The site builds with ``mkdocs build --strict``, from the fixture and from the dataset."""

import re
import shutil
from pathlib import Path

import pytest

import pakru
from pakru.site.paths import page_of
from pakru.site.toolchain import NOTICE
from pakru.validate.run import validate
from tests.site.conftest import FIXTURE_RECORDS, REPO, SITE_BASE, build_site
from tests.site.linkcheck import broken_links
from tests.site.plain import scan


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
        "contributing.md",  # the walk-through tests/test_contributing.py follows
        "architecture.md",  # the layers and the data flow, in prose and a text diagram
        "draft.md",  # how precise pakru draft is: written by python -m tests.draft.score --write
    }


def test_fixture_site_links_resolve(fixture_site: Path) -> None:
    assert broken_links(fixture_site, SITE_BASE) == []


def test_real_site_links_resolve(real_site: Path) -> None:
    assert broken_links(real_site, SITE_BASE) == []


@pytest.mark.parametrize("which", ["fixture_site", "real_site"])
def test_no_internal_names_in_prose(which: str, request: pytest.FixtureRequest) -> None:
    """Readers see words: no ``[0]``, ``location.city``, ``announced_at`` or ``src-…`` ids."""
    site: Path = request.getfixturevalue(which)
    assert scan(site) == {}


def test_the_scan_finds_internal_names(tmp_path: Path) -> None:
    page = tmp_path / "x" / "index.html"
    page.parent.mkdir()
    page.write_text(
        "<p>Linked from <a href='../src-1234abcd/'>x</a> (date.derivations[0].anchor) and "
        "announced_at, — src-9a68526d</p><p><code>location.city src-9a68526d</code></p>",
        encoding="utf-8",
    )
    assert scan(tmp_path) == {
        "x/index.html": ["[0]", "announced_at", "date.derivations", "src-9a68526d"]
    }


def test_build_prints_the_toolchain_notice(fixture_site: Path) -> None:
    log = fixture_site.with_suffix(".log").read_text(encoding="utf-8")
    assert NOTICE in " ".join(log.split())
    assert "2027-05-05" in NOTICE
    assert "Zensical" in NOTICE


def test_real_site_has_a_page_per_record(real_site: Path) -> None:
    for record in pakru.load().records:
        page = page_of(record).removesuffix(".md")
        assert (real_site / page / "index.html").is_file(), page
        assert (real_site / "data" / page).with_suffix(".json").is_file(), page
        assert (real_site / "data" / page).with_suffix(".yaml").is_file(), page


def _timeline_ids(home: str) -> list[str]:
    table = home[home.index('id="timeline"') :]
    table = table[table.index("<table") : table.index("</table>")]
    return re.findall(r'<td data-label="What"><a href="(?:[a-z]+)/([a-z0-9-]+)/"', table)


@pytest.mark.parametrize(
    ("which", "folder"), [("fixture_site", FIXTURE_RECORDS), ("real_site", None)]
)
def test_home_timeline_is_the_library_timeline(
    which: str, folder: Path | None, request: pytest.FixtureRequest
) -> None:
    site: Path = request.getfixturevalue(which)
    ds = pakru.load([folder]) if folder else pakru.load()
    home = (site / "index.html").read_text(encoding="utf-8")
    # one row per meeting: a plan carried out is shown in the row of the meeting that did
    realised = {m.id for m in ds.meetings if m.status == "planned" and ds.realised_by(m.id).ids}
    assert _timeline_ids(home) == [r.id for r in ds.timeline() if r.id not in realised]


def test_home_has_counts_timeline_and_pictures(fixture_site: Path) -> None:
    home = (fixture_site / "index.html").read_text(encoding="utf-8")
    assert re.search(r"Meetings</a></td>\s*<td data-label=\"Count\">3</td>", home)
    timeline = home[home.index('id="timeline"') :]
    assert "<strong>planned</strong>" in timeline
    assert "on or before 20 April 2019, the report&#x27;s date" in timeline or (
        "on or before 20 April 2019, the report's date" in timeline
    )
    assert "some time in 2018" in timeline
    chart = timeline[timeline.index("<svg") : timeline.index("</svg>")]
    assert 'class="pk-bar pk-held pk-open"' in chart  # the open interval is a dashed bar
    assert 'class="pk-point pk-held"' in chart  # a single day is a dot
    assert 'class="pk-bar pk-planned"' in chart  # a planned year is a hollow bar
    assert '"@type": "Dataset"' in home
    assert 'rel="canonical" href="https://example.invalid/pakru/"' in home


def test_home_counts_acts_and_directed_rows(fixture_site: Path) -> None:
    home = " ".join((fixture_site / "index.html").read_text(encoding="utf-8").split())
    found = re.search(
        r"The records state (\d+) acts — who did what to whom — as (\d+) directed", home
    )
    assert found is not None
    directed_rows = pakru.load([FIXTURE_RECORDS]).acts_table().rows
    groups = {r["group_id"] for r in directed_rows}
    assert len(groups) < len(directed_rows)  # two-sided acts: the two counts differ
    assert (int(found[1]), int(found[2])) == (len(groups), len(directed_rows))


def test_source_and_coverage_pages_count_the_same_sentences(real_site: Path) -> None:
    coverage = _text(real_site, "coverage")
    for source in pakru.load().sources:
        page = _text(real_site, f"sources/{source.id}")
        counted = re.search(r'pk-used">(\d+)</span> of <span class="pk-total">(\d+)<', page)
        assert counted is not None
        link = f'href="../sources/{source.id}/"'
        section = coverage[coverage.index(link) :]
        listed = re.search(r'pk-used">(\d+)</span> of <span class="pk-total">(\d+)<', section)
        assert listed is not None
        assert counted.groups() == listed.groups(), source.id


def test_meeting_page_links_to_highlighted_quotes(fixture_site: Path) -> None:
    page = _text(fixture_site, "meetings/jwg-ct-07")
    links = re.findall(r'href="\.\./\.\./sources/src-fixture-a/#(q-[0-9a-f]+)">“([^<]+)”</a>', page)
    assert links
    source = _text(fixture_site, "sources/src-fixture-a")
    for fragment, words in links:
        assert f'id="{fragment}"' in source
        assert re.search(rf'<mark class="pk-quote[^"]*\b{fragment}\b', source)
        assert not re.fullmatch(r"\[?\d+\]?", words)  # a link's text is the quote's words


def test_quotes_both_ways(fixture_site: Path) -> None:
    source = _text(fixture_site, "sources/src-fixture-a")
    cites = re.findall(
        r'<a class="pk-cite" href="#(by-q-[0-9a-f]+)">cited by \d+ records?</a>', source
    )
    assert cites
    for anchor in cites:
        entry = source[source.index(f'id="{anchor}"') :]
        entry = entry[: entry.index("</li>")]
        assert re.search(r'href="\.\./\.\./(meetings|agreements|events|people|bodies)/', entry)


def test_links_both_ways(fixture_site: Path) -> None:
    person = _text(fixture_site, "people/sergey-ryabkov")
    assert "../../meetings/jwg-ct-07/" in person
    assert "../../meetings/jwg-ct-09/" in person
    source = _text(fixture_site, "sources/src-fixture-b")
    for cited_by in ("meetings/jwg-ct-09/", "events/exercise-friendship/", "bodies/jwg-ct/"):
        assert f"../../{cited_by}" in source


def test_series_page_is_honest_about_numbers(fixture_site: Path) -> None:
    series = _text(fixture_site, "bodies/jwg-ct")
    rows = re.findall(r'<tr>\s*<td data-label="No.">([0-9–]+)</td>', series)
    assert rows == ["1–6", "7", "8", "9"]
    assert "Not in this dataset: meetings 1–6" in series
    assert "<svg" in series  # the series' time strip


def test_possible_identities_show_on_both_records(real_site: Path) -> None:
    ds = pakru.load()
    for conflict in ds.conflicts:
        if conflict.kind != "possible-identity":
            continue
        for side in conflict.sides:
            page = _text(real_site, page_of(ds.get(side.record)).removesuffix(".md"))
            assert "may be the same as" in page, side.record
            assert f"conflicts/{conflict.id}/" in page


def test_conflicts_side_by_side(fixture_site: Path) -> None:
    page = _text(fixture_site, "conflicts")
    assert "Side 1:" in page
    assert "Side 2:" in page
    assert "Cherat" in page
    assert "Tarbela" in page


def test_rights_and_metadata(real_site: Path) -> None:
    source = _text(real_site, f"sources/{pakru.load().sources[0].id}")
    assert "not covered by the data licence" in source
    footer = source[source.index("md-footer") :]
    assert "CC BY 4.0" in footer
    assert "third-party material" in footer
    sitemap = (real_site / "sitemap.xml").read_text(encoding="utf-8")
    assert "https://example.invalid/pakru/meetings/jwg-ct-07/" in sitemap
    meeting = _text(real_site, "meetings/jwg-ct-07")
    assert 'href="../../data/meetings/jwg-ct-07.yaml">view YAML</a>' in meeting
    assert 'href="../../data/meetings/jwg-ct-07.json">download JSON</a>' in meeting


def test_reference_pages(fixture_site: Path) -> None:
    schema = _text(fixture_site, "reference/schema")
    assert "The dialogue series (a body of kind" in schema  # a description from the model
    assert (fixture_site / "reference/schema/meeting.schema.json").is_file()
    rules = _text(fixture_site, "reference/rules")
    assert "references.resolve" in rules
    assert (fixture_site / "downloads/records.json").is_file()
    assert (fixture_site / "downloads/sqlite/pakru.sqlite").is_file()


def test_every_rule_has_its_own_anchor_on_the_rules_page(fixture_site: Path) -> None:
    """SARIF's helpUri is ``…/reference/rules/#RULE-ID``: each id names one element there."""
    from pakru.validate.registry import RULES  # noqa: PLC0415

    page = _text(fixture_site, "reference/rules")
    ids = re.findall(r'\bid="([^"]*)"', page)
    for rule_id in RULES:
        assert ids.count(rule_id) == 1, rule_id
        assert f'<span id="{rule_id}"><code>{rule_id}</code></span>' in page, rule_id


def test_an_export_failure_fails_the_strict_build(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """mkdocs build --strict, run in-process with an export that raises, fails."""
    from mkdocs.commands.build import build  # noqa: PLC0415
    from mkdocs.config import load_config  # noqa: PLC0415

    from pakru.site import downloads  # noqa: PLC0415

    def broken(*_: object) -> list[Path]:
        raise OSError("export broke")

    monkeypatch.setattr(downloads, "export", broken)
    monkeypatch.chdir(REPO)
    monkeypatch.setenv("PAKRU_RECORDS", str(FIXTURE_RECORDS))
    monkeypatch.setenv("NO_MKDOCS_2_WARNING", "1")
    config = load_config(str(REPO / "mkdocs.yml"), site_dir=str(tmp_path / "site"), strict=True)
    with pytest.raises(OSError, match="export broke"):
        build(config)


UNCLOSED = 'type: meeting\nid: jwg-ct-07\ntitle: "unclosed\n'
"""A record whose quoted string never ends: a YAML syntax error at the end of line 3."""


def _error_lines(log: str) -> list[str]:
    """The lines of a MkDocs log from its first error on."""
    lines = log.splitlines()
    first = next(i for i, line in enumerate(lines) if line.startswith("ERROR"))
    return lines[first:]


def test_a_tree_that_does_not_load_fails_the_build_naming_its_findings(tmp_path: Path) -> None:
    """No traceback: MkDocs logs the findings as one error and exits 1."""
    records = tmp_path / "records"
    shutil.copytree(FIXTURE_RECORDS, records)
    (records / "meetings" / "jwg-ct-07.yaml").write_text(UNCLOSED, encoding="utf-8")
    done = build_site(records, tmp_path / "site")
    assert done.returncode == 1
    assert "Traceback" not in done.stdout + done.stderr
    assert done.stdout.strip() == "Aborted with a BuildError!"
    assert _error_lines(done.stderr) == [
        f"ERROR   -  pakru: cannot build the site from {records} (PAKRU_RECORDS): "
        "the dataset has errors:",
        f"{records}/meetings/jwg-ct-07.yaml:4:1: error[yaml.syntax] invalid YAML: "
        "found unexpected end of stream",
        "Found 1 error in 1 file.",
    ]


def test_a_missing_records_folder_fails_the_build_in_one_line(tmp_path: Path) -> None:
    done = build_site(tmp_path / "nonexistent", tmp_path / "site")
    assert done.returncode == 1
    assert "Traceback" not in done.stdout + done.stderr
    assert _error_lines(done.stderr) == [
        f"ERROR   -  pakru: cannot build the site from {tmp_path / 'nonexistent'} "
        f"(PAKRU_RECORDS): {tmp_path / 'nonexistent'}: no such file or folder",
    ]


def test_python_m_pakru_site_prints_the_findings_and_fails(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from pakru.site.__main__ import main  # noqa: PLC0415

    records = tmp_path / "records"
    shutil.copytree(FIXTURE_RECORDS, records)
    (records / "meetings" / "jwg-ct-07.yaml").write_text(UNCLOSED, encoding="utf-8")
    monkeypatch.setenv("PAKRU_RECORDS", str(records))
    assert main([str(tmp_path / "out"), "--docs", str(REPO / "docs")]) == 1
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err == (
        f"pakru: cannot build the site from {records} (PAKRU_RECORDS): the dataset has errors:\n"
        f"{records}/meetings/jwg-ct-07.yaml:4:1: error[yaml.syntax] invalid YAML: "
        "found unexpected end of stream\n"
        "Found 1 error in 1 file.\n"
    )
