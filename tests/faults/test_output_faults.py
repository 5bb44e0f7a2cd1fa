"""Where ``validate --output`` / ``--output-file`` writes (cold trial of issues 22/23, defect 2).

A report replaces a regular file atomically (temporary file, then rename). Run
as root, that rename turned ``/dev/null`` into a regular file and replaced the
``/dev/stdout`` link, a FIFO and a link. Now a character device or FIFO, or a
link to one, is written through with a plain open and stays what it was; any
other link is refused with exit 2 naming it, before any record is read.

The real ``/dev/null`` is only written to in one test, in-process, with every
rename onto ``/dev`` turned into a failure, so a regression cannot replace it;
everything else is tried on FIFOs and links made in a temporary folder.
"""

import json
import os
import stat
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest

from pakru.cli import main
from tests.faults.conftest import Run, pakru

TODAY = ("--today", "2018-06-01")


@contextmanager
def reading(fifo: Path) -> Iterator[list[bytes]]:
    """Read ``fifo`` in a thread while the block runs; the bytes are in the list after it.

    The test holds a write end open too, so the reader is attached to this FIFO
    before pakru runs and sees the end only when both are closed: if pakru
    replaced the FIFO instead of writing to it, the reader gets nothing and no
    one waits forever.
    """
    got: list[bytes] = []

    def read() -> None:
        with fifo.open("rb") as handle:
            got.append(handle.read())

    reader = threading.Thread(target=read)
    reader.start()
    writer = os.open(fifo, os.O_WRONLY)  # returns once the reader has the FIFO open
    try:
        yield got
    finally:
        os.close(writer)
        reader.join(timeout=30)
    assert not reader.is_alive()


def _json_report(tree: Path) -> str:
    done = pakru("validate", tree, *TODAY, "--format", "json")
    assert done.code == 0
    return done.out


def test_a_fifo_is_written_through_not_replaced(tree: Path, tmp_path: Path) -> None:
    fifo = tmp_path / "report.fifo"
    os.mkfifo(fifo)
    with reading(fifo) as got:
        done = pakru("validate", tree, *TODAY, "--format", "json", "--output-file", fifo)
    assert done == Run(0, "", f"{fifo}: No findings.\n")
    assert got == [_json_report(tree).encode()]
    assert stat.S_ISFIFO(fifo.lstat().st_mode)


def test_a_link_to_a_fifo_is_written_through_and_stays_a_link(tree: Path, tmp_path: Path) -> None:
    fifo = tmp_path / "report.fifo"
    os.mkfifo(fifo)
    link = tmp_path / "report.json"
    link.symlink_to(fifo.name)
    with reading(fifo) as got:
        done = pakru("validate", tree, *TODAY, "--output", f"json={link}")
    assert done == Run(0, "No findings.\n", f"{link}: No findings.\n")
    assert json.loads(got[0]) == json.loads(_json_report(tree))
    assert link.is_symlink()
    assert link.readlink() == Path(fifo.name)
    assert stat.S_ISFIFO(fifo.lstat().st_mode)


def test_a_link_to_standard_output_is_written_through(tree: Path, tmp_path: Path) -> None:
    """``--output json=/dev/stdout``, through a link of our own to it: the report goes
    to the pipe pakru's standard output is, and the link stays."""
    link = tmp_path / "stdout"
    link.symlink_to("/dev/stdout")
    done = pakru("validate", tree, *TODAY, "--output", f"json={link}")
    assert done == Run(0, _json_report(tree) + "No findings.\n", f"{link}: No findings.\n")
    assert link.readlink() == Path("/dev/stdout")


def test_a_link_to_a_character_device_is_written_through(tree: Path, tmp_path: Path) -> None:
    link = tmp_path / "null"
    link.symlink_to("/dev/null")
    done = pakru("validate", tree, *TODAY, "--output-file", link)
    assert done == Run(0, "", f"{link}: No findings.\n")
    assert link.readlink() == Path("/dev/null")
    assert stat.S_ISCHR(Path("/dev/null").stat().st_mode)


@pytest.mark.parametrize("option", ["--output-file", "--output"])
@pytest.mark.parametrize("target", ["mine.json", "missing.json"])
def test_a_link_to_a_file_or_to_nothing_is_refused(
    tree: Path, tmp_path: Path, option: str, target: str
) -> None:
    (tmp_path / "mine.json").write_text("mine\n", encoding="utf-8")
    link = tmp_path / "report.json"
    link.symlink_to(target)
    value = str(link) if option == "--output-file" else f"json={link}"
    done = pakru("validate", tree, *TODAY, option, value)
    assert done == Run(
        2,
        "",
        f"pakru validate: {link}: is a symbolic link, not to a device or FIFO; a report is "
        "not written through it (name the file itself)\n",
    )
    assert link.readlink() == Path(target)
    assert (tmp_path / "mine.json").read_text(encoding="utf-8") == "mine\n"
    assert not (tmp_path / "missing.json").exists()


def test_a_regular_file_is_still_replaced_atomically(tree: Path, tmp_path: Path) -> None:
    report = tmp_path / "report.json"
    report.write_text("old\n", encoding="utf-8")
    report.chmod(0o640)
    old_inode = report.stat().st_ino
    done = pakru("validate", tree, *TODAY, "--format", "json", "--output-file", report)
    assert done == Run(0, "", f"{report}: No findings.\n")
    assert report.read_text(encoding="utf-8") == _json_report(tree)
    assert report.stat().st_ino != old_inode  # a new file renamed into place
    assert stat.S_IMODE(report.stat().st_mode) == 0o640


def test_dev_null_stays_a_character_device(
    tree: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    null = Path("/dev/null")
    if not stat.S_ISCHR(null.stat().st_mode):
        pytest.skip("/dev/null is not a character device on this machine")
    real_replace, real_rename = os.replace, os.rename

    def guarded(real: Callable[..., None]) -> Callable[..., None]:
        def move(src: str | Path, dst: str | Path, *args: Any, **kwargs: Any) -> None:
            if os.path.realpath(dst).startswith("/dev/"):
                raise AssertionError(f"pakru tried to rename a file onto {dst}")
            real(src, dst, *args, **kwargs)

        return move

    monkeypatch.setattr(os, "replace", guarded(real_replace))
    monkeypatch.setattr(os, "rename", guarded(real_rename))
    assert main(["validate", str(tree), *TODAY, "--output-file", str(null)]) == 0
    assert capsys.readouterr() == ("", "/dev/null: No findings.\n")
    assert stat.S_ISCHR(null.lstat().st_mode)
