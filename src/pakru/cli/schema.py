"""``pakru schema``: write (or check) the JSON Schema files exported from the models."""

import argparse
import sys
from pathlib import Path

from pakru.schema import jsonschema


def register(subparsers: "argparse._SubParsersAction[argparse.ArgumentParser]") -> None:
    """Add the ``schema`` subcommand."""
    p = subparsers.add_parser("schema", help="export the JSON Schema of every record kind")
    p.add_argument(
        "--out",
        type=Path,
        default=jsonschema.JSON_DIR,
        help="folder to write into (default: the package's schema/json)",
    )
    p.add_argument(
        "--check",
        action="store_true",
        help="write nothing; exit 1 when the files differ from the models",
    )
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    """Write or check the schema files."""
    if args.check:
        stale = jsonschema.stale(args.out)
        for name in stale:
            print(f"{args.out / name}: stale; run 'pakru schema'", file=sys.stderr)
        return 1 if stale else 0
    for path in jsonschema.write(args.out):
        print(f"wrote {path}")
    return 0
