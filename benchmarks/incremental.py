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
FORMAT = 2
"""Version of the JSON layout written here (2: date, command and load per size)."""


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
) -> dict[str, float | None]:
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
    return {
        "full": min(full),
        "file_uncached": min(file_uncached, default=None),
        "file": min(file_),
        "tree": min(whole),
        "ratio": min(file_) / min(full),
        "tree_ratio": min(whole) / min(full),
    }


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
    # each size is measured by its own command (100,000 records take long): the other sizes'
    # figures in the file are kept, each with its date, command and the machine's load
    kept: dict[str, object] = {}
    if args.json.exists():
        old = json.loads(args.json.read_text(encoding="utf-8"))
        if old.get("format") == FORMAT and isinstance(old.get("sizes"), dict):
            kept = {n: row for n, row in old["sizes"].items() if int(n) not in sizes}
    command = "python benchmarks/incremental.py " + " ".join(argv or sys.argv[1:])
    run = {"date": time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime()), "command": command}
    load_before = os.getloadavg()
    with tempfile.TemporaryDirectory(prefix="pakru-incremental-") as work:
        figures = {
            str(n): measure(n, args.rounds, Path(work), args.tree, uncached=args.uncached)
            for n in sizes
        }
    measured = {**run, "load_before": load_before, "load_after": os.getloadavg()}
    report = {
        "format": FORMAT,
        "machine": {"cores": os.cpu_count(), "python": platform.python_version()},
        "sizes": dict(
            sorted(
                {**kept, **{n: {**row, **measured} for n, row in figures.items()}}.items(),
                key=lambda i: int(i[0]),
            )
        ),
    }
    args.json.write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
    for n, row in figures.items():
        uncached = row["file_uncached"] or float("nan")
        print(
            f"{n} records: full {row['full']:.2f}s, one file {row['file']:.2f}s "
            f"({row['ratio']:.3f}x; without the cache {uncached:.2f}s); "
            f"--cache TREE {row['tree']:.2f}s ({row['tree_ratio']:.3f}x)"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
