"""pyproject's explicit package list covers every package folder; data and hooks are shipped."""

import importlib.util
import re
import tomllib
from pathlib import Path

import yaml

from pakru.manifest import shipped_records
from tests.conftest import REPO

PYPROJECT = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))
SETUPTOOLS = PYPROJECT["tool"]["setuptools"]


def _package_of(folder: Path) -> str | None:
    """The import name of ``folder`` under the package-dir mapping, if it is mapped."""
    rel = folder.relative_to(REPO).as_posix()
    for name, mapped in sorted(SETUPTOOLS["package-dir"].items(), key=lambda kv: -len(kv[1])):
        if rel == mapped or rel.startswith(mapped + "/"):
            return name + rel[len(mapped) :].replace("/", ".")
    return None


def test_every_package_folder_is_listed() -> None:
    roots = [REPO / p for p in SETUPTOOLS["package-dir"].values()]
    found = {
        name
        for root in roots
        for init in root.rglob("__init__.py")
        if (name := _package_of(init.parent)) is not None
    }
    assert found == set(SETUPTOOLS["packages"])


INSTALL = ".venv/bin/pip install -e '.[test,docs]' --config-settings editable_mode=strict"


def _source_folder(package: str) -> Path:
    """The folder of ``package`` in this repository, under the package-dir mapping."""
    mapping = SETUPTOOLS["package-dir"]
    base = max((n for n in mapping if package == n or package.startswith(n + ".")), key=len)
    return REPO / mapping[base] / package[len(base) :].lstrip(".").replace(".", "/")


def test_every_module_is_installed() -> None:
    """A module added after ``pip install -e`` is missing from the strict install's link tree."""
    missing = []
    for package in SETUPTOOLS["packages"]:
        spec = importlib.util.find_spec(package)
        assert spec is not None
        assert spec.origin is not None
        installed = {p.name for p in Path(spec.origin).parent.glob("*.py")}
        missing += [
            p.relative_to(REPO).as_posix()
            for p in sorted(_source_folder(package).glob("*.py"))
            if p.name not in installed
        ]
    assert not missing, f"not in the installed package: {missing}; re-install: {INSTALL}"


def test_installed_dataset_has_every_record_file() -> None:
    repo_files = {
        p.relative_to(REPO / "records").as_posix()
        for p in (REPO / "records").rglob("*")
        if p.is_file() and p.suffix in (".yaml", ".txt")
    }
    root = shipped_records()
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
    assert not files.search("records/sources/text/a.txt")
