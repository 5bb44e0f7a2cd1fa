"""Ids: unique across the dataset, equal to the file name, in the folder of their kind."""

import os
from collections.abc import Iterator
from pathlib import PurePath

from pakru.dataset import Dataset
from pakru.schema import RECORD_TYPES
from pakru.validate.registry import Context, Hit, rule
from pakru.validate.scopes import RECORD


def _name_and_folder(path: str) -> tuple[str, str]:
    """``PurePath(path).name`` and ``.parent.name`` by string operations (a PurePath per
    file cost as much as the rule): shown paths are already normalised, ``/``-separated."""
    last = path.rsplit("/", 2)  # the usual path: the last two parts, no empty or "." among them
    if len(last) == 3 and last[1] not in ("", ".") and last[2] not in ("", "."):
        return last[2], last[1]
    parts = [part for part in path.split("/") if part and part != "."]
    return (parts[-1] if parts else ""), (parts[-2] if len(parts) > 1 else "")


def _folder(shown: str, disk: str) -> str:
    """The name of the folder a record's file is in.

    Read from the path findings show, which is relative to the working folder:
    run from inside ``meetings/``, that path is the bare file name, and the
    folder is found by resolving the path the file was read from.
    """
    folder = _name_and_folder(shown)[1]
    if folder or "/" in shown:
        return folder
    return _name_and_folder(os.path.realpath(disk))[1]


def _stem(name: str) -> str:
    """``PurePath(name).stem``: the name without its last suffix (".hidden" keeps its dot)."""
    dot = name.rfind(".")
    return name[:dot] if 0 < dot < len(name) - 1 else name


def _short(path: str) -> str:
    """``records/meetings/x.yaml`` → ``meetings/x.yaml``: enough to find the other file."""
    parts = PurePath(path).parts
    return "/".join(parts[-2:])


@rule("ids.unique", scope=RECORD)
def unique(dataset: Dataset, context: Context) -> Iterator[Hit]:
    """Every record id is used by exactly one file."""
    first: dict[str, str] = {}
    for origin in context.provenance:
        record_id = origin.record.id
        if record_id in first:
            yield Hit(
                record_id,
                ("id",),
                f"id {record_id!r} is also used by {_short(first[record_id])}",
                origin,
            )
        else:
            first[record_id] = origin.path


@rule("ids.filename", scope=RECORD)
def filename(dataset: Dataset, context: Context) -> Iterator[Hit]:
    """A record's file is named after its id (``<id>.yaml``)."""
    for origin in context.provenance:
        stem = _stem(_name_and_folder(origin.path)[0])
        if stem != origin.record.id:
            yield Hit(
                origin.record.id,
                ("id",),
                f"id {origin.record.id!r} differs from the file name {stem!r}",
                origin,
            )


@rule("ids.folder", scope=RECORD)
def folder(dataset: Dataset, context: Context) -> Iterator[Hit]:
    """A record lives in the folder of its kind (meetings in ``meetings/``...)."""
    for origin in context.provenance:
        expected = RECORD_TYPES[origin.record.type].folder
        actual = _folder(origin.path, origin.disk)
        if actual != expected:
            yield Hit(
                origin.record.id,
                ("type",),
                f"a {origin.record.type} record belongs in {expected}/, not {actual}/",
                origin,
            )
