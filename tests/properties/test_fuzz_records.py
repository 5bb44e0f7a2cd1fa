"""Mutated real records through validate, load(), fmt --check and fmt: no escape, one verdict.

See :mod:`tests.properties.fuzzing` for the mutations and the properties.
This run takes a few hundred cases; the long run (20,000 or more, seeded and
repeatable) is ``python -m benchmarks.fuzz --cases 20000``.
"""

import random
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.properties.fuzzing import RECORDS, Harness, mutate

_FOLDER = tempfile.TemporaryDirectory(prefix="pakru-fuzz-")
_HARNESS: list[Harness] = []


def _harness() -> Harness:
    if not _HARNESS:
        _HARNESS.append(Harness(Path(_FOLDER.name)))
    return _HARNESS[0]


@settings(
    max_examples=300,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(st.sampled_from(RECORDS), st.randoms(use_true_random=False))
def test_mutated_records(record: tuple[str, bytes], rng: random.Random) -> None:
    name, data = record
    _harness().check(name, mutate(data, rng))


@pytest.mark.parametrize(
    "data",
    [
        b"type: body\nname: !!map foo\n",
        b"type: body\nname: a\x1bb\n",
        b"type: body\n\xef\xbb\xbf\nname: x\n",
        b"type: body\n\xc2\x85name: x\n",
        b"%YAML 1.3\n---\ntype: body\n",
        b"# above\n%YAML 1.2\n--- # on the marker\ntype: body\n... # on the end\n# after\n",
        b"!!map\n\ntype: body\nid: x\n",
        b"type: body\nname:\tx\n",
        b"type: body\nname: {?foo: bar}\n",
        b"type: body\nname: &an:chor x\n",
        b"type: body\nname:\n  # c\n  x\n",
    ],
)
def test_known_hostile_files(data: bytes) -> None:
    """The files issue 22 names, each through every reader."""
    _harness().check("bodies/x.yaml", data)


def test_the_corpus_is_the_shipped_records() -> None:
    assert len(RECORDS) > 30
    assert all(name.endswith(".yaml") for name, _ in RECORDS)
