"""Reference pages generated from code: the schema from the models, the rules from the registry."""

import datetime as dt
import types
from collections import defaultdict
from collections.abc import Iterator, Mapping
from typing import Annotated, Any, Literal, Union, get_args, get_origin

from pydantic import BaseModel

from pakru.schema.common import CountryCode, RefTarget
from pakru.schema.record import RECORD_TYPES
from pakru.site.markup import esc, prose, table


def type_md(annotation: Any) -> str:  # noqa: PLR0911 - one return per kind of type
    """A field type for readers, linking to sub-models on the same page."""
    if annotation == CountryCode:
        return "country code"
    origin = get_origin(annotation)
    if origin is Annotated:
        ref = next((m for m in annotation.__metadata__ if isinstance(m, RefTarget)), None)
        if ref is not None:
            return "id of a " + " or ".join(ref.kinds)
        return type_md(get_args(annotation)[0])
    if origin in (Union, types.UnionType):
        parts = [type_md(a) for a in get_args(annotation) if a is not type(None)]
        nullable = type(None) in get_args(annotation)
        return " or ".join(parts) + (" or null" if nullable else "")
    if origin is tuple:
        return f"list of {type_md(get_args(annotation)[0])}"
    if origin is Literal:
        return ", ".join(f"`{v}`" for v in get_args(annotation))
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return f"[{annotation.__name__}](#{annotation.__name__.lower()})"
    names = {str: "text", int: "whole number", bool: "true or false", dt.date: "date (YYYY-MM-DD)"}
    return names.get(annotation, getattr(annotation, "__name__", str(annotation)))


def _default_md(value: Any) -> str:
    if value is None:
        return "`null`"
    if value == ():
        return "`[]`"
    if isinstance(value, bool):
        return f"`{str(value).lower()}`"
    return f"`{value!r}`"


def _submodels(annotation: Any) -> Iterator[type[BaseModel]]:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        yield annotation
    for arg in get_args(annotation):
        yield from _submodels(arg)


def _models() -> list[type[BaseModel]]:
    pending: list[type[BaseModel]] = [t.model for t in RECORD_TYPES.values()]
    ordered: list[type[BaseModel]] = []
    while pending:
        model = pending.pop(0)
        if model not in ordered:
            ordered.append(model)
            for info in model.model_fields.values():
                pending.extend(_submodels(info.annotation))
    return ordered


def schema_page(json_files: Mapping[str, str]) -> str:
    """Fields, types and descriptions of every model, from the models themselves."""
    lines = [
        "# Schema reference",
        "",
        "Generated from the pydantic models in `pakru.schema`. JSON Schema files:",
        "",
        *[f"- [{name}](schema/{name})" for name in sorted(json_files)],
        "",
    ]
    for model in _models():
        doc = (model.__doc__ or "").split("\n\n")[0]
        lines += [f"## {model.__name__} {{#{model.__name__.lower()}}}", "", prose(doc), ""]
        own = list(model.model_fields)
        head = [n for n in ("type", "id") if n in own]
        rows = []
        for name in [*head, *(n for n in own if n not in head)]:
            info = model.model_fields[name]
            kind = "id" if name == "id" else type_md(info.annotation)
            required = "yes" if info.is_required() else f"no (default {_default_md(info.default)})"
            rows.append([f"`{name}`", kind, required, prose(info.description or "")])
        lines += table(["Field", "Type", "Required", "Description"], rows)
    return "\n".join(lines)


def rules_page() -> str:
    """Every validator rule, from the registry."""
    from pakru.validate import rules as _rules  # noqa: F401, PLC0415 - registers the rules
    from pakru.validate.registry import RULES  # noqa: PLC0415

    lines = [
        "# Validator rules",
        "",
        f"`pakru validate` knows {len(RULES)} rules. Select or skip them with "
        "`--select` and `--ignore` (ids or prefixes).",
        "",
    ]
    themes: dict[str, list[Any]] = defaultdict(list)
    for r in sorted(RULES.values(), key=lambda r: r.id):
        themes[r.theme].append(r)
    for theme, rules in themes.items():
        lines += [f"## {esc(theme)}", ""]
        lines += table(
            ["Rule", "Severity", "What it checks"],
            [[f"`{r.id}`", esc(r.severity), prose(r.summary)] for r in rules],
        )
        for r in rules:
            rest = r.doc.split("\n", 1)[1].strip() if "\n" in r.doc else ""
            if rest:
                lines += [f"**`{r.id}`**: {prose(r.summary)}", "", prose(rest), ""]
    return "\n".join(lines)
