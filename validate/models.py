"""Stage 3, models: parsed values → pydantic records, or schema findings at file:line:col."""

import difflib
from dataclasses import dataclass

from pydantic import BaseModel, ValidationError
from pydantic_core import ErrorDetails

from pakru.schema import RECORD_TYPES, Record, record_adapter
from pakru.schema.introspect import Loc, field_path, fields, model_at
from pakru.validate.findings import Finding
from pakru.validate.parse import Parsed


@dataclass(frozen=True)
class Built:
    """A record and the parse it came from."""

    record: Record
    parsed: Parsed


def _rule_and_message(
    error: ErrorDetails, loc: Loc, model: type[BaseModel] | None
) -> tuple[str, str]:
    kind = error["type"]
    if kind == "extra_forbidden":
        key = str(loc[-1])
        parent = model_at(model, loc[:-1])
        names = [f.name for f in fields(parent)] if parent else []
        close = difflib.get_close_matches(key, names, n=1)
        hint = f" (did you mean {close[0]!r}?)" if close else ""
        return "schema.unknown-key", f"unknown key {key!r}{hint}"
    if kind == "missing":
        return "schema.missing-key", f"missing required key {str(loc[-1])!r}"
    if kind in ("union_tag_invalid", "union_tag_not_found"):
        kinds = ", ".join(RECORD_TYPES)
        return "schema.unknown-type", f"'type' must be one of: {kinds}"
    if kind.endswith("_type") or kind in ("date_from_datetime_inexact", "is_instance_of"):
        got = type(error["input"]).__name__
        return "schema.wrong-type", f"{error['msg']} (got {got} {error['input']!r})"
    return "schema.invalid-value", error["msg"]


def _schema_finding(parsed: Parsed, error: ErrorDetails) -> Finding:
    loc: Loc = tuple(error["loc"])
    type_name = parsed.data.get("type")
    record_type = RECORD_TYPES.get(type_name) if isinstance(type_name, str) else None
    if record_type is not None and loc and loc[0] == type_name:
        loc = loc[1:]  # the discriminated union puts the tag first
    model = record_type.model if record_type else None
    rule, message = _rule_and_message(error, loc, model)
    if rule == "schema.unknown-key":
        line, column = parsed.position(loc, key=True)
        shown = field_path(loc[:-1])
    elif rule == "schema.missing-key":
        line, column = parsed.position(loc[:-1])
        shown = field_path(loc[:-1])
    else:
        line, column = parsed.position(loc)
        shown = field_path(loc)
    record_id = parsed.data.get("id")
    return Finding(
        parsed.path,
        line,
        column,
        rule,
        "error",
        message,
        field=shown,
        record=record_id if isinstance(record_id, str) else "",
    )


def build_record(parsed: Parsed) -> Built | list[Finding]:
    """Validate one parsed file against the record models."""
    if "type" not in parsed.data:
        line, column = parsed.position(())
        return [
            Finding(
                parsed.path,
                line,
                column,
                "schema.missing-key",
                "error",
                "missing required key 'type'",
            )
        ]
    try:
        record = record_adapter.validate_python(parsed.data)
    except ValidationError as error:
        errors = _without_consequences(error.errors(include_url=False))
        return sorted(_schema_finding(parsed, e) for e in errors)
    return Built(record, parsed)


def _without_consequences(errors: list[ErrorDetails]) -> list[ErrorDetails]:
    """Drop a "too short" error on a list whose own items failed: it follows from them."""
    inner = {tuple(e["loc"][:n]) for e in errors for n in range(len(e["loc"]))}
    return [e for e in errors if not (e["type"] == "too_short" and tuple(e["loc"]) in inner)]
