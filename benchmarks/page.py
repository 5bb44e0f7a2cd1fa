"""Write ``docs/performance.md`` from ``benchmarks/run.py --json``: ``python benchmarks/page.py``.

Every figure on the page comes from the JSON (by default the committed
``benchmarks/figures.json``); the words around them are this module's. So
the page is regenerated, never edited: ``tests/test_performance_page.py``
fails when the page differs from what this module makes of the committed
JSON, or when that JSON is not of the current :data:`FORMAT`.

    python benchmarks/run.py --sizes 10000,100000 --json benchmarks/figures.json
    python benchmarks/page.py
"""

import argparse
import json
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

if __package__ in (None, ""):  # run as a script: python benchmarks/page.py
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks import scale_page

FORMAT = 3
"""Version of the JSON layout that ``benchmarks/run.py`` writes and this module reads."""

HERE = Path(__file__).resolve().parent
FIGURES = HERE / "figures.json"
SCALE = HERE / "scale.json"
"""``benchmarks/scale.py --json``: the figures of the section on a growing corpus."""
INCREMENTAL = HERE / "incremental.json"
"""``benchmarks/incremental.py --json``: the figures of the section on one edited file."""
PAGE = HERE.parent / "docs" / "performance.md"

_KEYS = {
    "top": {
        *("format", "date", "command", "machine", "load_before", "load_after", "jobs"),
        *("load_parts", "elapsed", "corpus_bytes"),
    },
    "startup": {f"{n}_{k}" for n in ("bare", "import", "load") for k in ("wall", "cpu")},
    "size": {"mix", "stages", "processes"},
    "stages": {"csafe", "read", "parse", "models", "rules", "report"},
    "processes": {"csafe", "validate", "validate_jobs", "load", "clean"},
}


class FormatError(ValueError):
    """The JSON is not of the layout this module reads."""


def check(report: dict[str, Any]) -> None:
    """Raise :class:`FormatError` unless ``report`` has the current layout."""
    if report.get("format") != FORMAT:
        raise FormatError(f"format {report.get('format')!r}, expected {FORMAT}")
    missing = _KEYS["top"] - set(report)
    missing |= {f"startup.{k}" for k in _KEYS["startup"] - set(report.get("startup", {}))}
    for n, row in report.get("sizes", {}).items():
        missing |= {f"sizes.{n}.{k}" for k in _KEYS["size"] - set(row)}
        for part in ("stages", "processes"):
            missing |= {f"sizes.{n}.{part}.{k}" for k in _KEYS[part] - set(row.get(part, {}))}
    if not report.get("sizes"):
        missing.add("sizes")
    if missing:
        raise FormatError("missing: " + ", ".join(sorted(missing)))


def _n(n: str | int) -> str:
    return f"{int(n):,}"


def _ms(seconds: float) -> str:
    ms = seconds * 1000
    return f"{ms:.1f} ms" if ms < 10 else f"{ms:.0f} ms"


@dataclass(frozen=True)
class Target:
    """One target of the performance issue, as measured in ``report``."""

    name: str
    measured: str
    met: bool | None  # None: not measured in this run
    bound: str = ""


def _process(report: dict[str, Any], n: int) -> dict[str, Any] | None:
    row = report["sizes"].get(str(n))
    return row["processes"] if row else None


def _spread(figures: dict[str, Any], kind: str) -> str:
    """`` (rounds 0.81–1.10)``: the lowest and highest of the per-round ratios."""
    ratios = figures.get(f"ratios_{kind}")
    if not ratios or len(ratios) < 2:
        return ""
    return f" (median of {len(ratios)} rounds, {min(ratios):.2f}–{max(ratios):.2f})"


