"""The codebook pages: the policy page from the mapping, and one page per code used."""

import json
from pathlib import Path

import pakru
from pakru.acts import acts, rows
from pakru.acts.actors import ACTOR_BASES, ROLES
from pakru.acts.codes import CAMEO, GOLDSTEIN, QUAD_CLASSES, quad_class
from pakru.acts.plover import crosswalk
from pakru.acts.policy import POLICY
from pakru.dataset import Dataset
from pakru.schema import Person
from pakru.site.codebook import DEFINITIONS, agreement, pages
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
    assert "codebook/040.md" not in found  # listed in CAMEO, used by no act


def test_a_code_page_lists_exactly_its_acts() -> None:
    ds = pakru.load()
    page = pages(Site(ds))["codebook/043.md"]
    assert page.startswith(f"# `043` Host a visit\n\n{DEFINITIONS['043']}\n")
    assert "Goldstein +2.8" in page
    assert "PLOVER: CONSULT, mode visit (CAMEO2PLOVER-2021: 043 Host a visit → CONSULT" in page
    rows = [line for line in page.splitlines() if line.startswith('<tr markdown="1">')]
    assert len(rows) == 1
    [row] = rows
    assert '<td data-label="act" markdown="span">`nsa-meeting-2018-03--host-guests`</td>' in row
    assert "](../meetings/nsa-meeting-2018-03.md)</td>" in row  # the record, linked
    assert "`PAKGOV` (Nasser Khan Janjua)" in row
    assert "NSA warmly received and welcomed the guests" in row


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
    index = pages(Site(ds), tmp_path)["codebook/index.md"]
    for code in sorted({a.code for a in acts(ds)}):
        plover = crosswalk(code, CAMEO[code])
        line = next(x for x in index.splitlines() if f"[`{code}`]({code}.md) {CAMEO[code]}" in x)
        assert f'<td data-label="definition" markdown="span">{DEFINITIONS[code]}</td>' in line
        assert f"{GOLDSTEIN[code]:+.1f}</td>" in line
        assert f"{quad_class(code)} ({QUAD_CLASSES[quad_class(code)]})" in line
        assert (plover.event_type or "none") in line
    assert "No agreement figures for these records are part of this build." in index


def test_the_index_shows_the_agreement_figures_the_script_wrote(tmp_path: Path) -> None:
    folder = tmp_path / "tests" / "acts"
    folder.mkdir(parents=True)
    (folder / "agreement.md").write_text(
        "# x\n\n| source | recall |\n| --- | ---: |\n"
        "| `src-70d7bb2a` | 50 % |\n| **all** | 7 % |\n\nrest\n",
        encoding="utf-8",
    )
    index = pages(Site(pakru.load()), tmp_path)["codebook/index.md"]
    assert '<td data-label="source" markdown="span">[Report (by Zahid Chaudhary' in index
    assert '<td data-label="recall" markdown="span">7 %</td>' in index
    (folder / "agreement.json").write_text(
        json.dumps([{"source": "all", "kappa": "<b>0.8</b>"}]), encoding="utf-8"
    )
    index = pages(Site(pakru.load()), tmp_path)["codebook/index.md"]
    assert '<td data-label="kappa" markdown="span">&lt;b&gt;0.8&lt;/b&gt;</td>' in index
    assert "Zahid Chaudhary, 3 March" not in index.split("## Inter-coder")[1].split("## Rules")[0]
    # figures naming a source these records lack are about another tree: not shown
    (folder / "agreement.json").write_text(json.dumps([{"source": "src-00000000"}]), "utf-8")
    index = pages(Site(pakru.load()), tmp_path)["codebook/index.md"]
    assert "No agreement figures for these records are part of this build." in index


def test_the_shipped_figures_are_the_generated_report() -> None:
    # built from the repository root, the page reads tests/acts/agreement.md
    figures = agreement(REPO)
    assert figures is not None
    head, rows = figures
    assert head[0] == "source"
    assert rows[-1][0] == "all"
    report = (REPO / "tests" / "acts" / "agreement.md").read_text(encoding="utf-8")
    assert all(f"| {cell}" in report.replace("`", "").replace("**", "") for cell in rows[-1])


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
