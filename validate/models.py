"""Stage 3, models: parsed values → pydantic records, or schema findings at file:line:col."""

import difflib
import types
from dataclasses import dataclass
from typing import Annotated, Any, Union, get_args, get_origin

from pydantic import BaseModel, ValidationError
from pydantic_core import ErrorDetails

from pakru.schema import RECORD_TYPES, Record, record_adapter
from pakru.validate.findings import Finding
from pakru.validate.parse import Loc, Parsed


@dataclass(frozen=True)
class Built:
    """A record and the parse it came from."""

    record: Record
    parsed: Parsed


def field_path(loc: Loc) -> str:
    """``("participants", 0, "ref")`` → ``participants[0].ref``."""
    out = ""
    for part in loc:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else part)
    return out


def submodel(annotation: Any) -> type[BaseModel] | None:
    """The model class inside an annotation such as ``tuple[Participant, ...] | None``."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    origin = get_origin(annotation)
    if origin in (Union, types.UnionType, tuple, Annotated):
        for arg in get_args(annotation):
            if (found := submodel(arg)) is not None:
                return found
    return None


def _model_at(model: type[BaseModel] | None, loc: Loc) -> type[BaseModel] | None:
    for part in loc:
        if model is None:
            return None
        if isinstance(part, str):
            info = model.model_fields.get(part)
            model = submodel(info.annotation) if info else None
    return model


def _rule_and_message(
    error: ErrorDetails, loc: Loc, model: type[BaseModel] | None
) -> tuple[str, str]:
    kind = error["type"]
    if kind == "extra_forbidden":
        key = str(loc[-1])
        parent = _model_at(model, loc[:-1])
        names = list(parent.model_fields) if parent else []
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


def build(parsed: Parsed) -> Built | list[Finding]:
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
