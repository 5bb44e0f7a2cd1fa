"""What the cross-record rules read of each record, gathered in one pass per record.

Several rules need the same parts of a record: ``references.resolve`` and
``links.self`` its references, ``evidence.quote`` its quotes, the date and
place rules the sources it cites. Each used to walk every record again;
:func:`facts` walks a record once (with :mod:`pakru.schema.introspect`, the
only walker) and keeps what it found for every rule. The table lives as long
as its dataset (rules run in one process, or in forked workers that each
fill their own copy) and is keyed by the record object itself, so two files
giving the same id keep their own facts. Named tuples rather than frozen
dataclasses: there is one per quote, and a frozen dataclass's ``__init__``
sets each field through ``object.__setattr__``.
"""

from collections.abc import Callable, Iterable
from functools import lru_cache, partial
from typing import Any, NamedTuple

from pakru.dataset import Dataset
from pakru.schema import DateInterval, Evidence, Record
from pakru.schema.introspect import Loc, Quoted, fields_by_name, parts
from pakru.schema.text import normalise


class Quote(NamedTuple):
    """A quote (evidence or derivation) with its location and its normalised words."""

    loc: Loc
    item: Quoted
    words: str
    """``item.quote`` with whitespace runs collapsed (:func:`pakru.schema.text.normalise`)."""


class Facts(NamedTuple):
    """One record's references, quotes, cited sources and date intervals."""

    record: Record
    references: tuple[tuple[Loc, str, tuple[str, ...]], ...]
    """(location, referenced id, kinds it may name), in document order."""
    quotes: tuple[Quote, ...]
    """Every evidence item and derivation, in document order."""
    cited: frozenset[str]
    """Ids of the sources the record's evidence items cite (derivations not counted)."""
    dated: tuple[tuple[Loc, DateInterval], ...]
    """Every date interval (a record's ``date``, a title's ``attested``…), in document order."""


_LOCS: dict[Loc, Loc] = {}
"""One tuple per distinct location: records of a kind share their field paths
(``("evidence", 0)``…), so the table holds a few hundred tuples, not one per quote."""


_new = tuple.__new__
"""A named tuple made without its generated ``__new__`` (a Python call per quote)."""


def gather(record: Record) -> Facts:
    """The facts of ``record``, gathered now: one walk (:func:`parts`) for every rule."""
    # One loop per part, no helper call per item: this runs for every quote and
    # reference of every record before the rules start.
    walked = parts(record)
    intern = _LOCS.setdefault
    found: list[Quote] = []
    cited: set[str] = set()
    for loc, item in walked.quotes:
        quote = item.quote
        words = normalise(quote)  # the quote itself when unchanged: one string, not two
        found.append(_new(Quote, (intern(loc, loc), item, quote if words == quote else words)))
        # The evidence items are the quotes that are Evidence: no derivation holds
        # evidence, so a walk for quotes meets every one (tests/validate/test_facts.py).
        if isinstance(item, Evidence):
            cited.add(item.source)
    references = tuple([(intern(loc, loc), ref, kinds) for loc, ref, kinds in walked.references])
    dated = tuple([(intern(loc, loc), interval) for loc, interval in walked.dated])
    return _new(Facts, (record, references, tuple(found), frozenset(cited), dated))


@lru_cache(maxsize=4)
def _table(dataset: Dataset) -> dict[int, Facts]:
    # Keyed by id(): records are pydantic models, hashed field by field, which
    # would cost about as much as the walk. The entry keeps its record, and
    # facts() checks that it is the same object, so a reused id cannot mislead.
    del dataset
    return {}


def _lookup(table: dict[int, Facts], record: Record) -> Facts:
    found = table.get(id(record))
    if found is None or found.record is not record:
        found = table[id(record)] = gather(record)
    return found


def facts(dataset: Dataset, record: Record) -> Facts:
    """The facts of ``record`` (one of ``dataset``'s, or of the files it was read from)."""
    return _lookup(_table(dataset), record)


def facts_of(dataset: Dataset) -> Callable[[Record], Facts]:
    """:func:`facts` with ``dataset``'s table looked up once, for a rule's loop over records."""
    return partial(_lookup, _table(dataset))


def seed(dataset: Dataset, gathered: Iterable[Facts]) -> None:
    """Enter facts gathered beforehand (by :func:`gather`) into ``dataset``'s table.

    ``validate --jobs`` gathers each record's facts while its file workers
    parse the next files, so the rule workers it forks later inherit the
    table rather than each gathering it again.
    """
    table = _table(dataset)
    for found in gathered:
        table[id(found.record)] = found


def field_or(record: Record, name: str, default: Any) -> Any:
    """``getattr(record, name, default)`` for a field some record kinds lack.

    A pydantic model answers a missing attribute through ``__getattr__`` and an
    exception, which costs more than the rules' own work on the record; the
    record kind's field names (cached per model) say it first.
    """
    return getattr(record, name) if name in fields_by_name(type(record)) else default
