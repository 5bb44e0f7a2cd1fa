"""What ``pakru validate`` reports about a written draft that the draft did not list "to
confirm" (the head of each file: ``# confirm: act (acts.code-unsupported): ...``)."""

from pathlib import Path

import pytest

from pakru.cli import main


def unlisted_errors(tree: Path, capsys: pytest.CaptureFixture[str]) -> list[str]:
    """The error lines of ``pakru validate tree`` no drafted file lists to confirm."""
    capsys.readouterr()
    main(["validate", str(tree)])
    out = capsys.readouterr().out
    found = []
    for line in out.splitlines():
        if "error[" not in line:
            continue
        path, rule = line.split(":", 1)[0], line.split("error[", 1)[1].split("]", 1)[0]
        head = [c for c in Path(path).read_text(encoding="utf-8").splitlines() if c[:1] == "#"]
        if not any(c.startswith("# confirm:") and f"({rule})" in c for c in head):
            found.append(line)
    return found
