"""A draft for people and machines: YAML files with what to confirm, JSON, and edits as diffs.

The JSON form is stable (README, "pakru draft"): ``{"source": {...},
"records": [...], "edits": [...]}``; each record is its model form, as the
JSON export's ``records.json`` holds it, plus ``draft: {confidence, confirm,
nulls}``; each edit is ``{"id", "field", "value", "op", "evidence" | "rule", "why"}``.
"""

import datetime as dt
import difflib
import io
import json
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import yaml

from pakru.draft.model import Draft, Edit, Proposal, as_record
from pakru.schema.record import RECORD_TYPES
from pakru.tools.fmt import format_text, round_trip


def record_json(proposal: Proposal) -> dict[str, Any]:
    """A proposal as ``records.json`` holds a record, with its ``draft`` block."""
    data: dict[str, Any] = as_record(proposal).model_dump(mode="json")
    data["draft"] = {
        "confidence": proposal.confidence,
        "confirm": list(proposal.confirm),
        "nulls": dict(proposal.nulls),
    }
    return data


def to_json(draft: Draft) -> str:
    """The stable JSON form of a draft."""
    out = {
        "source": draft.source,
        "records": [record_json(p) for p in draft.records],
        "edits": [e.as_json() for e in draft.edits],
        "acts": draft.acts,
    }
    return json.dumps(out, ensure_ascii=False, indent=1, default=str) + "\n"


def path_of(records: Path, kind: str, record_id: str) -> Path:
    """Where a record of ``kind`` lives in the tree: ``<folder>/<id>.yaml``."""
    return records / RECORD_TYPES[kind].folder / f"{record_id}.yaml"


def _comment(line: str) -> str:
    return "# " + " ".join(line.split())


def to_yaml(proposal: Proposal) -> str:
    """The record file: a head of comments (confidence, what to confirm, why a field is
    null), then the record in ``pakru fmt``'s canonical form."""
    data = _lists(as_record(proposal).model_dump(exclude_defaults=True))
    body = yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=4096)
    head = [f"draft: confidence {proposal.confidence}; delete these lines once confirmed"]
    head += [f"confirm: {item}" for item in proposal.confirm]
    head += [f"null {name}: {why}" for name, why in proposal.nulls.items()]
    text = "".join(_comment(line) + "\n" for line in head) + body
    return format_text(text, f"{proposal.id}.yaml")


def _lists(value: Any) -> Any:
    """Tuples as lists, for the YAML writer (dates stay dates: plain in YAML)."""
    if isinstance(value, dict):
        return {k: _lists(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_lists(v) for v in value]
    if isinstance(value, dt.date):  # a new object each time: a shared one becomes a YAML alias
        return dt.date(value.year, value.month, value.day)
    return value


def source_json(source: dict[str, Any]) -> dict[str, Any]:
    """The source record as plain JSON values."""
    loaded: dict[str, Any] = json.loads(json.dumps(source, default=str))
    return loaded


def edited(text: str, edits: list[Edit], path: str) -> str:
    """A record file's text with ``edits`` applied (comments and order kept, then
    ``pakru fmt``'s canonical form)."""
    yml = round_trip()
    document = yml.load(text)
    for edit in edits:
        value = _lists(edit.value)
        if edit.op == "append":
            items = document.get(edit.field) or []
            document[edit.field] = [*items, value]
        else:
            document[edit.field] = value
    out = io.StringIO()
    yml.dump(document, out)
    return format_text(out.getvalue(), path)


def diff(
    records: Path, kind_of: Mapping[str, str], edits: list[Edit]
) -> tuple[str, dict[Path, str]]:
    """The unified diff of every edit, and the new text of each file it changes."""
    by_id: dict[str, list[Edit]] = {}
    for edit in edits:
        if edit.field != "-":
            by_id.setdefault(edit.id, []).append(edit)
    shown: list[str] = []
    changed: dict[Path, str] = {}
    for record_id, group in by_id.items():
        path = path_of(records, kind_of[record_id], record_id)
        before = path.read_text(encoding="utf-8")
        after = edited(before, group, str(path))
        changed[path] = after
        name = path.relative_to(records).as_posix()
        shown += difflib.unified_diff(
            before.splitlines(keepends=True),
            after.splitlines(keepends=True),
            f"a/{name}",
            f"b/{name}",
        )
    return "".join(shown), changed
