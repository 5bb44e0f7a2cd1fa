"""An executor for the pipeline: a function over many items, in processes when asked.

The pipeline (:mod:`pakru.validate.load`) decides what runs on each
file; this module only decides where. Items go to a process pool in chunks,
so a task's work dwarfs the cost of sending it; results come back in order.
"""

import gc
import os
from collections.abc import Callable, Iterator, Sequence
from typing import Any, TypeVar

S = TypeVar("S")
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


_ITEMS: Any = None
"""``(func, items)`` of the running :func:`imap_in_order`, inherited by its forked workers."""


def _inherited_chunk(start: int) -> list[Any]:
    func, items = _ITEMS
    return [func(item) for item in items[start : start + CHUNK]]


def map_in_order(func: Callable[[T], U], items: Sequence[T], jobs: int = 1) -> list[U]:
    """``[func(item) for item in items]``; with ``jobs`` > 1 in that many processes."""
    return list(imap_in_order(func, items, jobs))


def imap_in_order(func: Callable[[T], U], items: Sequence[T], jobs: int = 1) -> Iterator[U]:
    """``func(item)`` for each item, in order, as each is ready; with ``jobs`` > 1 in processes.

    ``func`` must be a module-level function (it is pickled by name). The
    processes started are at most ``jobs``, the cores and the chunks of work.
    Results are yielded while later chunks are still being worked on, so the
    caller's own work on them overlaps the workers'. Where processes can be
    forked, the workers inherit ``items`` and are sent only where each chunk
    starts: pickling the items here and unpickling them there cost about a
    tenth of the work on them (``Path`` objects, 10,000 files).
    """
    if jobs <= 1 or len(items) <= CHUNK:
        yield from map(func, items)
        return
    # imported here: multiprocessing costs ``import pakru`` users ~30 ms they rarely need
    from concurrent.futures import ProcessPoolExecutor  # noqa: PLC0415

    starts = range(0, len(items), CHUNK)
    # a process per core at most, and none without a chunk to work on
    workers = min(jobs, default_jobs(), len(starts))
    if not _can_fork():  # pragma: no cover - not on Linux
        from functools import partial  # noqa: PLC0415

        chunks = [items[i : i + CHUNK] for i in starts]
        with ProcessPoolExecutor(max_workers=workers) as pool:
            for part in pool.map(partial(_chunk, func), chunks):
                yield from part
        return
    import multiprocessing  # noqa: PLC0415

    global _ITEMS  # noqa: PLW0603 - handed to the forked workers, see _SHARED
    _ITEMS = (func, items)
    try:
        context = multiprocessing.get_context("fork")
        with ProcessPoolExecutor(max_workers=workers, mp_context=context) as pool:
            for part in pool.map(_inherited_chunk, starts):
                yield from part
    finally:
        _ITEMS = None


_SHARED: Any = None
"""``(func, shared)`` of the running :func:`map_shared`, inherited by its forked workers."""


def _call_shared(item: Any) -> Any:
    func, shared = _SHARED
    return func(shared, item)


def _can_fork() -> bool:
    import multiprocessing  # noqa: PLC0415 - only when processes are asked for

    return "fork" in multiprocessing.get_all_start_methods()


def map_shared(func: Callable[[S, T], U], shared: S, items: Sequence[T], jobs: int = 1) -> list[U]:
    """``[func(shared, item) for item in items]``; with ``jobs`` > 1 in forked processes.

    ``shared`` (the whole dataset, say) is never pickled: the workers are
    forked after it is made and inherit it, so only ``items`` and the results
    travel. Each item is one task, handed out in the order given to
    whichever worker is free: put the longest first, or one taken last could
    leave the other workers idle while it runs. Each worker first freezes
    what it inherited out of the garbage collector's reach (``gc.freeze``):
    with the collector on, as in a library caller, its collections walked the
    whole inherited heap, and writing to it copied the pages shared with
    this process (validate at 10,000 records: the rule workers' CPU 2.7 ->
    1.8 s). Where processes cannot be forked, everything runs in this process.
    """
    if jobs <= 1 or len(items) <= 1 or not _can_fork():
        return [func(shared, item) for item in items]
    import multiprocessing  # noqa: PLC0415
    from concurrent.futures import ProcessPoolExecutor  # noqa: PLC0415

    global _SHARED  # noqa: PLW0603 - the one way to hand a forked worker an unpicklable value
    _SHARED = (func, shared)
    try:
        workers = min(jobs, default_jobs(), len(items))
        context = multiprocessing.get_context("fork")
        with ProcessPoolExecutor(
            max_workers=workers, mp_context=context, initializer=gc.freeze
        ) as pool:
            return list(pool.map(_call_shared, items))
    finally:
        _SHARED = None
