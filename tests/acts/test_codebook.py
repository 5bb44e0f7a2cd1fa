"""The codebook pages: the policy page from the mapping, and one page per code used."""

import pakru
from pakru.acts.extract import acts, codebook_pages
from pakru.acts.policy import POLICY


def test_pages_are_the_policy_and_one_per_code_used() -> None:
    ds = pakru.load()
    pages = codebook_pages(ds)
    used = sorted({a.code for a in acts(ds)})
    assert list(pages) == ["codebook/index.md", *(f"codebook/{c}.md" for c in used)]
    index = pages["codebook/index.md"]
    for rule in POLICY:
        assert f"`{rule.id}`" in index
        assert rule.example in index
        assert f"`{rule.trigger}`" in index
    for act in acts(ds):
        for actor in (act.actor1, act.actor2):
            assert actor is not None
            for basis in actor.basis.split(", "):
                assert f"- `{basis}`: " in index
    for code in used:
        assert f"]({code}.md)" in index
    assert "codebook/040.md" not in pages  # listed in CAMEO, used by no act


def test_a_code_page_lists_exactly_its_acts() -> None:
    ds = pakru.load()
    page = codebook_pages(ds)["codebook/043.md"]
    assert page.startswith("# `043` Host a visit\n")
    assert "Goldstein +2.8" in page
    assert "| `nsa-meeting-2018-03--host-guests` | `nsa-meeting-2018-03` |" in page
    assert "`PAKGOV` (Nasser Khan Janjua)" in page
    rows = [line for line in page.splitlines() if line.startswith("| `")]
    assert len(rows) == 1
    assert "NSA warmly received and welcomed the guests" in rows[0]
