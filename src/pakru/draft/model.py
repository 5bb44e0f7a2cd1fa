"""What a draft holds: proposed records, proposed edits, and what a person must confirm."""

import datetime as dt
import json
from dataclasses import dataclass, field
from typing import Any, Literal

from pydantic import TypeAdapter

from pakru.schema.record import Record

Confidence = Literal["high", "medium", "low"]


@dataclass
class Proposal:
    """One proposed record: its data in the record's model form, and how sure the draft is.

    ``data`` is what the YAML file holds (and what ``records.json`` would hold);
    ``confirm`` says what a person must check before the record is kept;
    ``nulls`` names each field left null and why (no quote states it).
    """

    data: dict[str, Any]
    confidence: Confidence
    confirm: list[str] = field(default_factory=list)
    nulls: dict[str, str] = field(default_factory=dict)

    @property
    def id(self) -> str:
        """The proposed record's id."""
        return str(self.data["id"])

    @property
    def type(self) -> str:
        """The record kind (``meeting``, ``person``, ...)."""
        return str(self.data["type"])


@dataclass(frozen=True)
class Edit:
    """A proposed change to an existing record: append ``value`` to a list ``field`` or set a
    field, supported by a quote (``evidence``) or a rule and quote (``rule``)."""

    id: str
    field: str
    value: Any
    op: Literal["append", "set"]
    evidence: dict[str, Any] | None = None
    rule: dict[str, Any] | None = None
    why: str = ""

    def as_json(self) -> dict[str, Any]:
        """The stable JSON form: ``id``, ``field``, ``value``, ``op``, ``evidence`` or ``rule``."""
        out: dict[str, Any] = {"id": self.id, "field": self.field, "value": self.value}
        out["op"] = self.op
        if self.evidence is not None:
            out["evidence"] = self.evidence
        if self.rule is not None:
            out["rule"] = self.rule
        out["why"] = self.why
        return out


@dataclass
class Draft:
    """Everything drafted from one report."""

    source: dict[str, Any]
    """The source record (as written by ``pakru new source``, or already in the tree)."""
    records: list[Proposal] = field(default_factory=list)
    edits: list[Edit] = field(default_factory=list)
    acts: list[dict[str, Any]] = field(default_factory=list)
    """The acts the coding policy gives for the drafted records (derived, not written)."""


_RECORD: TypeAdapter[Record] = TypeAdapter(Record)


def _plain(value: object) -> str:
    if isinstance(value, dt.date):
        return value.isoformat()
    raise TypeError(type(value).__name__)


def as_record(proposal: Proposal) -> Record:
    """The proposal as its model (read as JSON is: arrays for tuples, ISO dates)."""
    return _RECORD.validate_json(json.dumps(proposal.data, default=_plain))
