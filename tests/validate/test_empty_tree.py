"""``pakru validate`` on a records tree that holds no record file: nothing was checked, exit 2."""

from pathlib import Path

import pytest

from pakru.cli import main


@pytest.fixture
def empty(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A checkout whose records tree has its layout (``VERSION``, ``meetings/``) and no record."""
    (tmp_path / "records" / "meetings").mkdir(parents=True)
    (tmp_path / "records" / "VERSION").write_text("1.0.0\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("PAKRU_RECORDS", raising=False)
    return tmp_path


@pytest.mark.parametrize("fmt", ["text", "json", "sarif"])
def test_validate_of_a_tree_without_records_says_so_and_fails(
    empty: Path, fmt: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["validate", "--format", fmt]) == 2
    assert capsys.readouterr() == (
        "",
        f"pakru validate: no record files in {empty / 'records'} (found from {empty} "
        "upwards): nothing to check\n",
    )


def test_validate_of_a_given_folder_without_records_says_so_and_writes_no_report(
    empty: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    argv = ["validate", "records/meetings", "--output", "sarif=reports/pakru.sarif"]
    assert main(argv) == 2
    assert capsys.readouterr() == (
        "",
        "pakru validate: no record files in records/meetings: nothing to check\n",
    )
    assert not (empty / "reports" / "pakru.sarif").exists()


def test_one_record_is_enough(empty: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A tree with a record file is checked as ever, even when that file does not build."""
    (empty / "records" / "meetings" / "x.yaml").write_text("type: meeting\n", encoding="utf-8")
    assert main(["validate", "--select", "ids"]) == 0
    assert capsys.readouterr().out.splitlines()[-1] == (
        f"Checked 1 record in {empty / 'records'} (found from {empty} upwards)."
    )
