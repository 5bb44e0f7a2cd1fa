"""Benchmark pakru's validator against libyaml: ``python benchmarks/run.py``.

For each size N (default 1,000, 10,000 and 100,000 records; ``--quick`` for
200) it generates a corpus once (``benchmarks/generate.py``, cached under
``--data``), then times on the same files:

- as processes, interleaved (one of each per round, so each round's ratio
  compares runs made under the same load): parsing every file with PyYAML's
  ``CSafeLoader`` (the baseline), ``pakru validate DIR`` with ``--jobs 1`` and
  with ``--jobs`` = the cores available, and ``pakru.load(DIR)``;
- each stage in this process: read, parse, models, rules (Dataset + every
  registered rule), report, and the CSafeLoader parse again;
- start-up in fresh processes: a bare interpreter, ``import pakru``, and
  ``pakru.load()`` of the shipped dataset;
- a profile of the in-process stages at the largest size below 100,000.

Every timing is kept as wall-clock seconds and as CPU seconds (user +
system). The machine is often shared, so CPU time, and ratios within one
round, are the figures to compare; process ratios are medians over rounds.
``--json FILE`` writes everything, with the machine, its load and the date,
in the format ``benchmarks/page.py`` turns into ``docs/performance.md``.
"""

import argparse
import cProfile
import datetime as dt
import gc
import io
import json
import os
import platform
import pstats
import random
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import tracemalloc
from collections import Counter
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

import yaml  # noqa: E402 - after the path is set

from benchmarks import corpus  # noqa: E402
from benchmarks.page import FORMAT  # noqa: E402
from pakru.dataset import Dataset  # noqa: E402
from pakru.validate import rules as _rules  # noqa: E402, F401 - registers the rules
from pakru.validate.index import Index  # noqa: E402
from pakru.validate.load import load_dataset  # noqa: E402
from pakru.validate.models import Built, build_record  # noqa: E402
from pakru.validate.parse import Parsed, parse  # noqa: E402
from pakru.validate.provenance import Origin, Provenance  # noqa: E402
from pakru.validate.read import Text, collect, read_text  # noqa: E402
from pakru.validate.registry import Context  # noqa: E402
from pakru.validate.report import text as text_report  # noqa: E402
from pakru.validate.run import run_rules  # noqa: E402

PAKRU = [sys.executable, "-m", "pakru"]
TODAY = "2026-01-01"


def best(repeat: int, func: Callable[[], Any]) -> tuple[float, Any]:
    """Least CPU time (this process) of ``repeat`` runs, and the last result.

    The collector is paused as the ``pakru`` command pauses it.
    """
    times, result = [], None
    for _ in range(repeat):
        gc.collect()
        gc.disable()
        start = time.process_time()
        result = func()
        times.append(time.process_time() - start)
        gc.enable()
    return min(times), result


def run(args: list[str]) -> dict[str, Any]:
    """One process: wall and CPU seconds, peak RSS (MiB) and its output.

    CPU time is this process's children's (``getrusage``, microseconds) before
    and after; peak RSS comes from GNU ``time`` (``/usr/bin/time``), because
    ``ru_maxrss`` of children is a maximum over all of them, and a child
    forked from this process counts the benchmark's own memory until it execs.
    """
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    done = subprocess.run(
        ["/usr/bin/time", "-f", "%M", *args], capture_output=True, text=True, check=False, cwd=REPO
    )
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    *rest, rss = done.stderr.rstrip("\n").split("\n")
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return {
        "wall": wall,
        "cpu": cpu,
        "sys": after.ru_stime - before.ru_stime,
        "faults": after.ru_minflt - before.ru_minflt,
        "rss_mib": int(rss) / 1024,
        "out": done.stdout + "\n".join(rest),
    }


def dataset_dir(root: Path, n: int, seed: int) -> Path:
    out = root / f"n{n}-s{seed}"
    if not (out / ".complete").exists():
        print(f"  generating {n:,} records into {out} ...", flush=True)
        corpus.write(corpus.build(n, random.Random(seed)), out)  # noqa: S311 - not crypto
        (out / ".complete").write_text("", encoding="utf-8")
    return out


