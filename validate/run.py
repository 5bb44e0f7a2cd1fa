"""Running the rules: load a tree, run every selected rule on it, keep the findings asked for.

:func:`check` (``pakru validate``) and :func:`validate` load the records
(:mod:`pakru.validate.load`), give the run its own index (:class:`Index`),
run the registered rules (:mod:`pakru.validate.rules`) and filter and sort
what they found; reporting is :mod:`pakru.validate.report`'s.
"""

import time
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from pakru.dataset import Dataset
from pakru.schema.introspect import field_path
from pakru.validate import cache, workers
from pakru.validate import rules as _rules  # noqa: F401 - registers the rules
from pakru.validate.findings import Finding, filter_findings, is_selected
from pakru.validate.incremental import referring, rerun, touching, trees
from pakru.validate.index import Index
from pakru.validate.load import load_dataset, shown_path
from pakru.validate.provenance import Provenance
from pakru.validate.registry import RULES, Context, Hit, Rule

TIMINGS = "rule-times.json"
"""The cache file holding each theme's CPU seconds in the last run with ``--jobs``."""


def _finding(rule: Rule, hit: Hit, provenance: Provenance) -> Finding:
    origin = hit.origin or provenance.of(hit.record)
    if origin is None:
        return Finding(
            "", 0, 0, rule.id, rule.severity, hit.message, field_path(hit.loc), hit.record
        )
    line, column = origin.position(hit.loc)
    return Finding(
        origin.path,
        line,
        column,
        rule.id,
        rule.severity,
        hit.message,
        field_path(hit.loc),
        hit.record,
    )


def run_rules(
    dataset: Dataset,
    context: Context,
    select: Iterable[str] = (),
    ignore: Iterable[str] = (),
) -> list[Finding]:
    """Run every selected cross-record rule and return its findings.

    Findings are placed by ``context.provenance``; without one they have no file.
    """
    select, ignore = tuple(select), tuple(ignore)
    chosen = [r for r in RULES.values() if is_selected(r.id, select, ignore)]
    return _findings(chosen, dataset, context)


def _findings(rules: Iterable[Rule], dataset: Dataset, context: Context) -> list[Finding]:
    """The findings of ``rules`` (their hits placed by ``context.provenance``)."""
    findings: list[Finding] = []
    unbuilt = context.provenance.unbuilt
    for rule_ in rules:
        if rule_.func is None:
            continue
        hits = (hit for hit in rule_.func(dataset, context) if hit.about not in unbuilt)
        findings.extend(_finding(rule_, hit, context.provenance) for hit in hits)
    return findings


def _theme(shared: tuple[Dataset, Context], ids: tuple[str, ...]) -> tuple[float, list[Finding]]:
    """The rules ``ids`` (one theme's), and the CPU seconds they took."""
    dataset, context = shared
    start = time.process_time()
    # select matches by prefix: leave out rules whose ids extend a selected one
    longer = tuple(r for r in RULES if r not in ids and any(r.startswith(i + ".") for i in ids))
    found = run_rules(dataset, context, ids, longer)
    return time.process_time() - start, found


def costliest_first(themes: Iterable[str], seconds: Mapping[str, object]) -> list[str]:
    """``themes``, the ones the last run measured longest first, any it did not measure
    before them all (the scheduling of ``--jobs``: a long theme taken last would leave
    the other workers idle while it runs)."""

    def cost(theme: str) -> float:
        taken = seconds.get(theme)
        return -taken if isinstance(taken, int | float) else -float("inf")

    return sorted(themes, key=cost)


