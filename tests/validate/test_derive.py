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


def make(rule: str, source: str = "src-70d7bb2a", **kw: str) -> Derivation:
    return Derivation(rule=rule, source=source, quote="the quote", **kw)  # type: ignore[arg-type]


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
