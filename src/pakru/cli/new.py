"""``pakru new``: start a source record from a report's text, or an empty record of any kind."""

import argparse
import sys
from pathlib import Path

from pakru.cli import COMMANDS
from pakru.cli.args import fail, find_tree, say_tree
from pakru.schema.record import RECORD_TYPES


def register(subparsers: "argparse._SubParsersAction[argparse.ArgumentParser]") -> None:
    """Add the ``new`` subcommand."""
    p = subparsers.add_parser(
        "new",
        help=COMMANDS["new"],
        description=(
            "'pakru new source FILE' copies a report's text into records/sources/text/ "
            "under its hash name and writes its source record, with the date, byline and "
            "headline the text prints, each with its quote. 'pakru new KIND ID' writes an "
            "empty record of that kind: every required field null, with a comment saying "
            "what belongs there. Run 'pakru validate' afterwards."
        ),
    )
    p.add_argument("kind", choices=list(RECORD_TYPES), help="record kind")
    p.add_argument(
        "target",
        metavar="FILE|ID",
        nargs="?",
        help="the report's text file (source) or the id (with --series, may be left out: "
        "the next id of the series is printed)",
    )
    p.add_argument(
        "--records",
        type=Path,
        metavar="DIR",
        help="the records folder (default: the records/ tree found from the working folder "
        "upwards, or PAKRU_RECORDS)",
    )
    p.add_argument(
        "--source", metavar="SOURCE_ID", help="fill the evidence's source with this source id"
    )
    p.add_argument(
        "--series",
        metavar="SERIES_ID",
        help="a meeting of this dialogue series: fills 'series'; without an ID, prints the "
        "next number's id and the plans of the series not yet shown held",
    )
    p.set_defaults(run=run)


Planned = list[tuple[Path, bytes]]
"""The files to write, in order: path and content."""


def run(args: argparse.Namespace) -> int:  # noqa: PLR0911 - one return per way to stop
    """Write the new files and say which; 1 when one would be overwritten, 2 on bad input.

    Every file is written atomically inside the records folder and never over
    an existing one: a path (or a folder on the way) that is a symbolic link,
    dangling or not, is refused, as is one that leads out of the folder.
    """
    if args.series is not None and args.kind != "meeting":
        return fail("new", "--series is for 'pakru new meeting'")
    if args.target is None and args.series is None:
        return fail("new", f"'pakru new {args.kind}' needs the {_what(args.kind)}")
    records = _records(args)
    if isinstance(records, int):
        return records
    if args.target is None:
        return _next_in_series(records, args.series) or 0
    planned = _new_source(args) if args.kind == "source" else _new_record(args)
    if isinstance(planned, int):
        return planned
    code = _refused(records, planned) or _write(records, planned)
    if code:
        return code
    if "tree" in args:  # the tree was found, not given: say which
        say_tree(args, None, verb="Wrote into", stream=sys.stderr)
    print(f"next: fill in the nulls, then run 'pakru validate {records}'")
    return 0


def _records(args: argparse.Namespace) -> Path | int:
    """The records folder to write into (given, or the tree found), or the exit code."""
    if args.records is None:
        tree = find_tree(args, refuse="pakru never changes its installed data; use --records DIR")
        if isinstance(tree, int):
            return tree
        args.records = tree.path
    records: Path = args.records
    if not records.is_dir():
        return fail("new", f"no records folder {records} (use --records DIR)")
    return records


def _refused(records: Path, planned: Planned) -> int | None:
    """The exit code when a file cannot be written where planned (nothing written yet)."""
    from pakru.tools.atomic import UnsafePathError, check_inside  # noqa: PLC0415

    try:
        for path, _ in planned:
            check_inside(records, path)
    except UnsafePathError as error:
        return fail("new", f"{error.strerror}; nothing written")
    for path, _ in planned:
        if path.exists():
            return fail("new", f"{path} exists already", 1)
    return None


def _write(records: Path, planned: Planned) -> int:
    from pakru.tools.atomic import UnsafePathError, make_folders, remove_orphans, write_bytes  # noqa: PLC0415

    for path, data in planned:
        try:
            make_folders(records, path.parent)
            remove_orphans(path.parent)
            write_bytes(path, data, root=records, replace=False)
        except UnsafePathError as error:
            return fail("new", f"{error.strerror}; {path} not written")
        except FileExistsError:
            return fail("new", f"{path} exists already", 1)
        except OSError as error:
            return fail("new", f"cannot write {path}: {error.strerror or error}")
        print(f"wrote {path}")
    return 0


