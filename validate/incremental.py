"""``pakru validate FILE...``: check a few files against the whole tree they belong to.

The tree a file belongs to is loaded so references resolve and cross-record
rules see every record; only the findings on the given files, on files
whose records refer to them, and on the tree's manifest files are reported.
"""

import contextlib
import hashlib
import os
from collections.abc import Callable, Hashable, Iterable, Mapping, Sequence
from dataclasses import replace
from pathlib import Path, PurePath
from typing import TYPE_CHECKING, NamedTuple, cast

from pakru.dataset import Dataset
from pakru.schema import RECORD_TYPES, Record, Source
from pakru.schema.introspect import references
from pakru.validate.cache import RecordCache, read_state, write_state
from pakru.validate.findings import Finding
from pakru.validate.index import Index
from pakru.validate.provenance import Origin, Provenance
from pakru.validate.read import outside, tree_folder
from pakru.validate.registry import RULES, Context, Rule, Scope

if TYPE_CHECKING:
    from pakru.validate.load import Loaded

FOLDERS = frozenset(t.folder for t in RECORD_TYPES.values())


def records_tree_of(path: Path) -> Path | None:
    """The records tree a record file is in (``records/`` for ``records/meetings/x.yaml``).

    None for a file that resolves out of the tree it is spelled in (a link, or
    a file under a linked folder): checked on its own, it is a ``read.outside``
    finding and is not read, and the tree it leads to is not loaded.
    """
    if outside(path, os.path.realpath(tree_folder(path))) is not None:
        return None
    parent = path.resolve().parent
    return parent.parent if parent.name in FOLDERS else None


def trees(paths: Sequence[Path]) -> dict[Path, list[Path]]:
    """Records tree (or the file itself, when outside any tree) → the given files in it."""
    out: dict[Path, list[Path]] = {}
    for path in paths:
        root = records_tree_of(path) if path.is_file() else None
        out.setdefault(root or path, []).append(path)
    return out


def touching(provenance: Provenance, paths: Iterable[str]) -> set[str]:
    """The shown ``paths`` plus every file whose record refers to a record in them."""
    given = set(paths)
    # a file that did not build has no record: its name is its id (ids.filename)
    ids = {o.record.id for o in provenance if o.path in given}
    ids |= {PurePath(p).stem for p in given}
    out = set(given)
    for origin in provenance:
        if origin.path not in out and any(t in ids for _, t, _ in references(origin.record)):
            out.add(origin.path)
    return out


# -- the rules, re-run only where an edit reaches ---------------------------------------------

KeyPair = tuple[tuple[Hashable, ...], tuple[Hashable, ...]]
FileState = tuple[str, str, str, tuple[str, ...], dict[str, KeyPair]]
"""What the last run knew of one file: its fingerprint (the record cache's key of its name
and text, with a source's report text; "" when unknown), the id of its record ("" if it
built none), its name's stem, the ids its record refers to, and its (reads, provides) keys
in each scope that has keys, by the scope's name (the id of its first rule), where not empty."""
Found = dict[str, dict[str, tuple[Finding, ...]]]
"""Findings by rule id, then by the record they are about."""
State = tuple[str, dict[str, FileState], Found]
"""The digest of what every finding depends on besides the files, the files, the findings."""


class Rerun(NamedTuple):
    """What :func:`rerun` gives."""

    findings: list[Finding]
    mode: str
    """"full" (every rule on the whole tree) or "incremental"."""
    files: dict[str, FileState]
    """Each file's state, by the path findings show."""


RunRules = Callable[[Sequence[Rule], Dataset, Context], list[Finding]]


def _scoped() -> dict[str, tuple[Scope, list[Rule]]]:
    """The rules that have a scope, by scope, each named by its first rule's id."""
    out: dict[str, tuple[Scope, list[Rule]]] = {}
    names: dict[int, str] = {}
    for rule in RULES.values():
        if rule.func is not None and rule.scope is not None:
            name = names.setdefault(id(rule.scope), rule.id)
            out.setdefault(name, (rule.scope, []))[1].append(rule)
    return out


