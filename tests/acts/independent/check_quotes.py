"""Check the independent coding: every quote is a verbatim substring of its report.

Run from the repository root: ``python tests/acts/independent/check_quotes.py``.
It reads only the coding files here, the source records and their texts.
"""

from __future__ import annotations

import sys
from pathlib import Path

import yaml

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[2]


def problems() -> list[str]:
    """Every quote not found in its text, and every malformed row."""
    found: list[str] = []
    for path in sorted(HERE.glob("src-*.yaml")):
        coding = yaml.safe_load(path.read_text(encoding="utf-8"))
        record = yaml.safe_load(
            (REPO / "records" / "sources" / f"{coding['source']}.yaml").read_text(encoding="utf-8")
        )
        text = (REPO / "records" / "sources" / "text" / record["file"]).read_text(encoding="utf-8")
        groups: dict[str, int] = {}
        for n, act in enumerate(coding["acts"], 1):
            where = f"{path.name} act {n}"
            if act["quote"] not in text:
                found.append(f"{where}: quote not in {record['file']}: {act['quote']!r}")
            code = act["code"]
            if not (isinstance(code, str) and code.isdigit() and len(code) in (3, 4)):
                found.append(f"{where}: code {code!r} is not a 3- or 4-digit string")
            date = act["date"]
            if date and date["earliest"] and date["latest"] and date["earliest"] > date["latest"]:
                found.append(f"{where}: date interval reversed")
            if "group" in act:
                groups[act["group"]] = groups.get(act["group"], 0) + 1
        found += [f"{path.name}: group {g} has one row" for g, k in groups.items() if k < 2]
    return found


if __name__ == "__main__":
    bad = problems()
    print("\n".join(bad) or "all quotes found, all rows well formed")
    sys.exit(1 if bad else 0)
