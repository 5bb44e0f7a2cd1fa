"""Benchmark ``pakru draft``: ``python benchmarks/draft.py [--records N] [--words W]``.

Issue 27's target: drafting a 1,000-word report against a 10,000-record tree
takes under 2 s. The tree is the synthetic corpus of ``benchmarks/corpus.py``
(seed 0); the report is written here in a wire service's layout about the next
meetings of the tree's first dialogue series, padded with the kind of sentences
a report carries (topics, statements) to W words. Timed, best of ``--rounds``:

- ``draft``: :func:`pakru.draft.draft` given the loaded tree (reading the
  sentences, matching series and people, the date and place rules, edits,
  checking every proposal against its model and coding the acts over the tree);
- ``load``: reading the tree (``pakru.load_partial``), which ``pakru draft``
  does first;
- ``command``: ``pakru draft FILE --records TREE --format json`` in a fresh
  process, end to end.

Wall-clock and CPU seconds are printed; ``--json FILE`` writes them.
"""

import argparse
import json
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent))
import corpus

TARGET_SECONDS = 2.0

FILLER = (
    "The two sides exchanged views on regional security, counter-terrorism cooperation and "
    "the situation in Afghanistan, and reviewed the progress made since their last meeting. "
    "Officials said the talks were held in a cordial atmosphere and reflected the growing "
    "trust between the two countries, the foreign ministry said in a statement."
)


def report(tree: Path, words: int) -> str:
    """A wire report of the next meeting of the tree's first series, about ``words`` long."""
    series = sorted(
        (yaml.safe_load(p.read_text(encoding="utf-8")) for p in (tree / "bodies").glob("*.yaml")),
        key=lambda b: b["id"],
    )
    body = next(b for b in series if b.get("kind") == "dialogue-series")
    lines = [
        f"{body['name']} meets in Moscow",
        "Wed, 17 Mar 2027 09:05 PM",
        "",
        f"MOSCOW (TASS) - The 40th meeting of the {body['name']} was held in Moscow on Monday.",
        "The Russian delegation was led by Deputy Foreign Minister Ivan Petrov, while the "
        "Pakistani side was headed by Additional Secretary Sana Rauf.",
        "Both sides agreed that the next meeting would be held in Islamabad in 2028.",
    ]
    while len(" ".join(lines).split()) < words:
        lines.append(FILLER)
    return "\n".join(lines) + "\n"


def _best(runs: int, action: "object") -> tuple[float, float]:
    walls, cpus = [], []
    for _ in range(runs):
        wall, cpu = time.perf_counter(), time.process_time()
        action()  # type: ignore[operator]
        walls.append(time.perf_counter() - wall)
        cpus.append(time.process_time() - cpu)
    return min(walls), min(cpus)


def main(argv: list[str] | None = None) -> int:
    """Generate the tree, time the draft, print the figures; 1 when over the target."""
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--records", type=int, default=10_000, metavar="N")
    p.add_argument("--words", type=int, default=1_000, metavar="W")
    p.add_argument("--rounds", type=int, default=3)
    p.add_argument("--json", type=Path, metavar="FILE")
    args = p.parse_args(argv)

    from pakru.draft import draft  # noqa: PLC0415
    from pakru.loading import load_partial  # noqa: PLC0415
    from pakru.tools.scaffold import read_fields, source_yaml  # noqa: PLC0415

    with tempfile.TemporaryDirectory() as scratch:
        tree = Path(scratch) / "records"
        corpus.write(corpus.build(args.records, random.Random(0)), tree)  # noqa: S311
        text = report(tree, args.words)
        path = Path(scratch) / "report.txt"
        path.write_text(text, encoding="utf-8")
        source = yaml.safe_load(source_yaml("src-bench000", "report.txt", read_fields(text)))

        load = _best(args.rounds, lambda: load_partial(tree))
        ds, _ = load_partial(tree)
        found: list[object] = []
        drafted = _best(args.rounds, lambda: found.append(draft(ds, source, text)))
        command = [sys.executable, "-m", "pakru", "draft", str(path), "--records", str(tree)]
        whole = _best(
            1,
            lambda: subprocess.run([*command, "--format", "json"], capture_output=True, check=True),
        )
        result = found[-1]
        figures = {
            "records": len(ds),
            "words": len(text.split()),
            "proposed": len(result.records),  # type: ignore[attr-defined]
            "draft_seconds": drafted[0],
            "draft_cpu_seconds": drafted[1],
            "load_seconds": load[0],
            "command_seconds": whole[0],
            "target_seconds": TARGET_SECONDS,
        }
    for name, value in figures.items():
        print(f"{name:>18}: {value:.3f}" if isinstance(value, float) else f"{name:>18}: {value}")
    if args.json is not None:
        args.json.write_text(json.dumps(figures, indent=1) + "\n", encoding="utf-8")
    return 0 if figures["draft_seconds"] < TARGET_SECONDS else 1


if __name__ == "__main__":
    raise SystemExit(main())
