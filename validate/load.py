"""Loading: record files → read → parse → models → a Dataset, with its provenance and findings.

Each stage is one module (``read``, ``parse``, ``models``, ``manifest``,
``pakru.dataset``); this module strings them together, for ``pakru.load()``
and the validator alike (:mod:`pakru.validate.run` adds the rules), so both
see the same findings. Read and parse run per file, here or in worker
processes (:mod:`pakru.validate.workers`); each record is built here, one
way whichever it was read.
"""

import os
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import Any, NamedTuple, cast

from pakru.dataset import Dataset
from pakru.schema import Record, Source
from pakru.tools.tree import shipped_records
from pakru.validate import read
from pakru.validate.cache import RecordCache
from pakru.validate.findings import Finding
from pakru.validate.index import Index
from pakru.validate.manifest import read_manifest
from pakru.validate.models import build_record
from pakru.validate.parse import Parsed, parse
from pakru.validate.provenance import Origin, Provenance
from pakru.validate.read import Text, read_inside, read_text
from pakru.validate.workers import collector_paused, imap_in_order


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


FileRead = tuple[dict[str, Any] | None, tuple[Finding, ...], tuple[str, str | Finding] | None]
"""One file after read and parse, as plain values, cheap to send back from a worker: its
values (None when reading or parsing stopped), its warnings (or the finding that stopped
it), and a source's report text (the name its values give, and the text or why it could not
be read). The parse's position tables stay behind (in a worker they would cost as much to
send as to make); positions are found again when a finding needs them."""


def read_file(item: tuple[Path, str]) -> FileRead:
    """Read and parse one file, given as (path on disk, path shown in findings)."""
    path, shown = item
    return _parse_read(path, shown, read_text(path, shown))


def _parse_read(path: Path, shown: str, text: Text | Finding) -> FileRead:
    parsed = text if isinstance(text, Finding) else parse(text)
    if isinstance(parsed, Finding):
        return None, (parsed,), None
    name = parsed.data.get("file")
    if parsed.data.get("type") == "source" and isinstance(name, str):
        return parsed.data, parsed.warnings, (name, _source_text(path, name, shown))
    return parsed.data, parsed.warnings, None


class _Built(NamedTuple):
    record: Record | None
    findings: tuple[Finding, ...]
    text: str | None = None


def _build(item: tuple[Path, str], read: FileRead) -> _Built:
    """Stage models for one file read (here or in a worker), with a source's report text."""
    record, findings = _model(item, read)
    if record is None:
        return _Built(None, findings)
    return _with_text(item, record, findings, read[2])


def _model(item: tuple[Path, str], read: FileRead) -> tuple[Record | None, tuple[Finding, ...]]:
    """Stage models for one file read: its record, if it built, and the findings so far."""
    data, findings, _ = read
    if data is None:
        return None, findings
    path, shown = item
    # positions, for a schema finding, come from parsing the file again when first asked
    again = partial(read_text, path, shown)
    built = build_record(Parsed.found_later(shown, data, findings, again))
    if isinstance(built, list):
        return None, (*findings, *built)
    return built.record, findings


def _with_text(
    item: tuple[Path, str],
    record: Record,
    findings: tuple[Finding, ...],
    report: tuple[str, str | Finding] | None,
) -> _Built:
    """A built record, with its report text when it is a source."""
    path, shown = item
    if not isinstance(record, Source):
        return _Built(record, findings)
    if report is None or report[0] != record.file:  # not read as the record names it
        report = (record.file, _source_text(path, record.file, shown))
    if isinstance(report[1], Finding):
        return _Built(record, (*findings, report[1]))
    return _Built(record, findings, report[1])


def shown_path(
    path: Path, shipped: Path | None, cwd: Path, folders: dict[str, str] | None = None
) -> str:
    """How findings name ``path``: ``records/…`` in the shipped tree, else relative to ``cwd``.

    The file keeps its own name and its folder is resolved: a link to a record
    is named as the link, not as the file it points to, so its findings say
    which name is wrong. ``folders`` caches resolved folders across calls, so
    that a file costs no ``lstat`` of its own (``docs/performance.md``: validate).
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


def _cached(cache: RecordCache, item: tuple[Path, str]) -> _Built:
    """Stages read → parse → models for one file, taken back from ``cache`` when its text
    is the one the cached record was built from (a source's report text is read again)."""
    path, shown = item
    text = read_text(path, shown)
    if isinstance(text, Finding):
        return _Built(None, (text,))
    key = RecordCache.key(shown, text.text)
    found = cache.get(key, shown)
    report = None
    if found is None:
        read = _parse_read(path, shown, text)
        found = _model(item, read)
        cache.put(key, found)
        report = read[2]
    record, findings = found
    if record is None:
        return _Built(None, findings)
    return _with_text(item, cast(Record, record), findings, report)


def _records(
    files: Sequence[tuple[Path, str]],
    jobs: int,
    index: Index | None,
    cache: RecordCache | None = None,
) -> tuple[list[Origin], dict[str, str], list[Finding], set[str]]:
    """Stages read → parse → models for every file, with the texts of the source records.

    Also returns the ids (file names) of the files that gave no record. With
    ``jobs`` > 1 each record is built here as soon as its chunk is back,
    while the workers go on; given an ``index``, each record's facts are
    gathered into it then too.
    """
    origins: list[Origin] = []
    texts: dict[str, str] = {}
    findings: list[Finding] = []
    unbuilt: set[str] = set()
    with collector_paused():
        if cache is not None:
            results: Iterator[_Built] = map(partial(_cached, cache), files)
        else:
            results = map(_build, files, imap_in_order(read_file, files, jobs))
        for (path, shown), result in zip(files, results, strict=True):
            findings.extend(result.findings)
            if result.record is None:
                unbuilt.add(path.stem)
                continue
            disk = str(path)  # mostly the path shown: then one string serves both
            origins.append(Origin(result.record, shown, shown if disk == shown else disk))
            if result.text is not None:
                texts.setdefault(result.record.id, result.text)
            if index is not None:
                index.facts(result.record)
    return origins, texts, findings, unbuilt


def load_dataset(
    paths: Sequence[Path] | None = None,
    *,
    jobs: int = 1,
    index: Index | None = None,
    cache: RecordCache | None = None,
) -> Loaded:
    """Read, parse and build every record under ``paths`` (default: the shipped records).

    ``VERSION`` and ``withdrawn.json`` are read from the first folder in
    ``paths`` (the shipped records by default). ``jobs`` > 1 reads and
    parses files in that many processes; ``index`` is filled with each
    record's facts as it is built. Given a ``cache``, a file whose name and
    text are those of a cached record is not parsed or built again (one
    process then: the files left to build are few).
    """
    shipped = shipped_records() if not paths else None
    roots = list(paths) if paths else [shipped_records()]
    cwd = Path.cwd().resolve()  # once, not per file
    folders: dict[str, str] = {}

    def show(path: Path) -> str:
        return shown_path(path, shipped, cwd, folders)

    collected = read.collect(roots)  # what it could not read becomes a finding, never a skip
    files = [(path, show(path)) for path in collected.files]
    origins, texts, findings, unbuilt = _records(files, jobs, index, cache)
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
