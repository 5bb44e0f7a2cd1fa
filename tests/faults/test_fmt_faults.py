"""``pakru fmt`` under faults: every file ends either unchanged or fully formatted."""

import os
import resource
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from pakru.cli import main
from pakru.tools.fmt import format_text
from tests.faults.conftest import Run, pakru, snapshot

PAUSE_BEFORE_RENAME = """
import sys, time
from pathlib import Path

real = Path.replace

def paused(self, target):
    print("PAUSED", self, flush=True)
    time.sleep(120)
    return real(self, target)

Path.replace = paused  # pakru.tools.atomic moves the finished temporary file with Path.replace
from pakru.cli import main
raise SystemExit(main(sys.argv[1:]))
"""


def messy(text: str) -> str:
    """The same record with its first key (``type``) moved to the end: not canonical."""
    first, rest = text.split("\n", 1)
    return rest + first + "\n"


@pytest.fixture
def messy_tree(tree: Path) -> Path:
    """The case tree with every record file out of canonical form."""
    for path in sorted(tree.rglob("*.yaml")):
        path.write_text(messy(path.read_text(encoding="utf-8")), encoding="utf-8")
    return tree


def _canonical(path: Path) -> bytes:
    return format_text(path.read_text(encoding="utf-8"), str(path)).encode()


def test_kill_between_temp_write_and_rename_leaves_the_original(messy_tree: Path) -> None:
    target = messy_tree / "bodies" / "wg.yaml"
    before = target.read_bytes()
    with subprocess.Popen(
        [sys.executable, "-c", PAUSE_BEFORE_RENAME, "fmt", str(target)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    ) as child:
        assert child.stdout is not None
        line = child.stdout.readline()
        assert line.startswith("PAUSED "), line
        temp = Path(line.split(" ", 1)[1].strip())
        assert temp.read_bytes() == _canonical(target)  # complete and synced, not yet in place
        child.send_signal(signal.SIGKILL)
        child.wait(timeout=30)
    assert child.returncode == -signal.SIGKILL
    assert target.read_bytes() == before
    # the orphaned temporary file is hidden and has no record suffix: nothing reads it
    assert temp.name.startswith(".pakru-wg.yaml.")
    assert temp.suffix == ".tmp"
    done = pakru("validate", messy_tree, "--today", "2018-06-01")
    assert (done.code, done.out) == (0, "No findings.\n")
    checked = pakru("fmt", "--check", target)
    assert checked.code == 1
    assert temp.exists()  # --check changes nothing, orphans included
    again = pakru("fmt", target)
    assert (again.code, again.out, again.err) == (0, f"formatted {target}\n", "")
    assert target.read_bytes() == _canonical(target)
    assert not temp.exists()  # the next run that writes into the folder removes the orphan


def _file_size_limit(limit: int) -> None:
    resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))


def test_file_size_limit_midway_leaves_the_original(messy_tree: Path) -> None:
    target = messy_tree / "meetings" / "wg-07.yaml"
    before = snapshot(messy_tree)
    assert len(_canonical(target)) > 512
    done = pakru("fmt", target, preexec=lambda: _file_size_limit(512))
    assert done == Run(1, "", f"error: {target}: not written (File too large); unchanged\n")
    assert snapshot(messy_tree) == before  # no truncated record, no temporary file left


def test_concurrent_runs_never_expose_a_partial_file(messy_tree: Path) -> None:
    files = sorted(messy_tree.rglob("*.yaml"))
    allowed = {p: {p.read_bytes(), _canonical(p)} for p in files}
    runs = [
        subprocess.Popen(
            [sys.executable, "-m", "pakru", "fmt", str(messy_tree)],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
        )
        for _ in range(3)
    ]
    seen = 0
    try:
        while any(run.poll() is None for run in runs):
            for path in files:
                assert path.read_bytes() in allowed[path], f"partial file seen: {path}"
                seen += 1
    finally:
        errors = [run.communicate(timeout=60)[1] for run in runs]
    assert [run.returncode for run in runs] == [0, 0, 0]
    assert errors == [b"", b"", b""]
    assert seen > 0
    assert all(p.read_bytes() == _canonical(p) for p in files)


def test_mode_is_kept(messy_tree: Path) -> None:
    target = messy_tree / "bodies" / "wg.yaml"
    target.chmod(0o640)
    assert pakru("fmt", target).code == 0
    assert target.stat().st_mode & 0o777 == 0o640
    assert target.read_bytes() == _canonical(target)


