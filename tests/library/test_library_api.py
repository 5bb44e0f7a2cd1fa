"""The typed, forgiving query API: ds[id], get with a default, typed getters, collections."""

import datetime as dt
import pydoc

import pytest

import pakru
from pakru.dataset import Dataset, KindError
from pakru.dataset.collection import Collection, QueryError
from pakru.schema import Meeting, Person
from tests.conftest import REPO


def test_item_access_and_get_with_a_default(ds: Dataset) -> None:
    assert ds["jwg-ct-07"] is ds.get("jwg-ct-07")
    assert ds["khawaja-muhammad-asif"].id == "khawaja-asif"  # merged id
    assert ds.get("nothing", None) is None
    assert ds.get("jwg-ct-2019", "gone") == "gone"  # withdrawn ids too
    with pytest.raises(KeyError) as info:
        ds["jwg-ct-7"]
    assert info.value.args[0] == "no record with id 'jwg-ct-7'; did you mean 'jwg-ct-07'?"
    with pytest.raises(KeyError) as info:
        ds["zzz"]
    assert info.value.args[0] == "no record with id 'zzz'"


def test_typed_getters_return_their_kind_or_say_what_it_is(ds: Dataset) -> None:
    meeting = ds.meeting("jwg-ct-07")
    assert isinstance(meeting, Meeting)
    assert isinstance(ds.person("sergey-ryabkov"), Person)
    assert ds.body("pk-ru-cgss").kind == "dialogue-series"
    assert ds.source("src-9a68526d").published == dt.date(2018, 3, 21)
    assert ds.agreement("mtc-accord-2015").id == "mtc-accord-2015"
    assert ds.event("friendship-drills").id == "friendship-drills"
    assert ds.conflict("fm-talks-date").id == "fm-talks-date"
    with pytest.raises(KindError) as info:
        ds.meeting("sergey-ryabkov")
    assert str(info.value) == (
        "'sergey-ryabkov' is a person, not a meeting; ds.person('sergey-ryabkov') gives it"
    )
    assert isinstance(info.value, LookupError)
    assert isinstance(info.value, TypeError)


def test_series_says_what_it_expected(ds: Dataset) -> None:
    with pytest.raises(KindError) as info:
        ds.series("sergey-ryabkov")
    assert str(info.value) == (
        "'sergey-ryabkov' is a person; series() takes the id of a dialogue series: "
        "pk-ru-cgss, pk-ru-jwg-ct"
    )
    with pytest.raises(KindError, match="is a body of kind ministry"):
        ds.series("mofa-pk")


def test_collections_filter_by_field_and_date(ds: Dataset) -> None:
    assert isinstance(ds.meetings, Collection)
    assert isinstance(ds.meetings, tuple)  # still a tuple: compares, unpacks, slices
    assert ds.meetings.where(status="held").ids == ("cgss-12", "fm-talks-moscow", "jwg-ct-07")
    assert ds.meetings.where(status="planned", series="pk-ru-jwg-ct").ids == ("jwg-ct-next",)
    assert ds.meetings.where(kind={"consultative-group", "ministerial-talks"}).ids == (
        "cgss-12",
        "fm-talks-moscow",
    )
    assert ds.meetings.where(ordinal=lambda n: n is not None and n > 10).ids == ("cgss-12",)
    assert ds.meetings.where(location__city="Moscow").ids == ("fm-talks-moscow", "jwg-ct-next")
    assert ds.meetings.filter(lambda m: len(m.participants) == 2).ids == ("cgss-12",)
    # a date range keeps what may fall in it; certain=True only what surely does
    assert ds.meetings.between("2018-03").ids == (
        "cgss-12",
        "fm-talks-moscow",
        "jwg-ct-07",
        "jwg-ct-next",
    )
    assert ds.meetings.between("2018-03", "2018-03", certain=True).ids == ("cgss-12", "jwg-ct-07")
    assert ds.meetings.between(end=dt.date(2018, 3, 1)).ids == ("fm-talks-moscow",)


def test_collection_errors_say_what_was_expected(ds: Dataset) -> None:
    assert pakru.QueryError is QueryError
    with pytest.raises(QueryError) as info:
        ds.meetings.where(statu="held")
    assert str(info.value).startswith("meetings have no field 'statu'; they have: id, evidence,")
    with pytest.raises(
        QueryError, match="expected a date as YYYY, YYYY-MM or YYYY-MM-DD, got 'March'"
    ):
        ds.meetings.between("March")
    with pytest.raises(QueryError, match="people have no field 'date'"):
        ds.people.between("2018")


def test_timeline_by_kind_dates_and_status(ds: Dataset) -> None:
    # an open start ("by 3 March 2018") could be any earlier day, so it comes first
    assert ds.timeline(kind="agreement").ids == (
        "military-cooperation-commission",
        "defence-cooperation-2014",
        "mtc-accord-2015",
    )
    assert ds.timeline(["meeting", "event"], start="2019").ids == ("jwg-ct-next",)
    # "by 3 March 2018" may be in 2015: kept unless the range must hold the whole interval
    assert ds.timeline(end="2015").ids == (
        "fm-talks-moscow",
        "military-cooperation-commission",
        "defence-cooperation-2014",
        "mtc-accord-2015",
    )
    assert ds.timeline().between(end="2015", certain=True).ids == (
        "defence-cooperation-2014",
        "mtc-accord-2015",
    )
    assert ds.timeline("meeting", status="planned").ids == ("jwg-ct-next",)
    assert len(ds.timeline()) == len(ds.meetings) + len(ds.agreements) + len(ds.events)
    with pytest.raises(QueryError) as info:
        ds.timeline(kind="meetings")
    assert str(info.value) == "unknown kind 'meetings'; expected one of: meeting, agreement, event"


