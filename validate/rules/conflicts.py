"""Conflicts: records that may describe one thing but disagree are covered by a Conflict."""

from collections.abc import Iterator

from pakru.dataset import Dataset
from pakru.schema import Agreement, Event, Meeting
from pakru.validate.registry import Context, Hit, rule
from pakru.validate.rules.common import overlaps


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


@rule("conflicts.uncovered")
def uncovered(dataset: Dataset, _: Context) -> Iterator[Hit]:
    """Records linked by ``same_as`` that disagree are sides of one Conflict record."""
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
    for record in records:
        for index, other_id in enumerate(record.same_as):
            if other_id not in dataset or frozenset((record.id, other_id)) in covered:
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
