"""The user cache: datasets ``pakru.load()`` validated before, and what a run measured.

Reading and validating a few dozen small record files costs little in
itself; building the models' validators costs far more. So a full load by
``pakru.load()`` is kept, and the next load of the same records takes it
back without building a validator (``docs/performance.md``: ``pakru.load()``
of the shipped data ≤ 120 ms). Nothing is committed or built by hand: the
first load of a tree writes its entry, any change to what it depends on
means a new one.

**Where.** The folder ``PAKRU_CACHE_DIR`` names (empty: no cache), else the
platform's: ``$XDG_CACHE_HOME/pakru`` or ``~/.cache/pakru``,
``~/Library/Caches/pakru`` on macOS, ``%LOCALAPPDATA%\\pakru\\Cache`` on
Windows. Never inside the installed package or the records tree: such a
folder, or one that cannot be made or written, means no cache, silently.
Every file in it may be deleted at any time.

**Key.** A digest (:func:`digest`) of every file in the records folder (its
path and bytes), of the schema package's and the loader's own files, of
the Python, pydantic and pydantic-core versions and of the installed
PyYAML and py-yaml12. An edited, added, removed or renamed record, a
changed model or loader, another pydantic: another key, so a full load.
The newest few entries are kept, older ones removed.

**Trust.** An entry is a header, the key, a SHA-256 of the rest, and a
pickle read by an unpickler that makes pakru's models, dates and
withdrawals and nothing else: no other class or function named in it is
ever imported or called. A damaged, foreign or tampered entry, or one
another user owns, is ignored (and replaced by the next full load).
"""

import contextlib
import datetime as dt
import hashlib
import io
import os
import sys
from collections.abc import Iterator
from importlib.util import find_spec
from pathlib import Path
from typing import TYPE_CHECKING, Any

from pakru.dataset import Dataset
from pakru.dataset.versions import Withdrawal
from pakru.schema.base import Model

if TYPE_CHECKING:  # pakru.load() from the cache imports nothing else of the validator
    from pakru.validate.findings import Finding

try:  # the C unpickler itself: the pickle module's own import costs a millisecond more
    from _pickle import Unpickler, UnpicklingError
except ImportError:  # pragma: no cover - an interpreter without it
    from pickle import Unpickler, UnpicklingError

ENV = "PAKRU_CACHE_DIR"
HEADER = b"pakru-cache 1\n"
"""An entry's first line; then the key and the SHA-256 of the pickle (the rest), a line each."""
KEEP = 4
"""Dataset entries kept: a contributor switching between a few trees keeps each one's."""


def folder(*, besides: Path | None = None) -> Path | None:
    """The cache folder, made if missing; None when there is none to use.

    ``besides`` is a records tree the cache must not be inside of.
    """
    given = os.environ.get(ENV)
    if given is not None:
        if not given:
            return None
        path = Path(given)
    elif sys.platform == "win32":  # pragma: no cover - not on this platform
        path = Path(os.environ.get("LOCALAPPDATA") or Path.home() / "AppData/Local") / "pakru/Cache"
    elif sys.platform == "darwin":  # pragma: no cover - not on this platform
        path = Path.home() / "Library" / "Caches" / "pakru"
    else:
        path = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "pakru"
    try:
        path = path.resolve()
        package = _package("pakru")
        if any(path.is_relative_to(p.resolve()) for p in (package, besides) if p is not None):
            return None
        path.mkdir(parents=True, exist_ok=True, mode=0o700)
    except (OSError, RuntimeError):  # unreadable, not a folder, a loop of links
        return None
    return path if os.access(path, os.W_OK) else None


def _files(root: Path, *, recurse: bool) -> Iterator[tuple[str, str]]:
    """(path relative to ``root``, path on disk) of every file, sorted; caches skipped."""
    with os.scandir(root) as it:
        entries = sorted(it, key=lambda e: e.name)
    for entry in entries:
        if entry.is_dir():
            if recurse and entry.name != "__pycache__":
                for rel, path in _files(Path(entry.path), recurse=True):
                    yield f"{entry.name}/{rel}", path
        elif entry.is_file():
            yield entry.name, entry.path


