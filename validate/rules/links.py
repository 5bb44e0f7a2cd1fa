"""Links between records: none points at its own record, none goes round in a circle.

``references.resolve`` checks that a linked id exists and is of a kind the
field allows; these rules check what the links say together: a body is not
its own parent (directly or through others), ``same_as`` joins records of
one kind both ways, and a meeting is not announced at itself or at a
meeting held after it.
"""

from collections.abc import Callable, Iterator

from pakru.dataset import Dataset
from pakru.schema import Meeting, Record
from pakru.validate.index import field_or
from pakru.validate.registry import Context, Hit, rule
from pakru.validate.scopes import RECORD


@rule("links.self", scope=RECORD)
def self_reference(dataset: Dataset, context: Context) -> Iterator[Hit]:
    """No record names itself in a link (``parent``, ``same_as``, ``announced_at``, an anchor).

    A source citing itself as evidence is how source records are supported, so
    links to sources are not checked.
    """
    facts = context.index.facts
    for origin in context.provenance:
        record = origin.record
        for loc, target, kinds in facts(record).references:
            if target == record.id and kinds != ("source",):
                yield Hit(record.id, loc, f"{record.id!r} names itself", origin)


def _cycles(
    records: dict[str, Record], step: Callable[[Record], str | None]
) -> Iterator[list[str]]:
    """Each circle of links (two records or more) once, starting at its smallest id."""
    done: set[str] = set()
    for start in sorted(records):
        path: list[str] = []
        at: str | None = start
        while at is not None and at in records and at not in done and at not in path:
            path.append(at)
            nxt = step(records[at])
            at = nxt if nxt != path[-1] else None  # a self-link is links.self's business
        if at is not None and at in path and len(path) - path.index(at) > 1:
            circle = path[path.index(at) :]
            first = circle.index(min(circle))
            yield circle[first:] + circle[:first]
        done.update(path)


@rule("links.cycle", scope=RECORD)
def cycle(dataset: Dataset, _: Context) -> Iterator[Hit]:
    """Following ``parent`` (bodies) or ``announced_at`` (meetings) never comes back round."""
    chains: tuple[tuple[str, dict[str, Record], Callable[[Record], str | None]], ...] = (
        ("parent", {b.id: b for b in dataset.bodies}, lambda r: getattr(r, "parent", None)),
        (
            "announced_at",
            {m.id: m for m in dataset.meetings},
            lambda r: getattr(r, "announced_at", None),
        ),
    )
    for name, records, step in chains:
        for circle in _cycles(records, step):
            shown = " → ".join([*circle, circle[0]])
            yield Hit(circle[0], (name,), f"{name} goes round in a circle: {shown}")


def _a(word: str) -> str:
    return f"{'an' if word[0] in 'aeiou' else 'a'} {word}"


@rule("links.same-as-kind", scope=RECORD)
def same_as_kind(dataset: Dataset, context: Context) -> Iterator[Hit]:
    """``same_as`` links records of one kind: a meeting to a meeting, an event to an event."""
    for origin in context.provenance:
        record = origin.record
        for index, target in enumerate(field_or(record, "same_as", ())):
            if target in dataset and target != record.id:
                other = dataset.get(target)
                if other.type != record.type:
                    yield Hit(
                        record.id,
                        ("same_as", index),
                        f"{target!r} is {_a(other.type)}; {_a(record.type)} can be the same "
                        f"only as another {record.type}",
                        origin,
                    )


@rule("links.same-as-one-sided", scope=RECORD)
def same_as_one_sided(dataset: Dataset, context: Context) -> Iterator[Hit]:
    """``same_as`` is mutual: when A lists B, B lists A."""
    for origin in context.provenance:
        record = origin.record
        for index, target in enumerate(field_or(record, "same_as", ())):
            if target not in dataset or target == record.id:
                continue
            other = dataset.get(target)
            if other.type == record.type and record.id not in field_or(other, "same_as", ()):
                yield Hit(
                    record.id,
                    ("same_as", index),
                    f"{target!r} does not list {record.id!r} in its same_as; add it there",
                    origin,
                )


@rule("links.announced-later", scope=RECORD)
def announced_later(dataset: Dataset, _: Context) -> Iterator[Hit]:
    """A held meeting is not announced at a meeting that began after it ended.

    (A planned meeting dated before its announcement is ``dates.planned-before-announcement``.)
    """
    for meeting in dataset.meetings:
        at = meeting.announced_at
        if meeting.status != "held" or at is None or at == meeting.id or at not in dataset:
            continue
        announcing = dataset.get(at)
        if not isinstance(announcing, Meeting):
            continue
        start, end = announcing.date.earliest, meeting.date.latest
        if start is not None and end is not None and start > end:
            yield Hit(
                meeting.id,
                ("announced_at",),
                f"held by {end}, but announced at {at}, which began on {start}",
            )
