"""The scopes of the rules: what each rule's hits about one record depend on.

Declared where each rule is registered (``@rule(..., scope=...)``); the
meaning is :class:`~pakru.validate.registry.Scope`'s. The keys below say
which records a rule compares with each other (the meetings of one series,
of one city…). Each is written from the rule it serves, and a wrong one is
caught by ``tests/validate/test_incremental_rules.py``, which compares
incremental runs with full runs on random edits for every rule.
"""

from collections.abc import Hashable, Iterator

from pakru.schema import Body, Meeting, Person, Record, Title
from pakru.schema.text import normalise
from pakru.validate.registry import RECORD, REFERRERS, Scope


def _series(record: Record) -> Iterator[Hashable]:
    """series.ordinal-*, series.gap: the numbered meetings of one series, side by side."""
    if isinstance(record, Meeting) and record.series is not None and record.ordinal is not None:
        yield record.series


def _reads_series_names(record: Record) -> Iterator[Hashable]:
    """series.named: a meeting's quotes are read against every dialogue series' names."""
    if isinstance(record, Meeting) and record.series is not None:
        yield "dialogue-series"


def _series_names(record: Record) -> Iterator[Hashable]:
    if isinstance(record, Body) and record.kind == "dialogue-series":
        yield "dialogue-series"


def _city(meeting: Meeting) -> str | None:
    city = meeting.location.city
    return city.casefold() if city else None


def _plans(record: Record) -> Iterator[Hashable]:
    """plans.unlinked: a held meeting and a plan of one series and number, or one kind and
    city (the dates are compared within those)."""
    if not isinstance(record, Meeting):
        return
    if record.series is not None and record.ordinal is not None:
        yield ("ordinal", record.series, record.ordinal)
    if (city := _city(record)) is not None:
        yield ("city", record.kind, city)


def _realises(record: Record) -> Iterator[Hashable]:
    """plans.link: the meetings that say they carried out one plan (the first one takes it)."""
    if isinstance(record, Meeting) and record.realises is not None:
        yield record.realises


def _same_series(record: Record) -> Iterator[Hashable]:
    """dates.planned-past: a plan and the held meetings of its series."""
    if isinstance(record, Meeting):
        yield record.series


def name_key(form: str) -> str:
    """The key under which ``people.name-form`` files a name form (and its scope finds it)."""
    return normalise(form).casefold()


def post_key(person: Person, title: Title) -> tuple[str, str | None, str | None]:
    """The post ``people.post-clash`` files a title under: title, body and country."""
    return (normalise(title.title).casefold(), title.body, person.country)


def _person_name_keys(record: Record) -> Iterator[Hashable]:
    """people.name-form: each name form, and the first person who has it."""
    if isinstance(record, Person):
        for form in (record.name, *record.aliases):
            yield name_key(form)


def _posts(record: Record) -> Iterator[Hashable]:
    """people.post-clash: the holders of one post (title, body, country)."""
    if isinstance(record, Person):
        for title in record.titles:
            yield post_key(record, title)


def _buckets(record: Record) -> Iterator[Hashable]:
    """duplicates.likely: the candidates (series and number, or kind and city), which join
    into groups, so the whole group is a dependency (``transitive``)."""
    if not isinstance(record, Meeting):
        return
    if record.series is not None and record.ordinal is not None:
        yield ("series", record.status, record.series, str(record.ordinal))
    if record.location.city is not None and record.date.precision != "unknown":
        yield ("place", record.status, record.kind, record.location.city.casefold())


SERIES = Scope(keys=_series)
NAMED = Scope(reads=_reads_series_names, provides=_series_names)
PLANS = Scope(keys=_plans, referrers=True)
REALISES = Scope(keys=_realises)
PLANNED_PAST = Scope(keys=_same_series, referrers=True)
NAME_FORMS = Scope(keys=_person_name_keys)
POSTS = Scope(keys=_posts)
DUPLICATES = Scope(keys=_buckets, transitive=True)

__all__ = [
    "DUPLICATES",
    "NAMED",
    "NAME_FORMS",
    "PLANNED_PAST",
    "PLANS",
    "POSTS",
    "REALISES",
    "RECORD",
    "REFERRERS",
    "SERIES",
]
