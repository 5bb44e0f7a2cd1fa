"""The import graph points one way: schema ← dataset ← acts ← services ← draft ← library ←
site ← cli.

Read from the source with ``ast``, so every import counts: at module level,
under ``TYPE_CHECKING`` and inside functions (a lazy import is still an
edge), and ``pakru.load`` / ``pakru.Dataset`` reached through the package's
lazy attributes. A module may import its own layer or the layers below, with
no exception; among the imports that run (all but those under
``TYPE_CHECKING``) there is no cycle. A new module must be given a layer in
``LAYERS`` (the test says so). ``docs/architecture.md`` draws the same layers.
"""

import ast
import itertools
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from tests.conftest import REPO
from tests.test_packaging import package_modules

LAYERS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("records", ("pakru.records",)),  # package data: the YAML records, no code
    ("schema", ("pakru.schema",)),  # the models and how to walk them; no file I/O
    ("dataset", ("pakru.dataset",)),  # the Dataset, its collections and versions: a pure value
    # act coding: policy, extraction, actors, the act model and codes
    (
        "acts",
        ("pakru.acts",),
    ),
    # may use one another, never in a circle
    ("services", ("pakru.validate", "pakru.export", "pakru.coverage", "pakru.tools")),
    # pakru draft: a report's proposed records, built on the services and the act coding
    ("draft", ("pakru.draft",)),
    # the library's front: pakru.load() and the Dataset it hands out (with the export tables)
    ("library", ("pakru.loading", "pakru.library")),
    ("site", ("pakru.site",)),
    ("cli", ("pakru.cli", "pakru.__main__")),
)
"""Layers, bottom first; a module belongs to the layer of its longest matching prefix."""

ROOT = "pakru"
"""The package's front door: it imports nothing at import time (only lazily, by name)."""


@dataclass(frozen=True)
class Import:
    """One import of a pakru module: who, whom, where, and whether it runs at import time."""

    importer: str
    imported: str
    file: str
    line: int
    at_import_time: bool
    typing_only: bool = False
    """Under ``if TYPE_CHECKING:``: read by type checkers, never run."""

    def __str__(self) -> str:
        return f"{self.file}:{self.line}: {self.importer} imports {self.imported}"


MODULES = package_modules()
"""Module name → file, for every module of the package (``src/pakru``, its links followed)."""


def _lazy_attributes() -> dict[str, str]:
    """Attribute of the root package → the module it is loaded from (``load`` → loading)."""
    tree = ast.parse(MODULES[ROOT].read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, ast.Assign) and any(
            isinstance(t, ast.Name) and t.id == "_LAZY" for t in node.targets
        ):
            lazy: dict[str, str] = ast.literal_eval(node.value)
            return lazy
    return {}


LAZY = _lazy_attributes()


def _target(module: str, name: str | None) -> str | None:
    """The pakru module an import reaches: a submodule when ``name`` is one."""
    if name is not None and f"{module}.{name}" in MODULES:
        return f"{module}.{name}"
    if module == ROOT and name in LAZY:
        return LAZY[name]
    if module == ROOT:
        return None  # the package itself (``pakru.__version__``): imports nothing
    return module if module in MODULES else None


def _is_type_checking(node: ast.stmt) -> bool:
    if not isinstance(node, ast.If):
        return False
    test = node.test
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING"
    )


def _absolute(package: str, node: ast.ImportFrom) -> str:
    if not node.level:
        return node.module or ""
    base = package.split(".")[: len(package.split(".")) - node.level + 1]
    return ".".join([*base, node.module] if node.module else base)


def _reached(node: ast.AST, package: str) -> list[str | None]:
    """The pakru modules an import statement (or ``pakru.load`` attribute) reaches."""
    if isinstance(node, ast.Import):
        return [_target(a.name, None) for a in node.names if a.name.split(".")[0] == ROOT]
    if isinstance(node, ast.ImportFrom):
        base = _absolute(package, node)
        if base.split(".")[0] == ROOT:
            return [_target(base, a.name) for a in node.names]
    if (
        isinstance(node, ast.Attribute)
        and isinstance(node.value, ast.Name)
        and node.value.id == ROOT
    ):
        return [LAZY.get(node.attr)]
    return []


def _imports(module: str, source: str, shown: str, *, package: bool = False) -> Iterator[Import]:
    """Every pakru import in ``source``; ``package`` when it is an ``__init__.py``."""
    parent = module if package else module.rpartition(".")[0]

    def walk(node: ast.AST, at_import_time: bool, typing: bool) -> Iterator[Import]:
        for target in _reached(node, parent):
            if target is not None and target != module:
                line = getattr(node, "lineno", 0)
                yield Import(module, target, shown, line, at_import_time, typing)
        deferred = isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.Lambda)
        for child in ast.iter_child_nodes(node):
            typing_only = typing or (isinstance(child, ast.stmt) and _is_type_checking(child))
            yield from walk(child, at_import_time and not deferred and not typing_only, typing_only)

    yield from walk(ast.parse(source), True, False)


def _module_imports(module: str, path: Path) -> Iterator[Import]:
    source = path.read_text(encoding="utf-8")
    shown = path.relative_to(REPO).as_posix()
    return _imports(module, source, shown, package=path.name == "__init__.py")


def _layer(module: str) -> int | None:
    best: tuple[int, int] | None = None
    for rank, (_, prefixes) in enumerate(LAYERS):
        for prefix in prefixes:
            if module == prefix or module.startswith(f"{prefix}."):
                candidate = (len(prefix), rank)
                best = max(best, candidate) if best else candidate
    return best[1] if best else None


