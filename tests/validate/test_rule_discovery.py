"""A rule module dropped into validate/rules/ is registered without re-installing pakru."""

import os
import subprocess
import sys
import textwrap
from pathlib import Path

from pakru.validate import rules
from pakru.validate.rules import module_names, search_path
from tests.conftest import REPO

RULE = '''
"""A probe rule."""
from pakru.validate.registry import rule


@rule("probe.new")
def new(dataset, context):
    """A rule added after the install."""
    return ()
'''


def test_every_module_in_the_folder_is_imported() -> None:
    on_disk = sorted(p.stem for p in (REPO / "validate" / "rules").glob("[!_]*.py"))
    assert list(rules.MODULES) == on_disk
    assert all(f"pakru.validate.rules.{name}" in sys.modules for name in on_disk)


def _link_tree(tmp_path: Path) -> tuple[Path, Path]:
    """A strict-editable-style tree of links to this repository, with the rules in a copy.

    Returns (the link tree, the copied rules folder the links point to).
    """
    tree, source = tmp_path / "tree", tmp_path / "rules-source"
    source.mkdir()
    for path in (REPO / "validate" / "rules").glob("*.py"):
        (source / path.name).write_bytes(path.read_bytes())
    for package, folder in {
        "pakru": "src/pakru",
        "pakru/schema": "schema",
        "pakru/validate": "validate",
    }.items():
        for path in (REPO / folder).rglob("*.*"):  # modules and package data, as installed
            if "__pycache__" in path.parts or not path.is_file():
                continue
            rel = path.relative_to(REPO / folder)
            if package == "pakru" and rel.parts[0] in ("schema", "validate"):
                continue
            target = source / rel.name if rel.parts[0] == "rules" else path
            link = tree / package / rel
            link.parent.mkdir(parents=True, exist_ok=True)
            link.symlink_to(target)
    return tree, source


def test_a_module_added_after_the_install_is_registered(tmp_path: Path) -> None:
    tree, source = _link_tree(tmp_path)
    (source / "probe.py").write_text(textwrap.dedent(RULE), encoding="utf-8")
    assert not (tree / "pakru" / "validate" / "rules" / "probe.py").exists()
    code = (
        "import pakru.validate.rules as r; from pakru.validate.registry import RULES; "
        "print(r.__file__, 'probe' in r.MODULES, 'probe.new' in RULES)"
    )
    env = {**os.environ, "PYTHONPATH": str(tree)}
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=env, check=False
    )
    assert done.stderr == ""
    init, found, registered = done.stdout.split()
    assert init.startswith(str(tree))  # the link tree was imported, not the installed package
    assert (found, registered) == ("True", "True")


def test_search_path_adds_the_folder_behind_a_link(tmp_path: Path) -> None:
    real, links = tmp_path / "real", tmp_path / "links"
    real.mkdir()
    links.mkdir()
    for name in ("__init__.py", "old.py", "new.py", "_private.py"):
        (real / name).write_text("", encoding="utf-8")
    for name in ("__init__.py", "old.py"):
        (links / name).symlink_to(real / name)
    path = search_path([str(links)], str(links / "__init__.py"))
    assert path == [str(links), str(real)]
    assert module_names(path) == ["new", "old"]
    assert search_path([str(real)], str(real / "__init__.py")) == [str(real)]
