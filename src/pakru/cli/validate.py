"""``pakru validate``: check records and report findings."""

import argparse
import datetime as dt
import os
import re
import stat
import sys
from pathlib import Path

from pakru.cli import COMMANDS
from pakru.cli.args import add_paths, fail, say_tree, tree_line, tree_of
from pakru.validate.report import REPORTERS, printable, summary_line


def _date(value: str) -> dt.date:
    # fromisoformat alone also takes 20180601 and week dates, which the docs do not allow
    try:
        if re.fullmatch(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", value):
            return dt.date.fromisoformat(value)
    except ValueError:
        pass
    raise argparse.ArgumentTypeError(f"expected YYYY-MM-DD, got {value!r}")


def _jobs(value: str) -> int:
    try:
        jobs = int(value)
    except ValueError:
        jobs = -1
    if jobs < 0:
        raise argparse.ArgumentTypeError(f"expected a whole number of processes, got {value!r}")
    return jobs


def _output(value: str) -> tuple[str, Path]:
    """``FORMAT=FILE`` of ``--output``."""
    name, equals, file = value.partition("=")
    if not equals or not file:
        raise argparse.ArgumentTypeError(f"expected FORMAT=FILE, got {value!r}")
    if name not in REPORTERS:
        known = ", ".join(sorted(REPORTERS))
        raise argparse.ArgumentTypeError(f"unknown format {name!r} (one of {known})")
    return name, Path(file)


def _ids(value: str) -> list[str]:
    return [part.strip() for part in value.split(",") if part.strip()]


def register(subparsers: "argparse._SubParsersAction[argparse.ArgumentParser]") -> None:
    """Add the ``validate`` subcommand."""
    p = subparsers.add_parser(
        "validate",
        help=COMMANDS["validate"],
        description="Check records. Exit 0 when clean, 1 on error findings, 2 on usage errors.",
    )
    add_paths(p)
    p.add_argument(
        "--format", choices=sorted(REPORTERS), default="text", help="output format (default: text)"
    )
    p.add_argument(
        "--select",
        type=_ids,
        action="extend",
        default=[],
        metavar="IDS",
        help="only these rule ids or prefixes, comma-separated",
    )
    p.add_argument(
        "--ignore",
        type=_ids,
        action="extend",
        default=[],
        metavar="IDS",
        help="skip these rule ids or prefixes, comma-separated",
    )
    p.add_argument(
        "--today",
        type=_date,
        default=None,
        metavar="DATE",
        help="the date rules take as today (default: the system date, which messages "
        "then leave out so reports are the same every day)",
    )
    p.add_argument(
        "--output-file",
        "-o",
        type=Path,
        metavar="FILE",
        help="write the --format report to FILE instead of standard output (the summary "
        "goes to standard error); missing folders are created",
    )
    p.add_argument(
        "--output",
        type=_output,
        action="append",
        default=[],
        metavar="FORMAT=FILE",
        help="also write a report in FORMAT to FILE, from the same run; repeatable "
        "(--output sarif=pakru.sarif --output junit=pakru.xml)",
    )
    p.add_argument(
        "--strict", action="store_true", help="exit 1 on warnings too, not only on errors"
    )
    p.add_argument(
        "--no-installed",
        action="store_true",
        help="given no PATH, exit 2 when no records tree is found instead of checking the "
        "data installed with pakru (for hooks and CI, which must check the repository)",
    )
    p.add_argument(
        "--jobs",
        type=_jobs,
        default=1,
        metavar="N",
        help="read, parse and check files in N processes (0: one per core; default 1); "
        "never more than the cores or the chunks of work",
    )
    p.add_argument(
        "--cache",
        action=argparse.BooleanOptionalAction,
        default=None,
        help="take the records of files unchanged since the last cached run back from the "
        "user cache folder instead of parsing them again (PAKRU_CACHE_DIR, else "
        "~/.cache/pakru; safe to delete); the default when record FILEs are given",
    )
    p.set_defaults(run=run)


def _unknown_rules(args: argparse.Namespace) -> int | None:
    """Exit code 2, after naming it, when a --select/--ignore id matches no rule; else None.

    A typo there would otherwise select nothing and report a clean tree.
    """
    from pakru.validate import rules  # noqa: F401, PLC0415 - registers every rule
    from pakru.validate.findings import is_selected  # noqa: PLC0415
    from pakru.validate.registry import RULES  # noqa: PLC0415

    for option, ids in (("--select", args.select), ("--ignore", args.ignore)):
        for given in ids:
            if not any(is_selected(rule_id, [given], []) for rule_id in RULES):
                problem = f"{option}: no rule id or prefix {given!r} (see 'pakru rules')"
                return fail("validate", problem)
    return None


def _colour() -> bool:
    return sys.stdout.isatty() and "NO_COLOR" not in os.environ


def _is_stream(target: Path) -> bool:
    """Whether ``target`` is, or links to, a character device or FIFO (``/dev/stdout``)."""
    try:
        mode = target.stat().st_mode
    except OSError:
        return False
    return stat.S_ISCHR(mode) or stat.S_ISFIFO(mode)


def _refused(target: Path) -> str | None:
    """Why no report may be written to ``target``, or None (a missing file may be written).

    A report replaces a regular file atomically (temporary file, then
    rename), and is written through, with a plain open, to a character device
    or FIFO, or a link to one: renaming over ``/dev/null`` or the
    ``/dev/stdout`` link would replace them. Any other link (to a regular
    file, dangling) is refused rather than replaced or written through, and
    so is a block device or a socket.
    """
    if target.is_dir():
        return f"{target}: is a folder, not a file"
    try:
        info = target.lstat()
    except OSError:
        return None
    if _is_stream(target) or stat.S_ISREG(info.st_mode):
        return None
    if stat.S_ISLNK(info.st_mode):
        return (
            f"{target}: is a symbolic link, not to a device or FIFO; a report is not written "
            "through it (name the file itself)"
        )
    return f"{target}: is not a regular file, a character device or a FIFO"


def _prepare(targets: list[Path]) -> str | None:
    """Create the folders the reports go into; why one cannot be written, or None.

    Done before any record is read, so a typo in a path costs no run.
    """
    seen: set[Path] = set()
    for target in targets:
        key = target.absolute()
        if key in seen:
            return f"{target}: named twice as an output file"
        seen.add(key)
        if (refused := _refused(target)) is not None:
            return refused
        if _is_stream(target):
            continue  # written through: its folder need not be writable
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            return f"{target}: cannot create its folder: {error.strerror or error}"
        if not target.parent.is_dir():
            return f"{target}: {target.parent} is not a folder"
        if not os.access(target.parent, os.W_OK):
            return f"{target}: cannot write into {target.parent}"
    return None


def _write_through(target: Path, report: str) -> None:
    """Write ``report`` to the character device or FIFO ``target`` (a link to one followed).

    It is opened without creating or truncating anything and checked again
    once open, so a regular file put there meanwhile is never written in
    place (it is left alone: ``OSError``).
    """
    handle = os.open(target, os.O_WRONLY | getattr(os, "O_NOCTTY", 0))
    try:
        mode = os.fstat(handle).st_mode
        if not (stat.S_ISCHR(mode) or stat.S_ISFIFO(mode)):
            raise OSError(f"{target} is no longer a device or FIFO")
        data = memoryview(report.encode("utf-8"))
        while data:
            data = data[os.write(handle, data) :]
    finally:
        os.close(handle)


def run(args: argparse.Namespace) -> int:
    """Validate and report; 1 when any error (or, with --strict, warning) is found."""
    # imported here: building the parser (``pakru --help``) must not load the models
    from pakru.tools.atomic import write_text  # noqa: PLC0415
    from pakru.validate.registry import Context  # noqa: PLC0415
    from pakru.validate.run import check  # noqa: PLC0415
    from pakru.validate.workers import default_jobs  # noqa: PLC0415

    tree = tree_of(
        args, refuse="--no-installed: give the records folder" if args.no_installed else None
    )
    if isinstance(tree, int):
        return tree
    if (code := _unknown_rules(args)) is not None:
        return code
    outputs: list[tuple[str, Path]] = list(args.output)
    if args.output_file is not None:
        outputs.insert(0, (args.format, args.output_file))
    if (problem := _prepare([file for _, file in outputs])) is not None:
        return fail("validate", f"{problem}")
    context = Context(today=args.today or dt.date.today(), today_stated=args.today is not None)
    # record files given one by one: check them against their whole tree
    incremental = bool(args.paths) and all(p.is_file() for p in args.paths)
    checked = check(
        list(tree.paths),
        context=context,
        select=args.select,
        ignore=args.ignore,
        jobs=args.jobs or default_jobs(),
        incremental=incremental,
        cached=incremental if args.cache is None else args.cache,
    )
    findings = checked.findings
    if checked.files == 0 and not findings:  # a tree with its folders but no record in them
        where = tree_line(tree, None, verb="no record files in").removesuffix(".")
        return fail("validate", f"{where}: nothing to check")
    for name, file in outputs:
        try:
            report = REPORTERS[name](findings, False)
            if _is_stream(file):  # /dev/null, /dev/stdout, a FIFO: renaming would replace it
                _write_through(file, report)
            else:
                write_text(file, report)
        except OSError as error:
            reason = error.strerror or str(error)
            return fail("validate", f"{file}: not written ({reason})")
    on_stdout = args.output_file is None
    if on_stdout:
        sys.stdout.write(REPORTERS[args.format](findings, _colour() and args.format == "text"))
    for _, file in outputs:
        print(printable(f"{file}: {summary_line(findings)}"), file=sys.stderr)
    # the text report's summary is on standard output; a machine format's goes to stderr
    text_out = on_stdout and args.format == "text"
    say_tree(args, checked.files, stream=sys.stdout if text_out else sys.stderr)
    failing = {"error", "warning"} if args.strict else {"error"}
    return 1 if any(f.severity in failing for f in findings) else 0
