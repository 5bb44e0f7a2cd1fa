"""Reporting: findings → text, JSON or GitHub workflow annotations. The only place that prints.

``--format text`` (default): one line per finding,
``path:line:col: severity[rule] field: message`` (``path: severity[rule] ...``
when the finding concerns a whole file), grouped by file and sorted by
line; on a terminal the severities are coloured and each group is headed
by its file name. A summary line ends the report.

``--format json``: one JSON object, stable within a ``version``::

    {
      "version": 1,
      "findings": [
        {
          "path": "records/meetings/jwg-ct-07.yaml",  # as given on the command line
          "line": 12,          # 1-based; 0 = the whole file
          "column": 5,         # 1-based; 0 = the whole file
          "rule": "dates.weekday",
          "severity": "error", # "error" | "warning" | "info"
          "message": "...",
          "field": "date.derivations[0]",  # dotted field path, "" for a file
          "record": "jwg-ct-07"            # record id, "" when unknown
        }
      ],
      "summary": {"error": 1, "warning": 0, "info": 0}
    }

Findings are sorted by path, line, column, rule. A new key may be added
to a finding without a version change; renaming or removing one bumps
``version``.

``--format github``: GitHub Actions workflow commands, one per finding,
``::error file=PATH,line=L,col=C,title=RULE::FIELD: MESSAGE`` (info
findings become ``::notice``), so findings show as annotations on the pull
request.
"""

import json
import unicodedata
from collections import Counter
from collections.abc import Callable, Sequence
from itertools import groupby

from pakru.validate.findings import Finding

JSON_FORMAT_VERSION = 1

_COLOURS = {"error": "\033[31m", "warning": "\033[33m", "info": "\033[36m"}
_BOLD, _RESET = "\033[1m", "\033[0m"


_UNPRINTABLE = frozenset({"Cc", "Cf", "Cs", "Co", "Cn", "Zl", "Zp"})


def printable(value: str) -> str:
    """``value`` with control, format and line-separator characters escaped (``\\x1b``).

    A file name or quote is data: printed raw, a newline or an escape
    sequence in it could fake a finding line or recolour the terminal.
    """
    if value.isprintable():
        return value
    return "".join(ascii(c)[1:-1] if unicodedata.category(c) in _UNPRINTABLE else c for c in value)


def _line(f: Finding, colour: bool) -> str:
    path = printable(f.path)
    where = f"{path}:{f.line}:{f.column}" if f.line else path
    severity = f"{_COLOURS[f.severity]}{f.severity}{_RESET}" if colour else f.severity
    what = f"{f.field}: {f.message}" if f.field else f.message
    return f"{where}: {severity}[{f.rule}] {printable(what)}"


def _summary(findings: Sequence[Finding]) -> str:
    if not findings:
        return "No findings."
    counts = Counter(f.severity for f in findings)
    parts = [
        f"{counts[s]} {s}{'s' if counts[s] != 1 else ''}"
        for s in ("error", "warning", "info")
        if counts[s]
    ]
    files = len({f.path for f in findings})
    return f"Found {', '.join(parts)} in {files} file{'s' if files != 1 else ''}."


def text(findings: Sequence[Finding], colour: bool = False) -> str:
    """One line per finding, ``path:line:col: severity[rule] field: message``, grouped by file."""
    blocks = []
    for path, group in groupby(findings, key=lambda f: f.path):
        lines = [_line(f, colour) for f in group]
        if colour:
            lines.insert(0, f"{_BOLD}{printable(path) or '(dataset)'}{_RESET}")
        blocks.append("\n".join(lines))
    return "\n".join([*blocks, _summary(findings)]) + "\n"


def as_json(findings: Sequence[Finding], colour: bool = False) -> str:
    """A JSON object: ``{"version": 1, "findings": [...], "summary": {...}}`` (stable)."""
    del colour
    counts = Counter(f.severity for f in findings)
    document = {
        "version": JSON_FORMAT_VERSION,
        "findings": [f.to_dict() for f in findings],
        "summary": {s: counts[s] for s in ("error", "warning", "info")},
    }
    return json.dumps(document, indent=2, ensure_ascii=False) + "\n"


def _escape(value: str, *, prop: bool = False) -> str:
    value = value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    return value.replace(":", "%3A").replace(",", "%2C") if prop else value


def github(findings: Sequence[Finding], colour: bool = False) -> str:
    """GitHub Actions workflow commands: ``::error file=...,line=...,col=...,title=rule::msg``."""
    del colour
    level = {"error": "error", "warning": "warning", "info": "notice"}
    out = []
    for f in findings:
        props = [f"file={_escape(f.path, prop=True)}"]
        if f.line:
            props += [f"line={f.line}", f"col={f.column}"]
        props.append(f"title={_escape(f.rule, prop=True)}")
        what = f"{f.field}: {f.message}" if f.field else f.message
        out.append(f"::{level[f.severity]} {','.join(props)}::{_escape(what)}")
    return "\n".join(out) + ("\n" if out else "")


REPORTERS: dict[str, Callable[[Sequence[Finding], bool], str]] = {
    "text": text,
    "json": as_json,
    "github": github,
}
