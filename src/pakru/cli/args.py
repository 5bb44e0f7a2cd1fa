"""Arguments, the records tree and loading, shared by the subcommands.

Which records a command reads is decided in one place, :func:`tree_of`: the
paths given, else the tree :func:`pakru.tools.tree.find` names (``PAKRU_RECORDS``,
the ``records/`` found from the working folder upwards, else the installed
data). A command that chose its tree so says which it read, and how many
records, in its summary (:func:`say_tree`); given paths, it reads those and
the user already knows which.
"""

import argparse
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from pakru.tools.tree import Tree, find, given
from pakru.validate.report import printable

if TYPE_CHECKING:
    from pakru.dataset import Dataset

DEFAULT_TREE = (
    "default: the records/ tree found from the working folder upwards "
    "(or PAKRU_RECORDS), else the data installed with pakru"
)
"""The help text's account of what a command reads when given no path."""


def fail(command: str, message: str, code: int = 2) -> int:
    """Say ``pakru COMMAND: message`` on standard error (control characters escaped); ``code``."""
    print(printable(f"pakru {command}: {message}"), file=sys.stderr)
    return code


def add_paths(parser: argparse.ArgumentParser, *, required: bool = False) -> None:
    """The positional ``PATH...``: records folders or files, default the tree found."""
    parser.add_argument(
        "paths",
        nargs="+" if required else "*",
        type=Path,
        metavar="PATH",
        help="records folders or files" + ("" if required else f" ({DEFAULT_TREE})"),
    )


def missing_path(args: argparse.Namespace) -> int | None:
    """Exit code 2, after saying so, when a given path does not exist or holds no records."""
    from pakru.loading import NotRecordsError, check_records  # noqa: PLC0415

    missing = [p for p in args.paths if not p.exists()]
    if missing:
        return fail(args.command, f"no such file or folder: {missing[0]}")
    try:
        for path in args.paths:
            check_records(path)
    except NotRecordsError as error:
        return fail(args.command, f"{error}")
    return None


def tree_of(args: argparse.Namespace, *, refuse: str | None = None) -> Tree | int:
    """The records the command reads: ``args.paths`` as given, else :func:`find_tree`.

    The tree is also left in ``args.tree``, for :func:`say_tree`. Returns exit
    code 2, after saying why, when a given path (or ``PAKRU_RECORDS``) is
    missing or holds no records, or when no tree is found and ``refuse`` says
    why the installed data will not do.
    """
    if args.paths:
        code = missing_path(args)
        if code is not None:
            return code
        named = given(args.paths)
        args.tree = named
        return named
    found = find_tree(args, refuse=refuse)
    if isinstance(found, int) or found.installed:
        return found
    code = missing_path(argparse.Namespace(command=args.command, paths=[found.path]))
    return code if code is not None else found


WRITES = "the data installed with pakru is never changed; give the records folder"
"""Why a command that writes refuses the installed data (``refuse`` of :func:`find_tree`)."""


def find_tree(args: argparse.Namespace, *, refuse: str | None = None) -> Tree | int:
    """The tree :func:`pakru.tools.tree.find` names, left in ``args.tree`` too.

    A found tree is given as a path relative to the working folder, so
    findings and messages name its files as ``pakru validate PATH`` would
    (``records/meetings/x.yaml``). When no tree is found and ``refuse`` is
    given (a command that writes: the copy installed with pakru is never
    changed; ``validate --no-installed``), exit code 2 after saying why,
    instead of the installed data.
    """
    tree = find()
    if tree.installed and refuse is not None:
        return fail(args.command, f"no records tree found from {tree.start} upwards ({refuse})")
    if tree.how == "found":
        tree = Tree((_relative(tree.path),), tree.how, tree.start)
    args.tree = tree
    return tree


def default_paths(args: argparse.Namespace, *, writes: bool = False) -> int | None:
    """Fill in ``args.paths`` with the tree found when none were given (see :func:`find_tree`).

    For commands that check their own paths; returns an exit code when there is no tree.
    """
    if args.paths:
        args.tree = given(args.paths)
        return None
    tree = find_tree(args, refuse=WRITES if writes else None)
    if isinstance(tree, int):
        return tree
    args.paths = list(tree.paths)
    return None


def _relative(path: Path) -> Path:
    try:
        return Path(os.path.relpath(path))
    except ValueError:  # another drive (Windows): keep it absolute
        return path


def tree_line(tree: Tree, records: int | None, *, verb: str = "Checked") -> str:
    """``Checked 57 records in /repo/records (found from /repo upwards).``

    With ``records`` None, no count: ``Wrote into /repo/records (…).``
    """
    where = tree.describe() if tree.how == "given" else _described(tree)
    if records is None:
        return printable(f"{verb} {where}.")
    noun = "record" if records == 1 else "records"
    return printable(f"{verb} {records} {noun} in {where}.")


def _described(tree: Tree) -> str:
    # the summary names a found tree by its full path, whatever path the command read it by
    absolute = Tree((tree.path.resolve(),), tree.how, tree.start)
    return absolute.describe()


def say_tree(
    args: argparse.Namespace,
    records: int | None,
    *,
    verb: str = "Checked",
    stream: TextIO | None = None,
) -> None:
    """Print :func:`tree_line` for ``args.tree`` (to ``stream``, default standard output).

    Nothing when the paths were given: the line answers "which records?",
    which a user who named them has answered.
    """
    if args.tree.how == "given":
        return
    print(tree_line(args.tree, records, verb=verb), file=stream or sys.stdout)


def load_or_report(args: argparse.Namespace) -> "Dataset | int":
    """The dataset the command reads, or the exit code after reporting why it did not load.

    The tree it was read from is left in ``args.tree`` for :func:`say_tree`.
    """
    from pakru.loading import DatasetError, load_tree  # noqa: PLC0415 - keeps --help fast

    tree = tree_of(args)
    if isinstance(tree, int):
        return tree
    try:
        return load_tree(tree)
    except DatasetError as error:
        return fail(args.command, f"{error}", 1)
