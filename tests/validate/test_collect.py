"""``read.collect``: every record file once, in name order, from the folder listing.

The walk takes what a folder's listing says (folder or regular file, inode)
and calls ``stat`` only for links, folders and files it reports; these cases
pin down that it still reads each file once, whatever the names leading to it.
"""

import os
from pathlib import Path

from pakru.validate.read import collect


def _tree(root: Path) -> Path:
    meetings = root / "meetings"
    meetings.mkdir(parents=True)
    for name in ("b.yaml", "a.yml", "c.txt", "Z.yaml"):
        (meetings / name).write_text("id: x\n", encoding="utf-8")
    return meetings


def test_files_come_in_name_order_with_other_suffixes_left_out(tmp_path: Path) -> None:
    meetings = _tree(tmp_path)
    (meetings / "d.YAML").write_text("id: x\n", encoding="utf-8")
    found = collect([tmp_path])
    assert [p.name for p in found.files] == ["Z.yaml", "a.yml", "b.yaml"]
    assert [(s.path.name, s.rule) for s in found.skipped] == [("d.YAML", "read.suffix")]
    assert all(isinstance(p, Path) for p in found.files)


def test_a_hard_link_is_a_second_record_file(tmp_path: Path) -> None:
    meetings = _tree(tmp_path)
    os.link(meetings / "b.yaml", meetings / "e.yaml")
    assert [p.name for p in collect([tmp_path]).files] == ["Z.yaml", "a.yml", "b.yaml", "e.yaml"]


def test_a_linked_file_is_read_under_its_name_and_a_linked_folder_once(tmp_path: Path) -> None:
    meetings = _tree(tmp_path)
    (meetings / "0-link.yaml").symlink_to(meetings / "b.yaml")
    (tmp_path / "again").symlink_to(meetings)
    found = collect([tmp_path])
    # the folder is walked once, under the first name met; the link is a record file
    assert [p.relative_to(tmp_path).as_posix() for p in found.files] == [
        "again/0-link.yaml",
        "again/Z.yaml",
        "again/a.yml",
        "again/b.yaml",
    ]
    assert found.skipped == []


def test_a_file_named_twice_and_inside_a_named_folder_is_read_once(tmp_path: Path) -> None:
    meetings = _tree(tmp_path)
    found = collect([meetings / "a.yml", tmp_path, meetings / "a.yml"])
    assert [p.name for p in found.files] == ["a.yml", "Z.yaml", "b.yaml"]


def test_a_folder_named_like_a_record_is_walked(tmp_path: Path) -> None:
    meetings = _tree(tmp_path)
    inner = meetings / "inner.yaml"
    inner.mkdir()
    (inner / "f.yaml").write_text("id: x\n", encoding="utf-8")
    names = [p.relative_to(meetings).as_posix() for p in collect([tmp_path]).files]
    assert names == ["Z.yaml", "a.yml", "b.yaml", "inner.yaml/f.yaml"]
