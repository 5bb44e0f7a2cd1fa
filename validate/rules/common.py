"""Tables shared by several rules, built once per run (memoised in the run's index)."""

import datetime as dt

from pakru.dataset import Dataset
from pakru.schema import Agreement, DateInterval, Event, Meeting
from pakru.validate.derive import Anchors
from pakru.validate.index import Index

Dated = Meeting | Agreement | Event


def anchors(dataset: Dataset, index: Index) -> Anchors:
    """Publication dates and intervals by source id, date intervals, series places and
    cited sources by record id: made once per run."""
    return index.memo(_anchors, dataset, index)


def _anchors(dataset: Dataset, index: Index) -> Anchors:
    published: dict[str, dt.date | None] = {s.id: s.published for s in dataset.sources}
    publication = {s.id: s.publication for s in dataset.sources if s.publication is not None}
    intervals = {
        r.id: r.date for r in dataset.records if isinstance(r, Meeting | Agreement | Event)
    }
    series = {m.id: (m.series, m.ordinal) for m in dataset.meetings}
    facts = index.facts
    cited = {r.id: facts(r).cited for r in dataset.records}
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
