"""A records tree with no records, and the report texts the draft tests write in other styles."""

from pathlib import Path

import pytest

from tests.conftest import REPO

TEXTS = Path(__file__).parent / "texts"
FOLDERS = ("agreements", "bodies", "conflicts", "events", "meetings", "people", "sources/text")


def empty_tree(root: Path) -> Path:
    """An empty records tree under ``root``: every record folder, no record."""
    for folder in FOLDERS:
        (root / folder).mkdir(parents=True)
    return root


@pytest.fixture
def tree(tmp_path: Path) -> Path:
    """An empty records tree."""
    return empty_tree(tmp_path / "records")


@pytest.fixture
def shipped_copy(tmp_path: Path) -> Path:
    """A copy of the shipped records tree (drafting into it must not break it)."""
    import shutil  # noqa: PLC0415

    target = tmp_path / "records"
    shutil.copytree(REPO / "records", target)
    return target
