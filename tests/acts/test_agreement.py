"""Inter-coder reliability: the matcher and the statistics, then the real comparison.

The figures themselves are not pinned here: they live in the generated
``tests/acts/agreement.md``, which must equal what the script prints, so a
change to either coding shows in that file's diff.
"""

import subprocess
import sys
from pathlib import Path

import pytest
import yaml

import pakru
from tests.acts import agreement
from tests.acts.agreement import (
    CodedAct,
    Comparison,
    Pair,
    actor_key,
    cohen_kappa,
    directed,
    figures,
    match,
    overlap,
    source_quotes,
)

TEXT = (
    "Pakistan and Russia today expressed grave concern over the threat of ISIS. "
    "The two sides discussed a wide ranging agenda. "
    "The Russian side appreciated Pakistan’s contribution."
)


def act(
    code: str,
    actor1: str,
    actor2: str,
    quote: str,
    *,
    coder: str = "independent",
    ident: str = "",
) -> CodedAct:
    return CodedAct(
        coder, ident or f"{code}-{actor1}-{actor2}", "src-x", actor1, actor2, code, (quote,)
    )


# -- actor keys and quotes ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("code", "key"),
    [("PAKGOV", "PAK"), ("RUSMIL", "RUS"), ("PAK", "PAK"), ("IGOWSTNAT", "IGO"), ("IGO", "IGO")],
)
def test_actor_codes_compare_on_their_first_three_letters(code: str, key: str) -> None:
    assert actor_key(code) == key
    assert actor_key("IMGMUSISI") != actor_key("IGOCAS")


def test_a_clause_inside_the_others_sentence_overlaps_fully() -> None:
    sentence = "The two sides discussed a wide ranging agenda."
    assert overlap("discussed a wide ranging", sentence, TEXT) == 1.0
    assert overlap(sentence, "discussed a wide ranging", TEXT) == 1.0


def test_case_spacing_and_quotation_marks_are_ignored() -> None:
    assert overlap("the RUSSIAN  side appreciated Pakistan's", "The Russian side", TEXT) == 1.0


def test_partial_overlap_is_the_shared_part_of_the_shorter_quote() -> None:
    text = "aaaa bbbb cccc dddd"
    # "bbbb cccc" (9 characters) and "cccc dddd" share "cccc" (4): 4/9
    assert overlap("bbbb cccc", "cccc dddd", text) == pytest.approx(4 / 9)
    assert overlap("aaaa", "dddd", text) == 0.0


def test_a_repeated_quote_is_compared_at_its_best_place() -> None:
    text = "Alpha beta. Gamma delta. Alpha beta gamma."
    assert overlap("alpha beta", "beta gamma", text) == pytest.approx(4 / 10)


def test_a_quote_not_in_the_text_falls_back_to_shared_words() -> None:
    # 2 of the shorter quote's 4 distinct words are in the other
    assert overlap("grave concern over ISIS", "concern about ISIS today now", TEXT) == 0.5


# -- matching -------------------------------------------------------------------------------------


def test_rows_pair_on_the_same_directed_dyad_and_overlapping_quotes() -> None:
    project = [act("046", "PAKGOV", "RUSGOV", "two sides discussed", coder="project")]
    independent = [
        act("046", "RUSGOV", "PAKGOV", "The two sides discussed a wide ranging agenda."),
        act("046", "PAK", "RUS", "The two sides discussed a wide ranging agenda."),
    ]
    result = match(project, independent, TEXT)
    assert [(p.project, p.independent) for p in result.pairs] == [(project[0], independent[1])]
    assert result.independent_only == (independent[0],)  # the reverse direction stays unpaired
    assert result.project_only == ()


def test_rows_whose_quotes_do_not_overlap_do_not_pair_even_with_the_same_code() -> None:
    project = [act("046", "PAKGOV", "RUSGOV", "The two sides discussed", coder="project")]
    independent = [act("046", "PAKGOV", "RUSGOV", "Pakistan and Russia today expressed")]
    result = match(project, independent, TEXT)
    assert result.pairs == ()
    assert result.project_only == tuple(project)
    assert result.independent_only == tuple(independent)


def test_the_same_code_is_preferred_then_the_same_root() -> None:
    quote = "The two sides discussed a wide ranging agenda."
    project = [act("046", "PAKGOV", "RUSGOV", quote, coder="project")]
    independent = [
        act("019", "PAKGOV", "RUSGOV", quote),
        act("042", "PAKGOV", "RUSGOV", quote),
        act("046", "PAKGOV", "RUSGOV", quote),
    ]
    assert match(project, independent, TEXT).pairs[0].independent.code == "046"
    assert match(project, independent[:2], TEXT).pairs[0].independent.code == "042"


