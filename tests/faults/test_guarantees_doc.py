"""docs/guarantees.md names only tests and case folders that exist."""

import ast
import re

from tests.conftest import REPO

PAGE = REPO / "docs" / "guarantees.md"


def _functions(module: str) -> set[str]:
    tree = ast.parse((REPO / module).read_text(encoding="utf-8"))
    return {node.name for node in ast.walk(tree) if isinstance(node, ast.FunctionDef)}


def test_every_named_test_exists() -> None:
    named = re.findall(r"`(tests/[\w/]+\.py)::(\w+)`", PAGE.read_text(encoding="utf-8"))
    assert len(named) >= 25
    missing = [f"{module}::{name}" for module, name in named if name not in _functions(module)]
    assert missing == []


def test_every_named_case_folder_exists() -> None:
    text = PAGE.read_text(encoding="utf-8")
    folders = re.findall(r"`(tests/cases/[\w.-]+)/`", text)
    assert folders
    assert [f for f in folders if not (REPO / f).is_dir()] == []
    prefixes = re.findall(r"`(tests/cases/[\w]+)\.\*/`", text)
    assert all(any(REPO.glob(f"{p}.*/expected.txt")) for p in prefixes)
