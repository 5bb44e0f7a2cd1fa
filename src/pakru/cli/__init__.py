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
    flushed (:func:`_exit`), without freeing what the command built.

    This is also the last line of defence: anything a subcommand lets escape
    becomes one line on stderr and exit code 2, never a traceback (bad input
    is reported as findings long before this; an escape here is a bug to report).
    """
    # Records, findings and texts are long-lived and acyclic: the collector
    # would only re-walk them (at 100,000 records, seconds of full collections).
    enabled = gc.isenabled()
    gc.disable()
    try:
        code = _run(parser().parse_args(argv))
    finally:
        # Not as the command: turned back on, the collector's first pass would walk
        # every object made meanwhile (all still in its youngest generation), about a
        # tenth of validate's time at 10,000 records, just before the process ends.
        if enabled and argv is not None:
            gc.enable()
    if argv is None:
        _exit(code)
    return code


def _exit(code: int) -> None:
    """End the process with ``code`` once standard output and error are flushed.

    The interpreter's own exit would free every record, text and finding one
    by one (at 100,000 records about a quarter of a second of CPU) and run
    ``atexit`` handlers, which pakru does not register; every file the
    command wrote is closed by then, and any worker processes have been
    joined. ``tests/test_gc.py`` checks the output and the code survive.
    """
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except (OSError, ValueError):  # a reader gone, or a stream closed: nothing to keep
            code = code or 1
    os._exit(code)


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
