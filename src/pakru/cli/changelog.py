"""``pakru changelog``: the CHANGELOG section of this data version, from a diff with the last.

The last release is, unless ``--old`` names its ``records.json``, the newest
version section of ``CHANGELOG.md`` found in the git history, with the
records of the commit that added it (:func:`pakru.tools.changes.last_release`).
"""

import argparse
import json
import sys
from pathlib import Path

from pakru.cli.args import add_paths, fail, load_or_report, say_tree


def register(subparsers: "argparse._SubParsersAction[argparse.ArgumentParser]") -> None:
    """Add the ``changelog`` subcommand."""
    p = subparsers.add_parser(
        "changelog",
        help="print the CHANGELOG section: ids added, changed, merged and removed",
        description=(
            "Compare the records with the last release and print a CHANGELOG section. The "
            "last release is the newest version section of CHANGELOG.md (beside records/) "
            "that the git history holds, read from the commit that added it; --old compares "
            "with a records.json instead (from 'pakru export --format json'). "
            "Exit 1 when an id disappeared without an entry in withdrawn.json."
        ),
    )
    p.add_argument(
        "--old",
        type=Path,
        metavar="RECORDS_JSON",
        help="records.json of the previous release (default: the last release recorded in "
        "CHANGELOG.md, read from git; with none recorded, every id is added)",
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


Baseline = tuple[list[dict[str, object]], str, str | None]
"""The records to compare with, what they are, and the data version they were released as."""


def _baseline(args: argparse.Namespace) -> Baseline | int:
    """The records to compare with, or the exit code after saying why not."""
    from pakru.tools.changes import ReleaseError, last_release  # noqa: PLC0415

    if args.old:
        old = _old_records(args.old)
        if isinstance(old, str):
            return fail("changelog", f"--old {args.old}: {old}")
        return old, str(args.old), None
    folder = next((p for p in args.tree.paths if p.is_dir()), None)
    if folder is None:
        return fail("changelog", "compare files with --old records.json")
    try:
        release = last_release(folder)
    except ReleaseError as error:
        return fail("changelog", f"{error}; or give --old records.json")
    if release is None:
        return [], "no release (CHANGELOG.md records none): every id is added", None
    return list(release.records), release.describe(), release.version


def run(args: argparse.Namespace) -> int:
    """Print the section; 1 when ids vanished unaccounted for."""
    from pakru.tools.changes import diff, render  # noqa: PLC0415

    ds = load_or_report(args)
    if isinstance(ds, int):
        return ds
    baseline = _baseline(args)
    if isinstance(baseline, int):
        return baseline
    old, against, released = baseline
    changes = diff(old, ds)
    print(render(ds.version or "unversioned", changes, args.date))
    say_tree(args, len(ds), verb="Compared", stream=sys.stderr)
    print(f"pakru changelog: compared with {against}", file=sys.stderr)
    if changes.empty:
        print("pakru changelog: no id was added, changed, merged or removed", file=sys.stderr)
    if released is not None and released == ds.version and not changes.empty:
        print(
            f"pakru changelog: VERSION still names the released data {ds.version}; bump it "
            "(docs/versioning.md)",
            file=sys.stderr,
        )
    for record_id in changes.unaccounted:
        print(
            f"pakru changelog: {record_id!r} is gone; add it to withdrawn.json "
            "(merged or withdrawn, with the reason)",
            file=sys.stderr,
        )
    return 1 if changes.unaccounted else 0
