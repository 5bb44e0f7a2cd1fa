"""An executor for the pipeline: a function over many items, in processes when asked.

The pipeline (:mod:`pakru.validate.pipeline`) decides what runs on each
file; this module only decides where. Items go to a process pool in chunks,
so a task's work dwarfs the cost of sending it; results come back in order.
"""

import os
from collections.abc import Callable, Sequence
from typing import TypeVar

T = TypeVar("T")
U = TypeVar("U")

CHUNK = 200
"""Items per pool task: large enough that a task's work dwarfs sending it."""


def default_jobs() -> int:
    """The cores this process may use."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # pragma: no cover - not on Linux
        return os.cpu_count() or 1


def _chunk(func: Callable[[T], U], items: Sequence[T]) -> list[U]:
    return [func(item) for item in items]


def map_in_order(func: Callable[[T], U], items: Sequence[T], jobs: int = 1) -> list[U]:
    """``[func(item) for item in items]``; with ``jobs`` > 1 in that many processes.

    ``func`` must be a module-level function (it is pickled by name). The
    processes started are at most ``jobs``, the cores and the chunks of work.
    """
    if jobs <= 1 or len(items) <= CHUNK:
        return _chunk(func, items)
    # imported here: multiprocessing costs ``import pakru`` users ~30 ms they rarely need
    from concurrent.futures import ProcessPoolExecutor  # noqa: PLC0415
    from functools import partial  # noqa: PLC0415

    chunks = [items[i : i + CHUNK] for i in range(0, len(items), CHUNK)]
    # a process per core at most, and none without a chunk to work on
    with ProcessPoolExecutor(max_workers=min(jobs, default_jobs(), len(chunks))) as pool:
        return [result for part in pool.map(partial(_chunk, func), chunks) for result in part]
