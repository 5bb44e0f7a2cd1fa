"""The YAML parser: core-schema scalars, tuples, positions, and the refusals."""

import pytest

from pakru.validate import parse as parse_module
from pakru.validate.findings import Finding
from pakru.validate.parse import MAX_DEPTH, Parsed, parse
from pakru.validate.read import Text


def _ok(text: str) -> Parsed:
    parsed = parse(Text("f.yaml", text))
    assert isinstance(parsed, Parsed), parsed
    return parsed


def _refused(text: str) -> tuple[int, int, str, str]:
    finding = parse(Text("f.yaml", text))
    assert isinstance(finding, Finding), finding
    return finding.line, finding.column, finding.rule, finding.message


def test_core_schema_scalars_and_tuples() -> None:
    parsed = _ok("a: 1\nb: [x, 'yes', true, ~, 2.5, 2018-03-02]\nc: {d: e}\n")
    assert parsed.data == {
        "a": 1,
        "b": ("x", "yes", True, None, 2.5, "2018-03-02"),
        "c": {"d": "e"},
    }


@pytest.mark.parametrize("word", ["NO", "no", "yes", "Yes", "on", "OFF", "y", "n"])
def test_yaml11_booleans_stay_strings_with_a_warning(word: str) -> None:
    parsed = _ok(f"country: {word}\n")
    assert parsed.data == {"country": word}
    assert [(w.line, w.column, w.rule, w.severity) for w in parsed.warnings] == [
        (1, 10, "yaml.ambiguous-scalar", "warning")
    ]


def test_quoted_yaml11_booleans_are_not_warned_about() -> None:
    assert _ok("country: 'NO'\n").warnings == ()


def test_positions_of_values_and_keys() -> None:
    parsed = _ok("id: x\nlocation:\n  city: Moscow\nlist:\n  - a\n  - b\n")
    assert parsed.positions[("location", "city")] == (3, 9)
    assert parsed.key_positions[("location", "city")] == (3, 3)
    assert parsed.positions[("list", 1)] == (6, 5)
    assert parsed.position(("location", "missing")) == (3, 3)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("a: 1\na: 2\n", (2, 1, "yaml.duplicate-key", "duplicate key 'a' (first on line 1)")),
        ("a: &x [1]\nb: *x\n", (1, 4, "yaml.alias", "anchor &x is not allowed in records")),
        ("a: *x\n", (1, 4, "yaml.alias", "alias *x is not allowed in records")),
        ("a: !!map x\n", (1, 4, "yaml.tag", "tag !!map cannot be on a scalar")),
        ("a: !!seq x\n", (1, 4, "yaml.tag", "tag !!seq cannot be on a scalar")),
        ("a: !!str {b: c}\n", (1, 4, "yaml.tag", "tag !!str cannot be on a mapping")),
        ("a: !!map [b]\n", (1, 4, "yaml.tag", "tag !!map cannot be on a sequence")),
        ("a: ! 12\n", (1, 4, "yaml.tag", "the non-specific tag '!' is not allowed in records")),
        ("!!str : b\n", (1, 1, "yaml.key", "a key must not be empty")),
        (
            "a: !!python/object/apply:os.system [ls]\n",
            (
                1,
                4,
                "yaml.tag",
                "tag 'tag:yaml.org,2002:python/object/apply:os.system' is not allowed in records",
            ),
        ),
        ("a: !!int seven\n", (1, 4, "yaml.tag", "'seven' is not a valid !!int")),
        ("", (1, 1, "yaml.empty", "file holds no record")),
        ("# only a comment\n", (1, 1, "yaml.empty", "file holds no record")),
        ("- a\n", (1, 1, "yaml.root", "a record must be a mapping")),
        ("a:\n\tb: 1\n", (2, 1, "yaml.tab", "tab used for indentation; use spaces")),
        (
            "a: [\n",
            (
                2,
                1,
                "yaml.syntax",
                "invalid YAML: expected the node content, but found '<stream end>'",
            ),
        ),
        (
            "a: 1\n---\nb: 2\n",
            (2, 1, "yaml.multiple-documents", "a record file holds exactly one document"),
        ),
        ("[a]: 1\n", (1, 1, "yaml.key", "a key must be a string, not a collection")),
        ("1: a\n", (1, 1, "yaml.key", "key '1' must be a string")),
    ],
)
def test_refusals(text: str, expected: tuple[int, int, str, str]) -> None:
    assert _refused(text) == expected