def test_each_row_pairs_once() -> None:
    quote = "The two sides discussed a wide ranging agenda."
    project = [
        act("046", "PAKGOV", "RUSGOV", quote, coder="project", ident=f"p{n}") for n in range(3)
    ]
    independent = [act("046", "PAKGOV", "RUSGOV", quote, ident=f"i{n}") for n in range(2)]
    result = match(project, independent, TEXT)
    assert [(p.project.ident, p.independent.ident) for p in result.pairs] == [
        ("p0", "i0"),
        ("p1", "i1"),
    ]
    assert [a.ident for a in result.project_only] == ["p2"]


def test_a_mutual_project_row_counts_once_each_way() -> None:
    row = {
        "id": "m--talks",
        "cameo_code": "046",
        "cameo_label": "Engage in negotiation",
        "actor1_cameo": "PAKGOV",
        "actor2_cameo": "RUSGOV",
        "mutual": True,
    }
    both = directed(row, "src-x", ("q",))
    assert [(a.actor1, a.actor2) for a in both] == [("PAKGOV", "RUSGOV"), ("RUSGOV", "PAKGOV")]
    one = directed({**row, "mutual": False}, "src-x", ("q",))
    assert [(a.actor1, a.actor2) for a in one] == [("PAKGOV", "RUSGOV")]


def test_a_second_sources_quotes_are_the_records_quotes_at_the_same_place() -> None:
    evidence = [
        {"path": "topics[0].evidence[0]", "source_id": "src-a", "quote": "talks in Moscow"},
        {"path": "topics[0].evidence[1]", "source_id": "src-b", "quote": "met in Moscow"},
        {"path": "topics[1].evidence[0]", "source_id": "src-b", "quote": "praised Pakistan"},
        {"path": "evidence[0]", "source_id": "src-b", "quote": "the meeting"},
    ]
    text_b = "They met in Moscow for the meeting and praised Pakistan."
    assert source_quotes("talks in Moscow", "src-b", text_b, evidence) == ("met in Moscow",)
    assert source_quotes("the meeting", "src-b", text_b, evidence) == ("the meeting",)
    assert source_quotes("not cited anywhere", "src-b", text_b, evidence) == ()


# -- statistics -----------------------------------------------------------------------------------


def test_kappa_of_a_two_by_two_table_computed_by_hand() -> None:
    # both say 03 on 20 items, 03/04 on 5, 04/03 on 10, both 04 on 15 (50 items):
    # p_o = 35/50 = 0.7; coder one says 03 on 25/50, coder two on 30/50,
    # p_e = 0.5 * 0.6 + 0.5 * 0.4 = 0.5; kappa = (0.7 - 0.5) / (1 - 0.5) = 0.4
    ratings = [("03", "03")] * 20 + [("03", "04")] * 5 + [("04", "03")] * 10 + [("04", "04")] * 15
    assert cohen_kappa(ratings) == pytest.approx(0.4)


def test_kappa_is_one_for_full_agreement_below_zero_for_systematic_disagreement() -> None:
    assert cohen_kappa([("03", "03"), ("04", "04"), ("05", "05")]) == pytest.approx(1.0)
    # p_o = 0, p_e = 0.5: kappa = -1
    assert cohen_kappa([("03", "04"), ("04", "03")]) == pytest.approx(-1.0)


def test_kappa_is_undefined_with_no_items_or_a_single_category() -> None:
    assert cohen_kappa([]) is None
    assert cohen_kappa([("04", "04"), ("04", "04")]) is None


def test_figures_of_hand_made_comparisons() -> None:
    def pair(p: str, i: str) -> Pair:
        return Pair(act(p, "PAK", "RUS", "q", coder="project"), act(i, "PAK", "RUS", "q"), 1.0)

    first = Comparison(
        "src-a",
        pairs=(pair("046", "046"), pair("046", "042"), pair("030", "0312")),
        project_only=(act("062", "PAK", "RUS", "q", coder="project"),),
        independent_only=(act("012", "PAK", "IMG", "q"), act("019", "PAK", "RUS", "q")),
    )
    second = Comparison("src-b", pairs=(pair("051", "051"),), project_only=(), independent_only=())
    f = figures([first, second])
    assert (f.independent, f.project, f.pairs) == (6, 5, 4)
    assert (f.recall, f.precision) == (4 / 6, 4 / 5)
    assert (f.root_agree, f.full_agree) == (4, 2)
    assert f.root_agreement == 1.0
    assert f.full_agreement == 0.5
    # root codes 04, 04, 03, 05 on both sides: full agreement, three categories
    assert f.kappa == pytest.approx(1.0)
    # full codes: (046,046) (046,042) (030,0312) (051,051): p_o = 2/4; coder one
    # 046:2 030:1 051:1, coder two 046:1 042:1 0312:1 051:1; p_e = (2*1 + 1*1) / 16
    assert f.kappa_full == pytest.approx((0.5 - 3 / 16) / (1 - 3 / 16))
    assert figures([]).recall is None
    assert figures([]).kappa is None


