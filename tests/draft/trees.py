"""Records trees for the draft tests: an empty one and a copy of the shipped one, and the
report texts the tests write in other outlets' styles (tests/draft/texts/).

Not a conftest.py: the scorer's tests keep theirs in this folder."""

import shutil
from pathlib import Path

from tests.conftest import REPO

TEXTS = Path(__file__).parent / "texts"
FOLDERS = ("agreements", "bodies", "conflicts", "events", "meetings", "people", "sources/text")


def empty_tree(root: Path) -> Path:
    """An empty records tree under ``root``: every record folder, no record."""
    for folder in FOLDERS:
        (root / folder).mkdir(parents=True)
    return root


def shipped_copy(root: Path) -> Path:
    """A copy of the shipped records tree under ``root`` (drafting into it must not break it)."""
    shutil.copytree(REPO / "records", root)
    return root