def _targets(report: dict[str, Any]) -> list[Target]:
    out: list[Target] = []
    jobs = report["jobs"]
    for n in (10_000, 100_000):
        p = _process(report, n)
        if p is None:
            out.append(Target(f"`pakru validate` ≤ 1.0x CSafeLoader at {_n(n)}", "not run", None))
            continue
        v = p["validate"]
        out.append(
            Target(
                f"`pakru validate` ≤ 1.0x CSafeLoader at {_n(n)}",
                f"{v['ratio_cpu']:.2f}x CPU{_spread(v, 'cpu')}, {v['ratio_wall']:.2f}x wall",
                v["ratio_cpu"] <= 1.0,
                "parse",
            )
        )
    for n in (10_000, 100_000):
        p = _process(report, n)
        if p is None:
            continue
        j = p["validate_jobs"]
        out.append(
            Target(
                f"`--jobs {jobs}` ≤ 0.7x CSafeLoader at {_n(n)} (wall)",
                f"{j['ratio_wall']:.2f}x wall{_spread(j, 'wall')}",
                j["ratio_wall"] <= 0.7,
                "jobs",
            )
        )
    small, large = _process(report, 10_000), _process(report, 100_000)
    if small and large:
        ours = large["validate"]["cpu"] / small["validate"]["cpu"]
        theirs = large["csafe"]["cpu"] / small["csafe"]["cpu"]
        out.append(
            Target(
                "10,000 → 100,000: time grows within 5 % of the parse's",
                f"x{ours:.2f} against x{theirs:.2f} (CPU): {100 * (ours / theirs - 1):+.0f} %",
                ours / theirs <= 1.05,
                "growth",
            )
        )
        memory = large["validate"]["rss_mib"] / large["load"]["rss_mib"]
        out.append(
            Target(
                "peak memory at 100,000 ≤ 1.1x `pakru.load()` of the same tree (whole processes)",
                f"{large['validate']['rss_mib']:,.0f} MiB against "
                f"{large['load']['rss_mib']:,.0f} MiB: {memory:.2f}x",
                memory <= 1.1,
                "memory",
            )
        )
    s = report["startup"]
    above = s["import_cpu"] - s["bare_cpu"]
    out.append(
        Target(
            "`import pakru` ≤ 30 ms above a bare interpreter (CPU)",
            f"{_ms(above)} above ({_ms(s['import_cpu'])} against {_ms(s['bare_cpu'])}; "
            f"wall {_ms(s['import_wall'])} against {_ms(s['bare_wall'])})",
            above <= 0.030,
            "import",
        )
    )
    out.append(
        Target(
            "`pakru.load()` of the shipped data ≤ 120 ms, whole process (CPU)",
            f"{_ms(s['load_cpu'])} CPU, {_ms(s['load_wall'])} wall",
            s["load_cpu"] <= 0.120,
            "load",
        )
    )
    return out


STAGES = ("read", "parse", "models", "rules")


def _bound_parse(report: dict[str, Any]) -> str:
    sizes = sorted(report["sizes"], key=int)
    sums = []
    for n in sizes:
        t = report["sizes"][n]["stages"]
        stages = sum(t[k] for k in STAGES)
        process = report["sizes"][n]["processes"]
        each = ", ".join(f"{k} {t[k] / t['csafe']:.2f}x" for k in STAGES)
        v, c = process["validate"], process["csafe"]
        system = (
            f", of which system time {v['sys']:.2f} s ({v['faults']:,} page faults) against "
            f"the parse's {c['sys']:.2f} s ({c['faults']:,})"
            if "sys" in v and "sys" in c
            else ""
        )
        sums.append(
            f"at {_n(n)} records {stages / t['csafe']:.2f}x in one process ({each}) "
            f"against {v['ratio_cpu']:.2f}x as a whole process{system}"
        )
    st = report["startup"]
    small = report["sizes"][sizes[0]]["processes"]["csafe"]["cpu"]
    models = st["schema_cpu"] - st["yaml_cpu"] if "schema_cpu" in st and "yaml_cpu" in st else 0.0
    return (
        "The stages, as multiples of the CSafeLoader parse of the same files: "
        + "; ".join(sums)
        + ". The whole process adds what the stages here leave out: start-up and imports "
        f"(pakru's models and pydantic alone take {_ms(models)} above PyYAML's import, "
        f"{models / small:.2f}x of the parse at {_n(sizes[0])} records; then the "
        "validator's own modules), listing the files and naming them for findings, "
        "reading the reports' texts, pydantic building its validators on first use, and "
        "the system time of first touching the memory the records take: the stages are "
        "timed at their best of the rounds, on memory already touched, and the parse, "
        "keeping one file at a time, needs little. "
        "`parse` beats PyYAML's own load: in a plain install (where `py-yaml12` has "
        "a wheel) a plain record file is read by that Rust parser behind screens "
        "that leave every file it could read differently to the libyaml pass. `models` "
        "is pydantic's validation in Rust. `rules` are the cross-record rules; they "
        "share one pass per record (the run's index, `validate/index.py`), and what "
        "remains is each "
        "rule's own loop over the records (the table of rules below says which cost most)."
    )


