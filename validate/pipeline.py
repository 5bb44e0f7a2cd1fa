"""The data flow: files → read → parse → models → Dataset → rules → findings.

``load_dataset`` runs the first four stages (shared by ``pakru.load()`` and
the validator); ``validate`` adds the rules. Reporting is separate
(:mod:`pakru.validate.report`).
"""

import gc
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from pakru.dataset import Dataset, Entry
from pakru.schema import Source
from pakru.validate import read
from pakru.validate import rules as _rules  # noqa: F401 - registers the rules
from pakru.validate.findings import Finding, filter_findings
from pakru.validate.parallel import build_all, records_root, touching
from pakru.validate.parse import Parsed
from pakru.validate.read import read_text
from pakru.validate.registry import Context, run_rules

RECORD_SUFFIXES = read.RECORD_SUFFIXES


@dataclass(frozen=True)
class Loaded:
    """A dataset and the findings from reading, parsing and building it."""

    dataset: Dataset
    findings: tuple[Finding, ...]


def default_root() -> Path:
    """The records folder shipped inside the installed package."""
    return Path(str(resources.files("pakru.records")))


def _shown(path: Path, root: Path | None, cwd: Path | None = None) -> str:
    if root is not None:
        return f"records/{path.relative_to(root).as_posix()}"
    try:
        return path.resolve().relative_to(cwd or Path.cwd().resolve()).as_posix()
    except ValueError:
        return path.as_posix()


def collect(paths: Iterable[Path]) -> Iterator[Path]:
    """Record files under ``paths`` (folders are searched; source texts are skipped)."""
    yield from read.collect(paths).files


def _source_text(path: Path, source: Source, shown_dir: str) -> str | Finding:
    text_path = path.parent / "text" / source.file
    read = read_text(text_path, f"{shown_dir}/text/{source.file}")
    return read if isinstance(read, Finding) else read.text


@contextmanager
def _no_gc() -> Iterator[None]:
    """Pause the cyclic garbage collector while records are built.

    Loading creates millions of long-lived, acyclic objects; each full
    collection walks all of them, so with the collector on, loading time grew
    faster than the number of records (parse: 0.73x CSafeLoader at 10,000
    records, 1.12x at 100,000). Nothing built here forms a cycle that needs
    collecting.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def load_dataset(paths: Sequence[Path] | None = None, *, jobs: int = 1) -> Loaded:
    """Read, parse and build every record under ``paths`` (default: the shipped records).

    ``jobs`` > 1 reads, parses and builds files in that many processes.
    """
    root = default_root() if not paths else None
    collected = read.collect(paths or [default_root()])
    files = collected.files
    entries: list[Entry] = []
    texts: dict[str, str] = {}
    cwd = Path.cwd().resolve()  # once, not per file
    findings = [
        Finding(_shown(s.path, root, cwd), 0, 0, s.rule, "error", s.message)
        for s in collected.skipped
    ]
    shown_files = [(path, _shown(path, root, cwd)) for path in files]
    with _no_gc():
        results = build_all(shown_files, jobs)
    for (path, shown), built in zip(shown_files, results, strict=True):
        if isinstance(built, list):
            findings.extend(built)
            continue
        findings.extend(built.parsed.warnings)
        entries.append(Entry(built.record, shown, built.parsed))
        if isinstance(built.record, Source):
            text = _source_text(
                path, built.record, shown.rsplit("/", 1)[0] if "/" in shown else "."
            )
            if isinstance(text, Finding):
                findings.append(text)
            else:
                texts.setdefault(built.record.id, text)
    return Loaded(Dataset(entries, texts), tuple(findings))


def validate(
    paths: Sequence[Path] | None = None,
    *,
    context: Context | None = None,
    select: Iterable[str] = (),
    ignore: Iterable[str] = (),
    jobs: int = 1,
    incremental: bool = False,
) -> list[Finding]:
    """Every finding for the records under ``paths``, sorted by file and line.

    With ``incremental``, ``paths`` are record files inside records trees:
    each whole tree is loaded (so references resolve and cross-record rules
    see every record), and only findings on those files, or on files whose
    records refer to them, are returned. A file outside any records tree is
    checked on its own.
    """
    select, ignore = tuple(select), tuple(ignore)
    trees = _trees(paths) if incremental and paths else None
    loaded = load_dataset(list(trees) if trees else paths, jobs=jobs)
    found = [*loaded.findings, *run_rules(loaded.dataset, context or Context(), select, ignore)]
    if trees:
        cwd = Path.cwd().resolve()
        given = {_shown(f, None, cwd) for files in trees.values() for f in files}
        keep = touching(loaded.dataset, given)
        found = [f for f in found if f.path in keep]
    return filter_findings(found, select, ignore)


def _trees(paths: Sequence[Path]) -> dict[Path, list[Path]]:
    """Records tree (or the file itself, when outside any tree) → the given files in it."""
    trees: dict[Path, list[Path]] = {}
    for path in paths:
        root = records_root(path) if path.is_file() else None
        trees.setdefault(root or path, []).append(path)
    return trees


__all__ = ["Loaded", "Parsed", "collect", "default_root", "load_dataset", "validate"]
