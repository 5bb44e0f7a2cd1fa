"""Benchmark pakru's validator against libyaml: ``python benchmarks/run.py``.

For each size N (default 1,000, 10,000 and 100,000 records; ``--quick`` for
200) it generates a corpus once (``benchmarks/generate.py``, cached under
``--data``), then times on the same files:

- parsing alone with PyYAML's ``CSafeLoader`` (the baseline);
- ``pakru validate DIR`` end to end as a process, with ``--jobs 1`` and with
  ``--jobs`` = the cores available;
- each stage in this process: read, parse, models, rules (Dataset + every
  registered rule), report;

and prints records/second, the ratio of end-to-end validation to the
CSafeLoader parse, and peak memory (max RSS of the validating process). It
also times ``import pakru`` and ``pakru.load()`` of the shipped dataset in
fresh processes. Timings are the best of ``--repeat`` runs.
"""

import argparse
import datetime as dt
import json
import os
import platform
import random
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

import yaml  # noqa: E402 - after the path is set

from benchmarks import corpus  # noqa: E402
from pakru.dataset import Dataset  # noqa: E402
from pakru.validate.models import Built, build  # noqa: E402
from pakru.validate.parse import Parsed, parse  # noqa: E402
from pakru.validate.pipeline import collect  # noqa: E402
from pakru.validate.provenance import Origin, Provenance  # noqa: E402
from pakru.validate.read import Text, read_text  # noqa: E402
from pakru.validate.registry import Context, run_rules  # noqa: E402
from pakru.validate.report import text as text_report  # noqa: E402

PAKRU = [sys.executable, "-m", "pakru"]
TODAY = "2026-01-01"


def best(repeat: int, func: Callable[[], Any]) -> tuple[float, Any]:
    """Fastest of ``repeat`` runs, and the last result."""
    times, result = [], None
    for _ in range(repeat):
        start = time.perf_counter()
        result = func()
        times.append(time.perf_counter() - start)
    return min(times), result


def process(args: list[str], repeat: int) -> tuple[float, int, str]:
    """Best wall time, peak RSS (KiB) of the validating process, and its output.

    The RSS comes from ``/usr/bin/time -f %M`` when it exists: ``wait4`` on a
    child forked from this process would count the benchmark's own memory,
    which the child shares until it execs.
    """
    timer = Path("/usr/bin/time")
    times, peak, out = [], 0, ""
    for _ in range(repeat):
        command = [str(timer), "-f", "%M", *args] if timer.exists() else args
        start = time.perf_counter()
        done = subprocess.run(command, capture_output=True, text=True, check=False, cwd=REPO)
        times.append(time.perf_counter() - start)
        out = done.stdout
        if timer.exists():
            *rest, rss = done.stderr.rstrip("\n").split("\n")
            peak = max(peak, int(rss))
            out += "\n".join(rest)
        else:  # pragma: no cover - only where GNU time is missing
            peak = max(peak, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)
            out += done.stderr
    return min(times), peak, out


def dataset_dir(root: Path, n: int, seed: int) -> Path:
    out = root / f"n{n}-s{seed}"
    if not (out / ".complete").exists():
        print(f"  generating {n:,} records into {out} ...", flush=True)
        corpus.write(corpus.build(n, random.Random(seed)), out)  # noqa: S311 - not crypto
        (out / ".complete").write_text("", encoding="utf-8")
    return out


def stages(directory: Path, repeat: int) -> dict[str, float]:
    """Seconds per in-process stage, best of ``repeat``."""
    files = list(collect([directory]))
    t: dict[str, float] = {}
    t["csafe"], _ = best(
        repeat, lambda: [yaml.load(p.read_bytes(), Loader=yaml.CSafeLoader) for p in files]
    )
    t["read"], texts = best(repeat, lambda: [read_text(p, str(p)) for p in files])
    texts = [x for x in texts if isinstance(x, Text)]
    t["parse"], parsed = best(repeat, lambda: [parse(x) for x in texts])
    parsed = [x for x in parsed if isinstance(x, Parsed)]
    t["models"], built = best(repeat, lambda: [build(x) for x in parsed])
    origins = [
        Origin(b.record, b.parsed.path, Path(b.parsed.path)) for b in built if isinstance(b, Built)
    ]
    sources = {
        o.record.id: (directory / "sources" / "text" / o.record.file).read_text(encoding="utf-8")
        for o in origins
        if o.record.type == "source"
    }
    context = Context(today=dt.date.fromisoformat(TODAY), provenance=Provenance(origins))
    records = [o.record for o in origins]
    t["rules"], findings = best(repeat, lambda: run_rules(Dataset(records, sources), context))
    t["report"], _ = best(repeat, lambda: text_report(sorted(findings)))
    return t


