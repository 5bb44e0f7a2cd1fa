"""A plan and the meeting that carried it out: one link, shown both ways, counted once.

The trees are the case base (a working group's 7th meeting and its plan for
the next, in Moscow in 2019) with an 8th meeting laid over it: not the
shipped records.
"""

from pathlib import Path

import pytest

import pakru
from pakru.export import tables
from pakru.library import Dataset
from pakru.schema import DateInterval
from pakru.site.context import Site
from pakru.site.lists import kind_index, timeline_rows
from pakru.site.records import record_page
from pakru.site.series import plan_words, series_section
from tests.validate.test_cases import CASES, build_tree

REALISED = CASES / "plans.unlinked" / "valid"
CHANGED = CASES / "plans.changed" / "invalid"


@pytest.fixture
def realised(tmp_path: Path) -> Dataset:
    return pakru.load(build_tree(REALISED, tmp_path / "tree"))


def test_the_plan_knows_the_meeting_that_carried_it_out(realised: Dataset) -> None:
    assert realised.meeting("wg-08").realises == "wg-next"
    assert realised.realised_by("wg-next").ids == ("wg-08",)
    assert realised.realised_by("wg-08").ids == ()
    assert realised.realised_by("wg-07").ids == ()


def test_the_meetings_table_has_both_directions(realised: Dataset) -> None:
    rows = {r["id"]: r for r in tables(realised)["meetings"].rows}
    assert (rows["wg-08"]["realises_id"], rows["wg-08"]["realised_by_id"]) == ("wg-next", None)
    assert (rows["wg-next"]["realises_id"], rows["wg-next"]["realised_by_id"]) == (None, "wg-08")
    assert (rows["wg-07"]["realises_id"], rows["wg-07"]["realised_by_id"]) == (None, None)


def test_the_held_meeting_says_what_was_announced(realised: Dataset) -> None:
    assert plan_words(realised, realised.meeting("wg-08")) == (
        "announced at the 7th for Moscow, some time in 2019 → held on 14 May 2019 in Moscow"
    )
    assert plan_words(realised, realised.meeting("wg-07")) is None


def test_a_plan_carried_out_elsewhere_and_later_says_so(tmp_path: Path) -> None:
    ds = pakru.load(build_tree(CHANGED, tmp_path / "tree"))
    assert plan_words(ds, ds.meeting("wg-08")) == (
        "announced at the 7th for Moscow, some time in 2019 → held on 14 May 2021 in Lahore"
    )


def test_the_series_page_has_one_row_per_meeting_and_counts_no_plan(realised: Dataset) -> None:
    lines = series_section(Site(realised), "bodies/wg.md", realised.body("wg"))
    assert "Meetings held in this dataset: 2." in lines
    rows = [line for line in lines if line.startswith("<tr") and "meetings/wg-" in line]
    assert len(rows) == 2, rows
    assert "announced at the 7th for Moscow" in rows[1]
    assert "the plan: [" in rows[1]
    assert "meetings/wg-next" in rows[1]


def test_the_timeline_shows_the_plan_in_the_meetings_row(realised: Dataset) -> None:
    site = Site(realised)
    rows = timeline_rows(site, "index.md", list(realised.timeline("meeting")))
    text = "\n".join(rows)
    assert text.count("meetings/wg-next") == 1  # the link inside wg-08's row, no row of its own
    assert "held: announced at the 7th for Moscow" in text
    assert "2 held; 1 planned" in kind_index(site, "meeting")


def test_the_plan_page_names_the_meeting_that_carried_it_out(realised: Dataset) -> None:
    notes = record_page(Site(realised), realised.meeting("wg-next"), has_yaml=True)
    assert "no source reports it as held" not in notes
    assert "Carried out: announced at the 7th" in notes


def test_an_unrealised_plan_stays_a_plan_on_its_page(tmp_path: Path) -> None:
    ds = pakru.load(build_tree(CASES / "plans.unlinked" / "invalid", tmp_path / "tree"))
    notes = record_page(Site(ds), ds.meeting("wg-next"), has_yaml=True)
    assert "no source reports it as held" in notes
    rows = "\n".join(timeline_rows(Site(ds), "index.md", list(ds.timeline("meeting"))))
    assert "meetings/wg-next" in rows


def test_a_held_meeting_of_unknown_date_says_so(realised: Dataset) -> None:
    unknown = DateInterval(earliest=None, latest=None, precision="unknown")
    meeting = realised.meeting("wg-08").model_copy(update={"date": unknown})
    assert plan_words(realised, meeting) == (
        "announced at the 7th for Moscow, some time in 2019 → held (date not known) in Moscow"
    )
