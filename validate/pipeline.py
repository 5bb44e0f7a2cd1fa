"""The data flow: files → read → parse → models → Dataset → rules → findings.

Each stage is one module (``read``, ``parse``, ``models``, ``manifest``,
``pakru.dataset``, ``rules``); this module is the only one that strings
them together. ``load_dataset`` runs every stage up to the Dataset, for
``pakru.load()`` and the validator alike, so both see the same findings;
``validate`` adds the rules. Where a file's stages run (this process or a
pool) is :mod:`pakru.validate.parallel`'s business; reporting is
:mod:`pakru.validate.report`'s.
"""

import gc
import marshal
import os
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import astuple, dataclass, replace
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from pakru.dataset import Dataset
from pakru.manifest import shipped_records
from pakru.schema import Record, Source, record_adapter
from pakru.validate import facts, parallel, read
from pakru.validate import rules as _rules  # noqa: F401 - registers the rules
from pakru.validate.findings import Finding, filter_findings, is_selected
from pakru.validate.incremental import touching, trees
from pakru.validate.manifest import read_manifest
from pakru.validate.models import build
from pakru.validate.parallel import imap_in_order, map_shared
from pakru.validate.parse import parse
from pakru.validate.provenance import Origin, Provenance
from pakru.validate.read import read_inside, read_text
from pakru.validate.registry import RULES, Context, run_rules

RECORD_SUFFIXES = read.RECORD_SUFFIXES


@dataclass(frozen=True)
class Loaded:
    """A dataset, where its records came from, and the findings from reading and building it."""

    dataset: Dataset
    provenance: Provenance
    findings: tuple[Finding, ...]
    manifest_files: tuple[str, ...] = ()
    """How findings name the ``VERSION`` and ``withdrawn.json`` files that were looked for."""
    files: int = 0
    """How many record files were read (what could not be read is a finding instead)."""


@dataclass(frozen=True, slots=True)
class FileResult:
    """One file after read → parse → models: its record and warnings, or what stopped it.

    Small on purpose: the parse and its position tables stay behind (in a
    worker process, they would cost as much to send back as to make);
    :class:`~pakru.validate.provenance.Origin` finds positions again when a
    finding needs them. ``text`` is a source record's report text, read
    with it (in the worker, with ``--jobs``).
    """

    record: Record | None
    findings: tuple[Finding, ...]
    text: str | None = None


def build_file(item: tuple[Path, str]) -> FileResult:
    """Read, parse and build one file, given as (path on disk, path shown in findings)."""
    path, shown = item
    text = read_text(path, shown)
    if isinstance(text, Finding):
        return FileResult(None, (text,))
    parsed = parse(text)
    if isinstance(parsed, Finding):
        return FileResult(None, (parsed,))
    built = build(parsed)
    if isinstance(built, list):
        return FileResult(None, (*parsed.warnings, *built))
    record = built.record
    if not isinstance(record, Source):
        return FileResult(record, parsed.warnings)
    report = _source_text(path, record.file, shown)
    if isinstance(report, Finding):
        return FileResult(record, (*parsed.warnings, report))
    return FileResult(record, parsed.warnings, report)


def _parse_plain(item: tuple[Path, str]) -> bytes:
    """Read and parse one file in a worker, answered as marshalled plain data.

    The worker does not build the model: the main process builds it from
    these plain values anyway (pickling a built record costs more than
    building it again; ``marshal`` sends dicts, tuples and strings at a tenth
    of the cost), so building it here too was work done twice. A source's
    report text is read here when the values say it is a source.
    """
    path, shown = item
    text = read_text(path, shown)
    parsed = text if isinstance(text, Finding) else parse(text)
    if isinstance(parsed, Finding):
        return marshal.dumps((None, (astuple(parsed),), None))
    report: Any = None  # (name, text or a finding as a tuple)
    name = parsed.data.get("file")
    if parsed.data.get("type") == "source" and isinstance(name, str):
        read_report = _source_text(path, name, shown)
        report = (name, astuple(read_report) if isinstance(read_report, Finding) else read_report)
    warnings = tuple(astuple(f) for f in parsed.warnings)
    return marshal.dumps((parsed.data, warnings, report))


def _from_plain(item: tuple[Path, str], sent: bytes) -> FileResult:
    """A worker's plain values built into a record here, as :func:`build_file` would."""
    data, warnings, report = marshal.loads(sent)  # noqa: S302 - our own workers' output
    findings = tuple(Finding(*f) for f in warnings)
    if data is None:
        return FileResult(None, findings)
    try:
        record = record_adapter.validate_python(data)
    except ValidationError:
        # rare: the file has schema findings; building it here in full makes
        # and places them exactly as one process does
        return build_file(item)
    if not isinstance(record, Source):
        return FileResult(record, findings)
    if report is None or report[0] != record.file:  # not read as the record names it
        path, shown = item
        report = (record.file, _source_text(path, record.file, shown))
    elif isinstance(report[1], tuple):
        report = (report[0], Finding(*report[1]))
    if isinstance(report[1], Finding):
        return FileResult(record, (*findings, report[1]))
    return FileResult(record, findings, report[1])


