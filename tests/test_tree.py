"""One rule for which records a command reads: the tree found from the working folder upwards.

Every command given no path, ``pakru.load()`` given none, and the site build
call :func:`pakru.tools.tree.find`; each command says which tree it read and how
many records, and says so when it fell back on the data installed with pakru.
"""

import json
import shutil
from pathlib import Path

import pytest

import pakru
from pakru.cli import main
from pakru.tools.tree import RECORDS_ENV, find, is_tree, shipped_records
from tests.checkouts import BROKEN_FILE, MARKER, broken_checkout, copy_checkout
from tests.conftest import REPO

RECORDS = len(list((REPO / "records").glob("*/*.yaml")))


@pytest.fixture
def nowhere(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A working folder with no records tree in it or above it."""
    folder = tmp_path / "elsewhere"
    folder.mkdir()
    assert all(not is_tree(p / "records") for p in (folder, *folder.parents))
    monkeypatch.chdir(folder)
    monkeypatch.delenv(RECORDS_ENV, raising=False)
    return folder


@pytest.fixture
def broken(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A broken copy of this checkout, as the working folder."""
    root = broken_checkout(tmp_path / "checkout")
    monkeypatch.chdir(root)
    monkeypatch.delenv(RECORDS_ENV, raising=False)
    return root


# --- the rule -----------------------------------------------------------------------------------


def test_the_tree_is_found_from_any_folder_inside_a_checkout(tmp_path: Path) -> None:
    root = copy_checkout(tmp_path / "checkout")
    (root / "docs" / "deep").mkdir(parents=True)
    for start in (root, root / "docs" / "deep", root / "records", root / "records" / "meetings"):
        tree = find(start, environ={})
        assert (tree.how, tree.path, tree.start) == ("found", root / "records", start)


def test_a_records_folder_counts_by_its_version_file_or_a_record_folder(tmp_path: Path) -> None:
    records = tmp_path / "records"
    records.mkdir()
    assert find(tmp_path, environ={}).installed  # an empty records/ is not a tree
    (records / "VERSION").write_text("1.0.0\n", encoding="utf-8")
    assert find(tmp_path, environ={}).how == "found"
    (records / "VERSION").unlink()
    (records / "people").mkdir()  # a broken tree without VERSION is still found
    assert find(tmp_path, environ={}).how == "found"


def test_with_no_tree_the_installed_data_is_used_and_said(tmp_path: Path) -> None:
    tree = find(tmp_path, environ={})
    assert (tree.how, tree.path) == ("installed", shipped_records())
    assert tree.describe() == (
        f"{shipped_records()} (installed with pakru {pakru.__version__}: "
        f"no records tree found from {tmp_path} upwards)"
    )


def test_pakru_records_overrides_the_search(tmp_path: Path) -> None:
    root = copy_checkout(tmp_path / "checkout")
    other = copy_checkout(tmp_path / "other")
    tree = find(root, environ={RECORDS_ENV: str(other / "records")})
    assert (tree.how, tree.path) == ("environment", other / "records")
    relative = find(tmp_path, environ={RECORDS_ENV: "other/records"})
    assert relative.path == other / "records"
    assert find(root, environ={RECORDS_ENV: ""}).how == "found"  # empty: not set


# --- pakru.load() -------------------------------------------------------------------------------


def test_load_in_an_unrelated_folder_gives_the_installed_data(nowhere: Path) -> None:
    del nowhere
    ds = pakru.load()
    assert len(ds) == len(pakru.load(shipped_records()))
    assert ds.get("cgss-12").title != MARKER


def test_load_in_a_checkout_gives_the_checkout_as_it_is_on_disk(
    broken: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert pakru.load().get("cgss-12").title == MARKER
    (broken / "records" / "meetings" / "cgss-13.yaml").unlink(missing_ok=True)
    monkeypatch.chdir(broken / "records" / "meetings")
    assert pakru.load().get("cgss-12").title == MARKER
    # an edit made since the last load is read: nothing is cached per folder
    path = broken / BROKEN_FILE
    path.write_text(path.read_text("utf-8").replace(MARKER, "Edited again"), "utf-8")
    assert pakru.load().get("cgss-12").title == "Edited again"


def test_an_unchanged_checkout_is_loaded_from_the_cache(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from pakru import loading  # noqa: PLC0415

    root = copy_checkout(tmp_path / "checkout")
    monkeypatch.chdir(root)
    monkeypatch.delenv(RECORDS_ENV, raising=False)
    assert len(pakru.load()) == RECORDS  # loaded in full, and kept in the user cache

    def no_full_load(paths: object) -> object:
        raise AssertionError(f"a full load of {paths}")

    monkeypatch.setattr(loading, "_load", no_full_load)
    assert len(pakru.load()) == RECORDS


# --- every command says which tree it read ------------------------------------------------------


def test_plain_validate_in_a_broken_checkout_fails_naming_the_file(
    broken: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["validate"]) == 1
    out = capsys.readouterr().out.splitlines()
    assert any(line.startswith(f"{BROKEN_FILE}:") and "evidence.quote" in line for line in out)
    assert out[-1] == (
        f"Checked {RECORDS} records in {broken / 'records'} (found from {broken} upwards)."
    )


def test_validate_from_a_sub_folder_names_files_from_there(
    broken: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    here = broken / "records" / "meetings"
    monkeypatch.chdir(here)
    assert main(["validate", "--format", "json"]) == 1
    captured = capsys.readouterr()
    paths = {f["path"] for f in json.loads(captured.out)["findings"]}
    assert "cgss-12.yaml" in paths  # as `pakru validate ..` names it from here
    assert captured.err.splitlines()[-1] == (
        f"Checked {RECORDS} records in {broken / 'records'} (found from {here} upwards)."
    )


def test_validate_outside_any_checkout_says_it_checked_the_installed_data(
    nowhere: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["validate", "--today", "2018-12-31"]) == 0
    out = capsys.readouterr().out
    assert out == (
        "No findings.\n"
        f"Checked {RECORDS} records in {shipped_records()} (installed with pakru "
        f"{pakru.__version__}: no records tree found from {nowhere} upwards).\n"
    )


def test_no_installed_refuses_the_fallback(
    nowhere: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["validate", "--no-installed"]) == 2
    assert capsys.readouterr().err == (
        f"pakru validate: no records tree found from {nowhere} upwards "
        "(--no-installed: give the records folder)\n"
    )


@pytest.mark.parametrize("fmt", ["json", "github", "sarif", "junit"])
def test_machine_formats_keep_the_summary_on_stderr(
    fmt: str, broken: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["validate", "--format", fmt]) == 1
    captured = capsys.readouterr()
    assert "Checked" not in captured.out
    assert captured.err.splitlines()[-1] == (
        f"Checked {RECORDS} records in {broken / 'records'} (found from {broken} upwards)."
    )


def test_coverage_export_and_changelog_read_the_checkout(
    broken: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    line = f"{RECORDS} records in {broken / 'records'} (found from {broken} upwards)."
    assert main(["coverage"]) == 0
    assert capsys.readouterr().out.splitlines()[-1] == f"Checked {line}"
    assert main(["coverage", "--format", "json"]) == 0
    captured = capsys.readouterr()
    json.loads(captured.out)
    assert captured.err == f"Checked {line}\n"
    assert main(["export", "--format", "json", "--out", str(tmp_path / "out")]) == 0
    assert capsys.readouterr().out.splitlines()[-1] == f"Exported {line}"
    records = json.loads((tmp_path / "out" / "records.json").read_text("utf-8"))
    assert next(r["title"] for r in records if r["id"] == "cgss-12") == MARKER
    assert main(["changelog", "--old", str(tmp_path / "out" / "records.json")]) == 0
    assert f"Compared {line}" in capsys.readouterr().err.splitlines()


def test_a_checkout_that_does_not_load_fails_every_reading_command(
    broken: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = broken / BROKEN_FILE
    path.write_text(path.read_text("utf-8").replace("kind: ", "kinnd: ", 1), "utf-8")
    for argv in (["coverage"], ["export", "--format", "csv", "--out", "out"], ["changelog"]):
        assert main(argv) == 1, argv
        assert f"{BROKEN_FILE}:" in capsys.readouterr().err, argv


def test_fmt_checks_the_checkout_and_never_rewrites_the_installed_data(
    broken: Path, nowhere: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(broken)
    path = broken / BROKEN_FILE
    path.write_text(path.read_text("utf-8").replace("kind: ", "kind:    ", 1), "utf-8")
    assert main(["fmt", "--check"]) == 1
    assert capsys.readouterr().out.splitlines() == [
        f"{BROKEN_FILE}: not in canonical form (run 'pakru fmt {BROKEN_FILE}')",
        f"Checked {RECORDS} records in {broken / 'records'} (found from {broken} upwards).",
    ]
    monkeypatch.chdir(nowhere)
    assert main(["fmt"]) == 2
    assert capsys.readouterr().err == (
        f"pakru fmt: no records tree found from {nowhere} upwards (the data installed with "
        "pakru is never changed; give the records folder)\n"
    )


def test_new_writes_into_the_tree_found(
    broken: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(broken / "records" / "meetings")
    assert main(["new", "meeting", "jwg-ct-10"]) == 0
    captured = capsys.readouterr()
    assert captured.out.splitlines() == [
        "wrote ../meetings/jwg-ct-10.yaml",
        "next: fill in the nulls, then run 'pakru validate ..'",
    ]
    assert captured.err == f"Wrote into {broken / 'records'} (found from {Path.cwd()} upwards).\n"
    assert (broken / "records" / "meetings" / "jwg-ct-10.yaml").is_file()


def test_a_missing_pakru_records_folder_is_a_usage_error(
    nowhere: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv(RECORDS_ENV, str(nowhere / "gone"))
    assert main(["validate"]) == 2
    assert capsys.readouterr().err == f"pakru validate: no such file or folder: {nowhere}/gone\n"
    shutil.copytree(REPO / "records", nowhere / "gone")
    assert main(["validate", "--today", "2018-12-31"]) == 0
    assert capsys.readouterr().out.splitlines()[-1] == (
        f"Checked {RECORDS} records in {nowhere / 'gone'} ({RECORDS_ENV})."
    )
