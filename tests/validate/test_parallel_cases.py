"""``--jobs`` on every case folder; the executor's order, balance and inherited items.

Findings with ``--jobs`` must be byte-identical to one process's. Every case
folder's invalid tree is checked both ways with chunks small enough that
both pools (files, then rules) start on it.
"""

import datetime as dt
import json
import os
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import pytest

from pakru.schema import Record
from pakru.validate import workers
from pakru.validate.index import Index
from pakru.validate.load import load_dataset
from pakru.validate.registry import RULES, Context
from pakru.validate.report import text
from pakru.validate.run import TIMINGS, costliest_first, validate
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
    gathered: list[Record] = []
    walk = Index._gather
    monkeypatch.setattr(Index, "_gather", lambda self, r: gathered.append(r) or walk(self, r))
    monkeypatch.setattr(workers, "CHUNK", 2)
    index = Index()
    loaded = load_dataset([tree], jobs=2, index=index)
    records = [origin.record for origin in loaded.provenance]
    assert gathered == records  # each record's facts, as it was built
    again = load_dataset([tree])
    for record in records:
        mine = index.facts(record)  # entered, not gathered again
        other = next(o.record for o in again.provenance if o.record.id == record.id)
        assert Index().facts(other)[1:] == mine[1:]
    assert gathered == records + [o.record for o in again.provenance]


def _themes(ids: Sequence[tuple[str, ...]]) -> list[str]:
    return [task[0].split(".")[0] for task in ids]


def test_themes_go_costliest_first_as_the_last_run_measured(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert costliest_first(["a", "b", "c", "d"], {"a": 1.0, "b": 3.0, "c": 2}) == [
        "d",  # not measured: first
        "b",
        "c",
        "a",
    ]
    tree = build_tree(CASES / "evidence.quote" / "invalid", tmp_path / "records")
    monkeypatch.setenv("PAKRU_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setattr(workers, "CHUNK", 2)
    handed: list[list[str]] = []
    shared = workers.map_shared

    def recorded(func: Any, value: Any, items: Sequence[tuple[str, ...]], jobs: int) -> Any:
        handed.append(_themes(items))
        return shared(func, value, items, jobs)

    monkeypatch.setattr(workers, "map_shared", recorded)
    first = validate([tree], context=TODAY, jobs=2)
    themes = {rule.theme for rule in RULES.values() if rule.func is not None}
    measured = json.loads((tmp_path / "cache" / TIMINGS).read_text(encoding="utf-8"))
    assert set(measured) == themes
    assert all(isinstance(seconds, float) and seconds >= 0 for seconds in measured.values())
    # nothing measured yet: in the order the rules are registered
    assert handed == [list(dict.fromkeys(r.theme for r in RULES.values() if r.func is not None))]
    slowest = min(themes)
    (tmp_path / "cache" / TIMINGS).write_text(json.dumps({slowest: 99.0}), encoding="utf-8")
    assert validate([tree], context=TODAY, jobs=2) == first  # the order changes no finding
    assert handed[1][-1] == slowest  # measured, and the others not: they go first
    measured = {theme: float(n) for n, theme in enumerate(sorted(themes))}
    (tmp_path / "cache" / TIMINGS).write_text(json.dumps(measured), encoding="utf-8")
    validate([tree], context=TODAY, jobs=2)
    assert handed[2] == sorted(themes, reverse=True)


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
