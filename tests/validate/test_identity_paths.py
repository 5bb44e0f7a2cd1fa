"""The ids.* rules read a file's stem and folder as PurePath does, without making one."""

from pathlib import PurePath

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pakru.validate.rules.identity import _name_and_folder, _stem

PATHS = [
    "records/meetings/x.yaml",
    "x.yaml",
    "/x.yaml",
    "a/b/.hidden",
    "a/b/x.",
    "a//b/./c.tar.gz",
    "./m/x.yml",
    "../m/x.yaml",
    "a/b/..",
    "m/x.y.yaml",
    "",
    ".",
    "/",
]


@pytest.mark.parametrize("path", PATHS)
def test_stem_and_folder_are_purepaths(path: str) -> None:
    name, folder = _name_and_folder(path)
    assert (_stem(name), folder) == (PurePath(path).stem, PurePath(path).parent.name)


@given(st.lists(st.sampled_from(["a", "", ".", "..", "x.yaml", "m"]), min_size=1, max_size=6))
def test_the_quick_split_agrees_with_purepath_on_any_path(parts: list[str]) -> None:
    path = "/".join(parts)
    name, folder = _name_and_folder(path)
    assert (_stem(name), folder) == (PurePath(path).stem, PurePath(path).parent.name)
