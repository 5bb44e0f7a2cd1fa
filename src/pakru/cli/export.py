"""``pakru export``: write the dataset as JSON, JSON Lines, CSV, SQLite or a data package."""

import argparse
import sys
from pathlib import Path

from pakru.cli.args import add_paths, load_or_report
from pakru.export import FORMATS


def register(subparsers: "argparse._SubParsersAction[argparse.ArgumentParser]") -> None:
    """Add the ``export`` subcommand."""
    p = subparsers.add_parser(
        "export",
        help="export the dataset as json, jsonl, csv, sqlite or a Frictionless data package",
        description="Write the dataset's tables (and, for JSON, the records) into a folder.",
    )
    p.add_argument("--format", choices=list(FORMATS), required=True, help="output format")
    p.add_argument("--out", type=Path, required=True, metavar="DIR", help="folder to write into")
    add_paths(p)
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    """Load, export, list the files written."""
    from pakru.export import export  # noqa: PLC0415

    ds = load_or_report(args)
    if isinstance(ds, int):
        return ds
    try:
        written = export(ds, args.format, args.out)
    except OSError as error:
        reason = error.strerror or str(error)
        print(f"pakru export: cannot write into {args.out}: {reason}", file=sys.stderr)
        return 2
    for path in written:
        print(path)
    return 0
