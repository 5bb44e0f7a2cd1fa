"""Agreements and commitments of every kind the schema has, read from general news wording:
documents signed (active, passive, a noun, a participle; two in one sentence), commitments
agreed, decided or reaffirmed, and what is none (a view agreed, a meeting agreed on,
someone else's agreement).

The report (tests/draft/texts/monitor-agreements.txt) is written in a weekly's style: a
held round of a dialogue, a memorandum signed at it, a commitment, a decision, a view, the
next round, three documents signed years before (one in a sentence naming a third country
as no signatory), and a third country's agreement; its lede states a commitment.
"""

import datetime as dt
import json
from pathlib import Path

import pytest

from pakru.cli import main
from pakru.draft.agreements import Story, agreed_in, own_date, reached, signed_apart, signed_in
from pakru.draft.meetings import Found
from pakru.draft.read import Sentence
from tests.draft import trees
from tests.draft.trees import TEXTS
from tests.draft.unlisted import unlisted_errors

MONITOR = TEXTS / "monitor-agreements.txt"


@pytest.mark.parametrize(
    ("sentence", "kind", "status", "subject"),
    [
        (
            "The ministers signed a memorandum of understanding on energy security.",
            "agreement",
            "signed",
            "memorandum of understanding on energy security",
        ),
        ("Both countries inked a defence accord in 2019.", "accord", "signed", "defence accord"),
        (
            "A protocol on visa-free travel for officials was signed after the talks.",
            "agreement",
            "signed",
            "protocol on visa-free travel for officials",
        ),
        (
            "An agreement was concluded for the exchange of intelligence.",
            "agreement",
            "concluded",
            "agreement for the exchange of intelligence",
        ),
        (
            "The visit follows the signing of a treaty on mutual legal assistance.",
            "treaty",
            "signed",
            "treaty on mutual legal assistance",
        ),
        (
            "They signed two agreements on energy and shipping on Saturday after the session.",
            "agreement",
            "signed",
            "agreement on energy and shipping",
        ),
        (
            "Supplies resumed under a contract signed in May.",
            "agreement",
            "signed",
            "contract",
        ),
    ],
)
def test_a_document_signed(sentence: str, kind: str, status: str, subject: str) -> None:
    [found] = signed_in(sentence)
    assert (found.kind, found.status, found.subject) == (kind, status, subject)


def test_two_documents_in_one_sentence_are_dated_each_by_its_clause() -> None:
    after = "They signed a trade agreement in June 2012 and a transit accord in March 2016."
    before = (
        "They in Jan 2012 signed a trade agreement and later in Mar 2016 inked a transit accord."
    )
    source = {"id": "src-00000001", "published": dt.date(2026, 1, 1)}
    for sentence in (after, before):
        first, second = signed_in(sentence)
        assert (first.subject, second.subject) == ("trade agreement", "transit accord")
        assert own_date(first.clause, source)["derivations"][0]["value"] == "2012-0" + (
            "6" if sentence is after else "1"
        )
        assert own_date(second.clause, source)["derivations"][0]["value"] == "2016-03"


@pytest.mark.parametrize(
    "sentence",
    [
        "The agreement on trade was discussed at length.",
        "A signing ceremony is expected next month.",
        "He signed the visitors' book at the ministry.",
    ],
)
def test_no_document_signed(sentence: str) -> None:
    assert signed_in(sentence) == []


@pytest.mark.parametrize(
    ("sentence", "kind", "subject"),
    [
        (
            "Moscow and Islamabad agreed to expand cooperation in the energy sector.",
            "commitment",
            "expand cooperation in the energy sector",
        ),
        (
            "The two delegations reviewed the situation and agreed to meet regularly.",
            "commitment",
            "meet regularly",
        ),
        (
            "Both sides reaffirmed their commitment to fight drug trafficking.",
            "commitment",
            "fight drug trafficking",
        ),
        (
            "They confirmed their readiness to continue consultations on the UN agenda.",
            "commitment",
            "continue consultations on the UN agenda",
        ),
        (
            "The two countries decided to set up a joint business council.",
            "decision",
            "set up a joint business council",
        ),
        (
            "Russia and Pakistan agreed here on Monday to step up naval cooperation.",
            "commitment",
            "step up naval cooperation",
        ),
        (
            "Both sides agreed to expand trade in wheat, the ministry said in a statement.",
            "commitment",
            "expand trade in wheat",
        ),
        (
            "The sides agreed to keep up the dialogue and to hold the next round in Kazan.",
            "commitment",
            "keep up the dialogue",
        ),
    ],
)
def test_a_commitment(sentence: str, kind: str, subject: str) -> None:
    found = agreed_in(sentence)
    assert found is not None
    assert found[:2] == (kind, subject)


@pytest.mark.parametrize(
    "sentence",
    [
        "Both sides agreed that terrorism threatens the region.",  # a view: the accord, 019
        "The two sides agreed to hold the next round in Kazan.",  # the planned meeting
        "They agreed to convene the fifth session in 2027.",
        "Iran and Turkey agreed to expand trade.",  # not the two sides
        "The two sides did not agree on the venue.",
        "Analysts agreed to disagree.",
    ],
)
def test_no_commitment(sentence: str) -> None:
    assert agreed_in(sentence) is None


