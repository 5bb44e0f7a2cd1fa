"""Date derivations: each rule on the reports' own worked examples."""

import datetime as dt

import pytest

from pakru.schema import DateInterval, Derivation
from pakru.validate.derive import (
    Anchors,
    UnderivableError,
    derive,
    intersect,
    precision_of,
    within,
)

D = dt.date
ANCHORS = Anchors(
    published={
        "src-70d7bb2a": D(2018, 3, 3),
        "src-0d14edf0": D(2018, 3, 15),
        "src-9a68526d": D(2018, 3, 21),
        "src-undated": None,
    },
    intervals={
        "jwg-ct-07": DateInterval(earliest=D(2018, 3, 21), latest=D(2018, 3, 21), precision="day")
    },
)


QUOTES = {
    "publication-day": "held here today",
    "day-before-publication": "signed here yesterday",
    "week-before-publication": "met last week",
    "month-before-publication": "met last month",
    "year-of-publication": "launched this year",
}
"""A quote saying each relative rule's words, which the rule asks for."""


def make(rule: str, source: str = "src-70d7bb2a", **kw: str) -> Derivation:
    weekday = kw.get("weekday")
    quote = f"was held on {weekday.capitalize()}" if weekday else QUOTES.get(rule, "the quote")
    return Derivation(rule=rule, source=source, quote=quote, **kw)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("source", "weekday", "day"),
    [
        ("src-70d7bb2a", "friday", D(2018, 3, 2)),  # Saturday report: "on Friday"
        ("src-0d14edf0", "wednesday", D(2018, 3, 14)),  # Thursday report: "Wednesday"
        ("src-0d14edf0", "thursday", D(2018, 3, 15)),  # the publication day itself
        ("src-0d14edf0", "friday", D(2018, 3, 9)),  # six days before
    ],
)
def test_weekday_before_publication(source: str, weekday: str, day: dt.date) -> None:
    assert derive(make("weekday-before-publication", source, weekday=weekday), ANCHORS) == (
        day,
        day,
    )


def test_publication_rules() -> None:
    pub = D(2018, 3, 21)
    assert derive(make("publication-day", "src-9a68526d"), ANCHORS) == (pub, pub)
    assert derive(make("before-publication", "src-9a68526d"), ANCHORS) == (None, pub)
    assert derive(make("month-before-publication", "src-9a68526d"), ANCHORS) == (
        D(2018, 2, 1),
        D(2018, 2, 28),
    )
    assert derive(make("year-of-publication", "src-0d14edf0"), ANCHORS) == (
        D(2018, 1, 1),
        D(2018, 3, 15),
    )
    with pytest.raises(UnderivableError, match="has no publication date"):
        derive(make("publication-day", "src-undated"), ANCHORS)


def test_stated_rules() -> None:
    assert derive(make("stated-month", value="2016-02"), ANCHORS) == (D(2016, 2, 1), D(2016, 2, 29))
    assert derive(make("stated-year", value="2019"), ANCHORS) == (D(2019, 1, 1), D(2019, 12, 31))
    with pytest.raises(UnderivableError, match="not a valid value"):
        derive(make("stated-day", value="2018-02-30"), ANCHORS)


def test_foreign_ministers_talks_example() -> None:
    """ "Last month" anchored on the 7th JWG meeting, and "recently" before 2018-03-03."""
    last_month = derive(make("month-before-record", "src-undated", anchor="jwg-ct-07"), ANCHORS)
    recently = derive(make("before-publication"), ANCHORS)
    assert last_month == (D(2018, 2, 1), D(2018, 2, 28))
    assert intersect(last_month, recently) == (D(2018, 2, 1), D(2018, 2, 28))
    assert precision_of(*intersect(last_month, recently)) == "month"