def _digest(*parts: object) -> str:
    h = hashlib.blake2b(digest_size=20)
    for part in parts:
        h.update(repr(part).encode("utf-8", "surrogatepass"))
        h.update(b"\0")
    return h.hexdigest()


def _fingerprint(key: str, record: Record | None, texts: Mapping[str, str]) -> str:
    if isinstance(record, Source):  # its report text is read every run, not cached
        return _digest(key, texts.get(record.id))
    return key


def _file_state(
    fingerprint: str, stem: str, record: Record | None, index: Index, keyed: Mapping[str, Scope]
) -> FileState:
    if record is None:
        return fingerprint, "", stem, (), {}
    refs = tuple(sorted({target for _, target, _ in index.facts(record).references}))
    keys: dict[str, KeyPair] = {}
    for name, scope in keyed.items():
        if (pair := scope.keys_of(record)) != ((), ()):
            keys[name] = pair  # most records have no keys in most scopes: kept small
    return fingerprint, record.id, stem, refs, keys


def _states(
    loaded: "Loaded", seen: Mapping[str, str], index: Index, old: Mapping[str, FileState]
) -> dict[str, FileState]:
    """Every file's state: the old one where the fingerprint is the same, else made again."""
    keyed = {name: scope for name, (scope, _) in _scoped().items() if scope.keyed}
    built = {o.path: o.record for o in loaded.provenance}
    texts = loaded.dataset.texts
    out: dict[str, FileState] = {}
    stems: set[str] = set()
    for shown in [*seen, *(p for p in built if p not in seen)]:
        record = built.get(shown)
        stem = _stem(shown)
        stems.add(stem)
        key = seen.get(shown, "")
        fingerprint = _fingerprint(key, record, texts) if key else ""
        before = old.get(shown)
        if fingerprint and before is not None and before[0] == fingerprint:
            out[shown] = before
        else:
            out[shown] = _file_state(fingerprint, stem, record, index, keyed)
    for stem in sorted(loaded.provenance.unbuilt - stems):  # unread: changed every run
        out[f"?{stem}"] = "", "", stem, (), {}
    return out


def _stem(shown: str) -> str:
    """``PurePath(shown).stem`` by string operations (a PurePath per file costs more)."""
    name = shown.rpartition("/")[2]
    dot = name.rfind(".")
    return name[:dot] if 0 < dot < len(name) - 1 else name


def _valid(state: object) -> bool:
    """Whether ``state`` (read back from the cache) has the shape of a :data:`State`.

    The entry was written by this user and its checksum holds, and the unpickler
    makes nothing but plain values, models and findings: what is checked here is
    that it is a state at all. Each file's entry is checked as it is used
    (:func:`_entry` for the edited files' old entries; any other value of another
    shape fails with a TypeError or the like, which means a full run), and each
    finding's type before it is reported (:func:`_findings`).
    """
    return (
        isinstance(state, tuple)
        and len(state) == 3
        and isinstance(state[0], str)
        and isinstance(state[1], dict)
        and isinstance(state[2], dict)
        and all(isinstance(by, dict) for by in state[2].values())
    )


def _entry(entry: object) -> bool:
    """Whether ``entry`` has the shape of a :data:`FileState`."""
    return (
        isinstance(entry, tuple)
        and len(entry) == 5
        and all(isinstance(x, str) for x in entry[:3])
        and isinstance(entry[3], tuple)
        and all(isinstance(x, str) for x in entry[3])
        and isinstance(entry[4], dict)
        and all(
            isinstance(p, tuple) and len(p) == 2 and all(isinstance(k, tuple) for k in p)
            for p in entry[4].values()
        )
    )


