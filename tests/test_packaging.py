"""pyproject's explicit package list covers every package folder; data and hooks are shipped."""

import importlib.util
import re
import tomllib
from pathlib import Path

import yaml

from pakru.tools.tree import installed_records, shipped_records, source_folder
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
    root = installed_records()  # the link tree: what the package-data patterns install
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
    if installed_records().joinpath("__init__.py").is_symlink():
        assert shipped_records() == (REPO / "records").resolve()


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