def test_nesting_is_bounded() -> None:
    text = "a: " + "[" * (MAX_DEPTH + 5) + "]" * (MAX_DEPTH + 5) + "\n"
    line, _, rule, message = _refused(text)
    assert (line, rule, message) == (1, "yaml.too-deep", f"nesting deeper than {MAX_DEPTH} levels")


def test_explicit_core_tags_resolve_strictly() -> None:
    assert _ok("a: !!int '7'\nb: !!str 7\n").data == {"a": 7, "b": "7"}


def test_an_ambiguous_scalar_names_its_field_and_record() -> None:
    parsed = _ok("type: meeting\nid: jwg-ct-07\nlocation:\n  venue: yes\nlist:\n  - on\n")
    assert [w.to_dict() for w in parsed.warnings] == [
        {
            "path": "f.yaml",
            "line": 4,
            "column": 10,
            "rule": "yaml.ambiguous-scalar",
            "severity": "warning",
            "message": "plain 'yes' is a boolean in YAML 1.1 and a string here; quote it",
            "field": "location.venue",
            "record": "jwg-ct-07",
        },
        {
            "path": "f.yaml",
            "line": 6,
            "column": 5,
            "rule": "yaml.ambiguous-scalar",
            "severity": "warning",
            "message": "plain 'on' is a boolean in YAML 1.1 and a string here; quote it",
            "field": "list[0]",
            "record": "jwg-ct-07",
        },
    ]


LONG_BROKEN = {
    "unterminated flow sequence": "type: body\nname: [" + ", ".join(["x"] * 47_000) + "\n",
    "unterminated flow mapping": "type: body\nname: {"
    + ", ".join(f"k{i}: v" for i in range(20_000))
    + "\n",
    "unterminated quoted scalar": 'type: body\nname: "' + "x" * 200_000 + "\n",
    "bad indentation late in a long file": "a:\n"
    + "".join(f"  - b{i}: value\n" for i in range(6_000))
    + " c: [\n",
}


@pytest.mark.parametrize("text", LONG_BROKEN.values(), ids=LONG_BROKEN.keys())
def test_a_long_broken_text_gets_the_finding_it_gets_without_libyaml(text: str) -> None:
    """Issue 22 point 6: findings do not depend on libyaml, whatever the file's size.

    Past 65,536 characters libyaml's own wording used to stand ("did not find
    expected ',' or ']'"), so a long broken file was reported one way with
    libyaml and another without. Every syntax error is now worded by the
    pure-Python parser; its cost is linear and bounded by MAX_BYTES and
    MAX_NODES (benchmarks/broken.py)."""
    if parse_module._FAST is None:
        pytest.skip("without libyaml the pure-Python parser is the only one")
    assert len(text) > 65_536
    with_libyaml = parse(Text("f.yaml", text))
    saved = parse_module._FAST
    parse_module._FAST = None
    try:
        without = parse(Text("f.yaml", text))
    finally:
        parse_module._FAST = saved
    assert isinstance(with_libyaml, Finding)
    assert with_libyaml == without


def test_libyaml_wording_is_replaced_for_a_long_text() -> None:
    """The case that used to differ: libyaml says "did not find expected", PyYAML "but got"."""
    line, column, rule, message = _refused(LONG_BROKEN["unterminated flow sequence"])
    assert (line, column, rule) == (3, 1, "yaml.syntax")
    assert message == "invalid YAML: expected ',' or ']', but got '<stream end>'"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("a: b\x1bc\n", (1, 5, "yaml.syntax")),
        ("a: b\r\nc: d\x7f\n", (2, 5, "yaml.syntax")),
        ("a: b\rc: \x85\n", (2, 4, "yaml.syntax")),
        ("a: '\u2029'\n", (1, 5, "yaml.syntax")),
        ("a: b\n\ufeff\n", (2, 1, "yaml.syntax")),
        ("a: b\nc:\td\n", (2, 3, "yaml.tab")),
    ],
)
def test_refused_characters_are_placed(text: str, expected: tuple[int, int, str]) -> None:
    assert _refused(text)[:3] == expected
