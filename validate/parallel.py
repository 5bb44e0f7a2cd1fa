"""Scale: stages 1-3 on several cores, and incremental checks of a few files.

``build_all`` runs read → parse → models for many files, in a process pool
when ``jobs`` > 1 (chunks of files per task, so a task's cost dwarfs its
pickling); the rules stay in the calling process, which needs the whole
dataset. ``records_root`` and ``touching`` serve ``pakru validate FILE...``:
the tree a file belongs to is loaded so references resolve, and only the
findings on the given files, or on files whose records refer to them, are
reported.
"""

import os
from collections.abc import Iterable, Sequence
from pathlib import Path, PurePath
from typing import Any

from pakru.dataset import Dataset
from pakru.schema import RECORD_TYPES
from pakru.validate.findings import Finding
from pakru.validate.models import Built, build
from pakru.validate.parse import Loc, Parsed, Pos, parse
from pakru.validate.read import read_text
from pakru.validate.walk import references

Result = Built | list[Finding]
FOLDERS = frozenset(t.folder for t in RECORD_TYPES.values())
CHUNK = 200
"""Files per pool task: large enough that a task's work dwarfs sending it."""


def build_file(path: Path, shown: str) -> Result:
    """Read, parse and build one file: a record, or the findings that stopped it."""
    text = read_text(path, shown)
    if isinstance(text, Finding):
        return [text]
    parsed = parse(text)
    if isinstance(parsed, Finding):
        return [parsed]
    built = build(parsed)
    return [*parsed.warnings, *built] if isinstance(built, list) else built


class _Positions(dict[Loc, Pos]):
    """Positions of one file, found again (by parsing it once more) when first asked for.

    Records are kept without the parsed data and position tables of their
    files: those take most of the memory of a loaded dataset (about 40 KB a
    record), and a worker would spend almost as long pickling them as
    parsing. Positions are only needed for a finding, so the few files that
    have one are parsed again, once.
    """

    def __init__(self, path: Path, shown: str, *, keys: bool) -> None:
        super().__init__()
        self._source: tuple[Path, str] | None = (path, shown)
        self._keys = keys

    def get(self, loc: Loc, default: Any = None) -> Any:
        if self._source is not None:
            path, shown = self._source
            self._source = None
            text = read_text(path, shown)
            parsed = parse(text) if not isinstance(text, Finding) else text
            if isinstance(parsed, Parsed):
                self.update(parsed.key_positions if self._keys else parsed.positions)
        return super().get(loc, default)


def _chunk_light(items: Sequence[tuple[Path, str]]) -> list[Result]:
    """``build_file`` for each item; records come back without their files' parse."""
    out: list[Result] = []
    for path, shown in items:
        result = build_file(path, shown)
        if isinstance(result, Built):
            parsed = result.parsed
            result = Built(result.record, Parsed(parsed.path, None, warnings=parsed.warnings))
        out.append(result)
    return out


def _with_positions(result: Result, path: Path, shown: str) -> Result:
    if not isinstance(result, Built):
        return result
    parsed = result.parsed
    lazy = Parsed(
        parsed.path,
        None,  # rules read the record; the raw data is not kept
        _Positions(path, shown, keys=False),
        _Positions(path, shown, keys=True),
        parsed.warnings,
    )
    return Built(result.record, lazy)


def default_jobs() -> int:
    """The cores this process may use."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # pragma: no cover - not on Linux
        return os.cpu_count() or 1


def build_all(files: Sequence[tuple[Path, str]], jobs: int = 1) -> list[Result]:
    """``build_file`` for every (path, shown) pair, in order; ``jobs`` > 1 uses processes.

    The processes started are at most ``jobs``, the cores and the chunks of work.
    """
    if jobs <= 1 or len(files) <= CHUNK:
        results = _chunk_light(files)
    else:
        # imported here: multiprocessing costs ``import pakru`` users ~30 ms they rarely need
        from concurrent.futures import ProcessPoolExecutor  # noqa: PLC0415

        chunks = [files[i : i + CHUNK] for i in range(0, len(files), CHUNK)]
        # a process per core at most, and none without a chunk to work on
        with ProcessPoolExecutor(max_workers=min(jobs, default_jobs(), len(chunks))) as pool:
            results = [result for part in pool.map(_chunk_light, chunks) for result in part]
    return [
        _with_positions(result, path, shown)
        for result, (path, shown) in zip(results, files, strict=True)
    ]


def records_root(path: Path) -> Path | None:
    """The records tree a record file belongs to (``records/`` for ``records/meetings/x.yaml``)."""
    parent = path.resolve().parent
    return parent.parent if parent.name in FOLDERS else None


def touching(dataset: Dataset, paths: Iterable[str]) -> set[str]:
    """The shown ``paths`` plus every file whose record refers to a record in them."""
    given = set(paths)
    # a file that did not build has no entry: its name is its id (ids.filename)
    ids = {e.record.id for e in dataset.entries if e.path in given}
    ids |= {PurePath(p).stem for p in given}
    out = set(given)
    for entry in dataset.entries:
        if entry.path not in out and any(t in ids for _, t, _ in references(entry.record)):
            out.add(entry.path)
    return out
