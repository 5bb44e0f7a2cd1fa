"""One edited file against the full run: ``python benchmarks/incremental.py --sizes 10000``.

For each size a synthetic tree is generated (``benchmarks/generate.py``) and,
each in a fresh ``pakru`` process, timed in CPU seconds (best of the rounds):

- ``full``: ``pakru validate --no-cache TREE``, every file parsed and built;
- ``file_uncached``: ``pakru validate --no-cache FILE`` after one file was
  edited (the tree loaded to check it against, as before the record cache);
- ``file``: ``pakru validate FILE`` after one file was edited, the record
  cache and the rule state warm from the run before (the edited file is the
  one parsed again, and each rule re-runs only on the records the edit
  reaches: ``pakru.validate.incremental``);
- ``tree``: ``pakru validate --cache TREE`` after one file was edited (the
  pre-commit hook's command), the same way.

``ratio`` is ``file / full`` (issue 28's target: ≤ 0.05 at 100,000 records),
``tree_ratio`` is ``tree / full``. ``--tree`` gives the path of an existing
tree to use instead of generating one (generating 100,000 records takes minutes).
The figures go to ``--json`` (default ``benchmarks/incremental.json``), for
the performance page.
"""

import argparse
import json
import os
import platform
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
FORMAT = 1
"""Version of the JSON layout written here."""


def _cpu(argv: list[str], env: dict[str, str]) -> float:
    """CPU seconds (user and system) of one child process running ``argv``."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    subprocess.run(argv, env=env, stdout=subprocess.DEVNULL, check=False)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def _edit(path: Path, round_: int) -> None:
    """Change the record's title (a value only: the file stays valid)."""
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    out = [f"title: Edited {round_}\n" if line.startswith("title:") else line for line in lines]
    path.write_text("".join(out), encoding="utf-8")


def measure(
    size: int, rounds: int, work: Path, given: Path | None = None, *, uncached: bool = True
) -> dict[str, float]:
    """The figures of one size (on a copy of ``given``, when given)."""
    tree = work / f"records-{size}"
    if given is not None:
        shutil.copytree(given, tree)
    else:
        subprocess.run(
            [sys.executable, str(HERE / "generate.py"), "--records", str(size), "--out", str(tree)],
            check=True,
            stdout=subprocess.DEVNULL,
        )
    pakru = [sys.executable, "-m", "pakru", "validate"]
    env = {**os.environ, "PAKRU_CACHE_DIR": str(work / f"cache-{size}")}
    edited = sorted((tree / "meetings").glob("*.yaml"))[0]
    full, file_uncached, file_, whole = [], [], [], []
    subprocess.run([*pakru, "--cache", str(tree)], env=env, check=False, stdout=subprocess.DEVNULL)
    for r in range(rounds):
        full.append(_cpu([*pakru, "--no-cache", str(tree)], env))
        _edit(edited, 3 * r)
        if uncached:
            file_uncached.append(_cpu([*pakru, "--no-cache", str(edited)], env))
        _edit(edited, 3 * r + 1)
        file_.append(_cpu([*pakru, str(edited)], env))
        _edit(edited, 3 * r + 2)
        whole.append(_cpu([*pakru, "--cache", str(tree)], env))
    best = {
        "full": min(full),
        "file_uncached": min(file_uncached, default=float("nan")),
        "file": min(file_),
        "tree": min(whole),
    }
    return {**best, "ratio": best["file"] / best["full"], "tree_ratio": best["tree"] / best["full"]}


def main(argv: list[str] | None = None) -> int:
    """Measure and write the JSON."""
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--sizes", default="10000", help="comma-separated record counts")
    p.add_argument("--rounds", type=int, default=3)
    p.add_argument("--json", type=Path, default=HERE / "incremental.json")
    p.add_argument("--tree", type=Path, help="an existing records tree (one size only)")
    p.add_argument(
        "--no-uncached",
        dest="uncached",
        action="store_false",
        help="skip file_uncached (at 100,000 records, a third full run)",
    )
    args = p.parse_args(argv)
    sizes = [int(s) for s in args.sizes.split(",")]
    report: dict[str, object] = {
        "format": FORMAT,
        "date": time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime()),
        "command": "python benchmarks/incremental.py " + " ".join(argv or sys.argv[1:]),
        "machine": {"cores": os.cpu_count(), "python": platform.python_version()},
        "load_before": os.getloadavg(),
    }
    with tempfile.TemporaryDirectory(prefix="pakru-incremental-") as work:
        figures = {
            str(n): measure(n, args.rounds, Path(work), args.tree, uncached=args.uncached)
            for n in sizes
        }
    report["sizes"] = figures
    report["load_after"] = os.getloadavg()
    args.json.write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
    for n, row in figures.items():
        print(
            f"{n} records: full {row['full']:.2f}s, one file {row['file']:.2f}s "
            f"({row['ratio']:.3f}x; without the cache {row['file_uncached']:.2f}s); "
            f"--cache TREE {row['tree']:.2f}s ({row['tree_ratio']:.3f}x)"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
