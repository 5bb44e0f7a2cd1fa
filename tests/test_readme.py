"""The README's commands are what CI runs, and its Python example really runs."""

import contextlib
import io
import re
import shlex
from pathlib import Path

import mypy.api

from pakru.cli import parser
from tests.conftest import REPO

README = (REPO / "README.md").read_text(encoding="utf-8")


def block_after(marker: str) -> str:
    """The fenced code block that follows ``<!-- marker -->`` in the README."""
    match = re.search(rf"<!-- {marker} -->\n```\w*\n(.*?)```", README, re.DOTALL)
    assert match, f"no code block after <!-- {marker} -->"
    return match.group(1)


def test_readme_starts_with_the_two_commands() -> None:
    fences = re.findall(r"^```(\w*)$", README, re.MULTILINE)
    openings = fences[::2]
    assert openings[:2] == ["sh", "sh"]
    assert block_after("main-command").startswith("python3 -m venv")
    assert block_after("test-command").startswith("python3 -m venv")
    assert "pytest" in block_after("test-command")
    assert "mkdocs build --strict" in block_after("main-command")


def test_ci_runs_the_readme_test_command() -> None:
    ci = (REPO / ".ci" / "run").read_text(encoding="utf-8")
    assert "block test-command" in ci


def test_readme_example_runs() -> None:
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        exec(compile(block_after("readme-example"), "README.md", "exec"), {})  # noqa: S102
    lines = out.getvalue().splitlines()
    assert lines[0].startswith("<Dataset meetings=")
    assert any(line.startswith("jwg-ct-07 ") for line in lines)
    jwg = "<Meeting jwg-ct-07: 7th Meeting of the Pakistan Russia Joint Working Group on C…"
    assert f"{jwg} (21 March 2018, held)>" in lines
    lavrov = [
        "fm-talks-2018-02",
        "fm-talks-2018-02-us-nato-criticism",
        "lavrov-counter-terrorism-readiness",
        "lavrov-unmarked-helicopters",
    ]
    assert f"Sergey Lavrov {lavrov}" in lines
    assert lines[-1] == "None ('mi-35-helicopters',)"


def test_readme_example_passes_mypy_strict(tmp_path: Path) -> None:
    """The example is typed end to end: typed getters and collections, no union-attr errors."""
    example = tmp_path / "readme_example.py"
    example.write_text(block_after("readme-example"), encoding="utf-8")
    out, err, code = mypy.api.run(
        ["--strict", "--config-file", str(REPO / "pyproject.toml"), str(example)]
    )
    assert code == 0, out + err


def test_every_pakru_command_in_the_readme_parses() -> None:
    """The command-line section's lines (and the CI ones among them) are real commands."""
    blocks = re.findall(r"```sh\n(.*?)```", README, re.DOTALL)
    lines = [line.split("  #")[0].strip() for block in blocks for line in block.splitlines()]
    commands = [line for line in lines if line.startswith("pakru ") and "--version" not in line]
    assert any("--output sarif=" in c and "--format github" in c for c in commands)
    assert "pakru changelog" in commands
    for command in commands:
        args = parser().parse_args(shlex.split(command)[1:])
        assert callable(args.run), command
