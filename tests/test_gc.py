"""The command pauses the cyclic garbage collector and gives it back as it was."""

import gc
import subprocess
import sys
from pathlib import Path

import pytest

from pakru.cli import main


@pytest.mark.parametrize("enabled", [True, False])
def test_main_restores_the_collector(enabled: bool, capsys: pytest.CaptureFixture[str]) -> None:
    seen: list[bool] = []
    before = gc.isenabled()
    (gc.enable if enabled else gc.disable)()
    try:
        gc.callbacks.append(lambda phase, _info: seen.append(phase == "start"))
        assert main(["validate", "--today", "2018-12-31"]) == 0
        assert gc.isenabled() is enabled
    finally:
        gc.callbacks.pop()
        (gc.enable if before else gc.disable)()
    assert "No findings." in capsys.readouterr().out
    assert seen == []  # no automatic collection ran during the command
    assert gc.get_freeze_count() == 0  # only the command run as a process freezes


def test_the_command_ends_without_teardown_keeping_its_output_and_code(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    main(["rules"])
    expected = capsys.readouterr().out
    code = (
        "import atexit, sys; atexit.register(print, 'teardown', file=sys.stderr); "
        "sys.argv = ['pakru', *sys.argv[1:]]; from pakru.cli import main; main(); "
        "print('after main', file=sys.stderr)"
    )
    done = subprocess.run(
        [sys.executable, "-c", code, "rules"], check=False, capture_output=True, text=True
    )
    assert (done.returncode, done.stdout, done.stderr) == (0, expected, "")
    # a command with findings: its code, and the report it wrote, survive the quick exit
    meetings = tmp_path / "records" / "meetings"
    meetings.mkdir(parents=True)
    (meetings / "bad.yaml").write_text("id: bad\ntype: meeting\n", encoding="utf-8")
    report = tmp_path / "report.txt"
    broken = subprocess.run(
        [
            sys.executable,
            "-c",
            code,
            "validate",
            str(meetings.parent),
            "--output-file",
            str(report),
        ],
        check=False,
        capture_output=True,
        text=True,
    )
    assert broken.returncode == 1
    assert broken.stderr.startswith(f"{report}: ")
    assert "bad.yaml:" in report.read_text(encoding="utf-8")
