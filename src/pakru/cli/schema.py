"""``pakru schema``: write (or check) the JSON Schema files exported from the models."""

import argparse
import sys
from pathlib import Path

from pakru.schema import jsonschema


def register(subparsers: "argparse._SubParsersAction[argparse.ArgumentParser]") -> None:
    """Add the ``schema`` subcommand."""
    p = subparsers.add_parser(
        "schema",
        help="export the JSON Schema of every record kind",
        description=(
            "Write the JSON Schema files (one per record kind, record.schema.json for any "
            "kind, records.schema.json for an array of records) into a folder of the "
            "working tree; never into the installed package."
        ),
    )
    p.add_argument(
        "--out",
        type=Path,
        default=jsonschema.DEFAULT_OUT,
        metavar="DIR",
        help=f"folder to write into (default: ./{jsonschema.DEFAULT_OUT.as_posix()})",
    )
    p.add_argument(
        "--check",
        action="store_true",
        help="write nothing; exit 1 when the files differ from the models",
    )
    p.add_argument(
        "--vscode",
        type=Path,
        metavar="FILE",
        help="also write (or, with --check, check) the editor settings associating "
        "records/<kind>/*.yaml with their schema, e.g. .vscode/settings.json",
    )
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    """Write or check the schema files."""
    settings = jsonschema.vscode_settings()
    if args.check:
        stale = [args.out / name for name in jsonschema.stale(args.out)]
        if args.vscode and (
            not args.vscode.exists() or args.vscode.read_text(encoding="utf-8") != settings
        ):
            stale.append(args.vscode)
        for path in stale:
            print(f"{path}: stale; run 'pakru schema'", file=sys.stderr)
        return 1 if stale else 0
    for path in jsonschema.write(args.out):
        print(f"wrote {path}")
    if args.vscode:
        args.vscode.parent.mkdir(parents=True, exist_ok=True)
        args.vscode.write_text(settings, encoding="utf-8")
        print(f"wrote {args.vscode}")
    return 0