def _shown(
    path: Path, shipped: Path | None, cwd: Path, folders: dict[str, str] | None = None
) -> str:
    """How findings name ``path``: ``records/…`` in the shipped tree, else relative to ``cwd``.

    The file keeps its own name and its folder is resolved: a link to a record
    is named as the link, not as the file it points to, so its findings say
    which name is wrong. ``folders`` caches resolved folders across calls, so
    that a file costs no ``lstat`` of its own.
    """
    if shipped is not None:
        return f"records/{path.relative_to(shipped).as_posix()}"
    given = str(path)
    folder, slash, name = given.rpartition("/")
    if name in ("", ".", ".."):  # no file name to keep
        resolved = os.path.realpath(given)
    else:
        folder = folder or ("/" if slash else ".")
        real = folders.get(folder) if folders is not None else None
        if real is None:
            real = os.path.realpath(folder)
            if folders is not None:
                folders[folder] = real
        resolved = f"{real.rstrip('/')}/{name}"
    base = str(cwd).rstrip("/") + "/"
    return resolved.removeprefix(base) if resolved.startswith(base) else given


def collect(paths: Iterable[Path]) -> Iterator[Path]:
    """Record files under ``paths`` (folders are searched; source texts are skipped)."""
    yield from read.collect(paths).files


def _source_text(path: Path, name: str, shown: str) -> str | Finding:
    """The report text ``name`` that the source record in ``path`` (shown as ``shown``) names.

    Not read when it, or its ``text/`` folder, is a link out of the records
    tree (``read.outside``): its content would be published.
    """
    shown_dir = shown.rsplit("/", 1)[0] if "/" in shown else "."
    # joined as strings: a Path per source costs more than reading its text
    text_path = os.path.join(os.path.dirname(path), "text", name)  # noqa: PTH118, PTH120
    read = read_inside(text_path, f"{shown_dir}/text/{name}")
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


def _records(
    files: Sequence[tuple[Path, str]], jobs: int, gathered: list[facts.Facts] | None = None
) -> tuple[list[Origin], dict[str, str], list[Finding], set[str]]:
    """Stages read → parse → models for every file, with the texts of the source records.

    Also returns the ids (file names) of the files that gave no record. With
    ``jobs`` > 1 each record is built again here from the worker's plain
    values as soon as its chunk is back, while the workers go on. Given
    ``gathered``, each record's facts are gathered into it as soon as the
    record is built (see :func:`validate`).
    """
    origins: list[Origin] = []
    texts: dict[str, str] = {}
    findings: list[Finding] = []
    unbuilt: set[str] = set()
    with _no_gc():
        if jobs > 1:
            results = map(_from_plain, files, imap_in_order(_parse_plain, files, jobs))
        else:
            results = map(build_file, files)
        for (path, shown), result in zip(files, results, strict=True):
            findings.extend(result.findings)
            if result.record is None:
                unbuilt.add(path.stem)
                continue
            disk = str(path)  # mostly the path shown: then one string serves both
            origins.append(Origin(result.record, shown, shown if disk == shown else disk))
            if result.text is not None:
                texts.setdefault(result.record.id, result.text)
            if gathered is not None:
                gathered.append(facts.gather(result.record))
    return origins, texts, findings, unbuilt


def load_dataset(paths: Sequence[Path] | None = None, *, jobs: int = 1) -> Loaded:
    """Read, parse and build every record under ``paths`` (default: the shipped records).

    ``VERSION`` and ``withdrawn.json`` are read from the first folder in
    ``paths`` (the shipped records by default). ``jobs`` > 1 reads, parses
    and builds files in that many processes.
    """
    return _load(paths, jobs, None)


def _load(paths: Sequence[Path] | None, jobs: int, gathered: list[facts.Facts] | None) -> Loaded:
    shipped = shipped_records() if not paths else None
    roots = list(paths) if paths else [shipped_records()]
    cwd = Path.cwd().resolve()  # once, not per file
    folders: dict[str, str] = {}

    def show(path: Path) -> str:
        return _shown(path, shipped, cwd, folders)

    collected = read.collect(roots)  # what it could not read becomes a finding, never a skip
    files = [(path, show(path)) for path in collected.files]
    origins, texts, findings, unbuilt = _records(files, jobs, gathered)
    findings[:0] = [
        Finding(show(s.path), 0, 0, s.rule, "error", s.message) for s in collected.skipped
    ]
    unbuilt.update(s.path.stem for s in collected.skipped)
    records = [o.record for o in origins]
    count = len(collected.files)
    root = next((p for p in roots if p.is_dir()), None)
    if root is None:  # single files: no manifest to read
        provenance = Provenance(origins, unbuilt)
        return Loaded(Dataset(records, texts), provenance, tuple(findings), files=count)
    manifest = read_manifest(root, show, {r.id for r in records})
    dataset = Dataset(
        records,
        texts,
        version=manifest.version,
        withdrawn=(p.withdrawal for p in manifest.withdrawn),
    )
    findings.extend(manifest.findings)
    provenance = Provenance(origins, unbuilt)
    return Loaded(dataset, provenance, tuple(findings), manifest.files, count)


