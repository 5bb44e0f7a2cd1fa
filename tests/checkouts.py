"""Copies of this checkout, whole or broken, for the tests of what a command run in one checks."""

import shutil
from pathlib import Path

from tests.conftest import REPO

MARKER = "Broken-checkout marker meeting"
"""The title the broken copy gives ``cgss-12``: the site built from the copy must show it."""

BROKEN_FILE = "records/meetings/cgss-12.yaml"
"""The record the broken copy breaks, as findings name it from the copy's root."""

QUOTE = "Ambassador Tasnim Aslam, Special Secretary United Nations and Economic Coordination led"
"""A quote of ``cgss-12`` that its report prints; the broken copy replaces it."""


def copy_checkout(dest: Path, *, site: bool = False) -> Path:
    """A copy of this checkout's records (and, with ``site``, what mkdocs needs) at ``dest``."""
    ignore = shutil.ignore_patterns("__pycache__", ".*")
    shutil.copytree(REPO / "records", dest / "records", ignore=ignore)
    for name in ("CHANGELOG.md", "README.md", "LICENSE", "CITATION.cff"):
        shutil.copy2(REPO / name, dest / name)
    if site:
        shutil.copytree(REPO / "docs", dest / "docs", ignore=ignore)
        shutil.copy2(REPO / "mkdocs.yml", dest / "mkdocs.yml")
    return dest


def break_checkout(root: Path) -> Path:
    """Break the copy at ``root``: a quote no report prints, and a title to see on the site.

    Returns the broken file. The records still load (``pakru.load()`` runs no
    cross-record rules), so the site builds and must show the marker, while
    ``pakru validate`` must fail on ``evidence.quote`` in that file.
    """
    path = root / BROKEN_FILE
    text = path.read_text(encoding="utf-8")
    assert QUOTE in text
    title = "title: 12th meeting of the Pakistan-Russia Consultative Group on Strategic Stability"
    assert title in text
    text = text.replace(QUOTE, "A sentence that no report prints").replace(
        title, f"title: {MARKER}"
    )
    path.write_text(text, encoding="utf-8")
    return path


def broken_checkout(dest: Path, *, site: bool = False) -> Path:
    """A broken copy of this checkout at ``dest`` (see :func:`break_checkout`)."""
    root = copy_checkout(dest, site=site)
    break_checkout(root)
    return root