def test_find_by_name_and_alias_and_involving_by_name(ds: Dataset) -> None:
    assert ds.find("Ryabkov").ids == ("sergey-ryabkov",)
    assert ds.find("  sergey   RYABKOV ").ids == ("sergey-ryabkov",)
    assert ds.find("Joint Working Group").ids == ("pk-ru-jwg-ct",)
    assert ds.find("Kazakhstan").ids == ()
    assert ds.involving("Ryabkov").ids == ("cgss-12",)
    assert ds.involving("sergey-ryabkov").ids == ("cgss-12",)
    with pytest.raises(
        KeyError, match=r"'Pakistan' names several people or bodies: .*; pass an id"
    ):
        ds.involving("Pakistan")
    with pytest.raises(KeyError, match="nor a name or alias of a person or body"):
        ds.involving("Lavrov")
    with pytest.raises(KindError) as info:
        ds.involving("cgss-12")
    assert str(info.value) == (
        "'cgss-12' is a meeting; involving() takes a person or a body "
        "(an id, or a name or alias: see find())"
    )
    with pytest.raises(KindError, match="'cgss-12' is a meeting, not a source"):
        ds.citing("cgss-12")


def test_find_ignores_accents() -> None:
    shipped = pakru.load()
    assert shipped.find("lavrov").ids == ("sergey-lavrov",)
    assert shipped.involving("Lavrov").ids == shipped.involving("sergey-lavrov").ids


def test_find_an_event_by_printed_and_derived_names() -> None:
    """The drill printed "Druzbha" is found by its romanisation and its Cyrillic form, which
    the romanisation rule derives; its title is not searched, so only its names match."""
    shipped = pakru.load()
    for name in ("Druzbha", "Druzhba", "druzhba", "Дружба", "ДРУЖБА", "Дружб"):
        assert shipped.find(name).ids == ("druzbha-drill",), name
    drill = shipped.event("druzbha-drill")
    assert drill.aliases == ("Druzbha", "Druzhba", "Дружба")
    assert [(d.rule, d.printed) for d in drill.derivations] == [("romanisation", "Druzbha")]
    assert shipped.find("friendship").ids == ()  # the rule gives forms of a name, not its meaning
    with pytest.raises(KeyError, match="nor a name or alias of a person or body"):
        shipped.involving("Druzhba")  # events are not actors


def test_conflicts_about_a_record(ds: Dataset) -> None:
    assert ds.conflicts_about("fm-talks-moscow").ids == ("fm-talks-date",)
    assert ds.conflicts_about("military-cooperation-commission").ids == ("fm-talks-date",)
    assert ds.conflicts_about("cgss-12").ids == ()
    with pytest.raises(KeyError):
        ds.conflicts_about("nothing")


def test_versions() -> None:
    shipped = (REPO / "records" / "VERSION").read_text(encoding="utf-8").strip()
    assert pakru.data_version == shipped == pakru.load().version
    assert pakru.__version__.count(".") >= 2


# -- notebook ------------------------------------------------------------------------


def test_records_have_a_short_repr_in_words(ds: Dataset) -> None:
    assert repr(ds.meeting("cgss-12")) == (
        "<Meeting cgss-12: 12th meeting of the Pakistan-Russia Consultative Group on S… "
        "(2 March 2018, held)>"
    )
    assert repr(ds.meeting("fm-talks-moscow")).endswith("(by 3 March 2018, held)>")
    assert repr(ds.person("sergey-ryabkov")) == "<Person sergey-ryabkov: Sergey Ryabkov>"
    assert max(len(repr(r)) for r in pakru.load()) < 160


def test_records_and_collections_render_as_html(ds: Dataset) -> None:
    page = ds.meeting("cgss-12")._repr_html_()
    assert page.startswith("<div><strong>Meeting <code>cgss-12</code></strong><table>")
    assert '<th title="The format of the meeting." style="text-align:left">kind</th>' in page
    assert "<td>2 March 2018</td>" in page
    assert "<summary>" in page
    table = ds.meetings.where(status="held")._repr_html_()
    assert table.startswith("<table><caption>3 meetings</caption>")
    assert table.count("<tr><td>") == 3
    assert repr(ds.meetings.where(status="held")) == (
        "<3 meetings: cgss-12, fm-talks-moscow, jwg-ct-07>"
    )
    assert repr(ds.meetings.where(status="cancelled")) == "<no meetings>"


def test_quotes_are_escaped_in_html(ds: Dataset) -> None:
    page = ds.meeting("jwg-ct-07")._repr_html_()
    assert "<script" not in page
    assert "&quot;" in page or "&#x27;" in page or "“" in page


def test_help_lists_the_fields_with_their_descriptions() -> None:
    text = pydoc.render_doc(Meeting, renderer=pydoc.plaintext)
    assert "status (required): held when a source reports it took place" in text
    assert (
        "announced_at (optional): For a planned meeting: the meeting at which it was announced."
        in text
    )


def test_frames_carry_the_data_version_and_one_missing_value(ds: Dataset) -> None:
    pd = pytest.importorskip("pandas")
    frames = ds.to_pandas()
    meetings = frames["meetings"]
    assert all(f.attrs["pakru_data_version"] == "1.0.0" for f in frames.values())
    assert str(meetings["city"].dtype) == "string"
    assert meetings["city"].isna().sum() == sum(m.location.city is None for m in ds.meetings)
    missing = [v for v in meetings["city"] if v is pd.NA]
    assert len(missing) == meetings["city"].isna().sum()  # pd.NA, never None or NaN
    assert str(meetings["ordinal"].dtype) == "Int64"
