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
    records = [r for r in ds.records if r.id not in drafted and r.id != source.id]
    together = Dataset(
        [*records, source, *(as_record(p) for p in out.records)],
        {**ds.texts, source.id: text},
        version=ds.version,
    )
    uncoded, actorless = problems(together)
    for rule, found in (("acts.code-unsupported", uncoded), ("acts.actors", actorless)):
        for problem in found:
            if problem.record in drafted:
                drafted[problem.record].confirm.append(f"act ({rule}): {problem.message}")
    out.acts = [_act(a) for a in acts(together) if a.record in drafted]


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
