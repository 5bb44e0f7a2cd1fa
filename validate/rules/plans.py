"""Plans: a planned meeting that was held is linked to the held meeting by ``realises``.

A plan stays ``planned`` (it is what a report announced); the meeting that
carried it out is its own held record whose ``realises`` names the plan. The
dataset computes the reverse (:meth:`pakru.dataset.Dataset.realised_by`).
"""

from collections import defaultdict
from collections.abc import Callable, Iterator

from pakru.dataset import Dataset
from pakru.schema import DateInterval, Meeting
from pakru.schema.introspect import Loc
from pakru.validate.registry import Context, Hit, rule
from pakru.validate.rules.common import overlaps
from pakru.validate.scopes import PLANS, REALISES, RECORD


def _city(meeting: Meeting) -> str | None:
    city = meeting.location.city
    return city.casefold() if city else None


def _years(date: DateInterval) -> str:
    first, last = date.earliest, date.latest
    if first is None and last is None:
        return "no known year"
    if first is not None and last is not None:
        return str(first.year) if first.year == last.year else f"{first.year}–{last.year}"
    if first is not None:
        return f"{first.year} or later"
    assert last is not None
    return f"{last.year} or earlier"


def _match(held: Meeting, plan: Meeting) -> tuple[Loc, str, bool] | None:
    """Why ``held`` looks like the meeting ``plan`` announced, and whether surely, or None.

    Same series and number: surely. Same kind, city and overlapping dates: surely when
    both are of one series; only perhaps when either has no series (a ministers' meeting
    in the city of a planned working group is not that group's meeting). Meetings of two
    series, or of two kinds, are never matched by city and date.
    """
    if (
        held.series is not None
        and held.series == plan.series
        and held.ordinal is not None
        and held.ordinal == plan.ordinal
    ):
        return ("ordinal",), f"number {held.ordinal} of {held.series}", True
    city = _city(held)
    if (
        city is not None
        and city == _city(plan)
        and held.kind == plan.kind
        and held.date.precision != "unknown"
        and plan.date.precision != "unknown"
        and overlaps(held.date, plan.date)
        and (held.series is None or plan.series is None or held.series == plan.series)
    ):
        sure = held.series is not None and held.series == plan.series
        why = f"a {held.kind} held in {held.location.city} when it was planned"
        return ("location", "city"), why, sure
    return None


def _year_keys(date: DateInterval) -> Iterator[tuple[object, ...]]:
    """The year keys of a dated interval: each year it spans, or ``open`` for an open bound
    (two intervals that overlap share a year key, or one of them is open)."""
    if date.precision == "unknown":
        return
    if date.earliest is None or date.latest is None:
        yield ("open",)
        return
    years = sorted((date.earliest.year, date.latest.year))  # an inverted one, too
    for year in range(years[0], years[1] + 1):
        yield ("year", year)


def _candidates(plans: list[Meeting]) -> Callable[[Meeting], list[Meeting]]:
    """The plans :func:`_match` can match a held meeting with, in their order: those of its
    series and number, and those of its kind and city with a year in common (each plan filed
    under its keys once, so the rule grows with the meetings, not held × planned)."""
    by_key: dict[tuple[object, ...], list[int]] = defaultdict(list)
    for n, plan in enumerate(plans):
        if plan.series is not None and plan.ordinal is not None:
            by_key["ordinal", plan.series, plan.ordinal].append(n)
        if (city := _city(plan)) is not None:
            by_key["city", plan.kind, city].append(n)
            for year in _year_keys(plan.date):
                by_key[("city", plan.kind, city, *year)].append(n)

    def of(held: Meeting) -> list[Meeting]:
        found = [*by_key.get(("ordinal", held.series, held.ordinal), ())]
        place = ("city", held.kind, _city(held))
        years = list(_year_keys(held.date))
        if ("open",) in years:
            found += by_key.get(place, ())  # an open interval may meet any plan's
        else:
            for year in [*years, ("open",)] if years else []:
                found += by_key.get((*place, *year), ())
        return [plans[n] for n in sorted(set(found))]

    return of


def _unlinked(dataset: Dataset, *, sure: bool) -> Iterator[Hit]:
    plans = [m for m in dataset.meetings if m.status == "planned"]
    realised = {m.realises for m in dataset.meetings if m.realises is not None}
    candidates = _candidates(plans)
    for held in dataset.meetings:
        if held.status != "held" or held.realises is not None:
            continue
        for plan in candidates(held):
            if plan.id in realised or plan.id == held.id:
                continue
            found = _match(held, plan)
            if found is None or found[2] != sure:
                continue
            loc, why, _ = found
            advice = (
                f"if it carried out that plan, add 'realises: {plan.id}' (and keep the "
                "plan's status 'planned')"
            )
            if not sure:
                advice += (
                    "; it has no series to tell, so if it is another meeting, give it its "
                    "series or leave it unlinked"
                )
            yield Hit(
                held.id,
                loc,
                f"looks like the meeting planned in {plan.id} ({why}); {advice}",
                about=plan.id,
            )


