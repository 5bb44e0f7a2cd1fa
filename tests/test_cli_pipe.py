"""A command whose reader stops early (``pakru coverage | head``) exits quietly."""

import fcntl
import os
import subprocess
import sys


def test_closed_pipe_exits_without_a_traceback() -> None:
    read_end, write_end = os.pipe()
    # The smallest pipe buffer (one page), so the command is still writing when
    # the reader goes, whatever the machine's default pipe size.
    fcntl.fcntl(write_end, fcntl.F_SETPIPE_SZ, 4096)
    child = subprocess.Popen(
        [sys.executable, "-m", "pakru", "coverage"],
        stdout=write_end,
        stderr=subprocess.PIPE,
    )
    os.close(write_end)
    with os.fdopen(read_end, "rb") as reader:
        first = reader.readline()
    _, stderr = child.communicate(timeout=120)
    assert first.startswith(b"src-")
    assert stderr == b""
    assert child.returncode == 1  # main()'s code when the reader goes