def _bound_jobs(report: dict[str, Any]) -> str:
    cores = int(report["machine"]["cores"])
    parts = []
    for n in sorted(report["sizes"], key=int):
        p = report["sizes"][n]["processes"]
        v, j, c = p["validate"], p["validate_jobs"], p["csafe"]
        best = j["cpu"] / cores
        parts.append(
            f"at {_n(n)} records `--jobs {report['jobs']}` used {j['cpu']:.2f} s of CPU in "
            f"all its processes, {j['cpu'] / v['cpu']:.2f}x the one-process run's "
            f"{v['cpu']:.2f} s; spread evenly over {cores} cores that is at best "
            f"{best:.2f} s, {best / c['wall']:.2f}x the parse's wall time, against "
            f"{j['wall']:.2f} s ({j['wall'] / c['wall']:.2f}x) measured"
        )
    said = "; ".join(parts)
    return (
        said[:1].upper() + said[1:] + ". The extra CPU is the price of working in "
        "processes: values sent between them, and a third busy process, since the main "
        "one builds each record and gathers its facts while the workers parse the next "
        "files. The rest of the gap is what runs in one process only: start-up and "
        "imports, listing the files, and the report. The machine was shared (load "
        f"average {report['load_before']} before, {report['load_after']} after the run), "
        "so a worker may not have had a free core."
    )


def _bound_growth(report: dict[str, Any]) -> str:
    small, large = (report["sizes"][str(n)] for n in (10_000, 100_000))
    rows = []
    for name, what in (("csafe", "the parse"), ("validate", "`pakru validate`")):
        a, b = small["processes"][name]["cpu"], large["processes"][name]["cpu"]
        rows.append(f"{what} {a / 10_000 * 1e6:.0f} → {b / 100_000 * 1e6:.0f} µs a record")
    a, b = small["stages"], large["stages"]
    return (
        "CPU per record, least of the rounds, as whole processes: "
        + "; ".join(rows)
        + ". In one process the same parse took "
        f"{a['csafe'] / 10_000 * 1e6:.0f} → {b['csafe'] / 100_000 * 1e6:.0f} µs a record and "
        f"the stages of validation {sum(a[k] for k in STAGES) / 10_000 * 1e6:.0f} → "
        f"{sum(b[k] for k in STAGES) / 100_000 * 1e6:.0f}. So the parse itself grew "
        f"x{_growth(small['processes']['csafe']['cpu'], large['processes']['csafe']['cpu'])} "
        f"as processes and x{_growth(a['csafe'], b['csafe'])} in one process in the same "
        "run; the target compares with the first, and the gap between the two is how "
        "much the machine's load moved."
    )


def _growth(small: float, large: float) -> str:
    return f"{large / small:.2f}"


def _mib(n: float) -> str:
    return f"{n / 2**20:,.1f} MiB"


