"""docs/contributing.md is followed to the letter: its commands, their output, its files."""

import re
import shlex
import shutil
from pathlib import Path

import pytest

import pakru
from pakru.cli import main
from tests.conftest import REPO

DOC = REPO / "docs" / "contributing.md"
BLOCK = re.compile(
    r"(?:<!-- (?P<action>write|expect): (?P<path>\S+) -->\n)?```(?P<lang>\w+)\n(?P<body>.*?)^```",
    re.MULTILINE | re.DOTALL,
)


def steps() -> list[tuple[str | None, str | None, str, str]]:
    """(action, path, language, body) of every fenced block, in page order."""
    return [
        (m["action"], m["path"], m["lang"], m["body"])
        for m in BLOCK.finditer(DOC.read_text(encoding="utf-8"))
    ]


def _commands(body: str) -> list[tuple[list[str], list[str]]]:
    """``$ pakru ...`` lines and the output lines shown under each."""
    out: list[tuple[list[str], list[str]]] = []
    for line in body.splitlines():
        if line.startswith("$ "):
            argv = shlex.split(line[2:])
            assert argv[0] == "pakru", line
            out.append((argv[1:], []))
        else:
            out[-1][1].append(line)
    return out


def test_the_page_shows_each_step() -> None:
    kinds = [(a, lang) for a, _, lang, _ in steps()]
    assert ("write", "text") in kinds
    assert ("expect", "yaml") in kinds
    assert ("write", "yaml") in kinds
    commands = [
        argv for _, _, lang, body in steps() if lang == "console" for argv, _ in _commands(body)
    ]
    assert ["new", "source", "report.txt"] in commands
    assert any(argv[:2] == ["new", "meeting"] for argv in commands)
    assert any(argv[:1] == ["validate"] for argv in commands)


def test_following_the_page_adds_a_report_that_validates(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    shutil.copytree(REPO / "records", tmp_path / "records")
    shutil.copytree(REPO / "schema" / "json", tmp_path / "schema" / "json")
    shutil.copytree(REPO / ".vscode", tmp_path / ".vscode")
    monkeypatch.chdir(tmp_path)
    for action, path, lang, body in steps():
        if action == "write":
            assert path is not None
            Path(path).write_text(body, encoding="utf-8")
        elif action == "expect":
            assert path is not None
            assert Path(path).read_text(encoding="utf-8") == body, path
        elif lang == "console":
            for argv, shown in _commands(body):
                code = main(argv)
                printed = capsys.readouterr().out.splitlines()
                assert printed == shown, argv
                failing = argv[0] == "validate" and any("error[" in s for s in shown)
                assert code == (1 if failing else 0), argv
    assert (tmp_path / "records" / "meetings" / "jwg-ct-08.yaml").is_file()
    ds = pakru.load(tmp_path / "records")
    # the walk-through's meeting carries out the plan, has both reports, and the outlets'
    # dates are kept as a conflict
    assert ds.meeting("jwg-ct-08").realises == "jwg-ct-next"
    assert ds.realised_by("jwg-ct-next").ids == ("jwg-ct-08",)
    assert ds.meeting("jwg-ct-next").status == "planned"
    assert len(ds.sources_of("jwg-ct-08")) == 2
    assert [c.kind for c in ds.conflicts_about("jwg-ct-08")] == ["disagreement"]