CSAFE = (
    "import sys, yaml\n"
    "from pathlib import Path\n"
    "files = sorted(p for p in Path(sys.argv[1]).rglob('*.yaml') if 'text' not in p.parts)\n"
    "for p in files: yaml.load(p.read_bytes(), Loader=yaml.CSafeLoader)\n"
)


def processes(directory: Path, rounds: int, jobs: int) -> dict[str, Any]:
    """Interleaved rounds of the baseline and pakru's processes; per-round ratios."""
    commands = {
        "csafe": [sys.executable, "-c", CSAFE, str(directory)],
        "validate": [*PAKRU, "validate", "--today", TODAY, str(directory), "--jobs", "1"],
        "validate_jobs": [
            *PAKRU,
            "validate",
            "--today",
            TODAY,
            str(directory),
            "--jobs",
            str(jobs),
        ],
        "load": [
            sys.executable,
            "-c",
            "import sys, pakru; pakru.load([sys.argv[1]])",
            str(directory),
        ],
    }
    runs: dict[str, list[dict[str, Any]]] = {name: [] for name in commands}
    for _ in range(rounds):
        for name, command in commands.items():
            runs[name].append(run(command))
    out: dict[str, Any] = {}
    for name, seen in runs.items():
        out[name] = {
            "wall": min(r["wall"] for r in seen),
            "cpu": min(r["cpu"] for r in seen),
            "rss_mib": max(r["rss_mib"] for r in seen),
            "sys": min(r["sys"] for r in seen),
            "faults": min(r["faults"] for r in seen),
        }
        if name != "csafe":
            base = runs["csafe"]
            for kind in ("wall", "cpu"):
                ratios = [r[kind] / b[kind] for r, b in zip(seen, base, strict=True)]
                out[name][f"ratio_{kind}"] = statistics.median(ratios)
                out[name][f"ratios_{kind}"] = ratios
    first = runs["validate"][0]["out"].strip()
    out["clean"] = first.endswith("No findings.") and all(
        r["out"] == runs["validate"][0]["out"] for r in runs["validate_jobs"]
    )
    out["output_tail"] = first[-300:]
    return out


def stages(directory: Path, repeat: int) -> dict[str, float]:
    """CPU seconds per in-process stage, least of ``repeat``."""
    files = collect([directory]).files
    t: dict[str, float] = {}
    t["csafe"], _ = best(
        repeat, lambda: [yaml.load(p.read_bytes(), Loader=yaml.CSafeLoader) for p in files]
    )
    t["read"], texts = best(repeat, lambda: [read_text(p, str(p)) for p in files])
    texts = [x for x in texts if isinstance(x, Text)]
    t["parse"], parsed = best(repeat, lambda: [parse(x) for x in texts])
    parsed = [x for x in parsed if isinstance(x, Parsed)]
    t["models"], built = best(repeat, lambda: [build_record(x) for x in parsed])
    origins = [
        Origin(b.record, b.parsed.path, b.parsed.path) for b in built if isinstance(b, Built)
    ]
    sources = {
        o.record.id: (directory / "sources" / "text" / o.record.file).read_text(encoding="utf-8")
        for o in origins
        if o.record.type == "source"
    }
    context = Context(today=dt.date.fromisoformat(TODAY), provenance=Provenance(origins))
    records = [o.record for o in origins]
    t["rules"], findings = best(  # each round a run of its own: a new index
        repeat, lambda: run_rules(Dataset(records, sources), replace(context, index=Index()))
    )
    t["report"], _ = best(repeat, lambda: text_report(sorted(findings)))
    return t