@pytest.mark.parametrize(
    ("earliest", "latest", "precision"),
    [
        (None, None, "unknown"),
        (None, D(2018, 3, 3), "range"),
        (D(2018, 3, 2), D(2018, 3, 2), "day"),
        (D(2018, 2, 1), D(2018, 2, 28), "month"),
        (D(2019, 1, 1), D(2019, 12, 31), "year"),
        (D(2018, 1, 1), D(2018, 3, 15), "range"),
    ],
)
def test_precision_of(earliest: dt.date | None, latest: dt.date | None, precision: str) -> None:
    assert precision_of(earliest, latest) == precision


def test_within_treats_open_bounds_as_infinite() -> None:
    assert within((D(2018, 2, 1), D(2018, 2, 28)), (None, D(2018, 3, 3)))
    assert not within((None, D(2018, 2, 28)), (D(2018, 1, 1), None))


# --- rules added for issue 13: series order, written-after, last year, open publication --

ORDERED = Anchors(
    published={"src-b44e9500": None},
    intervals={
        "jwg-ct-07": DateInterval(earliest=D(2018, 3, 21), latest=D(2018, 3, 21), precision="day"),
        "peace-mission-2021": DateInterval(
            earliest=D(2021, 9, 1), latest=D(2021, 9, 30), precision="month"
        ),
    },
    publication={
        "src-b44e9500": DateInterval(earliest=D(2021, 9, 1), latest=None, precision="range")
    },
    series={"jwg-ct-07": ("jwg-ct", 7), "wg-citsc-09": ("jwg-ct", 9), "other": ("cgss", 12)},
    cited={"peace-mission-2021": frozenset({"src-b44e9500"})},
)


def test_after_record_is_on_or_after_a_lower_numbered_meeting() -> None:
    d = make("after-record", anchor="jwg-ct-07")
    assert derive(d, ORDERED, "wg-citsc-09") == (D(2018, 3, 21), None)


@pytest.mark.parametrize("subject", ["other", "jwg-ct-07"])
def test_after_record_needs_the_same_series_and_a_lower_number(subject: str) -> None:
    with pytest.raises(UnderivableError):
        derive(make("after-record", anchor="jwg-ct-07"), ORDERED, subject)


def test_written_after_record_bounds_an_undated_report() -> None:
    d = make("written-after-record", source="src-b44e9500", anchor="peace-mission-2021")
    assert derive(d, ORDERED, "src-b44e9500") == (D(2021, 9, 1), None)


def test_written_after_record_needs_the_anchor_to_cite_the_report() -> None:
    d = make("written-after-record", source="src-b44e9500", anchor="jwg-ct-07")
    with pytest.raises(UnderivableError, match="does not cite"):
        derive(d, ORDERED, "src-b44e9500")


def test_weekday_within_an_open_publication_interval() -> None:
    # Published on or after Wed 2021-09-01: "on Monday" is Mon 2021-08-30 at the earliest.
    d = make("weekday-before-publication", source="src-b44e9500", weekday="monday")
    assert derive(d, ORDERED) == (D(2021, 8, 30), None)


def test_year_before_record() -> None:
    d = make("year-before-record", source="src-5c611fd4", anchor="jwg-ct-07")
    assert derive(d, ORDERED) == (D(2017, 1, 1), D(2017, 12, 31))


def test_every_derivation_rule_is_documented_once() -> None:
    """The docs' rule list comes from the rule lists' docstrings: every rule, with words."""
    from typing import get_args  # noqa: PLC0415

    from pakru.validate.derive import derivation_kinds, derivation_rules  # noqa: PLC0415

    docs = derivation_rules()
    for kind, literal in derivation_kinds().items():
        assert sorted(docs[kind]) == sorted(get_args(literal)), kind
        assert all(len(text) > 20 for text in docs[kind].values()), kind


def test_yesterday_and_last_week_are_anchored_to_publication() -> None:
    # src-0d14edf0 is published on Thursday 15 March 2018
    assert derive(make("day-before-publication", "src-0d14edf0"), ANCHORS) == (
        D(2018, 3, 14),
        D(2018, 3, 14),
    )
    assert derive(make("week-before-publication", "src-0d14edf0"), ANCHORS) == (
        D(2018, 3, 5),
        D(2018, 3, 11),
    )


