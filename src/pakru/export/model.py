"""The table model: what every export format writes, a :class:`Table` of typed :class:`Column`\\ s.

Values are Python values: ``str``, ``int``, ``float``, ``bool``, ``datetime.date``,
tuples for list columns (never null: an empty list is ``()``) and None for
unknown. The tables are declared in :mod:`pakru.export.definitions` (with the
builders of :mod:`pakru.export.columns`); each format module spells the values.
"""

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cached_property
from typing import Literal, TypeAlias

Scalar: TypeAlias = str | int | float | bool | dt.date | None
Value: TypeAlias = Scalar | tuple[str | int, ...]
Row: TypeAlias = dict[str, Value]
ColumnType = Literal["string", "integer", "number", "boolean", "date", "list"]


@dataclass(frozen=True)
class Column:
    """One column: name, type, description; list columns say what their items are."""

    name: str
    type: ColumnType
    description: str
    item: Literal["string", "integer"] = "string"
    required: bool = False


@dataclass(frozen=True)
class ForeignKey:
    """Columns of this table referring to the primary key of ``table``."""

    columns: tuple[str, ...]
    table: str
    refers_to: tuple[str, ...] = ("id",)


@dataclass(frozen=True)
class Table:
    """A table: its columns, keys and rows."""

    name: str
    description: str
    columns: tuple[Column, ...]
    primary_key: tuple[str, ...]
    foreign_keys: tuple[ForeignKey, ...]
    rows: tuple[Row, ...]

    @property
    def column_names(self) -> tuple[str, ...]:
        """The column names, in order."""
        return tuple(c.name for c in self.columns)

    def values(self, column: str) -> list[Value]:
        """The column's values, in row order: made once, for every format that writes the
        table a column at a time (CSV, SQLite, Parquet)."""
        made = self._values
        if column not in made:
            made[column] = [row[column] for row in self.rows]
        return made[column]

    @cached_property
    def _values(self) -> dict[str, list[Value]]:
        return {}

    @cached_property
    def encoded(self) -> dict[str, object]:
        """What a format made of this table that another writes too, by the format's key:
        the CSV text (``csv`` and ``datapackage``), the rows as JSON (``json`` and
        ``jsonl``). ``--format all`` encodes each once; it lives as long as the table."""
        return {}


class Shared(list[object]):
    """A list (the records, as JSON data) with the encodings the formats made of it, as
    :attr:`Table.encoded`: ``records.json`` and ``records.jsonl`` encode it once."""

    @cached_property
    def encoded(self) -> dict[str, object]:
        """Encodings by format key (see :attr:`Table.encoded`)."""
        return {}


def meta_table(meta: Mapping[str, str]) -> Table:
    """The export's meta as the table ``meta.csv`` holds: one row per key."""
    key = Column("key", "string", "What is named.", required=True)
    columns = (key, Column("value", "string", "Value."))
    rows: tuple[Row, ...] = tuple({"key": k, "value": v} for k, v in meta.items())
    return Table("meta", "Names, versions and licence of this export.", columns, ("key",), (), rows)


__all__ = ["Column", "ColumnType", "ForeignKey", "Row", "Shared", "Table", "Value", "meta_table"]
