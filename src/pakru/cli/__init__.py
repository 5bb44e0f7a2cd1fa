"""The ``pakru`` command: parse arguments → build the pieces → execute.

Each subcommand lives in its own module with ``register(subparsers)``,
which adds its parser and sets ``run`` to a function taking the parsed
arguments and returning the exit code: 0 clean, 1 findings, 2 usage.
"""

import os
import sys

import pakru

# Not ``from typing import TYPE_CHECKING``: typing alone is a tenth of ``pakru --version``.
TYPE_CHECKING = False
if TYPE_CHECKING:
    import argparse
    from collections.abc import Sequence

# argparse and the command modules are imported when a command runs, and then only the
# module of the command asked for: ``pakru --version`` and ``pakru --help`` answer without
# them (≤ 50 ms, docs/performance.md).

COMMANDS = {
    "validate": "check records: schema, ids, references and cross-record rules",
    "fmt": "rewrite records in canonical form (key order, quoting, indentation)",
    "rules": "list the validator's rules",
    "schema": "export the JSON Schema of every record kind",
    "coverage": "show, per report, each sentence and the records that cite it",
    "export": "export the dataset as json, jsonl, csv, sqlite, datapackage or parquet",
    "changelog": "print the CHANGELOG section: ids added, changed, merged and removed",
    "new": "add a report (new source FILE) or start a record (new meeting ID, ...)",
    "find": "the ids of people, bodies and events whose name or alias contains TEXT",
    "draft": "propose records and edits from a report (a source id or a text file)",
}
"""Each subcommand (a module under ``pakru.cli``) and its line in ``pakru --help``, in the
order ``--help`` lists them. The one place these lines are written: each module's
``register`` takes its own from here, so ``pakru --help`` lists every command without
importing any of their modules."""

VERSION_FILE = "VERSION"
"""``pakru.tools.tree.VERSION_FILE`` (a test keeps the two equal), spelt here for the same
reason as :data:`SEMVER`."""

SEMVER = r"^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:-[0-9A-Za-z.-]+)?$"
"""``pakru.dataset.versions.SEMVER`` (a test keeps the two equal), spelt here so that
``pakru --version`` need not import the models that package loads."""


def version_string() -> str:
    """``pakru 0.1.0 (data 1.0.0)``: the package and the data version.

    The same answer as ``pakru.__version__`` and ``pakru.data_version`` (a test
    compares them), read without importing the models, ``importlib.metadata``,
    ``pathlib`` or the validator's reader: ``pakru --version`` ≤ 50 ms
    (``docs/performance.md``).
    """
    return f"pakru {package_version()} (data {_data_version(records_folder())})"


def records_folder() -> str:
    """``pakru.tools.tree.shipped_records()`` (a test compares them), found with ``os.path``
    when ``pakru/records`` lies beside this package, as in a wheel, a checkout (where
    ``src/pakru/records`` links to ``records/``) or a strict editable install (where its
    ``__init__.py`` links into the checkout's ``records/``)."""
    package = os.path.join(os.path.dirname(os.path.dirname(__file__)), "records")  # noqa: PTH118, PTH120
    marker = os.path.join(package, "__init__.py")  # noqa: PTH118
    if os.path.islink(marker):  # noqa: PTH114
        return os.path.dirname(os.path.realpath(marker))  # noqa: PTH120
    if os.path.islink(package) and os.path.isfile(marker):  # noqa: PTH113, PTH114 - a checkout
        return os.path.realpath(package)
    if os.path.isfile(marker):  # noqa: PTH113
        return package
    from pakru.tools.tree import shipped_records  # noqa: PLC0415 - any other layout

    return str(shipped_records())


def _data_version(folder: str) -> str:
    """The version in ``folder/VERSION``, ``unversioned`` without one, or ``invalid: …``.

    A ``VERSION`` that is a link, or in a linked folder, is read by the validator's
    reader, which refuses one that leads out of the tree; a plain file is read here.
    """
    import re  # noqa: PLC0415

    path = os.path.join(folder, VERSION_FILE)  # noqa: PTH118
    if not os.path.isfile(path):  # noqa: PTH113
        return "unversioned"
    text = ""
    if os.path.islink(path) or os.path.islink(folder):  # noqa: PTH114
        from pakru.validate.read import Text, read_inside  # noqa: PLC0415

        read = read_inside(path, f"records/{VERSION_FILE}")
        text = read.text.strip() if isinstance(read, Text) else ""
    else:
        try:
            with open(path, "rb") as f:  # noqa: PTH123 - pathlib is not needed here
                data = f.read(_LONGEST + 1)
            text = data.decode("utf-8").strip() if len(data) <= _LONGEST else ""
        except (OSError, UnicodeDecodeError):
            text = ""
    return text if re.match(SEMVER, text) else "invalid: run pakru validate"


