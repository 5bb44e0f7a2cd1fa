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

``--format sarif``: a SARIF 2.1.0 log (one run, tool ``pakru``) for code
scanning: each finding is a result with its rule id, level (``error``,
``warning``, ``note`` for info), message, file and region, and a
``partialFingerprints`` entry built from rule, file, record, field and
message (not the line), so a finding keeps its identity when lines move;
every rule reported is described in ``tool.driver.rules`` with its summary,
its doc as the help text and a ``helpUri`` to its own row of the site's
rules page (the rule id is the anchor), which is also the tool's
``informationUri``.

``--format junit``: JUnit XML for CI test reports: one test suite per file,
one failing test case per error or warning finding (info findings are
skipped cases), and one passing case when there are no findings.

Every format is deterministic: the same findings give the same bytes, so a
report can be diffed between runs.
"""

import hashlib
import json
import unicodedata
from collections import Counter
from collections.abc import Callable, Sequence
from itertools import groupby
from pathlib import PurePosixPath
from urllib.parse import quote
from xml.etree import ElementTree as ET

from pakru.validate.findings import Finding


def _uri(path: str) -> str:
    """A SARIF artifact URI: relative paths stay relative (code scanning maps them onto
    the repository); an absolute path becomes a ``file://`` URI, never a bare ``/...``."""
    return PurePosixPath(path).as_uri() if path.startswith("/") else quote(path)


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


def summary_line(findings: Sequence[Finding]) -> str:
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
    return "\n".join([*blocks, summary_line(findings)]) + "\n"


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


SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
RULES_URL = "https://example.invalid/pakru/reference/rules/"
"""The site's rules page: ``site_url`` of mkdocs.yml and the page (a test keeps them equal)."""
_SARIF_LEVEL = {"error": "error", "warning": "warning", "info": "note"}


def _sarif_rules(findings: Sequence[Finding]) -> list[dict[str, object]]:
    from pakru.validate import rules as _rules  # noqa: F401, PLC0415 - registers the rules
    from pakru.validate.registry import RULES  # noqa: PLC0415

    described = []
    for rule_id in sorted({f.rule for f in findings}):
        rule = RULES.get(rule_id)
        summary = rule.summary if rule else rule_id
        doc = rule.doc if rule else summary
        item: dict[str, object] = {
            "id": rule_id,
            "shortDescription": {"text": summary},
            "fullDescription": {"text": doc},
            "help": {"text": doc},
        }
        if rule:
            item["helpUri"] = f"{RULES_URL}#{rule.id}"  # the rule's row on the rules page
            item["defaultConfiguration"] = {"level": _SARIF_LEVEL[rule.severity]}
        described.append(item)
    return described


def _sarif_result(f: Finding, index: dict[str, int]) -> dict[str, object]:
    what = f"{f.field}: {f.message}" if f.field else f.message
    # the same finding keeps its fingerprint when lines move, so code scanning tracks it
    identity = "\0".join((f.rule, f.path, f.record, f.field, f.message))
    result: dict[str, object] = {
        "ruleId": f.rule,
        "ruleIndex": index[f.rule],
        "level": _SARIF_LEVEL[f.severity],
        "message": {"text": what},
        "partialFingerprints": {
            "pakruFinding/v1": hashlib.sha256(identity.encode()).hexdigest()[:32]
        },
    }
    location: dict[str, object] = {}
    if f.path:
        physical: dict[str, object] = {"artifactLocation": {"uri": _uri(f.path)}}
        if f.line:
            physical["region"] = {"startLine": f.line, "startColumn": max(f.column, 1)}
        location["physicalLocation"] = physical
    if f.record:
        name = f"{f.record}.{f.field}" if f.field else f.record
        location["logicalLocations"] = [{"fullyQualifiedName": name, "kind": "object"}]
    if location:
        result["locations"] = [location]
    return result


def sarif(findings: Sequence[Finding], colour: bool = False) -> str:
    """A SARIF 2.1.0 log for code scanning (GitHub, GitLab, VS Code's SARIF viewer)."""
    del colour
    import pakru  # noqa: PLC0415 - the tool version

    rules = _sarif_rules(findings)
    index = {str(r["id"]): i for i, r in enumerate(rules)}
    document = {
        "$schema": SARIF_SCHEMA,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "pakru",
                        "version": pakru.__version__,
                        "informationUri": RULES_URL,
                        "rules": rules,
                    }
                },
                "columnKind": "unicodeCodePoints",
                "results": [_sarif_result(f, index) for f in findings],
            }
        ],
    }
    return json.dumps(document, indent=2, ensure_ascii=False) + "\n"


def junit(findings: Sequence[Finding], colour: bool = False) -> str:
    """JUnit XML: a test suite per file, a failing case per error or warning."""
    del colour
    failing = sum(f.severity != "info" for f in findings)
    skipped = len(findings) - failing
    root = ET.Element(
        "testsuites",
        name="pakru validate",
        tests=str(max(len(findings), 1)),
        failures=str(failing),
        skipped=str(skipped),
    )
    if not findings:
        suite = ET.SubElement(root, "testsuite", name="records", tests="1", failures="0")
        ET.SubElement(suite, "testcase", name="validate", classname="records")
    for path, group in groupby(findings, key=lambda f: f.path):
        items = list(group)
        suite = ET.SubElement(
            root,
            "testsuite",
            name=path or "(dataset)",
            tests=str(len(items)),
            failures=str(sum(f.severity != "info" for f in items)),
            skipped=str(sum(f.severity == "info" for f in items)),
        )
        for f in items:
            where = f"{f.path}:{f.line}:{f.column}" if f.line else (f.path or "(dataset)")
            case = ET.SubElement(
                suite, "testcase", name=f"{f.rule} {where}", classname=path or "(dataset)"
            )
            what = f"{f.field}: {f.message}" if f.field else f.message
            tag = "skipped" if f.severity == "info" else "failure"
            detail = ET.SubElement(case, tag, message=what, type=f.rule)
            detail.text = f"{where}: {f.severity}[{f.rule}] {what}"
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, "unicode") + "\n"


REPORTERS: dict[str, Callable[[Sequence[Finding], bool], str]] = {
    "text": text,
    "json": as_json,
    "github": github,
    "sarif": sarif,
    "junit": junit,
}
