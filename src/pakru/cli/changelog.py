"""``pakru changelog``: the CHANGELOG section of this data version, from a diff with the last."""

import argparse
import json
import sys
from pathlib import Path

from pakru.cli.args import add_paths, load_or_report


def register(subparsers: "argparse._SubParsersAction[argparse.ArgumentParser]") -> None:
    """Add the ``changelog`` subcommand."""
    p = subparsers.add_parser(
        "changelog",
        help="print the CHANGELOG section: ids added, changed, merged and removed",
        description=(
            "Compare the records with the previous release's records.json "
            "(from 'pakru export --format json') and print a CHANGELOG section. "
            "Exit 1 when an id disappeared without an entry in withdrawn.json."
        ),
    )
    p.add_argument(
        "--old",
        type=Path,
        metavar="RECORDS_JSON",
        help="records.json of the previous release (default: none, every id is added)",
    )
    p.add_argument("--date", help="release date to print in the heading (YYYY-MM-DD)")
    add_paths(p)
    p.set_defaults(run=run)


def _old_records(path: Path) -> list[dict[str, object]] | str:
    """The records of a previous ``records.json``, or why they cannot be read."""
    try:
        data = json.loads(path.read_bytes())
    except OSError as error:
        return f"cannot read: {error.strerror}"
    except ValueError as error:  # JSONDecodeError, UnicodeDecodeError, integer too long
        return f"not a JSON file: {error}"
    if not isinstance(data, list) or not all(
        isinstance(item, dict) and isinstance(item.get("id"), str) for item in data
    ):
        return "not a records.json (expected a list of records, each with an 'id')"
    return data


def run(args: argparse.Namespace) -> int:
    """Print the section; 1 when ids vanished unaccounted for."""
    from pakru.changes import diff, render  # noqa: PLC0415

    ds = load_or_report(args)
    if isinstance(ds, int):
        return ds
    old = _old_records(args.old) if args.old else []
    if isinstance(old, str):
        print(f"pakru changelog: --old {args.old}: {old}", file=sys.stderr)
        return 2
    changes = diff(old, ds)
    print(render(ds.version or "unversioned", changes, args.date))
    for record_id in changes.unaccounted:
        print(
            f"pakru changelog: {record_id!r} is gone; add it to withdrawn.json "
            "(merged or withdrawn, with the reason)",
            file=sys.stderr,
        )
    return 1 if changes.unaccounted else 0
