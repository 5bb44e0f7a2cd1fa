"""The analysis helpers against hand counts, as an analyst's notebook would check them.

The dataset is the library fixture plus five meetings written here, each with
a date shape that trips a naive count (a month, a year, a week, an interval
across New Year, an unknown date). Every expected number below was counted by
hand from these lines and the fixture files, not from today's records; the
SQLite views and the site page must give the same numbers.
"""

import datetime as dt
import sqlite3
from pathlib import Path

import pytest

from pakru.dataset import Dataset
from pakru.export import export
from pakru.export.analysis import (
    Pair,
    co_participation,
    counts_by_period,
    period_of,
    single_source,
)
from pakru.schema import DateInterval, Evidence, Meeting, Participant
from pakru.site.analysis import analysis_page
from pakru.site.context import Site

PK_SOURCE = "src-70d7bb2a"
OTHER_SOURCE = "src-9a68526d"


def _meeting(
    template: Meeting,
    id_: str,
    dates: tuple[dt.date | None, dt.date | None, str],
    people: tuple[str, ...],
    *,
    status: str = "held",
    source: str = PK_SOURCE,
) -> Meeting:
    first, last, precision = dates
    evidence = (Evidence(source=source, quote="Pakistan and Russia"),)
    participants = tuple(Participant(ref=p, evidence=evidence) for p in people)
    date = DateInterval(earliest=first, latest=last, precision=precision, derivations=())  # type: ignore[arg-type]
    return template.model_copy(
        update={
            "id": id_,
            "date": date,
            "status": status,
            "participants": participants,
            "ordinal": None,
            "realises": None,
        }
    )


@pytest.fixture(scope="module")
def hand(ds: Dataset) -> Dataset:
    """The fixture with five hand-made meetings added."""
    template = ds.meeting("cgss-12")
    d = dt.date
    added = [
        _meeting(
            template,
            "hand-month",
            (d(2018, 3, 1), d(2018, 3, 31), "month"),
            ("khawaja-asif", "sergey-ryabkov", "tasnim-aslam"),
        ),
        _meeting(
            template,
            "hand-year",
            (d(2020, 1, 1), d(2020, 12, 31), "year"),
            ("khawaja-asif", "sergey-ryabkov"),
        ),
        _meeting(  # quotes the other report for its participants: two sources
            template,
            "hand-span",
            (d(2018, 12, 20), d(2019, 1, 10), "range"),
            ("sergey-ryabkov", "tasnim-aslam"),
            source=OTHER_SOURCE,
        ),
        _meeting(template, "hand-week", (d(2018, 4, 2), d(2018, 4, 8), "range"), ("mofa-pk",)),
        _meeting(
            template,
            "hand-unknown",
            (None, None, "unknown"),
            ("khawaja-asif", "sergey-ryabkov"),
            status="planned",
        ),
    ]
    return Dataset([*ds.records, *added], ds.texts, version=ds.version)


def test_a_date_is_placed_only_in_a_period_that_holds_all_of_it() -> None:
    d = dt.date
    year = DateInterval(
        earliest=d(2019, 1, 1), latest=d(2019, 12, 31), precision="year", derivations=()
    )
    assert (period_of(year, "year"), period_of(year, "month")) == ("2019", None)
    week = DateInterval(
        earliest=d(2018, 4, 2), latest=d(2018, 4, 8), precision="range", derivations=()
    )
    assert period_of(week, "month") == "2018-04"
    open_start = DateInterval(
        earliest=None, latest=d(2018, 3, 3), precision="range", derivations=()
    )
    assert period_of(open_start, "year") is None
    assert period_of(None, "year") is None


def test_counts_by_year_match_the_hand_count(hand: Dataset) -> None:
    # 2018: cgss-12, jwg-ct-07, hand-month, hand-week; 2019: jwg-ct-next; 2020: hand-year;
    # not placed: fm-talks-moscow (open start), hand-span (two years), hand-unknown
    counts = counts_by_period(hand, "year")
    assert counts.counts == {"2018": 4, "2019": 1, "2020": 1}
    assert counts.unplaced == ("fm-talks-moscow", "hand-span", "hand-unknown")
    assert counts.total == 9


def test_counts_by_month_never_put_a_year_in_january(hand: Dataset) -> None:
    counts = counts_by_period(hand, "month")
    assert counts.counts == {"2018-03": 3, "2018-04": 1}
    assert "2019-01" not in counts.counts
    assert "2020-01" not in counts.counts
    assert counts.unplaced == (
        "fm-talks-moscow",
        "hand-span",
        "hand-unknown",
        "hand-year",
        "jwg-ct-next",
    )


