"""Derivations: how a phrase of a source, another record or a reference package gives a value.

One module per kind, each rule one function, shared by the validator, the
docs and the coverage report:

- :mod:`~pakru.validate.derive.dates` — date intervals (``DateRule``);
- :mod:`~pakru.validate.derive.places` — cities, countries, GeoNames ids and
  coordinates (``PlaceRule``);
- :mod:`~pakru.validate.derive.sides` — participants' sides, people's and
  bodies' countries (``CountryRule``);
- :mod:`~pakru.validate.derive.ordinals` — ordinals (``OrdinalRule``);
- :mod:`~pakru.validate.derive.names` — aliases: other forms of a printed
  name (``NameRule``).

A value derived by a rule is recorded with the rule, the source and the
quote; the validator recomputes it and reports a value the rule does not
reproduce. Outside knowledge enters only here, through the named, versioned
reference packages of :mod:`pakru.schema.reference`.
"""

import ast
import importlib
import inspect
import itertools
import re
from collections.abc import Iterator

from pydantic import BaseModel

from pakru.schema import BaseDerivation, Body, Event, Location, Meeting, Person, Record, Source
from pakru.schema.derivations import CountryRule, NameRule, OrdinalRule, PlaceRule
from pakru.schema.introspect import find
from pakru.validate.derive.dates import (
    Anchors,
    Bounds,
    UnderivableError,
    derive,
    fmt,
    intersect,
    month_bounds,
    precision_of,
    within,
)

__all__ = [
    "PLACE_FIELDS",
    "Anchors",
    "Bounds",
    "UnderivableError",
    "derivation_kinds",
    "derivation_rules",
    "derivations",
    "derive",
    "derived_fields",
    "fmt",
    "intersect",
    "month_bounds",
    "precision_of",
    "within",
]

PLACE_FIELDS = {
    "dateline-here": ("city",),
    "dateline-venue": ("city",),
    "gazetteer-city": ("country", "geonames_id", "latitude", "longitude"),
    "gazetteer-country": ("country", "geonames_id"),
}
"""The location fields each place rule gives."""


def derivation_kinds() -> dict[str, object]:
    """Kind of derived value → the ``Literal`` listing its rules (documented by its docstring)."""
    from pakru.schema.dates import DateRule  # noqa: PLC0415 - keeps the names in one list

    return {
        "date": DateRule,
        "place": PlaceRule,
        "country": CountryRule,
        "ordinal": OrdinalRule,
        "name": NameRule,
    }


_KIND_ALIASES = {
    "date": ("pakru.schema.dates", "DateRule"),
    "place": ("pakru.schema.derivations", "PlaceRule"),
    "country": ("pakru.schema.derivations", "CountryRule"),
    "ordinal": ("pakru.schema.derivations", "OrdinalRule"),
    "name": ("pakru.schema.derivations", "NameRule"),
}
_BULLET = re.compile(r"^- (?P<names>(?:``[a-z-]+``(?: / )?)+):\s*(?P<text>.*)$")


def _alias_doc(module: str, name: str) -> str:
    """The docstring written under ``name = Literal[...]`` in ``module`` (read from source)."""
    tree = ast.parse(inspect.getsource(importlib.import_module(module)))
    for node, after in itertools.pairwise(tree.body):
        targets = node.targets if isinstance(node, ast.Assign) else []
        named = any(isinstance(t, ast.Name) and t.id == name for t in targets)
        if named and isinstance(after, ast.Expr) and isinstance(after.value, ast.Constant):
            return inspect.cleandoc(str(after.value.value))
    return ""


def derivation_rules() -> dict[str, dict[str, str]]:
    """Kind → rule → what it does, from the rule lists' docstrings in :mod:`pakru.schema`
    (one list per kind, written once; the docs' rule list is built from it)."""
    out: dict[str, dict[str, str]] = {}
    for kind, (module, name) in _KIND_ALIASES.items():
        rules: dict[str, str] = {}
        names: list[str] = []
        for line in _alias_doc(module, name).splitlines():
            if match := _BULLET.match(line):
                names = re.findall(r"``([a-z-]+)``", match["names"])
                rules.update(dict.fromkeys(names, match["text"]))
            elif line.startswith("  "):
                for rule_name in names:
                    rules[rule_name] = f"{rules[rule_name]} {line.strip()}".strip()
        out[kind] = rules
    return out


def derivations(record: Record) -> Iterator[tuple[tuple[str | int, ...], BaseDerivation]]:
    """Every derivation a record holds, at any depth, with its location."""
    return find(record, BaseDerivation)


def _location_fields(prefix: str, location: Location) -> Iterator[str]:
    for d in location.derivations:
        yield from (f"{prefix}.{name}" for name in PLACE_FIELDS[d.rule])


def derived_fields(record: BaseModel) -> frozenset[str]:
    """Dotted names of the record's own fields that a derivation gives (not sub-records')."""
    out: set[str] = set()
    location = getattr(record, "location", None)
    if isinstance(location, Location):
        out.update(_location_fields("location", location))
    if isinstance(record, Person | Body) and record.derivations:
        out.add("country")
    if isinstance(record, Meeting) and record.derivations:
        out.add("ordinal")
    if isinstance(record, Event) and record.derivations:
        out.add("aliases")
    if isinstance(record, Source) and record.publication and record.publication.derivations:
        out.add("publication")
    return frozenset(out)
