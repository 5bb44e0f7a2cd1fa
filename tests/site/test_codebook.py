"""The codebook on the site: the policy, a page per code used with its acts, links both ways."""

from pathlib import Path

import pakru
from pakru.acts import acts, rows
from pakru.acts.policy import POLICY
from pakru.site.codebook import pages
from pakru.site.context import Site
from pakru.site.paths import page_of
from tests.validate.test_cases import CASES, build_tree


def _text(site: Path, page: str) -> str:
    return (site / page / "index.html").read_text(encoding="utf-8")


def _url(record_page: str) -> str:
    """The site-relative URL of a record's page seen from a code page (two levels down)."""
    return "../../" + record_page.removesuffix(".md") + "/"


def test_codebook_has_a_page_per_code_listing_its_acts(real_site: Path) -> None:
    ds = pakru.load()
    found = acts(ds)
    codes = sorted({a.code for a in found})
    assert codes, "today's records state acts"
    policy = _text(real_site, "codebook")
    built = sorted(p.name for p in (real_site / "codebook").iterdir() if p.is_dir())
    assert built == codes  # a page per code used, and no page for a code no act has
    for code in codes:
        assert f'href="{code}/"' in policy, code
        page = _text(real_site, f"codebook/{code}")
        listed = [a for a in found if a.code == code]
        for act in listed:
            assert f"<code>{act.id}</code>" in page, (code, act.id)
            assert f'href="{_url(page_of(ds.get(act.record)))}"' in page, (code, act.id)
        assert page.count("<code>") - page.count("<code>" + code) >= len(listed)


def test_record_pages_link_their_acts_codes(real_site: Path) -> None:
    ds = pakru.load()
    for act in acts(ds):
        record = ds.get(act.record)
        page = _text(real_site, page_of(record).removesuffix(".md"))
        assert f'href="../../codebook/{act.code}/"' in page, (act.record, act.code)
        assert 'id="acts"' in page
    # a state (a membership) states no act: its page has no codebook link
    for event in ds.events:
        if not any(a.record == event.id for a in acts(ds)):
            page = _text(real_site, page_of(event).removesuffix(".md"))
            assert 'id="acts"' not in page, event.id


def test_codebook_is_linked_from_nav_home_and_library(real_site: Path) -> None:
    home = (real_site / "index.html").read_text(encoding="utf-8")
    assert 'href="codebook/"' in home  # the nav and the home page's numbers
    assert "codebook/" in home[home.index("The dataset in numbers") :]
    assert 'href="../codebook/"' in _text(real_site, "library")
    downloads = _text(real_site, "downloads")
    assert "acts.csv" in downloads
    assert "acts.json" in downloads


def test_the_rule_table_counts_acts_then_directed_rows(tmp_path: Path) -> None:
    # a written tree (the case base), not today's records
    ds = pakru.load(build_tree(CASES / "plans.unlinked" / "valid", tmp_path / "tree"))
    page = pages(Site(ds))["codebook/index.md"]
    assert "acts (rows)</th>" in page
    table_rows = rows(ds)
    assert any(r.reciprocal for r in table_rows)  # the two counts differ somewhere
    for rule in POLICY:
        mine = [r for r in table_rows if r.rule.id == rule.id]
        cell = f"{len({r.group_id for r in mine})} ({len(mine)})"
        assert f'<td data-label="rule" markdown="span">`{rule.id}`</td>' in page
        line = next(x for x in page.splitlines() if f"`{rule.id}`</td>" in x)
        assert f'<td data-label="acts (rows)" markdown="span">{cell}</td>' in line, rule.id
