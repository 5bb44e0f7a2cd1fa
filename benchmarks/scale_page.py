"""The scale section of ``docs/performance.md``, from ``benchmarks/scale.py --json``.

``benchmarks/page.py`` calls :func:`section` with the committed
``benchmarks/scale.json``; every figure comes from it, the words are this
module's.
"""

from typing import Any

FORMAT = 1
"""Layout of ``benchmarks/scale.json`` this module reads (``benchmarks/scale.py`` writes it)."""

EXPORTS = ("json", "jsonl", "csv", "sqlite", "datapackage", "parquet")


class ScaleFormatError(ValueError):
    """The scale JSON is not of the layout this module reads."""


def check(scale: dict[str, Any]) -> None:
    """Raise :class:`ScaleFormatError` unless ``scale`` has the current layout."""
    if scale.get("format") != FORMAT:
        raise ScaleFormatError(f"scale format {scale.get('format')!r}, expected {FORMAT}")
    need = {"date", "machine", "load_before", "load_after", "install", "sizes", "startup"}
    need |= {"memory", "growth"}
    missing = sorted(need - set(scale))
    for n, row in scale.get("sizes", {}).items():
        missing += [f"sizes.{n}.{k}" for k in ("load", "coverage") if k not in row]
    if not scale.get("sizes"):
        missing.append("sizes")
    if missing:
        raise ScaleFormatError("scale.json missing: " + ", ".join(missing))


def site_rows(scale: dict[str, Any]) -> list[tuple[str, dict[str, Any]]]:
    """The site's figures by size: ``sizes.N.site``, or a top-level ``site`` section keyed by
    N (the site benchmark's own run, laid over the other steps' figures)."""
    found = {n: row["site"] for n, row in scale["sizes"].items() if "site" in row}
    found.update({str(n): row for n, row in scale.get("site", {}).items()})
    return sorted(found.items(), key=lambda kv: int(kv[0]))


def _site_row(n: str, s: dict[str, Any], records: bool) -> str:
    row = (
        f"| {_n(n)} | {_s(s['cpu'])} | {_s(s['wall'])} | {_mib(s['rss_mib'])} | "
        f"{s['pages']:,} | {s['index_bytes'] / 2**20:.1f} MiB in {s['index_files']} "
        f"file(s) | {s['largest_index_bytes'] / 2**20:.1f} MiB |"
    )
    if records:
        if "record_index_bytes" in s:
            row += (
                f" {s['record_index_bytes'] / 2**20:.1f} MiB in {s['record_index_files']} "
                f"file(s) | {s['largest_record_index_bytes'] / 2**20:.2f} MiB |"
            )
        else:
            row += " — | — |"
    return row


def _search_lines(n: str, s: dict[str, Any]) -> list[str]:
    q = s.get("search", {})
    load = (
        f" (load average {s['load_before']} before the build, {s['load_after']} after)"
        if "load_before" in s
        else ""
    )
    if "second_query_s" not in q:
        return ["", f"Search at {_n(n)} records not measured: {q.get('skipped')}."] if q else []
    words = (
        f"Search at {_n(n)} records in headless Chromium{load}: the page loads in "
        f"{_s(q['page_load_s'])}; the first query shows results after "
        f"{_s(q['first_query_s'])} (its index fetched), a second after "
        f"{_s(q['second_query_s'])}"
    )
    if "prose_query_s" in q:
        words += f", and a word of the prose pages after {_s(q['prose_query_s'])}"
    if "queries" in q:
        words += " (queries: " + ", ".join(f"“{x}”" for x in q["queries"]) + ")"
    return ["", words + "."]


def _n(n: str | int) -> str:
    return f"{int(n):,}"


def _s(seconds: float) -> str:
    return f"{seconds:.2f} s" if seconds < 100 else f"{seconds:,.0f} s"


def _ms(seconds: float) -> str:
    return f"{seconds * 1000:.0f} ms"


def _mib(n: float) -> str:
    return f"{n:,.0f} MiB"


def _yes(ok: bool | None) -> str:
    return "yes" if ok else ("not measured" if ok is None else "**no**")


