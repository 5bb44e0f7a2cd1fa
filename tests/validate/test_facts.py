"""The run index's per-record pass finds what the separate walks find, record by record."""

import shutil
from pathlib import Path

import pytest

from pakru.schema.introspect import dated, evidence, quotes, references
from pakru.schema.text import normalise
from pakru.validate.index import Index
from pakru.validate.load import load_dataset
from tests.conftest import REPO

CASES = REPO / "tests" / "cases"


ROOTS = [None, CASES / "_base", *sorted(CASES.glob("*/invalid"))]


@pytest.mark.parametrize("root", ROOTS, ids=lambda r: "shipped" if r is None else r.parent.name)
def test_facts_equal_the_walks(root: Path | None) -> None:
    loaded = load_dataset([root] if root else None)
    assert len(loaded.provenance) > 0 or (root is not None and root.name == "invalid")
    index = Index()
    for origin in loaded.provenance:
        record = origin.record
        found = index.facts(record)
        assert found is index.facts(record)  # gathered once
        assert list(found.references) == list(references(record))
        assert [(q.loc, q.item, q.words) for q in found.quotes] == [
            (loc, item, normalise(item.quote)) for loc, item in quotes(record)
        ]
        assert found.cited == frozenset(e.source for _, e in evidence(record))
        assert list(found.dated) == list(dated(record))


def test_records_with_one_id_keep_their_own_facts(tmp_path: Path) -> None:
    root = tmp_path / "records"
    shutil.copytree(CASES / "_base", root)
    shutil.copyfile(root / "meetings" / "wg-07.yaml", root / "meetings" / "wg-07-copy.yaml")
    loaded = load_dataset([root])
    twins = [o.record for o in loaded.provenance if o.record.id == "wg-07"]
    assert len(twins) == 2
    assert twins[0] is not twins[1]
    index = Index()
    assert [index.facts(r).record for r in twins] == twins
    assert all(index.facts(r).record is r for r in twins)


def test_the_memo_computes_once_per_index_and_arguments() -> None:
    calls: list[tuple[int, int]] = []

    def add(a: int, b: int) -> int:
        calls.append((a, b))
        return a + b

    index, other = Index(), Index()
    assert [index.memo(add, 1, 2), index.memo(add, 1, 2), index.memo(add, 2, 2)] == [3, 3, 4]
    assert other.memo(add, 1, 2) == 3  # another run's index computes again
    assert calls == [(1, 2), (2, 2), (1, 2)]


def test_no_module_keeps_a_table_of_a_dataset() -> None:
    """The per-run state lives in the run's index: no cache in the validator is keyed on a
    Dataset, so nothing keeps one alive after its run (the memory target)."""
    import inspect  # noqa: PLC0415
    import sys  # noqa: PLC0415

    from pakru.dataset import Dataset  # noqa: PLC0415
    from pakru.validate import run  # noqa: F401, PLC0415 - imports every rule module

    for name, module in list(sys.modules.items()):
        if not name.startswith("pakru.validate"):
            continue
        for attribute, value in vars(module).items():
            wrapped = getattr(value, "__wrapped__", None)
            if wrapped is None or not hasattr(value, "cache_info"):
                continue
            hints = inspect.get_annotations(wrapped).values()
            assert not any(h is Dataset or "Dataset" in str(h) for h in hints), (
                f"{name}.{attribute} caches per Dataset: memoise it in the run's index"
            )
