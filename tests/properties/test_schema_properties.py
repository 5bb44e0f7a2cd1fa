"""Properties of the models, the committed JSON Schema and the YAML round trip."""

import json
from typing import Any, get_args

import jsonschema
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis_jsonschema import from_schema
from pydantic import ValidationError

from pakru.schema import RECORD_TYPES, record_adapter
from pakru.schema.derivations import CountryRule, PlaceRule
from pakru.schema.jsonschema import JSON_DIR
from pakru.validate.models import Built, build_record
from pakru.validate.parse import Parsed, parse
from pakru.validate.read import Text
from tests.properties import strategies as st_pakru


def _validator(name: str) -> jsonschema.Draft202012Validator:
    schema = json.loads((JSON_DIR / f"{name}.schema.json").read_text(encoding="utf-8"))
    return jsonschema.Draft202012Validator(
        schema, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER
    )


VALIDATORS = {name: _validator(name) for name in [*RECORD_TYPES, "record"]}


def _model(data: dict[str, Any]) -> Any:
    """The record the models build from JSON-shaped data (lists, not tuples)."""
    return record_adapter.validate_json(json.dumps(data))


# -- models ⇒ JSON Schema ---------------------------------------------------------


@given(st_pakru.records())
def test_models_accept_implies_json_schema_accepts(data: dict[str, Any]) -> None:
    record = _model(data)  # the strategies build model-valid records
    dumped = record.model_dump(mode="json")
    for name in (record.type, "record"):
        errors = [e.message for e in VALIDATORS[name].iter_errors(dumped)]
        assert errors == [], (name, errors)
    # what was written is what the model holds
    assert _model(dumped) == record


# -- JSON Schema ⇒ models (with the documented exceptions) ----------------------

EXCEPTIONS = """
What the JSON Schema accepts and the models refuse, each on purpose:

1. derivation-arguments: a Derivation takes ``value`` only for ``stated-*``
   rules, ``weekday`` only for ``weekday-before-publication`` and ``anchor``
   only for ``*-record`` rules (a pydantic model validator; the exported
   schema lists the three as optional for every rule).
2. json-integer: JSON Schema's ``integer`` admits ``1.0``; the strict models
   take only integers for ``ordinal``.
Nothing is accepted by the models and refused by the schema; the converse
property above checks that. Dates were such a case (``date.fromisoformat``
takes ``20180303`` and ``2018-W10-6``); ``IsoDate`` now refuses them, see
``test_iso_date_only_yyyy_mm_dd``.
"""


def _known_exception(data: Any) -> str | None:
    """Which documented exception explains why the models refuse ``data``, if any."""
    for interval in _intervals(data):
        for d in interval.get("derivations", ()):
            rule = d.get("rule", "")
            wants = {
                "value": rule.startswith("stated-"),
                "weekday": rule == "weekday-before-publication",
                "anchor": rule.endswith("-record"),
            }
            if any((d.get(k) is not None) != needed for k, needed in wants.items()):
                return "derivation-arguments"
    for d in _dicts(data):
        if _place_or_country_arguments_mismatch(d):
            return "derivation-arguments"
    if isinstance(data, dict) and isinstance(data.get("ordinal"), float):
        return "json-integer"
    return None


def _place_or_country_arguments_mismatch(d: dict[str, Any]) -> bool:
    """A place or country derivation whose arguments do not fit its rule (model validators)."""
    rule = d.get("rule", "")
    if rule in get_args(PlaceRule):
        wants_dateline = rule.startswith("dateline-")
        bad_source = d.get("dateline_source") is not None and rule != "dateline-here"
        return (d.get("dateline") is not None) != wants_dateline or bad_source
    if rule in get_args(CountryRule):
        wants_anchor = rule in ("side-in-meeting", "venue-country")
        return (d.get("anchor") is not None) != wants_anchor
    return False


def _dicts(value: Any) -> list[dict[str, Any]]:
    found: list[dict[str, Any]] = []
    if isinstance(value, dict):
        found.append(value)
        for item in value.values():
            found.extend(_dicts(item))
    elif isinstance(value, list):
        for item in value:
            found.extend(_dicts(item))
    return found


def _intervals(value: Any) -> list[dict[str, Any]]:
    found: list[dict[str, Any]] = []
    if isinstance(value, dict):
        if "precision" in value:
            found.append(value)
        for item in value.values():
            found.extend(_intervals(item))
    elif isinstance(value, list):
        for item in value:
            found.extend(_intervals(item))
    return found


def _shorter(schema: Any, cap: int = 24) -> Any:
    """The schema with every ``maxLength`` and array size capped: a subset of the committed one.

    Text fields allow 2,000 characters and arrays are unbounded; drawing data
    that large makes most draws overrun Hypothesis's data budget. Every
    instance of the capped schema is an instance of the committed one (the
    test checks it again).
    """
    if isinstance(schema, dict):
        out = {k: _shorter(v, cap) for k, v in schema.items()}
        if out.get("type") == "array":
            out["maxItems"] = max(3, out.get("minItems", 0))
        if isinstance(out.get("maxLength"), int) and "pattern" not in out:
            out["maxLength"] = min(out["maxLength"], max(cap, out.get("minLength", 0)))
        return out
    if isinstance(schema, list):
        return [_shorter(v, cap) for v in schema]
    return schema


