"""The draft scorer (tests/draft/score.py) on hand-made drafts: it does not need the drafter."""

import copy
import json
from collections.abc import Mapping
from functools import cache
from pathlib import Path
from typing import Any

import pytest

import pakru
from tests.draft import score

TEXT = (
    "MOSCOW - The ninth meeting of the Joint Working Group on Counter-Terrorism was held in "
    "Moscow on Monday. It was co-chaired by S.A. Ryabkov and Tehmina Janjua. Russia and "
    "Pakistan agreed to expand cooperation against terrorism. The next meeting will be held "
    "in Islamabad in 2022."
)


@cache
def _ds() -> pakru.Dataset:
    return pakru.load(score.RECORDS)


def _meeting(ident: str, ordinal: int | None, city: str | None, quote: str) -> dict[str, Any]:
    return {
        "type": "meeting",
        "id": ident,
        "series": "jwg",
        "ordinal": ordinal,
        "status": "held",
        "date": {"earliest": "2021-11-22", "latest": "2021-11-22"},
        "location": {"city": city, "country": "RU" if city else None},
        "evidence": [{"source": "src-x", "quote": quote}],
    }


def _coder() -> score.Report:
    names = frozenset({"joint working group on counter terrorism"})
    return score.Report(
        "hand-made",
        TEXT,
        {
            "meetings": [
                score.Item(
                    "m9",
                    {
                        "series": names,
                        "ordinal": 9,
                        "status": "held",
                        "date": ("2021-11-22", "2021-11-22"),
                        "city": "moscow",
                        "country": "RU",
                    },
                    ("was held in Moscow on Monday",),
                )
            ],
            "people": [
                score.Item("ryabkov", {"country": "RU"}, (), frozenset({"sergey ryabkov"})),
                score.Item("janjua", {"country": "PK"}, (), frozenset({"nasser khan janjua"})),
            ],
            "agreements": [],
            "acts": [
                score.Item(
                    "act 1",
                    {"a1": "RUS", "a2": "PAK", "root": "03", "code": "030"},
                    ("Russia and Pakistan agreed to expand cooperation against terrorism",),
                )
            ],
        },
    )


def _draft(
    meetings: list[dict[str, Any]], people: list[dict[str, Any]], acts: list[score.Item]
) -> score.Report:
    bodies = {"jwg": {"name": "Joint Working Group on Counter-Terrorism"}}
    return score.records_report(
        "hand-made", TEXT, [*meetings, *people], source=None, acts=acts, bodies=bodies
    )


def _person(ident: str, name: str, country: str) -> dict[str, Any]:
    return {"type": "person", "id": ident, "name": name, "aliases": [], "country": country}


def test_a_right_meeting_scores_every_field_and_a_wrong_one_counts_against_precision() -> None:
    right = _meeting("d9", 9, "Moscow", "The ninth meeting of the Joint Working Group")
    extra = _meeting("d10", 10, "Islamabad", "The next meeting will be held in Islamabad")
    scores = score.score_report(_draft([right, extra], [], []), _coder())
    meetings = scores["meetings"]
    assert (meetings.coder_records, meetings.draft_records, meetings.aligned) == (1, 2, 1)
    pooled = meetings.pooled()
    # six right values; the extra meeting's six values are wrong
    assert (pooled.right, pooled.draft, pooled.coder) == (6, 12, 6)
    assert pooled.precision == 0.5
    assert pooled.recall == 1.0


def test_a_wrong_value_in_an_aligned_meeting_is_wrong_and_missed() -> None:
    wrong = _meeting("d9", 8, "Moscow", "was held in Moscow on Monday")  # ordinal 8, not 9
    meetings = score.score_report(_draft([wrong], [], []), _coder())["meetings"]
    assert meetings.aligned == 1  # by date and city
    ordinal = meetings.fields["ordinal"]
    assert (ordinal.right, ordinal.draft, ordinal.coder) == (0, 1, 1)
    assert meetings.pooled().right == 5


def test_a_missing_value_counts_against_recall_only() -> None:
    no_city = _meeting("d9", 9, None, "was held in Moscow on Monday")
    fields = score.score_report(_draft([no_city], [], []), _coder())["meetings"].fields
    assert (fields["city"].draft, fields["city"].coder, fields["city"].right) == (0, 1, 0)
    assert fields["city"].precision is None
    assert fields["city"].recall == 0.0


def test_series_is_the_same_when_a_name_or_alias_is() -> None:
    other = _meeting("d9", 9, "Moscow", "was held in Moscow on Monday")
    bodies: Mapping[str, Mapping[str, Any]] = {
        "jwg": {"name": "JWG", "aliases": ["Joint Working Group on Counter Terrorism"]}
    }
    draft = score.records_report("hand-made", TEXT, [other], source=None, acts=[], bodies=bodies)
    assert score.score_report(draft, _coder())["meetings"].fields["series"].right == 1
    draft = score.records_report("hand-made", TEXT, [other], source=None, acts=[], bodies={})
    assert score.score_report(draft, _coder())["meetings"].fields["series"].right == 0


