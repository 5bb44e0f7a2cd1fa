"""Ids: unique across the dataset, equal to the file name, in the folder of their kind."""

from collections.abc import Iterator
from pathlib import PurePath

from pakru.dataset import Dataset
from pakru.schema import RECORD_TYPES
from pakru.validate.registry import Context, Hit, rule


def _short(path: str) -> str:
    """``records/meetings/x.yaml`` → ``meetings/x.yaml``: enough to find the other file."""
    parts = PurePath(path).parts
    return "/".join(parts[-2:])


@rule("ids.unique")
def unique(dataset: Dataset, _: Context) -> Iterator[Hit]:
    """Every record id is used by exactly one file."""
    first: dict[str, str] = {}
    for entry in dataset.entries:
        record_id = entry.record.id
        if record_id in first:
            yield Hit(
                record_id,
                ("id",),
                f"id {record_id!r} is also used by {_short(first[record_id])}",
                entry,
            )
        else:
            first[record_id] = entry.path


@rule("ids.filename")
def filename(dataset: Dataset, _: Context) -> Iterator[Hit]:
    """A record's file is named after its id (``<id>.yaml``)."""
    for entry in dataset.entries:
        stem = PurePath(entry.path).stem
        if stem != entry.record.id:
            yield Hit(
                entry.record.id,
                ("id",),
                f"id {entry.record.id!r} differs from the file name {stem!r}",
                entry,
            )


@rule("ids.folder")
def folder(dataset: Dataset, _: Context) -> Iterator[Hit]:
    """A record lives in the folder of its kind (meetings in ``meetings/``...)."""
    for entry in dataset.entries:
        expected = RECORD_TYPES[entry.record.type].folder
        actual = PurePath(entry.path).parent.name
        if actual != expected:
            yield Hit(
                entry.record.id,
                ("type",),
                f"a {entry.record.type} record belongs in {expected}/, not {actual}/",
                entry,
            )
