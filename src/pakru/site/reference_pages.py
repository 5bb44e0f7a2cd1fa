"""Reference pages generated from code: the schema from the models, the rules from the registry."""

import datetime as dt
from collections import defaultdict
from collections.abc import Mapping
from typing import Any

from pakru.schema.introspect import FieldSpec, fields, models
from pakru.schema.record import RECORD_TYPES
from pakru.site.markup import attr, esc, prose, table

_SCALARS = {str: "text", int: "whole number", bool: "true or false", dt.date: "date (YYYY-MM-DD)"}


def type_md(spec: FieldSpec) -> str:
    """A field's type for readers, from what :mod:`pakru.schema.introspect` says it is."""
    if spec.name == "id" and spec.refers_to is None:
        one = "id"
    elif spec.refers_to is not None:
        one = "id of a " + " or ".join(spec.refers_to)
    elif spec.country:
        one = "country code"
    elif spec.model is not None:
        one = f"[{spec.model.__name__}](#{spec.model.__name__.lower()})"
    elif spec.choices is not None:
        one = ", ".join(f"`{v}`" for v in spec.choices)
    else:
        one = _SCALARS.get(spec.item, getattr(spec.item, "__name__", str(spec.item)))
    shown = f"list of {one}" if spec.many else one
    return shown + (" or null" if spec.optional else "")


def _default_md(value: Any) -> str:
    if value is None:
        return "`null`"
    if value == ():
        return "`[]`"
    if isinstance(value, bool):
        return f"`{str(value).lower()}`"
    return f"`{value!r}`"


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
    for model in models(t.model for t in RECORD_TYPES.values()):
        doc = (model.__doc__ or "").split("\n\n")[0]
        # the heading's id is its slug, the name in lower case, as type_md links it
        lines += [f"## {model.__name__}", "", prose(doc), ""]
        specs = fields(model)
        head = [f for f in specs if f.name in ("type", "id")]
        rows = []
        for spec in [*head, *(f for f in specs if f not in head)]:
            required = "yes" if spec.required else f"no (default {_default_md(spec.default)})"
            rows.append([f"`{spec.name}`", type_md(spec), required, prose(spec.description)])
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
            [[_anchored(r.id), esc(r.severity), prose(r.summary)] for r in rules],
        )
        for r in rules:
            rest = r.doc.split("\n", 1)[1].strip() if "\n" in r.doc else ""
            if rest:
                lines += [f"**`{r.id}`**: {prose(r.summary)}", "", prose(rest), ""]
    return "\n".join([*lines, *_derivation_rules()])


def _anchored(rule_id: str) -> str:
    """The rule's id, carrying its row's anchor: SARIF's ``helpUri`` points here.

    A span, not a link to itself: the theme colours code in a link below the
    contrast the pages keep in the dark scheme.
    """
    return f'<span id="{attr(rule_id)}">`{rule_id}`</span>'


def _derivation_rules() -> list[str]:
    """Every derivation rule, from the rule lists' docstrings (``validate.derive``)."""
    from pakru.schema.reference import versions  # noqa: PLC0415
    from pakru.validate.derive import derivation_rules  # noqa: PLC0415

    packages = ", ".join(f"`{name}` {version}" for name, version in sorted(versions().items()))
    lines = [
        "## Derivation rules",
        "",
        "A value no report states word for word is recorded with the rule that derives it, "
        "the source and the quote; the `dates.*`, `places.*`, `sides.*` and "
        "`series.ordinal-derived` rules recompute each one and report a value its rule does "
        "not reproduce. Outside knowledge enters only through the reference packages "
        f"({packages}) and the rules below.",
        "",
    ]
    for kind, rules in derivation_rules().items():
        lines += [f"### {esc(kind.capitalize())}", ""]
        lines += table(
            ["Rule", "What it derives"], [[f"`{n}`", prose(t)] for n, t in rules.items()]
        )
    return lines
