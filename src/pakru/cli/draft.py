"""``pakru draft SOURCE``: a report's proposed records and edits, for a person to confirm."""

import argparse
import contextlib
import sys
from pathlib import Path
from typing import Any

from pakru.cli import COMMANDS
from pakru.cli.args import fail, find_tree, say_tree


def register(subparsers: "argparse._SubParsersAction[argparse.ArgumentParser]") -> None:
    """Add the ``draft`` subcommand."""
    p = subparsers.add_parser(
        "draft",
        help=COMMANDS["draft"],
        description=(
            "Read a report sentence by sentence and propose meetings, people and edits to "
            "existing records, every value with its quote or the rule and quote deriving it. "
            "Prints the proposals; --write writes new record files (never over a file), "
            "--apply applies the edits shown as a diff. Confirm what each file's head "
            "comments list, then run 'pakru validate'."
        ),
    )
    p.add_argument("source", metavar="SOURCE", help="a source id of the tree, or a text file")
    p.add_argument("--records", type=Path, metavar="DIR", help="the records folder")
    p.add_argument("--format", choices=("text", "json"), default="text", help="output form")
    p.add_argument(
        "--write",
        action="store_true",
        help="write the proposed records (and a text file's source) into the tree",
    )
    p.add_argument("--apply", action="store_true", help="apply the proposed edits to the tree")
    p.set_defaults(run=run)


def _records(args: argparse.Namespace) -> Path | int:
    if args.records is None:
        tree = find_tree(args, refuse="pakru never changes its installed data; use --records DIR")
        if isinstance(tree, int):
            return tree
        args.records = tree.path
    records: Path = args.records
    if not records.is_dir():
        return fail("draft", f"no records folder {records} (use --records DIR)")
    return records


def _source(
    args: argparse.Namespace, records: Path, ds: Any
) -> "tuple[dict[str, Any], str, list[tuple[Path, bytes]]] | int":
    """The source record, its text, and the files adding it (none for a source id)."""
    import yaml  # noqa: PLC0415

    from pakru.cli.new import _new_source  # noqa: PLC0415 - the same code as 'pakru new source'
    from pakru.schema import Source  # noqa: PLC0415

    known = ds.get(args.source, None)
    if isinstance(known, Source):
        text = ds.text(known.id)
        if text is None:
            return fail("draft", f"{args.source}: the report's text {known.file} is missing")
        return known.model_dump(), text, []
    if not Path(args.source).is_file():
        return fail("draft", f"{args.source!r} is no source id of {records} and no file")
    if (same := _known_text(Path(args.source), records, ds)) is not None:
        return _source(argparse.Namespace(source=same), records, ds)
    planned = _new_source(argparse.Namespace(target=args.source, records=records))
    if isinstance(planned, int):
        return planned
    (_, data), (_, record) = planned
    source = yaml.safe_load(record.decode("utf-8"))
    return source, data.decode("utf-8").removeprefix("\ufeff"), planned


def _show(records: Path, files: "list[tuple[Path, bytes]]", shown: str, edits: Any) -> None:
    """The new files, the diff of the edits, and what was not proposed, for a person."""
    for path, data in files:
        print(f"--- {path.relative_to(records).as_posix()} (new)")
        sys.stdout.write(data.decode("utf-8"))
    sys.stdout.write(shown)
    for edit in edits:
        if edit.field == "-":
            print(f"# {edit.id}: {edit.why}")


def _known_text(path: Path, records: Path, ds: Any) -> str | None:
    """The id of the source whose text the file holds already, if any (drafted again)."""
    from pakru.schema import Source  # noqa: PLC0415
    from pakru.tools.scaffold import ReportError, read_report, same_text  # noqa: PLC0415

    try:
        same = same_text(records / "sources" / "text", read_report(path))
    except ReportError:
        return None  # 'pakru new source' reports it
    if same is None:
        return None
    return next((s.id for s in ds.records if isinstance(s, Source) and s.file == same.name), None)


def run(args: argparse.Namespace) -> int:
    """Print the draft; with --write / --apply, change the tree. 2 on bad input, 1 when a
    file to write exists already."""
    from pakru.cli.new import _refused, _write  # noqa: PLC0415
    from pakru.draft import draft  # noqa: PLC0415
    from pakru.draft.output import diff, path_of, source_json, to_json, to_yaml  # noqa: PLC0415
    from pakru.loading import load_partial  # noqa: PLC0415
    from pakru.tools.atomic import UnsafePathError, write_text  # noqa: PLC0415

    records = _records(args)
    if isinstance(records, int):
        return records
    ds, _skipped = load_partial(records)
    found = _source(args, records, ds)
    if isinstance(found, int):
        return found
    source, text, planned = found
    result = draft(ds, source, text)
    result.source = source_json(source)
    kinds = {r.id: r.type for r in ds.records}
    shown, changed = diff(records, kinds, result.edits)
    files = [(path_of(records, p.type, p.id), to_yaml(p).encode("utf-8")) for p in result.records]
    if args.format == "json":
        sys.stdout.write(to_json(result))
    else:
        _show(records, files, shown, result.edits)
    if args.write:
        todo = [*planned, *files]
        # with --format json, stdout holds the JSON alone: "wrote ..." goes to stderr
        quiet = contextlib.redirect_stdout(sys.stderr) if args.format == "json" else None
        with quiet or contextlib.nullcontext():
            code = _refused(records, todo) or _write(records, todo)
        if code:
            return code
    if args.apply:
        for path, new in changed.items():
            try:
                write_text(path, new, root=records)
            except UnsafePathError as error:
                return fail("draft", f"{error.strerror}; {path} not changed")
            print(f"changed {path}", file=sys.stderr)
    if "tree" in args and (args.write or args.apply):
        say_tree(args, None, verb="Wrote into", stream=sys.stderr)
    return 0
