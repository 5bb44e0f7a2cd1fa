"""A held meeting's topics and outcomes: the sentences of its paragraph the coding policy
reads, each quoted verbatim, so the meeting is coded 046 and its outcomes are acts.

The report (tests/draft/texts/bulletin-jwg-topics.txt) is written in a wire bulletin's
style: a meeting, what it discussed, a concern, a praise, the next meeting, and a sentence
about the weather that states no act.
"""

import json
from pathlib import Path

import pytest

from pakru.cli import main
from pakru.draft.meetings import Found
from pakru.draft.read import Sentence
from pakru.draft.topics import discussed
from tests.draft import trees
from tests.draft.trees import TEXTS
from tests.draft.unlisted import unlisted_errors

BULLETIN = TEXTS / "bulletin-jwg-topics.txt"


def _found(status: str = "held") -> Found:
    quote = "The 5th meeting of the group was held in Karachi on Monday."
    record = {"id": "g-05", "evidence": [{"source": "src-00000001", "quote": quote}]}
    return Found(Sentence(0, quote), None, 5, "stated", status, record)


def _sentences(*texts: str) -> list[Sentence]:
    return [Sentence(n, t) for n, t in enumerate(texts)]


@pytest.mark.parametrize(
    ("sentence", "field"),
    [
        ("The two delegations held detailed discussions on regional security.", "topics"),
        ("The sides exchanged views on arms control.", "topics"),
        ("Both delegations voiced concern over the activities of Daesh in the region.", "outcomes"),
        ("The Pakistani side briefed the Russian delegation on its border security.", "outcomes"),
        ("The Russian side appreciated Pakistan's efforts against terrorism.", "outcomes"),
        ("The talks were marked by a convergence of views on regional issues.", "outcomes"),
    ],
)
def test_a_sentence_the_policy_reads_is_a_topic_or_an_outcome(sentence: str, field: str) -> None:
    meeting = _found()
    confirm = discussed(meeting, _sentences(meeting.sentence.text, sentence), "src-00000001")
    assert meeting.record[field] == [
        {"text": sentence, "evidence": [{"source": "src-00000001", "quote": sentence}]}
    ]
    assert len(confirm) == 1
    assert confirm[0].startswith("topics/outcomes: ")


@pytest.mark.parametrize(
    "sentence",
    [
        "The weather in Karachi was unusually warm for March.",
        "It was agreed that the next meeting would be held in Moscow in 2027.",
        "Officials said the delegation would return home on Tuesday.",
    ],
)
def test_a_sentence_stating_no_act_or_a_plan_is_neither(sentence: str) -> None:
    meeting = _found()
    assert discussed(meeting, _sentences(meeting.sentence.text, sentence), "src-00000001") == []
    assert "topics" not in meeting.record
    assert "outcomes" not in meeting.record


def test_a_planned_meeting_has_no_topics() -> None:
    meeting = _found("planned")
    text = "The two delegations will hold discussions on regional security."
    assert discussed(meeting, _sentences(meeting.sentence.text, text), "src-00000001") == []
    assert "topics" not in meeting.record


def test_the_meeting_is_coded_as_talks_and_its_outcomes_as_acts(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    tree = trees.empty_tree(tmp_path / "records")
    assert main(["draft", str(BULLETIN), "--records", str(tree), "--format", "json"]) == 0
    drafted = json.loads(capsys.readouterr().out)
    held = next(r for r in drafted["records"] if r["type"] == "meeting" and r["status"] == "held")
    assert [t["evidence"][0]["quote"] for t in held["topics"]] == [
        "The delegations discussed the situation in Afghanistan and the financing of "
        "terrorist groups."
    ]
    assert [o["evidence"][0]["quote"] for o in held["outcomes"]] == [
        "Both sides expressed concern over the growing presence of the Islamic State in the "
        "region.",
        "The Russian side appreciated Pakistan’s role in regional counter-terrorism efforts.",
    ]
    codes = {a["code"] for a in drafted["acts"] if a["record"] == held["id"]}
    assert {"046", "012", "051"} <= codes
    assert "040" not in codes  # the talks take the meeting's slot (046 over 040)
    assert any(c.startswith("topics/outcomes: ") for c in held["draft"]["confirm"])


def test_topics_and_outcomes_validate(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    tree = trees.empty_tree(tmp_path / "records")
    assert main(["draft", str(BULLETIN), "--records", str(tree), "--write"]) == 0
    assert unlisted_errors(tree, capsys) == []


POST = TEXTS / "post-jwg-12.txt"


def test_a_second_report_proposes_the_topics_and_outcomes_the_record_lacks_as_edits(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    tree = trees.empty_tree(tmp_path / "records")
    assert main(["draft", str(BULLETIN), "--records", str(tree), "--write"]) == 0
    capsys.readouterr()
    assert main(["draft", str(POST), "--records", str(tree), "--format", "json"]) == 0
    drafted = json.loads(capsys.readouterr().out)
    added = [(e["id"], e["field"], e["evidence"]["quote"]) for e in drafted["edits"]]
    held = "jwgct-12"
    assert (
        held,
        "outcomes",
        "The Pakistani side briefed the Russian delegation on its border management measures.",
    ) in added
    assert (
        held,
        "outcomes",
        "The talks were marked by a convergence of views on the situation in Afghanistan.",
    ) in added
    assert all(i == held for i, f, _quote in added if f in ("topics", "outcomes"))
    # applied with --apply, the record validates
    assert main(["draft", str(POST), "--records", str(tree), "--write", "--apply"]) == 0
    text = (tree / "meetings" / f"{held}.yaml").read_text(encoding="utf-8")
    assert "border management measures" in text
    assert unlisted_errors(tree, capsys) == []
    # drafted again, the report is cited already: nothing new to propose
    capsys.readouterr()
    assert main(["draft", str(POST), "--records", str(tree), "--format", "json"]) == 0
    again = json.loads(capsys.readouterr().out)
    assert [e for e in again["edits"] if e["field"] in ("topics", "outcomes")] == []
