"""The ``pakru`` command: parse arguments → build the pieces → execute.

Each subcommand lives in its own module with ``register(subparsers)``,
which adds its parser and sets ``run`` to a function taking the parsed
arguments and returning the exit code: 0 clean, 1 findings, 2 usage.
"""

import argparse
import os
import sys
from collections.abc import Sequence
from importlib import import_module

import pakru
from pakru.validate.workers import collector_paused, exit_now

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


def version_string() -> str:
    """``pakru 0.1.0 (data 1.0.0)``: the package and the data version."""
    from pakru.tools.tree import VERSION_FILE, shipped_records  # noqa: PLC0415
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
    script, ``python -m pakru``), the process ends as soon as the output is
    flushed, without freeing what the command built (both are process
    plumbing: :mod:`pakru.validate.workers`).

    This is also the last line of defence: anything a subcommand lets escape
    becomes one line on stderr and exit code 2, never a traceback (bad input
    is reported as findings long before this; an escape here is a bug to report).
    """
    with collector_paused(restore=argv is not None):
        code = _run(parser().parse_args(argv))
    if argv is None:
        exit_now(code)
    return code


def _run(args: argparse.Namespace) -> int:
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