_LONGEST = 1_000_000
"""``pakru.validate.read.MAX_BYTES`` (a test keeps the two equal): a longer ``VERSION`` is
refused, as the validator's reader refuses it."""


def package_version() -> str:
    """The installed package's version, from its ``*.dist-info/METADATA`` found on ``sys.path``
    (``importlib.metadata`` when that finds none: it knows every other layout)."""
    for entry in sys.path:
        try:
            with os.scandir(entry or ".") as found:
                names = [e.name for e in found if e.name.startswith("pakru-")]
        except OSError:
            continue
        for name in names:
            if name.endswith(".dist-info"):
                version = _metadata_version(os.path.join(entry or ".", name, "METADATA"))  # noqa: PTH118
                if version is not None:
                    return version
    return str(pakru.__version__)


def _metadata_version(path: str) -> str | None:
    try:
        with open(path, encoding="utf-8") as f:  # noqa: PTH123 - pathlib is not needed here
            for line in f:
                if line.startswith("Version:"):
                    return line.split(":", 1)[1].strip()
                if not line.strip():
                    return None
    except OSError:
        return None
    return None


def parser(command: str | None = None) -> "argparse.ArgumentParser":
    """The argument parser with every subcommand registered; given ``command``, only that
    command's module is imported and registers its options, the others are listed by their
    :data:`COMMANDS` line alone."""
    import argparse  # noqa: PLC0415
    from importlib import import_module  # noqa: PLC0415

    class Version(argparse.Action):
        """``--version``: the version string is looked up only when asked for."""

        def __call__(self, parser: argparse.ArgumentParser, *_args: object, **_kw: object) -> None:
            print(version_string())
            parser.exit()

    top = argparse.ArgumentParser(
        prog="pakru",
        description="Pakistan–Russia security dialogues, meetings and agreements.",
    )
    top.add_argument(
        "--version", action=Version, nargs=0, help="show program's version number and exit"
    )
    subparsers = top.add_subparsers(dest="command", metavar="COMMAND", required=True)
    for name, line in COMMANDS.items():
        if command is None or name == command:
            import_module(f"pakru.cli.{name}").register(subparsers)
        else:
            subparsers.add_parser(name, help=line)
    return top


def _command(argv: "Sequence[str]") -> str:
    """The subcommand ``argv`` names: its first word that is not an option (the top-level
    options take no value), or ``""`` when there is none (``pakru --help``)."""
    return next((arg for arg in argv if not arg.startswith("-")), "")


def main(argv: "Sequence[str] | None" = None) -> int:
    """Run the command line; return the exit code.

    The cyclic garbage collector is paused while the command runs and
    restored afterwards. Run as the command (``argv`` None: the ``pakru``
    script, ``python -m pakru``), the process ends as soon as the output is
    flushed, without freeing what the command built (both are process
    plumbing: :mod:`pakru.validate.workers`).

    This is also the last line of defence: anything a subcommand lets escape
    becomes one line on stderr and exit code 2, never a traceback (bad input
    is reported as findings long before this; an escape here is a bug to report).
    """
    if list(sys.argv[1:] if argv is None else argv) == ["--version"]:
        print(version_string())  # the one answer that needs no parser: no command module loaded
        raise SystemExit(0)  # as argparse's own version action does
    given = list(sys.argv[1:] if argv is None else argv)
    command = _command(given)
    if not command:  # ``pakru --help``, or no command: argparse answers and exits, light
        parser(command).parse_args(given)
    from pakru.validate.workers import collector_paused, exit_now  # noqa: PLC0415

    with collector_paused(restore=argv is not None):  # the command's imports are paused, too
        args = parser(command).parse_args(given)
        code = _run(args)
    if argv is None:
        exit_now(code)
    return code


def _run(args: "argparse.Namespace") -> int:
    try:
        code: int = args.run(args)
        sys.stdout.flush()
    except KeyboardInterrupt:
        print("pakru: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        # the reader of our output went away (``pakru validate | head``): nothing to report,
        # and stdout must not be flushed again at exit
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 1
    except Exception as error:
        from pakru.schema.text import normalise  # noqa: PLC0415 - only on this rare path

        message = normalise(str(error)) or "no details"
        print(f"pakru {args.command}: {type(error).__name__}: {message}", file=sys.stderr)
        return 2
    return code
