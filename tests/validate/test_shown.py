"""File names in findings: resolving each folder once names files as resolving each file did."""

import os
from pathlib import Path

import pytest

from pakru.validate.load import shown_path


def _oracle(path: Path, cwd: Path) -> str:
    """The definition: the file under its own name in its resolved folder, relative to the
    working folder, else the path given."""
    try:
        return (path.parent.resolve() / path.name).relative_to(cwd).as_posix()
    except ValueError:
        return path.as_posix()


def test_cached_folders_name_files_as_resolving_each(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "work" / "records" / "meetings").mkdir(parents=True)
    (tmp_path / "elsewhere").mkdir()
    (tmp_path / "elsewhere" / "x.yaml").write_text("a: 1\n")
    meetings = tmp_path / "work" / "records" / "meetings"
    (meetings / "a.yaml").write_text("a: 1\n")
    (meetings / "inside.yaml").symlink_to(meetings / "a.yaml")
    (meetings / "outside.yaml").symlink_to(tmp_path / "elsewhere" / "x.yaml")
    (tmp_path / "work" / "linked").symlink_to(meetings)
    (tmp_path / "work" / "away").symlink_to(tmp_path / "elsewhere")
    monkeypatch.chdir(tmp_path / "work")
    cwd = Path.cwd().resolve()
    given = [
        Path("records/meetings/a.yaml"),
        Path("records/meetings/inside.yaml"),
        Path("records/meetings/outside.yaml"),
        Path("linked/a.yaml"),
        Path("linked/outside.yaml"),
        Path("away/x.yaml"),
        Path("records/../records/meetings/a.yaml"),
        meetings / "a.yaml",
        tmp_path / "elsewhere" / "x.yaml",
        Path(os.path.relpath(tmp_path / "elsewhere" / "x.yaml")),
    ]
    folders: dict[str, str] = {}
    shown = [shown_path(p, None, cwd, folders) for p in given]
    assert shown == [_oracle(p, cwd) for p in given]
    assert shown[:4] == [
        "records/meetings/a.yaml",
        "records/meetings/inside.yaml",  # a link is named as itself, not as its target
        "records/meetings/outside.yaml",
        "records/meetings/a.yaml",
    ]
