"""Edits a report proposes to records already in the tree, never applied silently.

- a held meeting the tree has (same series and number): the report is a second
  source (its quote appended to the meeting's evidence), its new participants, and
  a narrower date when the report's date lies inside the recorded one;
- a planned meeting the report shows held: the new held meeting ``realises`` it
  (set on the new record; the plan stays ``planned``, as the schema says).
"""

import re
from typing import Any

from pakru.dataset import Dataset
from pakru.draft.meetings import Found
from pakru.draft.model import Edit
from pakru.schema.meeting import Meeting
from pakru.validate.rules.series import GROUP, fold_name, series_names


def recorded(ds: Dataset, found: Found) -> Meeting | None:
    """The tree's meeting of the same series, number and status, if any."""
    if found.series is None or found.ordinal is None or found.series.id not in ds:
        return None
    for meeting in ds.series(found.series.id):
        if meeting.ordinal == found.ordinal and meeting.status == found.status:
            return meeting
    return None


def plan_held(ds: Dataset, found: Found) -> Meeting | None:
    """The tree's planned meeting of the same series and number a held meeting carries out."""
    if found.status != "held" or found.series is None or found.ordinal is None:
        return None
    if found.series.id not in ds:
        return None
    for meeting in ds.series(found.series.id):
        if meeting.ordinal == found.ordinal and meeting.status == "planned":
            return meeting
    return None  # see held_already for a plan the tree shows held


def second_source(existing: Meeting, found: Found) -> list[Edit]:
    """The edits a second report of a recorded meeting proposes."""
    evidence = found.record["evidence"][0]
    if any(e.source == evidence["source"] for e in existing.evidence):
        return []  # the record cites this report already: drafted again, nothing new
    edits = [
        Edit(
            existing.id,
            "evidence",
            evidence,
            "append",
            evidence=evidence,
            why="a second source reports this meeting",
        )
    ]
    known = {p.ref for p in existing.participants}
    for participant in found.record["participants"]:
        if participant["ref"] not in known:
            edits.append(
                Edit(
                    existing.id,
                    "participants",
                    participant,
                    "append",
                    evidence=participant["evidence"][0],
                    why="a participant the record does not list",
                )
            )
    edits.extend(_narrower(existing, found.record["date"]))
    return edits


def _narrower(existing: Meeting, date: dict[str, Any]) -> list[Edit]:
    old = existing.date
    new_early, new_late = date.get("earliest"), date.get("latest")
    if new_early is None or new_late is None:
        return []
    inside = (old.earliest is None or old.earliest <= new_early) and (
        old.latest is None or new_late <= old.latest
    )
    if not inside or (new_early, new_late) == (old.earliest, old.latest):
        return []
    merged = {
        **date,
        "derivations": [
            *(d.model_dump(mode="json", exclude_defaults=True) for d in old.derivations),
            *date["derivations"],
        ],
    }
    return [
        Edit(
            existing.id,
            "date",
            merged,
            "set",
            rule=date["derivations"][0],
            why="the report dates the meeting more narrowly than the record",
        )
    ]


def unprinted_alias(ds: Dataset, found: Found) -> list[Edit]:
    """The series' name as this sentence prints it, when the series was matched only with
    its country words in another order ("Russia-Pakistan ..."): proposed as an alias, so
    the quote names the series (``series.named``)."""
    series = found.series
    if series is None or series.id not in ds:
        return []
    text = found.sentence.text
    folded = fold_name(text)
    if any(re.search(rf"(?<!\w){re.escape(n)}(?!\w)", folded) for n in series_names(series)):
        return []
    printed = next((m.group(0).strip() for m in GROUP.finditer(text)), None)
    if printed is None or printed in series.aliases:
        return []
    evidence = {"source": found.record["evidence"][0]["source"], "quote": text}
    why = f"the report names the series {printed!r}, not by its name or an alias"
    return [
        Edit(series.id, "aliases", printed, "append", evidence=evidence, why=why),
        Edit(
            series.id,
            "evidence",
            {**evidence, "supports": ["aliases"]},
            "append",
            evidence=evidence,
            why="the quote that prints the alias",
        ),
    ]


def held_already(ds: Dataset, found: Found) -> list[Edit]:
    """A plan the report announces that the tree shows held already (same series and
    number, nothing realised yet): the held meeting ``realises`` it, for a person to confirm."""
    if found.status != "planned" or found.series is None or found.ordinal is None:
        return []
    if found.series.id not in ds:
        return []
    plan = found.record["id"]
    return [
        Edit(
            meeting.id,
            "realises",
            plan,
            "set",
            evidence={
                "source": found.record["evidence"][0]["source"],
                "quote": found.sentence.text,
            },
            why=f"the tree has number {found.ordinal} of {found.series.id} held; "
            f"if it carried out the plan {plan}, it realises it",
        )
        for meeting in ds.series(found.series.id)
        if meeting.ordinal == found.ordinal and meeting.status == "held" and not meeting.realises
    ]