def test_people_pair_by_initials_but_never_by_surname_alone() -> None:
    people = [_person("a", "S.A. Ryabkov", "RU"), _person("b", "Tehmina Janjua", "PK")]
    result = score.score_report(_draft([], people, []), _coder())["people"]
    assert result.aligned == 1
    assert result.fields["country"].right == 1
    assert result.fields["country"].draft == 2


def _act(a1: str, a2: str, code: str, *, mutual: bool = False) -> score.Item:
    quote = "Russia and Pakistan agreed to expand cooperation"
    values = {"a1": a1, "a2": a2, "root": code[:2], "code": code}
    return score.Item("draft act", values, (quote,), mutual=mutual)


@pytest.mark.parametrize(
    ("act", "root", "code"),
    [
        (_act("RUSGOV", "PAKGOV", "030"), 1, 1),
        (_act("RUS", "PAK", "036"), 1, 0),
        (_act("RUS", "PAK", "046"), 0, 0),
        (_act("PAK", "RUS", "030"), 0, 0),  # the other direction
        (_act("PAK", "RUS", "030", mutual=True), 1, 1),  # mutual: either direction
    ],
)
def test_acts_pair_on_actors_and_sentence_and_score_root_and_code(
    act: score.Item, root: int, code: int
) -> None:
    acts = score.score_report(_draft([], [], [act]), _coder())["acts"]
    assert (acts.fields["root"].right, acts.fields["code"].right) == (root, code)
    assert acts.fields["root"].draft == acts.fields["root"].coder == 1


def test_acts_with_quotes_from_other_sentences_do_not_pair() -> None:
    act = score.Item(
        "x", {"a1": "RUS", "a2": "PAK", "root": "03", "code": "030"}, ("The next meeting",)
    )
    assert score.score_report(_draft([], [], [act]), _coder())["acts"].aligned == 0


def _curated(text: Path) -> Mapping[str, Any]:
    """A drafter that knows the answer: the curated records of the report, as records.json."""
    ds = _ds()
    source = next(s for s in ds.sources if s.file == text.name)
    return {
        "source": source.model_dump(mode="json"),
        "records": [r.model_dump(mode="json") for r in ds.citing(source.id)],
        "edits": [],
    }


def test_the_curated_records_score_every_figure_full_on_the_shipped_reports() -> None:
    result = score.score_corpus(score.shipped_reports(_ds()), _curated)
    assert not result.unbuilt
    assert not result.failed
    assert len(result.reports) == len(_ds().sources)  # every report in the tree
    for kind, k in result.kinds.items():
        assert k.coder_records > 0, kind
        assert k.aligned == k.coder_records == k.draft_records, kind
        for name, c in k.fields.items():
            assert c.right == c.draft == c.coder, (kind, name)


def test_the_unseen_corpus_is_read_with_every_record_of_its_expectations() -> None:
    reports = score.corpus_reports(_ds())
    assert len(reports) >= 10
    counts = {k: sum(len(r.items[k]) for r, _ in reports) for k in score.KINDS}
    assert all(n > 0 for n in counts.values()), counts
    for report, text in reports:
        assert text.is_file()
        for item in report.items["meetings"]:
            assert item.values["status"] in {"held", "planned"}, report.name
            assert item.quotes, (report.name, item.ident)
        for item in report.items["acts"]:
            assert str(item.values["code"]).isdigit(), (report.name, item.ident)


def test_a_drafter_that_fails_counts_as_an_empty_draft_and_is_named() -> None:
    def failing(text: Path) -> Mapping[str, Any]:
        raise score.DraftError(f"{text.name}: broken")

    result = score.score_corpus(score.shipped_reports(_ds())[:1], failing)
    assert len(result.failed) == 1
    meetings = result.kinds["meetings"].pooled()
    assert meetings.draft == meetings.right == 0
    assert meetings.coder > 0
    assert "THE DRAFTER FAILED" in score.text_report({"shipped": result})


@pytest.mark.parametrize(
    ("draft", "message"),
    [
        ({"records": []}, "x: not a draft"),
        ({"source": {"id": "s"}, "records": 3}, "x: not a draft"),
        ({"source": {"id": "s"}, "records": ["meeting"]}, r"x: records\[0\] is not a record"),
        ({"source": {"id": "s"}, "records": [{"type": "meeting"}]}, r"records\[0\] is not"),
        (
            {"source": {"id": "s"}, "records": [{"type": "meeting", "id": "m", "location": "x"}]},
            "x: a drafted record has a field of the wrong shape",
        ),
        (
            {"source": {"id": "s"}, "records": [{"type": "agreement", "id": "a", "parties": [[]]}]},
            "x: a drafted record has a field of the wrong shape",
        ),
    ],
)
def test_a_draft_that_is_not_one_is_refused_naming_the_report(
    draft: Mapping[str, Any], message: str
) -> None:
    with pytest.raises(score.DraftError, match=message):
        score.draft_report("x", TEXT, draft)


# -- the stored figures and the page ------------------------------------------------------------


def _stored() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(score.FIGURES.read_text(encoding="utf-8"))
    return data


