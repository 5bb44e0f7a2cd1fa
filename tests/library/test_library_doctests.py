"""The docstring examples of the library modules run as tests on the fixture dataset."""

import doctest
from collections.abc import Callable
from importlib import import_module

import pytest

from pakru.dataset import Dataset

MODULES = (
    "pakru.dataset",
    "pakru.library",
    "pakru.dataset.collection",
    "pakru.schema.dates",
    "pakru.acts.codes",
    "pakru.export",
    "pakru.export.csv_",
    "pakru.export.analysis",
    "pakru.export.citation",
    "pakru.dataset.versions",
    "pakru.tools.changes",
    "pakru.schema.introspect",
    "pakru.schema.text",
)


@pytest.mark.parametrize("name", MODULES)
def test_docstring_examples(name: str, load_fixture: Callable[[], Dataset]) -> None:
    module = import_module(name)
    result = doctest.testmod(
        module,
        extraglobs={"fixture": load_fixture},
        optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE,
    )
    assert result.failed == 0, f"{result.failed} of {result.attempted} examples failed"