def _inlined(schema: Any, defs: dict[str, Any]) -> Any:
    """The schema with every ``$ref`` to ``#/$defs/...`` replaced by its target (none recurse)."""
    if isinstance(schema, dict):
        ref = schema.get("$ref")
        if isinstance(ref, str) and ref.startswith("#/$defs/"):
            rest = {k: v for k, v in schema.items() if k != "$ref"}
            return {**_inlined(defs[ref.removeprefix("#/$defs/")], defs), **rest}
        return {k: _inlined(v, defs) for k, v in schema.items() if k != "$defs"}
    if isinstance(schema, list):
        return [_inlined(v, defs) for v in schema]
    return schema


def _schema_strategy(name: str) -> st.SearchStrategy[Any]:
    schema = json.loads((JSON_DIR / f"{name}.schema.json").read_text(encoding="utf-8"))
    # hypothesis-jsonschema re-resolves references on every draw; inlining them
    # once makes generation several times faster and changes no instance.
    return from_schema(_shorter(_inlined(schema, schema.get("$defs", {}))))


@pytest.mark.parametrize("kind", sorted(RECORD_TYPES))
def test_json_schema_accepts_implies_models_accept(kind: str) -> None:
    # hypothesis-jsonschema spends most of its time resolving the nested
    # schemas of each draw; a few examples per kind keep the suite fast.
    @settings(max_examples=12)
    @given(_schema_strategy(kind))
    def check(data: Any) -> None:
        assert not list(VALIDATORS[kind].iter_errors(data))
        try:
            record = _model(data)
        except ValidationError as error:
            if _known_exception(data) is None:
                raise AssertionError(f"schema accepts, models refuse: {error}") from error
            return
        assert record.type == kind

    check()


def test_documented_exceptions_are_real() -> None:
    """Each documented exception: the schema accepts, the models refuse."""
    meeting = {
        "type": "meeting",
        "id": "m",
        "title": "t",
        "kind": "other",
        "status": "held",
        "date": {"earliest": None, "latest": None, "precision": "unknown"},
        "location": {"city": None, "country": None, "venue": None},
        "series": None,
        "ordinal": 1,
        "evidence": [{"source": "s", "quote": "abc"}],
    }
    cases = {
        "derivation-arguments": {
            **meeting,
            "date": {
                "earliest": None,
                "latest": None,
                "precision": "unknown",
                "derivations": [
                    {"rule": "publication-day", "source": "s", "quote": "today"},
                    {"rule": "stated-day", "source": "s", "quote": "abc", "weekday": "friday"},
                ],
            },
        },
        "json-integer": {**meeting, "ordinal": 1.0},
    }
    for reason, data in cases.items():
        assert not list(VALIDATORS["meeting"].iter_errors(data)), reason
        with pytest.raises(ValidationError):
            _model(data)
        assert _known_exception(data) == reason
    assert _model(meeting).ordinal == 1


@pytest.mark.parametrize("value", ["20180303", "2018-W10-6", "2018-3-3", "2018-03-03T00:00"])
def test_iso_date_only_yyyy_mm_dd(value: str) -> None:
    source = {
        "type": "source",
        "id": "s",
        "file": "s.txt",
        "title": None,
        "publisher": None,
        "author": None,
        "published": value,
        "evidence": [{"source": "s", "quote": "abc"}],
    }
    assert list(VALIDATORS["source"].iter_errors(source))
    with pytest.raises(ValidationError, match="YYYY-MM-DD"):
        _model(source)


# -- YAML round trip ---------------------------------------------------------------


def _parse_build(text: str) -> Any:
    parsed = parse(Text("records/x.yaml", text))
    assert isinstance(parsed, Parsed), parsed
    assert parsed.warnings == ()
    built = build_record(parsed)
    assert isinstance(built, Built), built
    return built.record


@given(st_pakru.records())
def test_yaml_round_trip(data: dict[str, Any]) -> None:
    record = _model(data)
    text = st_pakru.dump_yaml(record.model_dump(mode="json"))
    assert _parse_build(text) == record


@pytest.mark.parametrize("value", ["1e3", "1.5e3", "-.5e3", "y", "Y", "n", "a\x85b"])
def test_pyyaml_quoting_is_not_enough(value: str) -> None:
    """PyYAML quotes by YAML 1.1, pakru reads by YAML 1.2 core: a writer must quote more.

    Strings like these come back as numbers, null or a warning when dumped
    with PyYAML's own rules, and a raw NEL or U+2028 (which PyYAML writes
    unescaped) is refused, which is why ``dump_yaml`` quotes by the 1.2 core
    schema and double-quotes line-break characters. Any tool that writes
    records (``pakru fmt``) must do the same.
    """

    def read_back(text: str) -> tuple[Any, tuple[Any, ...]]:
        parsed = parse(Text("x.yaml", text))
        if not isinstance(parsed, Parsed):
            return parsed.rule, ()
        return parsed.data["v"], parsed.warnings

    assert read_back(st_pakru.dump_yaml({"v": value}, core_safe=False)) != (value, ())
    assert read_back(st_pakru.dump_yaml({"v": value})) == (value, ())


def test_real_records_dump_and_reparse_identically() -> None:
    import pakru  # noqa: PLC0415

    for record in pakru.load():
        text = st_pakru.dump_yaml(record.model_dump(mode="json"))
        assert _parse_build(text) == record
