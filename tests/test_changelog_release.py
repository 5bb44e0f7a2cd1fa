"""``pakru changelog`` with no arguments compares with the last release recorded in CHANGELOG.md.

The release is the newest version section of ``CHANGELOG.md`` that the git
history holds; its records are those of the commit that added the section.
"""

import shutil
import subprocess
from pathlib import Path

import pytest

import pakru
from pakru.cli import main
from pakru.tools.changes import recorded_versions
from tests.checkouts import copy_checkout
from tests.conftest import REPO

VERSION = (Path(__file__).resolve().parents[1] / "records" / "VERSION").read_text().strip()


def git(root: Path, *args: str) -> str:
    done = subprocess.run(
        ["git", "-c", "user.name=pakru tests", "-c", "user.email=tests@example.invalid", *args],
        cwd=root,
        capture_output=True,
        text=True,
        check=True,
        timeout=60,
    )
    return done.stdout


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A copy of this checkout in a fresh git repository, its release committed, as cwd."""
    root = copy_checkout(tmp_path / "repo")
    git(root, "init", "-q")
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", f"Data {VERSION}")
    monkeypatch.chdir(root)
    monkeypatch.delenv("PAKRU_RECORDS", raising=False)
    return root


def _released(root: Path) -> str:
    commit, date = git(root, "log", "-1", "--format=%H %cs").split()
    return f"data {VERSION} (CHANGELOG.md, released in commit {commit[:7]} of {date})"


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_the_changes_since_the_release_and_which_release(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    released = _released(repo)
    meetings = repo / "records" / "meetings"
    _edit(meetings / "jwg-ct-07.yaml", "title: 7th", "title: Seventh")
    added = (meetings / "cgss-12.yaml").read_text("utf-8").replace("id: cgss-12", "id: cgss-99")
    (meetings / "cgss-99.yaml").write_text(added, encoding="utf-8")
    assert main(["changelog"]) == 0
    captured = capsys.readouterr()
    assert captured.out == (
        f"## {VERSION}\n\n### Added\n\n- `cgss-99` (meeting)\n\n"
        "### Changed\n\n- `jwg-ct-07`: title\n\n"
    )
    assert f"pakru changelog: compared with {released}" in captured.err.splitlines()
    assert (
        f"pakru changelog: VERSION still names the released data {VERSION}; bump it "
        "(docs/versioning.md)"
    ) in captured.err.splitlines()


def test_an_unchanged_checkout_says_nothing_changed(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["changelog"]) == 0
    captured = capsys.readouterr()
    assert captured.out == f"## {VERSION}\n\n"
    assert captured.err.splitlines()[-2:] == [
        f"pakru changelog: compared with {_released(repo)}",
        "pakru changelog: no id was added, changed, merged or removed",
    ]


def test_a_section_not_yet_committed_is_not_the_last_release(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    released = _released(repo)
    (repo / "records" / "VERSION").write_text("9.0.0\n", encoding="utf-8")
    _edit(repo / "CHANGELOG.md", f"## {VERSION}", f"## 9.0.0\n\nNext.\n\n## {VERSION}")
    assert main(["changelog"]) == 0
    err = capsys.readouterr().err.splitlines()
    assert f"pakru changelog: compared with {released}" in err
    assert not [line for line in err if "bump it" in line]
    git(repo, "commit", "-q", "-am", "Data 9.0.0")
    assert main(["changelog"]) == 0
    assert "compared with data 9.0.0 (CHANGELOG.md, released in commit" in capsys.readouterr().err


def test_an_id_gone_without_a_withdrawal_fails(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (repo / "records" / "meetings" / "jwg-ct-next.yaml").unlink()
    assert main(["changelog"]) == 1
    assert (
        "pakru changelog: 'jwg-ct-next' is gone; add it to withdrawn.json (merged or withdrawn, "
        "with the reason)"
    ) in capsys.readouterr().err.splitlines()


def test_outside_git_a_recorded_release_cannot_be_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    root = copy_checkout(tmp_path / "plain")
    monkeypatch.chdir(root)
    monkeypatch.delenv("PAKRU_RECORDS", raising=False)
    monkeypatch.setenv("GIT_CEILING_DIRECTORIES", str(tmp_path))
    assert main(["changelog"]) == 2
    assert capsys.readouterr().err == (
        f"pakru changelog: {root / 'CHANGELOG.md'} records data {VERSION}, but "
        f"{root / 'records'} is not in a git checkout to read its records from; "
        "or give --old records.json\n"
    )


def test_a_clone_without_the_release_commit_says_so(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    git(repo, "rm", "-q", "--cached", "CHANGELOG.md")  # as if the history lacked the release
    git(repo, "commit", "-q", "-m", "untrack")
    git(repo, "checkout", "-q", "--orphan", "shallow")
    git(repo, "commit", "-q", "-m", "only this commit")
    assert main(["changelog"]) == 2
    assert "no commit in this clone's history adds a release section" in capsys.readouterr().err


def test_with_no_release_recorded_every_id_is_added(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (repo / "CHANGELOG.md").write_text("# Changelog of the data\n", encoding="utf-8")
    assert main(["changelog"]) == 0
    captured = capsys.readouterr()
    assert captured.out.startswith(f"## {VERSION}\n\n### Added\n\n- `")
    assert (
        "pakru changelog: compared with no release (CHANGELOG.md records none): every id is added"
    ) in captured.err.splitlines()


def test_recorded_versions_are_the_semver_headings_newest_first() -> None:
    text = "# Changelog\n\n## 2.1.0 (2026-11-23)\n\n### Changed\n\n## Notes\n\n## 1.0.0\n"
    assert recorded_versions(text) == [("2.1.0", "## 2.1.0 (2026-11-23)"), ("1.0.0", "## 1.0.0")]


def _clone(repo: Path, dest: Path, depth: int) -> Path:
    """A shallow clone of ``repo`` (``file://``: a plain path would ignore ``--depth``)."""
    git(repo.parent, "clone", "-q", f"--depth={depth}", f"file://{repo}", str(dest))
    return dest


def test_a_shallow_clone_cut_after_the_release_says_so(
    repo: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    _edit(repo / "records" / "meetings" / "jwg-ct-07.yaml", "title: 7th", "title: Seventh")
    git(repo, "commit", "-q", "-am", "An edit after the release")
    shallow = _clone(repo, tmp_path / "shallow", 1)
    head = git(shallow, "rev-parse", "HEAD").strip()
    monkeypatch.chdir(shallow)
    assert main(["changelog"]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err == (
        f"pakru changelog: data {VERSION} (CHANGELOG.md) was released before the history of "
        f"this shallow clone, which begins at commit {head[:7]}: fetch the whole history "
        "(git fetch --unshallow; in GitHub Actions, fetch-depth: 0); or give --old records.json\n"
    )


def test_a_shallow_clone_that_holds_the_release_compares_with_it(
    repo: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    (repo / "records" / "VERSION").write_text("9.0.0\n", encoding="utf-8")
    _edit(repo / "CHANGELOG.md", f"## {VERSION}", f"## 9.0.0\n\nNext.\n\n## {VERSION}")
    git(repo, "commit", "-q", "-am", "Data 9.0.0")
    released = _released(repo).replace(f"data {VERSION}", "data 9.0.0")
    _edit(repo / "records" / "meetings" / "jwg-ct-07.yaml", "title: 7th", "title: Seventh")
    git(repo, "commit", "-q", "-am", "An edit after the release")
    # the edit, the release commit and the one before it: git cannot tell what the oldest
    # commit of a shallow history added, so the release commit must not be that one
    shallow = _clone(repo, tmp_path / "shallow", 3)
    monkeypatch.chdir(shallow)
    assert main(["changelog"]) == 0
    captured = capsys.readouterr()
    assert captured.out == "## 9.0.0\n\n### Changed\n\n- `jwg-ct-07`: title\n\n"
    assert f"pakru changelog: compared with {released}" in captured.err.splitlines()


def test_the_installed_data_has_no_release_to_compare_with(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """Outside a checkout the installed data is read: no CHANGELOG.md, so nothing to compare."""
    installed = tmp_path / "site-packages" / "pakru" / "records"
    shutil.copytree(REPO / "records", installed, ignore=shutil.ignore_patterns("__pycache__"))
    monkeypatch.setattr("pakru.tools.tree.shipped_records", lambda: installed)
    nowhere = tmp_path / "nowhere"
    nowhere.mkdir()
    monkeypatch.chdir(nowhere)
    monkeypatch.delenv("PAKRU_RECORDS", raising=False)
    assert main(["changelog"]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err == (
        f"pakru changelog: no records tree found from {nowhere} upwards, and the data installed "
        f"with pakru (data {VERSION}, in {installed}) has no CHANGELOG.md beside it: no earlier "
        "release to compare with; run it in a checkout of the data, or give --old records.json\n"
    )


def test_a_tree_without_a_changelog_has_nothing_to_compare_with(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    records = tmp_path / "records"
    shutil.copytree(REPO / "records", records, ignore=shutil.ignore_patterns("__pycache__"))
    assert main(["changelog", str(records)]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err == (
        f"pakru changelog: cannot read {tmp_path / 'CHANGELOG.md'} (No such file or directory), "
        f"which names the releases of {records}: nothing to compare with; "
        "or give --old records.json\n"
    )


def _edit_report(root: Path) -> str:
    """Make a quote of the first report false; the id of its source record."""
    ds = pakru.load(root / "records")
    source = ds.sources[0]
    path = root / "records" / "sources" / "text" / source.file
    quote = source.evidence[0].quote
    text = path.read_text(encoding="utf-8")
    assert quote in text
    assert quote.upper() != quote
    path.write_text(text.replace(quote, quote.upper()), encoding="utf-8")
    return source.id


def test_an_edited_report_text_changes_its_source(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = _edit_report(repo)
    assert main(["changelog"]) == 0
    assert capsys.readouterr().out == f"## {VERSION}\n\n### Changed\n\n- `{source}`: text\n\n"


def test_an_export_with_its_texts_shows_an_edited_report(
    repo: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "previous"
    assert main(["export", "--format", "json", "--out", str(out)]) == 0
    source = _edit_report(repo)
    capsys.readouterr()
    assert main(["changelog", "--old", str(out / "records.json")]) == 0
    captured = capsys.readouterr()
    assert captured.out == f"## {VERSION}\n\n### Changed\n\n- `{source}`: text\n\n"
    assert f"pakru changelog: compared with {out / 'records.json'}" in captured.err.splitlines()
    (out / "source_texts.json").unlink()
    assert main(["changelog", "--old", str(out / "records.json")]) == 0
    captured = capsys.readouterr()
    assert captured.out == f"## {VERSION}\n\n"
    assert (
        f"pakru changelog: compared with {out / 'records.json'} (no source_texts.json beside "
        "it: report texts not compared)"
    ) in captured.err.splitlines()
    (out / "source_texts.json").write_text('{"a": 1}', encoding="utf-8")
    assert main(["changelog", "--old", str(out / "records.json")]) == 2
    assert capsys.readouterr().err == (
        f"pakru changelog: --old {out / 'source_texts.json'}: not a source_texts.json "
        "(expected a list of rows with 'source_id' and 'text')\n"
    )
