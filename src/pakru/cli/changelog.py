"""``pakru changelog``: the CHANGELOG section of this data version, from a diff with the last.

The last release is, unless ``--old`` names its ``records.json``, the newest
version section of ``CHANGELOG.md`` found in the git history, with the
records and report texts of the commit that added it
(:func:`pakru.tools.changes.last_release`).
"""

import argparse
import json
import sys
from pathlib import Path

from pakru.cli import COMMANDS
from pakru.cli.args import add_paths, fail, load_or_report, say_tree


def register(subparsers: "argparse._SubParsersAction[argparse.ArgumentParser]") -> None:
    """Add the ``changelog`` subcommand."""
    p = subparsers.add_parser(
        "changelog",
        help=COMMANDS["changelog"],
        description=(
            "Compare the records with the last release and print a CHANGELOG section. The "
            "last release is the newest version section of CHANGELOG.md (beside records/) "
            "that the git history holds, read from the commit that added it; --old compares "
            "with a records.json instead (from 'pakru export --format json'). A source whose "
            "report text changed is listed as changed. Exit 1 when an id disappeared without "
            "an entry in withdrawn.json; 2 when there is nothing to compare with (no "
            "CHANGELOG.md, as for the installed data, no git, or a shallow clone)."
        ),
    )
    p.add_argument(
        "--old",
        type=Path,
        metavar="RECORDS_JSON",
        help="records.json of the previous release, with its source_texts.json beside it if "
        "any (default: the last release recorded in CHANGELOG.md, read from git; with none "
        "recorded, every id is added)",
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


OLD_TEXTS = "source_texts.json"
"""The report texts of a JSON export, beside its ``records.json`` (the ``source_texts`` table)."""


def _old_texts(path: Path) -> dict[str, str] | str | None:
    """The report texts of the export holding ``path`` (None when it has none), or why not."""
    texts = path.parent / OLD_TEXTS
    if not texts.exists():
        return None
    try:
        data = json.loads(texts.read_bytes())
    except OSError as error:
        return f"{texts}: cannot read: {error.strerror}"
    except ValueError as error:
        return f"{texts}: not a JSON file: {error}"
    if not isinstance(data, list) or not all(
        isinstance(row, dict)
        and isinstance(row.get("source_id"), str)
        and isinstance(row.get("text"), str)
        for row in data
    ):
        return f"{texts}: not a {OLD_TEXTS} (expected a list of rows with 'source_id' and 'text')"
    return {row["source_id"]: row["text"] for row in data}


Baseline = tuple[list[dict[str, object]], dict[str, str] | None, str, str | None]
"""The records to compare with, their report texts (None: not known), what they are, and the
data version they were released as."""


def _old_baseline(path: Path) -> Baseline | int:
    """The records (and report texts) of the export ``--old`` names, or exit code 2."""
    old = _old_records(path)
    if isinstance(old, str):
        return fail("changelog", f"--old {path}: {old}")
    texts = _old_texts(path)
    if isinstance(texts, str):
        return fail("changelog", f"--old {texts}")
    if texts is None:
        return old, None, f"{path} (no {OLD_TEXTS} beside it: report texts not compared)", None
    return old, texts, str(path), None


def _baseline(args: argparse.Namespace, version: str | None) -> Baseline | int:
    """The records to compare with, or the exit code after saying why not."""
    from pakru.tools.changes import CHANGELOG_FILE, ReleaseError, last_release  # noqa: PLC0415

    if args.old:
        return _old_baseline(args.old)
    folder = next((p for p in args.tree.paths if p.is_dir()), None)
    if folder is None:
        return fail("changelog", "compare files with --old records.json")
    if args.tree.installed and not (folder.parent / CHANGELOG_FILE).is_file():
        return fail(
            "changelog",
            f"no records tree found from {args.tree.start} upwards, and the data installed "
            f"with pakru (data {version}, in {folder}) has no {CHANGELOG_FILE} beside it: no "
            "earlier release to compare with; run it in a checkout of the data, or give --old "
            "records.json",
        )
    try:
        release = last_release(folder)
    except ReleaseError as error:
        return fail("changelog", f"{error}; or give --old records.json")
    if release is None:
        return [], {}, "no release (CHANGELOG.md records none): every id is added", None
    return list(release.records), dict(release.texts), release.describe(), release.version


def run(args: argparse.Namespace) -> int:
    """Print the section; 1 when ids vanished unaccounted for."""
    from pakru.tools.changes import diff, render  # noqa: PLC0415

    ds = load_or_report(args)
    if isinstance(ds, int):
        return ds
    baseline = _baseline(args, ds.version)
    if isinstance(baseline, int):
        return baseline
    old, old_texts, against, released = baseline
    changes = diff(old, ds, old_texts)
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