def startup(repeat: int) -> dict[str, float]:
    """``import pakru`` and ``pakru.load()`` of the shipped records, in fresh processes."""
    code = {
        "import": "import time; t=time.perf_counter(); import pakru; print(time.perf_counter()-t)",
        "load": "import time; t=time.perf_counter(); import pakru; pakru.load(); "
        "print(time.perf_counter()-t)",
    }
    out = {}
    for name, source in code.items():
        runs = [
            float(
                subprocess.run(
                    [sys.executable, "-c", source], capture_output=True, text=True, check=True
                ).stdout
            )
            for _ in range(repeat)
        ]
        out[name] = min(runs)
    return out


def machine() -> dict[str, str]:
    """What the figures were measured on."""
    mem = subprocess.run(["free", "-h"], capture_output=True, text=True, check=False).stdout
    total = next((line.split()[1] for line in mem.splitlines() if line.startswith("Mem:")), "?")
    return {
        "cores": str(len(os.sched_getaffinity(0))),
        "memory": total,
        "python": platform.python_version(),
        "pyyaml": yaml.__version__,
        "libyaml": str(yaml.__with_libyaml__),
        "platform": platform.platform(),
        "load": " ".join(f"{x:.2f}" for x in os.getloadavg()),
    }


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark and print the table."""
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--sizes", default="1000,10000,100000", help="comma-separated N")
    p.add_argument("--quick", action="store_true", help="N=200 only, one run (smoke test)")
    p.add_argument("--repeat", type=int, default=3)
    p.add_argument("--seed", type=int, default=0)
    p.add_argument("--data", type=Path, default=Path(tempfile.gettempdir()) / "pakru-bench")
    p.add_argument("--json", type=Path, default=None, help="also write the figures here")
    args = p.parse_args(argv)
    sizes = [200] if args.quick else [int(s) for s in args.sizes.split(",")]
    repeat = 1 if args.quick else args.repeat
    jobs = len(os.sched_getaffinity(0))
    report: dict[str, Any] = {"machine": machine(), "startup": startup(max(repeat, 3))}
    print("machine:", ", ".join(f"{k} {v}" for k, v in report["machine"].items()))
    s = report["startup"]
    print(f"import pakru: {s['import'] * 1000:.0f} ms; pakru.load(): {s['load'] * 1000:.0f} ms")
    report["sizes"] = {}
    for n in sizes:
        directory = dataset_dir(args.data, n, args.seed)
        t = stages(directory, repeat)
        cmd = [*PAKRU, "validate", "--today", TODAY, str(directory)]
        e2e, rss, out = process([*cmd, "--jobs", "1"], repeat)
        par, rss_par, out_par = process([*cmd, "--jobs", str(jobs)], repeat)
        clean = out.strip().endswith("No findings.") and out_par == out
        row = {
            **t,
            "e2e": e2e,
            "e2e_jobs": par,
            "jobs": jobs,
            "rss_mib": rss / 1024,
            "rss_jobs_mib": rss_par / 1024,
            "clean": clean,
        }
        report["sizes"][n] = row
        print(f"\nN = {n:,}  ({'clean' if clean else 'FINDINGS: ' + out.strip()[-200:]})")
        print(f"  {'stage':<30}{'seconds':>9}{'records/s':>12}{'x CSafe':>9}")
        for name in ("csafe", "read", "parse", "models", "rules", "report"):
            rate = f"{n / t[name]:>12,.0f}" if t[name] > 1e-3 else f"{'-':>12}"
            print(f"  {name:<30}{t[name]:>9.3f}{rate}{t[name] / t['csafe']:>9.2f}")
        for name, value in (
            ("validate (process, --jobs 1)", e2e),
            (f"validate (--jobs {jobs})", par),
        ):
            print(f"  {name:<30}{value:>9.3f}{n / value:>12,.0f}{value / t['csafe']:>9.2f}")
        print(f"  peak memory: {rss / 1024:,.0f} MiB (--jobs {jobs}: {rss_par / 1024:,.0f} MiB)")
    if len(sizes) > 1:
        a, b = sizes[-2], sizes[-1]
        ra, rb = report["sizes"][a]["rules"], report["sizes"][b]["rules"]
        print(f"\nrules {a:,} → {b:,}: x{rb / ra:.1f} time for x{b / a:.0f} records")
    if args.json:
        args.json.write_text(json.dumps(report, indent=2, default=str), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
