"""The codebook pages: the policy page from the mapping, and one page per code used."""

import pakru
from pakru.acts import acts
from pakru.acts.actors import ACTOR_BASES, ROLES
from pakru.acts.policy import POLICY
from pakru.dataset import Dataset
from pakru.schema import Person
from pakru.site.codebook import pages
from pakru.site.context import Site


def test_pages_are_the_policy_and_one_per_code_used() -> None:
    ds = pakru.load()
    found = pages(Site(ds))
    used = sorted({a.code for a in acts(ds)})
    assert list(found) == ["codebook/index.md", *(f"codebook/{c}.md" for c in used)]
    index = found["codebook/index.md"]
    for rule in POLICY:
        assert f"`{rule.id}`" in index
        assert rule.example in index
        assert f"`{rule.trigger}`" in index
    for act in acts(ds):
        for actor in (act.actor1, act.actor2):
            assert actor is not None
            for basis in actor.basis.split(", "):
                assert f"- `{basis}`: {ACTOR_BASES[basis]}." in index
    assert ROLES in index
    for code in used:
        assert f"]({code}.md)" in index
    assert "codebook/040.md" not in found  # listed in CAMEO, used by no act


def test_a_code_page_lists_exactly_its_acts() -> None:
    ds = pakru.load()
    page = pages(Site(ds))["codebook/043.md"]
    assert page.startswith("# `043` Host a visit\n")
    assert "Goldstein +2.8" in page
    rows = [line for line in page.splitlines() if line.startswith('<tr markdown="1">')]
    hosted = sorted(a.id for a in acts(ds) if a.code == "043")
    assert len(rows) == len(hosted) == 6  # every visit made (042) has its 043
    [row] = [r for r in rows if "`nsa-meeting-2018-03--visit-hosted`" in r]
    assert "](../meetings/nsa-meeting-2018-03.md)</td>" in row  # the record, linked
    assert "`PAKGOV` (Nasser Khan Janjua)" in row
    assert "Nasser Khan Janjua here at his office" in row


def test_the_codebook_escapes_what_the_records_wrote() -> None:
    shipped = pakru.load()
    hostile = "<script>alert(1)</script> | `x` [y](javascript:z)"
    records = [
        r.model_copy(update={"name": hostile}) if r.id == "nasser-khan-janjua" else r
        for r in shipped.records
    ]
    assert isinstance(shipped.get("nasser-khan-janjua"), Person)
    ds = Dataset(records, shipped.texts, version=shipped.version)
    page = pages(Site(ds))["codebook/043.md"]
    assert "<script>" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt; &#124; &#96;x&#96; &#91;y&#93;" in page
