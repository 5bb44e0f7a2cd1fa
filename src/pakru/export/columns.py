"""The one way to declare an export column: from a model field, or derived, with its getter.

A column is named, typed and described once. A model field gives all three
(:func:`field`: a reference ``series`` becomes ``series_id`` with a foreign
key, a country code gets a foreign key to ``countries``, the description is
the field's docstring); a column no field holds (a code, a join, a position)
is :func:`derived`, its three written beside its getter. :func:`table` builds
a :class:`~pakru.export.model.Table` from the columns and what each row is
read from, so no column is named twice.
"""

import datetime as dt
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Generic, Literal, TypeVar

from pydantic import BaseModel

from pakru.acts.codes import alpha3, cow, wikidata_precision
from pakru.export.model import Column, ColumnType, ForeignKey, Table, Value
from pakru.schema import RECORD_TYPES, DateInterval, Location
from pakru.schema.introspect import field as field_spec

T_contra = TypeVar("T_contra", contravariant=True)
"""What one row is read from: a record, an act, or a record and the position of a part."""
M = TypeVar("M", bound=BaseModel)
Part = TypeVar("Part", bound=BaseModel)
"""The part of a row a field is read from (a record, a sub-record, a date interval)."""

_TYPES: dict[type, Literal["string", "integer", "number", "boolean", "date"]] = {
    str: "string",
    int: "integer",
    float: "number",
    bool: "boolean",
    dt.date: "date",
}


@dataclass(frozen=True)
class Col(Generic[T_contra]):
    """A declared column: its name, type and description, and how to read its value."""

    name: str
    type: ColumnType
    description: str
    get: Callable[[T_contra], Value]
    item: Literal["string", "integer"] = "string"
    foreign_key: ForeignKey | None = None


def value(item: object) -> Value:
    """A model value as a table value (checked: a model field of another shape is a bug)."""
    if item is None or isinstance(item, str | int | float | dt.date):
        return item
    if isinstance(item, tuple) and all(isinstance(i, str | int) for i in item):
        return item
    raise TypeError(f"no table value for {item!r}")


def field(
    model: type[BaseModel],
    name: str,
    of: Callable[[T_contra], Part | None],
    *,
    column: str | None = None,
    prefix: str = "",
) -> Col[T_contra]:
    """The column of a model field, read through ``of`` (the row's instance of ``model``,
    None when the row has none: the value is unknown).

    A reference is named ``<field>_id`` and a country code keeps its name; a
    single reference to one kind and a country code get a foreign key. The
    description is the field's, reST ````code```` written as Markdown ```code```.
    """
    spec = field_spec(model, name)
    kind = _TYPES[spec.scalar]
    kinds = None if spec.many else spec.refers_to
    named = column or prefix + (f"{name}_id" if kinds else name)
    key = None
    if kinds is not None and len(kinds) == 1:
        key = ForeignKey((named,), RECORD_TYPES[kinds[0]].folder)
    elif spec.country and not spec.many:
        key = ForeignKey((named,), "countries", ("alpha2",))

    def get(row: T_contra) -> Value:
        instance = of(row)
        return None if instance is None else value(getattr(instance, name))

    return Col(
        named,
        "list" if spec.many else kind,
        spec.description.replace("``", "`"),
        get,
        item="integer" if spec.many and kind == "integer" else "string",
        foreign_key=key,
    )


def fields(
    model: type[BaseModel],
    names: str,
    of: Callable[[T_contra], Part | None],
    *,
    prefix: str = "",
) -> list[Col[T_contra]]:
    """The columns of several fields of ``model`` (names separated by spaces)."""
    return [field(model, name, of, prefix=prefix) for name in names.split()]


def own(model: type[M], names: str) -> list[Col[M]]:
    """Columns of a record table's own fields: the row is the record."""
    return fields(model, names, itself)


def itself(record: M) -> M:
    """The row itself (a record table's rows are its records)."""
    return record


def derived(
    name: str,
    kind: ColumnType,
    description: str,
    get: Callable[[T_contra], Value],
    *,
    item: Literal["string", "integer"] = "string",
    foreign_key: ForeignKey | None = None,
) -> Col[T_contra]:
    """A column no model field holds: a code, a join, a position."""
    return Col(name, kind, description, get, item, foreign_key)


def interval(
    of: Callable[[T_contra], DateInterval | None], prefix: str, *, wikidata: bool = False
) -> list[Col[T_contra]]:
    """The bounds and precision of a date interval (its derivations have their own table)."""
    columns = fields(DateInterval, "earliest latest precision", of, prefix=f"{prefix}_")
    if wikidata:
        columns.append(
            derived(
                f"{prefix}_wikidata_precision",
                "integer",
                "Wikidata precision: 9 year, 10 month, 11 day.",
                lambda row: (
                    None if (date := of(row)) is None else wikidata_precision(date.precision)
                ),
            )
        )
    return columns


def location(
    of: Callable[[T_contra], Location | None], prefix: str = "", *, with_alpha3: bool = False
) -> list[Col[T_contra]]:
    """The columns of a place (None: unknown), each named ``prefix`` + the field's name.

    City and country; the country's alpha-3 code (``with_alpha3``) and
    Correlates of War number; venue, GeoNames id and coordinates; and
    ``location_precision``, how exactly the place is known.
    """

    def country(row: T_contra) -> str | None:
        place = of(row)
        return None if place is None else place.country

    codes: list[Col[T_contra]] = [
        derived(
            f"{prefix}country_alpha3",
            "string",
            "ISO 3166-1 alpha-3 code of the country.",
            lambda row: alpha3(country(row)),
        )
    ]
    return [
        *fields(Location, "city country", of, prefix=prefix),
        *(codes if with_alpha3 else []),
        cow_of(f"{prefix}country", country),
        *fields(Location, "venue geonames_id latitude longitude", of, prefix=prefix),
        derived(
            "location_precision",
            "string",
            "How exactly the place is known: venue, city, country or unknown (as ACLED).",
            lambda row: "unknown" if (place := of(row)) is None else place.precision,
        ),
    ]


def cow_of(name: str, alpha2: Callable[[T_contra], str | None]) -> Col[T_contra]:
    """``<name>_cow``: the Correlates of War state number of the country ``alpha2`` gives."""
    return derived(
        f"{name}_cow",
        "integer",
        "Correlates of War state number of the country.",
        lambda row: cow(alpha2(row)),
    )


def table(
    name: str,
    description: str,
    columns: Sequence[Col[T_contra]],
    rows: Iterable[T_contra],
    *,
    primary_key: tuple[str, ...] = ("id",),
) -> Table:
    """A table of ``columns`` with a row per item of ``rows``.

    Primary-key columns are the required ones; foreign keys are the columns'.
    """
    names = [c.name for c in columns]
    twice = sorted({n for n in names if names.count(n) > 1})
    if twice:
        raise ValueError(f"{name}: columns named twice: {twice}")
    return Table(
        name,
        description,
        tuple(
            Column(c.name, c.type, c.description, c.item, c.name in primary_key) for c in columns
        ),
        primary_key,
        tuple(c.foreign_key for c in columns if c.foreign_key is not None),
        tuple({c.name: c.get(row) for c in columns} for row in rows),
    )
