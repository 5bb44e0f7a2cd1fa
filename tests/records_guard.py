"""A pytest plugin: no test writes into the records tree ``PAKRU_RECORDS`` names.

``tests/growth.py`` runs the suite with ``PAKRU_RECORDS`` set to a grown copy of
the records (``-p tests.records_guard``). A test that finds its tree from the
working folder but forgets that ``PAKRU_RECORDS`` wins (``monkeypatch.delenv``)
would read, and with ``pakru new`` or ``pakru draft --write`` write, that tree
instead of its own; the next tests would then run on changed data. This plugin
keeps the tree's files before each test, compares after it (and its fixtures),
fails the test that changed the tree, naming the files, and puts the tree back
so the tests after it still run on the grown data.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from pakru.tools.tree import RECORDS_ENV


def fingerprint(tree: Path) -> dict[str, bytes]:
    """``{relative path: content}`` of every file under ``tree`` (``__pycache__`` aside)."""
    return {
        path.relative_to(tree).as_posix(): path.read_bytes()
        for path in sorted(tree.rglob("*"))
        if path.is_file() and "__pycache__" not in path.parts
    }


def restore(tree: Path, before: dict[str, bytes], after: dict[str, bytes]) -> None:
    """Put ``tree`` back as ``before``: remove the files added, rewrite the others."""
    for name in after.keys() - before.keys():
        (tree / name).unlink()
    for name, content in before.items():
        if after.get(name) != content:
            (tree / name).parent.mkdir(parents=True, exist_ok=True)
            (tree / name).write_bytes(content)


def changed(before: dict[str, bytes], after: dict[str, bytes]) -> list[str]:
    """The files added, removed or rewritten, each marked ``+``, ``-`` or ``~``."""
    return sorted(
        [f"+ {p}" for p in after.keys() - before.keys()]
        + [f"- {p}" for p in before.keys() - after.keys()]
        + [f"~ {p}" for p in before.keys() & after.keys() if before[p] != after[p]]
    )


_TREE = pytest.StashKey[Path]()
_BEFORE = pytest.StashKey[dict[str, bytes]]()


def pytest_configure(config: pytest.Config) -> None:
    """Note the tree the session was started with (a test may change the variable itself)."""
    if chosen := os.environ.get(RECORDS_ENV, ""):
        config.stash[_TREE] = Path(chosen).absolute()


@pytest.hookimpl(wrapper=True)
def pytest_runtest_setup(item: pytest.Item) -> Iterator[None]:
    """Fingerprint the tree before the test's fixtures run."""
    tree = item.config.stash.get(_TREE, None)
    if tree is not None and tree.is_dir():
        item.stash[_BEFORE] = fingerprint(tree)
    return (yield)


@pytest.hookimpl(wrapper=True)
def pytest_runtest_teardown(item: pytest.Item, nextitem: pytest.Item | None) -> Iterator[None]:
    """After the test and its fixtures: fail it when the tree changed under it."""
    del nextitem
    result = yield
    tree = item.config.stash.get(_TREE, None)
    before = item.stash.get(_BEFORE, None)
    after = fingerprint(tree) if tree is not None and before is not None else {}
    if tree is not None and before is not None and (moved := changed(before, after)):
        restore(tree, before, after)
        pytest.fail(
            f"{item.nodeid} wrote into the {RECORDS_ENV} tree {tree}: {moved[:10]}; "
            "a test that finds records from its working folder must "
            f"monkeypatch.delenv({RECORDS_ENV!r})",
            pytrace=False,
        )
    return result
