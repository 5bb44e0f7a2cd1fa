"""docs/contributing.md starts from ``pakru draft``: its steps, followed in a copy of the tree."""

import re
import shlex
import shutil
from pathlib import Path

import pytest

import pakru
from pakru.cli import main
from tests.conftest import REPO

DOC = REPO / "docs" / "contributing.md"


def _section() -> str:
    page = DOC.read_text(encoding="utf-8")
    return page.split("<!-- draft-walkthrough -->", 1)[1].split("<!-- draft-walkthrough-end -->")[0]


def test_the_page_starts_from_pakru_draft() -> None:
    page = DOC.read_text(encoding="utf-8")
    first_section = page.split("\n## ", 2)[1]
    assert first_section.startswith("Start here: let `pakru draft`")
    commands = re.findall(r"^\$ (pakru .*)$", _section(), re.MULTILINE)
    assert [c.split()[1] for c in commands] == ["draft", "draft", "draft", "validate"]


def test_following_the_draft_steps_gives_validated_records(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    shutil.copytree(REPO / "records", tmp_path / "records")
    # the page's commands find records/ from the working folder; a PAKRU_RECORDS set around
    # the suite (tests/growth.py) would win, and pakru draft --write would write there
    monkeypatch.delenv("PAKRU_RECORDS", raising=False)
    monkeypatch.chdir(tmp_path)
    section = _section()
    for name, body in re.findall(
        r"<!-- draft-write: (\S+) -->\n```text\n(.*?)^```", section, re.MULTILINE | re.DOTALL
    ):
        Path(name).write_text(body, encoding="utf-8")
    written: set[Path] = set()
    for line in re.findall(r"^\$ (pakru .*)$", section, re.MULTILINE):
        argv = shlex.split(line)[1:]
        before = set(Path("records").rglob("*.yaml"))
        code = main(argv)
        out = capsys.readouterr().out
        if argv[0] == "validate":
            assert code == 0, out
            assert "error[" not in out
            continue
        assert code == 0, argv
        written |= set(Path("records").rglob("*.yaml")) - before
        if argv == ["draft", "wire.txt", "--write"]:
            # step 4, confirm: every new file's head lists what to check; delete it
            for path in sorted(written):
                text = path.read_text(encoding="utf-8")
                if path.parent.name == "sources":
                    continue
                assert text.startswith("# draft: confidence"), path
                kept = [ln for ln in text.splitlines(keepends=True) if not ln.startswith("# ")]
                path.write_text("".join(kept), encoding="utf-8")
    ds = pakru.load(tmp_path / "records")
    held = ds.meeting("jwg-ct-08")
    assert (held.realises, held.ordinal, held.location.city) == ("jwg-ct-next", 8, "Moscow")
    assert ds.meeting("jwg-ct-09-planned").announced_at == "jwg-ct-08"
    assert ds.meeting("wg-citsc-09").realises == "jwg-ct-09-planned"
    assert {p.ref for p in held.participants} == {"zahid-mahmood", "oleg-syromolotov"}
