"""``pakru new`` under faults: no write through a link or out of the tree, atomic, bounded input.

Every refusal is a usage error (exit 2) naming the path, and the records
tree is byte-for-byte as it was.
"""

import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from pakru.tools import scaffold
from pakru.tools.atomic import write_bytes
from pakru.tools.scaffold import ReportError, read_report
from pakru.validate.read import MAX_BYTES
from tests.faults.conftest import Run, pakru, snapshot

NEXT = "next: fill in the nulls, then run 'pakru validate records'\n"


@pytest.fixture
def cwd(tree: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The folder holding ``records/`` (the case tree): commands run there, and find it
    from there (a ``PAKRU_RECORDS`` set around the suite would win: cleared)."""
    monkeypatch.delenv("PAKRU_RECORDS", raising=False)
    return tree.parent


@pytest.mark.parametrize("target", ["missing", "existing"])
def test_new_does_not_write_through_a_link_at_the_records_path(
    target: str, tree: Path, cwd: Path
) -> None:
    victim = cwd / "victim.yaml"
    if target == "existing":
        victim.write_text("precious\n", encoding="utf-8")
    (tree / "meetings" / "wg-08.yaml").symlink_to(victim)
    before = snapshot(cwd)
    done = pakru("new", "meeting", "wg-08", cwd=cwd)
    assert done == Run(
        2,
        "",
        "pakru new: records/meetings/wg-08.yaml is a symbolic link; pakru does not write "
        "through links; nothing written\n",
    )
    assert snapshot(cwd) == before
    assert victim.exists() == (target == "existing")


def test_new_does_not_write_into_a_linked_folder(tree: Path, cwd: Path) -> None:
    elsewhere = cwd / "elsewhere"
    elsewhere.mkdir()
    (tree / "conflicts").symlink_to(elsewhere)  # the case tree has no conflicts folder
    done = pakru("new", "conflict", "c-1", cwd=cwd)
    assert done == Run(
        2,
        "",
        "pakru new: records/conflicts is a symbolic link; pakru does not write through "
        "links; nothing written\n",
    )
    assert list(elsewhere.iterdir()) == []


def test_new_source_writes_nothing_when_its_text_folder_is_a_link(tree: Path, cwd: Path) -> None:
    report = cwd / "report.txt"
    report.write_text("A headline\n\nThe text.\n", encoding="utf-8")
    text = tree / "sources" / "text"
    text.rename(cwd / "texts")
    text.symlink_to(cwd / "texts")
    before = snapshot(cwd)
    done = pakru("new", "source", "report.txt", cwd=cwd)
    assert done == Run(
        2,
        "",
        "pakru new: records/sources/text is a symbolic link; pakru does not write through "
        "links; nothing written\n",
    )
    assert snapshot(cwd) == before  # neither the text nor the source record


PAUSE_BEFORE_LINK = """
import os, sys, time

real = os.link

def paused(source, target, **kwargs):
    print("PAUSED", source, flush=True)
    time.sleep(120)
    return real(source, target, **kwargs)

os.link = paused  # pakru.tools.atomic puts a new file in place with os.link (never over another)
from pakru.cli import main
raise SystemExit(main(sys.argv[1:]))
"""


def test_a_killed_new_leaves_no_half_record_and_the_next_run_cleans_up(
    tree: Path, cwd: Path
) -> None:
    with subprocess.Popen(
        [
            sys.executable,
            "-c",
            PAUSE_BEFORE_LINK,
            "new",
            "meeting",
            "wg-08",
            "--records",
            "records",
        ],
        cwd=cwd,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    ) as child:
        assert child.stdout is not None
        line = child.stdout.readline()
        assert line.startswith("PAUSED "), line
        temp = cwd / line.split(" ", 1)[1].strip()
        assert temp.read_text(encoding="utf-8").startswith("type: meeting\nid: wg-08\n")
        child.send_signal(signal.SIGKILL)
        child.wait(timeout=30)
    record = tree / "meetings" / "wg-08.yaml"
    assert not record.exists()  # the record appears whole or not at all
    assert temp.name.startswith(".pakru-wg-08.yaml.")
    assert temp.exists()
    done = pakru("new", "meeting", "wg-08", "--records", "records", cwd=cwd)
    assert done == Run(0, "wrote records/meetings/wg-08.yaml\n" + NEXT, "")
    assert not temp.exists()  # the killed run's temporary file is gone
    assert sorted(p.name for p in (tree / "meetings").iterdir()) == [
        "wg-07.yaml",
        "wg-08.yaml",
        "wg-next.yaml",
    ]


def test_a_file_that_appears_meanwhile_is_never_replaced(tmp_path: Path) -> None:
    path = tmp_path / "x.yaml"
    path.write_text("theirs\n", encoding="utf-8")
    with pytest.raises(FileExistsError):
        write_bytes(path, b"mine\n", root=tmp_path, replace=False)
    assert path.read_text(encoding="utf-8") == "theirs\n"
    assert [p.name for p in tmp_path.iterdir()] == ["x.yaml"]  # no temporary file left


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ("meeting", "a" * 300),
            f"'{'a' * 40}…{'a' * 20}' is not an id: 300 characters, at most 80",
        ),
        (("meeting", "a" * 81), f"'{'a' * 81}' is not an id: 81 characters, at most 80"),
        (
            ("meeting", "wg-08", "--source", "src-a\nevil: yes"),
            "--source 'src-a\\nevil: yes' is not an id: lower-case letters, digits, single hyphens",
        ),
    ],
)
def test_bad_ids_are_usage_errors(args: tuple[str, ...], message: str, cwd: Path) -> None:
    before = snapshot(cwd)
    assert pakru("new", *args, cwd=cwd) == Run(2, "", f"pakru new: {message}\n")
    assert snapshot(cwd) == before


# --- new source: the report's file -------------------------------------------------------


def _report(cwd: Path, kind: str) -> str:
    """Plant a bad report file of ``kind``; the message ``pakru new source`` gives for it."""
    path = cwd / "report.txt"
    if kind == "fifo":
        os.mkfifo(path)  # nobody ever writes: opening it for a blocking read would hang
        return "is a FIFO, not a text file"
    if kind == "folder":
        path.mkdir()
        return "is a folder, not a text file"
    if kind == "too large":
        with path.open("wb") as f:  # sparse: a gigabyte on paper, nothing on disk
            f.truncate(1 << 30)
        return "is larger than 1,000,000 bytes, the bound for a source text"
    if kind == "NULs":
        path.write_bytes(b"\0" * 4096)
        return "is not text: a NUL byte at line 1, column 1"
    if kind == "Latin-1":
        path.write_bytes("Talks\n\nin Peshawar, caf\xe9 owners said\n".encode("latin-1"))
        return "is not UTF-8 text (byte 0xe9 at line 3, column 17)"
    if kind == "missing":
        return "no such file"
    raise AssertionError(kind)


@pytest.mark.parametrize("kind", ["fifo", "folder", "too large", "NULs", "Latin-1", "missing"])
def test_new_source_refuses_what_is_not_a_report(kind: str, cwd: Path) -> None:
    reason = _report(cwd, kind)
    before = snapshot(cwd / "records")
    done = pakru("new", "source", "report.txt", cwd=cwd, timeout=60)
    assert done == Run(2, "", f"pakru new: report.txt: {reason}; nothing written\n")
    assert snapshot(cwd / "records") == before


def test_a_report_is_never_read_past_the_bound(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "big.txt"
    with path.open("wb") as f:
        f.truncate(1 << 30)
    read: list[int] = []
    real = os.read

    def counting(handle: int, size: int) -> bytes:
        data = real(handle, size)
        read.append(len(data))
        return data

    monkeypatch.setattr(scaffold.os, "read", counting)
    with pytest.raises(ReportError, match="larger than 1,000,000 bytes"):
        read_report(path)
    assert sum(read) == MAX_BYTES + 1
    path.write_bytes(b"x" * MAX_BYTES)  # exactly the bound is a report
    assert read_report(path) == b"x" * MAX_BYTES