def _run_rules(
    dataset: Dataset, context: Context, select: Sequence[str], ignore: Sequence[str], jobs: int
) -> list[Finding]:
    """The rules' findings; with ``jobs`` > 1, one theme per task in forked workers.

    The rules are the largest stage left once files are built; each needs
    the whole Dataset, which forked workers inherit rather than receive. The
    rules of a theme (``dates.*``) share the tables they memoise in the run's
    index, so a theme is one task: split rule by rule, both workers made most
    of those tables. The themes are handed out costliest first, as measured
    by the last such run (kept in the user cache, :mod:`pakru.validate.cache`);
    findings are sorted afterwards, so the order changes none. A dataset of
    a chunk's records or fewer is checked in this process: its rules take
    less time than starting a worker. (``docs/performance.md``: jobs.)
    """
    if jobs <= 1 or len(dataset) <= workers.CHUNK:
        return run_rules(dataset, context, select, ignore)
    themes: dict[str, list[str]] = {}
    for rule in RULES.values():
        if rule.func is not None and is_selected(rule.id, select, ignore):
            themes.setdefault(rule.theme, []).append(rule.id)
    seconds = cache.read_json(TIMINGS)
    seconds = seconds if isinstance(seconds, dict) else {}
    order = costliest_first(themes, seconds)
    parts = workers.map_shared(_theme, (dataset, context), [tuple(themes[t]) for t in order], jobs)
    seconds.update((theme, took) for theme, (took, _) in zip(order, parts, strict=True))
    cache.write_json(TIMINGS, seconds)
    return [finding for _, found in parts for finding in found]


def validate(
    paths: Sequence[Path] | None = None,
    *,
    context: Context | None = None,
    select: Iterable[str] = (),
    ignore: Iterable[str] = (),
    jobs: int = 1,
    incremental: bool = False,
    cached: bool = False,
) -> list[Finding]:
    """Every finding for the records under ``paths``, sorted by file and line: :func:`check`."""
    return check(
        paths,
        context=context,
        select=select,
        ignore=ignore,
        jobs=jobs,
        incremental=incremental,
        cached=cached,
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
    cached: bool = False,
) -> Checked:
    """Every finding for the records under ``paths``, sorted by file and line.

    With ``incremental``, ``paths`` are record files inside records trees:
    each whole tree is loaded (so references resolve and cross-record rules
    see every record), and only findings on those files, on files whose
    records refer to them, or on the tree's ``VERSION`` and
    ``withdrawn.json`` are returned. A file outside any records tree is
    checked on its own.

    With ``cached``, a records tree's files whose text did not change since
    the last cached run are not parsed or built again: their records come
    from the user cache (:class:`~pakru.validate.cache.RecordCache`). The
    rules still run on the whole tree, so the findings are the uncached run's.
    """
    select, ignore = tuple(select), tuple(ignore)
    given = trees(paths) if incremental and paths else None
    index = Index()  # this run's own
    # With --jobs the rules run in forked workers, each of which would gather every
    # record's facts again; gathered while the file workers parse, the table is
    # inherited. (With --select of rules that read no facts, that work is wasted:
    # at 10,000 records about 0.15 s of CPU, beside the file workers.)
    roots = list(given) if given else paths
    store = None
    if cached and roots and len(roots) == 1 and roots[0].is_dir():
        store = cache.RecordCache.open(roots[0])
    loaded = load_dataset(
        roots, jobs=jobs, index=index if jobs > 1 and store is None else None, cache=store
    )
    if store is not None:
        store.save()
    context = replace(context or Context(), provenance=loaded.provenance, index=index)
    if store is not None:
        every = sum(r.func is not None for r in RULES.values())

        def rules_run(chosen: Sequence[Rule], dataset: Dataset, context: Context) -> list[Finding]:
            if len(chosen) == every and dataset is loaded.dataset:  # the whole run: --jobs
                return _run_rules(dataset, context, (), (), jobs)
            return _findings(chosen, dataset, context)

        # every rule, whatever --select says: the state kept for the next run holds them all
        again = rerun(loaded, context, store, rules_run)
        found = [*loaded.findings, *again.findings]
    else:
        found = [*loaded.findings, *_run_rules(loaded.dataset, context, select, ignore, jobs)]
    if given:
        cwd = Path.cwd().resolve()
        shown = {shown_path(f, None, cwd) for files in given.values() for f in files}
        if store is not None:
            keep = referring(again.files, shown)
        else:
            keep = touching(loaded.provenance, shown)
        keep |= set(loaded.manifest_files)
        found = [f for f in found if f.path in keep]
    return Checked(filter_findings(found, select, ignore), loaded.files)


__all__ = ["Checked", "check", "costliest_first", "run_rules", "validate"]
