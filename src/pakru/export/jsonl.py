"""JSON Lines: ``<table>.jsonl`` (one object per line), ``meta.json``, ``records.jsonl``.

Values are spelt as in the JSON export; one line per row streams well into
``jq``, DuckDB or ``pandas.read_json(lines=True)``.
"""

import json
from collections.abc import Iterable, Mapping
from pathlib import Path

from pakru.export.json_ import from_json, to_json
from pakru.export.model import Row, Table
from pakru.tools.atomic import write_text


def _lines(items: Iterable[object], path: Path) -> Path:
    return write_text(path, "".join(json.dumps(item, ensure_ascii=False) + "\n" for item in items))


def write(
    tables: Mapping[str, Table], meta: Mapping[str, str], records: list[object], out: Path
) -> list[Path]:
    """Write every table, the meta object and the records."""
    written = [
        _lines(({k: to_json(v) for k, v in row.items()} for row in t.rows), out / f"{name}.jsonl")
        for name, t in tables.items()
    ]
    meta_path = out / "meta.json"
    write_text(meta_path, json.dumps(dict(meta), ensure_ascii=False, indent=1) + "\n")
    written.append(meta_path)
    written.append(_lines(records, out / "records.jsonl"))
    return written


def read(out: Path, like: Mapping[str, Table]) -> tuple[dict[str, list[Row]], dict[str, str]]:
    """Read the tables named in ``like`` and the meta back."""
    tables = {}
    for name, table in like.items():
        lines = (out / f"{name}.jsonl").read_text(encoding="utf-8").splitlines()
        tables[name] = [
            {c.name: from_json(c, item[c.name]) for c in table.columns}
            for item in map(json.loads, lines)
        ]
    meta = json.loads((out / "meta.json").read_text(encoding="utf-8"))
    return tables, meta