def test_the_stored_figures_have_the_current_layout() -> None:
    score.check(_stored())


def test_the_page_is_generated_from_the_stored_figures() -> None:
    assert score.PAGE.read_text(encoding="utf-8") == score.render(_stored()), (
        f"run {score.COMMAND} --write"
    )


def test_the_page_is_in_the_site_navigation() -> None:
    assert "draft.md" in (score.REPO / "mkdocs.yml").read_text(encoding="utf-8")


def test_a_lower_figure_is_a_regression_and_a_higher_one_is_not() -> None:
    stored = _stored()
    assert score.regressions(stored, stored) == []
    lower = copy.deepcopy(stored)
    pooled = lower["corpora"]["unseen"]["kinds"]["meetings"]["pooled"]
    if pooled["right"] == 0:
        pooled["coder"] += 1  # nothing right: a lower recall needs a larger whole
        pooled["draft"] += 1
        higher = copy.deepcopy(stored)
        higher["corpora"]["unseen"]["kinds"]["meetings"]["pooled"]["right"] += 1
    else:
        pooled["right"] -= 1
        higher = stored
    found = score.regressions(lower, stored)
    assert found
    assert all(f.startswith("unseen/meetings/") for f in found)
    assert score.regressions(higher, lower) == []


@pytest.mark.parametrize(
    "damage",
    [
        lambda d: d.update(format=score.FORMAT + 1),
        lambda d: d["corpora"].pop("unseen"),
        lambda d: d["corpora"]["shipped"]["kinds"].pop("acts"),
        lambda d: d["corpora"]["shipped"]["kinds"]["meetings"]["fields"].pop("date"),
        lambda d: d["corpora"]["shipped"]["kinds"]["people"]["pooled"].update(right="1"),
    ],
)
def test_other_layouts_are_refused(damage: Any) -> None:
    data = copy.deepcopy(_stored())
    damage(data)
    with pytest.raises(ValueError, match="figures"):
        score.check(data)


def test_the_targets_are_issue_27s() -> None:
    stated = {(c, f, m): v for c, f, m, v in score.TARGETS}
    assert stated == {
        ("shipped", "meetings", "precision"): 0.95,
        ("unseen", "meetings", "precision"): 0.95,
        ("shipped", "meetings", "recall"): 0.9,
        ("unseen", "meetings", "recall"): 0.9,
        ("shipped", "acts.root", "recall"): 0.8,
        ("unseen", "acts.root", "recall"): 0.8,
    }


def _as_records(expected: Mapping[str, Any]) -> list[dict[str, Any]]:
    """An expectation file's records in the shape of records.json (what a perfect draft gives)."""
    out: list[dict[str, Any]] = []
    for m in expected.get("meetings") or ():
        series = m.get("series_id") or (f"new-{m['key']}" if m.get("series") else None)
        if series:
            out.append({"type": "body", "id": series, "name": m["series"], "aliases": []})
        quotes = [*(m.get("quotes") or ()), m["date"].get("quote") if m.get("date") else None]
        out.append(
            {
                "type": "meeting",
                "id": m["key"],
                "series": series,
                "ordinal": m.get("ordinal"),
                "status": m.get("status"),
                "date": m.get("date"),
                "location": {"city": m.get("city"), "country": m.get("country")},
                "evidence": [{"source": "s", "quote": q} for q in quotes if q],
            }
        )
    for p in expected.get("people") or ():
        if not p.get("name"):
            continue  # the coder's note of an unnamed official: no person record
        out.append(
            {
                "type": "person",
                "id": p["key"],
                "name": p["name"],
                "aliases": [],
                "country": p.get("country"),
                "titles": [{"title": p["title"]}] if p.get("title") else [],
                "evidence": [{"source": "s", "quote": p["quote"]}],
            }
        )
    out.extend(
        {
            "type": "agreement",
            "id": a["key"],
            "status": a.get("status"),
            "parties": a.get("parties"),
            "date": a.get("date"),
            "meeting": a.get("meeting"),
            "evidence": [{"source": "s", "quote": a["quote"]}],
        }
        for a in expected.get("agreements") or ()
    )
    return out


def test_an_expectation_given_as_a_draft_scores_full_on_meetings_people_and_agreements() -> None:
    """The two readers agree: the corpus's own records, drafted, are right on every field."""
    import yaml  # noqa: PLC0415

    for coder, text in score.corpus_reports(_ds()):
        path = text.with_name(f"{coder.name}.expected.yaml")
        expected = yaml.safe_load(path.read_text(encoding="utf-8"))
        records = _as_records(expected)
        bodies = {r["id"]: r for r in records if r["type"] == "body"}
        draft = score.records_report(
            coder.name, coder.text, records, source=None, acts=[], bodies=bodies
        )
        scores = score.score_report(draft, coder)
        for kind in ("meetings", "people", "agreements"):
            k = scores[kind]
            assert k.aligned == k.coder_records == k.draft_records, (coder.name, kind)
            for name, c in k.fields.items():
                assert c.right == c.draft == c.coder, (coder.name, kind, name)
