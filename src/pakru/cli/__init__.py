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

# argparse, the command modules and the process plumbing are imported when a command
# runs: ``pakru --version`` prints without them (≤ 50 ms, docs/performance.md)

COMMANDS = (
    "validate",
    "fmt",
    "rules",
    "schema",
    "coverage",
    "export",
    "changelog",
    "new",
    "find",
    "draft",
)
"""Subcommand modules under ``pakru.cli``, in the order ``--help`` lists them."""


SEMVER = r"^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:-[0-9A-Za-z.-]+)?$"
"""``pakru.dataset.versions.SEMVER`` (a test keeps the two equal), spelt here so that
``pakru --version`` need not import the models that package loads."""


def version_string() -> str:
    """``pakru 0.1.0 (data 1.0.0)``: the package and the data version.

    The same answer as ``pakru.__version__`` and ``pakru.data_version`` (a test
    compares them), read without importing the models or ``importlib.metadata``:
    ``pakru --version`` ≤ 50 ms (``docs/performance.md``).
    """
    import re  # noqa: PLC0415

    from pakru.tools.tree import VERSION_FILE, shipped_records  # noqa: PLC0415
    from pakru.validate.read import Text, read_inside  # noqa: PLC0415

    path = shipped_records() / VERSION_FILE
    data = "unversioned"
    if path.is_file():
        read = read_inside(path, f"records/{VERSION_FILE}")
        text = read.text.strip() if isinstance(read, Text) else ""
        data = text if re.match(SEMVER, text) else "invalid: run pakru validate"
    return f"pakru {package_version()} (data {data})"


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


def parser() -> "argparse.ArgumentParser":
    """The argument parser with every subcommand registered."""
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
    for name in COMMANDS:
        import_module(f"pakru.cli.{name}").register(subparsers)
    return top


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
    from pakru.validate.workers import collector_paused, exit_now  # noqa: PLC0415

    with collector_paused(restore=argv is not None):
        code = _run(parser().parse_args(argv))
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
