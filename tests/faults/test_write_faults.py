"""``pakru export`` and ``pakru schema`` under faults: atomic files, no write through links,
no file of the user's replaced, nothing a killed run left behind kept."""

import hashlib
import json
import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from pakru.cli import main
from pakru.export import FILE_LIST
from pakru.tools.atomic import remove_orphans, write_with
from tests.faults.conftest import Run, pakru, snapshot


def test_out_onto_a_file_is_a_usage_error(tree: Path, tmp_path: Path) -> None:
    target = tmp_path / "taken"
    target.write_text("mine\n", encoding="utf-8")
    done = pakru("export", "--format", "csv", "--out", target, tree)
    assert done == Run(2, "", f"pakru export: {target} is not a folder\n")
    assert target.read_text(encoding="utf-8") == "mine\n"


def test_out_under_a_file_is_a_usage_error(tree: Path, tmp_path: Path) -> None:
    (tmp_path / "taken").write_text("mine\n", encoding="utf-8")
    target = tmp_path / "taken" / "sub"
    done = pakru("export", "--format", "json", "--out", target, tree)
    assert done == Run(2, "", f"pakru export: cannot write into {target}: Not a directory\n")


def test_an_unwritable_folder_is_a_usage_error(
    tree: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    # simulated: root may write into a read-only folder
    out = tmp_path / "out"
    out.mkdir()
    real_open = os.open

    def refusing(path: str | Path, flags: int, mode: int = 0o777) -> int:
        if Path(path).parent == out:
            raise PermissionError(13, "Permission denied", str(path))
        return real_open(path, flags, mode)

    monkeypatch.setattr(os, "open", refusing)
    assert main(["export", "--format", "jsonl", "--out", str(out), str(tree)]) == 2
    assert capsys.readouterr() == (
        "",
        f"pakru export: cannot write into {out}: Permission denied\n",
    )
    assert list(out.iterdir()) == []


@pytest.mark.parametrize("fmt", ["json", "csv", "sqlite"])
def test_a_planted_link_is_refused_not_written_through(
    fmt: str, tree: Path, tmp_path: Path
) -> None:
    out = tmp_path / "out"
    out.mkdir()
    victim = tmp_path / "victim"
    victim.write_text("precious\n", encoding="utf-8")
    name = {"json": "meta.json", "csv": "meta.csv", "sqlite": "pakru.sqlite"}[fmt]
    (out / name).symlink_to(victim)
    done = pakru("export", "--format", fmt, "--out", out, "--force", tree)
    assert done == Run(
        2,
        "",
        f"pakru export: {out / name} is a symbolic link; pakru does not write through "
        "links; nothing exported\n",
    )
    assert victim.read_text(encoding="utf-8") == "precious\n"
    assert [p.name for p in out.iterdir()] == [name]  # nothing else written, no staging left
    assert (out / name).readlink() == victim


@pytest.mark.parametrize("where", ["out", "dangling out", "format folder"])
def test_a_linked_output_folder_is_refused(where: str, tree: Path, tmp_path: Path) -> None:
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    out = tmp_path / "out"
    fmt, link, tail = "csv", out, ": give the folder it leads to"
    if where == "out":
        out.symlink_to(elsewhere)
    elif where == "dangling out":
        out.symlink_to(tmp_path / "missing")
    else:
        out.mkdir()
        (out / "json").symlink_to(elsewhere)
        (out / FILE_LIST).write_text('{"format": "all", "files": {}}', encoding="utf-8")
        fmt, link, tail = "all", out / "json", "; nothing exported"
    done = pakru("export", "--format", fmt, "--out", out, "--force", tree)
    message = f"{link} is a symbolic link; pakru does not write through links{tail}"
    assert done == Run(2, "", f"pakru export: {message}\n")
    assert list(elsewhere.iterdir()) == []
    assert not (tmp_path / "missing").exists()


def _listed(out: Path) -> dict[str, str]:
    files: dict[str, str] = json.loads((out / FILE_LIST).read_text(encoding="utf-8"))["files"]
    return files


def _sha(data: bytes) -> str:
    return "sha256:" + hashlib.sha256(data).hexdigest()


def test_stale_tables_of_the_last_export_are_removed(tree: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    assert pakru("export", "--format", "csv", "--out", out, tree).code == 0
    listed = _listed(out)
    assert listed["meetings.csv"] == _sha((out / "meetings.csv").read_bytes())
    # a table an older export wrote and listed; one listed but changed by its user since;
    # names leading out of the folder, directly or through a link; a user's own file
    (out / "retired.csv").write_text("id\nx\n", encoding="utf-8")
    (out / "edited.csv").write_text("id\nmine now\n", encoding="utf-8")
    (tmp_path / "escape").write_text("outside\n", encoding="utf-8")
    (out / "link.csv").symlink_to(tmp_path / "escape")
    escape = _sha(b"outside\n")
    listed |= {
        "retired.csv": _sha(b"id\nx\n"),
        "edited.csv": _sha(b"id\nx\n"),
        "../escape": escape,
        "link.csv": escape,
    }
    (out / FILE_LIST).write_text(json.dumps({"format": "csv", "files": listed}), encoding="utf-8")
    (out / "notes.txt").write_text("mine\n", encoding="utf-8")
    assert pakru("export", "--format", "csv", "--out", out, "--force", tree).code == 0
    assert not (out / "retired.csv").exists()
    assert (out / "edited.csv").read_text(encoding="utf-8") == "id\nmine now\n"
    assert (out / "notes.txt").read_text(encoding="utf-8") == "mine\n"
    assert (tmp_path / "escape").read_text(encoding="utf-8") == "outside\n"
    assert (out / "link.csv").is_symlink()
    kept = ["notes.txt", "link.csv", "edited.csv"]
    assert sorted(p.name for p in out.iterdir()) == sorted([*_listed(out), FILE_LIST, *kept])


@pytest.mark.parametrize("how", ["never written by pakru", "changed since", "an older list"])
def test_force_never_overwrites_a_users_file_named_like_a_table(
    how: str, tree: Path, tmp_path: Path
) -> None:
    out = tmp_path / "out"
    assert pakru("export", "--format", "csv", "--out", out, tree).code == 0
    mine = b"id,my own analysis\r\n"
    if how == "never written by pakru":
        listed = _listed(out)
        del listed["meetings.csv"]
        (out / FILE_LIST).write_text(json.dumps({"files": listed}), encoding="utf-8")
    elif how == "an older list":  # names without digests: nothing in it is provably pakru's
        (out / FILE_LIST).write_text(json.dumps({"files": sorted(_listed(out))}), encoding="utf-8")
    (out / "meetings.csv").write_bytes(mine)
    before = snapshot(out)
    done = pakru("export", "--format", "csv", "--out", out, "--force", tree)
    # with an older list, no file is provably pakru's: the first one to replace is named
    named = "CITATION.cff" if how == "an older list" else "meetings.csv"
    assert done == Run(
        2,
        "",
        f"pakru export: {out / named} is not a file pakru's last export there wrote (or it "
        "changed since): pakru does not overwrite it; move it away or choose another "
        "folder. Nothing exported\n",
    )
    assert snapshot(out) == before  # all or nothing: no other table replaced either
    assert (out / "meetings.csv").read_bytes() == mine


KILLED_MID_TRANSACTION = """
import os, sqlite3, sys
from pathlib import Path
from pakru.tools.atomic import write_with

def fill(temp):
    db = sqlite3.connect(temp)
    db.execute("CREATE TABLE t (x)")
    db.execute("BEGIN")
    db.execute("INSERT INTO t VALUES (1)")
    print(temp, flush=True)
    os.kill(os.getpid(), 9)

write_with(Path(sys.argv[1]) / "pakru.sqlite", fill)
"""


def test_orphans_of_a_killed_export_are_removed_by_the_next(tree: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    assert pakru("export", "--format", "sqlite", "--out", out, tree).code == 0
    killed = subprocess.run(
        [sys.executable, "-c", KILLED_MID_TRANSACTION, str(out)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert killed.returncode == -signal.SIGKILL
    temp = Path(killed.stdout.strip())
    journal = temp.with_name(temp.name + "-journal")
    assert temp.exists()
    assert journal.exists()  # what a run killed mid-transaction leaves
    staged = out / ".pakru-export.0badc0de.tmp"  # the staging folder of a killed export
    (staged / "csv").mkdir(parents=True)
    (staged / "csv" / "meetings.csv").write_text("half", encoding="utf-8")
    user = out / ".pakru-notes"  # not a temporary file's name: a user's file stays
    user.write_text("mine\n", encoding="utf-8")
    before = _listed(out)
    assert pakru("export", "--format", "sqlite", "--out", out, "--force", tree).code == 0
    assert not temp.exists()
    assert not journal.exists()
    assert not staged.exists()
    assert user.read_text(encoding="utf-8") == "mine\n"
    assert sorted(p.name for p in out.iterdir()) == sorted([*before, FILE_LIST, user.name])


def test_a_temporary_file_being_written_is_not_an_orphan(tmp_path: Path) -> None:
    seen: list[list[Path]] = []

    def fill(temp: Path) -> None:
        temp.write_bytes(b"half")
        seen.append(remove_orphans(temp.parent))  # another run cleaning up meanwhile
        assert temp.read_bytes() == b"half"

    write_with(tmp_path / "x.csv", fill)
    assert seen == [[]]
    assert (tmp_path / "x.csv").read_bytes() == b"half"
    assert [p.name for p in tmp_path.iterdir()] == ["x.csv"]


def test_a_failed_forced_export_leaves_the_previous_one(tree: Path, tmp_path: Path) -> None:
    import resource  # noqa: PLC0415

    out = tmp_path / "out"
    assert pakru("export", "--format", "json", "--out", out, tree).code == 0
    before = snapshot(out)

    def limit() -> None:
        resource.setrlimit(resource.RLIMIT_FSIZE, (2048, 2048))

    done = pakru("export", "--format", "json", "--out", out, "--force", tree, preexec=limit)
    assert done == Run(2, "", f"pakru export: cannot write into {out}: File too large\n")
    assert snapshot(out) == before  # every file whole: nothing removed before the new ones stood


def test_schema_write_keeps_the_mode(tmp_path: Path) -> None:
    out = tmp_path / "schema"
    assert pakru("schema", "--out", out).code == 0
    first = out / "body.schema.json"
    first.chmod(0o600)
    content = first.read_bytes()
    first.write_bytes(b"{}\n")
    done = pakru("schema", "--out", out)
    assert done == Run(0, f"wrote {first}\n", "")
    assert first.read_bytes() == content
    assert first.stat().st_mode & 0o777 == 0o600


@pytest.mark.parametrize("where", ["file", "dangling file", "folder", "vscode"])
def test_schema_refuses_links(where: str, tmp_path: Path) -> None:
    out = tmp_path / "schema"
    assert pakru("schema", "--out", out).code == 0
    victim = tmp_path / "victim"
    victim.write_text("precious\n", encoding="utf-8")
    args: list[str | Path] = ["schema", "--out", out]
    if where == "folder":
        (tmp_path / "elsewhere").mkdir()
        out = link = tmp_path / "linked"
        link.symlink_to(tmp_path / "elsewhere")
        args = ["schema", "--out", out]
    elif where == "vscode":
        link = tmp_path / "settings.json"
        link.symlink_to(victim)
        args += ["--vscode", link]
    else:
        link = out / "meeting.schema.json"
        link.unlink()
        link.symlink_to(victim if where == "file" else tmp_path / "missing")
    before = snapshot(tmp_path)
    done = pakru(*args)
    assert done == Run(
        2,
        "",
        f"pakru schema: cannot write into {out}: "
        f"{link} is a symbolic link; pakru does not write through links\n",
    )
    assert snapshot(tmp_path) == before
    assert victim.read_text(encoding="utf-8") == "precious\n"


def test_schema_out_that_cannot_be_made_is_a_usage_error(tmp_path: Path) -> None:
    (tmp_path / "file").write_text("mine\n", encoding="utf-8")
    for out, reason in (
        (Path("/proc/pakru-schema"), "No such file or directory"),
        (tmp_path / "file" / "json", "Not a directory"),
    ):
        done = pakru("schema", "--out", out)
        assert done == Run(2, "", f"pakru schema: cannot write into {out}: {reason}\n")


def test_file_size_limit_during_export_leaves_complete_files(tree: Path, tmp_path: Path) -> None:
    import resource  # noqa: PLC0415

    out = tmp_path / "out"
    assert pakru("export", "--format", "json", "--out", out, tree).code == 0
    before = snapshot(out)
    (out / "records.json").write_bytes(b"[]\n")  # small now; the new one will not fit

    def limit() -> None:
        resource.setrlimit(resource.RLIMIT_FSIZE, (2048, 2048))

    done = pakru("export", "--format", "json", "--out", out, "--force", tree, preexec=limit)
    assert done == Run(2, "", f"pakru export: cannot write into {out}: File too large\n")
    after = snapshot(out)
    assert after["records.json"][0] == b"[]\n"
    for name, (data, _mode) in after.items():
        if name != "records.json":
            assert data == before[name][0], name  # every other file whole, old or new alike


def test_schema_removes_a_killed_runs_temporary_files(tmp_path: Path) -> None:
    out = tmp_path / "schema"
    assert pakru("schema", "--out", out).code == 0
    orphan = out / ".pakru-meeting.schema.json.0badc0de.tmp"
    orphan.write_text('{"half": ', encoding="utf-8")
    assert pakru("schema", "--out", out) == Run(0, "", "")  # nothing changed, nothing written
    assert not orphan.exists()
