"""``pakru schema``: write (or check) the JSON Schema files exported from the models."""

import argparse
import os
import subprocess
import sys
from pathlib import Path

from pakru.cli import COMMANDS
from pakru.cli.args import fail

DEFAULT_OUT = Path("schema") / "json"
"""Where ``pakru schema`` writes by default, relative to the working folder: a checkout's
``schema/json`` (the folder of :data:`pakru.schema.jsonschema.JSON_DIR`)."""


def register(subparsers: "argparse._SubParsersAction[argparse.ArgumentParser]") -> None:
    """Add the ``schema`` subcommand."""
    p = subparsers.add_parser(
        "schema",
        help=COMMANDS["schema"],
        description=(
            "Write the JSON Schema files (one per record kind, record.schema.json for any "
            "kind, records.schema.json for an array of records) into schema/json of the "
            "checkout found from the working folder upwards, or into --out; never into the "
            "installed package."
        ),
    )
    p.add_argument(
        "--out",
        type=Path,
        metavar="DIR",
        help=f"folder to write into (default: {DEFAULT_OUT.as_posix()} of the checkout found "
        "from the working folder upwards, the folder holding records/ and schema/; outside "
        "a checkout --out is needed)",
    )
    p.add_argument(
        "--check",
        action="store_true",
        help="write nothing; exit 1 when the files differ from the models",
    )
    p.add_argument(
        "--vscode",
        type=Path,
        metavar="FILE",
        help="also write (or, with --check, check) the editor settings associating "
        "records/<kind>/*.yaml with their schema, e.g. .vscode/settings.json",
    )
    p.set_defaults(run=run)


def _checkout_out() -> Path | str:
    """``schema/json`` of the checkout the working folder is in, or why there is none.

    The checkout is the folder holding the records tree :func:`pakru.tools.tree.find`
    names (``PAKRU_RECORDS``, else the ``records/`` found from the working
    folder upwards) and a ``schema/`` folder beside it; never the installed data.
    """
    from pakru.tools.tree import find  # noqa: PLC0415

    tree = find()
    if tree.installed:
        return (
            f"no checkout found from {tree.start} upwards (a folder holding records/ and "
            "schema/); give --out DIR"
        )
    if not tree.path.is_dir():
        return f"{tree.describe()}: no such folder; give --out DIR"
    schema = tree.path.parent / DEFAULT_OUT.parent
    if not schema.is_dir():
        return f"{tree.path} has no {DEFAULT_OUT.parent}/ folder beside it; give --out DIR"
    out = schema / DEFAULT_OUT.name
    try:
        return Path(os.path.relpath(out))
    except ValueError:  # another drive (Windows)
        return out


def run(args: argparse.Namespace) -> int:
    """Write or check the schema files, and the field descriptions they are built from.

    The descriptions (``schema/fielddocs.py``, generated from the models'
    attribute docstrings) are written beside the ``--out`` folder when that
    folder is a checkout's ``schema/json``. Every file is written atomically
    and never through a link (``--out``, ``--vscode`` and the files in them);
    a path that cannot be written is a usage error (exit 2) naming it.
    """
    if args.out is None:
        out = _checkout_out()
        if isinstance(out, str):
            return fail("schema", out)
        args.out = out
    try:
        return _run(args)
    except OSError as error:  # UnsafePathError included: a link, or a path out of the folder
        where = error.filename or args.out
        reason = error.strerror or str(error)
        return fail("schema", f"cannot write into {where}: {reason}")


def _run(args: argparse.Namespace) -> int:
    # imported here: any module of pakru.schema loads every model
    from pakru.schema import jsonschema  # noqa: PLC0415
    from pakru.tools import docstrings, schemafiles  # noqa: PLC0415
    from pakru.tools.atomic import write_text  # noqa: PLC0415

    settings = jsonschema.vscode_settings()
    fielddocs = args.out.parent / docstrings.TARGET.name
    if args.check:
        stale = [args.out / name for name in schemafiles.stale(args.out)]
        if docstrings.stale():
            stale.append(docstrings.TARGET)
        if args.vscode and (
            not args.vscode.exists() or args.vscode.read_text(encoding="utf-8") != settings
        ):
            stale.append(args.vscode)
        for path in stale:
            print(f"{path}: stale; run 'pakru schema'", file=sys.stderr)
        return 1 if stale else 0
    if fielddocs.exists() and docstrings.stale(fielddocs):
        print(f"wrote {write_text(fielddocs, docstrings.render(), root=fielddocs.parent)}")
        # the models in this process were built with the old descriptions
        command = [sys.executable, "-m", "pakru", "schema", "--out", str(args.out)]
        command += ["--vscode", str(args.vscode)] if args.vscode else []
        return subprocess.run(command, check=False).returncode  # noqa: S603 - our own command
    for path in schemafiles.write(args.out):
        print(f"wrote {path}")
    if args.vscode:
        args.vscode.parent.mkdir(parents=True, exist_ok=True)
        write_text(args.vscode, settings, root=args.vscode.parent)  # neither may be a link
        print(f"wrote {args.vscode}")
    return 0
