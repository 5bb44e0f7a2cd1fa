"""Series: numbered meetings of a dialogue series are unique, ordered, and announced in turn."""

import itertools
import re
from collections.abc import Iterator

from pakru.dataset import Dataset
from pakru.schema import Body, Meeting
from pakru.schema.text import normalise
from pakru.validate.registry import Context, Hit, rule
from pakru.validate.scopes import NAMED, RECORD, SERIES


def _numbered(dataset: Dataset) -> dict[str, list[Meeting]]:
    """Meetings with a series and an ordinal, by series, in ordinal (then id) order."""
    out: dict[str, list[Meeting]] = {}
    for meeting in dataset.meetings:
        if meeting.series is not None and meeting.ordinal is not None:
            out.setdefault(meeting.series, []).append(meeting)
    for meetings in out.values():
        meetings.sort(key=lambda m: (m.ordinal or 0, m.id))
    return out


@rule("series.kind", scope=RECORD)
def kind(dataset: Dataset, _: Context) -> Iterator[Hit]:
    """A meeting's ``series`` is a body of kind ``dialogue-series``."""
    for meeting in dataset.meetings:
        if meeting.series is None or meeting.series not in dataset:
            continue
        body = dataset.get(meeting.series)
        if isinstance(body, Body) and body.kind != "dialogue-series":
            yield Hit(
                meeting.id, ("series",), f"{body.id!r} is a {body.kind}, not a dialogue-series"
            )


@rule("series.ordinal-unique", scope=SERIES)
def ordinal_unique(dataset: Dataset, _: Context) -> Iterator[Hit]:
    """No two meetings of a series share an ordinal, unless one is planned and one held.

    A planned meeting numbered N ("the next meeting" after the (N-1)th, by the
    ``next-ordinal`` rule) and a held meeting N are the announcement and the
    holding of one meeting (as ``dates.planned-past`` reads them), not a clash.
    """
    for series, meetings in _numbered(dataset).items():
        first: dict[tuple[int | None, str], Meeting] = {}
        for meeting in meetings:
            earlier = first.setdefault((meeting.ordinal, meeting.status), meeting)
            if earlier is not meeting:
                yield Hit(
                    meeting.id,
                    ("ordinal",),
                    f"{series} meeting number {meeting.ordinal} is also {earlier.id}",
                )


@rule("series.ordinal-order", scope=SERIES)
def ordinal_order(dataset: Dataset, _: Context) -> Iterator[Hit]:
    """A higher ordinal in a series is not dated before a lower one."""
    for meetings in _numbered(dataset).values():
        for before, after in itertools.pairwise(meetings):
            lower, higher = before.date, after.date
            if (
                before.ordinal != after.ordinal
                and higher.latest is not None
                and lower.earliest is not None
                and higher.latest < lower.earliest
            ):
                yield Hit(
                    after.id,
                    ("ordinal",),
                    f"number {after.ordinal} is dated before number {before.ordinal} "
                    f"({before.id}, {lower.earliest})",
                )


GAP_LISTED = 5
"""Gaps of up to this many numbers are listed one by one; longer ones as a range."""


def _missing(low: int, high: int) -> str:
    """The numbers strictly between ``low`` and ``high``, summarised: its size never grows."""
    first, last = low + 1, high - 1
    if last - first < GAP_LISTED:
        return "number " + ", ".join(str(n) for n in range(first, last + 1))
    return f"numbers {first:,} to {last:,} ({last - first + 1:,} meetings)"


@rule("series.gap", severity="info", scope=SERIES)
def gap(dataset: Dataset, _: Context) -> Iterator[Hit]:
    """Ordinals of a series skip a number (7 then 9): a meeting the records do not have."""
    for series, meetings in _numbered(dataset).items():
        for before, after in itertools.pairwise(meetings):
            low, high = before.ordinal or 0, after.ordinal or 0
            if high - low > 1:
                yield Hit(
                    after.id,
                    ("ordinal",),
                    f"{series} has no record of meeting {_missing(low, high)}",
                )


@rule("series.next-ordinal", scope=RECORD)
def next_ordinal(dataset: Dataset, _: Context) -> Iterator[Hit]:
    """A planned meeting announced at meeting N of the same series is number N + 1."""
    for meeting in dataset.meetings:
        if meeting.status != "planned" or meeting.ordinal is None:
            continue
        if meeting.announced_at is None or meeting.announced_at not in dataset:
            continue
        at = dataset.get(meeting.announced_at)
        if (
            isinstance(at, Meeting)
            and at.series == meeting.series
            and at.ordinal is not None
            and meeting.ordinal != at.ordinal + 1
        ):
            yield Hit(
                meeting.id,
                ("ordinal",),
                f"announced at number {at.ordinal} ({at.id}) as the next meeting, "
                f"so it is number {at.ordinal + 1}, not {meeting.ordinal}",
            )


