"""The indexes that keep two cross-record rules linear give what the loops over every pair
gave: ``duplicates.likely``'s sweep over a city's meetings finds every pair of overlapping
dates, in the order of the pairs (the rule checks each pair it finds); ``plans.unlinked``'s
candidates hold every plan ``_match`` matches, in the plans' order. Checked on random
intervals, open and inverted bounds included."""

import datetime as dt
from itertools import combinations
from types import SimpleNamespace
from typing import Any

from hypothesis import given
from hypothesis import strategies as st

from pakru.validate.rules.common import overlaps
from pakru.validate.rules.duplicates import _overlapping
from pakru.validate.rules.plans import _candidates, _match

days = st.none() | st.dates(dt.date(2015, 1, 1), dt.date(2022, 12, 31))


@st.composite
def intervals(draw: st.DrawFn) -> SimpleNamespace:
    earliest, latest = draw(days), draw(days)
    unknown = earliest is None and latest is None
    return SimpleNamespace(
        earliest=earliest, latest=latest, precision="unknown" if unknown else "day"
    )


@st.composite
def meetings(draw: st.DrawFn, n: int) -> SimpleNamespace:
    return SimpleNamespace(
        id=f"m-{n:03d}",
        date=draw(intervals()),
        series=draw(st.sampled_from([None, "jwg-ct", "cgss"])),
        ordinal=draw(st.sampled_from([None, 1, 2])),
        kind=draw(st.sampled_from(["talks", "visit"])),
        location=SimpleNamespace(city=draw(st.sampled_from([None, "Moscow", "moscow", "Kazan"]))),
    )


@st.composite
def many(draw: st.DrawFn) -> list[Any]:
    return [draw(meetings(n)) for n in range(draw(st.integers(0, 12)))]


@given(many())
def test_the_sweep_finds_every_overlapping_pair_in_order(found: list[Any]) -> None:
    expected = [(a, b) for a, b in combinations(found, 2) if overlaps(a.date, b.date)]
    assert [(a, b) for a, b in _overlapping(found) if overlaps(a.date, b.date)] == expected


@given(many(), many())
def test_the_candidates_hold_every_plan_a_held_meeting_matches(
    held: list[Any], plans: list[Any]
) -> None:
    of = _candidates(plans)
    for meeting in held:
        candidates = of(meeting)
        assert [p for p in plans if p in candidates] == candidates  # the plans' order
        assert all(p in candidates for p in plans if _match(meeting, p) is not None)
