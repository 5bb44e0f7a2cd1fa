"""``pakru validate``: check records and report findings."""

import argparse
import datetime as dt
import os
import re
import sys
from pathlib import Path

from pakru.cli.args import add_paths, missing_path
from pakru.validate.report import REPORTERS, summary_line


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


def _ids(value: str) -> list[str]:
    return [part.strip() for part in value.split(",") if part.strip()]


def register(subparsers: "argparse._SubParsersAction[argparse.ArgumentParser]") -> None:
    """Add the ``validate`` subcommand."""
    p = subparsers.add_parser(
        "validate",
        help="check records: schema, ids, references and cross-record rules",
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
        help="write the report to FILE instead of standard output (the summary line "
        "still goes to standard error)",
    )
    p.add_argument(
        "--strict", action="store_true", help="exit 1 on warnings too, not only on errors"
    )
    p.add_argument(
        "--jobs",
        type=_jobs,
        default=1,
        metavar="N",
        help="read, parse and check files in N processes (0: one per core; default 1); "
        "never more than the cores or the chunks of work",
    )
    p.set_defaults(run=run)


def _unknown_rules(args: argparse.Namespace) -> int | None:
    """Exit code 2, after naming it, when a --select/--ignore id matches no rule; else None.

    A typo there would otherwise select nothing and report a clean tree.
    """
    from pakru.validate import pipeline  # noqa: F401, PLC0415 - registers every rule
    from pakru.validate.findings import is_selected  # noqa: PLC0415
    from pakru.validate.registry import RULES  # noqa: PLC0415

    for option, ids in (("--select", args.select), ("--ignore", args.ignore)):
        for given in ids:
            if not any(is_selected(rule_id, [given], []) for rule_id in RULES):
                print(
                    f"pakru validate: {option}: no rule id or prefix {given!r} (see 'pakru rules')",
                    file=sys.stderr,
                )
                return 2
    return None


def _colour() -> bool:
    return sys.stdout.isatty() and "NO_COLOR" not in os.environ


def run(args: argparse.Namespace) -> int:
    """Validate and report; 1 when any error (or, with --strict, warning) is found."""
    # imported here: building the parser (``pakru --help``) must not load the models
    from pakru.validate.parallel import default_jobs  # noqa: PLC0415
    from pakru.validate.pipeline import validate  # noqa: PLC0415
    from pakru.validate.registry import Context  # noqa: PLC0415

    if (code := missing_path(args)) is not None:
        return code
    if (code := _unknown_rules(args)) is not None:
        return code
    context = Context(today=args.today or dt.date.today(), today_stated=args.today is not None)
    findings = validate(
        args.paths,
        context=context,
        select=args.select,
        ignore=args.ignore,
        jobs=args.jobs or default_jobs(),
        # record files given one by one: check them against their whole tree
        incremental=bool(args.paths) and all(p.is_file() for p in args.paths),
    )
    if args.output_file is None:
        sys.stdout.write(REPORTERS[args.format](findings, _colour() and args.format == "text"))
    else:
        args.output_file.write_text(REPORTERS[args.format](findings, False), encoding="utf-8")
        print(f"{args.output_file}: {summary_line(findings)}", file=sys.stderr)
    failing = {"error", "warning"} if args.strict else {"error"}
    return 1 if any(f.severity in failing for f in findings) else 0