def test_counts_by_status_and_kind(hand: Dataset) -> None:
    held = counts_by_period(hand, "year", status="held")
    assert held.counts == {"2018": 4, "2020": 1}
    assert held.unplaced == ("fm-talks-moscow", "hand-span")
    events = counts_by_period(hand, "year", kind="event")
    assert events.total == 1  # friendship-drills
    with pytest.raises(ValueError, match="period must be one of year, month"):
        counts_by_period(hand, "week")  # type: ignore[arg-type]


def test_who_met_whom_at_held_meetings(hand: Dataset) -> None:
    assert co_participation(hand) == [
        Pair("sergey-ryabkov", "tasnim-aslam", ("cgss-12", "hand-month", "hand-span")),
        Pair("khawaja-asif", "sergey-ryabkov", ("hand-month", "hand-year")),
        Pair("khawaja-asif", "tasnim-aslam", ("hand-month",)),
    ]
    every = {(p.first, p.second): len(p.meetings) for p in co_participation(hand, status=None)}
    assert every[("khawaja-asif", "sergey-ryabkov")] == 3  # the planned hand-unknown too


def test_records_resting_on_one_source(hand: Dataset) -> None:
    meetings = single_source(hand, kinds=["meeting"])
    # every fixture meeting quotes one report; hand-span quotes two
    assert [m.record for m in meetings] == [
        "cgss-12",
        "fm-talks-moscow",
        "hand-month",
        "hand-unknown",
        "hand-week",
        "hand-year",
        "jwg-ct-07",
        "jwg-ct-next",
    ]
    assert {m.source for m in meetings if m.record.startswith("hand-")} == {PK_SOURCE}
    bodies = {b.record for b in single_source(hand, kinds=["body"])}
    assert bodies == {"pk-ru-cgss", "pk-ru-jwg-ct"}  # mofa-pk quotes both reports


@pytest.fixture(scope="module")
def database(hand: Dataset, tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("analysis")
    export(hand, "sqlite", out)
    return out / "pakru.sqlite"


def _rows(database: Path, sql: str) -> list[tuple[object, ...]]:
    db = sqlite3.connect(database)
    try:
        return list(db.execute(sql))
    finally:
        db.close()


def test_the_sql_views_give_the_hand_counts(database: Path) -> None:
    years = _rows(
        database,
        "SELECT year, sum(records) FROM counts_by_year WHERE type = 'meeting' "
        "GROUP BY year ORDER BY year IS NULL, year",
    )
    assert years == [("2018", 4), ("2019", 1), ("2020", 1), (None, 3)]
    months = _rows(
        database,
        "SELECT month, sum(records) FROM counts_by_month WHERE type = 'meeting' "
        "GROUP BY month ORDER BY month IS NULL, month",
    )
    assert months == [("2018-03", 3), ("2018-04", 1), (None, 5)]
    pairs = _rows(database, "SELECT first_id, second_id, meetings FROM co_participation")
    assert pairs == [
        ("sergey-ryabkov", "tasnim-aslam", 3),
        ("khawaja-asif", "sergey-ryabkov", 2),
        ("khawaja-asif", "tasnim-aslam", 1),
    ]
    single = _rows(
        database,
        "SELECT record_id FROM single_source_records WHERE record_type = 'meeting'",
    )
    assert "hand-span" not in {r[0] for r in single}
    assert len(single) == 8


def test_the_sql_views_agree_with_the_api_on_every_kind(hand: Dataset, database: Path) -> None:
    for kind in ("meeting", "agreement", "event"):
        for period in ("year", "month"):
            counts = counts_by_period(hand, period, kind=kind)
            rows = _rows(
                database,
                f"SELECT {period}, sum(records) FROM counts_by_{period} "  # noqa: S608
                f"WHERE type = '{kind}' GROUP BY {period}",
            )
            placed = {p: n for p, n in rows if p is not None}
            assert placed == counts.counts, (kind, period)
            unplaced = [n for p, n in rows if p is None]
            assert sum(unplaced, 0) == len(counts.unplaced), (kind, period)  # type: ignore[arg-type]
    single = _rows(database, "SELECT record_id, source_id FROM single_source_records")
    assert sorted(single) == sorted((s.record, s.source) for s in single_source(hand))


def test_the_site_page_shows_the_same_numbers(hand: Dataset) -> None:
    page = analysis_page(Site(hand))
    assert '<caption markdown="span">Meetings by year (9 in all)</caption>' in page
    assert '<td data-label="Year" markdown="span">2020</td>' in page
    assert '<td data-label="Meetings" markdown="span">3</td>' in page  # not placed in a year
    assert "## Who met whom" in page
    assert "## Records resting on a single source" in page
