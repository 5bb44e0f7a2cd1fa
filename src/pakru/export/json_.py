"""JSON: ``<table>.json`` (an array of objects per table), ``meta.json``, ``records.json``.

Lists are arrays, unknown values null, dates ISO strings. ``records.json``
holds every record in its model form; ``records.schema.json`` beside it (the
same file as ``schema/json/records.schema.json``) is its JSON Schema, so
``check-jsonschema --schemafile records.schema.json records.json`` checks it.
"""

import datetime as dt
import json
from collections.abc import Mapping
from pathlib import Path

from pakru.export.model import Column, Row, Table, Value
from pakru.tools.atomic import write_text


def to_json(value: Value) -> object:
    """A value as JSON data: dates as ISO strings, lists as arrays, null for unknown."""
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, tuple):
        return list(value)
    return value


def from_json(column: Column, data: object) -> Value:
    """Inverse of :func:`to_json`; raises ``TypeError`` on data of the wrong shape."""
    if column.type == "list":
        if not isinstance(data, list):
            raise TypeError(f"column {column.name!r}: expected an array, got {data!r}")
        return tuple(_item(column, i) for i in data)
    if data is None:
        return None
    if column.type == "date" and isinstance(data, str):
        return dt.date.fromisoformat(data)
    if (
        (column.type == "string" and isinstance(data, str))
        or (column.type == "integer" and isinstance(data, int))
        or (column.type == "boolean" and isinstance(data, bool))
    ):
        return data
    if column.type == "number" and isinstance(data, int | float) and not isinstance(data, bool):
        return float(data)
    raise TypeError(f"column {column.name!r}: unexpected value {data!r}")


def _item(column: Column, data: object) -> str | int:
    if column.item == "integer" and isinstance(data, int):
        return data
    if column.item == "string" and isinstance(data, str):
        return data
    raise TypeError(f"column {column.name!r}: unexpected list item {data!r}")


def _dump(data: object, path: Path, lines: bool = False) -> Path:
    if lines and isinstance(data, list):  # JSON Lines: one item per line
        return write_text(path, "".join(json.dumps(i, ensure_ascii=False) + "\n" for i in data))
    return write_text(path, json.dumps(data, ensure_ascii=False, indent=1) + "\n")


def write(
    tables: Mapping[str, Table],
    meta: Mapping[str, str],
    records: list[object],
    out: Path,
    *,
    lines: bool = False,
) -> list[Path]:
    """Write every table, the meta object and the records (with their JSON Schema, in JSON)."""
    suffix = ".jsonl" if lines else ".json"
    written = [
        _dump([{k: to_json(v) for k, v in r.items()} for r in t.rows], out / f"{n}{suffix}", lines)
        for n, t in tables.items()
    ]
    written.append(_dump(dict(meta), out / "meta.json"))
    written.append(_dump(records, out / f"records{suffix}", lines))
    if not lines:
        from pakru.schema.jsonschema import render, schemas  # noqa: PLC0415 - only when writing

        schema = out / "records.schema.json"
        written.append(write_text(schema, render(schemas()["records.schema.json"])))
    return written


def read(
    out: Path, like: Mapping[str, Table], *, lines: bool = False
) -> tuple[dict[str, list[Row]], dict[str, str]]:
    """Read the tables named in ``like`` and the meta back."""
    tables = {}
    for name, table in like.items():
        text = (out / f"{name}{'.jsonl' if lines else '.json'}").read_text(encoding="utf-8")
        items = map(json.loads, text.splitlines()) if lines else json.loads(text)
        tables[name] = [{c.name: from_json(c, i[c.name]) for c in table.columns} for i in items]
    meta = json.loads((out / "meta.json").read_text(encoding="utf-8"))
    return tables, meta
