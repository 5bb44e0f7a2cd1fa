"""``pakru export`` and ``pakru schema`` under faults: atomic files, no write through links."""

import json
import os
from pathlib import Path

import pytest

from pakru.cli import main
from pakru.export import MANIFEST
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
def test_a_planted_link_is_replaced_not_written_through(
    fmt: str, tree: Path, tmp_path: Path
) -> None:
    out = tmp_path / "out"
    out.mkdir()
    victim = tmp_path / "victim"
    victim.write_text("precious\n", encoding="utf-8")
    name = {"json": "meta.json", "csv": "meta.csv", "sqlite": "pakru.sqlite"}[fmt]
    (out / name).symlink_to(victim)
    done = pakru("export", "--format", fmt, "--out", out, "--force", "--verbose", tree)
    assert done.code == 0
    assert f"  {out / name}" in done.out_lines
    assert victim.read_text(encoding="utf-8") == "precious\n"
    assert not (out / name).is_symlink()
    assert (out / name).stat().st_size > 0


def test_stale_tables_of_the_last_export_are_removed(tree: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    assert pakru("export", "--format", "csv", "--out", out, tree).code == 0
    listed = json.loads((out / MANIFEST).read_text(encoding="utf-8"))
    assert "meetings.csv" in listed["files"]
    # a table an older version wrote and listed, names leading out of the folder, a user's file
    (out / "retired.csv").write_text("id\nx\n", encoding="utf-8")
    (tmp_path / "escape").write_text("outside\n", encoding="utf-8")
    (out / "link.csv").symlink_to(tmp_path / "escape")
    names = [*listed["files"], "retired.csv", "../escape", "link.csv"]
    (out / MANIFEST).write_text(json.dumps({"format": "csv", "files": names}), encoding="utf-8")
    (out / "notes.txt").write_text("mine\n", encoding="utf-8")
    assert pakru("export", "--format", "csv", "--out", out, "--force", tree).code == 0
    assert not (out / "retired.csv").exists()
    assert (out / "notes.txt").read_text(encoding="utf-8") == "mine\n"
    assert (tmp_path / "escape").read_text(encoding="utf-8") == "outside\n"
    assert sorted(p.name for p in out.iterdir()) == sorted(
        [*listed["files"], MANIFEST, "notes.txt", "link.csv"]
    )


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


def test_schema_write_keeps_the_mode_and_replaces_links(tmp_path: Path) -> None:
    out = tmp_path / "schema"
    assert pakru("schema", "--out", out).code == 0
    first = out / "body.schema.json"
    first.chmod(0o600)
    content = first.read_bytes()
    first.write_bytes(b"{}\n")
    victim = tmp_path / "victim"
    victim.write_text("precious\n", encoding="utf-8")
    (out / "meeting.schema.json").unlink()
    (out / "meeting.schema.json").symlink_to(victim)
    done = pakru("schema", "--out", out)
    assert done == Run(0, f"wrote {first}\nwrote {out / 'meeting.schema.json'}\n", "")
    assert first.read_bytes() == content
    assert first.stat().st_mode & 0o777 == 0o600
    assert victim.read_text(encoding="utf-8") == "precious\n"


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
