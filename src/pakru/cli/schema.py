"""``pakru schema``: write (or check) the JSON Schema files exported from the models."""

import argparse
import subprocess
import sys
from pathlib import Path


def register(subparsers: "argparse._SubParsersAction[argparse.ArgumentParser]") -> None:
    """Add the ``schema`` subcommand."""
    p = subparsers.add_parser("schema", help="export the JSON Schema of every record kind")
    p.add_argument(
        "--out",
        type=Path,
        default=None,
        help="folder to write into (default: the package's schema/json)",
    )
    p.add_argument(
        "--check",
        action="store_true",
        help="write nothing; exit 1 when the files differ from the models",
    )
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    """Write or check the schema files (and the field descriptions they are built from)."""
    # imported here: any module of pakru.schema loads every model
    from pakru.schema import docstrings, jsonschema  # noqa: PLC0415

    args.out = args.out or jsonschema.JSON_DIR
    if args.check:
        stale = jsonschema.stale(args.out)
        if docstrings.stale():
            print(f"{docstrings.TARGET}: stale; run 'pakru schema'", file=sys.stderr)
        for name in stale:
            print(f"{args.out / name}: stale; run 'pakru schema'", file=sys.stderr)
        return 1 if stale or docstrings.stale() else 0
    if docstrings.stale():
        print(f"wrote {docstrings.write()}")
        # the models in this process were built with the old descriptions
        command = [sys.executable, "-m", "pakru", "schema", "--out", str(args.out)]
        return subprocess.run(command, check=False).returncode  # noqa: S603 - our own command
    for path in jsonschema.write(args.out):
        print(f"wrote {path}")
    return 0
