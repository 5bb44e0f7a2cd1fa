"""Conflicts: records that may describe one thing but disagree are covered by a Conflict."""

from collections.abc import Iterator

from pakru.dataset import Dataset
from pakru.schema import Agreement, Event, Meeting
from pakru.validate.registry import Context, Hit, rule
from pakru.validate.rules.common import overlaps
from pakru.validate.scopes import REFERRERS


def _differences(a: Meeting | Agreement | Event, b: Meeting | Agreement | Event) -> list[str]:
    found = []
    if not overlaps(a.date, b.date):
        found.append("dates that cannot overlap")
    city_a = getattr(getattr(a, "location", None), "city", None)
    city_b = getattr(getattr(b, "location", None), "city", None)
    if city_a and city_b and city_a.casefold() != city_b.casefold():
        found.append(f"places ({city_a} / {city_b})")
    if a.status != b.status:
        found.append(f"statuses ({a.status} / {b.status})")
    return found


@rule("conflicts.uncovered", scope=REFERRERS)
def uncovered(dataset: Dataset, _: Context) -> Iterator[Hit]:
    """Records linked by ``same_as`` that disagree are sides of one Conflict record.

    A held meeting and the plan it ``realises`` are not a conflict: a plan
    carried out in another place or year is reported by ``plans.changed``.
    """
    covered = {
        frozenset((x.record, y.record))
        for conflict in dataset.conflicts
        for x in conflict.sides
        for y in conflict.sides
        if x.record != y.record
    }
    records: tuple[Meeting | Agreement | Event, ...] = (
        *dataset.meetings,
        *dataset.agreements,
        *dataset.events,
    )
    # a plan and the meeting that carried it out differ by nature, not by dispute
    realised = {frozenset((m.id, m.realises)) for m in dataset.meetings if m.realises is not None}
    for record in records:
        for index, other_id in enumerate(record.same_as):
            pair = frozenset((record.id, other_id))
            if other_id not in dataset or pair in covered or pair in realised:
                continue
            other = dataset.get(other_id)
            if not isinstance(other, Meeting | Agreement | Event):
                continue
            if differences := _differences(record, other):
                yield Hit(
                    record.id,
                    ("same_as", index),
                    f"{record.id} and {other_id} may be one thing but have "
                    f"{', '.join(differences)}; add a Conflict record with both as sides",
                )