@pytest.mark.parametrize(
    ("rule", "quote"),
    [
        ("day-before-publication", "signed the accord on Monday"),
        ("week-before-publication", "met earlier this month"),
        ("publication-day", "met yesterday"),
    ],
)
def test_a_relative_rule_asks_its_words_of_the_quote(rule: str, quote: str) -> None:
    derivation = Derivation(rule=rule, source="src-0d14edf0", quote=quote)  # type: ignore[arg-type]
    with pytest.raises(UnderivableError, match="does not say"):
        derive(derivation, ANCHORS)


MEETING_ANCHORS = Anchors(published=ANCHORS.published, intervals={}, series={"jmc-02": (None, 2)})


@pytest.mark.parametrize(
    "quote",
    [
        "A statement on the talks was released here on Thursday.",
        "the ministry said on Thursday",
        "according to a statement issued here by the Foreign Office on Thursday",
    ],
)
def test_a_statements_weekday_does_not_date_a_meeting(quote: str) -> None:
    derivation = Derivation(
        rule="weekday-before-publication", source="src-0d14edf0", quote=quote, weekday="thursday"
    )
    with pytest.raises(UnderivableError, match="day of a statement"):
        derive(derivation, MEETING_ANCHORS, "jmc-02")
    # the same phrase dates the statement itself (an event, not a meeting)
    assert derive(derivation, MEETING_ANCHORS, "statement-record") == (
        D(2018, 3, 15),
        D(2018, 3, 15),
    )


@pytest.mark.parametrize(
    "quote",
    [
        "the working group, which was held in Moscow on Thursday",
        "Pakistan and Russia Thursday held talks, the Foreign Office said",
        "The talks were held on Thursday, a statement said.",
    ],
)
def test_a_meetings_weekday_dates_it(quote: str) -> None:
    derivation = Derivation(
        rule="weekday-before-publication", source="src-0d14edf0", quote=quote, weekday="thursday"
    )
    assert derive(derivation, MEETING_ANCHORS, "jmc-02") == (D(2018, 3, 15), D(2018, 3, 15))


def _here(quote: str, *others: str, datelines: dict[str, str] | None = None) -> dict[str, object]:
    from pakru.schema import Location  # noqa: PLC0415 - only these tests build locations
    from pakru.schema.derivations import PlaceDerivation  # noqa: PLC0415
    from pakru.validate.derive.places import PlaceFacts, derive_place  # noqa: PLC0415

    d = PlaceDerivation(rule="dateline-here", source="src-x", quote=quote, dateline="ISLAMABAD")
    location = Location(city="Islamabad", country=None, venue=None)
    facts = PlaceFacts(
        texts={"src-x": "ISLAMABAD (APP): ..."},
        cited=frozenset({"src-x"}),
        datelines={"src-x": "Islamabad"} if datelines is None else datelines,
        quotes={"src-x": (quote, *others)},
    )
    return dict(derive_place(d, location, facts))


def test_dateline_here_reads_the_dateline_the_source_records() -> None:
    assert _here("the talks were held here on Monday") == {"city": "Islamabad"}
    with pytest.raises(UnderivableError, match="records no dateline"):
        _here("the talks were held here on Monday", datelines={})


@pytest.mark.parametrize(
    ("quote", "other", "problem"),
    [
        ("the delegations met here", "the session was held in Moscow", "a named city wins"),
        ("the delegations met here", "the session was held in Russia", "places it in RU"),
        ("A statement was released here on Thursday.", "", "where a statement was made"),
    ],
)
def test_dateline_here_yields_to_a_named_place(quote: str, other: str, problem: str) -> None:
    with pytest.raises(UnderivableError, match=problem):
        _here(quote, *([other] if other else []))


def test_a_city_named_in_a_statements_clause_does_not_move_the_meeting() -> None:
    quote = "the delegations met here, according to a statement issued in Moscow"
    assert _here(quote) == {"city": "Islamabad"}
