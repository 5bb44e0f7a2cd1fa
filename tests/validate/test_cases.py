"""Every rule's case folder: valid records give none of its findings, invalid ones exactly these.

A case folder ``tests/cases/<rule-id>/`` holds ``valid/`` and ``invalid/``
overlays on the shared tree ``tests/cases/_base/`` (a small dataset that
is clean under every rule), and ``expected.txt``: the exact findings of
that rule on the invalid tree, ``path:line:col: severity[rule] field: message``
with paths relative to the tree (``PAKRU_UPDATE_CASES=1 pytest`` rewrites
them after a deliberate change; review the diff). A file named ``NAME.xN`` in an overlay is
written as ``NAME`` holding its content repeated N times (for size limits); a symbolic link
stays a link, with the same target (``read.outside``).
"""

import datetime as dt
import os
import re
import shutil
from pathlib import Path

import pytest

from pakru.validate import rules as _rules  # noqa: F401 - registers the rules
from pakru.validate.registry import RULES, Context
from pakru.validate.report import text
from pakru.validate.run import validate
from tests.conftest import REPO

CASES = REPO / "tests" / "cases"
BASE = CASES / "_base"
TODAY = dt.date(2018, 6, 1)
_REPEAT = re.compile(r"^(?P<name>.+)\.x(?P<times>\d+)$")


def build_tree(overlay: Path, target: Path) -> Path:
    """Copy the base tree, then the overlay on top of it, into ``target``."""
    shutil.copytree(BASE, target)
    for path in sorted(overlay.rglob("*")):
        if path.is_symlink():
            dest = target / path.relative_to(overlay)
            dest.parent.mkdir(parents=True, exist_ok=True)
            dest.unlink(missing_ok=True)
            dest.symlink_to(path.readlink())
            continue
        if not path.is_file() or (path.name == ".keep" and path.parent == overlay):
            continue
        dest = target / path.relative_to(overlay)
        dest.parent.mkdir(parents=True, exist_ok=True)
        if match := _REPEAT.match(dest.name):
            dest = dest.with_name(match["name"])
            dest.write_bytes(path.read_bytes() * int(match["times"]))
        elif path.name != ".keep":
            shutil.copyfile(path, dest)
    return target


def findings_of(rule: str, tree: Path) -> list[str]:
    """The findings of ``rule`` on ``tree``, as report lines with tree-relative paths."""
    found = validate([tree], context=Context(today=TODAY), select=[rule])
    lines = text([f for f in found if f.rule == rule]).splitlines()[:-1]
    prefix = f"{tree.as_posix()}/"
    return [line.removeprefix(prefix) for line in lines]


CASE_IDS = sorted(p.name for p in CASES.iterdir() if p.is_dir() and p.name != "_base")


def test_base_tree_is_clean() -> None:
    assert validate([BASE], context=Context(today=TODAY)) == []


def test_every_rule_has_a_case_folder() -> None:
    missing = sorted(set(RULES) - set(CASE_IDS))
    assert missing == [], f"rules without tests/cases/<id>/: {missing}"


def test_every_case_folder_names_a_rule() -> None:
    assert sorted(set(CASE_IDS) - set(RULES)) == []


@pytest.mark.parametrize("rule", CASE_IDS)
def test_valid_case_has_no_finding(rule: str, tmp_path: Path) -> None:
    tree = build_tree(CASES / rule / "valid", tmp_path / "records")
    assert findings_of(rule, tree) == []


@pytest.mark.parametrize("rule", CASE_IDS)
def test_invalid_case_gives_exactly_the_expected_findings(rule: str, tmp_path: Path) -> None:
    tree = build_tree(CASES / rule / "invalid", tmp_path / "records")
    expected_file = CASES / rule / "expected.txt"
    found = findings_of(rule, tree)
    if os.environ.get("PAKRU_UPDATE_CASES") == "1":
        expected_file.write_text("".join(line + "\n" for line in found), encoding="utf-8")
    assert expected_file.is_file(), (
        f"{rule}: no {expected_file.relative_to(CASES.parent.parent)}: write it with "
        f"PAKRU_UPDATE_CASES=1 pytest tests/validate/test_cases.py -k {rule!r}, then read it"
    )
    expected = expected_file.read_text(encoding="utf-8").splitlines()
    assert expected, f"{rule}: expected.txt lists no finding"
    assert found == expected
