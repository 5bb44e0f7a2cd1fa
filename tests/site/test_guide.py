"""docs/guide.md agrees with docs/contributing.md and names only commands that exist."""

import re
import shlex

import pytest

from pakru.cli import parser
from tests.conftest import REPO

GUIDE = (REPO / "docs" / "guide.md").read_text(encoding="utf-8")
CONTRIBUTING = (REPO / "docs" / "contributing.md").read_text(encoding="utf-8")


def test_the_guide_links_to_the_walk_through_instead_of_repeating_it() -> None:
    assert "](contributing.md)" in GUIDE
    assert "type: source" not in GUIDE  # no hand-written source record
    assert "pakru new source report.txt" in CONTRIBUTING


def test_the_guide_names_files_and_ids_as_pakru_new_source_makes_them() -> None:
    # The text file is NNN_ + 16 hex digits, the id src- + 8: nothing shorter.
    assert re.findall(r"\b\d{3}_[0-9a-f]+\.txt\b", GUIDE) == []
    assert re.findall(r"\bsrc-[0-9a-f]{1,7}\b|\bsrc-[0-9a-f]{9,}\b", GUIDE) == []


def _pakru_commands() -> list[str]:
    inline = re.findall(r"`(pakru [^`]+)`", GUIDE)
    blocks = re.findall(r"```bash\n(.*?)```", GUIDE, flags=re.S)
    lines = [line.split("#")[0].strip() for block in blocks for line in block.splitlines()]
    return inline + [line for line in lines if line.startswith("pakru ")]


@pytest.mark.parametrize("command", _pakru_commands())
def test_every_pakru_command_in_the_guide_parses(command: str) -> None:
    args = parser().parse_args(shlex.split(command)[1:])
    assert callable(args.run)


def test_the_guide_names_some_pakru_commands() -> None:
    assert "pakru validate records" in _pakru_commands()
