"""Nothing is read from outside the records tree (cold trial of issues 22/23, defect 1).

A pull request can commit a symbolic link, and its preview builds the site
before anyone has looked. A record file, report text or manifest file that is
a link, or lies in a linked folder, whose resolved location is outside the
records tree is a ``read.outside`` finding and is never read: what it points
to reaches no report, no Dataset and no page. Links that stay inside the tree
are read as before.
"""

import os
import shutil
from pathlib import Path

import pytest

from pakru import load
from pakru.loading import DatasetError
from tests.faults.conftest import Run, pakru, snapshot

TODAY = ("--today", "2018-06-01")
MARKER = "token-9f2c7e"
"""What a file outside the tree holds: it must never be printed or loaded."""
OUT = "which leads out of the records tree; not read"


@pytest.fixture
def secret(tmp_path: Path) -> Path:
    """A file beside the records tree, like a checkout's ``.git/config``."""
    path = tmp_path / "config"
    path.write_text(f"[core]\n\ttoken = {MARKER}\n", encoding="utf-8")
    return path


def _validate(*args: str | Path) -> Run:
    done = pakru("validate", *args, *TODAY)
    assert MARKER not in done.out + done.err
    return done


def _load_error(path: Path) -> DatasetError:
    with pytest.raises(DatasetError) as raised:
        load(path)
    assert MARKER not in str(raised.value)
    return raised.value


def _findings(error: DatasetError) -> list[tuple[str, int, str, str]]:
    return [(f.path, f.line, f.rule, f.message) for f in error.findings]


@pytest.mark.parametrize("absolute", [False, True], ids=["relative", "absolute"])
@pytest.mark.parametrize("jobs", ["1", "2"])
def test_a_report_text_linked_out_of_the_tree_is_never_read(
    tree: Path, secret: Path, absolute: bool, jobs: str
) -> None:
    """The trial: ``sources/text/…`` replaced by a link to ``../../../.git/config``."""
    text = tree / "sources" / "text" / "a.txt"
    text.unlink()
    target = str(secret) if absolute else os.path.relpath(secret, text.parent)
    text.symlink_to(target)
    before = snapshot(tree)
    finding = f"{text}: error[read.outside] symbolic link to '{target}', {OUT}"
    done = _validate(tree, "--select", "read", "--jobs", jobs)
    assert done == Run(1, f"{finding}\nFound 1 error in 1 file.\n", "")
    everything = _validate(tree, "--jobs", jobs)  # every rule: the text is still not read
    assert everything.code == 1
    assert finding in everything.out_lines
    message = f"symbolic link to '{target}', {OUT}"
    assert _findings(_load_error(tree)) == [(str(text), 0, "read.outside", message)]
    assert snapshot(tree) == before


def test_a_text_folder_linked_out_of_the_tree_is_never_read(tree: Path, tmp_path: Path) -> None:
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (elsewhere / "a.txt").write_text(f"{MARKER}\n", encoding="utf-8")
    folder = tree / "sources" / "text"
    shutil.rmtree(folder)
    folder.symlink_to(elsewhere, target_is_directory=True)
    text = folder / "a.txt"
    walked = f"symbolic link to '{elsewhere}', {OUT}"  # the walk for record files meets it first
    named = (
        f"resolves to '{text.resolve()}' through a symbolic link, out of the records tree; not read"
    )
    done = _validate(tree, "--select", "read")
    assert done.code == 1
    assert done.out_lines == [
        f"{folder}: error[read.outside] {walked}",
        f"{text}: error[read.outside] {named}",
        "Found 2 errors in 2 files.",
    ]
    assert _findings(_load_error(tree)) == [
        (str(folder), 0, "read.outside", walked),
        (str(text), 0, "read.outside", named),
    ]