class _Graph:
    """The records of one state of the tree: what each refers to, and its keys.

    :meth:`patched` gives the same tree with a few files' states replaced (the
    tree before the edits) without indexing every record again.
    """

    def __init__(self, files: Iterable[FileState]) -> None:
        self._refs: dict[str, tuple[str, ...]] = {}
        self._back: dict[str, list[str]] = {}
        self._keys: dict[str, dict[str, KeyPair]] = {}
        self._indexes: dict[str, tuple[dict[Hashable, list[str]], dict[Hashable, list[str]]]] = {}
        self._base: _Graph | None = None
        self._gone: frozenset[str] = frozenset()
        for _, record_id, _, refs, keys in files:
            if not record_id:
                continue
            self._refs[record_id] = refs
            self._keys[record_id] = keys
            for target in refs:
                self._back.setdefault(target, []).append(record_id)

    def patched(self, gone: Iterable[FileState], added: Iterable[FileState]) -> "_Graph":
        """This graph without the records of ``gone`` and with those of ``added``."""
        out = _Graph(added)
        out._base = self
        out._gone = frozenset(entry[1] for entry in gone if entry[1])
        return out

    def refs(self, record_id: str) -> Sequence[str]:
        """The ids ``record_id`` refers to."""
        found = self._refs.get(record_id)
        if found is None and self._base is not None and record_id not in self._gone:
            return self._base.refs(record_id)
        return found or ()

    def back(self, record_id: str) -> Sequence[str]:
        """The records that refer to ``record_id``."""
        found = self._back.get(record_id, [])
        if self._base is None:
            return found
        return [*(r for r in self._base.back(record_id) if r not in self._gone), *found]

    def keys(self, record_id: str, rule: str) -> KeyPair:
        """The (reads, provides) keys of ``record_id`` in ``rule``'s scope."""
        found = self._keys.get(record_id)
        if found is None and self._base is not None and record_id not in self._gone:
            return self._base.keys(record_id, rule)
        return found.get(rule, ((), ())) if found is not None else ((), ())

    def _index(self, rule: str) -> tuple[dict[Hashable, list[str]], dict[Hashable, list[str]]]:
        if rule not in self._indexes:
            reads: dict[Hashable, list[str]] = {}
            provides: dict[Hashable, list[str]] = {}
            for record_id, keys in self._keys.items():
                read, provided = keys.get(rule, ((), ()))
                for key in read:
                    reads.setdefault(key, []).append(record_id)
                for key in provided:
                    provides.setdefault(key, []).append(record_id)
            self._indexes[rule] = reads, provides
        return self._indexes[rule]

    def having(self, rule: str, key: Hashable, *, reads: bool) -> list[str]:
        """The records whose reads (or, with ``reads`` False, provides) keys hold ``key``."""
        found = self._index(rule)[0 if reads else 1].get(key, [])
        if self._base is None:
            return found
        base = self._base.having(rule, key, reads=reads)
        return [*(r for r in base if r not in self._gone), *found]

    @staticmethod
    def _walk(start: Iterable[str], step: Callable[[str], Sequence[str]]) -> set[str]:
        seen = set(start)
        todo = list(seen)
        while todo:
            for nxt in step(todo.pop()):
                if nxt not in seen:
                    seen.add(nxt)
                    todo.append(nxt)
        return seen

    def closure(self, ids: Iterable[str]) -> set[str]:
        """``ids`` and every record they refer to, directly or through others."""
        return self._walk(ids, self.refs)

    def referrers(self, ids: Iterable[str]) -> set[str]:
        """``ids`` and every record that refers to one of them, directly or through others."""
        return self._walk(ids, self.back)

    def _shared(self, rule: str, ids: set[str], scope: Scope, *, readers: bool) -> set[str]:
        """With ``readers``, the records whose reads meet what ``ids`` provide; else the
        records providing what ``ids`` read. Transitive scopes: the components of ``ids``."""
        if scope.transitive:
            done: set[Hashable] = set()

            def step(record_id: str) -> list[str]:
                read, provided = self.keys(record_id, rule)
                out: list[str] = []
                for key in (*read, *provided):
                    if key not in done:
                        done.add(key)
                        out += self.having(rule, key, reads=True)
                        out += self.having(rule, key, reads=False)
                return out

            return self._walk(ids, step)
        found: set[str] = set()
        for record_id in ids:
            read, provided = self.keys(record_id, rule)
            for key in provided if readers else read:
                found.update(self.having(rule, key, reads=readers))
        return found

    def affected(self, rule: str, scope: Scope, changed: set[str]) -> set[str]:
        """The records whose dependencies under ``scope`` meet the ``changed`` ids."""
        reach = self.referrers(changed)
        if scope.referrers:
            reach = self.closure(reach)
        if scope.keyed:
            reach |= self._shared(rule, reach, scope, readers=True)
        return reach

    def dependencies(self, rule: str, scope: Scope, ids: set[str]) -> set[str]:
        """Every dependency under ``scope`` of the records ``ids``."""
        found = set(ids)
        if scope.keyed:
            found |= self._shared(rule, found, scope, readers=False)
        if scope.referrers:
            found = self.referrers(found)
        return self.closure(found)


