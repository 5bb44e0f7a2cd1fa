"""``pakru find``: look ids up by name while records are being written."""

import argparse
import sys

from pakru.cli import COMMANDS
from pakru.cli.args import fail, find_tree


def register(subparsers: "argparse._SubParsersAction[argparse.ArgumentParser]") -> None:
    """Add the ``find`` subcommand."""
    p = subparsers.add_parser(
        "find",
        help=COMMANDS["find"],
        description=(
            "Print 'id (kind): name' for every person, body and event whose name or an "
            "alias contains TEXT (case and accents ignored), best matches first, as "
            "Dataset.find does. Works on a tree with errors: a file that does not build (a "
            "new record still holding nulls) is left out, with a note on stderr."
        ),
    )
    p.add_argument("text", metavar="TEXT", help="part of a name or alias")
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    """0 when something was found, 1 when nothing was, 2 on bad input."""
    from pakru.dataset.collection import QueryError  # noqa: PLC0415
    from pakru.loading import load_partial  # noqa: PLC0415 - the validator's modules are slow

    tree = find_tree(args)
    if isinstance(tree, int):
        return tree
    ds, skipped = load_partial(None if tree.installed else list(tree.paths))
    files = sorted({f.path for f in skipped})
    if files:
        shown = ", ".join(files[:5]) + (f" and {len(files) - 5} more" if len(files) > 5 else "")
        print(
            f"note: left out {len(files)} file{'s' if len(files) > 1 else ''} that did not "
            f"build ({shown}); 'pakru validate' says why",
            file=sys.stderr,
        )
    try:
        found = ds.find(args.text)
    except QueryError as error:
        return fail("find", str(error))
    for record in found:
        print(f"{record.id} ({record.type}): {record.name}")
    if not found:
        print(f"nothing named like {args.text!r}", file=sys.stderr)
        return 1
    return 0
