"""Shared fixtures: a writer for small record trees; the suite's own user cache."""

import os
import shutil
import tempfile
from collections.abc import Callable
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent

CACHE_ENV = "PAKRU_CACHE_DIR"


def pytest_configure(config: pytest.Config) -> None:
    """``pakru.load()`` keeps what it loaded in the user cache (:mod:`pakru.validate.cache`):
    the suite, and every process it starts, uses a folder of its own instead of the user's."""
    del config
    os.environ[CACHE_ENV] = tempfile.mkdtemp(prefix="pakru-test-cache-")


def pytest_unconfigure(config: pytest.Config) -> None:
    del config
    if folder := os.environ.pop(CACHE_ENV, ""):
        shutil.rmtree(folder, ignore_errors=True)


@pytest.fixture
def write_tree(tmp_path: Path) -> Callable[[dict[str, str]], Path]:
    """Write ``{relative path: text}`` under a fresh records folder and return it."""

    def write(files: dict[str, str]) -> Path:
        root = tmp_path / "records"
        for name, text in files.items():
            path = root / name
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
        return root

    return write
