"""A Dataset is a value: it pickles and copies, and the shared result of load() cannot change."""

import copy
import multiprocessing
import pickle
from collections.abc import Callable

import pytest
from pydantic import ValidationError

import pakru
from pakru.dataset import Dataset
from tests.canonical import canonical


def _pickled(ds: Dataset) -> Dataset:
    other: Dataset = pickle.loads(pickle.dumps(ds, protocol=pickle.HIGHEST_PROTOCOL))  # noqa: S301 - our own bytes
    return other


def _same(one: Dataset, other: Dataset) -> None:
    """Everything a Dataset holds is equal, at every depth (which fields were set included)."""
    assert canonical(one.records) == canonical(other.records)
    assert dict(one.texts) == dict(other.texts)
    assert (one.version, dict(one.withdrawn)) == (other.version, dict(other.withdrawn))
    assert repr(one) == repr(other)
    # the indexes are built again from the copy, and answer the same
    assert other.series("pk-ru-jwg-ct").ids == one.series("pk-ru-jwg-ct").ids
    assert other.citing("src-9a68526d").ids == one.citing("src-9a68526d").ids
    assert other.get("khawaja-muhammad-asif").id == one.get("khawaja-muhammad-asif").id


@pytest.mark.parametrize(
    "copier", [_pickled, copy.deepcopy, copy.copy], ids=["pickle", "deepcopy", "copy"]
)
def test_a_dataset_pickles_and_copies_by_value(
    copier: Callable[[Dataset], Dataset], ds: Dataset
) -> None:
    ds.series("pk-ru-jwg-ct")  # indexes built first: they are not what is copied
    other = copier(ds)
    assert other is not ds
    _same(ds, other)
    assert other == ds
    assert hash(other) == hash(ds)
    assert len({ds, other}) == 1
    shares_records = copier is copy.copy
    assert (other.records[0] is ds.records[0]) == shares_records


def test_a_dataset_equals_another_by_value(ds: Dataset) -> None:
    """Records (field by field), texts, version and withdrawn ids; not the order read in."""
    records, texts, withdrawn = ds.records, dict(ds.texts), tuple(ds.withdrawn.values())
    rebuilt = Dataset(reversed(records), texts, version=ds.version, withdrawn=withdrawn)
    assert rebuilt == ds
    assert hash(rebuilt) == hash(ds)
    first = records[0]
    retitled = first.model_copy(update={"note": f"{first.note or ''} changed"})
    assert Dataset([retitled, *records[1:]], texts, version=ds.version, withdrawn=withdrawn) != ds
    assert Dataset(records[1:], texts, version=ds.version, withdrawn=withdrawn) != ds
    assert Dataset(records, texts, version="9.9.9", withdrawn=withdrawn) != ds
    some_text = next(iter(texts))
    edited = {**texts, some_text: texts[some_text] + " More."}
    assert Dataset(records, edited, version=ds.version, withdrawn=withdrawn) != ds
    assert withdrawn
    assert Dataset(records, texts, version=ds.version, withdrawn=withdrawn[1:]) != ds
    assert ds != list(records)
    assert ds.__eq__(list(records)) is NotImplemented


def _count(ds: Dataset) -> int:
    return len(ds.meetings)


def test_a_dataset_crosses_to_another_process(ds: Dataset) -> None:
    with multiprocessing.get_context("spawn").Pool(1) as pool:
        assert pool.apply(_count, (ds,)) == len(ds.meetings)


def test_the_shared_default_dataset_cannot_be_changed_for_later_callers() -> None:
    first = pakru.load()
    kept = (canonical(first.records), dict(first.texts), first.version, dict(first.withdrawn))
    record = first.meetings[0]
    with pytest.raises(AttributeError, match="immutable"):
        first.records = ()  # type: ignore[misc]
    with pytest.raises(AttributeError, match="immutable"):
        first._version = "9.9.9"  # type: ignore[misc]
    with pytest.raises(AttributeError, match="immutable"):
        del first._by_id
    with pytest.raises(AttributeError, match="immutable"):
        first.meetings = ()  # type: ignore[misc]
    with pytest.raises(ValidationError, match="frozen"):
        record.title = "changed"  # type: ignore[misc]
    with pytest.raises(ValidationError, match="frozen"):
        record.date.earliest = None  # type: ignore[misc]
    with pytest.raises(TypeError):
        first.texts["src-x"] = "changed"  # type: ignore[index]
    with pytest.raises(TypeError):
        first.withdrawn["x"] = next(iter(first.withdrawn.values()))  # type: ignore[index]
    again = pakru.load()
    assert (canonical(again.records), dict(again.texts), again.version) == kept[:3]
    assert dict(again.withdrawn) == kept[3]
    # a copy is the way to a dataset of one's own, and changing it leaves load() alone
    mine = copy.deepcopy(first)
    object.__setattr__(mine.meetings[0], "title", "changed")  # past pydantic: one's own copy
    assert pakru.load().meetings[0].title == record.title != "changed"