@rule("plans.unlinked", scope=PLANS)
def unlinked(dataset: Dataset, _: Context) -> Iterator[Hit]:
    """A held meeting that is surely a planned one (same series and number, or same series,
    kind, city and date) says it carried out the plan with ``realises``.

    Setting ``status: held`` on the plan is not the fix: the plan records what
    was announced, the held meeting what happened. Nor is ``same_as``, which is
    for two records of one meeting whose sources disagree.
    """
    yield from _unlinked(dataset, sure=True)


@rule("plans.maybe-unlinked", severity="warning", scope=PLANS)
def maybe_unlinked(dataset: Dataset, _: Context) -> Iterator[Hit]:
    """A held meeting of the kind, city and date of a planned one, where one of them has no
    series: perhaps the plan carried out, perhaps another meeting.

    Add ``realises`` when the reports say it carried out the plan; give the
    meeting its series when they name one; otherwise nothing needs fixing.
    """
    yield from _unlinked(dataset, sure=False)


@rule("plans.link", scope=REALISES)
def link(dataset: Dataset, _: Context) -> Iterator[Hit]:
    """``realises`` links a held meeting to a planned meeting of the same series, once.

    Only one held meeting carries out a plan; a plan realises nothing. A plan of a series
    is carried out by a meeting of that series: a held meeting with no series (a
    ministers' meeting, a visit) does not realise it. A plan with no series (a visit
    announced) may be carried out by a meeting of any series or none.
    """
    taken: dict[str, str] = {}
    for meeting in dataset.meetings:
        target_id = meeting.realises
        if target_id is None or target_id not in dataset:
            continue  # references.resolve reports an unknown id
        target = dataset.get(target_id)
        loc: Loc = ("realises",)
        if meeting.status != "held":
            yield Hit(
                meeting.id,
                loc,
                f"a planned meeting realises nothing; only the held meeting that carried "
                f"out {target_id} says 'realises: {target_id}'",
            )
        elif not isinstance(target, Meeting) or target.status != "planned":
            yield Hit(
                meeting.id,
                loc,
                f"{target_id} is not a planned meeting; 'realises' names the plan this "
                "meeting carried out",
                about=target_id,
            )
        elif target.series is not None and meeting.series is None:
            yield Hit(
                meeting.id,
                loc,
                f"{target_id} is a plan in series {target.series}, and this meeting has no "
                f"series; if it carried out that plan, add 'series: {target.series}' (and its "
                "number when the report gives one), else remove 'realises'",
                about=target_id,
            )
        elif meeting.series is not None and target.series not in (None, meeting.series):
            yield Hit(
                meeting.id,
                loc,
                f"{target_id} is a plan in series {target.series}, this meeting is in "
                f"{meeting.series}",
                about=target_id,
            )
        elif target_id in taken:
            yield Hit(
                meeting.id,
                loc,
                f"{target_id} is already realised by {taken[target_id]}; a plan is carried "
                "out by one meeting (link the two reports of it with same_as or merge them)",
                about=target_id,
            )
        else:
            taken[target_id] = meeting.id


@rule("plans.changed", severity="info", scope=RECORD)
def changed(dataset: Dataset, _: Context) -> Iterator[Hit]:
    """A plan carried out elsewhere or in another year than announced: a fact about the plan.

    Reported on the held meeting's ``realises``; nothing needs fixing when the
    reports say so.
    """
    for held in dataset.meetings:
        target_id = held.realises
        if target_id is None or held.status != "held" or target_id not in dataset:
            continue
        plan = dataset.get(target_id)
        if not isinstance(plan, Meeting) or plan.status != "planned":
            continue
        changes = []
        if _city(plan) and _city(held) and _city(plan) != _city(held):
            changes.append(f"planned for {plan.location.city}, held in {held.location.city}")
        if not overlaps(plan.date, held.date):
            changes.append(f"planned for {_years(plan.date)}, held in {_years(held.date)}")
        if changes:
            yield Hit(
                held.id,
                ("realises",),
                f"carries out {plan.id} but not as announced: {'; '.join(changes)}",
                about=plan.id,
            )
