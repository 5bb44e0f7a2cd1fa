"""The run's index: what the rules of one validation run share, made once per run.

Several rules need the same parts of a record: ``references.resolve`` and
``links.self`` its references, ``evidence.quote`` its quotes, the date and
place rules the sources it cites. :meth:`Index.facts` walks a record once
(with :mod:`pakru.schema.introspect`, the only walker) and keeps what it
found for every rule; :meth:`Index.memo` keeps any other table several
rules build (the date anchors, the intervals by family, the acts).

One :class:`Index` per run, made by the rule runner and held by the run's
:class:`~pakru.validate.registry.Context` (``context.index``): it lives as
long as the run and no longer, and nothing in it is kept at module level.
Facts are keyed by the record object itself, so two files giving the same
id keep their own facts. (``docs/performance.md``: validate, memory, jobs.)
"""

from collections.abc import Callable, Hashable
from typing import Any, NamedTuple, TypeVar, TypeVarTuple

from pakru.schema import DateInterval, Evidence, Record
from pakru.schema.introspect import Loc, Quoted, fields_by_name, parts
from pakru.schema.text import normalise

T = TypeVar("T")
Ts = TypeVarTuple("Ts")


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


class Index:
    """Each record's facts, gathered on first use, and tables memoised for one run.

    ``validate --jobs`` asks for each record's facts while its file workers
    parse the next files, so the rule workers it forks later inherit them
    instead of each gathering them again.
    """

    def __init__(self) -> None:
        # Keyed by id(): records are pydantic models, hashed field by field, which
        # would cost about as much as the walk. The entry keeps its record, and
        # facts() checks that it is the same object, so a reused id cannot mislead.
        self._facts: dict[int, Facts] = {}
        self._locs: dict[Loc, Loc] = {}
        self._memo: dict[tuple[Hashable, ...], Any] = {}

    def facts(self, record: Record) -> Facts:
        """The facts of ``record``, gathered on first use (one walk for every rule)."""
        found = self._facts.get(id(record))
        if found is None or found.record is not record:
            found = self._facts[id(record)] = self._gather(record)
        return found

    def _gather(self, record: Record) -> Facts:
        # One loop per part, no helper call per item: this runs for every quote and
        # reference of every record before the rules start. Locations are interned:
        # records of a kind share their field paths (("evidence", 0)…), so the index
        # holds a few hundred tuples, not one per quote (the memory target).
        walked = parts(record)
        intern = self._locs.setdefault
        found: list[Quote] = []
        cited: set[str] = set()
        for loc, item in walked.quotes:
            quote = item.quote
            words = normalise(quote)  # the quote itself when unchanged: one string, not two
            found.append(Quote(intern(loc, loc), item, quote if words == quote else words))
            # The evidence items are the quotes that are Evidence: no derivation holds
            # evidence, so a walk for quotes meets every one (tests/validate/test_facts.py).
            if isinstance(item, Evidence):
                cited.add(item.source)
        references = tuple(
            [(intern(loc, loc), ref, kinds) for loc, ref, kinds in walked.references]
        )
        dated = tuple([(intern(loc, loc), interval) for loc, interval in walked.dated])
        return Facts(record, references, tuple(found), frozenset(cited), dated)

    def memo(self, func: Callable[[*Ts], T], *args: *Ts) -> T:
        """``func(*args)``, computed on the first call with these arguments in this run."""
        key = (func, *args)
        if key not in self._memo:
            self._memo[key] = func(*args)
        found: T = self._memo[key]
        return found


def field_or(record: Record, name: str, default: Any) -> Any:
    """``getattr(record, name, default)`` for a field some record kinds lack.

    A pydantic model answers a missing attribute through ``__getattr__`` and an
    exception, which costs more than the rules' own work on the record; the
    record kind's field names (cached per model) say it first (validate: 3 %).
    """
    return getattr(record, name) if name in fields_by_name(type(record)) else default
