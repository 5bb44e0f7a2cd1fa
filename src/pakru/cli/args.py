"""Arguments and loading shared by the subcommands."""

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from pakru.dataset import Dataset


def add_paths(parser: argparse.ArgumentParser, *, required: bool = False) -> None:
    """The positional ``PATH...``: records folders or files, default the shipped dataset."""
    parser.add_argument(
        "paths",
        nargs="+" if required else "*",
        type=Path,
        metavar="PATH",
        help="records folders or files"
        + ("" if required else " (default: the dataset shipped with pakru)"),
    )


def missing_path(args: argparse.Namespace) -> int | None:
    """Exit code 2, after saying so, when a given path does not exist or holds no records."""
    from pakru.loading import NotRecordsError, check_records  # noqa: PLC0415

    missing = [p for p in args.paths if not p.exists()]
    if missing:
        print(f"pakru {args.command}: no such file or folder: {missing[0]}", file=sys.stderr)
        return 2
    try:
        for path in args.paths:
            check_records(path)
    except NotRecordsError as error:
        print(f"pakru {args.command}: {error}", file=sys.stderr)
        return 2
    return None


def load_or_report(args: argparse.Namespace) -> "Dataset | int":
    """The dataset under ``args.paths``, or the exit code after reporting why it did not load."""
    from pakru.loading import DatasetError, load  # noqa: PLC0415 - keeps --help fast

    if (code := missing_path(args)) is not None:
        return code
    try:
        return load(args.paths or None)
    except DatasetError as error:
        print(f"pakru {args.command}: {error}", file=sys.stderr)
        return 1