class _Subsets:
    """Datasets of a few of ``loaded``'s records, each with a context of its own; rules
    asking for the same records share one (and the tables its index memoises)."""

    def __init__(self, loaded: "Loaded", context: Context) -> None:
        self._loaded = loaded
        self._context = context
        self._origins: dict[str, list[tuple[int, Origin]]] = {}
        for number, origin in enumerate(loaded.provenance):
            self._origins.setdefault(origin.record.id, []).append((number, origin))
        self._made: dict[frozenset[str], tuple[Dataset, Context]] = {}

    def of(self, ids: set[str]) -> tuple[Dataset, Context]:
        """A dataset of the records ``ids`` and a context placing them."""
        key = frozenset(ids)
        if key not in self._made:
            self._made[key] = _subset(self._loaded, self._context, ids, self._origins)
        return self._made[key]


def _subset(
    loaded: "Loaded",
    context: Context,
    ids: set[str],
    origins: Mapping[str, list[tuple[int, Origin]]],
) -> tuple[Dataset, Context]:
    dataset = loaded.dataset
    texts = dataset.texts
    sub = Dataset(
        [dataset.get(i) for i in ids if i in dataset],
        {i: texts[i] for i in ids if i in texts},
        version=dataset.version,
        withdrawn=dataset.withdrawn.values(),
    )
    placed = sorted(o for i in ids for o in origins.get(i, ()))  # in the order files were read
    provenance = Provenance([o for _, o in placed], loaded.provenance.unbuilt)
    return sub, replace(context, provenance=provenance, index=Index())


def _grouped(findings: Iterable[Finding]) -> Found:
    out: dict[str, dict[str, list[Finding]]] = {}
    for finding in findings:
        out.setdefault(finding.rule, {}).setdefault(finding.record, []).append(finding)
    return {r: {i: tuple(fs) for i, fs in by.items()} for r, by in out.items()}


