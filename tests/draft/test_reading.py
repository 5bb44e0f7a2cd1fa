"""How the draft reads a sentence: ordinals, status, dates, people (never by a title alone)."""

import datetime as dt
from pathlib import Path

import pytest

from pakru.cli import main
from pakru.dataset import Dataset
from pakru.draft.dates import date_of
from pakru.draft.meetings import MEETING, ORDINAL_WORDS, _ordinal, _status, location_of
from pakru.draft.people import led_by
from pakru.loading import load_partial
from pakru.validate.rules.supports import ordinal_words
from tests.draft.trees import TEXTS


@pytest.mark.parametrize(
    ("sentence", "ordinal", "status"),
    [
        ("The 9th meeting of the group was held in Karachi.", 9, "held"),
        ("The twelfth round of the talks took place on Monday.", 12, "held"),
        ("The fourth session of the commission will be held in Kazan.", 4, "planned"),
        ("They agreed that the next round would be convened in 2028.", None, "planned"),
        ("Delegates arrived ahead of the 3rd meeting of the group.", 3, None),
    ],
)
def test_ordinal_and_status(sentence: str, ordinal: int | None, status: str | None) -> None:
    match = MEETING.search(sentence)
    assert match is not None
    assert _ordinal(match["ordinal"]) == ordinal
    assert _status(sentence, match["ordinal"]) == status


PUBLISHED = dt.date(2026, 4, 16)  # a Thursday


@pytest.mark.parametrize(
    ("sentence", "held", "rule", "bounds"),
    [
        ("It was held on 14 April 2026.", True, "stated-day", ("2026-04-14", "2026-04-14")),
        ("It was held yesterday.", True, "day-before-publication", ("2026-04-15", "2026-04-15")),
        ("It was held on Monday.", True, "weekday-before-publication", ("2026-04-13",) * 2),
        ("It will be held in May 2026.", False, "stated-month", ("2026-05-01", "2026-05-31")),
        ("It will be held in 2027.", False, "stated-year", ("2027-01-01", "2027-12-31")),
        (
            "It was held last week, the ministry said on Tuesday.",
            True,
            "week-before-publication",
            ("2026-04-06", "2026-04-12"),
        ),
    ],
)
def test_dates_by_the_date_rules(
    sentence: str, held: bool, rule: str, bounds: tuple[str, str]
) -> None:
    date = date_of(sentence, "src-00000001", PUBLISHED, held=held)
    assert date["derivations"][0]["rule"] == rule
    assert (date["earliest"].isoformat(), date["latest"].isoformat()) == bounds


def test_no_date_rule_no_date() -> None:
    date = date_of("It was held recently.", "src-00000001", PUBLISHED, held=True)
    assert date == {"earliest": None, "latest": None, "precision": "unknown"}


def test_no_date_before_the_report_for_a_plan_nor_after_it_for_a_held_meeting() -> None:
    """A plan dated before its report would break ``dates.planned-before-announcement``;
    "the talks were launched in 2015" read for a planned meeting dates nothing."""
    unknown = {"earliest": None, "latest": None, "precision": "unknown"}
    launched = "The talks were launched in 2015."
    assert date_of(launched, "src-00000001", PUBLISHED, held=False) == unknown
    assert date_of(launched, "src-00000001", PUBLISHED, held=True)["precision"] == "year"
    assert date_of("It will be held in 2027.", "src-00000001", PUBLISHED, held=True) == unknown


def test_a_venue_that_names_a_place_is_not_placed_by_the_dateline() -> None:
    """``dateline-venue`` places only an unqualified venue (``places.derived`` rejects "the
    Russian Foreign Ministry"): the draft does not propose it, "the Foreign Office" it does."""
    named = "The talks took place at the Russian Foreign Ministry on Monday."
    location, _, nulls = location_of(named, "src-00000001", "Moscow", "MOSCOW")
    assert location["derivations"] == []
    assert "location.city" in nulls
    plain = "The talks took place at the Foreign Office on Monday."
    location, _, _ = location_of(plain, "src-00000001", "Moscow", "MOSCOW")
    assert [d["rule"] for d in location["derivations"]] == ["dateline-venue", "gazetteer-city"]


@pytest.fixture
def ds(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Dataset:
    """A tree with the people the weekly's report names (Sergey Ryabkov and his title)."""
    from tests.draft.trees import empty_tree  # noqa: PLC0415

    tree = empty_tree(tmp_path / "records")
    assert (
        main(["draft", str(TEXTS / "herald-cgss-13.txt"), "--records", str(tree), "--write"]) == 0
    )
    capsys.readouterr()
    loaded, skipped = load_partial(tree)
    assert skipped == ()
    return loaded


def test_people_by_name_or_initials_never_by_title_alone(ds: Dataset) -> None:
    [by_initials] = led_by("The Russian side was led by Deputy Minister S. Ryabkov.", ds)
    assert (by_initials.person_id, by_initials.side) == ("sergey-ryabkov", "RU")
    # the title Sergey Ryabkov holds, with another name: a new person, not a match
    [other] = led_by("The Russian side was led by Deputy Foreign Minister Ivan Petrov.", ds)
    assert (other.person_id, other.name, other.title) == (
        None,
        "Ivan Petrov",
        "Deputy Foreign Minister",
    )
    # the title alone names nobody
    assert led_by("The Russian side was led by the Deputy Foreign Minister.", ds) == []
    # a surname alone names nobody either
    [surname] = led_by("The Russian side was led by Ambassador Oleg Ryabkov.", ds)
    assert surname.person_id is None


def test_a_title_after_the_name(ds: Dataset) -> None:
    [named] = led_by(
        "The Pakistani delegation was headed by Asma Durrani, Additional Secretary (Europe), "
        "while talks continued.",
        ds,
    )
    assert (named.name, named.title, named.side) == (
        "Asma Durrani",
        "Additional Secretary (Europe)",
        "PK",
    )


def test_spelled_ordinals_are_the_ordinal_rules_spellings_past_twenty() -> None:
    """The draft reads the ordinals `series.ordinal`'s rule spells (one list, 1 to 99)."""
    for text, number in (
        ("the twenty-first meeting of the group", 21),
        ("the Twenty First round", 21),
        ("its fortieth session", 40),
        ("the seventh meeting", 7),
    ):
        found = MEETING.search(text)
        assert found is not None, text
        assert ORDINAL_WORDS[found.group("ordinal").lower()] == number
        assert found.group("ordinal").lower() in ordinal_words(number)
