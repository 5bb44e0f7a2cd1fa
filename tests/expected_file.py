"""The one command shape of the expected-data files beside the records.

``tests/acts/expected.py``, ``tests/records/expected_mentions.py`` and
``tests/records/expected_records.py`` each write one file of today's data
(acts, sentence mentions, records) that a reviewer reads in the diff. Each
prints the file's text; ``--write`` rewrites it, ``--check`` lists the lines
that changed and exits 1 when it is stale.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence
from pathlib import Path


def differences(old: str, new: str) -> list[str]:
    """The lines only one of the texts has, each marked ``-`` (old only) or ``+`` (new only)."""
    before, after = old.splitlines(), new.splitlines()
    return [f"- {x}" for x in before if x not in after] + [
        f"+ {x}" for x in after if x not in before
    ]


def run(
    argv: Sequence[str] | None,
    *,
    command: str,
    description: str,
    generated: Path,
    repo: Path,
    current: Callable[[], str],
) -> int:
    """Print the file's text; ``--write`` rewrites it, ``--check`` compares with it."""
    parser = argparse.ArgumentParser(prog=command, description=description)
    group = parser.add_mutually_exclusive_group()
    group.add_argument("--write", action="store_true", help=f"rewrite {generated.name}")
    group.add_argument(
        "--check", action="store_true", help=f"exit 1 when {generated.name} is stale"
    )
    args = parser.parse_args(argv)
    text = current()
    if args.write:
        generated.write_text(text, encoding="utf-8")
        print(f"wrote {generated.relative_to(repo)}")
        return 0
    if args.check:
        old = generated.read_text(encoding="utf-8") if generated.is_file() else ""
        changed = differences(old, text)
        for line in changed:
            print(line)
        state = "stale" if changed or old != text else "current"
        print(f"{generated.relative_to(repo)} is {state}")
        return 1 if old != text else 0
    sys.stdout.write(text)
    return 0
