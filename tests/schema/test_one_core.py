"""One walker, one normaliser, one sentence splitter, one timeline order.

``pakru.schema.introspect`` is the only module that reads ``model_fields`` or
takes type annotations apart; ``pakru.schema.text`` holds the only whitespace
normaliser and sentence splitter; ``pakru.schema.names`` the only name
matcher; ``pakru.schema.dates.interval_key`` is the only timeline order;
``pakru.acts.policy.announces`` the only test of a quote announcing a meeting.
These tests read the package's source, so a second walker or a private copy
fails the suite with the file and line to look at.
"""

import ast
import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest

import pakru
import pakru.coverage
import pakru.dataset
import pakru.validate.rules.evidence
import pakru.validate.scopes
from pakru.schema import DateInterval
from pakru.schema import dates as schema_dates
from pakru.schema import text as schema_text

ROOT = Path(__file__).resolve().parents[2]
PACKAGE_DIRS = ("src/pakru", "schema", "validate")
"""Where the package's modules live (see ``[tool.setuptools.package-dir]``)."""

INTROSPECT = "schema/introspect.py"
WALKER_NAMES = frozenset({"model_fields", "__pydantic_fields__", "__metadata__"})
"""Attributes only a walker over models or annotations needs."""
ANNOTATION_TOOLS = frozenset({"get_args", "get_origin", "get_type_hints"})
FIELD_HOOKS = {"schema/base.py"}
"""Not walkers: ``Model`` fills each field's description while pydantic builds the class."""

SINGLE = {
    "normalise": "schema/text.py",
    "sentences": "schema/text.py",
    "interval_key": "schema/dates.py",
    "name_forms": "schema/names.py",
    "name_pattern": "schema/names.py",
    "announces": "src/pakru/acts/policy.py",
}
"""Functions defined once; a function of the same job under another name is caught below."""
COPIES = frozenset(
    {"_interval_key", "date_key", "sentence_coverage", "_Normalised", "_quotes", "squash"}
    | {"_forms", "_name_forms", "_pattern", "_form_pattern"}
)
"""Names the old private copies had."""


def _modules() -> Iterator[tuple[str, ast.Module]]:
    for folder in PACKAGE_DIRS:
        for path in sorted((ROOT / folder).rglob("*.py")):
            name = path.relative_to(ROOT).as_posix()
            yield name, ast.parse(path.read_text(encoding="utf-8"), filename=name)


def test_the_package_sources_are_found() -> None:
    names = [name for name, _ in _modules()]
    assert INTROSPECT in names
    assert "src/pakru/coverage.py" in names
    assert len(names) > 40


def test_only_introspect_reads_model_fields_or_annotations() -> None:
    offenders = []
    for name, tree in _modules():
        if name == INTROSPECT:
            continue
        for node in ast.walk(tree):
            if name in FIELD_HOOKS and getattr(node, "attr", "") == "__pydantic_fields__":
                continue
            if isinstance(node, ast.Attribute) and node.attr in WALKER_NAMES:
                offenders.append(f"{name}:{node.lineno}: .{node.attr}")
            elif isinstance(node, ast.Name) and node.id in ANNOTATION_TOOLS:
                offenders.append(f"{name}:{node.lineno}: {node.id}")
            elif isinstance(node, ast.alias) and node.name in ANNOTATION_TOOLS:
                offenders.append(f"{name}: imports {node.name}")
    assert offenders == [], "walk models with pakru.schema.introspect instead"


def test_no_recursive_function_takes_a_model_apart() -> None:
    """A function calling itself on ``getattr`` values is a walker: it belongs in introspect."""
    offenders = []
    for name, tree in _modules():
        if name == INTROSPECT:
            continue
        for function in ast.walk(tree):
            if not isinstance(function, ast.FunctionDef):
                continue
            calls = [n for n in ast.walk(function) if isinstance(n, ast.Call)]
            recursive = any(
                isinstance(c.func, ast.Name) and c.func.id == function.name for c in calls
            )
            uses_getattr = any(
                isinstance(c.func, ast.Name) and c.func.id == "getattr" for c in calls
            )
            if recursive and uses_getattr:
                offenders.append(f"{name}:{function.lineno}: {function.name}")
    assert offenders == []