def test_bad_files_are_reported_and_the_others_formatted(messy_tree: Path) -> None:
    bodies = messy_tree / "bodies"
    (bodies / "latin1.yaml").write_bytes(b"type: body\nname: caf\xe9\n")
    (bodies / "utf16.yaml").write_bytes("type: body\n".encode("utf-16"))
    (bodies / "yaml13.yaml").write_text("%YAML 1.3\n---\ntype: body\n", encoding="utf-8")
    (bodies / "big.yaml").write_bytes(b"type: body\n" + b"#" * 1_000_000 + b"\n")
    os.mkfifo(bodies / "pipe.yaml")
    (bodies / "Shouting.YAML").write_text("type: body\n", encoding="utf-8")
    bad = {n: (bodies / n).read_bytes() for n in ("latin1.yaml", "utf16.yaml", "yaml13.yaml")}
    done = pakru("fmt", messy_tree, timeout=60)
    assert done.code == 1
    assert done.err_lines == [
        f"error: {bodies}/Shouting.YAML: suffix '.YAML' is not read as a record; rename the file "
        "to Shouting.yaml [read.suffix]",
        f"error: {bodies}/pipe.yaml: cannot read file: a FIFO [read.io]",
        f"error: {bodies}/big.yaml: file is larger than 1,000,000 bytes [read.too-large]",
        f"error: {bodies}/latin1.yaml:2:10: file is not valid UTF-8 (byte 0xe9) [read.encoding]",
        f"error: {bodies}/utf16.yaml:1:4: file contains a NUL byte [read.nul-byte]",
        f"error: {bodies}/yaml13.yaml:1:1: records are YAML 1.2: '%YAML 1.3' is not allowed "
        "[yaml.syntax]",
    ]
    assert {n: (bodies / n).read_bytes() for n in bad} == bad
    for path in messy_tree.rglob("*.yaml"):
        if path.name not in {*bad, "big.yaml", "pipe.yaml"}:
            assert path.read_bytes() == _canonical(path), path


def test_a_device_is_refused_not_read(tmp_path: Path) -> None:
    done = pakru("fmt", "/dev/zero", timeout=30)
    assert done == Run(1, "", "error: /dev/zero: cannot read file: a device [read.io]\n")


def test_crlf_fails_the_check_and_is_rewritten(tree: Path) -> None:
    target = tree / "bodies" / "wg.yaml"
    canonical = target.read_bytes()
    target.write_bytes(canonical.replace(b"\n", b"\r\n"))
    check = pakru("fmt", "--check", target)
    assert check == Run(1, f"{target}: not in canonical form (run 'pakru fmt {target}')\n", "")
    assert target.read_bytes() == canonical.replace(b"\n", b"\r\n")
    assert pakru("fmt", target) == Run(0, f"formatted {target}\n", "")
    assert target.read_bytes() == canonical


def test_a_link_out_of_the_tree_is_not_written_through(messy_tree: Path, tmp_path: Path) -> None:
    outside = tmp_path / "outside.yaml"
    outside.write_bytes((messy_tree / "bodies" / "wg.yaml").read_bytes())
    link = messy_tree / "bodies" / "elsewhere.yaml"
    link.symlink_to(outside)
    before = outside.read_bytes()
    done = pakru("fmt", messy_tree / "bodies")
    assert done.code == 1
    assert done.err_lines == [  # not even read: the cold trial of issues 22/23
        f"error: {link}: symbolic link to '{outside}', which leads out of the records tree; "
        "not read [read.outside]"
    ]
    assert outside.read_bytes() == before
    assert link.is_symlink()


def test_a_linked_folder_out_of_the_tree_is_not_written_through(
    messy_tree: Path, tmp_path: Path
) -> None:
    """Issue 22: only the file itself was checked for being a link, so a linked
    folder led ``fmt DIR`` to rewrite files outside DIR. Since the cold trial of
    issues 22/23 nothing under such a folder is even read, with ``--check`` too."""
    outside = tmp_path / "elsewhere"
    outside.mkdir()
    (outside / "x.yaml").write_bytes((messy_tree / "bodies" / "wg.yaml").read_bytes())
    before = snapshot(outside)
    link = messy_tree / "bodies" / "linked"
    link.symlink_to(outside, target_is_directory=True)
    refused = (
        f"error: {link}: symbolic link to '{outside}', which leads out of the records tree; "
        "not read [read.outside]"
    )
    done = pakru("fmt", messy_tree)
    assert done.code == 1
    assert done.err_lines == [refused]
    assert snapshot(outside) == before
    assert (messy_tree / "bodies" / "wg.yaml").read_bytes() == _canonical(
        messy_tree / "bodies" / "wg.yaml"
    )  # the rest of the tree is formatted
    check = pakru("fmt", "--check", messy_tree)
    assert check == Run(1, "", f"{refused}\n")
    assert snapshot(outside) == before


