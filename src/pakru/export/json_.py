"""JSON: ``<table>.json`` (an array of objects per table), ``meta.json``, ``records.json``.

Lists are arrays, unknown values null, dates ISO strings. An array holds one
object per line, each spelt as the line of the JSON Lines export
(:mod:`pakru.export.jsonl`, which this module writes too): the rows are
encoded once for both. ``records.json``
holds every record in its model form; ``records.schema.json`` beside it (the
same file as ``schema/json/records.schema.json``) is its JSON Schema, so
``check-jsonschema --schemafile records.schema.json records.json`` checks it.
"""

import datetime as dt
import json
from collections.abc import Mapping
from pathlib import Path

from pakru.export.model import Column, Row, Shared, Table, Value
from pakru.tools.atomic import write_bytes, write_text


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


def _iso(value: object) -> str:
    """The encoder's hook for what JSON has no type for: dates, as :func:`to_json` spells them."""
    if isinstance(value, dt.date):
        return value.isoformat()
    raise TypeError(f"{type(value).__name__} is not a JSON value")


_ENCODER = json.JSONEncoder(ensure_ascii=False, default=_iso)
"""One line per item, as ``json.dumps(to_json(…), ensure_ascii=False)`` spells it (a test
compares them), by the C encoder: tuples are arrays, dates go through :func:`_iso`."""


def row_lines(table: Table) -> list[str]:
    """Each row of ``table`` as one line of JSON, made once for the JSON and JSON Lines files."""
    made = table.encoded.get("json")
    if made is None:
        made = table.encoded["json"] = [_ENCODER.encode(row) for row in table.rows]
    return made  # type: ignore[return-value]  # only this function stores under "json"


def _record_lines(records: list[object]) -> list[str]:
    if isinstance(records, Shared):
        made = records.encoded.get("json")
        if made is None:
            made = records.encoded["json"] = [_ENCODER.encode(r) for r in records]
        return made  # type: ignore[return-value]  # only this function stores under "json"
    return [_ENCODER.encode(r) for r in records]


def _write_lines(items: list[str], path: Path, lines: bool) -> Path:
    """JSON Lines (one item a line), or a JSON array of the same lines."""
    if lines:
        return write_text(path, "".join(item + "\n" for item in items))
    return write_text(path, "[\n" + ",\n".join(items) + ("\n]\n" if items else "]\n"))


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
    written = [_write_lines(row_lines(t), out / f"{n}{suffix}", lines) for n, t in tables.items()]
    written.append(
        write_text(out / "meta.json", json.dumps(dict(meta), ensure_ascii=False, indent=1) + "\n")
    )
    written.append(_write_lines(_record_lines(records), out / f"records{suffix}", lines))
    if not lines:
        from pakru.schema.jsonschema import JSON_DIR  # noqa: PLC0415 - only when writing

        # the committed file, which a test keeps equal to what the models generate
        schema = out / "records.schema.json"
        written.append(write_bytes(schema, (JSON_DIR / "records.schema.json").read_bytes()))
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
