"""Indexes shared by several rules, built once per dataset."""

import datetime as dt
from collections.abc import Iterator
from functools import lru_cache

from pakru.dataset import Dataset
from pakru.schema import Agreement, DateInterval, Event, Meeting, Person, Record, Source
from pakru.validate.derive import Anchors
from pakru.validate.parse import Loc
from pakru.validate.walk import evidence

Dated = Meeting | Agreement | Event


def dated_fields(record: Record) -> Iterator[tuple[Loc, DateInterval]]:
    """Every date interval a record holds: its ``date``, for people each title's, for
    undated sources the publication interval."""
    if isinstance(record, Meeting | Agreement | Event):
        yield ("date",), record.date
    elif isinstance(record, Source) and record.publication is not None:
        yield ("publication",), record.publication
    elif isinstance(record, Person):
        for index, title in enumerate(record.titles):
            yield ("titles", index, "attested"), title.attested


@lru_cache(maxsize=4)
def anchors(dataset: Dataset) -> Anchors:
    """Publication dates and intervals by source id, date intervals, series places and
    cited sources by record id."""
    published: dict[str, dt.date | None] = {s.id: s.published for s in dataset.sources}
    publication = {s.id: s.publication for s in dataset.sources if s.publication is not None}
    intervals = {
        r.id: r.date for r in dataset.records if isinstance(r, Meeting | Agreement | Event)
    }
    series = {m.id: (m.series, m.ordinal) for m in dataset.meetings}
    cited = {r.id: frozenset(e.source for _, e in evidence(r)) for r in dataset.records}
    return Anchors(published, intervals, publication, series, cited)


def bounds(interval: DateInterval) -> tuple[dt.date | None, dt.date | None]:
    """The interval as a (earliest, latest) pair."""
    return interval.earliest, interval.latest


def overlaps(a: DateInterval, b: DateInterval) -> bool:
    """Whether two intervals can share a day (open bounds reach forever)."""
    return not (
        (a.latest is not None and b.earliest is not None and a.latest < b.earliest)
        or (b.latest is not None and a.earliest is not None and b.latest < a.earliest)
    )