def profile(directory: Path, rows: int = 25) -> list[dict[str, Any]]:
    """The functions that take most time in ``validate`` in this process (cProfile, own time)."""
    from pakru.validate.run import validate  # noqa: PLC0415

    context = Context(today=dt.date.fromisoformat(TODAY))
    for path in collect([directory]).files:  # in the page cache, as for the timed runs
        path.read_bytes()
    profiler = cProfile.Profile(time.process_time)
    gc.disable()
    profiler.runcall(validate, [directory], context=context)
    gc.enable()
    stats = pstats.Stats(profiler, stream=io.StringIO())
    total = sum(v[2] for v in stats.stats.values())  # type: ignore[attr-defined]
    top = sorted(stats.stats.items(), key=lambda kv: kv[1][2], reverse=True)[:rows]  # type: ignore[attr-defined]
    out = []
    for (file, line, name), (_, calls, own, cumulative, _) in top:
        where = Path(file).name if file != "~" else ""
        out.append(
            {
                "function": f"{where}:{line}({name})" if where else name,
                "calls": calls,
                "own_share": own / total,
                "cumulative_share": cumulative / total,
            }
        )
    return out


COMPILE = (
    "import compileall, os, pakru, yaml\n"
    "for module in (pakru, yaml):\n"
    "    compileall.compile_dir(os.path.dirname(module.__file__), quiet=1)\n"
)


def compile_all() -> None:
    """Compile every module of pakru (and PyYAML), as pip compiles a wheel it installs.

    With ``PYTHONDONTWRITEBYTECODE`` set (as on some CI machines), every timed
    process would otherwise compile the modules it imports: ``pakru validate``
    imports some sixty that ``pakru.load()`` of the shipped data never does.
    """
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    subprocess.run([sys.executable, "-c", COMPILE], check=True, cwd=REPO, env=env)


def rule_times(directory: Path, repeat: int, rows: int = 12) -> dict[str, Any]:
    """CPU seconds of each cross-record rule (least of ``repeat``), and of gathering the
    shared per-record pass (``validate/index.py``) that they read, in this process."""
    from pakru.validate.registry import RULES  # noqa: PLC0415

    loaded = load_dataset([directory])
    today = dt.date.fromisoformat(TODAY)
    times: dict[str, float] = {}
    for _ in range(repeat):
        # a run of its own: a new index, and a new dataset for whatever is kept per dataset
        dataset = Dataset(loaded.dataset.records, dict(loaded.dataset.texts))
        index = Index()
        context = Context(today=today, provenance=loaded.provenance, index=index)
        gc.collect()
        gc.disable()
        start = time.process_time()
        for record in dataset.records:
            index.facts(record)
        times["(gathering the facts)"] = min(
            times.get("(gathering the facts)", 1e9), time.process_time() - start
        )
        for rule_ in RULES.values():
            if rule_.func is None:
                continue
            start = time.process_time()
            list(rule_.func(dataset, context))
            took = time.process_time() - start
            times[rule_.id] = min(times.get(rule_.id, took), took)
        gc.enable()
    top = sorted(times.items(), key=lambda kv: kv[1], reverse=True)
    return {
        "n": len(loaded.dataset.records),
        "total": sum(times.values()),
        "rows": [{"rule": k, "cpu": v} for k, v in top[:rows]],
    }


def memory(directory: Path, rows: int = 10) -> dict[str, Any]:
    """What validation holds beyond the loaded dataset, under tracemalloc, by module.

    Python's own allocations only (not the interpreter, not freed pages it
    keeps): the dataset as ``load_dataset`` leaves it (records, report texts,
    provenance), then what the rules keep on top of it until the command
    ends (the shared per-record pass's table, each rule's indexes), and the
    highest point while they ran.
    """
    context_today = dt.date.fromisoformat(TODAY)
    gc.collect()
    gc.disable()
    tracemalloc.start(2)  # two frames: a named tuple's __new__ is "<string>", its caller names it
    loaded = load_dataset([directory])
    dataset_bytes, _ = tracemalloc.get_traced_memory()
    before = tracemalloc.take_snapshot()
    tracemalloc.reset_peak()
    context = Context(today=context_today, provenance=loaded.provenance)
    run_rules(loaded.dataset, context)
    current, peak = tracemalloc.get_traced_memory()
    after = tracemalloc.take_snapshot()
    tracemalloc.stop()
    gc.enable()
    by_file: Counter[str] = Counter()
    for stat in after.compare_to(before, "traceback"):
        # the most recent frame that is not a named tuple's generated __new__
        frames = [f for f in stat.traceback if f.filename != "<string>"] or list(stat.traceback)
        name = Path(frames[-1].filename)
        parts = name.parts
        where = "/".join(parts[parts.index("pakru") + 1 :]) if "pakru" in parts else name.name
        by_file[where] += stat.size_diff
    return {
        "n": len(loaded.dataset.records),
        "dataset": dataset_bytes,
        "rules_kept": current - dataset_bytes,
        "rules_peak": peak - dataset_bytes,
        "rows": [{"module": k, "bytes": v} for k, v in by_file.most_common(rows)],
    }


