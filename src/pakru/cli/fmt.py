"""``pakru fmt``: rewrite record files in their canonical form, or check that they are.

Each file is read by the validator's read stage (size bound, UTF-8, no NUL,
no FIFO) and written atomically (:mod:`pakru.tools.atomic`), so a failed or killed
run leaves every file either as it was or fully formatted. A file that
cannot be read or formatted is reported and the others are still done. No
write follows a link: a file under a given folder is refused when it, or a
folder between it and the given folder, is a symbolic link, or when it
resolves outside the given folder; a path given on the command line is
refused when it is a link or lies under a linked folder inside its records
tree. Nothing is read from outside the records tree (``read.outside``).
"""

import argparse
import os
import sys
from pathlib import Path

from pakru.cli import COMMANDS
from pakru.cli.args import add_paths, default_paths, fail, say_tree
from pakru.tools.atomic import remove_orphans, write_text
from pakru.validate import read
from pakru.validate.findings import Finding
from pakru.validate.report import printable


def register(subparsers: "argparse._SubParsersAction[argparse.ArgumentParser]") -> None:
    """Add the ``fmt`` subcommand."""
    p = subparsers.add_parser(
        "fmt",
        help=COMMANDS["fmt"],
        description="Rewrite records in canonical form. With --check, change nothing and "
        "exit 1 when a file is not canonical.",
    )
    add_paths(p)
    p.add_argument("--check", action="store_true", help="report files that would change")
    p.set_defaults(run=run)


def _where(finding: Finding) -> str:
    place = f"{finding.path}:{finding.line}:{finding.column}" if finding.line else finding.path
    return printable(f"{place}: {finding.message} [{finding.rule}]")


Roots = list[tuple[Path, Path]]
"""Each folder given on the command line, and where it resolves to."""


def _link_on_the_way(path: Path) -> Path | None:
    """The first symbolic link from ``path``'s records tree down to ``path`` itself, or None.

    The tree is :func:`pakru.validate.read.tree_folder`'s; folders above it
    are the user's own. The link is named as ``path`` spells it.
    """
    if path.is_symlink():
        return path
    spelled = Path(os.path.abspath(path))  # noqa: PTH100 - keeps links, unlike resolve()
    tree = read.tree_folder(path)
    step = tree
    for part in spelled.relative_to(tree).parts:
        step = step / part
        if step.is_symlink():
            below = len(spelled.parts) - len(step.parts)
            if ".." in path.parts or below >= len(path.parts):
                return step
            return Path(*path.parts[: len(path.parts) - below])
    return None


def _refusal(path: Path, roots: Roots) -> str | None:
    """Why ``path`` must not be written, or None.

    A file found under a given folder is written only if neither it nor any
    folder between it and the given folder is a symbolic link, and it
    resolves inside that folder: a linked folder (or file) could lead the
    write anywhere. The given folder, and a file named on its own, are
    refused when they are links or lie under a linked folder of their tree
    (:func:`_link_on_the_way`): ``fmt records/meetings/linked`` is refused as
    ``fmt records`` refuses the files under ``linked``.
    """
    for given, real_root in roots:
        if not path.is_relative_to(given):
            continue
        if (link := _link_on_the_way(given)) is not None:
            return f"{link} is a symbolic link"
        step = given
        for part in path.relative_to(given).parts:
            step = step / part
            if step.is_symlink():
                return f"{step} is a symbolic link"
        real = path.resolve()
        if not real.is_relative_to(real_root):
            return f"it resolves to {real}, outside {given}"
        return None
    link = _link_on_the_way(path)
    return f"{link} is a symbolic link" if link is not None else None


def _canonical(path: Path) -> tuple[str, str] | None:
    """The file's text and its canonical form, or None after reporting why not."""
    # imported here: building the parser (``pakru --help``) must not load ruamel or the models
    from pakru.tools.fmt import FormatError, format_text  # noqa: PLC0415

    text = read.read_text(path)
    if isinstance(text, Finding):
        print(f"error: {_where(text)}", file=sys.stderr)
        return None
    try:
        return text.text, format_text(text.text, str(path))
    except FormatError as error:
        print(f"error: {printable(str(error))}", file=sys.stderr)
    except Exception as error:
        print(printable(f"error: {path}: cannot format: {error}"), file=sys.stderr)
    return None


def _write(path: Path, canonical: str, roots: Roots) -> bool:
    """Write the canonical text over ``path`` atomically; False after reporting a failure."""
    refusal = _refusal(path, roots)
    if refusal is not None:
        print(printable(f"error: {path}: {refusal}; not written"), file=sys.stderr)
        return False
    try:
        write_text(path, canonical)
    except OSError as error:
        reason = error.strerror or str(error)
        print(printable(f"error: {path}: not written ({reason}); unchanged"), file=sys.stderr)
        return False
    print(printable(f"formatted {path}"))
    return True


def _format(path: Path, roots: Roots, check: bool) -> tuple[bool, bool]:
    """Format (or check) one file; (changed, failed)."""
    texts = _canonical(path)
    if texts is None:
        return False, True
    text, canonical = texts
    if canonical == text:
        return False, False
    if check:
        print(printable(f"{path}: not in canonical form (run 'pakru fmt {path}')"))
        return True, False
    return True, not _write(path, canonical, roots)


def run(args: argparse.Namespace) -> int:
    """Format or check every record file under the given paths."""
    if (code := default_paths(args, writes=not args.check)) is not None:
        return code
    missing = [p for p in args.paths if not p.exists() and not p.is_symlink()]
    if missing:
        return fail("fmt", f"no such file or folder: {missing[0]}")
    # a file named on its own is a record file by its suffix, as for validate and load();
    # a device or FIFO is left to the read stage, which refuses it without reading
    other = [p for p in args.paths if p.is_file() and p.suffix not in read.RECORD_SUFFIXES]
    if other:
        return fail("fmt", f"{other[0]} is not a record file (.yaml or .yml)")
    collected = read.collect(args.paths)
    failed = len(collected.skipped)
    for skipped in collected.skipped:
        shown = f"error: {skipped.path}: {skipped.message} [{skipped.rule}]"
        print(printable(shown), file=sys.stderr)
    roots = [(p, p.resolve()) for p in args.paths if p.is_dir()]
    if not args.check:  # a killed run's temporary files, in the folders this run writes into
        for folder in sorted({path.parent for path in collected.files}):
            if _refusal(folder, roots) is None:
                remove_orphans(folder)
    changed = 0
    for path in collected.files:
        was_changed, was_failed = _format(path, roots, args.check)
        changed += was_changed
        failed += was_failed
    say_tree(args, len(collected.files))
    return 1 if failed or (args.check and changed) else 0