def _source_option(args: argparse.Namespace) -> str | None:
    """Why ``--source`` is not a source id, or None."""
    from pakru.tools.scaffold import id_problem  # noqa: PLC0415

    if args.source is None:
        return None
    problem = id_problem(args.source)
    return None if problem is None else f"--source {args.source!r} {problem}"


def _new_source(args: argparse.Namespace) -> "Planned | int":
    from pakru.tools.fmt import format_text  # noqa: PLC0415 - ruamel is slow to import
    from pakru.tools.scaffold import (  # noqa: PLC0415
        ReportError,
        next_file_name,
        read_fields,
        read_report,
        same_text,
        source_id,
        source_yaml,
    )

    source = Path(args.target)
    try:
        data = read_report(source)
    except ReportError as error:
        return fail("new", f"{source}: {error}; nothing written")
    text = data.decode("utf-8").removeprefix("\ufeff")
    text_dir = args.records / "sources" / "text"
    same = same_text(text_dir, data)
    if same is not None:
        return fail("new", f"{source} is already in the dataset as {same}", 1)
    file_name = next_file_name(text_dir, data)
    record_id = source_id(file_name)
    record = args.records / "sources" / f"{record_id}.yaml"
    yaml = format_text(source_yaml(record_id, file_name, read_fields(text)), str(record))
    return [(text_dir / file_name, data), (record, yaml.encode("utf-8"))]


def _new_record(args: argparse.Namespace) -> "Planned | int":
    from pakru.tools.fmt import format_text  # noqa: PLC0415 - ruamel is slow to import
    from pakru.tools.scaffold import id_problem, record_yaml  # noqa: PLC0415

    record_id = args.target
    problem = id_problem(record_id)
    if problem is not None:
        shown = record_id if len(record_id) <= 100 else f"{record_id[:40]}…{record_id[-20:]}"
        return fail("new", f"{shown!r} {problem}")
    if (problem := _source_option(args)) is not None:
        return fail("new", problem)

    path = args.records / RECORD_TYPES[args.kind].folder / f"{record_id}.yaml"
    text = format_text(
        record_yaml(args.kind, record_id, args.source, series=args.series), str(path)
    )
    return [(path, text.encode("utf-8"))]


def _what(kind: str) -> str:
    return "report's text file" if kind == "source" else "new record's id (or --series)"


def _next_in_series(records: Path, series: str) -> int | None:
    """Print the next number's id of ``series`` and its plans not shown held; None, or the
    exit code when ``series`` is no dialogue series of the tree (records that do not build
    are left out, as ``pakru find`` does)."""
    from pakru.loading import load_partial  # noqa: PLC0415 - the validator's modules are slow
    from pakru.schema import Body  # noqa: PLC0415

    ds, _skipped = load_partial(records)
    body = ds.get(series, None)
    if not (isinstance(body, Body) and body.kind == "dialogue-series"):
        known = ", ".join(b.id for b in ds.bodies if b.kind == "dialogue-series") or "none"
        return fail("new", f"{series!r} is no dialogue series here (the series: {known})")
    meetings = ds.series(series)
    held = [m for m in meetings if m.status == "held" and m.ordinal is not None]
    top = max(held, key=lambda m: m.ordinal or 0, default=None)
    number = (top.ordinal or 0) + 1 if top is not None else 1
    after = f"the highest held is {top.ordinal}, {top.id}" if top else "none is numbered yet"
    suggested = f"{series}-{number:02d}"
    print(f"next in {series}: {suggested} (number {number}; {after})")
    for plan in meetings:
        if plan.status != "planned" or ds.realised_by(plan.id):
            continue
        what = ", ".join(
            part
            for part in (
                f"number {plan.ordinal}" if plan.ordinal is not None else None,
                plan.location.city,
            )
            if part
        )
        print(
            f"planned, not yet shown held: {plan.id}{f' ({what})' if what else ''}; a "
            f"report of it held is a new meeting with 'realises: {plan.id}'"
        )
    print(f"run: pakru new meeting ID --series {series} (ID as the report numbers it)")
    return None
