"""Findings: what the validator reports, as plain immutable values.

A finding is produced by every stage (reading, parsing, schema checks,
rules) and printed in one place, :mod:`pakru.validate.report`. Findings
sort by file, line and column, and carry a rule id so they can be selected,
ignored, counted and serialised.
"""

from collections.abc import Iterable
from dataclasses import asdict, dataclass
from typing import Any, Literal

Severity = Literal["error", "warning", "info"]
SEVERITIES: tuple[Severity, ...] = ("error", "warning", "info")


@dataclass(frozen=True, order=True)
class Finding:
    """One problem at one place.

    ``line`` and ``column`` are 1-based; 0 means the finding concerns the
    whole file. ``field`` is the dotted path of the field concerned
    (``participants[0].ref``), empty for a whole record or file.
    """

    path: str
    line: int
    column: int
    rule: str
    severity: Severity
    message: str
    field: str = ""
    record: str = ""

    def to_dict(self) -> dict[str, Any]:
        """The finding as a JSON-ready dict (the ``--format json`` item)."""
        return asdict(self)


def is_selected(rule: str, select: Iterable[str], ignore: Iterable[str]) -> bool:
    """Whether ``rule`` passes ``--select``/``--ignore``, which match by id or id prefix.

    ``dates`` matches ``dates.order`` and ``dates.weekday``; an empty select
    means every rule.
    """
    select = tuple(select)

    def matches(prefix: str) -> bool:
        return rule == prefix or rule.startswith(prefix.rstrip(".") + ".")

    if select and not any(matches(p) for p in select):
        return False
    return not any(matches(p) for p in ignore)


def filter_findings(
    findings: Iterable[Finding], select: Iterable[str] = (), ignore: Iterable[str] = ()
) -> list[Finding]:
    """Findings that pass ``select``/``ignore``, sorted by place."""
    select, ignore = tuple(select), tuple(ignore)
    return sorted(f for f in findings if is_selected(f.rule, select, ignore))
