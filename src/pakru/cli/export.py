"""``pakru export``: write the dataset as JSON, JSON Lines, CSV, SQLite or a data package."""

import argparse
import sys
from pathlib import Path

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
    p.add_argument(
        "paths",
        nargs="*",
        type=Path,
        metavar="PATH",
        help="records folder to export (default: the dataset shipped with pakru)",
    )
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    """Load, export, list the files written."""
    from pakru.export import export  # noqa: PLC0415
    from pakru.loading import DatasetError, load  # noqa: PLC0415
    from pakru.manifest import ManifestError  # noqa: PLC0415

    try:
        ds = load(args.paths or None)
    except (DatasetError, ManifestError) as error:
        print(f"pakru export: {error}", file=sys.stderr)
        return 1
    for path in export(ds, args.format, args.out):
        print(path)
    return 0
