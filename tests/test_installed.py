"""From a non-editable install, every entry point run in a broken checkout fails or shows it.

pakru is built into a wheel from a copy of this checkout and installed (not
editable) into a fresh virtual environment, whose dependencies are taken
from the test environment; the installed package then carries its own copy
of the records. In a broken copy of the records, the installed ``pakru
validate`` with no arguments, the validate hook's entry and the workflow's
commands must fail naming the broken file, and ``mkdocs build`` must show the
broken copy's records, not the installed ones.
"""

import os
import shlex
import shutil
import subprocess
import sys
import sysconfig
from pathlib import Path

import pytest

from tests.checkouts import BROKEN_FILE, MARKER, broken_checkout
from tests.conftest import REPO
from tests.test_ci_entry_points import HOOKS

SOURCES = ("src", "schema", "validate", "records")
FILES = ("pyproject.toml", "README.md", "LICENSE", "CITATION.cff")


def _run(
    argv: list[str], cwd: Path, env: dict[str, str] | None = None, timeout: int = 600
) -> subprocess.CompletedProcess[str]:
    if env is None:  # the fresh venv's own pakru, not one an import path around the suite names
        env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    return subprocess.run(
        argv, cwd=cwd, env=env, capture_output=True, text=True, check=False, timeout=timeout
    )


@pytest.fixture(scope="module")
def venv(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A virtual environment with pakru installed from a wheel, as ``pip install .`` would."""
    work = tmp_path_factory.mktemp("installed")
    source = work / "source"
    ignore = shutil.ignore_patterns("__pycache__", "*.egg-info")
    for name in SOURCES:
        shutil.copytree(REPO / name, source / name, ignore=ignore)
    for name in FILES:
        shutil.copy2(REPO / name, source / name)
    built = _run(
        [sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", "-w", str(work / "dist"), "."],
        source,
    )
    assert built.returncode == 0, built.stderr
    (wheel,) = (work / "dist").glob("pakru-*.whl")
    env = work / "venv"
    made = _run([sys.executable, "-m", "venv", "--without-pip", str(env)], work)
    assert made.returncode == 0, made.stderr
    python = env / "bin" / "python"
    purelib = _run(
        [str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"], work
    )
    # the dependencies (pydantic, mkdocs, ...) from the test environment, after the venv's own
    # packages: this environment's pakru is the wheel's
    deps = Path(purelib.stdout.strip()) / "_pakru_test_dependencies.pth"
    deps.write_text(sysconfig.get_paths()["purelib"] + "\n", encoding="utf-8")
    installed = _run(
        [
            str(python),
            "-m",
            "pip",
            "install",
            "-q",
            "--no-deps",
            "--no-index",
            "--ignore-installed",
            str(wheel),
        ],
        work,
    )
    assert installed.returncode == 0, installed.stderr
    where = _run([str(python), "-c", "from pakru.tools import tree; print(tree.__file__)"], work)
    assert where.stdout.startswith(str(env)), where.stdout + where.stderr
    return env


def _env(venv: Path) -> dict[str, str]:
    # a clean environment: no records tree, virtual env or import path from around the suite
    leaks = ("PAKRU_RECORDS", "VIRTUAL_ENV", "PYTHONPATH")
    env = {k: v for k, v in os.environ.items() if k not in leaks}
    env["PATH"] = f"{venv / 'bin'}{os.pathsep}{env.get('PATH', '')}"
    env["NO_MKDOCS_2_WARNING"] = "1"
    return env


def test_the_installed_pakru_validates_the_broken_checkout_it_runs_in(
    venv: Path, tmp_path: Path
) -> None:
    root = broken_checkout(tmp_path / "checkout")
    done = _run([str(venv / "bin" / "pakru"), "validate"], root, _env(venv))
    assert done.returncode == 1, done.stdout + done.stderr
    assert any(
        line.startswith(f"{BROKEN_FILE}:") and "evidence.quote" in line
        for line in done.stdout.splitlines()
    )
    assert done.stdout.splitlines()[-1].endswith(f"{root / 'records'} (found from {root} upwards).")
    # elsewhere, the same command checks the installed data, and says so
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    clean = _run(
        [str(venv / "bin" / "pakru"), "validate", "--today", "2018-12-31"], elsewhere, _env(venv)
    )
    assert clean.returncode == 0
    assert f"in {venv}/" in clean.stdout
    assert f"no records tree found from {elsewhere} upwards" in clean.stdout


def test_the_hook_and_the_workflow_fail_on_the_broken_checkout(venv: Path, tmp_path: Path) -> None:
    from tests.test_ci_entry_points import _run_commands  # noqa: PLC0415

    root = broken_checkout(tmp_path / "checkout")
    hook = next(h for h in HOOKS if h["id"] == "pakru-validate")
    entry = [*shlex.split(hook["entry"]), *hook.get("args", [])]
    done = _run(entry, root, _env(venv))
    assert done.returncode == 1, done.stdout + done.stderr
    assert f"{BROKEN_FILE}:" in done.stdout
    validate = next(c for c in _run_commands() if c.startswith("pakru validate"))
    done = _run(shlex.split(validate), root, _env(venv))
    assert done.returncode == 1, done.stdout + done.stderr
    assert f"::error file={BROKEN_FILE}," in done.stdout


def test_mkdocs_build_in_the_broken_checkout_shows_its_records(venv: Path, tmp_path: Path) -> None:
    root = broken_checkout(tmp_path / "checkout", site=True)
    done = _run(
        [
            str(venv / "bin" / "python"),
            "-m",
            "mkdocs",
            "build",
            "--strict",
            "-d",
            str(tmp_path / "site"),
        ],
        root,
        _env(venv),
        timeout=900,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert "building the site from" in done.stderr
    assert f"{root / 'records'} (found from {root} upwards)" in done.stderr
    page = (tmp_path / "site" / "meetings" / "cgss-12" / "index.html").read_text("utf-8")
    assert MARKER in page


def test_the_installed_changelog_outside_a_checkout_has_nothing_to_compare_with(
    venv: Path, tmp_path: Path
) -> None:
    """No records tree: the installed data, which ships no CHANGELOG.md; nothing to compare."""
    where = _run(
        [
            str(venv / "bin" / "python"),
            "-c",
            "from pakru.tools.tree import shipped_records; print(shipped_records())",
        ],
        tmp_path,
        _env(venv),
    )
    installed = where.stdout.strip()
    assert installed.startswith(str(venv)), where.stdout + where.stderr
    version = (REPO / "records" / "VERSION").read_text(encoding="utf-8").strip()
    done = _run([str(venv / "bin" / "pakru"), "changelog"], tmp_path, _env(venv))
    assert (done.returncode, done.stdout) == (2, "")
    assert done.stderr == (
        f"pakru changelog: no records tree found from {tmp_path} upwards, and the data installed "
        f"with pakru (data {version}, in {installed}) has no CHANGELOG.md beside it: no earlier "
        "release to compare with; run it in a checkout of the data, or give --old records.json\n"
    )
