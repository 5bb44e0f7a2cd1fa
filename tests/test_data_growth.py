"""Adding reports turns no test red that reads the records: the quick, in-suite check.

``tests/growth.py`` runs the whole suite on a grown copy of the checkout (a CI
step); this test adds the same reports (``tests/growth-data/``) to a copy of
the records, checks that they validate and say what the reports say, and runs
the tests that read records or find a tree from the working folder on the
copy (``PAKRU_RECORDS``), with ``tests.records_guard`` failing any that writes
into it. The expected-data files compare the checkout's records, so they stay
current here; ``tests/growth.py`` regenerates them in its copy.
"""

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import pakru
from pakru.schema import Source
from pakru.validate.run import validate
from tests.conftest import REPO
from tests.growth import STEPS, GrowthError, environment, grow
from tests.records_guard import changed, fingerprint, restore

QUICK = [
    "tests/records",
    "tests/test_find.py",
    "tests/test_scaffold.py",
    "tests/test_contributing.py",
    "tests/acts/test_codebook.py",
]
"""Tests that read the records tree ``pakru.load()`` finds, or find one from their folder."""
GUARD = ["-p", "tests.records_guard"]


@pytest.fixture(scope="module")
def grown(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A copy of the checkout's records with the reports of tests/growth-data added."""
    added = {p.stem for step in STEPS for p in (step / "overlay" / "sources").glob("*.yaml")}
    if any((REPO / "records" / "sources" / f"{s}.yaml").is_file() for s in added):
        pytest.skip(
            "records/ already holds the reports of tests/growth-data/: this is the copy "
            "python -m tests.growth grew, where the whole suite is the check"
        )
    tree = tmp_path_factory.mktemp("grown") / "records"
    shutil.copytree(REPO / "records", tree, ignore=shutil.ignore_patterns("__pycache__"))
    grow(tree)
    return tree


def test_the_grown_records_validate_and_say_what_the_reports_say(grown: Path) -> None:
    errors = [f for f in validate([grown]) if f.severity in ("error", "warning")]
    assert [f"{f.path}:{f.line}: {f.rule} {f.message}" for f in errors] == []
    ds = pakru.load(grown)
    today = pakru.load(REPO / "records")
    assert len(ds.sources) == len(today.sources) + len(STEPS)
    # a series and a meeting kind none of the shipped reports has, later than all of them
    assert "jmcc" not in today
    assert {m.kind for m in today.meetings} >= {"working-group"}
    assert ds.meeting("jmcc-01").kind not in {m.kind for m in today.meetings}
    bounds = [b for m in today.meetings for b in (m.date.earliest, m.date.latest) if b]
    first_day = ds.meeting("jmcc-01").date.earliest
    assert first_day is not None
    assert first_day > max(bounds)
    # the plan the first report announces, carried out by the meeting the second reports
    assert ds.meeting("jmcc-next").announced_at == "jmcc-01"
    assert ds.meeting("jmcc-02").realises == "jmcc-next"
    assert ds.realised_by("jmcc-next").ids == ("jmcc-02",)
    # the wire layouts read: APP with its year; TASS without, the year printed in the text
    first, second = (ds.get(s) for s in ("src-d1b185eb", "src-0dbbf37c"))
    assert isinstance(first, Source)
    assert isinstance(second, Source)
    assert (first.publisher, str(first.published)) == ("APP", "2022-11-15")
    assert (second.publisher, str(second.published)) == ("TASS", "2023-10-10")


def test_a_misread_layout_stops_the_growth(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # grow() compares the scaffold pakru new source writes with the finished source record
    step = tmp_path / "1-x"
    shutil.copytree(STEPS[0], step)
    report = step / "report.txt"
    report.write_text(report.read_text(encoding="utf-8").replace("(APP):", ":"), encoding="utf-8")
    sources = step / "overlay" / "sources"
    [finished] = sources.glob("*.yaml")
    from pakru.tools.scaffold import text_hash  # noqa: PLC0415

    short = text_hash(report.read_bytes())[:8]
    finished.rename(sources / f"src-{short}.yaml")
    monkeypatch.setattr("tests.growth.STEPS", [step])
    tree = tmp_path / "records"
    shutil.copytree(REPO / "records", tree, ignore=shutil.ignore_patterns("__pycache__"))
    with pytest.raises(
        GrowthError, match=r"1-x: the layout reader read .*'publisher': \(None, 'APP'\)"
    ):
        grow(tree)


def test_the_record_tests_pass_on_the_grown_records_and_write_nothing_there(grown: Path) -> None:
    before = fingerprint(grown)
    run = subprocess.run(
        [
            sys.executable,
            "-m",
            "pytest",
            *QUICK,
            "-q",
            "-p",
            "no:cacheprovider",
            "-p",
            "tests.records_guard",
        ],
        cwd=REPO,
        env={**environment(), "PAKRU_RECORDS": str(grown)},
        capture_output=True,
        text=True,
        check=False,
    )
    assert run.returncode == 0, run.stdout[-3000:]
    assert changed(before, fingerprint(grown)) == []


def test_the_guard_names_a_test_that_writes_into_the_tree(tmp_path: Path) -> None:
    tree = tmp_path / "records"
    (tree / "meetings").mkdir(parents=True)
    (tree / "meetings" / "a.yaml").write_text("type: meeting\n", encoding="utf-8")
    test = tmp_path / "test_writes.py"
    test.write_text(
        "import os, pathlib\n"
        "def test_writes():\n"
        "    tree = pathlib.Path(os.environ['PAKRU_RECORDS'])\n"
        "    (tree / 'meetings' / 'b.yaml').write_text('x')\n"
        "    (tree / 'meetings' / 'a.yaml').write_text('y')\n"
        "def test_after():\n"
        "    tree = pathlib.Path(os.environ['PAKRU_RECORDS'])\n"
        "    assert sorted(p.name for p in (tree / 'meetings').iterdir()) == ['a.yaml']\n"
        "    assert (tree / 'meetings' / 'a.yaml').read_text() == 'type: meeting\\n'\n",
        encoding="utf-8",
    )
    run = subprocess.run(
        [
            sys.executable,
            "-m",
            "pytest",
            str(test),
            "-q",
            "-p",
            "no:cacheprovider",
            "-p",
            "tests.records_guard",
            "--rootdir",
            str(tmp_path),
        ],
        cwd=REPO,
        env={**os.environ, "PAKRU_RECORDS": str(tree)},
        capture_output=True,
        text=True,
        check=False,
    )
    assert run.returncode == 1, run.stdout
    assert "test_writes.py::test_writes wrote into the PAKRU_RECORDS tree" in run.stdout
    assert "['+ meetings/b.yaml', '~ meetings/a.yaml']" in run.stdout
    # the writer passes its call and errs in teardown; the next test sees the tree put back
    assert "2 passed, 1 error" in run.stdout


def test_restore_puts_back_what_was_added_removed_or_rewritten(tmp_path: Path) -> None:
    (tmp_path / "a").write_text("a")
    (tmp_path / "b").write_text("b")
    before = fingerprint(tmp_path)
    (tmp_path / "a").write_text("changed")
    (tmp_path / "b").unlink()
    (tmp_path / "c").write_text("new")
    after = fingerprint(tmp_path)
    assert changed(before, after) == ["+ c", "- b", "~ a"]
    restore(tmp_path, before, after)
    assert fingerprint(tmp_path) == before
