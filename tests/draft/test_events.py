"""Events beyond exercises: deliveries between the story's two countries and statements
criticising a third country, and what is none (a plan, a third country's delivery,
assurances that are no goods, criticism of no country).

The report (tests/draft/texts/ledger-deliveries.txt) is written in a feature page's style
(a "Written by" byline, no publication date).
"""

import datetime as dt
import json
from pathlib import Path

import pytest

from pakru.cli import main
from pakru.draft.events import deliveries, exercises, milestones, statements
from pakru.draft.read import Sentence
from tests.draft import trees
from tests.draft.trees import TEXTS
from tests.draft.unlisted import unlisted_errors

LEDGER = TEXTS / "ledger-deliveries.txt"
SOURCE = {"id": "src-00000001", "published": dt.date(2026, 5, 6)}


class _Pair:
    def __init__(self) -> None:
        self.pair = ["PK", "RU"]
        self.quote = "Pakistan and Russia"


def _events(kind: str, sentence: str) -> list[dict]:  # type: ignore[type-arg]
    read = deliveries if kind == "delivery" else statements
    found = read([Sentence(0, sentence)], SOURCE, set(), _Pair())  # type: ignore[arg-type]
    return [p.data for p in found]


@pytest.mark.parametrize(
    ("sentence", "countries", "rule"),
    [
        ("Russia has provided six jets to Pakistan.", ["RU", "PK"], "before-publication"),
        (
            "Pakistan acquired three patrol vessels from Russia in 2021.",
            ["RU", "PK"],
            "stated-year",
        ),
        ("Islamabad took delivery of a shipment of wheat from Moscow.", ["RU", "PK"], None),
        ("Pakistan received its second cargo of Russian crude oil.", ["RU", "PK"], None),
    ],
)
def test_a_delivery(sentence: str, countries: list[str], rule: str | None) -> None:
    [event] = _events("delivery", sentence)
    assert (event["kind"], event["status"], event["countries"]) == ("delivery", "held", countries)
    derivations = event["date"]["derivations"]
    assert derivations[0]["rule"] == (rule or "before-publication")
    assert event["location"] == {"city": None, "country": None, "venue": None}


@pytest.mark.parametrize(
    "sentence",
    [
        "Russia will supply a further batch of engines to Pakistan next year.",
        "Moscow has also supplied arms to India for decades.",
        "Pakistan received assurances of support from Russia.",
        "Russia has not delivered the helicopters to Pakistan.",
    ],
)
def test_no_delivery(sentence: str) -> None:
    assert _events("delivery", sentence) == []


def test_a_statement_criticising_a_third_country() -> None:
    text = "The Russian foreign minister criticised the United States, which leads the coalition."
    [event] = _events("statement", text)
    assert (event["kind"], event["countries"], event["targets"]) == ("statement", ["RU"], ["US"])


@pytest.mark.parametrize(
    "sentence",
    [
        "The Pakistani minister criticised the delays in the pipeline project.",
        "The Russian side criticised Pakistan's visa rules.",  # one side to the other: a talk
        "Analysts criticised the United States.",  # no speaker of the two sides
    ],
)
def test_no_statement(sentence: str) -> None:
    assert _events("statement", sentence) == []