@pytest.fixture
def linked(tree: Path, tmp_path: Path) -> Path:
    """``meetings/linked``, a link to a folder outside the tree holding a record whose
    findings would print what it holds (an unknown key)."""
    elsewhere = tmp_path / "elsewhere"
    (elsewhere / "meetings").mkdir(parents=True)
    record = (tree / "meetings" / "wg-07.yaml").read_text(encoding="utf-8")
    (elsewhere / "meetings" / "x.yaml").write_text(f"{record}{MARKER}: 1\n", encoding="utf-8")
    link = tree / "meetings" / "linked"
    link.symlink_to(elsewhere, target_is_directory=True)
    return link


def test_record_files_in_a_folder_linked_out_of_the_tree_are_never_read(
    tree: Path, linked: Path
) -> None:
    finding = f"{linked}: error[read.outside] symbolic link to '{linked.readlink()}', {OUT}"
    for given in (tree, tree / "meetings", linked):  # the tree, a folder, the link itself
        done = _validate(given, "--select", "read")
        assert done == Run(1, f"{finding}\nFound 1 error in 1 file.\n", ""), given
    assert _validate(tree).code == 1
    message = f"symbolic link to '{linked.readlink()}', {OUT}"
    assert _findings(_load_error(tree)) == [(str(linked), 0, "read.outside", message)]
    assert _findings(_load_error(linked)) == [(str(linked), 0, "read.outside", message)]


def test_a_record_file_named_through_a_linked_folder_is_never_read(
    tree: Path, linked: Path
) -> None:
    """``pakru validate FILE`` (a hook) checks a file against its whole tree; a file that
    resolves out of it is refused, and the tree it leads to is not loaded either."""
    named = linked / "meetings" / "x.yaml"
    real = linked.readlink() / "meetings" / "x.yaml"
    message = f"resolves to '{real}' through a symbolic link, out of the records tree; not read"
    done = _validate(named)
    assert done == Run(1, f"{named}: error[read.outside] {message}\nFound 1 error in 1 file.\n", "")
    assert _findings(_load_error(named)) == [(str(named), 0, "read.outside", message)]


def test_a_record_file_linked_out_of_the_tree_is_never_read(tree: Path, secret: Path) -> None:
    """The trial's other link: a record file pointing at a file of the machine."""
    link = tree / "meetings" / "os-release.yaml"
    link.symlink_to(secret)
    finding = f"{link}: error[read.outside] symbolic link to '{secret}', {OUT}"
    for given in (tree, link):
        done = _validate(given, "--select", "read")
        assert done == Run(1, f"{finding}\nFound 1 error in 1 file.\n", ""), given


def test_manifest_files_linked_out_of_the_tree_are_never_read(tree: Path, secret: Path) -> None:
    """``VERSION`` would be quoted in its finding ('… is not a semantic version')."""
    (tree / "VERSION").symlink_to(secret)
    (tree / "withdrawn.json").symlink_to(secret)
    done = _validate(tree, "--select", "read")
    assert done.out_lines == [
        f"{tree}/VERSION: error[read.outside] symbolic link to '{secret}', {OUT}",
        f"{tree}/withdrawn.json: error[read.outside] symbolic link to '{secret}', {OUT}",
        "Found 2 errors in 2 files.",
    ]
    assert [f[2] for f in _findings(_load_error(tree))] == ["read.outside", "read.outside"]


def test_links_inside_the_tree_are_read_as_before(tree: Path) -> None:
    """A linked record folder and a linked text folder that stay in the tree: no finding."""
    clean = _validate(tree)
    assert clean == Run(0, "No findings.\n", "")
    expected = load(tree)
    (tree / "people").rename(tree / "people-files")
    (tree / "people").symlink_to("people-files", target_is_directory=True)
    (tree / "sources" / "text").rename(tree / "texts")
    (tree / "sources" / "text").symlink_to("../texts", target_is_directory=True)
    text = tree / "texts" / "a.txt"
    text.rename(tree / "texts" / "real.txt")
    text.symlink_to("real.txt")
    assert _validate(tree) == clean
    assert _validate(tree / "sources" / "src-a.yaml") == Run(0, "No findings.\n", "")
    loaded = load(tree)
    assert loaded.records == expected.records
    assert loaded.texts == expected.texts