# -- the independent files ------------------------------------------------------------------------


def test_a_malformed_independent_row_is_named(tmp_path: Path) -> None:
    row = {"quote": "q", "actor1": "PAKGOV", "actor2": "RUSGOV", "code": 46}
    (tmp_path / "src-x.yaml").write_text(
        yaml.safe_dump({"source": "src-x", "acts": [row]}), encoding="utf-8"
    )
    with pytest.raises(ValueError, match=r"src-x\.yaml: act 1: code 46 is not a string of digits"):
        agreement.independent_acts(tmp_path)
    row["code"] = "046"
    del row["actor2"]
    (tmp_path / "src-x.yaml").write_text(
        yaml.safe_dump({"source": "src-x", "acts": [row]}), encoding="utf-8"
    )
    with pytest.raises(ValueError, match=r"src-x\.yaml: act 1: missing or bad field 'actor2'"):
        agreement.independent_acts(tmp_path)


# -- the real comparison --------------------------------------------------------------------------


def test_the_real_comparison_counts_every_row_of_both_codings() -> None:
    ds = pakru.load(agreement.REPO / "records")
    comparisons = agreement.compare(ds)
    coded = {}
    for path in sorted(agreement.INDEPENDENT.glob("src-*.yaml")):
        coding = yaml.safe_load(path.read_text(encoding="utf-8"))
        coded[coding["source"]] = len(coding["acts"])
    assert [c.source for c in comparisons] == sorted(coded)
    assert len(coded) == 5
    expected_project = {
        source: sum(
            (2 if row.get("mutual") else 1)
            for row in ds.acts_table().rows
            if source in (row["source_ids"] or ())
        )
        for source in coded
    }
    for c in comparisons:
        f = figures([c])
        assert f.independent == coded[c.source]
        assert f.project == expected_project[c.source]
        text = ds.text(c.source) or ""
        for p in c.pairs:
            assert p.project.dyad == p.independent.dyad
            assert p.overlap >= agreement.MIN_OVERLAP
            for q in p.independent.quotes:
                assert agreement.spans(q, text), q  # the independent quotes are verbatim
    total = figures(comparisons)
    assert total.independent == sum(coded.values())
    assert total.pairs > 0
    for value in (total.recall, total.precision, total.root_agreement, total.full_agreement):
        assert value is not None
        assert 0 <= value <= 1
    assert total.kappa is not None
    print(
        f"\nrecall {total.recall:.2f}, precision {total.precision:.2f},"
        f" root {total.root_agreement:.2f}, full {total.full_agreement:.2f},"
        f" kappa (root) {total.kappa:.2f}"
    )


def test_the_generated_figures_are_current() -> None:
    text = agreement.current()
    assert not agreement.stale(agreement.GENERATED, text), (
        f"run '{agreement.COMMAND} --write' and commit tests/acts/agreement.md"
    )
    assert "| **all** |" in text


def test_a_stale_figures_file_is_detected(tmp_path: Path) -> None:
    target = tmp_path / "agreement.md"
    text = agreement.current()
    assert agreement.stale(target, text)
    target.write_text(text, encoding="utf-8")
    assert not agreement.stale(target, text)
    target.write_text(text.replace("| **all** |", "| all |"), encoding="utf-8")
    assert agreement.stale(target, text)


def test_the_script_prints_the_figures_and_checks_the_file() -> None:
    run = [sys.executable, "-m", "tests.acts.agreement"]
    printed = subprocess.run(run, cwd=agreement.REPO, capture_output=True, text=True, check=True)
    assert printed.stdout == agreement.GENERATED.read_text(encoding="utf-8")
    checked = subprocess.run(
        [*run, "--check"], cwd=agreement.REPO, capture_output=True, text=True, check=False
    )
    assert (checked.returncode, checked.stdout) == (0, "tests/acts/agreement.md is current\n")
