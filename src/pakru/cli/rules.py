"""``pakru rules``: list every rule id with its severity and summary."""

import argparse
import json

from pakru.cli import COMMANDS


def register(subparsers: "argparse._SubParsersAction[argparse.ArgumentParser]") -> None:
    """Add the ``rules`` subcommand."""
    p = subparsers.add_parser("rules", help=COMMANDS["rules"])
    p.add_argument("--format", choices=("text", "json"), default="text")
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    """Print the registry."""
    # imported here: building the parser (``pakru --help``) must not load the rules
    from pakru.validate import rules as _rules  # noqa: F401, PLC0415 - registers the rules
    from pakru.validate.registry import RULES  # noqa: PLC0415

    if args.format == "json":
        items = [
            {"id": r.id, "severity": r.severity, "summary": r.summary, "doc": r.doc}
            for r in RULES.values()
        ]
        print(json.dumps(items, indent=2))
        return 0
    width = max(len(r.id) for r in RULES.values())
    for r in sorted(RULES.values(), key=lambda r: r.id):
        print(f"{r.id:<{width}}  {r.severity:<7}  {r.summary}")
    return 0
