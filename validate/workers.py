"""Process plumbing, all of it: worker processes, the garbage collector, the quick exit.

What runs is the callers' business (:mod:`pakru.validate.load` per file,
:mod:`pakru.validate.run` per theme of rules); this module decides where,
and holds every trick that works on the process rather than on the data.
Each names the target of ``docs/performance.md`` it moves:

- :func:`imap_in_order` and :func:`map_shared` fork workers that inherit
  their items and shared values instead of receiving them pickled;
  :func:`imap_in_order`'s results travel marshalled where they are plain
  values; :func:`map_shared`'s workers freeze what they inherit
  (``gc.freeze``): ``--jobs 2`` ≤ 0.7x CSafeLoader (wall).
- :func:`collector_paused`: loading and the command run with the cyclic
  collector paused: 10,000 → 100,000 time grows within 5 % of the parse's,
  and ``pakru validate`` ≤ 1.0x CSafeLoader at 100,000.
- :func:`exit_now`: the command ends without freeing what it built:
  ``pakru validate`` ≤ 1.0x CSafeLoader at 100,000.
"""

import gc
import marshal
import os
import pickle
import sys
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


def _inherited_chunk(start: int) -> list[bytes]:
    func, items = _ITEMS
    return [_sent(func(item)) for item in items[start : start + CHUNK]]


def _sent(value: Any) -> bytes:
    """``value`` as bytes to send back: marshalled if it is plain data, else pickled.

    Plain values (dicts, tuples, strings, numbers) marshal and unmarshal at a
    fraction of pickling's cost, which the process pool pays once per value on
    either side (the file workers of ``--jobs``: 10,000 records, about 0.15 s
    of CPU).
    """
    try:
        return b"m" + marshal.dumps(value)
    except ValueError:  # an object marshal does not know: a file with a finding, say
        return b"p" + pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)


def _received(sent: bytes) -> Any:
    data = memoryview(sent)[1:]
    # our own workers' output, never a file's
    return marshal.loads(data) if sent[:1] == b"m" else pickle.loads(data)  # noqa: S301, S302


def imap_in_order(func: Callable[[T], U], items: Sequence[T], jobs: int = 1) -> Iterator[U]:
    """``func(item)`` for each item, in order, as each is ready; with ``jobs`` > 1 in processes.

    ``func`` must be a module-level function (it is pickled by name); its
    results come back as :func:`_sent` makes them, plain values (exact
    dicts, tuples, strings, numbers) cheapest: a named tuple or a
    dataclass comes back pickled. The processes
    started are at most ``jobs``, the cores and the chunks of work. Results
    are yielded while later chunks are still being worked on, so the
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
            for sent in pool.map(_inherited_chunk, starts):
                yield from map(_received, sent)
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


class collector_paused:  # noqa: N801 - used as a function: ``with collector_paused():``
    """Pause the cyclic garbage collector; turn it back on afterwards if it was on.

    Records, texts and findings are long-lived and acyclic: each full
    collection walks all of them and frees nothing, so with the collector on,
    loading time grew faster than the number of records (parse: 0.73x
    CSafeLoader at 10,000 records, 1.12x at 100,000). ``restore=False`` is
    for the command about to :func:`exit_now`: turned back on, the
    collector's first pass would walk every object made meanwhile (all in
    its youngest generation), about a tenth of validate's time at 10,000
    records, just before the process ends. (A class, not a generator: one
    would allocate on the way out, after the collector is back, and so start
    that pass at once.)
    """

    def __init__(self, *, restore: bool = True) -> None:
        self.restore = restore
        self.enabled = False

    def __enter__(self) -> None:
        self.enabled = gc.isenabled()
        gc.disable()

    def __exit__(self, *_: object) -> None:
        if self.enabled and self.restore:
            gc.enable()


def exit_now(code: int) -> None:
    """End the process with ``code`` once standard output and error are flushed.

    The interpreter's own exit would free every record, text and finding one
    by one (at 100,000 records about a quarter of a second of CPU) and run
    ``atexit`` handlers, which pakru does not register; every file the
    command wrote is closed by then, and any worker processes have been
    joined. ``tests/test_gc.py`` checks the output and the code survive.
    """
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except (OSError, ValueError):  # a reader gone, or a stream closed: nothing to keep
            code = code or 1
    os._exit(code)
