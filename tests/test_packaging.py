"""The package's layout, and what its wheel holds; data and hooks are shipped.

The import layout is a plain src layout: ``src/pakru`` is the package, and
its ``schema``, ``validate`` and ``records`` are links (committed to git) to
the top-level folders of those names. pyproject lists every package; a wheel
holds the modules and package data themselves, never a link.
"""

import importlib.util
import os
import re
import shutil
import stat
import subprocess
import sys
import tomllib
import zipfile
from pathlib import Path

import yaml

from pakru.tools.tree import installed_records, shipped_records, source_folder
from tests.conftest import REPO

PYPROJECT = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))
SETUPTOOLS = PYPROJECT["tool"]["setuptools"]
SRC = REPO / "src"
LINKED = ("schema", "validate", "records")
"""The top-level folders that are sub-packages of pakru through a link in ``src/pakru``."""


def package_modules() -> dict[str, Path]:
    """Module name → its file, for every module of the package, as Python imports them.

    ``src/pakru`` is walked with its links followed; each file is given by its
    real path (``schema/meeting.py``, not ``src/pakru/schema/meeting.py``).
    """
    out: dict[str, Path] = {}
    for folder, dirs, files in os.walk(SRC / "pakru", followlinks=True):
        dirs[:] = sorted(d for d in dirs if d != "__pycache__")
        for name in sorted(f for f in files if f.endswith(".py")):
            parts = Path(folder, name).relative_to(SRC).with_suffix("").parts
            if parts[-1] == "__init__":
                parts = parts[:-1]
            out[".".join(parts)] = Path(folder, name).resolve()
    return out


def test_the_sub_packages_are_links_to_the_top_level_folders() -> None:
    for name in LINKED:
        link = SRC / "pakru" / name
        assert link.is_symlink(), (
            f"{link.relative_to(REPO)} is not a link: check out with links "
            "(git config core.symlinks true), see docs/contributing.md"
        )
        assert link.readlink() == Path("../..", name)
        assert link.resolve() == REPO / name
    assert SETUPTOOLS["package-dir"] == {"": "src"}  # the whole import layout, no mapping


def test_every_package_folder_is_listed() -> None:
    found = {
        Path(folder).relative_to(SRC).as_posix().replace("/", ".")
        for folder, dirs, files in os.walk(SRC / "pakru", followlinks=True)
        if "__init__.py" in files
    }
    assert found == set(SETUPTOOLS["packages"])


INSTALL = ".venv/bin/pip install -e '.[test,docs]'"


def test_every_module_is_installed() -> None:
    """Every module of the checkout is importable by its name, from its own file.

    The README's editable install imports ``src/`` itself, so a module added
    since the install is found at once; an older *strict* editable install (a
    tree of links made when it ran) misses it until it is replaced.
    """
    missing = []
    for name, path in package_modules().items():
        spec = importlib.util.find_spec(name)
        origin = None if spec is None or spec.origin is None else Path(spec.origin)
        if origin is None or origin.resolve() != path:
            missing.append(path.relative_to(REPO).as_posix())
    assert not missing, f"not importable: {missing}; install as the README says: {INSTALL}"


def test_installed_dataset_has_every_record_file() -> None:
    repo_files = {
        p.relative_to(REPO / "records").as_posix()
        for p in (REPO / "records").rglob("*")
        if p.is_file() and p.suffix in (".yaml", ".txt")
    }
    root = installed_records()  # src/pakru/records, or an older strict install's link tree
    installed = {
        p.relative_to(root).as_posix()
        for p in root.rglob("*")
        if p.is_file() and p.suffix in (".yaml", ".txt")
    }
    assert installed == repo_files, "re-install pakru: the installed data differs from records/"


