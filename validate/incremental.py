"""``pakru validate FILE...``: check a few files against the whole tree they belong to.

The tree a file belongs to is loaded so references resolve and cross-record
rules see every record; only the findings on the given files, on files
whose records refer to them, and on the tree's manifest files are reported.
"""

import hashlib
import os
from collections.abc import Callable, Hashable, Iterable, Mapping, Sequence
from dataclasses import replace
from pathlib import Path, PurePath
from typing import TYPE_CHECKING, cast

from pakru.dataset import Dataset
from pakru.schema import RECORD_TYPES, Record, Source
from pakru.schema.introspect import references
from pakru.validate.cache import RecordCache, read_state, write_state
from pakru.validate.findings import Finding
from pakru.validate.index import Index
from pakru.validate.provenance import Provenance
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
built none), its name's stem, the ids its record refers to, and (reads, provides) keys by
rule id for the rules whose scope has keys."""
Found = dict[str, dict[str, tuple[Finding, ...]]]
"""Findings by rule id, then by the record they are about."""
State = tuple[str, dict[str, FileState], Found]
"""The digest of what every finding depends on besides the files, the files, the findings."""
RunRules = Callable[[Sequence[Rule], Dataset, Context], list[Finding]]


def _scoped() -> list[Rule]:
    return [r for r in RULES.values() if r.func is not None and r.scope is not None]


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
    fingerprint: str, stem: str, record: Record | None, index: Index, keyed: Sequence[Rule]
) -> FileState:
    if record is None:
        return fingerprint, "", stem, (), {}
    refs = tuple(sorted({target for _, target, _ in index.facts(record).references}))
    keys = {r.id: r.scope.keys_of(record) for r in keyed if r.scope is not None}
    return fingerprint, record.id, stem, refs, keys


def _states(
    loaded: "Loaded", seen: Mapping[str, str], index: Index, old: Mapping[str, FileState]
) -> dict[str, FileState]:
    """Every file's state: the old one where the fingerprint is the same, else made again."""
    keyed = [r for r in _scoped() if r.scope is not None and r.scope.keyed]
    built = {o.path: o.record for o in loaded.provenance}
    texts = loaded.dataset.texts
    out: dict[str, FileState] = {}
    stems: set[str] = set()
    for shown in [*seen, *(p for p in built if p not in seen)]:
        record = built.get(shown)
        stem = PurePath(shown).stem
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


def _valid(state: object) -> bool:
    """Whether ``state`` (read back from the cache) has the shape of a :data:`State`."""
    if not (isinstance(state, tuple) and len(state) == 3 and isinstance(state[0], str)):
        return False
    files, found = state[1], state[2]
    if not (isinstance(files, dict) and isinstance(found, dict)):
        return False
    for entry in files.values():
        if not (
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
        ):
            return False
    return all(
        isinstance(by_record, dict)
        and all(
            isinstance(fs, tuple) and all(isinstance(f, Finding) for f in fs)
            for fs in by_record.values()
        )
        for by_record in found.values()
    )


class _Graph:
    """The records of one state of the tree: what each refers to, and its keys."""

    def __init__(self, files: Iterable[FileState]) -> None:
        self.refs: dict[str, tuple[str, ...]] = {}
        self.back: dict[str, list[str]] = {}
        self.keys: dict[str, dict[str, KeyPair]] = {}
        for _, record_id, _, refs, keys in files:
            if not record_id:
                continue
            self.refs[record_id] = refs
            self.keys[record_id] = keys
            for target in refs:
                self.back.setdefault(target, []).append(record_id)

    @staticmethod
    def _walk(start: Iterable[str], step: Mapping[str, Sequence[str]]) -> set[str]:
        seen = set(start)
        todo = list(seen)
        while todo:
            for nxt in step.get(todo.pop(), ()):
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

    def _keyed(self, rule: str) -> tuple[dict[Hashable, list[str]], dict[Hashable, list[str]]]:
        reads: dict[Hashable, list[str]] = {}
        provides: dict[Hashable, list[str]] = {}
        for record_id, keys in self.keys.items():
            read, provided = keys.get(rule, ((), ()))
            for key in read:
                reads.setdefault(key, []).append(record_id)
            for key in provided:
                provides.setdefault(key, []).append(record_id)
        return reads, provides

    def _shared(self, rule: str, ids: set[str], scope: Scope, *, readers: bool) -> set[str]:
        """With ``readers``, the records whose reads meet what ``ids`` provide; else the
        records providing what ``ids`` read. Transitive scopes: the components of ``ids``."""
        reads, provides = self._keyed(rule)
        if scope.transitive:
            out = set(ids)
            todo = list(ids)
            done: set[Hashable] = set()
            while todo:
                read, provided = self.keys.get(todo.pop(), {}).get(rule, ((), ()))
                for key in (*read, *provided):
                    if key in done:
                        continue
                    done.add(key)
                    for other in (*reads.get(key, ()), *provides.get(key, ())):
                        if other not in out:
                            out.add(other)
                            todo.append(other)
            return out
        out = set()
        for record_id in ids:
            read, provided = self.keys.get(record_id, {}).get(rule, ((), ()))
            for key in provided if readers else read:
                out.update((reads if readers else provides).get(key, ()))
        return out

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


