"""Write a synthetic pakru records tree: ``python benchmarks/generate.py --records N --out DIR``.

The records are shaped like the real ones (see ``corpus.py`` for the design)
and ``pakru validate DIR`` reports them clean. The same ``--seed`` gives the
same files.
"""

import argparse
import random
import shutil
import sys
import time
from collections import Counter
from pathlib import Path

# Run as a script from anywhere: the repository root holds the ``benchmarks`` folder.
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks import corpus


def main(argv: list[str] | None = None) -> int:
    """Generate the corpus and print what was written."""
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--records", type=int, required=True, metavar="N")
    p.add_argument("--out", type=Path, required=True, metavar="DIR")
    p.add_argument("--seed", type=int, default=0)
    p.add_argument("--force", action="store_true", help="replace DIR if it exists")
    args = p.parse_args(argv)
    if args.out.exists():
        if not args.force and any(args.out.iterdir()):
            p.error(f"{args.out} exists and is not empty (use --force)")
        shutil.rmtree(args.out)
    start = time.perf_counter()
    built = corpus.build(args.records, random.Random(args.seed))  # noqa: S311 - not crypto
    corpus.write(built, args.out)
    kinds = Counter(r["type"] for r in built.records)
    shown = ", ".join(f"{k}={v}" for k, v in kinds.most_common())
    print(
        f"wrote {len(built.records)} records ({shown}) and {len(built.texts)} texts "
        f"to {args.out} in {time.perf_counter() - start:.1f}s"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
