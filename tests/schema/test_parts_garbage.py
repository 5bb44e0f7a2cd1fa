"""``introspect.parts`` and the facts table leave no reference cycles behind.

The CLI pauses the cyclic collector while a command runs, so a cycle made per
record is kept until exit: two nested functions calling each other in
``parts`` once held about a fifth of ``pakru validate``'s peak memory.
"""

import gc

import pakru
from pakru.schema.introspect import parts
from pakru.validate.index import Index


def _cycles_left_by(action: object) -> int:
    gc.collect()
    was = gc.isenabled()
    gc.disable()
    try:
        action()  # type: ignore[operator]
        return gc.collect()
    finally:
        if was:
            gc.enable()


def test_parts_makes_no_cycles() -> None:
    records = list(pakru.load())
    assert _cycles_left_by(lambda: [parts(r) for r in records]) == 0


def test_facts_make_no_cycles() -> None:
    ds = pakru.load()
    records = list(ds)
    index = Index()
    assert _cycles_left_by(lambda: [index.facts(r) for r in records]) == 0
