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
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from pakru.dataset import Dataset
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


@dataclass(frozen=True)
class Rule:
    """A registered check."""

    id: str
    severity: Severity
    summary: str
    doc: str
    func: RuleFunc | None = None

    @property
    def theme(self) -> str:
        """The part of the id before the dot (``dates`` for ``dates.order``)."""
        return self.id.split(".", 1)[0]


RULES: dict[str, Rule] = {}


def _register(rule: Rule) -> None:
    if rule.id in RULES:
        raise ValueError(f"rule {rule.id!r} registered twice")
    RULES[rule.id] = rule


def rule(rule_id: str, severity: Severity = "error") -> Callable[[RuleFunc], RuleFunc]:
    """Register a cross-record rule; its docstring's first line is its summary."""

    def register(func: RuleFunc) -> RuleFunc:
        doc = inspect.getdoc(func) or ""
        if not doc:
            raise ValueError(f"rule {rule_id!r} needs a docstring")
        _register(Rule(rule_id, severity, doc.splitlines()[0], doc, func))
        return func

    return register


def stage_rule(rule_id: str, severity: Severity, doc: str) -> None:
    """Register a check made while reading, parsing or building models."""
    _register(Rule(rule_id, severity, doc.splitlines()[0], doc))
