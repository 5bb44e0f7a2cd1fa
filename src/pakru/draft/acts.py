"""The acts the coding policy (:mod:`pakru.acts`) gives for drafted records, and the records
stating an act it cannot code (what ``pakru validate``'s ``acts.*`` rules would report, so
the draft lists them for a person to confirm)."""

import json
from typing import Any

from pakru.acts import acts, problems
from pakru.dataset import Dataset
from pakru.draft.model import Draft, as_record
from pakru.schema.source import Source


def code(ds: Dataset, out: Draft, text: str) -> None:
    """Fill ``out.acts`` and add each act problem of a drafted record to its ``confirm``."""
    drafted = {p.id: p for p in out.records}
    if not drafted:
        return
    source = Source.model_validate_json(json.dumps(out.source, default=str))
    new = [as_record(p) for p in out.records]
    records = _around(ds, [r.model_dump(mode="json") for r in new], {*drafted, source.id})
    texts = {r.id: t for r in records if (t := ds.text(r.id)) is not None}
    together = Dataset([*records, source, *new], {**texts, source.id: text}, version=ds.version)
    uncoded, actorless = problems(together)
    for rule, found in (("acts.code-unsupported", uncoded), ("acts.actors", actorless)):
        for problem in found:
            if problem.record in drafted:
                drafted[problem.record].confirm.append(f"act ({rule}): {problem.message}")
    out.acts = [_act(a) for a in acts(together) if a.record in drafted]


def _ids(node: object) -> set[str]:
    """Every string in a record's JSON form (the ids it refers to among them)."""
    if isinstance(node, dict):
        return {i for v in node.values() for i in _ids(v)}
    if isinstance(node, list):
        return {i for v in node for i in _ids(v)}
    return {node} if isinstance(node, str) else set()


def _around(ds: Dataset, drafted: list[dict[str, Any]], skip: set[str]) -> list[Any]:
    """The tree's records the drafted ones refer to (people, series, meetings), and the
    records those refer to: all the act coding reads about the drafted records, so it
    does not code the whole tree (issue 27's 2 s for a 10,000-record tree)."""
    wanted = {i for record in drafted for i in _ids(record) if i in ds} - skip
    first = [ds[i] for i in sorted(wanted)]
    wanted |= {i for r in first for i in _ids(r.model_dump(mode="json")) if i in ds} - skip
    return [ds[i] for i in sorted(wanted)]


def _actor(actor: Any) -> dict[str, Any] | None:
    if actor is None:
        return None
    return {"country": actor.country, "records": list(actor.records), "agent": actor.agent}


def _act(act: Any) -> dict[str, Any]:
    return {
        "record": act.record,
        "rule": act.rule.id,
        "code": act.rule.code,
        "actor1": _actor(act.actor1),
        "actor2": _actor(act.actor2),
        "quotes": [q.quote for q in act.quotes],
    }
