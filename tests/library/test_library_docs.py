"""The worked examples of docs/library.md run, against the fixture dataset."""

import re
import shlex
import sqlite3
from collections.abc import Callable
from pathlib import Path

import pytest

from pakru import loading
from pakru.cli import main
from pakru.dataset import Dataset

DOC = Path(__file__).resolve().parents[2] / "docs" / "library.md"
FENCE = re.compile(r"^```(\w+)\n(.*?)^```", re.MULTILINE | re.DOTALL)


def blocks(language: str) -> list[str]:
    """The fenced code blocks of the page in ``language``, in order."""
    return [body for lang, body in FENCE.findall(DOC.read_text("utf-8")) if lang == language]


def test_the_page_has_every_kind_of_example() -> None:
    assert len(blocks("python")) >= 3
    assert len(blocks("sql")) >= 2
    assert any("--format csv" in b for b in blocks("console"))


@pytest.fixture
def in_docs(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    load_fixture: Callable[[], Dataset],
    capsys: pytest.CaptureFixture[str],
) -> Path:
    """A temporary folder as cwd, with pakru.load() giving the fixture dataset."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr(loading, "_load_default", load_fixture)
    for body in blocks("console"):
        for line in body.splitlines():
            assert line.startswith("$ pakru "), line
            assert main(shlex.split(line)[2:]) == 0
    capsys.readouterr()
    return tmp_path


@pytest.mark.parametrize("index", range(len(blocks("python"))))
def test_python_examples(index: int, in_docs: Path) -> None:
    del in_docs
    exec(compile(blocks("python")[index], f"{DOC.name}[python {index}]", "exec"), {})  # noqa: S102


@pytest.mark.parametrize("index", range(len(blocks("sql"))))
def test_sql_examples(index: int, in_docs: Path) -> None:
    db = sqlite3.connect(in_docs / "export" / "sqlite" / "pakru.sqlite")
    try:
        rows = db.execute(blocks("sql")[index]).fetchall()
    finally:
        db.close()
    assert rows


def test_spreadsheet_csv(in_docs: Path) -> None:
    text = (in_docs / "export" / "csv" / "meetings.csv").read_text("utf-8")
    assert "tasnim-aslam;sergey-ryabkov" in text  # the cell the page quotes