def rerun(loaded: "Loaded", context: Context, store: RecordCache, run_rules: RunRules) -> "Rerun":
    """Every rule's findings on ``loaded``, equal to a run of every rule on the whole tree.

    The rule state of the last run on this tree (kept beside ``store``'s entry)
    gives each rule's findings by record. A rule with a :class:`Scope` is re-run
    only for the records whose dependencies hold an edited, added or removed
    file's record (before or after the edit), on a dataset of their dependencies;
    the other rules are run on the whole tree. With no usable state (the first
    run, other code or versions, another ``--today``, VERSION or withdrawn.json
    changed, an id given by two files) every rule runs on the whole tree.
    Returns the findings, how they were made and the files' states.
    """
    dataset = loaded.dataset
    withdrawn = sorted((k, repr(v)) for k, v in dataset.withdrawn.items())
    stated = _digest(store.digest, context.today, context.today_stated, dataset.version, withdrawn)
    kept = read_state(store)
    found: Found | None = None
    files: dict[str, FileState] | None = None
    unchanged = False
    if _valid(kept) and cast(State, kept)[0] == stated:
        _, old_files, old_found = cast(State, kept)
        # A state is written by this user, and its checksum holds: a value of another shape
        # in it can only be a forgery, which means a full run, never a traceback.
        with contextlib.suppress(TypeError, ValueError, AttributeError, KeyError, IndexError):
            files = _states(loaded, store.seen, context.index, old_files)
            if not _twice(old_files, files):
                found = _again(loaded, context, old_files, files, old_found, run_rules)
                unchanged = found is old_found and files == old_files
    mode = "incremental"
    if found is None or files is None or not _findings(found):
        mode = "full"
        files = _states(loaded, store.seen, context.index, {})
        every = [r for r in RULES.values() if r.func is not None]
        found = _grouped(run_rules(every, dataset, context))
    if mode == "full" or not unchanged:
        write_state(store, (stated, files, found))
    every_found = [f for by_record in found.values() for fs in by_record.values() for f in fs]
    return Rerun(every_found, mode, files)


def _findings(found: Found) -> bool:
    """Whether every value in ``found`` is a tuple of findings."""
    try:
        return all(
            isinstance(f, Finding) for by in found.values() for fs in by.values() for f in fs
        )
    except TypeError:
        return False


def referring(files: Mapping[str, FileState], paths: Iterable[str]) -> set[str]:
    """:func:`touching`, from the files' states: the ``paths`` and every file whose record
    refers to a record in them (or to the id their name gives)."""
    given = set(paths)
    ids = {i for p in given if (entry := files.get(p)) is not None for i in entry[1:3] if i}
    ids |= {_stem(p) for p in given}
    return given | {p for p, entry in files.items() if not ids.isdisjoint(entry[3])}


def _twice(*states: Mapping[str, FileState]) -> bool:
    """Whether an id is given by two files in either state (their order matters then)."""
    for files in states:
        ids = [entry[1] for entry in files.values() if entry[1]]
        if len(ids) != len(set(ids)):
            return True
    return False


def _again(  # noqa: PLR0917 - the run and the two states it compares
    loaded: "Loaded",
    context: Context,
    old_files: Mapping[str, FileState],
    files: Mapping[str, FileState],
    old_found: Found,
    run_rules: RunRules,
) -> Found | None:
    """The findings after the edits since the state ``old_files`` (:func:`rerun`); None when
    an entry of the state is not one."""
    edited = {p for p in files.keys() | old_files.keys() if old_files.get(p) != files.get(p)}
    if not all(_entry(old_files[p]) for p in edited if p in old_files):
        return None
    edited |= {p for p, entry in files.items() if not entry[0]}
    changed: set[str] = set()
    for path in edited:
        for entry in (old_files.get(path), files.get(path)):
            if entry is not None:
                changed.update(i for i in entry[1:3] if i)
    if not changed:
        return old_found
    new = _Graph(files.values())
    before = new.patched(
        [files[p] for p in edited if p in files], [old_files[p] for p in edited if p in old_files]
    )
    subsets = _Subsets(loaded, context)
    found: Found = {}
    whole = [r for r in RULES.values() if r.func is not None and r.scope is None]
    found.update(_grouped(run_rules(whole, loaded.dataset, context)))
    for name, (scope, rules) in _scoped().items():
        affected = new.affected(name, scope, changed) | before.affected(name, scope, changed)
        sub, sub_context = subsets.of(new.dependencies(name, scope, affected))
        fresh = _grouped(f for f in run_rules(rules, sub, sub_context) if f.record in affected)
        for rule in rules:
            kept = {i: fs for i, fs in old_found.get(rule.id, {}).items() if i not in affected}
            kept.update(fresh.get(rule.id, {}))
            if kept:
                found[rule.id] = kept
    return found
