"""The shared per-record pass finds what the separate walks find, record by record."""

import shutil
from pathlib import Path

import pytest

from pakru.schema.introspect import dated, evidence, quotes, references
from pakru.schema.text import normalise
from pakru.validate.index import facts
from pakru.validate.load import load_dataset
from tests.conftest import REPO

CASES = REPO / "tests" / "cases"


ROOTS = [None, CASES / "_base", *sorted(CASES.glob("*/invalid"))]


@pytest.mark.parametrize("root", ROOTS, ids=lambda r: "shipped" if r is None else r.parent.name)
def test_facts_equal_the_walks(root: Path | None) -> None:
    loaded = load_dataset([root] if root else None)
    assert len(loaded.provenance) > 0 or (root is not None and root.name == "invalid")
    for origin in loaded.provenance:
        record = origin.record
        found = facts(loaded.dataset, record)
        assert found is facts(loaded.dataset, record)  # gathered once
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
    assert [facts(loaded.dataset, r).record for r in twins] == twins
    assert all(facts(loaded.dataset, r).record is r for r in twins)
