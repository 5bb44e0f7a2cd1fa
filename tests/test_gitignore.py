"""What the documented commands write into a checkout is never committed by accident."""

import re
import shutil
import subprocess
from pathlib import Path

from tests.conftest import REPO
from tests.test_ci_entry_points import _run_commands


def test_what_the_workflow_writes_is_ignored_by_git(tmp_path: Path) -> None:
    """The reports of ``validate --output`` (``reports/``) and the site (``site/``)."""
    validate = next(c for c in _run_commands() if c.startswith("pakru validate"))
    reports = re.findall(r"--output [a-z]+=(\S+)", validate)
    assert reports == ["reports/pakru.sarif", "reports/pakru.xml"]
    written = [*reports, "site/index.html", "out/meetings.csv"]
    shutil.copy2(REPO / ".gitignore", tmp_path / ".gitignore")
    subprocess.run(["git", "init", "-q"], cwd=tmp_path, capture_output=True, check=True, timeout=60)
    done = subprocess.run(
        ["git", "check-ignore", "--no-index", *written, "records/meetings/x.yaml"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        check=False,
        timeout=60,
    )
    assert (done.returncode, done.stdout.splitlines()) == (0, written)