LOAD_PARTS = (
    "import time\n"
    "from pakru.tools.tree import shipped_records\n"
    "from pakru.validate import cache\n"
    "records = shipped_records()\n"
    "a = time.process_time(); key = cache.digest(records)\n"
    "entry = cache.folder() / f'dataset-{key}.pickle'\n"
    "b = time.process_time(); found = cache._read(entry, key)\n"
    "c = time.process_time(); assert found is not None, 'no cache entry'\n"
    "print(b - a, c - b)\n"
)


def load_parts() -> dict[str, float]:
    """CPU seconds of ``pakru.load()``'s own work on a hit: the key, and unpickling the entry."""
    env = {**os.environ, "PAKRU_CACHE_DIR": tempfile.mkdtemp(prefix="pakru-bench-cache-")}
    prime = "from pakru import loading; loading._load_default()"  # writes the entry
    subprocess.run([sys.executable, "-c", prime], check=True, cwd=REPO, env=env)
    done = subprocess.run(
        [sys.executable, "-c", LOAD_PARTS],
        capture_output=True,
        text=True,
        check=True,
        cwd=REPO,
        env=env,
    )
    shutil.rmtree(env["PAKRU_CACHE_DIR"])
    digest, unpickle = (float(x) for x in done.stdout.split())
    return {"digest": digest, "unpickle": unpickle}


def startup(repeat: int) -> dict[str, float]:
    """Whole fresh processes, least wall and CPU seconds of ``repeat``."""
    code = {
        "bare": "pass",
        "import": "import pakru",
        "load": "import pakru; pakru.load()",
        # what bounds load(): the libraries it needs, and the models
        "pydantic": "from pydantic import BaseModel, Field, TypeAdapter",
        "yaml": "import yaml",
        "schema": "import pakru.schema",
    }
    compile_all()
    out: dict[str, float] = {}
    for _ in range(repeat):
        for name, source in code.items():
            r = run([sys.executable, "-c", source])
            for kind in ("wall", "cpu"):
                key = f"{name}_{kind}"
                out[key] = min(out.get(key, r[kind]), r[kind])
    return out


def machine() -> dict[str, str]:
    """What the figures were measured on, and how busy it was."""
    mem = subprocess.run(["free", "-h"], capture_output=True, text=True, check=False).stdout
    total = next((line.split()[1] for line in mem.splitlines() if line.startswith("Mem:")), "?")
    cpuinfo = Path("/proc/cpuinfo")
    names = [
        line.split(":", 1)[1].strip()
        for line in (cpuinfo.read_text().splitlines() if cpuinfo.exists() else [])
        if line.startswith("model name")
    ]
    return {
        "cores": str(len(os.sched_getaffinity(0))),
        "cpu": names[0] if names else platform.processor() or "?",
        "memory": total,
        "python": platform.python_version(),
        "pyyaml": yaml.__version__,
        "libyaml": str(yaml.__with_libyaml__),
        "py_yaml12": _version("py-yaml12"),
        "platform": platform.platform(),
    }


def _version(dist: str) -> str:
    """The installed version of ``dist``, or "not installed" (the fast extra is optional)."""
    import importlib.metadata  # noqa: PLC0415

    try:
        return importlib.metadata.version(dist)
    except importlib.metadata.PackageNotFoundError:
        return "not installed"


def _now() -> str:
    return dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M UTC")


def _load() -> str:
    return " ".join(f"{x:.2f}" for x in os.getloadavg())