def _package(name: str) -> Path:
    return Path(sys.modules[name].__file__ or "").parent  # as installed: links, in strict mode


def digest(records: Path, schema: Path | None = None) -> str:
    """The key of ``records``' entry: its files, the models, the loader and the libraries."""
    from pydantic.version import VERSION  # noqa: PLC0415 - already imported by the models
    from pydantic_core import __version__ as core  # noqa: PLC0415

    h = hashlib.sha256(HEADER)
    h.update(f"{sys.implementation.cache_tag} pydantic {VERSION} {core}\n".encode())
    for name in ("yaml", "yaml12"):  # the parsers: where each is, its size and time
        spec = find_spec(name)
        if spec is not None and spec.origin is not None:
            stat = os.stat(spec.origin)  # noqa: PTH116 - the plain call
            h.update(f"{name} {spec.origin} {stat.st_size} {stat.st_mtime_ns}\n".encode())
    files = [
        *(("records", *f) for f in _files(records, recurse=True)),
        # json/ is made from the models, and the rest of the package holds no model
        *(("schema", *f) for f in _files(schema or _package("pakru.schema"), recurse=False)),
        *(("validate", *f) for f in _files(_package("pakru.validate"), recurse=False)),
        ("manifest", "", sys.modules[Withdrawal.__module__].__file__ or ""),
    ]
    for name, rel, path in files:
        with open(path, "rb") as f:  # noqa: PTH123 - the plain call, no Path per file
            data = f.read()
        h.update(f"{name}/{rel} {len(data)}\n".encode())
        h.update(data)
    return h.hexdigest()


class _Unpickler(Unpickler):
    """Makes pakru's models, dates and withdrawals; refuses any other class or function."""

    def find_class(self, module: str, name: str) -> Any:
        found = getattr(sys.modules.get(module), name, None)
        if found in (dt.date, Withdrawal) or (
            module.startswith("pakru.schema.")
            and isinstance(found, type)
            and issubclass(found, Model)
        ):
            return found
        raise UnpicklingError(f"a cache entry may not name {module}.{name}")


def read_dataset(records: Path) -> tuple[str | None, Dataset | None]:
    """The key of ``records`` (None when it cannot be read) and its cached dataset, if any."""
    try:
        key = digest(records)
    except (OSError, RecursionError):  # unreadable, or a folder linked into itself
        return None, None  # the full load says what is wrong, with file and rule
    root = folder(besides=records)
    return key, _read(root / f"dataset-{key}.pickle", key) if root is not None else None


def _read(path: Path, key: str) -> Dataset | None:
    """The dataset in the entry at ``path``; None if missing, another user's, damaged or
    foreign (a full load follows)."""
    try:
        with open(path, "rb") as f:  # noqa: PTH123 - the plain call
            mine = not hasattr(os, "getuid") or os.fstat(f.fileno()).st_uid == os.getuid()
            data = f.read()
        os.utime(path)  # the newest entries are kept
        header, stated, checksum, body = data.split(b"\n", 3)
        sha = hashlib.sha256(body).hexdigest().encode()
        if not mine or (header + b"\n", stated, checksum) != (HEADER, key.encode(), sha):
            return None
        found, texts, version, withdrawn = _Unpickler(io.BytesIO(body)).load()
        if not (
            all(isinstance(r, Model) for r in found)
            and all(type(k) is type(v) is str for k, v in texts.items())
            and isinstance(version, str | None)
            and all(isinstance(w, Withdrawal) for w in withdrawn)
        ):
            return None
        return Dataset(found, texts, version=version, withdrawn=withdrawn)
    except Exception:  # missing, unreadable, malformed, foreign: whatever it is, a full load
        return None


