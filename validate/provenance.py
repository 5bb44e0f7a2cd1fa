"""Provenance: which file each record was read from, and where its values stand in it.

The :class:`~pakru.dataset.Dataset` is a pure value and knows no files; the
validator keeps this map beside it so that rules and schema checks can
point a finding at ``file:line:column``. It lists every record read, in
file order, duplicate ids included (``ids.unique`` needs them).
"""

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

from pakru.schema import Record
from pakru.validate.findings import Finding
from pakru.validate.parse import Loc, Parsed, Pos, parse_with_positions
from pakru.validate.read import read_text


@dataclass(frozen=True)
class Origin:
    """One record and the file it was read from.

    ``path`` is the file as findings show it (``records/meetings/x.yaml``);
    ``file`` is where it is on disk.
    """

    record: Record
    path: str
    file: Path

    @cached_property
    def _parsed(self) -> Parsed | None:
        # Positions are looked up again only for the few records that have a
        # finding: keeping every file's position tables costs about 40 KB a
        # record, and workers would spend as long pickling them as parsing.
        text = read_text(self.file, self.path)
        parsed = parse_with_positions(text) if not isinstance(text, Finding) else text
        return parsed if isinstance(parsed, Parsed) else None

    def position(self, loc: Loc = (), *, key: bool = False) -> Pos:
        """Line and column of ``loc`` (of its key, with ``key``) in the file; (1, 1) if unknown."""
        parsed = self._parsed
        return parsed.position(loc, key=key) if parsed is not None else (1, 1)


class Provenance:
    """Every record read, with its origin, in the order the files were read."""

    def __init__(self, origins: Iterable[Origin] = ()) -> None:
        self._origins = tuple(origins)
        first: dict[str, Origin] = {}
        for origin in self._origins:
            first.setdefault(origin.record.id, origin)
        self._first = first

    def __iter__(self) -> Iterator[Origin]:
        return iter(self._origins)

    def __len__(self) -> int:
        return len(self._origins)

    def of(self, record_id: str) -> Origin | None:
        """The origin of the record the Dataset keeps for ``record_id`` (the first read)."""
        return self._first.get(record_id)