def test_a_link_inside_the_tree_and_a_named_link_are_not_written_through(
    messy_tree: Path,
) -> None:
    target = messy_tree / "bodies" / "wg.yaml"
    link = messy_tree / "meetings" / "wg-link.yaml"
    link.symlink_to(target)
    before = target.read_bytes()
    done = pakru("fmt", link)
    assert done == Run(1, "", f"error: {link}: {link} is a symbolic link; not written\n")
    assert target.read_bytes() == before
    done = pakru("fmt", messy_tree / "meetings")
    assert f"error: {link}: {link} is a symbolic link; not written" in done.err_lines
    assert target.read_bytes() == before


def test_a_given_path_through_a_linked_folder_is_refused_as_under_its_tree(
    messy_tree: Path, tmp_path: Path
) -> None:
    """The cold trial of issues 22/23: ``fmt records/meetings/linked`` and
    ``fmt records/meetings/linked/x.yaml`` wrote through the link that ``fmt records``
    refuses. A path given on the command line gets the refusal ``fmt`` gives for the
    same file found under its tree, spelled as given, and nothing is written."""
    inside = messy_tree / "meetings" / "linked"  # a link that stays in the tree
    inside.symlink_to("../bodies", target_is_directory=True)
    outside = tmp_path / "elsewhere"
    outside.mkdir()
    (outside / "x.yaml").write_bytes((messy_tree / "bodies" / "wg.yaml").read_bytes())
    away = messy_tree / "meetings" / "away"  # a link out of it
    away.symlink_to(outside, target_is_directory=True)
    before, before_outside = snapshot(messy_tree / "bodies"), snapshot(outside)

    under_tree = pakru("fmt", messy_tree / "meetings").err_lines
    not_written = f"error: {inside}/wg.yaml: {inside} is a symbolic link; not written"
    not_read = (
        f"error: {away}: symbolic link to '{outside}', which leads out of the records tree; "
        "not read [read.outside]"
    )
    assert under_tree == [not_read, not_written]
    for given in (inside, inside / "wg.yaml"):
        assert pakru("fmt", given) == Run(1, "", f"{not_written}\n"), given
    assert pakru("fmt", away) == Run(1, "", f"{not_read}\n")
    named = pakru("fmt", away / "x.yaml")
    assert named == Run(
        1,
        "",
        f"error: {away}/x.yaml: resolves to '{outside}/x.yaml' through a symbolic link, "
        "out of the records tree; not read [read.outside]\n",
    )
    # spelled relative to the working folder, the refusal names the link as spelled
    relative = pakru("fmt", "records/meetings/linked/wg.yaml", cwd=messy_tree.parent)
    assert relative == Run(
        1,
        "",
        "error: records/meetings/linked/wg.yaml: records/meetings/linked is a symbolic link; "
        "not written\n",
    )
    assert snapshot(messy_tree / "bodies") == before
    assert snapshot(outside) == before_outside


def test_a_failing_write_is_reported_and_the_run_goes_on(
    messy_tree: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    # a read-only folder, simulated: root may write into any folder whatever its mode
    real_open = os.open
    locked = messy_tree / "bodies"

    def refusing(path: str | Path, flags: int, mode: int = 0o777) -> int:
        if Path(path).parent == locked and Path(path).name.startswith(".pakru-"):
            raise PermissionError(13, "Permission denied", str(path))
        return real_open(path, flags, mode)

    monkeypatch.setattr(os, "open", refusing)
    before = (locked / "wg.yaml").read_bytes()
    assert main(["fmt", str(messy_tree)]) == 1
    err = capsys.readouterr().err
    assert err == f"error: {locked}/wg.yaml: not written (Permission denied); unchanged\n"
    assert (locked / "wg.yaml").read_bytes() == before
    assert (messy_tree / "meetings" / "wg-07.yaml").read_bytes() == _canonical(
        messy_tree / "meetings" / "wg-07.yaml"
    )


def test_a_real_read_only_folder(messy_tree: Path) -> None:
    if os.geteuid() == 0:
        pytest.skip("root writes into read-only folders; see the simulated test above")
    locked = messy_tree / "bodies"
    before = snapshot(locked)
    locked.chmod(0o555)
    try:
        done = pakru("fmt", locked)
    finally:
        locked.chmod(0o755)
    assert done == Run(
        1, "", f"error: {locked}/wg.yaml: not written (Permission denied); unchanged\n"
    )
    assert snapshot(locked) == before


def test_fmt_exits_2_on_a_missing_path(tmp_path: Path) -> None:
    done = pakru("fmt", tmp_path / "nowhere")
    assert done == Run(2, "", f"pakru fmt: no such file or folder: {tmp_path / 'nowhere'}\n")
