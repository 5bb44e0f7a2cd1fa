"""``pakru coverage``: per report, each sentence, what it mentions and which records cite it."""

import argparse
import json
import sys
from dataclasses import asdict
from typing import TYPE_CHECKING

from pakru.cli import COMMANDS
from pakru.cli.args import add_paths, load_or_report, say_tree

if TYPE_CHECKING:
    from pakru.coverage import SourceCoverage

_WIDTH = 100


def register(subparsers: "argparse._SubParsersAction[argparse.ArgumentParser]") -> None:
    """Add the ``coverage`` subcommand."""
    p = subparsers.add_parser(
        "coverage",
        help=COMMANDS["coverage"],
        description=(
            "List every sentence of every report, marking those that mention a meeting, "
            "agreement, event or actor and the records whose quotes cite them. With "
            "--uncited, list only mentioning sentences no record cites and exit 1 if any."
        ),
    )
    add_paths(p)
    p.add_argument("--format", choices=("text", "json"), default="text")
    p.add_argument(
        "--uncited", action="store_true", help="only mentioning sentences that no record cites"
    )
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    """Print the coverage of the dataset's sources."""
    ds = load_or_report(args)
    if isinstance(ds, int):
        return ds
    from pakru.coverage import coverage  # noqa: PLC0415 - keeps the parser light

    reports = coverage(ds)
    print(_json(reports, args.uncited) if args.format == "json" else _text(reports, args.uncited))
    say_tree(args, len(ds), stream=sys.stderr if args.format == "json" else sys.stdout)
    return 1 if args.uncited and any(r.uncited for r in reports) else 0


def _json(reports: "list[SourceCoverage]", uncited_only: bool) -> str:
    items = []
    for report in reports:
        shown = report.uncited if uncited_only else report.sentences
        items.append(
            {
                "source": report.source,
                "file": report.file,
                "sentences": len(report.sentences),
                "mentioning": len(report.mentioning),
                "uncited": len(report.uncited),
                "items": [asdict(s) | {"mentioning": s.mentioning} for s in shown],
            }
        )
    return json.dumps(items, indent=2, ensure_ascii=False)


def _text(reports: "list[SourceCoverage]", uncited_only: bool) -> str:
    lines = []
    for report in reports:
        cited = len(report.mentioning) - len(report.uncited)
        lines.append(
            f"{report.source} ({report.file}): {cited}/{len(report.mentioning)} "
            f"mentioning sentences cited, {len(report.sentences)} sentences"
        )
        for s in report.uncited if uncited_only else report.sentences:
            mark = "!" if s.uncited else ("+" if s.mentioning else " ")
            text = s.text if len(s.text) <= _WIDTH else s.text[: _WIDTH - 1] + "…"
            lines.append(f"  {mark} {s.line}:{s.index} {text}")
            if s.mentions:
                lines.append(f"      mentions: {', '.join(s.mentions)}")
            if s.cited_by:
                lines.append(f"      cited by: {', '.join(s.cited_by)}")
            if s.feeds:
                lines.append(f"      feeds: {', '.join(s.feeds)}")
    return "\n".join(lines)
