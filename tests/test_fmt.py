"""``pakru fmt``: canonical layout, comments kept, data unchanged, idempotent, --check."""

from collections.abc import Callable
from pathlib import Path

import pytest

from pakru.cli import main
from pakru.tools.fmt import FormatError, format_text
from pakru.validate.parse import Parsed, parse
from pakru.validate.read import Text, collect
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


@pytest.mark.parametrize("path", sorted(collect([REPO / "records"]).files), ids=lambda p: p.name)
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


@pytest.mark.parametrize("check", [True, False], ids=["check", "write"])
def test_a_file_that_is_not_a_record_file_is_a_usage_error(
    write_tree: Callable[[dict[str, str]], Path],
    capsys: pytest.CaptureFixture[str],
    check: bool,
) -> None:
    root = write_tree({"bodies/sco.yaml": MESSY, "notes.txt": MESSY, "bodies/sco.YAML": MESSY})
    for name in ("notes.txt", "bodies/sco.YAML"):
        argv = ["fmt", *(["--check"] if check else []), str(root / "bodies"), str(root / name)]
        assert main(argv) == 2
        assert capsys.readouterr() == (
            "",
            f"pakru fmt: {root / name} is not a record file (.yaml or .yml)\n",
        )
        assert (root / name).read_text(encoding="utf-8") == MESSY
    assert (root / "bodies" / "sco.yaml").read_text(encoding="utf-8") == MESSY  # nothing done


def test_fmt_leaves_a_broken_file_alone(
    write_tree: Callable[[dict[str, str]], Path], capsys: pytest.CaptureFixture[str]
) -> None:
    root = write_tree({"bodies/bad.yaml": "a: 1\na: 2\n"})
    assert main(["fmt", str(root)]) == 1
    assert (root / "bodies" / "bad.yaml").read_text(encoding="utf-8") == "a: 1\na: 2\n"
    assert "duplicate key 'a'" in capsys.readouterr().err


def test_comments_around_the_document_markers_are_kept() -> None:
    """ruamel dropped a comment above ``---``/``%YAML`` and one after ``...``."""
    text = (
        "# above the directive\n%YAML 1.2\n# between\n--- # on the marker\n"
        "id: sco\ntype: body\n... # on the end marker\n# after the end\n"
    )
    assert format_text(text) == (
        "# above the directive\n# between\n# on the marker\n"
        "type: body\nid: sco\n# on the end marker\n# after the end\n"
    )
    assert format_text(format_text(text)) == format_text(text)


def test_a_tagged_root_formats_in_one_pass() -> None:
    """``!!map`` and a blank line above the first key once took two runs to settle."""
    once = format_text("!!map\n\nid: sco\ntype: body\n")
    assert once == "type: body\nid: sco\n"
    assert format_text(once) == once


@pytest.mark.parametrize(
    ("text", "rule"),
    [
        ("type: body\n\ufeff\nname: x\n", "yaml.syntax"),  # a line holding only a BOM
        ("type: body\n\x85name: x\n", "yaml.syntax"),  # NEL at a line start
        ("%YAML 1.3\n---\ntype: body\n", "yaml.syntax"),
        ("type: body\nname: [a, # c\n  b]\n", "yaml.layout"),
        ("type: body\nname: !!map x\n", "yaml.tag"),
    ],
)
def test_fmt_refuses_what_validate_refuses_with_the_same_finding(text: str, rule: str) -> None:
    finding = parse(Text("x.yaml", text))
    assert not isinstance(finding, Parsed)
    assert finding.rule == rule
    expected = f"x.yaml:{finding.line}:{finding.column}: {finding.message} [{rule}]"
    with pytest.raises(FormatError) as raised:
        format_text(text, "x.yaml")
    assert str(raised.value) == expected


def test_strings_with_refused_characters_are_written_as_escapes() -> None:
    text = 'type: body\nname: "a\\tb\\e\\Lc\\N\\uFEFF"\n'
    once = format_text(text)
    assert _data(once) == _data(text)
    assert format_text(once) == once
