"""pakru.acts keeps no per-dataset state: every call computes from the Dataset it is given."""

import ast
import gc
import weakref
from pathlib import Path

import pakru
from pakru.acts import acts, problems, unsupported
from pakru.dataset import Dataset
from tests.conftest import REPO

ACTS = REPO / "src" / "pakru" / "acts"
CACHES = {"cache", "lru_cache", "cached_property"}


def _cached_on_a_dataset(path: Path) -> list[str]:
    """Functions decorated with a cache that take a Dataset (by annotation)."""
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if not isinstance(node, ast.FunctionDef):
            continue
        names = {
            getattr(d.func if isinstance(d, ast.Call) else d, "id", None)
            for d in node.decorator_list
        }
        takes = {ast.unparse(a.annotation).strip("\"'") for a in node.args.args if a.annotation}
        if names & CACHES and "Dataset" in takes:
            found.append(f"{path.name}:{node.lineno}: {node.name}")
    return found


def test_no_function_of_pakru_acts_caches_on_a_dataset() -> None:
    modules = sorted(ACTS.glob("*.py"))
    assert len(modules) >= 5
    assert [hit for path in modules for hit in _cached_on_a_dataset(path)] == []


def test_the_checker_sees_a_cache_on_a_dataset(tmp_path: Path) -> None:
    probe = tmp_path / "probe.py"
    probe.write_text(
        "from functools import lru_cache\n"
        "@lru_cache(maxsize=4)\n"
        "def f(ds: 'Dataset') -> int:\n"
        "    return 1\n",
        encoding="utf-8",
    )
    assert _cached_on_a_dataset(probe) == ["probe.py:3: f"]


def test_coding_acts_keeps_no_dataset_alive() -> None:
    shipped = pakru.load()
    ds = Dataset(shipped.records, shipped.texts, version=shipped.version)
    assert acts(ds) == acts(shipped)
    assert problems(ds) == problems(shipped)
    assert unsupported(ds) == problems(ds)[0]
    gone = weakref.ref(ds)
    del ds
    gc.collect()
    assert gone() is None, "something in pakru.acts still holds the dataset"