def targets(scale: dict[str, Any]) -> list[tuple[str, str, bool | None]]:
    """``(target, measured, met)`` for every figure issue 28 asks for."""
    out: list[tuple[str, str, bool | None]] = []
    grown = scale["growth"]
    over = [g for g in grown if not g["ok"]]
    worst = max(grown, key=lambda g: g["ratio"], default=None)
    if worst is not None:
        where = f"{worst['step']}, {_n(worst['from'])} → {_n(worst['to'])}"
        shown = f"worst x{worst['ratio']:.2f} ({where})"
        out.append(("every step: x10 records ≤ x11 time", shown, not over))
    sizes = scale["sizes"]
    sites = {int(n): row for n, row in site_rows(scale)}
    if 1000 in sites and 10000 in sites:
        ratio = sites[10000]["cpu"] / sites[1000]["cpu"]
        out.append(("site at 10,000 < 10x the 1,000-record build", f"x{ratio:.2f} CPU", ratio < 10))
    else:
        out.append(("site at 10,000 < 10x the 1,000-record build", "not built at both sizes", None))
    search = sites.get(10000, {}).get("search", {})
    if "second_query_s" in search:
        ok = search["second_query_s"] <= 1.0
        out.append(
            (
                "search answers in Chromium within a second at 10,000",
                f"{_s(search['second_query_s'])} (first query, index loading: "
                f"{_s(search['first_query_s'])})",
                ok,
            )
        )
    else:
        out.append(("search answers in Chromium within a second at 10,000", "not measured", None))
    m = scale["memory"]
    if m.get("validate_mib") is None:
        out.append(
            (f"`pakru validate` memory ≤ 1.1x `load()` at {_n(m['n'])}", "not measured", None)
        )
    else:
        ratio = m["validate_mib"] / m["load_mib"]
        out.append(
            (
                f"`pakru validate` memory ≤ 1.1x `load()` at {_n(m['n'])}",
                f"x{ratio:.2f} ({_mib(m['validate_mib'])} / {_mib(m['load_mib'])})",
                ratio <= 1.1,
            )
        )
    ratio = m["to_pandas_mib"] / m["load_mib"]
    out.append(
        (
            f"`to_pandas()` ≤ 1.5x `load()`'s memory at {_n(m['n'])}",
            f"x{ratio:.2f} ({_mib(m['to_pandas_mib'])} / {_mib(m['load_mib'])})",
            ratio <= 1.5,
        )
    )
    s = scale["startup"]
    for name in ("version", "help"):
        cpu = s[f"{name}_cpu"]
        out.append(
            (
                f"`pakru --{name}` ≤ 50 ms",
                f"{_ms(cpu)} CPU ({_ms(s[f'{name}_wall'])} wall; a bare interpreter "
                f"{_ms(s['bare_cpu'])})",
                cpu <= 0.050,
            )
        )
    for n, row in sorted(sizes.items(), key=lambda kv: int(kv[0])):
        e = row.get("exports", {})
        singles = [e[f]["step_cpu"] for f in EXPORTS if f in e]
        if "all" in e and singles:
            ratio = e["all"]["step_cpu"] / max(singles)
            out.append(
                (
                    f"`--format all` ≤ 1.5x the slowest format at {_n(n)}",
                    f"x{ratio:.2f} ({_s(e['all']['step_cpu'])} / {_s(max(singles))})",
                    ratio <= 1.5,
                )
            )
    return out


def section(scale: dict[str, Any], validator_date: str | None = None) -> list[str]:
    """The Markdown lines of the scale section (``validator_date``: when the validator's
    figures above it were taken, said so that neither run passes for the other)."""
    check(scale)
    lines = [
        "## As the corpus grows",
        "",
        *(
            [
                f"The sections above are `benchmarks/run.py`'s, taken {validator_date}; this "
                "one is `benchmarks/scale.py`'s, taken apart.",
                "",
            ]
            if validator_date
            else []
        ),
        f"Taken by `benchmarks/scale.py` on {scale['date']} ({scale['install']}; "
        f"load average {scale['load_before']} before, {scale['load_after']} after, on "
        f"{scale['machine']['cores']} cores). Each figure is one fresh process; *step* is "
        "the CPU seconds of the step itself, after `pakru.load()` in the same process.",
        "",
        "| target | measured | met? |",
        "|---|---|---|",
        *(f"| {name} | {measured} | {_yes(met)} |" for name, measured, met in targets(scale)),
        "",
        "### Steps by size (CPU seconds of the step; peak RSS of its process)",
        "",
        "Each cell is its own process: `pakru.load()` of the corpus, then the step alone, so "
        "no step's heap is counted in another's.",
        "",
    ]
    sizes = sorted(scale["sizes"].items(), key=lambda kv: int(kv[0]))
    lines += [
        "| step | " + " | ".join(_n(n) for n, _ in sizes) + " |",
        "|---|" + "---|" * len(sizes),
    ]

    def cell(row: dict[str, Any] | None, field: str = "step_cpu") -> str:
        return f"{_s(row[field])}, {_mib(row['rss_mib'])}" if row else "—"

    loads = " | ".join(cell(r["load"], "load_cpu") for _, r in sizes)
    lines.append(f"| `load()` | {loads} |")
    for_one = [n for n, r in sizes if r.get("one_process")]
    lines.append("| `coverage()` | " + " | ".join(cell(r["coverage"]) for _, r in sizes) + " |")
    for fmt in (*EXPORTS, "all"):
        cells = " | ".join(cell(r.get("exports", {}).get(fmt)) for _, r in sizes)
        lines.append(f"| export `{fmt}` | {cells} |")
    if for_one:
        shown = ", ".join(_n(n) for n in for_one)
        lines += [
            "",
            f"At {shown} records the machine was too busy to load the corpus once per step: "
            "one process loaded it, made the DataFrames, then the coverage (the RSS shown is "
            "the peak after each step); the exports and `pakru validate` were not measured "
            "there.",
        ]
    lines += ["", "### Growth, x10 records (bound: x11)", ""]
    lines += ["| step | from | to | time ratio per x10 | within |", "|---|---|---|---|---|"]
    lines += [
        f"| {g['step']} | {_n(g['from'])} | {_n(g['to'])} | x{g['ratio']:.2f} | {_yes(g['ok'])} |"
        for g in scale["growth"]
    ]
    sites = site_rows(scale)
    lines += ["", "### The site (`mkdocs build`)", ""]
    if sites:
        records = any("record_index_bytes" in s for _, s in sites)
        lines += [
            "| records | CPU | wall | peak RSS | pages | search index | largest index file |"
            + (" record search | largest record search file |" if records else ""),
            "|---|---|---|---|---|---|---|" + ("---|---|" if records else ""),
        ]
        lines += [_site_row(n, s, records) for n, s in sites]
        for n, s in sites:
            lines += _search_lines(n, s)
    else:
        lines.append("Not built in this run.")
    m = scale["memory"]
    lines += [
        "",
        f"### Memory at {_n(m['n'])} records (peak RSS)",
        "",
        f"`pakru.load()` {_mib(m['load_mib'])}; `pakru validate --jobs 1` "
        + (_mib(m["validate_mib"]) if m.get("validate_mib") is not None else "not measured")
        + f"; `load()` then `to_pandas()` {_mib(m['to_pandas_mib'])} "
        f"(`to_pandas()` itself {_s(m['to_pandas_cpu'])} CPU).",
        "",
    ]
    return lines


