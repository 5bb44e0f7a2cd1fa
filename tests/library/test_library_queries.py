"""Dataset queries: series, timeline, citing, involving, get with withdrawn ids, pandas."""

import datetime as dt
import sys

import pytest

from pakru.dataset import Dataset
from pakru.dataset.versions import WithdrawnError


def test_collections_are_typed_and_sorted(ds: Dataset) -> None:
    assert [m.id for m in ds.meetings] == sorted(m.id for m in ds.meetings)
    assert {type(r).__name__ for r in ds} == {
        "Source",
        "Person",
        "Body",
        "Meeting",
        "Agreement",
        "Event",
        "Conflict",
    }


def test_dataset_is_immutable(ds: Dataset) -> None:
    with pytest.raises(AttributeError):
        ds.version = "2.0.0"  # type: ignore[misc]
    with pytest.raises(TypeError):
        ds.withdrawn["x"] = ds.withdrawn["jwg-ct-2019"]  # type: ignore[index]
    with pytest.raises(ValueError, match="frozen"):
        ds.get("cgss-12").ordinal = 1  # type: ignore[misc]


def test_series_orders_by_ordinal_then_unnumbered_by_date(ds: Dataset) -> None:
    assert [m.id for m in ds.series("pk-ru-jwg-ct")] == ["jwg-ct-07", "jwg-ct-next"]
    assert [m.id for m in ds.series("pk-ru-cgss")] == ["cgss-12"]
    with pytest.raises(KeyError):
        ds.series("no-such-series")


def test_timeline_places_intervals(ds: Dataset) -> None:
    ids = [r.id for r in ds.timeline()]
    # "recently" ([null, 2018-03-03]) could be any day up to its latest: it comes
    # first, not beside 2018-03-03 where it would read as an event of that week
    assert ids[:2] == ["fm-talks-moscow", "military-cooperation-commission"]
    assert ids[2:4] == ["defence-cooperation-2014", "mtc-accord-2015"]
    assert ids[-1] == "friendship-drills"  # unknown date last
    known = [r.date.earliest for r in ds.timeline()]
    dated = [d for d in known if d is not None]
    assert dated == sorted(dated)
    assert {r.type for r in ds.timeline()} == {"meeting", "agreement", "event"}


def test_citing_finds_evidence_at_any_depth(ds: Dataset) -> None:
    ids = [r.id for r in ds.citing("src-9a68526d")]
    assert ids == ["jwg-ct-07", "jwg-ct-next", "mofa-pk", "pk-ru-jwg-ct"]
    assert "src-9a68526d" not in ids
    # tasnim-aslam cites src-70d7bb2a in its own evidence and in titles[0].evidence
    assert "tasnim-aslam" in [r.id for r in ds.citing("src-70d7bb2a")]
    with pytest.raises(KeyError):
        ds.citing("src-unknown")


def test_involving_people_and_bodies(ds: Dataset) -> None:
    assert [r.id for r in ds.involving("tasnim-aslam")] == ["cgss-12"]
    assert [r.id for r in ds.involving("pk-ru-jwg-ct")] == ["jwg-ct-07", "jwg-ct-next"]
    assert [r.id for r in ds.involving("mofa-pk")] == ["jwg-ct-07"]
    # a merged id answers for the record it became
    assert [r.id for r in ds.involving("khawaja-muhammad-asif")] == ["fm-talks-moscow"]


def test_get_resolves_merged_and_explains_withdrawn(ds: Dataset) -> None:
    assert ds.get("khawaja-muhammad-asif").id == "khawaja-asif"
    with pytest.raises(WithdrawnError, match="duplicate of jwg-ct-next") as info:
        ds.get("jwg-ct-2019")
    assert info.value.withdrawal.version == "1.0.0"
    assert isinstance(info.value, KeyError)
    with pytest.raises(KeyError, match="no record with id 'nothing'"):
        ds.get("nothing")


def test_to_pandas(ds: Dataset) -> None:
    pytest.importorskip("pandas")
    frames = ds.to_pandas()
    meetings = frames["meetings"]
    assert list(meetings["id"]) == [m.id for m in ds.meetings]
    assert str(meetings["ordinal"].dtype) == "Int64"
    assert meetings.set_index("id").loc["cgss-12", "date_earliest"] == dt.date(2018, 3, 2)
    assert meetings.set_index("id").loc["cgss-12", "participant_ids"] == [
        "tasnim-aslam",
        "sergey-ryabkov",
    ]
    joined = frames["participants"].merge(frames["people"], left_on="person_id", right_on="id")
    assert "Sergey Ryabkov" in set(joined["name"])


def test_to_pandas_without_pandas(ds: Dataset, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "pandas", None)
    with pytest.raises(ImportError, match=r"pip install 'pakru\[pandas\]'"):
        ds.to_pandas()


def test_import_pakru_is_light() -> None:
    import subprocess  # noqa: PLC0415

    heavy = "('pydantic', 'pandas', 'yaml')"
    code = f"import sys, pakru; print(any(m.startswith({heavy}) for m in sys.modules))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
