"""Issue 27 point 3 on every report text the project has: the shipped reports, the
texts written for the draft's tests (tests/draft/texts/) and the held-out corpus
(tests/corpus/reports/). Each, drafted into an empty tree and written, validates but
for what the draft lists "to confirm" in the head of the file concerned."""

from pathlib import Path

import pytest

from pakru.cli import main
from tests.conftest import REPO
from tests.draft import trees
from tests.draft.unlisted import unlisted_errors

TEXTS = sorted(
    [
        *(REPO / "records" / "sources" / "text").glob("*.txt"),
        *trees.TEXTS.glob("*.txt"),
        *(REPO / "tests" / "corpus" / "reports").glob("*.txt"),
    ]
)


@pytest.mark.parametrize("text", TEXTS, ids=[f"{t.parent.name}/{t.name}" for t in TEXTS])
def test_a_written_draft_validates_but_for_what_it_lists(
    text: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    tree = trees.empty_tree(tmp_path / "records")
    assert main(["draft", str(text), "--records", str(tree), "--write"]) == 0
    assert unlisted_errors(tree, capsys) == []


def test_the_texts_are_all_there() -> None:
    """The three folders hold what the module docstring says (a moved folder fails here)."""
    assert {t.parent.parent.name for t in TEXTS} >= {"sources", "draft", "corpus"}
    assert len(TEXTS) >= 5 + 16
