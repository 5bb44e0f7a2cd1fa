"""``pakru new``: start a source record from a report's text, or an empty record of any kind."""

import argparse
import re
import sys
from pathlib import Path

from pakru.cli.args import find_tree, say_tree
from pakru.schema.common import ID_PATTERN
from pakru.schema.record import RECORD_TYPES


def register(subparsers: "argparse._SubParsersAction[argparse.ArgumentParser]") -> None:
    """Add the ``new`` subcommand."""
    p = subparsers.add_parser(
        "new",
        help="add a report (new source FILE) or start a record (new meeting ID, ...)",
        description=(
            "'pakru new source FILE' copies a report's text into records/sources/text/ "
            "under its hash name and writes its source record, with the date, byline and "
            "headline the text prints, each with its quote. 'pakru new KIND ID' writes an "
            "empty record of that kind: every required field null, with a comment saying "
            "what belongs there. Run 'pakru validate' afterwards."
        ),
    )
    p.add_argument("kind", choices=list(RECORD_TYPES), help="record kind")
    p.add_argument("target", metavar="FILE|ID", help="the report's text file (source) or the id")
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
    p.set_defaults(run=run)


def _fail(message: str, code: int = 1) -> int:
    print(f"pakru new: {message}", file=sys.stderr)
    return code


def run(args: argparse.Namespace) -> int:
    """Write the new files and say which; 1 when one would be overwritten, 2 on bad input."""
    from pakru.fmt import format_text  # noqa: PLC0415 - ruamel is slow to import

    if args.records is None:
        tree = find_tree(args, refuse="pakru never changes its installed data; use --records DIR")
        if isinstance(tree, int):
            return tree
        args.records = tree.path
    if not args.records.is_dir():
        return _fail(f"no records folder {args.records} (use --records DIR)", 2)
    written = _new_source(args) if args.kind == "source" else _new_record(args)
    if isinstance(written, int):
        return written
    for path, text in written:
        if text is not None:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(format_text(text, str(path)), encoding="utf-8")
        print(f"wrote {path}")
    if "tree" in args:  # the tree was found, not given: say which
        say_tree(args, None, verb="Wrote into", stream=sys.stderr)
    print(f"next: fill in the nulls, then run 'pakru validate {args.records}'")
    return 0


def _new_source(args: argparse.Namespace) -> "list[tuple[Path, str | None]] | int":
    from pakru.scaffold import next_file_name, read_fields, source_id, source_yaml  # noqa: PLC0415

    source = Path(args.target)
    if not source.is_file():
        return _fail(f"no such file: {source}", 2)
    data = source.read_bytes()
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        return _fail(f"{source} is not UTF-8 text", 2)
    text_dir = args.records / "sources" / "text"
    text_dir.mkdir(parents=True, exist_ok=True)
    file_name = next_file_name(text_dir, data)
    record_id = source_id(file_name)
    same = [p for p in text_dir.glob("*.txt") if p.read_bytes() == data]
    if same:
        return _fail(f"{source} is already in the dataset as {same[0]}")
    record = args.records / "sources" / f"{record_id}.yaml"
    if record.exists():
        return _fail(f"{record} exists already")
    (text_dir / file_name).write_bytes(data)
    return [
        (text_dir / file_name, None),
        (record, source_yaml(record_id, file_name, read_fields(text))),
    ]


def _new_record(args: argparse.Namespace) -> "list[tuple[Path, str | None]] | int":
    from pakru.scaffold import record_yaml  # noqa: PLC0415

    record_id = args.target
    if not re.match(ID_PATTERN, record_id):
        return _fail(f"{record_id!r} is not an id: lower-case letters, digits, single hyphens", 2)
    path = args.records / RECORD_TYPES[args.kind].folder / f"{record_id}.yaml"
    if path.exists():
        return _fail(f"{path} exists already")
    return [(path, record_yaml(args.kind, record_id, args.source))]