INCREMENTAL_FORMATS = (1, 2)
"""Layouts of ``benchmarks/incremental.json`` (``benchmarks/incremental.py`` writes it): in
format 1 the date, command and load averages are the file's, in format 2 each size's."""

INCREMENTAL_TARGET = 0.05
"""One edited file in the tree: at most this share of the full run (issue 28, point 3)."""


def _load(x: object) -> str:
    return " ".join(f"{v:.2f}" for v in x) if isinstance(x, list) else str(x)


def _maybe_s(seconds: object) -> str:
    return _s(seconds) if isinstance(seconds, int | float) else "—"


def incremental_section(data: dict[str, Any]) -> list[str]:
    """The Markdown lines of the section on ``pakru validate FILE``, from
    ``benchmarks/incremental.json``; a layout this module does not know is said so."""
    lines = ["## One edited file (`benchmarks/incremental.py`)", ""]
    if data.get("format") not in INCREMENTAL_FORMATS or not data.get("sizes"):
        return [
            *lines,
            f"Not shown: `benchmarks/incremental.json` is of format "
            f"{data.get('format')!r}, not one of {INCREMENTAL_FORMATS}.",
            "",
        ]
    rows = sorted(data["sizes"].items(), key=lambda kv: int(kv[0]))
    lines += [
        "CPU seconds of whole processes: `pakru validate` of the whole tree, then of one "
        "edited file with the cache filled by an earlier run (*file*), with an empty cache "
        "(*file, no cache*) and, where measured, of the whole tree again after that one edit "
        "(*tree*). Each size was taken as its row says, with the machine's load average "
        "(1, 5, 15 min) before and after.",
        "",
        "| records | full run | file, no cache | file | file / full | tree | tree / full "
        f"| ≤ {INCREMENTAL_TARGET}x? | taken | load before → after |",
        "|---:|---:|---:|---:|---:|---:|---:|---|---|---|",
    ]
    for n, row in rows:
        ratio = row["ratio"]
        taken = {**data, **row}  # format 1: the file's date, command and loads
        tree = (
            f"{_s(row['tree'])} | {row['tree_ratio']:.3f}x"
            if "tree" in row and "tree_ratio" in row
            else "— | —"
        )
        lines.append(
            f"| {_n(n)} | {_s(row['full'])} | {_maybe_s(row.get('file_uncached'))} "
            f"| {_s(row['file'])} | {ratio:.3f}x | {tree} | {_yes(ratio <= INCREMENTAL_TARGET)} "
            f"| {taken.get('date', '?')}, `{taken.get('command', 'benchmarks/incremental.py')}` "
            f"| {_load(taken.get('load_before', '?'))} → {_load(taken.get('load_after', '?'))} |"
        )
    return [*lines, ""]