def write_dataset(records: Path, key: str, dataset: Dataset) -> None:
    """Keep ``dataset``, loaded from ``records`` whose digest was ``key``, for the next load.

    Written only if the records did not change while they were read, so an
    entry never holds other records than its key says.
    """
    root = folder(besides=records)
    try:
        if root is None or digest(records) != key:
            return
    except (OSError, RecursionError):
        return
    import pickle  # noqa: PLC0415 - writing only

    withdrawn = tuple(dataset.withdrawn.values())
    payload = (dataset.records, dict(dataset.texts), dataset.version, withdrawn)
    body = pickle.dumps(payload, protocol=5)
    checksum = hashlib.sha256(body).hexdigest().encode()
    _write(root / f"dataset-{key}.pickle", b"\n".join((HEADER[:-1], key.encode(), checksum, body)))
    with contextlib.suppress(OSError):  # another process may remove one meanwhile
        entries = sorted(root.glob("dataset-*.pickle"), key=os.path.getmtime, reverse=True)
        for old in entries[KEEP:]:
            old.unlink()


def _write(path: Path, data: bytes) -> None:
    """Write ``path`` whole or not at all (another process may read it meanwhile)."""
    import tempfile  # noqa: PLC0415 - writing only

    try:
        handle, temp = tempfile.mkstemp(dir=path.parent, prefix=".pakru-", suffix=".tmp")
    except OSError:
        return
    try:
        with os.fdopen(handle, "wb") as f:
            f.write(data)
        Path(temp).replace(path)
    except OSError:
        Path(temp).unlink(missing_ok=True)


def read_json(name: str) -> Any:
    """The value kept as ``name`` (:func:`write_json`), or None."""
    import json  # noqa: PLC0415 - not on pakru.load()'s way

    root = folder()
    try:
        return json.loads((root / name).read_text("utf-8")) if root is not None else None
    except (OSError, ValueError):
        return None


def write_json(name: str, value: Any) -> None:
    """Keep ``value`` as ``name`` in the cache folder, if there is one."""
    import json  # noqa: PLC0415 - not on pakru.load()'s way

    root = folder()
    if root is not None:
        _write(root / name, json.dumps(value, sort_keys=True).encode())


# -- the record cache of ``pakru validate`` -------------------------------------------------

RECORDS_HEADER = b"pakru-records 1\n"
"""A record cache entry's first line; then its key and the SHA-256 of the pickle."""
RECORDS_KEEP = 8
"""Record cache entries kept: one per records tree validated, the newest few."""


def versions() -> str:
    """What every cached record depends on besides its file: pakru, Python, pydantic,
    the YAML parsers, and the code of the models and of the validator (its rules too).

    Any change to them gives another digest, so records built by other code are never
    taken back.
    """
    from pydantic.version import VERSION  # noqa: PLC0415 - already imported by the models
    from pydantic_core import __version__ as core  # noqa: PLC0415

    import pakru  # noqa: PLC0415

    h = hashlib.sha256(RECORDS_HEADER)
    h.update(f"pakru {pakru.__version__} {sys.implementation.cache_tag}\n".encode())
    h.update(f"pydantic {VERSION} {core}\n".encode())
    for name in ("yaml", "yaml12"):
        spec = find_spec(name)
        if spec is not None and spec.origin is not None:
            stat = os.stat(spec.origin)  # noqa: PTH116 - the plain call
            h.update(f"{name} {spec.origin} {stat.st_size} {stat.st_mtime_ns}\n".encode())
    for name in ("pakru.schema", "pakru.validate"):  # the validator's rules are under it
        for rel, path in _files(_package(name), recurse=True):
            if rel.endswith(".py"):
                with open(path, "rb") as f:  # noqa: PTH123 - the plain call
                    data = f.read()
                h.update(f"{name}/{rel} {len(data)}\n".encode())
                h.update(data)
    return h.hexdigest()


class _RecordUnpickler(_Unpickler):
    """Makes pakru's models, dates and findings; refuses any other class or function."""

    def find_class(self, module: str, name: str) -> Any:
        from pakru.validate.findings import Finding  # noqa: PLC0415 - the validator's only

        if module == Finding.__module__ and name == Finding.__name__:
            return Finding
        return super().find_class(module, name)


