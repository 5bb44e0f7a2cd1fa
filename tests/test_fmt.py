"""``pakru fmt``: canonical layout, comments kept, data unchanged, idempotent, --check."""

from collections.abc import Callable
from pathlib import Path

import pytest

from pakru.cli import main
from pakru.fmt import FormatError, format_text
from pakru.validate.parse import Parsed, parse
from pakru.validate.pipeline import collect
from pakru.validate.read import Text
from tests.conftest import REPO

MESSY = """\
# A body record, written by hand.
name: Shanghai Cooperation Organization   # as printed
evidence:
- quote: "Shanghai Cooperation Organization"
  source: src-a
  supports:
  - name
kind: multilateral-organisation
id: sco
country: NO
aliases: []
parent:
type: body
"""

CANONICAL = """\
# A body record, written by hand.
type: body
id: sco
kind: multilateral-organisation
name: Shanghai Cooperation Organization   # as printed
aliases: []
country: 'NO'
parent: null
evidence:
  - source: src-a
    quote: Shanghai Cooperation Organization
    supports: [name]
"""


def _data(text: str) -> object:
    parsed = parse(Text("x.yaml", text))
    assert isinstance(parsed, Parsed)
    return parsed.data


def test_canonical_layout() -> None:
    assert format_text(MESSY) == CANONICAL


def test_formatting_keeps_the_data_and_is_idempotent() -> None:
    assert _data(format_text(MESSY)) == _data(MESSY)
    assert format_text(CANONICAL) == CANONICAL


def test_long_lists_of_scalars_stay_in_block_style() -> None:
    text = CANONICAL.replace("aliases: []", "aliases:\n  - " + "\n  - ".join(["x" * 30] * 3))
    assert "aliases:\n  - xxx" in format_text(text)


def test_broken_yaml_is_refused_with_its_place() -> None:
    with pytest.raises(
        FormatError, match=r"^x.yaml:2:1: duplicate key 'a' .*\[yaml.duplicate-key\]"
    ):
        format_text("a: 1\na: 2\n", "x.yaml")


@pytest.mark.parametrize("path", sorted(collect([REPO / "records"])), ids=lambda p: p.name)
def test_every_shipped_record_is_canonical(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    assert format_text(text, str(path)) == text, f"run: pakru fmt {path}"


def test_check_mode_reports_and_changes_nothing(
    write_tree: Callable[[dict[str, str]], Path], capsys: pytest.CaptureFixture[str]
) -> None:
    root = write_tree({"bodies/sco.yaml": MESSY})
    assert main(["fmt", "--check", str(root)]) == 1
    assert capsys.readouterr().out == (
        f"{root}/bodies/sco.yaml: not in canonical form (run 'pakru fmt {root}/bodies/sco.yaml')\n"
    )
    assert (root / "bodies" / "sco.yaml").read_text(encoding="utf-8") == MESSY


def test_fmt_rewrites_then_check_passes(
    write_tree: Callable[[dict[str, str]], Path], capsys: pytest.CaptureFixture[str]
) -> None:
    root = write_tree({"bodies/sco.yaml": MESSY})
    assert main(["fmt", str(root)]) == 0
    assert (root / "bodies" / "sco.yaml").read_text(encoding="utf-8") == CANONICAL
    assert main(["fmt", "--check", str(root)]) == 0
    assert capsys.readouterr().out == f"formatted {root}/bodies/sco.yaml\n"


def test_fmt_leaves_a_broken_file_alone(
    write_tree: Callable[[dict[str, str]], Path], capsys: pytest.CaptureFixture[str]
) -> None:
    root = write_tree({"bodies/bad.yaml": "a: 1\na: 2\n"})
    assert main(["fmt", str(root)]) == 1
    assert (root / "bodies" / "bad.yaml").read_text(encoding="utf-8") == "a: 1\na: 2\n"
    assert "duplicate key 'a'" in capsys.readouterr().err
