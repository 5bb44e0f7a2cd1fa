"""Collections of records: tuples that can be filtered by field and by date.

Every collection the Dataset returns (``ds.meetings``, ``ds.timeline()``,
``ds.find(...)``) is a :class:`Collection`: a tuple, so it compares, slices
and unpacks like one, plus a few queries that return collections again::

    ds.meetings.where(status="held", series="jwg-ct").between("2018", "2019")

Queries raise :class:`QueryError` (a ``ValueError``) naming the fields that
exist when asked for one that does not, so a typo never silently matches
nothing.
"""

import datetime as dt
from collections.abc import Callable, Iterable
from collections.abc import Collection as AbcCollection
from typing import Any, Generic, TypeVar

from pydantic import BaseModel

T = TypeVar("T", bound=BaseModel)

DateLike = dt.date | str | None


class QueryError(ValueError):
    """A query named a field the records do not have, or a date that is not one."""


def as_bounds(start: DateLike, end: DateLike) -> tuple[dt.date | None, dt.date | None]:
    """``start`` and ``end`` as days; ``"2018"`` and ``"2018-03"`` cover their whole year or month.

    >>> as_bounds("2018", "2018-03")
    (datetime.date(2018, 1, 1), datetime.date(2018, 3, 31))
    >>> as_bounds("2019", "2018")
    Traceback (most recent call last):
    ...
    pakru.dataset.collection.QueryError: start 2019-01-01 is after end 2018-12-31 (swapped?)
    """
    low, high = _day(start, first=True), _day(end, first=False)
    if low is not None and high is not None and low > high:
        raise QueryError(f"start {low} is after end {high} (swapped?)")
    return low, high


def _day(value: DateLike, *, first: bool) -> dt.date | None:
    if value is None or isinstance(value, dt.date):
        return value
    parts = value.split("-")
    try:
        numbers = [int(p) for p in parts]
        if len(numbers) == 3:
            return dt.date(*numbers)
        if len(numbers) == 2:
            year, month = numbers
            if first:
                return dt.date(year, month, 1)
            following = dt.date(year + month // 12, month % 12 + 1, 1)
            return following - dt.timedelta(days=1)
        if len(numbers) == 1:
            return dt.date(numbers[0], 1, 1) if first else dt.date(numbers[0], 12, 31)
    except ValueError:
        pass
    raise QueryError(f"expected a date as YYYY, YYYY-MM or YYYY-MM-DD, got {value!r}")


def _value(record: BaseModel, path: str) -> Any:
    value: Any = record
    for part in path.split("__"):
        value = getattr(value, part)
    return value


def _matches(value: Any, wanted: Any) -> bool:
    if callable(wanted):
        return bool(wanted(value))
    if isinstance(wanted, AbcCollection) and not isinstance(wanted, str):
        if isinstance(value, tuple):  # a list field matches when any item is wanted
            return any(v in wanted for v in value)
        return value in wanted
    if isinstance(value, tuple):
        return wanted in value
    return bool(value == wanted)


class Collection(tuple[T, ...], Generic[T]):
    """An immutable, ordered collection of records (a tuple) with queries.

    >>> held = fixture().meetings.where(status="held")
    >>> held.ids
    ('cgss-12', 'fm-talks-moscow', 'jwg-ct-07')
    >>> fixture().meetings.where(statu="held")
    Traceback (most recent call last):
    ...
    pakru.dataset.collection.QueryError: meetings have no field 'statu'; they have: id, ...
    """

    name: str
    """What the records are, in the plural ("meetings"), for reprs and messages."""

    def __new__(cls, items: Iterable[T] = (), name: str = "records") -> "Collection[T]":
        made = super().__new__(cls, items)
        made.name = name
        return made

    def _made(self, items: Iterable[T]) -> "Collection[T]":
        return Collection(items, self.name)

    @property
    def ids(self) -> tuple[str, ...]:
        """The ids of the records, in order."""
        return tuple(str(getattr(r, "id", "")) for r in self)

    def filter(self, predicate: Callable[[T], bool]) -> "Collection[T]":
        """The records for which ``predicate(record)`` is true, in order."""
        return self._made(r for r in self if predicate(r))

    def where(self, **fields: Any) -> "Collection[T]":
        """The records whose fields have the given values.

        A value may be a single value (``status="held"``), a set or list of
        values (``kind={"working-group", "consultative-group"}``) or a
        function (``ordinal=lambda n: n is not None and n > 5``); for a list
        field (``aliases``, ``agreements``) a record matches when any item
        does. Nested fields use ``__``: ``location__city="Moscow"``.
        """
        for path in fields:
            self._check_field(path)
        return self._made(
            r
            for r in self
            if all(_matches(_value(r, path), wanted) for path, wanted in fields.items())
        )

    def between(
        self, start: DateLike = None, end: DateLike = None, *, certain: bool = False
    ) -> "Collection[T]":
        """Dated records whose date may fall between ``start`` and ``end`` (inclusive).

        A date is an interval; by default a record is kept when its interval
        overlaps ``[start, end]`` (it may have happened then); with
        ``certain=True`` only when its interval lies inside it. Records of
        unknown date are left out. Bounds are dates or ``YYYY``/``YYYY-MM``/
        ``YYYY-MM-DD`` strings; either may be None (open).
        """
        low, high = as_bounds(start, end)
        self._check_field("date")
        kept = []
        for record in self:
            date = getattr(record, "date", None)
            first, last = date.earliest, date.latest  # type: ignore[union-attr]
            if first is None and last is None:
                continue
            if certain:
                inside_low = low is None or (first is not None and first >= low)
                inside_high = high is None or (last is not None and last <= high)
                if inside_low and inside_high:
                    kept.append(record)
            elif (high is None or first is None or first <= high) and (
                low is None or last is None or last >= low
            ):
                kept.append(record)
        return self._made(kept)

    def _check_field(self, path: str) -> None:
        from pakru.schema.introspect import fields_by_name  # noqa: PLC0415

        for record in self:
            known = fields_by_name(type(record))
            head = path.split("__", 1)[0]
            if head not in known:
                raise QueryError(
                    f"{self.name} have no field {head!r}; they have: {', '.join(known)}"
                )

    def __repr__(self) -> str:
        shown = ", ".join(self.ids[:5]) + (", …" if len(self) > 5 else "")
        return f"<{len(self)} {self.name}: {shown}>" if self else f"<no {self.name}>"

    def _repr_html_(self) -> str:
        import html  # noqa: PLC0415 - for notebooks only; its entity table is slow to import

        rows = "".join(
            f"<tr><td><code>{html.escape(r.id)}</code></td>"  # type: ignore[attr-defined]
            f"<td>{html.escape(_kind(r))}</td><td>{html.escape(_label(r))}</td>"
            f"<td>{html.escape(_when(r))}</td></tr>"
            for r in self
        )
        return (
            f"<table><caption>{len(self)} {html.escape(self.name)}</caption>"
            "<thead><tr><th>id</th><th>type</th><th>title or name</th><th>date</th></tr></thead>"
            f"<tbody>{rows}</tbody></table>"
        )


def _kind(record: BaseModel) -> str:
    return str(getattr(record, "type", type(record).__name__))


def _label(record: BaseModel) -> str:
    for name in ("title", "name", "subject"):
        value = getattr(record, name, None)
        if value:
            return str(value)
    return ""


def _when(record: BaseModel) -> str:
    date = getattr(record, "date", None)
    return str(date.describe()) if date is not None else ""