def _rules_of_theme(shared: tuple[Dataset, Context], ids: tuple[str, ...]) -> list[Finding]:
    dataset, context = shared
    # select matches by prefix: leave out rules whose ids extend a selected one
    longer = tuple(r for r in RULES if r not in ids and any(r.startswith(i + ".") for i in ids))
    return run_rules(dataset, context, ids, longer)


LONGEST_THEMES = ("acts", "evidence", "dates")
"""The themes whose rules take longest (at 10,000 generated records, about 0.14, 0.13
and 0.10 s of the rules' 0.59 s CPU), handed out first with ``--jobs``: a long theme
taken last would leave the other processes waiting for it. The order changes no finding."""


def _run_rules(
    dataset: Dataset, context: Context, select: Sequence[str], ignore: Sequence[str], jobs: int
) -> list[Finding]:
    """The rules' findings; with ``jobs`` > 1, one theme per task in forked workers.

    The rules are the largest stage left once files are built; each needs
    the whole Dataset, which forked workers inherit rather than receive. The
    rules of a theme (``dates.*``) share the walks they cache, so a theme is
    one task: split rule by rule, both workers made most of those walks.
    Findings are sorted afterwards, so the order they come back in is free.
    A dataset of a chunk's records or fewer is checked in this process: its
    rules take less time than starting a worker.
    """
    if jobs <= 1 or len(dataset) <= parallel.CHUNK:
        return run_rules(dataset, context, select, ignore)
    themes: dict[str, list[str]] = {theme: [] for theme in LONGEST_THEMES}
    for rule in RULES.values():
        if rule.func is not None and is_selected(rule.id, select, ignore):
            themes.setdefault(rule.theme, []).append(rule.id)
    tasks = [tuple(ids) for ids in themes.values() if ids]
    parts = map_shared(_rules_of_theme, (dataset, context), tasks, jobs)
    return [finding for part in parts for finding in part]


def validate(
    paths: Sequence[Path] | None = None,
    *,
    context: Context | None = None,
    select: Iterable[str] = (),
    ignore: Iterable[str] = (),
    jobs: int = 1,
    incremental: bool = False,
) -> list[Finding]:
    """Every finding for the records under ``paths``, sorted by file and line: :func:`check`."""
    return check(
        paths, context=context, select=select, ignore=ignore, jobs=jobs, incremental=incremental
    ).findings


@dataclass(frozen=True)
class Checked:
    """What ``pakru validate`` reports: the findings, and how many record files were checked."""

    findings: list[Finding]
    files: int


def check(
    paths: Sequence[Path] | None = None,
    *,
    context: Context | None = None,
    select: Iterable[str] = (),
    ignore: Iterable[str] = (),
    jobs: int = 1,
    incremental: bool = False,
) -> Checked:
    """Every finding for the records under ``paths``, sorted by file and line.

    With ``incremental``, ``paths`` are record files inside records trees:
    each whole tree is loaded (so references resolve and cross-record rules
    see every record), and only findings on those files, on files whose
    records refer to them, or on the tree's ``VERSION`` and
    ``withdrawn.json`` are returned. A file outside any records tree is
    checked on its own.
    """
    select, ignore = tuple(select), tuple(ignore)
    given = trees(paths) if incremental and paths else None
    gathered: list[facts.Facts] | None = [] if jobs > 1 else None
    loaded = _load(list(given) if given else paths, jobs, gathered)
    if gathered:
        # With --jobs the rules run in forked workers, each of which would gather every
        # record's facts again; gathered while the file workers parsed, the table is
        # inherited. (With --select of rules that read no facts, that work is wasted:
        # at 10,000 records about 0.15 s of CPU, beside the file workers.)
        facts.seed(loaded.dataset, gathered)
    context = replace(context or Context(), provenance=loaded.provenance)
    found = [*loaded.findings, *_run_rules(loaded.dataset, context, select, ignore, jobs)]
    if given:
        cwd = Path.cwd().resolve()
        shown = {_shown(f, None, cwd) for files in given.values() for f in files}
        keep = touching(loaded.provenance, shown)
        keep |= set(loaded.manifest_files)
        found = [f for f in found if f.path in keep]
    return Checked(filter_findings(found, select, ignore), loaded.files)


__all__ = [
    "Checked",
    "FileResult",
    "Loaded",
    "build_file",
    "check",
    "collect",
    "load_dataset",
    "validate",
]
