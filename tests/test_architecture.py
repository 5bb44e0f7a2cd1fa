"""docs/architecture.md's "To add X, touch Y" holds: followed in a copy of the repository.

The copy is installed once, the way the README's test command installs a
checkout (its ``pip install`` into a virtual environment of its own, with
``--no-deps``: the dependencies come from this test environment), and every
command then runs from that environment. The test touches only the files the
table names, after the install and never reinstalling, runs what the table
says runs, and checks the outcome: a new rule module is imported, listed by
``pakru rules`` and type-checked by mypy, and its case folder passes.
"""

import os
import shlex
import shutil
import subprocess
import sys
import sysconfig
import textwrap
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.conftest import REPO
from tests.test_readme import block_after

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


def _install_command() -> list[str]:
    """The ``pip install`` of the README's test command, as arguments after ``pip``."""
    steps = [shlex.split(step) for step in block_after("test-command").split("&&")]
    (install,) = [s for s in steps if s[0].endswith("/pip") and s[1] == "install"]
    return install[1:]


@dataclass(frozen=True)
class Checkout:
    """A copy of the repository and the virtual environment it is installed into."""

    root: Path
    venv: Path

    def run(self, command: str, *args: str) -> subprocess.CompletedProcess[str]:
        """``command`` (``python``, ``pakru``) of the copy's environment, run in the copy."""
        env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV")}
        env["PAKRU_RECORDS"] = ""
        return subprocess.run(
            [str(self.venv / "bin" / command), *args],
            cwd=self.root,
            capture_output=True,
            text=True,
            env=env,
            check=False,
        )


@pytest.fixture(scope="module")
def copy(tmp_path_factory: pytest.TempPathFactory) -> Checkout:
    """The repository's sources, tests and records, installed as the README installs them."""
    root = tmp_path_factory.mktemp("architecture") / "repo"
    ignore = shutil.ignore_patterns("__pycache__", "*.pyc", ".hypothesis", "*.egg-info")
    for name in ("src", "schema", "validate", "records", "tests", "docs"):
        shutil.copytree(REPO / name, root / name, ignore=ignore, symlinks=True)
    for name in ("pyproject.toml", "README.md", "LICENSE", "CITATION.cff"):
        shutil.copy2(REPO / name, root / name)
    venv = root / ".venv"
    made = subprocess.run(
        [sys.executable, "-m", "venv", "--without-pip", str(venv)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert made.returncode == 0, made.stderr
    checkout = Checkout(root, venv)
    purelib = checkout.run(
        "python", "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"
    )
    # pip, pytest, mypy and pakru's dependencies from this environment, after the copy's own
    # install (.pth files are read in name order: __editable__ first)
    deps = Path(purelib.stdout.strip()) / "_pakru_test_dependencies.pth"
    deps.write_text(sysconfig.get_paths()["purelib"] + "\n", encoding="utf-8")
    # --ignore-installed: this environment's own pakru, seen through that path, is left alone
    options = ("-q", "--no-deps", "--ignore-installed")
    installed = checkout.run("python", "-m", "pip", *_install_command(), *options)
    assert installed.returncode == 0, installed.stderr
    return checkout


def test_the_table_names_the_files_this_test_touches() -> None:
    text = ARCHITECTURE.read_text(encoding="utf-8")
    for row, paths in {
        "| a validator rule |": ("`validate/rules/<theme>.py`", "`tests/cases/<rule id>/`"),
        "| a record field |": ("`schema/`", "`pakru schema`"),
        "| an export column from a model field |": ("`src/pakru/export/definitions.py`",),
    }.items():
        line = next(line for line in text.splitlines() if line.startswith(row))
        assert all(path in line for path in paths), (row, paths)


def test_a_field_and_its_column_touch_the_model_and_the_definition(copy: Checkout) -> None:
    body = copy.root / "schema" / "body.py"
    text = body.read_text(encoding="utf-8")
    anchor = "    members: tuple[CountryCode, ...] = ()\n"
    body.write_text(text.replace(anchor, FIELD + anchor), encoding="utf-8")
    definitions = copy.root / "src" / "pakru" / "export" / "definitions.py"
    text = definitions.read_text(encoding="utf-8")
    listed = 'own(Body, "id kind name aliases country")'
    assert listed in text
    definitions.write_text(
        text.replace(listed, 'own(Body, "id kind name aliases country website")'),
        encoding="utf-8",
    )

    stale = copy.run("pakru", "schema", "--check")
    assert stale.returncode == 1, stale.stderr
    assert "schema/fielddocs.py: stale" in stale.stderr.replace(str(copy.root) + "/", "")
    assert copy.run("pakru", "schema").returncode == 0
    assert copy.run("pakru", "schema", "--check").returncode == 0

    code = (
        "import pakru, pakru.export as e; t = e.tables(pakru.load())['bodies']; "
        "c = next(c for c in t.columns if c.name == 'website'); "
        "print(e.__file__); print(c.type, '|', c.description)"
    )
    done = copy.run("python", "-c", code)
    assert done.returncode == 0, done.stderr
    where, column = done.stdout.splitlines()
    assert where.startswith(str(copy.root))  # the copy, not this environment's pakru
    assert column == "string | The body's web site, as a source prints it."


def test_a_rule_touches_its_theme_module_and_its_case_folder(copy: Checkout) -> None:
    if "website" not in (copy.root / "schema" / "body.py").read_text(encoding="utf-8"):
        test_a_field_and_its_column_touch_the_model_and_the_definition(copy)
    # a new theme module, added after the install: no reinstall follows
    (copy.root / "validate" / "rules" / "probe.py").write_text(textwrap.dedent(RULE), "utf-8")
    listed = copy.run("pakru", "rules")
    assert listed.returncode == 0, listed.stderr
    assert "probe.website" in listed.stdout, listed.stdout
    # mypy finds the new module through the install and checks it (strict, from pyproject)
    typed = copy.run("python", "-m", "mypy", "-m", "pakru.validate.rules.probe")
    assert typed.returncode == 0, typed.stdout + typed.stderr
    assert typed.stdout.startswith("Success: no issues found in 1 source file"), typed.stdout

    case = copy.root / "tests" / "cases" / "probe.website"
    (case / "valid").mkdir(parents=True)
    (case / "valid" / ".keep").write_text("", encoding="utf-8")
    body = (copy.root / "tests" / "cases" / "_base" / "bodies" / "wg.yaml").read_text("utf-8")
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
    done = copy.run("python", "-m", "pytest", tests, "-q", "-p", "no:cacheprovider", "-k", selected)
    assert done.returncode == 0, done.stdout[-3000:]
    assert "4 passed" in done.stdout, done.stdout[-3000:]