def test_validate_hook_runs_when_the_manifest_files_change() -> None:
    hooks = yaml.safe_load((REPO / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    files = re.compile(next(h["files"] for h in hooks if h["id"] == "pakru-validate"))
    changed = ["records/VERSION", "records/withdrawn.json", "records/meetings/cgss-12.yaml"]
    assert all(files.search(path) for path in changed)
    assert files.search("records/sources/text/a.txt")  # an edited report can orphan quotes


def test_a_link_tree_install_reads_the_checkouts_records(tmp_path: Path) -> None:
    # A strict editable install links each file; a record added after the install
    # has no link, so the default records folder must be the checkout's own.
    checkout = tmp_path / "checkout" / "records"
    (checkout / "meetings").mkdir(parents=True)
    (checkout / "__init__.py").write_text("", encoding="utf-8")
    (checkout / "meetings" / "added-later.yaml").write_text("type: meeting\n", encoding="utf-8")
    links = tmp_path / "links" / "records"
    links.mkdir(parents=True)
    (links / "__init__.py").symlink_to(checkout / "__init__.py")
    assert source_folder(links) == checkout.resolve()
    assert source_folder(checkout) == checkout


def test_the_default_records_folder_has_every_record_file() -> None:
    assert (shipped_records() / "meetings" / "cgss-12.yaml").is_file()
    if installed_records().joinpath("__init__.py").is_symlink():  # a strict editable install
        assert shipped_records() == (REPO / "records").resolve()


def _wheel_entries(wheel: Path) -> dict[str, tuple[bytes, int]]:
    """Every file of the package in ``wheel`` (its metadata left out): bytes and file type."""
    with zipfile.ZipFile(wheel) as archive:
        return {
            info.filename: (archive.read(info), stat.S_IFMT(info.external_attr >> 16))
            for info in archive.infolist()
            if not info.filename.startswith("pakru-") and not info.is_dir()
        }


def _package_files() -> dict[str, bytes]:
    """What the wheel must hold: each package's modules and the package-data patterns' files."""
    out: dict[str, bytes] = {}
    for package in SETUPTOOLS["packages"]:
        folder = SRC / package.replace(".", "/")
        patterns = ["*.py", *SETUPTOOLS["package-data"].get(package, [])]
        for path in (p for pattern in patterns for p in folder.glob(pattern)):
            if path.is_file():
                out[path.relative_to(SRC).as_posix()] = path.read_bytes()
    return out


def test_the_wheel_holds_the_package_files_themselves(tmp_path: Path) -> None:
    # built from a copy of the checkout that keeps its links, as a clone has them
    source = tmp_path / "source"
    ignore = shutil.ignore_patterns("__pycache__", "*.pyc", "*.egg-info")
    for name in ("src", *LINKED):
        shutil.copytree(REPO / name, source / name, ignore=ignore, symlinks=True)
    for name in ("pyproject.toml", "README.md", "LICENSE", "CITATION.cff"):
        shutil.copy2(REPO / name, source / name)
    assert (source / "src" / "pakru" / "schema").is_symlink()
    built = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", "-w", str(tmp_path), "."],
        cwd=source,
        capture_output=True,
        text=True,
        check=False,
    )
    assert built.returncode == 0, built.stderr
    (wheel,) = tmp_path.glob("pakru-*.whl")
    entries = _wheel_entries(wheel)
    expected = _package_files()
    assert sorted(entries) == sorted(expected)
    assert {kind for _, kind in entries.values()} <= {0, stat.S_IFREG}  # no link in the wheel
    assert all(entries[name][0] == data for name, data in expected.items())
    # the linked folders' modules and data are in it, at their import paths
    assert "pakru/validate/rules/__init__.py" in entries
    assert "pakru/schema/json/meeting.schema.json" in entries
    assert "pakru/records/meetings/cgss-12.yaml" in entries


def _plain_install_takes_yaml12(implementation: str, system: str, machine: str) -> bool:
    """Whether a plain ``pip install pakru`` on that platform asks for ``py-yaml12``."""
    from packaging.requirements import Requirement  # noqa: PLC0415 - this test only

    found = [Requirement(d) for d in PYPROJECT["project"]["dependencies"]]
    (yaml12,) = [r for r in found if r.name == "py-yaml12"]
    assert yaml12.marker is not None
    env = {
        "platform_python_implementation": implementation,
        "sys_platform": system,
        "platform_machine": machine,
    }
    return yaml12.marker.evaluate(env)


def test_the_fast_parser_is_part_of_a_plain_install_where_it_has_wheels() -> None:
    # py-yaml12 0.2.0 has abi3 wheels for these (pip download --only-binary=:all: --platform):
    # manylinux/musllinux x86_64 and aarch64, macOS x86_64 and arm64, Windows amd64 and arm64
    for system, machine in [
        ("linux", "x86_64"),
        ("linux", "aarch64"),
        ("darwin", "x86_64"),
        ("darwin", "arm64"),
        ("win32", "AMD64"),
        ("win32", "ARM64"),
    ]:
        assert _plain_install_takes_yaml12("CPython", system, machine), (system, machine)
    # no wheel (i686), or not CPython's ABI: left out, every file goes the libyaml way
    assert not _plain_install_takes_yaml12("CPython", "linux", "i686")
    assert not _plain_install_takes_yaml12("PyPy", "linux", "x86_64")


def test_without_the_fast_parser_a_plain_install_still_validates() -> None:
    # py-yaml12 made unimportable, as on a platform with no wheel: the import falls back
    # cleanly and the shipped records give the same findings as with it
    import subprocess  # noqa: PLC0415 - this test only
    import sys  # noqa: PLC0415

    script = (
        "import sys\n"
        "if sys.argv[1] == 'without':\n"
        "    sys.modules['yaml12'] = None\n"
        "from pakru.validate import rustyaml\n"
        "from pakru.validate.run import validate\n"
        "print(rustyaml.yaml12 is None, sorted(map(repr, validate())))\n"
    )
    out = {
        how: subprocess.run(
            [sys.executable, "-c", script, how], capture_output=True, text=True, check=True
        ).stdout.split(" ", 1)
        for how in ("with", "without")
    }
    assert out["with"][0] == "False"
    assert out["without"][0] == "True"
    assert out["with"][1] == out["without"][1]