IMPORTS = [imp for module, path in MODULES.items() for imp in _module_imports(module, path)]


def test_every_module_has_a_layer() -> None:
    unplaced = sorted(m for m in MODULES if m != ROOT and _layer(m) is None)
    assert not unplaced, f"give these modules a layer in LAYERS (tests/test_layers.py): {unplaced}"


def test_the_package_root_imports_nothing_at_import_time() -> None:
    eager = [str(i) for i in IMPORTS if i.importer == ROOT and i.at_import_time]
    assert not eager, "pakru/__init__.py must import lazily (by name):\n" + "\n".join(eager)


def _upward(imp: Import) -> bool:
    src, dst = _layer(imp.importer), _layer(imp.imported)
    return src is not None and dst is not None and dst > src


def test_imports_point_down_the_layers() -> None:
    """Every import counts, lazy or for type checkers only: there is no exempt list."""
    names = [name for name, _ in LAYERS]
    wrong = [
        f"{imp} (layer {names[_layer(imp.importer) or 0]} → {names[_layer(imp.imported) or 0]})"
        for imp in IMPORTS
        if _upward(imp)
    ]
    assert not wrong, "imports pointing up the layers:\n" + "\n".join(wrong)


def _cycle(graph: dict[str, set[str]]) -> list[str] | None:
    """One cycle of ``graph`` as a list of modules (first = last), or None."""
    state: dict[str, int] = {}  # 1 on the current path, 2 done
    path: list[str] = []

    def visit(node: str) -> list[str] | None:
        state[node] = 1
        path.append(node)
        for nxt in sorted(graph.get(node, ())):
            if state.get(nxt) == 1:
                return [*path[path.index(nxt) :], nxt]
            if nxt not in state and (found := visit(nxt)):
                return found
        state[node] = 2
        path.pop()
        return None

    for node in sorted(graph):
        if node not in state and (found := visit(node)):
            return found
    return None


def test_no_import_cycles() -> None:
    """No cycle among the imports that run, at import time or when a function is called."""
    graph: dict[str, set[str]] = {}
    for imp in IMPORTS:
        if not imp.typing_only:
            graph.setdefault(imp.importer, set()).add(imp.imported)
    cycle = _cycle(graph)
    if cycle is not None:
        where = {(i.importer, i.imported): str(i) for i in IMPORTS}
        steps = "\n".join(where[(a, b)] for a, b in itertools.pairwise(cycle))
        raise AssertionError(f"import cycle {' → '.join(cycle)}:\n{steps}")


def test_the_checker_sees_every_kind_of_import() -> None:
    source = """
from typing import TYPE_CHECKING
from pakru.dataset import Dataset
import pakru.schema.dates
if TYPE_CHECKING:
    from pakru.export.model import Table
def f():
    from pakru.validate import models
    return pakru.load()
"""
    found = {
        (i.imported, i.line, i.at_import_time, i.typing_only)
        for i in _imports("pakru.probe", source, "p")
    }
    assert found == {
        ("pakru.dataset", 3, True, False),
        ("pakru.schema.dates", 4, True, False),
        ("pakru.export.model", 6, False, True),
        ("pakru.validate.models", 8, False, False),
        ("pakru.loading", 9, False, False),
    }


def test_an_upward_import_is_named() -> None:
    [imp] = _imports("pakru.schema.probe", "from pakru.cli import main\n", "schema/probe.py")
    assert _upward(imp)
    assert str(imp) == "schema/probe.py:1: pakru.schema.probe imports pakru.cli"
    # a lazy import and one for type checkers only point up all the same
    lazy = "def f():\n    from pakru.export import tables\n"
    typing = "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    from pakru.export import x\n"
    for source in (lazy, typing):
        [imp] = _imports("pakru.dataset.probe", source, "src/pakru/dataset/probe.py")
        assert _upward(imp), source


def test_the_cycle_finder_finds_a_cycle() -> None:
    assert _cycle({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == ["a", "b", "c", "a"]
    assert _cycle({"a": {"b"}, "b": {"c"}, "d": {"a"}}) is None


def test_the_architecture_page_draws_these_layers() -> None:
    """docs/architecture.md's diagram names the layers of ``LAYERS``, top first."""
    page = (REPO / "docs" / "architecture.md").read_text(encoding="utf-8")
    diagram = page.split("```text\n", 1)[1].split("```", 1)[0]
    # a layer's line starts with its name, two spaces in; the others with a space or a line
    drawn = [
        line.split()[0] for line in diagram.splitlines() if line[:2] == "  " and line[2:3].isalpha()
    ]
    assert drawn == [name for name, _ in reversed(LAYERS) if name != "records"]


FILE_IO = {"open", "read_text", "read_bytes", "write_text", "write_bytes", "mkdir", "unlink"}
"""Calls that read or write files (``pkgutil.get_data``, the loader's, reads package data)."""


def test_the_schema_package_does_no_file_io() -> None:
    """The schema computes; writing its generated files is pakru.tools.schemafiles' job."""
    found = []
    for module, path in MODULES.items():
        if _layer(module) != [name for name, _ in LAYERS].index("schema"):
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            called = node.func if isinstance(node, ast.Call) else None
            name = getattr(called, "attr", getattr(called, "id", None))
            if name in FILE_IO:
                found.append(f"{path.relative_to(REPO)}:{node.lineno}: {name}()")
    assert found == [], "the schema package reads or writes files:\n" + "\n".join(found)
