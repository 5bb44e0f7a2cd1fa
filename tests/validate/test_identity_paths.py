"""The ids.* rules read a file's stem and folder as PurePath does, without making one."""

import os
import shutil
from pathlib import Path, PurePath

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pakru.validate.registry import Context
from pakru.validate.rules.identity import _name_and_folder, _stem
from pakru.validate.run import validate
from tests.validate.test_cases import BASE, TODAY

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


def test_the_folder_rule_does_not_depend_on_the_working_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Run from inside ``meetings/``, the findings show bare file names; the folder is still
    the one the file is in."""
    records = tmp_path / "records"
    shutil.copytree(BASE, records)
    everywhere = []
    for working in (tmp_path, records, records / "meetings", records / "sources"):
        monkeypatch.chdir(working)
        for tree in (records, Path(os.path.relpath(records))):
            found = validate([tree], context=Context(today=TODAY), select=["ids"])
            everywhere.append([(f.rule, f.record) for f in found])
    assert everywhere == [[]] * len(everywhere)


def test_a_record_replaced_by_a_link_to_another_is_reported_under_the_links_name(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    records = tmp_path / "records"
    shutil.copytree(BASE, records)
    meetings = records / "meetings"
    first, second = sorted(meetings.glob("*.yaml"))[:2]
    second.unlink()
    second.symlink_to(first.name)
    monkeypatch.chdir(tmp_path)
    found = validate([Path("records")], context=Context(today=TODAY), select=["ids"])
    shown = [(f.path, f.rule) for f in found]
    assert (f"records/meetings/{second.name}", "ids.filename") in shown
    assert (f"records/meetings/{second.name}", "ids.unique") in shown
