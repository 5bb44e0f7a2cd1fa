"""The ``pakru`` command: parse arguments → build the pieces → execute.

Each subcommand lives in its own module with ``register(subparsers)``,
which adds its parser and sets ``run`` to a function taking the parsed
arguments and returning the exit code: 0 clean, 1 findings, 2 usage.
"""

import argparse
import gc
import os
import sys
from collections.abc import Sequence
from importlib import import_module

import pakru

COMMANDS = ("validate", "fmt", "rules", "schema", "coverage", "export", "changelog", "new")
"""Subcommand modules under ``pakru.cli``, in the order ``--help`` lists them."""


def version_string() -> str:
    """``pakru 0.1.0 (data 1.0.0)``: the package and the data version."""
    from pakru.manifest import VERSION_FILE, shipped_records  # noqa: PLC0415
    from pakru.validate.manifest import read_version  # noqa: PLC0415

    version, problems = read_version(shipped_records() / VERSION_FILE, f"records/{VERSION_FILE}")
    data = "invalid: run pakru validate" if problems else version or "unversioned"
    return f"pakru {pakru.__version__} (data {data})"


def parser() -> argparse.ArgumentParser:
    """The argument parser with every subcommand registered."""
    top = argparse.ArgumentParser(
        prog="pakru",
        description="Pakistan–Russia security dialogues, meetings and agreements.",
    )
    top.add_argument("--version", action="version", version=version_string())
    subparsers = top.add_subparsers(dest="command", metavar="COMMAND", required=True)
    for name in COMMANDS:
        import_module(f"pakru.cli.{name}").register(subparsers)
    return top


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit code.

    The cyclic garbage collector is paused while the command runs and
    restored afterwards. Run as the command (``argv`` None: the ``pakru``
    script, ``python -m pakru``), everything left is frozen out of the
    collector's reach before the interpreter exits.
    """
    # Records, findings and texts are long-lived and acyclic: the collector
    # would only re-walk them (at 100,000 records, seconds of full collections),
    # and once more at interpreter exit.
    enabled = gc.isenabled()
    gc.disable()
    try:
        args = parser().parse_args(argv)
        code: int = args.run(args)
        sys.stdout.flush()
    except BrokenPipeError:
        code = _reader_gone()
    finally:
        if enabled:
            gc.enable()
        if argv is None:
            gc.freeze()
    return code


def _reader_gone() -> int:
    """The reader closed the pipe (``pakru coverage | head``): stop quietly, as ``yes | head`` does.

    Python's own flush at exit would fail on the closed pipe again and print
    a traceback, so stdout is pointed at /dev/null first (the recipe in
    Python's ``signal`` docs). 141 is 128 + SIGPIPE, what a shell reports.
    """
    os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
    return 141
