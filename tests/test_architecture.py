"""docs/architecture.md's "To add X, touch Y" holds: followed in a copy of the repository.

The copy is imported instead of the installed pakru (``PYTHONPATH``), laid out
as the package is installed (``pakru/schema`` is ``schema/``, and so on), so
a file added there is found without reinstalling anything. The test touches
only the files the table names, runs what the table says runs, and checks
the outcome.
"""

import os
import shutil
import subprocess
import sys
import textwrap
import tomllib
from pathlib import Path

import pytest

from tests.conftest import REPO

ARCHITECTURE = REPO / "docs" / "architecture.md"

RULE = '''
"""A probe theme: a rule added by following docs/architecture.md."""

from collections.abc import Iterator

from pakru.dataset import Dataset
from pakru.validate.registry import Context, Hit, rule


@rule("probe.website")
def website(dataset: Dataset, context: Context) -> Iterator[Hit]:
    """A body's web site is an https address."""
    for body in dataset.bodies:
        if body.website is not None and not body.website.startswith("https://"):
            yield Hit(body.id, ("website",), f"{body.website!r} is not an https address")
'''

FIELD = '''    website: str | None = None
    """The body's web site, as a source prints it."""
'''


def _run(copy: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(copy / "installed"), "PAKRU_RECORDS": ""}
    return subprocess.run(
        [sys.executable, *args], cwd=copy, capture_output=True, text=True, env=env, check=False
    )


@pytest.fixture(scope="module")
def copy(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The repository's sources, tests and records, and an import tree ``installed/pakru``."""
    root = tmp_path_factory.mktemp("architecture") / "repo"
    folders = ("src", "schema", "validate", "records", "tests", "docs")
    for name in folders:
        ignore = shutil.ignore_patterns("__pycache__", "*.pyc", ".hypothesis")
        shutil.copytree(REPO / name, root / name, ignore=ignore, symlinks=True)
    shutil.copy2(REPO / "pyproject.toml", root / "pyproject.toml")
    pyproject = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))
    for package, folder in pyproject["tool"]["setuptools"]["package-dir"].items():
        link = root / "installed" / package.replace(".", "/")
        link.parent.mkdir(parents=True, exist_ok=True)
        link.symlink_to(root / folder, target_is_directory=True)
    return root


def test_the_table_names_the_files_this_test_touches() -> None:
    text = ARCHITECTURE.read_text(encoding="utf-8")
    for row, paths in {
        "| a validator rule |": ("`validate/rules/<theme>.py`", "`tests/cases/<rule id>/`"),
        "| a record field |": ("`schema/`", "`pakru schema`"),
        "| an export column from a model field |": ("`src/pakru/export/definitions.py`",),
    }.items():
        line = next(line for line in text.splitlines() if line.startswith(row))
        assert all(path in line for path in paths), (row, paths)


def test_a_field_and_its_column_touch_the_model_and_the_definition(copy: Path) -> None:
    body = copy / "schema" / "body.py"
    text = body.read_text(encoding="utf-8")
    anchor = "    members: tuple[CountryCode, ...] = ()\n"
    body.write_text(text.replace(anchor, FIELD + anchor), encoding="utf-8")
    definitions = copy / "src" / "pakru" / "export" / "definitions.py"
    text = definitions.read_text(encoding="utf-8")
    listed = 'own(Body, "id kind name aliases country")'
    assert listed in text
    definitions.write_text(
        text.replace(listed, 'own(Body, "id kind name aliases country website")'),
        encoding="utf-8",
    )

    stale = _run(copy, "-m", "pakru", "schema", "--check")
    assert stale.returncode == 1, stale.stderr
    assert "schema/fielddocs.py: stale" in stale.stderr.replace(str(copy) + "/", "")
    assert _run(copy, "-m", "pakru", "schema").returncode == 0
    assert _run(copy, "-m", "pakru", "schema", "--check").returncode == 0

    code = (
        "import pakru, pakru.export as e; t = e.tables(pakru.load())['bodies']; "
        "c = next(c for c in t.columns if c.name == 'website'); "
        "print(e.__file__); print(c.type, '|', c.description)"
    )
    done = _run(copy, "-c", code)
    assert done.returncode == 0, done.stderr
    where, column = done.stdout.splitlines()
    assert where.startswith(str(copy / "installed"))  # the copy, not the installed pakru
    assert column == "string | The body's web site, as a source prints it."


def test_a_rule_touches_its_theme_module_and_its_case_folder(copy: Path) -> None:
    if "website" not in (copy / "schema" / "body.py").read_text(encoding="utf-8"):
        test_a_field_and_its_column_touch_the_model_and_the_definition(copy)
    (copy / "validate" / "rules" / "probe.py").write_text(textwrap.dedent(RULE), "utf-8")
    listed = _run(copy, "-m", "pakru", "rules")
    assert "probe.website" in listed.stdout, listed.stderr

    case = copy / "tests" / "cases" / "probe.website"
    (case / "valid").mkdir(parents=True)
    (case / "valid" / ".keep").write_text("", encoding="utf-8")
    body = (copy / "tests" / "cases" / "_base" / "bodies" / "wg.yaml").read_text("utf-8")
    invalid = case / "invalid" / "bodies" / "wg.yaml"
    invalid.parent.mkdir(parents=True)
    invalid.write_text(body + "website: http://example.org\n", encoding="utf-8")
    line = len(body.splitlines()) + 1
    (case / "expected.txt").write_text(
        f"bodies/wg.yaml:{line}:10: error[probe.website] website: "
        "'http://example.org' is not an https address\n",
        encoding="utf-8",
    )
    tests = "tests/validate/test_cases.py"
    selected = "probe.website or every_rule_has or every_case_folder"
    done = _run(copy, "-m", "pytest", tests, "-q", "-p", "no:cacheprovider", "-k", selected)
    assert done.returncode == 0, done.stdout[-3000:]
    assert "4 passed" in done.stdout, done.stdout[-3000:]
