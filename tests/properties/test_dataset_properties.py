"""Generated datasets: valid by the oracle, clean under ``validate()``, loadable."""

import datetime as dt
import random
import tempfile
from pathlib import Path

from hypothesis import given, settings

from benchmarks import corpus
from benchmarks.corpus import Corpus
from pakru.validate.load import load_dataset
from pakru.validate.registry import Context
from pakru.validate.run import validate
from tests.properties import oracle
from tests.properties import strategies as st_pakru


@settings(phases=st_pakru.NO_SHRINK)
@given(st_pakru.datasets())
def test_generated_dataset_keeps_the_spec_invariants(data: Corpus) -> None:
    assert oracle.problems(data) == []


@settings(max_examples=6, phases=st_pakru.NO_SHRINK)
@given(st_pakru.datasets())
def test_generated_dataset_validates_clean(data: Corpus) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp) / "records"
        corpus.write(data, root)
        findings = validate([root], context=Context(today=dt.date(2026, 1, 1)))
        loaded = load_dataset([root])
    assert [f for f in findings if f.severity in ("error", "warning")] == []
    assert len(loaded.dataset) == len(data.records)
    kinds = {r["type"] for r in data.records}
    assert kinds == set(corpus.FOLDERS), "every kind of record is generated"


def test_generator_is_deterministic() -> None:
    a = corpus.build(300, random.Random(5))  # noqa: S311 - test data
    b = corpus.build(300, random.Random(5))  # noqa: S311
    assert a == b
    assert len(a.records) == 300


def test_kinds_in_realistic_proportions() -> None:
    c = corpus.build(2000, random.Random(1))  # noqa: S311 - test data
    share = {k: sum(r["type"] == k for r in c.records) / 2000 for k in corpus.FOLDERS}
    assert share["meeting"] > share["person"] > share["agreement"]
    assert share["body"] > share["event"]
    assert share["conflict"] < 0.05
    assert oracle.problems(c) == []