def _bound_memory(report: dict[str, Any]) -> str:
    text = (
        "The comparison is against `pakru.load()` of the same tree in its own process: "
        "the records, their source texts and the interpreter. What validation adds is "
        "what the rules keep until the command ends: the shared per-record pass's table "
        "(the run's index, `validate/index.py`, named `validate/facts.py` when these "
        "figures were taken: every record's references, quotes and date intervals, "
        "gathered once for all rules, which is what brought the rules' CPU time down) and "
        "each rule's own indexes."
    )
    m = report.get("memory")
    if not m:
        return text + " No memory profile was taken in this run."
    per_record = m["rules_kept"] / m["n"]
    rows = "; ".join(f"`{r['module']}` {_mib(r['bytes'])}" for r in m["rows"][:6])
    return (
        f"{text} Under tracemalloc at {_n(m['n'])} records (Python's own allocations): "
        f"the loaded dataset holds {_mib(m['dataset'])}; the rules keep "
        f"{_mib(m['rules_kept'])} more ({per_record:,.0f} bytes a record; highest point "
        f"{_mib(m['rules_peak'])}), by module: {rows}: "
        f"{m['rules_kept'] / m['dataset']:.0%} of the dataset's own allocations."
    )


def _bound_import(_report: dict[str, Any]) -> str:
    return "`import pakru` imports nothing heavy; the figure is process start-up noise."


def _bound_load(report: dict[str, Any]) -> str:
    s = report["startup"]
    parts = []
    for key, what in (
        ("pydantic", "importing pydantic"),
        ("yaml", "importing PyYAML"),
        ("schema", "importing pakru's models (pydantic included)"),
    ):
        if f"{key}_cpu" in s:
            parts.append(f"{what} {_ms(s[f'{key}_cpu'] - s['bare_cpu'])}")
    measured = "; ".join(parts)
    lp = report["load_parts"]
    return (
        f"CPU time of a fresh process above a bare interpreter's: {measured}. "
        "`pakru.load()` of records it loaded before builds no validator: it computes the "
        "key of its user cache entry, a digest of the records folder, the models, the "
        f"loader and the library versions ({_ms(lp['digest'])}), and unpickles the records "
        f"validated by the load that wrote the entry ({_ms(lp['unpickle'])}), so importing "
        "pydantic and defining pakru's model classes (validators deferred) are nearly all "
        "of it. Every module is compiled before the timed runs, as pip compiles a wheel "
        "it installs."
    )


_BOUNDS: dict[str, Callable[[dict[str, Any]], str]] = {
    "parse": _bound_parse,
    "jobs": _bound_jobs,
    "growth": _bound_growth,
    "memory": _bound_memory,
    "import": _bound_import,
    "load": _bound_load,
}


def _rounds(report: dict[str, Any]) -> str:
    """How many rounds of processes each size had, and of the in-process stages."""
    sizes = []
    for n, row in sorted(report["sizes"].items(), key=lambda kv: int(kv[0])):
        ratios = row["processes"]["validate"].get("ratios_cpu")
        sizes.append(f"{len(ratios) if ratios else report.get('repeat', 1)} at {_n(n)}")
    return (
        f"processes: {', '.join(sizes)} records; in-process stages: "
        f"{report.get('repeat', 1)}; start-up: the least of several fresh processes"
    )


def _machine(report: dict[str, Any]) -> list[str]:
    m = report["machine"]
    return [
        "| | |",
        "|---|---|",
        f"| date | {report['date']} |",
        f"| command | `{report['command']}` |",
        f"| cores available | {m['cores']} ({m['cpu']}) |",
        f"| memory | {m['memory']} |",
        f"| Python | {m['python']}, PyYAML {m['pyyaml']} (libyaml: {m['libyaml']}), "
        f"py-yaml12 (part of a plain install): {m.get('py_yaml12', 'not recorded')} |",
        f"| platform | {m['platform']} |",
        f"| load average (1, 5, 15 min) | {report['load_before']} before, "
        f"{report['load_after']} after |",
        f"| rounds | {_rounds(report)} |",
        f"| the run took | {report['elapsed'] / 60:.0f} min, on corpora of "
        f"{report['corpus_bytes'] / 2**20:,.0f} MiB (generated once under /tmp/pakru-bench) |",
    ]