def test_events_drafted_from_a_report_and_coded(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    tree = trees.empty_tree(tmp_path / "records")
    assert main(["draft", str(LEDGER), "--records", str(tree), "--format", "json"]) == 0
    drafted = json.loads(capsys.readouterr().out)
    events = {r["id"]: r for r in drafted["records"] if r["type"] == "event"}
    assert [(e["kind"], e["countries"]) for e in events.values()] == [
        ("delivery", ["RU", "PK"]),
        ("delivery", ["RU", "PK"]),
        ("statement", ["RU"]),
    ]
    purchased = next(e for e in events.values() if "purchased" in e["evidence"][0]["quote"])
    assert (purchased["date"]["earliest"], purchased["date"]["precision"]) == (
        "2025-03-01",
        "month",
    )
    codes = sorted(a["code"] for a in drafted["acts"] if a["record"] in events)
    assert codes == ["111"]  # "criticised"; the policy codes no "delivered"/"purchased" yet
    for event in events.values():
        assert event["draft"]["confidence"] == "low"
        assert event["draft"]["confirm"][0].startswith("event: ")


def test_drafted_events_validate(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    tree = trees.empty_tree(tmp_path / "records")
    assert main(["draft", str(LEDGER), "--records", str(tree), "--write"]) == 0
    assert len(list((tree / "events").glob("*.yaml"))) == 3
    assert unlisted_errors(tree, capsys) == []


@pytest.mark.parametrize(
    ("sentence", "title"),
    [
        (
            "The armies of Pakistan and Russia held joint drills codenamed ‘Steppe Eagle’.",
            "Joint drills “Steppe Eagle”",
        ),
        ("Pakistani and Russian marines conducted naval exercises near Gwadar.", "Naval exercises"),
    ],
)
def test_an_exercise_of_the_two(sentence: str, title: str) -> None:
    [event] = [p.data for p in exercises([Sentence(0, sentence)], SOURCE, set(), set())]
    assert (event["kind"], event["title"], event["countries"]) == ("exercise", title, ["PK", "RU"])


@pytest.mark.parametrize(
    "sentence",
    [
        "The two armies also took part in multinational drills hosted by Russia.",
        "Russian ships held harbour drills at Karachi.",
    ],
)
def test_no_exercise_of_the_two(sentence: str) -> None:
    assert exercises([Sentence(0, sentence)], SOURCE, set(), set()) == []


@pytest.mark.parametrize(
    ("sentence", "countries", "targets"),
    [
        (
            "The Pakistani and Russian ministers condemned the United States over the strikes.",
            ["PK", "RU"],
            ["US"],
        ),
        (
            "The Russian envoy reiterated the commitment of his government to deepen "
            "cooperation with Pakistan in energy and defence.",
            ["RU"],
            ["PK"],
        ),
        (
            "Speaking in Islamabad, the minister expressed Pakistan's readiness to help Russia "
            "with grain logistics.",
            ["PK"],
            ["RU"],
        ),
    ],
)
def test_a_statement_of_one_side_or_both(
    sentence: str, countries: list[str], targets: list[str]
) -> None:
    [event] = _events("statement", sentence)
    assert (event["countries"], event["targets"]) == (countries, targets)


@pytest.mark.parametrize(
    ("sentence", "year"),
    [
        ("Ties have deepened since 2007, when relations were restored after the war.", 2007),
        ("Pakistan and Russia established diplomatic relations in May 1948.", 1948),
    ],
)
def test_a_relations_milestone(sentence: str, year: int) -> None:
    [event] = [p.data for p in milestones([Sentence(0, sentence)], SOURCE, set(), _Pair())]  # type: ignore[arg-type]
    assert (event["kind"], event["countries"]) == ("relations-milestone", ["PK", "RU"])
    assert event["date"]["earliest"].year == year


@pytest.mark.parametrize(
    "sentence",
    [
        "Relations between the two have improved steadily.",  # no milestone
        "The ties were renewed, officials said.",  # no date
        "India and Russia established diplomatic relations in 1947.",  # not the two
    ],
)
def test_no_relations_milestone(sentence: str) -> None:
    assert milestones([Sentence(0, sentence)], SOURCE, set(), _Pair()) == []  # type: ignore[arg-type]


def test_exercises_held_every_year_each_named_one_a_recurring_event() -> None:
    text = (
        "Since the 2014 agreement, Pakistan and Russia are regularly holding the exercise "
        "“Friendship” and the drill “Druzhba” on annual basis."
    )
    found = [p.data for p in exercises([Sentence(0, text)], SOURCE, set(), set())]
    assert [(e["title"], e["status"], e["date"]["precision"]) for e in found] == [
        ("Exercise “Friendship”", "recurring", "unknown"),
        ("Drill “Druzhba”", "recurring", "unknown"),
    ]
