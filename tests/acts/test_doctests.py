"""The docstring examples of the act coding and the name matcher run as tests."""

import doctest
from importlib import import_module

import pytest


@pytest.mark.parametrize("name", ["pakru.acts.policy", "pakru.schema.names"])
def test_docstring_examples(name: str) -> None:
    result = doctest.testmod(import_module(name), optionflags=doctest.ELLIPSIS)
    assert result.attempted
    assert result.failed == 0, f"{result.failed} of {result.attempted} examples failed"