def _print_size(n: int, row: dict[str, Any]) -> None:
    t, p = row["stages"], row["processes"]
    print(f"\nN = {n:,}  ({'clean' if p['clean'] else 'FINDINGS: ' + p['output_tail']})")
    print(f"  {'in-process stage (CPU)':<30}{'seconds':>9}{'records/s':>12}{'x CSafe':>9}")
    for name in ("csafe", "read", "parse", "models", "rules", "report"):
        rate = f"{n / t[name]:>12,.0f}" if t[name] > 1e-3 else f"{'-':>12}"
        print(f"  {name:<30}{t[name]:>9.3f}{rate}{t[name] / t['csafe']:>9.2f}")
    print(f"  {'process':<30}{'wall s':>9}{'CPU s':>12}{'x CSafe wall/CPU':>18}{'MiB':>7}")
    for name in ("csafe", "validate", "validate_jobs", "load"):
        r = p[name]
        ratio = f"{r['ratio_wall']:.2f} / {r['ratio_cpu']:.2f}" if name != "csafe" else "1"
        print(f"  {name:<30}{r['wall']:>9.2f}{r['cpu']:>12.2f}{ratio:>18}{r['rss_mib']:>7.0f}")


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark and print the table."""
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--sizes", default="1000,10000,100000", help="comma-separated N")
    p.add_argument("--quick", action="store_true", help="N=200 only, one round (smoke test)")
    p.add_argument("--repeat", type=int, default=3, help="rounds of every measurement")
    p.add_argument("--seed", type=int, default=0)
    p.add_argument("--data", type=Path, default=Path(tempfile.gettempdir()) / "pakru-bench")
    p.add_argument("--json", type=Path, default=None, help="also write the figures here")
    p.add_argument("--no-profile", action="store_true", help="skip the cProfile run")
    args = p.parse_args(argv)
    began = time.monotonic()
    sizes = [200] if args.quick else [int(s) for s in args.sizes.split(",")]
    repeat = 1 if args.quick else args.repeat
    jobs = len(os.sched_getaffinity(0))
    report: dict[str, Any] = {
        "format": FORMAT,
        "date": _now(),
        "command": " ".join(["benchmarks/run.py", *(argv if argv is not None else sys.argv[1:])]),
        "machine": machine(),
        "load_before": _load(),
        "jobs": jobs,
        "repeat": repeat,
        "startup": startup(max(repeat, 9)),  # cheap: the least of many is the steady figure
        "load_parts": load_parts(),
        "sizes": {},
    }
    print("machine:", ", ".join(f"{k} {v}" for k, v in report["machine"].items()))
    s = report["startup"]
    print(
        "start-up (wall, ms): bare {:.0f}, import pakru {:.0f}, pakru.load() {:.0f}".format(
            s["bare_wall"] * 1000, s["import_wall"] * 1000, s["load_wall"] * 1000
        )
    )
    for n in sizes:
        directory = dataset_dir(args.data, n, args.seed)
        row = {
            "mix": dict(Counter(p.parent.name for p in collect([directory]).files)),
            "stages": stages(directory, repeat),
            # more rounds where they are cheap: one round's ratio moves with the load
            "processes": processes(directory, repeat if n >= 100_000 else max(repeat, 5), jobs),
        }
        report["sizes"][str(n)] = row
        _print_size(n, row)
    below = [n for n in sizes if n < 100_000]
    if not args.no_profile and not args.quick and below:
        report["profile"] = {"n": max(below), "date": _now()}
        report["profile"]["rows"] = profile(dataset_dir(args.data, max(below), args.seed))
        report["memory"] = memory(dataset_dir(args.data, max(below), args.seed))
        report["rule_times"] = rule_times(dataset_dir(args.data, max(below), args.seed), repeat)
    report["load_after"] = _load()
    report["elapsed"] = time.monotonic() - began
    report["corpus_bytes"] = sum(
        entry.stat().st_size
        for n in sizes
        for entry in dataset_dir(args.data, n, args.seed).rglob("*")
        if entry.is_file()
    )
    if args.json:
        args.json.write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
