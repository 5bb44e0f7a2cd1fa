"""``--jobs`` on every case folder; the executor's order, balance and inherited items.

Findings with ``--jobs`` must be byte-identical to one process's. Every case
folder's invalid tree is checked both ways with chunks small enough that
both pools (files, then rules) start on it.
"""

import datetime as dt
import os
from pathlib import Path

import pytest

from pakru.validate import index, load, workers
from pakru.validate.load import validate
from pakru.validate.registry import RULES, Context
from pakru.validate.report import text
from tests.validate.test_cases import CASE_IDS, CASES, build_tree

TODAY = Context(today=dt.date(2018, 6, 1))


@pytest.mark.parametrize("rule", CASE_IDS)
def test_jobs_give_one_process_findings_on_every_case(
    rule: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    tree = build_tree(CASES / rule / "invalid", tmp_path / "records")
    one = validate([tree], context=TODAY)
    monkeypatch.setattr(workers, "CHUNK", 2)
    two = validate([tree], context=TODAY, jobs=2)
    assert text(two) == text(one)
    assert two == one


def test_facts_gathered_while_building_are_those_the_rules_would_gather(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    tree = build_tree(CASES / "evidence.quote" / "invalid", tmp_path / "records")
    gathered: list[index.Facts] = []
    monkeypatch.setattr(workers, "CHUNK", 2)
    loaded = load._load([tree], 2, gathered)
    records = [origin.record for origin in loaded.provenance]
    assert [found.record for found in gathered] == records
    index.seed(loaded.dataset, gathered)
    again = load._load([tree], 1, None)
    for record, mine in zip(records, gathered, strict=True):
        assert index.facts(loaded.dataset, record) is mine  # entered, not gathered again
        other = next(o.record for o in again.provenance if o.record.id == record.id)
        assert index.facts(again.dataset, other)[1:] == mine[1:]


def test_longest_themes_are_themes() -> None:
    themes = {rule.theme for rule in RULES.values() if rule.func is not None}
    assert set(load.LONGEST_THEMES) <= themes


def _pid_of(shared: int, item: int) -> tuple[int, int]:
    return shared + item, os.getpid()


def test_map_shared_keeps_the_order_and_uses_workers() -> None:
    results = workers.map_shared(_pid_of, 100, list(range(20)), jobs=2)
    assert [value for value, _ in results] == [100 + i for i in range(20)]
    assert os.getpid() not in {pid for _, pid in results}


def _square(item: int) -> tuple[int, int]:
    return item * item, os.getpid()


def test_imap_in_order_workers_inherit_the_items(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(workers, "CHUNK", 3)
    items = list(range(25))
    out = list(workers.imap_in_order(_square, items, jobs=2))
    assert [value for value, _ in out] == [i * i for i in items]
    assert os.getpid() not in {pid for _, pid in out}
    assert workers._ITEMS is None  # not kept once done


def _frozen(_: None, __: int) -> int:
    import gc  # noqa: PLC0415

    return gc.get_freeze_count()


def test_map_shared_workers_freeze_what_they_inherit() -> None:
    import gc  # noqa: PLC0415

    here = gc.get_freeze_count()
    assert min(workers.map_shared(_frozen, None, [1, 2], jobs=2)) > here
    assert gc.get_freeze_count() == here  # this process's collector is left alone
