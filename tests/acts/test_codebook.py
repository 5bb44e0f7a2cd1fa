"""The codebook pages: the policy page from the mapping, and one page per code used."""

import json
from importlib import resources
from pathlib import Path

import pakru
from pakru.acts import acts, rows
from pakru.acts.actors import ACTOR_BASES, ROLES
from pakru.acts.codes import CAMEO, GOLDSTEIN, QUAD_CLASSES, quad_class
from pakru.acts.plover import crosswalk
from pakru.acts.policy import NOT_ACTS, POLICY
from pakru.dataset import Dataset
from pakru.schema import Person
from pakru.site.codebook import DEFINITIONS, KAPPA_SCOPE, agreement, pages
from pakru.site.context import Site

REPO = Path(__file__).resolve().parents[2]


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
    unused = sorted(set(CAMEO) - set(used))
    assert unused  # a code listed in CAMEO that no act uses has no page
    assert f"codebook/{unused[0]}.md" not in found


def test_a_code_page_lists_exactly_its_acts() -> None:
    ds = pakru.load()
    page = pages(Site(ds))["codebook/043.md"]
    assert page.startswith(f"# `043` Host a visit\n\n{DEFINITIONS['043']}\n")
    assert "Goldstein +2.8" in page
    assert "PLOVER: CONSULT, mode visit (CAMEO2PLOVER-2021: 043 Host a visit → CONSULT" in page
    rows = [line for line in page.splitlines() if line.startswith('<tr markdown="1">')]
    hosted = sorted(a.id for a in acts(ds) if a.code == "043")
    made = [a.id for a in acts(ds) if a.code == "042"]
    assert len(rows) == len(hosted) == len(made) > 0  # every visit made (042) has its 043
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


def test_the_index_gives_each_code_its_definition_quad_class_goldstein_and_plover(
    tmp_path: Path,
) -> None:
    ds = pakru.load()
    index = pages(Site(ds), tmp_path / "none.json")["codebook/index.md"]
    for code in sorted({a.code for a in acts(ds)}):
        plover = crosswalk(code, CAMEO[code])
        line = next(x for x in index.splitlines() if f"[`{code}`]({code}.md) {CAMEO[code]}" in x)
        assert f'<td data-label="definition" markdown="span">{DEFINITIONS[code]}</td>' in line
        assert f"{GOLDSTEIN[code]:+.1f}</td>" in line
        assert f"{quad_class(code)} ({QUAD_CLASSES[quad_class(code)]})" in line
        assert (plover.event_type or "none") in line
    assert "No agreement figures for these records are part of this build." in index


def test_the_index_shows_the_agreement_figures_the_script_wrote(tmp_path: Path) -> None:
    figures = tmp_path / "agreement.json"
    pooled = {"independent_rows": 10, "recall": 0.07, "kappa_root": 0.8}
    figures.write_text(
        json.dumps({"sources": {"src-70d7bb2a": {"recall": 0.5}}, "all": pooled}), "utf-8"
    )
    index = pages(Site(pakru.load()), figures)["codebook/index.md"]
    assert '<td data-label="source" markdown="span">[Report (by Zahid Chaudhary' in index
    assert '<td data-label="recall" markdown="span">7 %</td>' in index
    assert '<td data-label="kappa (root)" markdown="span">0&#46;80</td>' in index
    assert '<td data-label="independent rows" markdown="span">10</td>' in index
    figures.write_text(json.dumps({"all": {"kappa_root": "<b>0.8</b>"}}), "utf-8")
    index = pages(Site(pakru.load()), figures)["codebook/index.md"]
    assert '<td data-label="kappa (root)" markdown="span">&lt;b&gt;0.8&lt;/b&gt;</td>' in index
    assert "Zahid Chaudhary, 3 March" not in index.split("## Inter-coder")[1].split("## Rules")[0]
    # figures naming a source these records lack are about another tree: not shown
    figures.write_text(json.dumps({"sources": {"src-00000000": {}}, "all": {}}), "utf-8")
    index = pages(Site(pakru.load()), figures)["codebook/index.md"]
    assert "No agreement figures for these records are part of this build." in index
    figures.unlink()
    index = pages(Site(pakru.load()), figures)["codebook/index.md"]
    assert "No agreement figures for these records are part of this build." in index


def test_the_shipped_figures_are_the_generated_report() -> None:
    # the page reads the figures shipped in pakru.acts, which the script writes with its report
    figures = agreement(resources.files("pakru.acts") / "agreement.json")
    assert figures is not None
    head, rows = figures
    assert head[0] == "source"
    assert rows[-1][0] == "all"
    report = (REPO / "tests" / "acts" / "agreement.md").read_text(encoding="utf-8")
    pooled = next(x for x in report.splitlines() if x.startswith("| **all**"))
    assert all(cell.split(" (")[0] in pooled for cell in rows[-1][1:]), (rows[-1], pooled)


def test_a_code_page_lists_each_act_once_with_its_directed_rows() -> None:
    ds = pakru.load()
    found = rows(ds)
    act = next(a for a in found if a.reciprocal)
    page = pages(Site(ds))[f"codebook/{act.code}.md"]
    [line] = [x for x in page.splitlines() if f"`{act.group_id}`</td>" in x]
    there, _ = (r for r in found if r.group_id == act.group_id)
    assert there.actor1 is not None
    assert there.actor2 is not None
    a, b = f"`{there.actor1.cameo}`", f"`{there.actor2.cameo}`"
    assert f"{a}" in line
    assert line.index(f"{a}") < line.index("→") < line.index("<br>")
    assert line.count("→") == 2
    listed = sum(1 for x in page.splitlines() if x.startswith('<tr markdown="1">'))
    assert listed == len({r.group_id for r in found if r.code == act.code})
    assert b in line


def test_the_index_cites_each_rules_codebook_text_and_says_what_kappa_counts() -> None:
    index = pages(Site(pakru.load()))["codebook/index.md"]
    for rule in POLICY:
        if rule.cites:
            assert f"Follows: {rule.cites}" in index, rule.id
    figures_part = index.split("## Inter-coder")[1].split("## Rules")[0]
    assert KAPPA_SCOPE in figures_part
    assert "paired rows only" in KAPPA_SCOPE
    shipped = json.loads((resources.files("pakru.acts") / "agreement.json").read_text("utf-8"))
    assert "paired rows only" in shipped["scope"]


def test_the_uncoded_table_labels_examples_written_for_the_policy() -> None:
    index = pages(Site(pakru.load()))["codebook/index.md"]
    uncoded = index.split("## Left uncoded")[1].split("## QuadClass")[0]
    for item in NOT_ACTS:
        if item.source is None:
            assert "none: an example written for the policy" in uncoded
            assert f"“{item.sentence}" not in uncoded  # not printed as a quote
        else:
            assert item.source in uncoded
    assert any(item.source is None for item in NOT_ACTS)
