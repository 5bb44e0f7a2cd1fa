"""Evidence supports its value on the shipped records: the issue's ordinal edit is caught."""

import shutil
from pathlib import Path

import pytest

from pakru.validate.rules.supports import ordinal_words, says_ordinal
from pakru.validate.run import validate
from tests.conftest import REPO

RECORDS = REPO / "records"


def _edited(tmp_path: Path, rel: str, old: str, new: str) -> Path:
    tree = tmp_path / "records"
    shutil.copytree(RECORDS, tree)
    path = tree / rel
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return tree


def test_changing_the_7th_meeting_to_8_is_an_error(tmp_path: Path) -> None:
    tree = _edited(tmp_path, "meetings/jwg-ct-07.yaml", "ordinal: 7", "ordinal: 8")
    found = [
        (Path(f.path).name, f.line, f.field)
        for f in validate([tree], select=["evidence.supports-value"])
    ]
    # both supporting quotes: "7th Meeting" (src-9a68526d) and "seventh meeting" (src-5c611fd4)
    assert found == [
        ("jwg-ct-07.yaml", 119, "evidence[0].supports[2]"),
        ("jwg-ct-07.yaml", 124, "evidence[1].supports[2]"),
    ]


def test_shipped_records_pass() -> None:
    assert validate([RECORDS], select=["evidence.supports-value"]) == []


@pytest.mark.parametrize(
    ("n", "words"),
    [
        (7, ("seventh",)),
        (12, ("twelfth",)),
        (20, ("twentieth",)),
        (21, ("twenty-first", "twenty first")),
    ],
)
def test_ordinal_words(n: int, words: tuple[str, ...]) -> None:
    assert ordinal_words(n) == words


@pytest.mark.parametrize(
    ("quote", "n", "expected"),
    [
        ("the 7th Meeting", 7, True),
        ("the seventh meeting", 7, True),
        ("The ninth round", 9, True),
        ("the 17th meeting", 7, False),
        ("the seventh meeting", 8, False),
    ],
)
def test_says_ordinal(quote: str, n: int, expected: bool) -> None:
    assert says_ordinal(quote, n) is expected
