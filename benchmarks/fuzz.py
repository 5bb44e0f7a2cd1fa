"""The long fuzz run: mutated real records through validate, load(), fmt --check and fmt.

    python -m benchmarks.fuzz --cases 20000 [--seed 0] [--out failures/]

Case ``i`` mutates shipped record ``i mod N`` with ``random.Random(seed * 10**9 + i)``,
so any failure is repeated by its seed and number alone. The properties are
those of ``tests/properties/fuzzing.py`` (which the test suite runs for a few
hundred cases): no exception escapes, every finding has a line, the parse
stage does not depend on libyaml, fmt formats exactly what validate reads,
keeps the data and the comments, and is idempotent. Each failing case's bytes
are written to ``--out`` (if given) and the run exits 1. About 30 to 45 cases
a second on one core: 20,000 cases take about ten minutes.
"""

import argparse
import random
import sys
import tempfile
import time
import traceback
from pathlib import Path

from tests.properties.fuzzing import RECORDS, Harness, mutate


def main(argv: list[str] | None = None) -> int:
    """Run the cases; 0 when every one holds."""
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    p.add_argument("--cases", type=int, default=20_000)
    p.add_argument("--seed", type=int, default=0)
    p.add_argument("--out", type=Path, help="folder for the bytes of failing cases")
    args = p.parse_args(argv)
    failures = 0
    started = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="pakru-fuzz-") as folder:
        harness = Harness(Path(folder))
        for case in range(args.cases):
            name, data = RECORDS[case % len(RECORDS)]
            rng = random.Random(args.seed * 10**9 + case)  # noqa: S311 - fuzzing, not security
            mutated = mutate(data, rng)
            try:
                harness.check(name, mutated)
            except Exception:
                failures += 1
                print(f"case {case} ({name}) failed:\n{traceback.format_exc()}", file=sys.stderr)
                if args.out is not None:
                    args.out.mkdir(parents=True, exist_ok=True)
                    (args.out / f"case-{case}.yaml").write_bytes(mutated)
            if (case + 1) % 1000 == 0:
                rate = (case + 1) / (time.perf_counter() - started)
                print(f"{case + 1:,} cases, {failures} failed ({rate:.0f} a second)", flush=True)
    print(f"{args.cases - failures} passed, {failures} failed")
    return 1 if failures else 0


if __name__ == "__main__":
    raise SystemExit(main())
