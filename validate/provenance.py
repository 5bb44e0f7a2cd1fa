"""Provenance: which file each record was read from, and where its values stand in it.

The :class:`~pakru.dataset.Dataset` is a pure value and knows no files; the
validator keeps this map beside it so that rules and schema checks can
point a finding at ``file:line:column``. It lists every record read, in
file order, duplicate ids included (``ids.unique`` needs them).
"""

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pakru.schema import Record
from pakru.validate.findings import Finding
from pakru.validate.parse import Loc, Parsed, Pos, parse
from pakru.validate.read import read_text

_UNREAD: Any = object()
"""``Origin._parsed`` before the file is parsed again (None: it could not be)."""


@dataclass(frozen=True, slots=True)
class Origin:
    """One record and the file it was read from.

    ``path`` is the file as findings show it (``records/meetings/x.yaml``);
    ``disk`` is where it is on disk, and :attr:`file` the same as a ``Path``.
    Both are strings and the class has slots: the validator keeps one Origin
    per record for the whole run, and a ``Path`` object and an instance dict
    each cost more than the string (about 60 and 10 MiB at 100,000 records:
    the memory target of ``docs/performance.md``).
    """

    record: Record
    path: str
    disk: str
    _parsed: Parsed | None = field(default=_UNREAD, init=False, compare=False, repr=False)

    @property
    def file(self) -> Path:
        """Where the file is on disk."""
        return Path(self.disk)

    def _positions(self) -> Parsed | None:
        # Positions are looked up again only for the few records that have a
        # finding: keeping every file's position tables costs about 40 KB a
        # record, and workers would spend as long pickling them as parsing.
        if self._parsed is _UNREAD:
            text = read_text(Path(self.disk), self.path)
            parsed = parse(text, positions=True) if not isinstance(text, Finding) else text
            object.__setattr__(self, "_parsed", parsed if isinstance(parsed, Parsed) else None)
        return self._parsed

    def position(self, loc: Loc = (), *, key: bool = False) -> Pos:
        """Line and column of ``loc`` (of its key, with ``key``) in the file; (1, 1) if unknown."""
        parsed = self._positions()
        return parsed.position(loc, key=key) if parsed is not None else (1, 1)


class Provenance:
    """Every record read, with its origin, in the order the files were read.

    ``unbuilt`` holds the ids named by files that were read but gave no
    record (a file's name is its record's id, ``ids.filename``): the file's
    own findings say what is wrong, so rules do not also report references
    to that id as missing (see ``Hit.about``).
    """

    def __init__(self, origins: Iterable[Origin] = (), unbuilt: Iterable[str] = ()) -> None:
        self._origins = tuple(origins)
        self.unbuilt = frozenset(unbuilt)
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
