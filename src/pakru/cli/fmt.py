"""``pakru fmt``: rewrite record files in their canonical form, or check that they are."""

import argparse
import sys
from pathlib import Path


def register(subparsers: "argparse._SubParsersAction[argparse.ArgumentParser]") -> None:
    """Add the ``fmt`` subcommand."""
    p = subparsers.add_parser(
        "fmt",
        help="rewrite records in canonical form (key order, quoting, indentation)",
        description="Rewrite records in canonical form. With --check, change nothing and "
        "exit 1 when a file is not canonical.",
    )
    p.add_argument("paths", nargs="+", type=Path, metavar="PATH", help="records folders or files")
    p.add_argument("--check", action="store_true", help="report files that would change")
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    """Format or check every record file under the given paths."""
    # imported here: building the parser (``pakru --help``) must not load the models
    from pakru.fmt import FormatError, format_text  # noqa: PLC0415
    from pakru.validate.pipeline import collect  # noqa: PLC0415

    missing = [p for p in args.paths if not p.exists()]
    if missing:
        print(f"pakru fmt: no such file or folder: {missing[0]}", file=sys.stderr)
        return 2
    changed, failed = 0, 0
    for path in collect(args.paths):
        text = path.read_text(encoding="utf-8")
        try:
            canonical = format_text(text, str(path))
        except (FormatError, UnicodeDecodeError) as error:
            print(f"error: {error}", file=sys.stderr)
            failed += 1
            continue
        if canonical == text:
            continue
        changed += 1
        if args.check:
            print(f"{path}: not in canonical form (run 'pakru fmt {path}')")
        else:
            path.write_text(canonical, encoding="utf-8")
            print(f"formatted {path}")
    return 1 if failed or (args.check and changed) else 0
