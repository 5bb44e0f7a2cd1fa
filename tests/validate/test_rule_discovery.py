"""Every module in validate/rules/ is registered, with no list to edit and no search elsewhere."""

import os
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

from pakru.validate import rules
from tests.conftest import REPO

RULE = '''
"""A probe rule."""
from pakru.validate.registry import rule


@rule("probe.new")
def new(dataset, context):
    """A rule added to the folder."""
    return ()
'''

INSTALL = ".venv/bin/pip install -e '.[test,docs]'"


def test_every_module_in_the_folder_is_imported() -> None:
    on_disk = sorted(p.stem for p in (REPO / "validate" / "rules").glob("[!_]*.py"))
    # an older strict editable install links each file it saw: a module added since is missing
    assert list(rules.MODULES) == on_disk, f"re-install pakru: {INSTALL}"
    assert all(f"pakru.validate.rules.{name}" in sys.modules for name in on_disk)


def _copy(tmp_path: Path) -> Path:
    """A plain copy of the package (no links), importable from the returned folder."""
    tree = tmp_path / "tree"
    skip = shutil.ignore_patterns("__pycache__", "records")
    # src/pakru's links (schema, validate) are followed: their files are copied
    shutil.copytree(REPO / "src" / "pakru", tree / "pakru", ignore=skip)
    return tree


def test_a_module_added_to_the_folder_is_registered(tmp_path: Path) -> None:
    tree = _copy(tmp_path)
    (tree / "pakru" / "validate" / "rules" / "probe.py").write_text(
        textwrap.dedent(RULE), encoding="utf-8"
    )
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
    assert init.startswith(str(tree))  # the copy was imported, not the installed package
    assert (found, registered) == ("True", "True")
