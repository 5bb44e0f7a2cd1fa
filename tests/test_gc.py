"""The command pauses the cyclic garbage collector and gives it back as it was."""

import gc
import subprocess
import sys

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


def test_the_command_freezes_what_is_left_before_exit() -> None:
    code = (
        "import gc, sys; sys.argv = ['pakru', 'rules']; from pakru.cli import main; "
        "main(); print(gc.get_freeze_count() > 0, gc.isenabled(), file=sys.stderr)"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stderr.split() == ["True", "True"]