def _subset(loaded: "Loaded", context: Context, ids: set[str]) -> tuple[Dataset, Context]:
    """A dataset of the records ``ids`` and a context placing them (a run of its own)."""
    dataset = loaded.dataset
    texts = dataset.texts
    sub = Dataset(
        [r for r in dataset.records if r.id in ids],
        {i: texts[i] for i in ids if i in texts},
        version=dataset.version,
        withdrawn=dataset.withdrawn.values(),
    )
    provenance = Provenance(
        [o for o in loaded.provenance if o.record.id in ids], loaded.provenance.unbuilt
    )
    return sub, replace(context, provenance=provenance, index=Index())


def _grouped(findings: Iterable[Finding]) -> Found:
    out: dict[str, dict[str, list[Finding]]] = {}
    for finding in findings:
        out.setdefault(finding.rule, {}).setdefault(finding.record, []).append(finding)
    return {r: {i: tuple(fs) for i, fs in by.items()} for r, by in out.items()}


def rerun(
    loaded: "Loaded", context: Context, store: RecordCache, run_rules: RunRules
) -> tuple[list[Finding], str]:
    """Every rule's findings on ``loaded``, equal to a run of every rule on the whole tree.

    The rule state of the last run on this tree (kept beside ``store``'s entry)
    gives each rule's findings by record. A rule with a :class:`Scope` is re-run
    only for the records whose dependencies hold an edited, added or removed
    file's record (before or after the edit), on a dataset of their dependencies;
    the other rules are run on the whole tree. With no usable state (the first
    run, other code or versions, another ``--today``, VERSION or withdrawn.json
    changed, an id given by two files) every rule runs on the whole tree.
    Returns the findings and how they were made ("full" or "incremental").
    """
    dataset = loaded.dataset
    withdrawn = sorted((k, repr(v)) for k, v in dataset.withdrawn.items())
    stated = _digest(store.digest, context.today, context.today_stated, dataset.version, withdrawn)
    kept = read_state(store)
    old = kept if _valid(kept) and cast(State, kept)[0] == stated else None
    old_files = cast(State, old)[1] if old is not None else {}
    files = _states(loaded, store.seen, context.index, old_files)
    mode = "incremental" if old is not None and not _twice(old_files, files) else "full"
    if mode == "full":
        every = [r for r in RULES.values() if r.func is not None]
        found = _grouped(run_rules(every, dataset, context))
    else:
        found = _again(loaded, context, old_files, files, cast(State, old)[2], run_rules)
    write_state(store, (stated, files, found))
    return [f for by_record in found.values() for fs in by_record.values() for f in fs], mode


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
) -> Found:
    """The findings after the edits since the state ``old_files`` (:func:`rerun`)."""
    edited = {p for p in files.keys() | old_files.keys() if old_files.get(p) != files.get(p)}
    edited |= {p for p, entry in files.items() if not entry[0]}
    changed: set[str] = set()
    for path in edited:
        for entry in (old_files.get(path), files.get(path)):
            if entry is not None:
                changed.update(i for i in entry[1:3] if i)
    if not changed:
        return old_found
    new = _Graph(files.values())
    before = _Graph(
        [
            *(e for p, e in files.items() if p not in edited),
            *(e for p, e in old_files.items() if p in edited),
        ]
    )
    found: Found = {}
    every = [r for r in RULES.values() if r.func is not None]
    whole = [r for r in every if r.scope is None]
    found.update(_grouped(run_rules(whole, loaded.dataset, context)))
    for rule in every:
        if rule.scope is None:
            continue
        affected = new.affected(rule.id, rule.scope, changed)
        affected |= before.affected(rule.id, rule.scope, changed)
        kept = {i: fs for i, fs in old_found.get(rule.id, {}).items() if i not in affected}
        sub, sub_context = _subset(loaded, context, new.dependencies(rule.id, rule.scope, affected))
        fresh = [f for f in run_rules([rule], sub, sub_context) if f.record in affected]
        kept.update(_grouped(fresh).get(rule.id, {}))
        if kept:
            found[rule.id] = kept
    return found
