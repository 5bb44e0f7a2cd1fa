"""``pakru export``: the dataset as JSON, JSON Lines, CSV, SQLite, a data package or Parquet."""

import argparse
from pathlib import Path

from pakru.cli import COMMANDS
from pakru.cli.args import add_paths, fail, load_or_report, say_tree
from pakru.export import ALL, FORMATS


def register(subparsers: "argparse._SubParsersAction[argparse.ArgumentParser]") -> None:
    """Add the ``export`` subcommand."""
    p = subparsers.add_parser(
        "export",
        help=COMMANDS["export"],
        description=(
            "Write the dataset's tables (and, for JSON, the records) into a folder, with "
            "CITATION.cff and LICENSE. The folder must be empty unless --force is given. "
            "--format all writes every format into a sub-folder named after it."
        ),
    )
    p.add_argument("--format", choices=[*FORMATS, ALL], required=True, help="output format, or all")
    p.add_argument("--out", type=Path, required=True, metavar="DIR", help="folder to write into")
    p.add_argument(
        "--force",
        action="store_true",
        help="write into a folder that is not empty, replacing or removing only the files "
        "a previous pakru export wrote there and that still hold what it wrote",
    )
    p.add_argument("--verbose", "-v", action="store_true", help="list every file written")
    add_paths(p)
    p.set_defaults(run=run)


def _size(paths: list[Path]) -> str:
    total = sum(p.stat().st_size for p in paths)
    return f"{total / 1024:,.0f} KiB" if total >= 1024 else f"{total} bytes"


def run(args: argparse.Namespace) -> int:
    """Load, export, print one summary line per format (and, with -v, the files)."""
    from pakru.export import ExportError, export  # noqa: PLC0415

    ds = load_or_report(args)
    if isinstance(ds, int):
        return ds
    try:
        written = export(ds, args.format, args.out, force=args.force)
    except ExportError as error:
        return fail("export", str(error))
    except OSError as error:
        reason = error.strerror or str(error)
        return fail("export", f"cannot write into {args.out}: {reason}")
    except ImportError as error:
        return fail("export", str(error), 1)
    formats = list(FORMATS) if args.format == ALL else [args.format]
    for fmt in formats:
        folder = args.out / fmt if args.format == ALL else args.out
        files = [p for p in written if p.parent == folder]
        if not files:
            print(f"{fmt}: skipped (pip install 'pakru[{fmt}]' for its dependency)")
            continue
        print(
            f"{fmt}: {len(files)} files, {_size(files)}, data {ds.version or 'unversioned'}, "
            f"{len(ds)} records → {folder}"
        )
        if args.verbose:
            for path in files:
                print(f"  {path}")
    say_tree(args, len(ds), verb="Exported")
    return 0
