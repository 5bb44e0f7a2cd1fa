"""The rule registry: every check the validator makes, with an id, a severity and a doc.

Cross-record rules are pure functions from a Dataset (and a Context) to
``Hit`` values; they never print, raise on bad data or exit. The runner
(:mod:`pakru.validate.run`) turns hits into findings with file, line and
column. The checks made while reading, parsing and building models are
listed here too (:func:`stage_rule`) so that ``pakru rules`` and the docs
name every id a finding can carry.
"""

import datetime as dt
import inspect
from collections.abc import Callable, Hashable, Iterable
from dataclasses import dataclass, field

from pakru.dataset import Dataset
from pakru.schema import Record
from pakru.schema.introspect import Loc
from pakru.validate.findings import Severity
from pakru.validate.index import Index
from pakru.validate.provenance import Origin, Provenance


@dataclass(frozen=True)
class Context:
    """What rules may know besides the data.

    ``today`` is a fixed "today" (``--today``); ``provenance`` says which file
    each record was read from (every record read, duplicate ids included),
    filled in by the loader. ``today_stated`` is False when ``today`` is the
    system date rather than one the user gave: messages then leave it out, so
    a report does not change from one day to the next. ``index`` is the run's
    own (:class:`~pakru.validate.index.Index`): each run gets a new one.
    """

    today: dt.date | None = None
    provenance: Provenance = field(default_factory=Provenance, compare=False)
    today_stated: bool = True
    index: Index = field(default_factory=Index, compare=False, repr=False)


@dataclass(frozen=True)
class Hit:
    """A rule's report on one record: where (record id, field location) and what.

    ``origin`` names the file when it matters which of several records with
    the same id is meant; otherwise the record's first file is used.
    ``about`` is the other record the hit depends on (a reference's target,
    a derivation's anchor): when that record's file did not build, the hit
    is dropped, as the file's own findings already report the cause.
    """

    record: str
    loc: Loc
    message: str
    origin: Origin | None = field(default=None, compare=False)
    about: str | None = None


RuleFunc = Callable[[Dataset, Context], Iterable[Hit]]
Keys = Callable[[Record], Iterable[Hashable]]
"""A record's keys for a :class:`Scope` (its series, its city…): plain values (str, int,
tuples of them), kept in the user cache between runs."""


def _no_keys(_: Record) -> Iterable[Hashable]:
    return ()


@dataclass(frozen=True)
class Scope:
    """What a rule's hits about one record depend on: the incremental run's contract.

    A rule declared with a scope promises that its hits about a record R (``Hit.record``)
    are the same in any run whose dataset holds R's *dependencies*:

    - R itself and every record R refers to, directly or through others
      (:func:`pakru.schema.introspect.references`: sources, people, series, anchors…);
    - the records that share a key with R: one whose ``provides`` keys meet R's
      ``reads`` keys (``keys`` sets both: the records of R's series, R's city…); with
      ``transitive``, every record joined to R by a chain of shared keys;
    - with ``referrers``, every record that refers to R or to one of those, directly or
      through others (the meetings whose acts name a person);
    - and everything those records refer to, directly or through others.

    :mod:`pakru.validate.incremental` re-runs such a rule only on the records an
    edit may change, on a dataset of their dependencies, and takes every other
    record's hits from the last run. A rule with no scope (``scope=None``) is
    re-run on the whole tree. ``tests/validate/test_incremental_rules.py``
    compares incremental runs with full runs on random edits, for every rule.
    """

    keys: Keys | None = None
    reads: Keys | None = None
    provides: Keys | None = None
    referrers: bool = False
    transitive: bool = False

    def keys_of(self, record: Record) -> tuple[tuple[Hashable, ...], tuple[Hashable, ...]]:
        """The (reads, provides) keys of ``record``."""
        reads = self.reads or self.keys or _no_keys
        provides = self.provides or self.keys or _no_keys
        return tuple(reads(record)), tuple(provides(record))

    @property
    def keyed(self) -> bool:
        """Whether records share keys in this scope."""
        return any(f is not None for f in (self.keys, self.reads, self.provides))


RECORD = Scope()
"""A rule whose hits about a record depend on that record and what it refers to."""
REFERRERS = Scope(referrers=True)
"""A rule whose hits about a record also depend on the records that refer to it."""


@dataclass(frozen=True)
class Rule:
    """A registered check."""

    id: str
    severity: Severity
    summary: str
    doc: str
    func: RuleFunc | None = None
    scope: Scope | None = None
    """What its hits depend on (:class:`Scope`); None: the whole tree."""

    @property
    def theme(self) -> str:
        """The part of the id before the dot (``dates`` for ``dates.order``)."""
        return self.id.split(".", 1)[0]


RULES: dict[str, Rule] = {}


def _register(rule: Rule) -> None:
    if rule.id in RULES:
        raise ValueError(f"rule {rule.id!r} registered twice")
    RULES[rule.id] = rule


def rule(
    rule_id: str, severity: Severity = "error", *, scope: Scope | None = None
) -> Callable[[RuleFunc], RuleFunc]:
    """Register a cross-record rule; its docstring's first line is its summary.

    ``scope`` says what its hits about a record depend on (:class:`Scope`), so an
    incremental run may re-run it on a few records; None means the whole tree.
    """

    def register(func: RuleFunc) -> RuleFunc:
        doc = inspect.getdoc(func) or ""
        if not doc:
            raise ValueError(f"rule {rule_id!r} needs a docstring")
        _register(Rule(rule_id, severity, doc.splitlines()[0], doc, func, scope))
        return func

    return register


def stage_rule(rule_id: str, severity: Severity, doc: str) -> None:
    """Register a check made while reading, parsing or building models."""
    _register(Rule(rule_id, severity, doc.splitlines()[0], doc))