def _processes(report: dict[str, Any]) -> list[str]:
    jobs = report["jobs"]
    lines = [
        f"| N | CSafeLoader | validate `--jobs 1` | ratio | validate `--jobs {jobs}` | ratio "
        "| `pakru.load(DIR)` | peak memory (validate / load) |",
        "|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for n, row in sorted(report["sizes"].items(), key=lambda kv: int(kv[0])):
        p = row["processes"]
        c, v, j, ld = p["csafe"], p["validate"], p["validate_jobs"], p["load"]
        lines.append(
            f"| {_n(n)} | {c['cpu']:.2f} s CPU ({c['wall']:.2f} s wall) "
            f"| {v['cpu']:.2f} s ({v['wall']:.2f} s) "
            f"| **{v['ratio_cpu']:.2f}x** CPU, {v['ratio_wall']:.2f}x wall "
            f"| {j['cpu']:.2f} s ({j['wall']:.2f} s) "
            f"| {j['ratio_wall']:.2f}x wall "
            f"| {ld['cpu']:.2f} s ({ld['wall']:.2f} s) "
            f"| {v['rss_mib']:,.0f} / {ld['rss_mib']:,.0f} MiB |"
        )
    return lines


def _stages(report: dict[str, Any]) -> list[str]:
    names = ("read", "parse", "models", "rules", "report")
    lines = [
        "| N | CSafeLoader | " + " | ".join(names) + " |",
        "|---:|---:|" + "---:|" * len(names),
    ]
    for n, row in sorted(report["sizes"].items(), key=lambda kv: int(kv[0])):
        t = row["stages"]
        c = t["csafe"]
        cells = " | ".join(f"{t[k] / c:.2f}x" for k in names)
        lines.append(f"| {_n(n)} | {c:.3f} s ({int(n) / c:,.0f} rec/s) | {cells} |")
    return lines


def _mix(report: dict[str, Any]) -> list[str]:
    n, row = max(report["sizes"].items(), key=lambda kv: int(kv[0]))
    mix = sorted(row["mix"].items(), key=lambda kv: (-kv[1], kv[0]))
    return [
        f"The mix at {_n(n)} records:",
        "",
        "| " + " | ".join(k for k, _ in mix) + " |",
        "|" + "---:|" * len(mix),
        "| " + " | ".join(f"{v:,}" for _, v in mix) + " |",
    ]


def _rule_times(report: dict[str, Any]) -> list[str]:
    r = report.get("rule_times")
    if not r:
        return ["The rules were not timed one by one in this run."]
    lines = [
        f"Each rule alone at {_n(r['n'])} records, CPU, least of the rounds, in one "
        f"process; all of them and the shared pass: {r['total']:.2f} s. A rule that first "
        "builds an index later rules share is charged for it.",
        "",
        "| rule | CPU |",
        "|---|---:|",
    ]
    return lines + [f"| `{row['rule']}` | {row['cpu']:.3f} s |" for row in r["rows"]]


def _profile(report: dict[str, Any]) -> list[str]:
    profile = report.get("profile")
    if not profile:
        return ["No profile was taken in this run (`--no-profile`, or no size below 100,000)."]
    lines = [
        f"`validate` at {_n(profile['n'])} records in one process under cProfile, CPU time "
        f"({profile['date']}; cProfile slows Python calls more than C ones), the functions "
        "with the most time of their own:",
        "",
        "| function | calls | own time | with callees |",
        "|---|---:|---:|---:|",
    ]
    for row in profile["rows"]:
        name = row["function"].replace("|", "\\|")
        lines.append(
            f"| `{name}` | {row['calls']:,} | {100 * row['own_share']:.1f} % "
            f"| {100 * row['cumulative_share']:.1f} % |"
        )
    return lines


def _memory(report: dict[str, Any]) -> list[str]:
    m = report.get("memory")
    if not m:
        return []
    lines = [
        "### Memory the rules keep",
        "",
        f"Under tracemalloc at {_n(m['n'])} records, in one process: the dataset as loaded "
        f"holds {_mib(m['dataset'])} of Python allocations; running every rule adds "
        f"{_mib(m['rules_kept'])} that stays until the command ends (highest point "
        f"{_mib(m['rules_peak'])}). Where it was allocated:",
        "",
        "| module | kept |",
        "|---|---:|",
    ]
    lines += [f"| `{r['module']}` | {_mib(r['bytes'])} |" for r in m["rows"]]
    return [*lines, ""]


def render(
    report: dict[str, Any],
    scale: dict[str, Any] | None = None,
    incremental: dict[str, Any] | None = None,
) -> str:
    """The page for ``report`` (checked with :func:`check` first), ``scale`` and
    ``incremental`` (by default the committed :data:`SCALE` and :data:`INCREMENTAL`, when
    there are)."""
    check(report)
    if scale is None and SCALE.is_file():
        scale = json.loads(SCALE.read_text(encoding="utf-8"))
    if incremental is None and INCREMENTAL.is_file():
        incremental = json.loads(INCREMENTAL.read_text(encoding="utf-8"))
    try:
        scaled = scale_page.section(scale, report["date"]) if scale is not None else []
    except scale_page.ScaleFormatError as error:
        raise FormatError(str(error)) from None
    if incremental is not None:
        scaled += scale_page.incremental_section(incremental)
    targets = _targets(report)
    s = report["startup"]
    lines = [
        "<!-- Generated by benchmarks/page.py from benchmarks/figures.json"
        + (" and benchmarks/scale.json" if scale is not None else "")
        + (" and benchmarks/incremental.json" if incremental is not None else "")
        + "; do not edit. -->",
        "# Performance",
        "",
        "How long `pakru validate` takes against PyYAML's `CSafeLoader` merely parsing the "
        "same files, at 10,000 and 100,000 synthetic records, and which of the performance "
        "targets hold. Every figure on this page was written by `benchmarks/run.py --json` "
        "and turned into this page by `benchmarks/page.py`; none is typed by hand.",
        "",
        "## The machine and how the figures were taken",
        "",
        *_machine(report),
        "",
        "The machine may be **shared** with other jobs during the run "
        "(see the load average). So each process is timed by GNU `time` for wall-clock "
        "**and CPU seconds** (user + system), and the processes run in *rounds*: in each "
        "round the CSafeLoader baseline, `pakru validate --jobs 1`, `--jobs N` and "
        "`pakru.load(DIR)` run one after another, and each ratio is taken within its "
        "round, then the median over rounds is shown. CPU time is the figure to compare "
        "for one process; wall time is the only fair one for `--jobs`, whose CPU time is "
        "summed over its workers. The stages in one process are CPU seconds, the least of "
        "the rounds, with the collector paused as the command pauses it. Instruction "
        "counters (`perf stat`) are not available on this virtual machine.",
        "",
        "## Targets",
        "",
        "| target | measured | met? |",
        "|---|---|---|",
        *(
            f"| {t.name} | {t.measured} | "
            f"{'yes' if t.met else ('not measured' if t.met is None else '**no**')} |"
            for t in targets
        ),
        "",
    ]
    missed = [t for t in targets if t.met is False]
    if missed:
        lines += ["### What bounds the missed targets", ""]
        seen: set[str] = set()
        for t in missed:
            if t.bound in seen:
                continue
            seen.add(t.bound)
            lines += [f"- **{t.name}** — {_BOUNDS[t.bound](report)}"]
        lines += ["", "#### The rules' time", "", *_rule_times(report), ""]
        lines += ["", "#### Profile", "", *_profile(report), ""]
    lines += [
        "## Results",
        "",
        "### `pakru validate DIR` end to end, as processes",
        "",
        "Each side is a whole process (interpreter start-up included); the CSafeLoader "
        "side is `python -c` loading every record file with `yaml.load(..., "
        "Loader=yaml.CSafeLoader)`.",
        "",
        *_processes(report),
        "",
        "### Stages in one process",
        "",
        "CPU seconds of each stage over the same files, as multiples of the CSafeLoader "
        "parse in the same process.",
        "",
        *_stages(report),
        "",
        "### Start-up",
        "",
        f"Fresh processes, least of the rounds, CPU (wall): a bare interpreter "
        f"{_ms(s['bare_cpu'])} ({_ms(s['bare_wall'])}); `python -c 'import pakru'` "
        f"{_ms(s['import_cpu'])} ({_ms(s['import_wall'])}); `pakru.load()` of the shipped "
        f"records {_ms(s['load_cpu'])} ({_ms(s['load_wall'])}).",
        "",
        *_memory(report),
        *scaled,
        STATIC,
        *_mix(report),
        "",
        STATIC_END,
    ]
    return "\n".join(lines) + "\n"


STATIC = """\
## How to reproduce

The figures are for a plain `pip install pakru`, which takes `py-yaml12` where
it has a wheel (CPython on x86-64 and ARM64 Linux, macOS and Windows): without
it every file takes the libyaml route and `parse` costs more. How long the run
took, and how much disk its corpora need, is in the first table.

```sh
pip install -e .           # a plain install; or the README's test set-up
python benchmarks/generate.py --records 10000 --out /tmp/corpus   # any N, --seed for another
pakru validate /tmp/corpus                                       # "No findings."
python benchmarks/run.py --sizes 10000,100000 --json benchmarks/figures.json
python benchmarks/scale.py --search --json benchmarks/scale.json  # the growing corpus
python benchmarks/page.py                     # this page, from both JSON files
python benchmarks/run.py --quick              # N = 200, one round: the CI's smoke run
```

## What makes it fast

Every trick sits behind one named seam and names the target above that it
moves (in its docstring too); a trick that moved none was deleted. The
targets, shortened: **validate** (`pakru validate` ≤ 1.0x CSafeLoader),
**jobs** (`--jobs 2` ≤ 0.7x), **growth** (10,000 → 100,000 within 5 %),
**memory** (peak ≤ 1.1x `pakru.load()`), **load** (`pakru.load()` of the
shipped data ≤ 120 ms) and **import** (`import pakru` ≤ 30 ms).

- **`parse()`** (`validate/parse.py`), the one entry to parsing — *validate,
  memory*. A clean file is read by the Rust parser of a plain install
  (`validate/rustyaml.py`) behind text screens that leave to libyaml every file
  it could read differently, else by a quick libyaml pass that records no
  position; anything to report goes to the position-keeping builder. A quick
  parse's positions are found again only when a finding needs them.
  `tests/properties/test_parse_quick.py` compares the routes.
- **`validate/workers.py`**, all the process plumbing. Forked workers inherit
  their items and the Dataset instead of receiving them, their results come
  back marshalled when plain, and rule workers freeze what they inherit
  (`gc.freeze`) — *jobs*. The cyclic collector is paused while records are
  built and while the command runs — *growth, validate*. The command ends
  without freeing what it built (`exit_now`) — *validate*.
- **`Index`** (`validate/index.py`), one per run — *validate, memory, jobs*.
  Each record is walked once for every rule (references, quotes, cited
  sources, date intervals), tables several rules share are made once per run
  (`memo`), field paths are interned; with `--jobs` the facts are gathered
  while the file workers parse.
- **`validate/run.py`**, running the rules — *jobs*. With `--jobs`, a theme of
  rules per forked worker, the costliest first as the last such run measured
  (kept in the user cache); a tree of 200 records or fewer is checked in one
  process.
- **Reading** (`validate/read.py`, `validate/load.py`) — *validate*. Folders
  are listed with `os.scandir`, a file costing a `stat` only when it is a link;
  a file is read with `os.read` sized by `fstat`; the folders of the names
  findings give are resolved once each.
- **The rules' shortcuts** (`validate/derive/text.py`, `rules/supports.py`,
  `rules/evidence.py`, `index.field_or`) — *validate*. A country's pattern is
  searched only when one of its spellings occurs; what a kind of record's
  `supports` lists name is computed once per list; a field a kind lacks is
  answered without an exception. Property tests compare each with the plain
  computation.
- **The act coding policy** (`pakru.acts.policy`) — *validate*. Each distinct quote
  is split and coded once; a trigger is skipped when none of the words it
  needs occurs.
- **`Origin`** (`validate/provenance.py`) — *memory*. One slotted object of
  strings per record, no `Path`.
- **The user cache** (`validate/cache.py`) — *load*. `pakru.load()` of records
  it loaded before unpickles them, validated, from the user cache folder
  (`PAKRU_CACHE_DIR`, else `~/.cache/pakru` or the platform's), keyed by a
  digest of the records, the models, the loader and the library versions:
  nothing to rebuild by hand, and safe to delete.
- **Models and start-up** (`schema/base.py`, `pakru/__init__.py`) — *load,
  import*. Validators are built on first use (`defer_build`); field
  descriptions come from a generated module; `import pakru` imports nothing
  heavy.
- **The command line's light paths** (`pakru/cli/__init__.py`) — issue 28's
  `--version` and `--help` ≤ 50 ms. `pakru --help` lists the commands from one
  table (`COMMANDS`, whose lines the commands' modules register too) and
  imports none of their modules; a command imports its own module only;
  `--version` reads `VERSION` with `os` alone. Tests compare the help with the
  full parser's and the version with the package's own look-ups.
- **One encoding per table** (`export/model.py`, `csv_.py`, `json_.py`,
  `sqlite.py`) — issue 28's `--format all` ≤ 1.5x the slowest format. The
  tables are built once; each column's values are listed once for CSV, SQLite
  and Parquet; a table's CSV text serves both `csv` and `datapackage` and its
  JSON lines both `json` and `jsonl` (by the C encoder: a JSON file is an
  array of one row a line). Tests compare each column encoder with the
  per-value function and `--format all`'s files with each format's own.

## The synthetic corpus

`benchmarks/corpus.py` builds records shaped like the real ones, in clusters,
one per dialogue series: the series body and one ministry per side, two people
per side with titles at their ministry, 3–8 held meetings a year apart and one
planned meeting announced at the last of them, sometimes meetings outside the
series, an agreement, an exercise and a conflict. Each held meeting has its own
report, and the report's text contains every quote that cites it. `pakru
validate` reports every generated corpus clean (the benchmark checks this on
each run).
"""

STATIC_END = """\
## Property tests and the mutation catalogue

The tests live in `tests/properties/` and run in CI;
`HYPOTHESIS_PROFILE=thorough` runs ten times as many examples.

- `strategies.py` has a Hypothesis strategy for each record kind, and
  `datasets()` builds whole valid corpora.
- Every record the models accept is accepted by the committed JSON Schema
  under the independent `jsonschema` validator, and records generated from the
  schema are accepted by the models, with two documented exceptions.
- Dumping a record to YAML and reading it back gives the same model.
- Generated datasets are valid by an independent oracle (`oracle.py`) and by
  `validate()`.
- The mutation catalogue (`test_mutations.py`): each single mutation of a valid
  dataset must make exactly one new rule id appear, the rule meant for it."""


def main(argv: list[str] | None = None) -> int:
    """Write the page from the JSON figures."""
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("figures", nargs="?", type=Path, default=FIGURES)
    p.add_argument("--out", type=Path, default=PAGE)
    args = p.parse_args(argv)
    report = json.loads(args.figures.read_text(encoding="utf-8"))
    try:
        page = render(report)
    except FormatError as error:
        print(f"{args.figures}: {error}; run benchmarks/run.py --json again", file=sys.stderr)
        return 1
    args.out.write_text(page, encoding="utf-8")
    print(f"wrote {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
