"""Fault injection: plant one fault, run pakru, assert the exact outcome.

Every test here checks four things: the exact finding or usage error, the
exit code, that no traceback was printed, and that the files are
byte-for-byte as they were (or, for ``pakru fmt``, fully formatted).
"""

import os
import shutil
import subprocess
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.conftest import REPO

BASE = REPO / "tests" / "cases" / "_base"
AS_ROOT = os.geteuid() == 0
"""Root reads and writes whatever the permission bits say; those faults are simulated too."""


@dataclass(frozen=True)
class Run:
    """What a ``pakru`` run printed and returned."""

    code: int
    out: str
    err: str

    @property
    def out_lines(self) -> list[str]:
        return self.out.splitlines()

    @property
    def err_lines(self) -> list[str]:
        return self.err.splitlines()


def pakru(
    *args: str | Path,
    cwd: Path | None = None,
    preexec: Callable[[], None] | None = None,
    timeout: float = 60,
) -> Run:
    """Run ``python -m pakru ARGS`` in a subprocess; assert it printed no traceback."""
    done = subprocess.run(
        [sys.executable, "-m", "pakru", *map(str, args)],
        capture_output=True,
        text=True,
        check=False,
        timeout=timeout,
        cwd=cwd,
        preexec_fn=preexec,
    )
    assert "Traceback" not in done.stderr, done.stderr
    assert "Traceback" not in done.stdout, done.stdout
    return Run(done.returncode, done.stdout, done.stderr)


def snapshot(root: Path) -> dict[str, tuple[bytes, int]]:
    """Every file under ``root`` (links not followed): its bytes and permission bits."""
    out: dict[str, tuple[bytes, int]] = {}
    for path in sorted(root.rglob("*")):
        if path.is_symlink():
            out[path.relative_to(root).as_posix()] = (str(path.readlink()).encode(), -1)
        elif path.is_file():
            out[path.relative_to(root).as_posix()] = (path.read_bytes(), path.stat().st_mode)
    return out


@pytest.fixture
def tree(tmp_path: Path) -> Path:
    """A copy of the shared clean case tree, ``records/``."""
    return Path(shutil.copytree(BASE, tmp_path / "records"))


def only(lines: Sequence[str], rule: str) -> list[str]:
    """The report lines of one rule."""
    return [line for line in lines if f"[{rule}]" in line]