def _draft(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> dict:  # type: ignore[type-arg]
    tree = trees.empty_tree(tmp_path / "records")
    assert main(["draft", str(MONITOR), "--records", str(tree), "--format", "json"]) == 0
    return json.loads(capsys.readouterr().out)  # type: ignore[no-any-return]


def test_agreements_drafted_from_a_report(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    drafted = _draft(tmp_path, capsys)
    held = next(r for r in drafted["records"] if r["type"] == "meeting" and r["status"] == "held")
    found = {
        (a["kind"], a["status"], a["subject"], a["meeting"], a["date"]["precision"])
        for a in drafted["records"]
        if a["type"] == "agreement"
    }
    assert found == {
        (
            "agreement",
            "signed",
            "memorandum of understanding on cyber security cooperation",
            held["id"],
            "day",
        ),
        (
            "commitment",
            "agreed",
            "strengthen cooperation against terrorism at the United Nations",
            held["id"],
            "day",
        ),
        (
            "decision",
            "agreed",
            "establish a joint expert group on information security",
            held["id"],
            "day",
        ),
        ("commitment", "agreed", "fight cyber crime", held["id"], "day"),  # the lede
        ("agreement", "signed", "defence cooperation agreement", None, "month"),
        ("accord", "signed", "military-technical cooperation accord", None, "month"),
    }
    agreements = [r for r in drafted["records"] if r["type"] == "agreement"]
    assert all(a["parties"] == ["PK", "RU"] for a in agreements)
    assert sorted(held["agreements"]) == sorted(a["id"] for a in agreements if a["meeting"])
    apart = [a for a in agreements if a["meeting"] is None]
    assert [a["date"]["derivations"][0]["quote"] for a in apart] == [
        "November 2014",
        "October 2015",
    ]
    # "the two countries": the parties come from the sentence naming both, to confirm
    assert all(a["evidence"][1]["supports"] == ["parties"] for a in apart)
    assert all(
        any(c.startswith("parties: the sentence names no country") for c in a["draft"]["confirm"])
        for a in apart
    )
    # the 2014 agreement named again ("Islamabad ... Washington ... Moscow since 2014, when
    # the two countries signed ..."): the same record, with the second quote; Washington,
    # outside the clause of the signing, is no signatory
    assert apart[0]["evidence"][2]["quote"].startswith("Islamabad, long close to Washington")
    codes = [a["code"] for a in drafted["acts"] if a["record"] in {x["id"] for x in agreements}]
    assert codes.count("057") == 3  # each document signed (India and Russia's is none)


def test_a_drafted_agreement_validates(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    tree = trees.empty_tree(tmp_path / "records")
    assert main(["draft", str(MONITOR), "--records", str(tree), "--write"]) == 0
    assert unlisted_errors(tree, capsys) == []
    assert len(list((tree / "agreements").glob("*.yaml"))) == 6


SOURCE = {"id": "src-00000001", "published": dt.date(2026, 9, 12)}
DAY = dt.date(2026, 9, 11)


def _held() -> Found:
    quote = "The fourth round of the Pakistan-Russia Strategic Dialogue was held on Friday."
    record = {
        "id": "sd-04",
        "title": "4th round of the Pakistan-Russia Strategic Dialogue",
        "date": {"earliest": DAY, "latest": DAY, "precision": "day"},
        "evidence": [{"source": SOURCE["id"], "quote": quote}],
    }
    return Found(Sentence(0, quote), None, 4, "stated", "held", record)


def _story(*texts: str) -> tuple[list[Sentence], Story]:
    sentences = [Sentence(n, t) for n, t in enumerate(texts)]
    return sentences, Story([Sentence(99, "Pakistan and Russia held talks."), *sentences])


def test_a_commitment_on_the_subject_of_a_document_concluded_at_the_meeting_is_that_document() -> (
    None
):
    sentences, story = _story(
        "Islamabad and Moscow agreed to further expand cooperation in countering terrorism.",
        "An agreement was concluded for expansion of cooperation on countering terrorism.",
        "Both sides agreed to expand trade in wheat.",
    )
    found = reached(_held(), sentences, SOURCE, set(), story)
    assert [(p.data["status"], p.data["subject"]) for p in found] == [
        ("concluded", "agreement for expansion of cooperation on countering terrorism"),
        ("agreed", "expand trade in wheat"),
    ]
    quotes = [e["quote"] for e in found[0].data["evidence"]]
    assert quotes[0] == sentences[1].text
    assert quotes[-1] == sentences[0].text  # after the meeting's quote naming the parties


def test_a_document_signed_before_the_meeting_is_not_the_meeting_s() -> None:
    sentences, story = _story("The two countries signed a defence accord in 2014.")
    assert reached(_held(), sentences, SOURCE, set(), story) == []
    [apart] = signed_apart(sentences, SOURCE, set(), story, set())
    assert (apart.data["meeting"], apart.data["date"]["precision"]) == (None, "year")


def test_outside_a_meeting_a_commitment_is_drafted_only_when_its_sentence_dates_it() -> None:
    sentences, story = _story(
        "Pakistan and Russia agreed here on Tuesday to set up a commission on military "
        "cooperation.",
        "Pakistan and Russia agreed to expand trade in wheat.",
    )
    [dated] = signed_apart(sentences, SOURCE, set(), story, set())
    assert (dated.data["subject"], dated.data["date"]["derivations"][0]["rule"]) == (
        "set up a commission on military cooperation",
        "weekday-before-publication",
    )


def test_a_document_named_by_its_kind_alone_is_the_one_named_in_full_that_day() -> None:
    sentences, story = _story(
        "Pakistan and Russia signed an agreement here yesterday.",
        "The Protocol on Military Education was signed yesterday by the two countries' ministers.",
    )
    [one] = signed_apart(sentences, SOURCE, set(), story, set())
    assert one.data["subject"] == "Protocol on Military Education"
    quotes = [e["quote"] for e in one.data["evidence"]]
    assert (quotes[0], quotes[-1]) == (sentences[1].text, sentences[0].text)