GROUP = re.compile(
    r"(?:(?!(?:The|A|An|This|That)\b)[A-Z][\w'’-]*\s+){1,6}(?:Group|Committee|Commission|Council|Dialogue)"
    r"(?:\s+(?:on|for|to)(?:\s+(?:[A-Z][\w'’-]*|and|other|of|on|the))+)?"
)
"""A group's name as reports print it: capitalised words ending in Group, Committee,
Commission, Council or Dialogue, with what it is "on" ("Working Group on Counter-Terrorism")."""


def fold_name(text: str) -> str:
    """A name as typography leaves it: no parenthesised abbreviation ("(JWG)"), hyphens and
    dashes as spaces, one space between words, case folded."""
    text = re.sub(r"\([^()]*\)", " ", text)
    return normalise(re.sub(r"[-‐‑–—]", " ", text)).casefold()


def series_names(body: Body) -> tuple[str, ...]:
    """A series' name and aliases as :func:`fold_name` leaves them."""
    return tuple(fold_name(name) for name in (body.name, *body.aliases))


def _series_problem(series: Body, others: list[Body], quote: str) -> str | None:
    """Why ``quote`` does not support ``series``: it names another series, or a group that
    is none of the series' names; None when it names the series or no group at all
    (:func:`_names_series` tells the two apart)."""
    folded = fold_name(quote)
    if any(name in folded for name in series_names(series)):
        return None
    for other in others:
        if other.id != series.id and any(name in folded for name in series_names(other)):
            return f"the quote names the series {other.id!r} ({other.name!r}), not {series.id!r}"
    for match in GROUP.finditer(quote):
        group = match.group(0).strip()
        if not any(fold_name(group) in name for name in series_names(series)):
            return (
                f"the quote names {group!r}, which is no name or alias of {series.id!r}; "
                "if it is the same series, add the name to the series' aliases"
            )
    return None


def _names_series(series: Body, quote: str) -> bool:
    folded = fold_name(quote)
    return any(name in folded for name in series_names(series))


def _linked_in_series(dataset: Dataset, meeting: Meeting) -> str | None:
    """A meeting of the same series this one is tied to by a rule: the meeting that
    announced it ("the next meeting"), the plan it carried out, a record of the same
    meeting, or the anchor its ordinal is counted from."""
    linked = [meeting.announced_at, meeting.realises, *meeting.same_as]
    linked += [d.anchor for d in meeting.derivations]
    for other_id in linked:
        if other_id is None:
            continue
        if other_id not in dataset:
            return other_id  # an unknown or unbuilt record: reported where it is named
        other = dataset.get(other_id)
        if isinstance(other, Meeting) and other.series == meeting.series:
            return other_id
    return None


@rule("series.named", scope=NAMED)
def named(dataset: Dataset, _: Context) -> Iterator[Hit]:
    """A quote supporting a meeting's ``series`` names that series (its name or an alias),
    not another series or another group.

    A quote that names no group at all ("held the eighth meeting") supports the
    series only when another quote names it, or the meeting is tied by a rule to
    a meeting of that series (``announced_at``, ``realises``, ``same_as``, an
    ordinal's anchor).
    """
    bodies = [b for b in dataset.records if isinstance(b, Body) and b.kind == "dialogue-series"]
    for meeting in dataset.meetings:
        if meeting.series is None or meeting.series not in dataset:
            continue
        series = dataset.get(meeting.series)
        if not isinstance(series, Body):
            continue
        silent: list[int] = []
        named_it = False
        for index, item in enumerate(meeting.evidence):
            if "series" not in item.supports:
                continue
            position = item.supports.index("series")
            if (problem := _series_problem(series, bodies, item.quote)) is not None:
                yield Hit(meeting.id, ("evidence", index, "supports", position), problem)
            elif _names_series(series, item.quote):
                named_it = True
            else:
                silent.append(index)
        if silent and not named_it and _linked_in_series(dataset, meeting) is None:
            index = silent[0]
            yield Hit(
                meeting.id,
                ("evidence", index, "supports", meeting.evidence[index].supports.index("series")),
                f"the quote names no series, so it does not support 'series: {series.id}'; "
                f"quote the words that name it ({series.name!r} or an alias), or link the "
                "meeting to one of the series (announced_at, realises, same_as)",
            )