def test_normaliser_splitter_and_sort_key_are_defined_once() -> None:
    defined: dict[str, list[str]] = {}
    for name, tree in _modules():
        for node in ast.walk(tree):
            if isinstance(node, ast.FunctionDef | ast.ClassDef) and (
                node.name in SINGLE or node.name in COPIES
            ):
                defined.setdefault(node.name, []).append(name)
    assert defined == {key: [home] for key, home in SINGLE.items()}


def _joins_split_words(node: ast.AST) -> bool:
    """``" ".join(text.split())``: a whitespace normaliser written inline."""
    return (
        isinstance(node, ast.Call)
        and isinstance(node.func, ast.Attribute)
        and node.func.attr == "join"
        and isinstance(node.func.value, ast.Constant)
        and node.func.value.value == " "
        and len(node.args) == 1
        and isinstance(node.args[0], ast.Call)
        and isinstance(node.args[0].func, ast.Attribute)
        and node.args[0].func.attr == "split"
        and not node.args[0].args
    )


def test_no_inline_whitespace_normaliser() -> None:
    inline = [
        f"{name}:{node.lineno}"
        for name, tree in _modules()
        for node in ast.walk(tree)
        if _joins_split_words(node) and name != SINGLE["normalise"]  # the one normaliser
    ]
    assert inline == [], "use pakru.schema.text.normalise"


def test_the_phrases_announcing_a_meeting_are_listed_once() -> None:
    homes = [
        name
        for name, tree in _modules()
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant)
        and isinstance(node.value, str)
        and r"\bnext meeting\b" in node.value
    ]
    assert homes == ["src/pakru/acts/policy.py"]


def test_the_yaml_11_boolean_words_are_listed_once() -> None:
    homes = [
        name
        for name, tree in _modules()
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant)
        and isinstance(node.value, str)
        and "yes|Yes|YES" in node.value
    ]
    assert homes == ["validate/parse.py"]


@pytest.mark.parametrize(
    ("module", "name", "home"),
    [
        (pakru.coverage, "sentences", schema_text.sentences),
        (pakru.coverage, "NormalisedText", schema_text.NormalisedText),
        (pakru.validate.rules.evidence, "normalise", schema_text.normalise),
        (pakru.validate.scopes, "normalise", schema_text.normalise),
        (pakru.dataset, "interval_key", schema_dates.interval_key),
    ],
)
def test_users_call_the_single_definition(module: object, name: str, home: object) -> None:
    assert getattr(module, name) is home


def test_timeline_follows_interval_key() -> None:
    ds = pakru.load([ROOT / "tests" / "library" / "fixtures" / "records"])
    timeline = ds.timeline()
    assert list(timeline) == sorted(
        timeline, key=lambda r: (*schema_dates.interval_key(r.date), r.id)
    )


def test_interval_key_orders_open_and_unknown_intervals() -> None:
    def interval(earliest: str | None, latest: str | None) -> DateInterval:
        return DateInterval(
            earliest=dt.date.fromisoformat(earliest) if earliest else None,
            latest=dt.date.fromisoformat(latest) if latest else None,
            precision="range",
        )

    unknown = DateInterval(earliest=None, latest=None, precision="unknown")
    ordered = [
        interval(None, "2018-03-03"),  # open start ("on or before"): first, not a March point
        interval("2018-03-01", "2018-03-02"),
        interval("2018-03-03", "2018-03-31"),
        interval("2018-03-03", None),  # open at the end: after every closed interval that day
        unknown,
    ]
    shuffled = [ordered[i] for i in (4, 2, 0, 3, 1)]
    assert sorted(shuffled, key=schema_dates.interval_key) == ordered