Built = tuple[Model | None, tuple["Finding", ...]]
"""A record file after read, parse and models: its record (None if it did not build) and
the findings made on the way (a source's report text left out: it is read every run)."""


class RecordCache:
    """The records built from a tree's files in the last run, keyed by each file's text.

    ``pakru validate FILE`` and ``pakru validate --cache`` take a file's record
    back from here when the file's name and text, and :func:`versions`, are
    those it was built from; anything else is parsed and built again. Kept in
    the user cache folder as one entry per records tree; :meth:`save` keeps
    only the files seen in this run, so removed files drop out.
    """

    def __init__(
        self,
        path: Path | None,
        entries: dict[str, Built],
        digest: str = "",
        base: tuple[dict[str, Built], bytes] = ({}, b""),
    ) -> None:
        self._path = path
        self._old = entries
        self._base, self._checksum = base
        self._new: dict[str, Built] = {}
        self.hits = 0
        self.digest = digest
        """:func:`versions` when the entry was opened ("" when there is no cache folder)."""
        self.seen: dict[str, str] = {}
        """The key of each file read in this run, by the path findings show."""

    @staticmethod
    def key(shown: str, text: str) -> str:
        """The key of a file named ``shown`` (as findings name it) holding ``text``."""
        h = hashlib.blake2b(shown.encode("utf-8", "surrogatepass"), digest_size=20)
        h.update(b"\0")
        h.update(text.encode("utf-8", "surrogatepass"))
        return h.hexdigest()

    @classmethod
    def open(cls, tree: Path) -> "RecordCache":
        """The entry of ``tree``; an empty one (kept nowhere without a cache folder)."""
        root = folder(besides=tree)
        if root is None:
            return cls(None, {})
        try:
            digest = versions()
            name = hashlib.sha256(f"{tree.resolve()}\n{digest}".encode()).hexdigest()
        except OSError:
            return cls(None, {})
        path = root / f"records-{name}.pickle"
        base = _read_entries(path, name)
        # the files added or changed since the entry was written whole (:meth:`save`)
        delta = _read_entries(_delta(path), f"{name} {base[1].decode()}")[0] if base[0] else {}
        return cls(path, base[0] | delta, digest, base)

    def get(self, key: str, shown: str | None = None) -> Built | None:
        """What the file with ``key`` (shown in findings as ``shown``) gave last time, or None."""
        if shown is not None:
            self.seen[shown] = key
        found = self._old.get(key)
        if found is not None:
            self.hits += 1
            self._new[key] = found
        return found

    def put(self, key: str, built: Built) -> None:
        """Keep what the file with ``key`` gave."""
        self._new[key] = built

    def save(self) -> None:
        """Write the entry (the files of this run), unless nothing changed.

        When few files changed since the entry was last written whole, only
        their records are written, to a second file tied to the first by its
        checksum (pickling every record again costs more than the rest of a
        one-file run); once they are many, or many files were removed, the
        entry is written whole again.
        """
        if self._path is None or self._new.keys() == self._old.keys():
            return
        import pickle  # noqa: PLC0415 - writing only

        name = self._path.stem.removeprefix("records-")
        extra = {k: v for k, v in self._new.items() if k not in self._base}
        gone = len(self._base.keys() - self._new.keys())
        if self._base and len(extra) + gone <= max(DELTA, len(self._base) // 10):
            body = pickle.dumps(extra, protocol=5)
            checksum = hashlib.sha256(body).hexdigest().encode()
            key = f"{name} {self._checksum.decode()}".encode()
            _write(_delta(self._path), b"\n".join((RECORDS_HEADER[:-1], key, checksum, body)))
            return
        body = pickle.dumps(self._new, protocol=5)
        checksum = hashlib.sha256(body).hexdigest().encode()
        _write(self._path, b"\n".join((RECORDS_HEADER[:-1], name.encode(), checksum, body)))
        _delta(self._path).unlink(missing_ok=True)
        with contextlib.suppress(OSError):
            entries = sorted(
                self._path.parent.glob("records-*.pickle"), key=os.path.getmtime, reverse=True
            )
            for old in entries[RECORDS_KEEP:]:
                old.unlink()
                _delta(old).unlink(missing_ok=True)


DELTA = 64
"""Files changed since the record cache entry was written whole that a second, small file
may hold (or a tenth of the entry, if more)."""


def _delta(entry: Path) -> Path:
    """The file of the records changed since ``entry`` was written whole."""
    return entry.with_name(f"delta-{entry.stem.removeprefix('records-')}.pickle")


def _read_records(path: Path, key: str) -> dict[str, Built]:
    """The entries at ``path``; empty if missing, another user's, damaged or foreign."""
    return _read_entries(path, key)[0]


def _checked(path: Path, header: bytes, key: str) -> tuple[bytes, bytes] | None:
    """The body of the cache file at ``path`` and its checksum, if the file is this user's
    and its header, key and SHA-256 are what they should be; else None. Raises OSError
    and ValueError on a missing or malformed file (the callers treat every error alike)."""
    with open(path, "rb") as f:  # noqa: PTH123 - the plain call
        mine = not hasattr(os, "getuid") or os.fstat(f.fileno()).st_uid == os.getuid()
        data = f.read()
    first, stated, checksum, body = data.split(b"\n", 3)
    sha = hashlib.sha256(body).hexdigest().encode()
    if not mine or (first + b"\n", stated, checksum) != (header, key.encode(), sha):
        return None
    return body, checksum


def _read_entries(path: Path, key: str) -> tuple[dict[str, Built], bytes]:
    """The entries at ``path`` and their checksum; empty if missing, another user's,
    damaged or foreign."""
    from pakru.validate.findings import Finding  # noqa: PLC0415 - the validator's only

    try:
        checked = _checked(path, RECORDS_HEADER, key)
        if checked is None:
            return {}, b""
        body, checksum = checked
        found = _RecordUnpickler(io.BytesIO(body)).load()
        if not isinstance(found, dict):
            return {}, b""
        for k, (record, findings) in found.items():
            if not (
                isinstance(k, str)
                and (record is None or isinstance(record, Model))
                and all(isinstance(f, Finding) for f in findings)
            ):
                return {}, b""
        return found, checksum
    except Exception:  # missing, unreadable, malformed, foreign: every file is built again
        return {}, b""


STATE_HEADER = b"pakru-rules 1\n"
"""A rule state entry's first line; then its key and the SHA-256 of the pickle."""


def _state_path(records: Path) -> tuple[Path, str]:
    """Where the rule state of the entry at ``records`` (a record cache entry) is kept."""
    key = records.stem.removeprefix("records-")
    return records.with_name(f"rules-{key}.pickle"), key


def read_state(cache: RecordCache) -> object:
    """The rule state kept beside ``cache``'s entry (:mod:`pakru.validate.incremental`), or
    None if missing, another user's, damaged or foreign. Its shape is the caller's to check."""
    if cache._path is None:
        return None
    path, key = _state_path(cache._path)
    try:
        checked = _checked(path, STATE_HEADER, key)
        return None if checked is None else _RecordUnpickler(io.BytesIO(checked[0])).load()
    except Exception:  # missing, unreadable, malformed, foreign: the rules run on the whole tree
        return None


def write_state(cache: RecordCache, state: object) -> None:
    """Keep ``state`` beside ``cache``'s entry, for the next run."""
    if cache._path is None:
        return
    import pickle  # noqa: PLC0415 - writing only

    path, key = _state_path(cache._path)
    body = pickle.dumps(state, protocol=5)
    checksum = hashlib.sha256(body).hexdigest().encode()
    _write(path, b"\n".join((STATE_HEADER[:-1], key.encode(), checksum, body)))
    with contextlib.suppress(OSError):  # entries whose record entry is gone
        for old in path.parent.glob("rules-*.pickle"):
            if not old.with_name(f"records-{old.stem.removeprefix('rules-')}.pickle").exists():
                old.unlink()
