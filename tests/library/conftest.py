"""Fixtures for the library tests: a small dataset of every record kind."""

from collections.abc import Callable
from pathlib import Path

import pytest

import pakru
from pakru.dataset import Dataset

FIXTURE = Path(__file__).resolve().parent / "fixtures" / "records"


def fixture() -> Dataset:
    """The fixture dataset (the name the docstring examples use)."""
    return pakru.load([FIXTURE])


@pytest.fixture(scope="session")
def ds() -> Dataset:
    """The fixture dataset, loaded once."""
    return fixture()


@pytest.fixture(scope="session")
def load_fixture() -> Callable[[], Dataset]:
    """The function that loads the fixture dataset (for docstring examples)."""
    return fixture


@pytest.fixture(scope="session")
def fixture_root() -> Path:
    """The folder of the fixture records."""
    return FIXTURE
