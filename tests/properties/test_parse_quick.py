"""The quick pass and the position-keeping builder give the same values and findings.

``parse`` reads a clean file without recording positions and leaves every
other file (a refusal, a warning, a tag) to the position-keeping builder
(what ``parse(..., positions=True)`` runs on every file); the position
tables of a quick parse are filled by parsing again when first asked for.
Whichever path ran, the data, the warnings, the positions and the findings
of the models built on them must be identical.
"""

import random
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from benchmarks import corpus
from pakru.tools.tree import shipped_records
from pakru.validate import parse as parse_module
from pakru.validate import rustyaml
from pakru.validate.findings import Finding
from pakru.validate.models import build_record
from pakru.validate.parse import Parsed, parse
from pakru.validate.read import Text
from tests.properties import strategies as st_pakru

# Edits that break records the way maintainers do, plus the YAML the quick pass
# hands over to the builder (tags, anchors, aliases, a second document, 1.1 booleans).
_EDITS = st.sampled_from(
    [
        ": ",
        "- ",
        "'",
        '"',
        "!!int ",
        "!!str ",
        "! ",
        "&a ",
        "*a",
        "{",
        "[",
        "}",
        "#",
        "\n---\n",
        "yes",
        "~",
        "0x1F",
        "1_000",
        ".inf",
        "\nid: x\n",
        "\n? [a]\n: b\n",
        "\x07",
        # what the Rust route must leave to libyaml
        "+-1",
        "++1",
        "0o17",
        ".NaN",
        "9" * 20,
        "9" * 400,
        "|",
        ">-\n",
        "\n  ",
        " \n",
        "\n\n",
        "\u2028",
        "\x85",
        "\\",
        "@",
        "`",
        "%",
        "?",
        ",",
        "]",
        "[a, b]",
        "{a: b}",
        ":",
        "'a': ",
        "\n...\n",
    ]
)


def _shape(result: Parsed | Finding) -> Any:
    if isinstance(result, Finding):
        return result
    return (
        result.path,
        result.data,
        dict(result.positions),
        dict(result.key_positions),
        result.warnings,
    )


def _same(text: str) -> Parsed | Finding:
    quick, full = parse(Text("x.yaml", text)), parse(Text("x.yaml", text), positions=True)
    assert _shape(quick) == _shape(full)
    # the Rust route gives exactly the builder's values (types too: 1, 1.0 and True
    # are equal in Python), or leaves the file to libyaml
    fast = rustyaml.values(text, parse_module.MAX_NODES, parse_module.MAX_DEPTH)
    if fast is not None:
        assert isinstance(full, Parsed)
        assert not full.warnings
        assert repr(fast) == repr(full.data)
    libyaml = parse_module._quick(text)
    if libyaml is not None and isinstance(quick, Parsed):
        assert repr(quick.data) == repr(libyaml)
    if isinstance(quick, Parsed) and isinstance(full, Parsed):
        one, two = build_record(quick), build_record(full)
        # a record, or the schema findings with their positions
        assert (one if isinstance(one, list) else one.record) == (
            two if isinstance(two, list) else two.record
        )
    return quick


@given(
    st_pakru.records(),
    st.booleans(),
    st.lists(st.tuples(st.integers(0, 10_000), _EDITS), max_size=3),
)
def test_quick_and_full_parse_agree(data: dict[str, Any], core_safe: bool, edits: Any) -> None:
    text = st_pakru.dump_yaml(data, core_safe=core_safe)
    for at, edit in edits:
        cut = at % (len(text) + 1)
        text = text[:cut] + edit + text[cut:]
    _same(text)


@given(st_pakru.records())
def test_clean_records_take_the_quick_pass(data: dict[str, Any]) -> None:
    """Without this the agreement above could hold because the quick pass never ran."""
    text = st_pakru.dump_yaml(data)
    expected = _tuples(data)
    assert parse_module._quick(text) == expected
    parsed = _same(text)
    assert isinstance(parsed, Parsed)
    assert parsed.data == expected


def _tuples(value: Any) -> Any:
    """``value`` as the parser gives it: sequences become tuples."""
    if isinstance(value, dict):
        return {k: _tuples(v) for k, v in value.items()}
    if isinstance(value, list):
        return tuple(_tuples(v) for v in value)
    return value


@pytest.mark.parametrize(
    "text",
    [
        "a: 1\na: 2\n",
        "a: &x [1]\nb: *x\n",
        "a: !!str 1\n",
        "a: !!int seven\n",
        "a: ! x\n",
        "? [a]\n: b\n",
        "1: a\n",
        "~: a\n",
        "a: yes\nb: 'no'\n",
        "a: 0x1F\nb: 1_000\nc: .inf\nd: 1e3\ne: -.5\nf: +7\ng:\nh: ~\n",
        "a: 1\n---\nb: 2\n",
        "--- a\n",
        "- 1\n",
        "",
        "# nothing\n",
        "a: [\n",
        "a:\n\tb: 1\n",
        "a: b\tc\n",
        *("a: " + "[" * n + "]" * n + "\n" for n in (48, 49, 50)),
        "type: meeting\nid: x\n",
        "%YAML 1.2\n---\na: b\n...\n",
        'a: "\\U99999999"\n',  # PyYAML's own scanner raised OverflowError here
        'a: "x\\U0011FFFF"\n',  # and ValueError here
    ],
)
def test_known_inputs_agree(text: str) -> None:
    _same(text)
    if "\\U" in text:
        found = parse(Text("x.yaml", text))
        assert isinstance(found, Finding)
        assert (found.rule, found.line) == ("yaml.syntax", 1)
        assert found.message == "invalid YAML: found invalid Unicode character escape code"


def test_node_bound_is_the_same(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(parse_module, "MAX_NODES", 5)
    for text in ("a: [1, 2]\n", "a: [1, 2, 3]\n", "a: {b: c, d: e}\n"):
        _same(text)
    quick = parse(Text("x.yaml", "a: [1, 2, 3]\n"))
    assert isinstance(quick, Finding)
    assert quick.rule == "yaml.too-many-nodes"


_PLAIN = st.one_of(
    st.sampled_from(sorted(parse_module._WORDS)),
    st.text(alphabet="0123456789+-._eExXoO~nNyYtTfFulsaribi", max_size=8),
)


@given(st.lists(_PLAIN, min_size=1, max_size=6))
def test_plain_scalars_resolve_the_same(values: list[str]) -> None:
    """The quick pass sends only some plain scalars to the resolver; each gives what the
    builder gives, as a value, a key, and an item."""
    text = "".join(f"k{i}: {v}\n" for i, v in enumerate(values))
    text += "".join(f"{v}: {i}\n" for i, v in enumerate(values))
    text += "s: [" + ", ".join(values) + "]\n"
    _same(text)


def test_the_words_the_quick_pass_resolves_are_the_yaml_11_booleans_and_more() -> None:
    alternatives = parse_module.YAML11_BOOL.pattern.removeprefix("^(?:").removesuffix(")$")
    assert set(alternatives.split("|")) == set(rustyaml.YAML11_WORDS)
    for word in parse_module._WORDS:  # each is a value other than its string, or handed over
        assert parse_module._quick(f"a: {word}\n") != {"a": word}


@pytest.mark.parametrize(
    "text",
    [
        "a: 1\na: 2\n",  # a duplicate key: the Rust parser keeps the last
        "a: {b: 1, b: 2}\n",
        "a: [b: 1, b: 2]\n",
        "a: 1\nb:\n  c: 'x: y'\n  c: 2\n",  # a mark inside a scalar makes up for a duplicate
        "a: 1\n---\nb: 2\n",  # it reads the first document only
        "a: &x 1\nb: *x\n",
        "a: !!str 1\n",
        "a: 0x1F\n",  # it reads these as numbers; pakru, as strings
        "a: .inf\n",
        "a: -.NaN\n",
        "a: +-1\n",
        "a: 12345678901234567890\n",  # and this as a float
        "a: " + "9" * 5000 + "\n",  # and this as infinity
        "a: 1e400\n",
        "a: yes\n",
        "a: 'no'\n",
        "on: 1\n",
        "1: a\n",
        "a: 1",  # no final line break
        "a: x\u2028y\n",
        "a: b\x85c\n",
        "  k: a\n[M, c]\n",  # asked for one document, it ignores what follows the first
        "  k: a\ntrue 0\n",
    ],
)
def test_the_rust_route_leaves_what_it_cannot_vouch_for(text: str) -> None:
    assert rustyaml.values(text, parse_module.MAX_NODES, parse_module.MAX_DEPTH) is None
    _same(text)


@pytest.mark.parametrize(
    "text",
    [
        "a: 1\nb: [x, Mr Lavrov]\nc: []\nd: {}\n"
        "e:\n  - f: 'g: h'\n    i: >-\n      j: k\n      l\n",
        "a: 2018-03-02\nb: -1\nc: 1.5e3\nd: ~\ne:\nf: true\ng: 'it''s'\nh: \"q\"\n",
    ],
)
def test_the_rust_route_takes_plain_records(text: str) -> None:
    fast = rustyaml.values(text, parse_module.MAX_NODES, parse_module.MAX_DEPTH)
    assert fast is not None
    _same(text)


def test_without_the_rust_parser_files_go_the_libyaml_way(monkeypatch: pytest.MonkeyPatch) -> None:
    text = "a: 1\nb: [x, z]\n"
    monkeypatch.setattr(rustyaml, "yaml12", None)
    assert rustyaml.values(text, 10, 10) is None
    parsed = parse(Text("x.yaml", text))
    assert isinstance(parsed, Parsed)
    assert parsed.data == {"a": 1, "b": ("x", "z")}


def test_the_rust_route_keeps_the_node_and_depth_bounds() -> None:
    text = "a: [u, v, w]\n"  # the root, a, the list and its 3 items: 6 nodes
    assert rustyaml.values(text, 6, 50) == {"a": ("u", "v", "w")}
    assert rustyaml.values(text, 5, 50) is None


def test_the_rust_route_keeps_the_depth_bound(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(parse_module, "MAX_DEPTH", 6)
    taken = 0
    for depth in range(2, 10):  # around the bound, where the builder refuses
        text = "".join(" " * i + f"k{i}:\n" for i in range(depth)) + " " * depth + "- x\n"
        taken += rustyaml.values(text, 100, parse_module.MAX_DEPTH) is not None
        _same(text)
    assert taken == 3  # as deep as the quick pass goes less one level: 2, 3, 4


def test_generated_and_shipped_records_take_the_rust_route(tmp_path: Path) -> None:
    """Without this the agreement above could hold because the route never ran."""
    corpus.write(corpus.build(60, random.Random(5)), tmp_path)  # noqa: S311 - test data
    files = [p for p in tmp_path.rglob("*.yaml") if "text" not in p.parts]
    shipped = [p for p in shipped_records().rglob("*.yaml") if "text" not in p.parts]
    taken = 0
    for path in files + shipped:
        text = path.read_text(encoding="utf-8")
        fast = rustyaml.values(text, parse_module.MAX_NODES, parse_module.MAX_DEPTH)
        if fast is not None:
            taken += 1
            assert repr(fast) == repr(parse_module._quick(text)), path
    assert taken >= len(files) + len(shipped) * 3 // 4


@pytest.mark.parametrize(
    "text",
    [
        "a:\n" + "- " * 100_000 + "x\n",  # the Rust parser crashes the process on these
        "- " * 100_000 + "x\n",
        "".join(" " * i + f"k{i}:\n" for i in range(20_000)),
        "a:\n" + "- " * 4 + "x\n",  # already left to libyaml
        "a:\n" + "-   " * 4 + "x\n",
        "a:\n" + " " * 24 + "b: x\n",
    ],
)
def test_deep_nesting_never_reaches_the_rust_parser(text: str) -> None:
    assert not rustyaml._plain_enough(text)
    assert rustyaml.values(text, parse_module.MAX_NODES, parse_module.MAX_DEPTH) is None


_KEYS = ["a", "b", "a", "k-1", "'q'", '"d"', "1", "yes", "null", "Mr X", "<<", "'a: b'", "-k", "~"]
_VALUES = ["v", "w x", "'s: t'", '"d: e"', "1", "-2", "1.5", "1e3", "[]", "{}", "[a, b]"]
_VALUES += ["[Mr Lavrov, c]", "x: y", "a:b", "'it''s'", "2018-03-02", "null", "~", "-", "- z"]
_VALUES += [">-", "'multi", "line'", "é ü", "[a b]", "x]", ":x", "-x", "+1", "no", "'yes'", ""]
_LINE = st.tuples(
    st.sampled_from(["", "", "  ", "    ", " ", "   "]),
    st.sampled_from(["", "", "- ", "- - "]),
    st.sampled_from([*_KEYS, ""]),
    st.sampled_from([": ", ": ", ":", ":  "]),
    st.sampled_from(_VALUES),
)


@given(st.lists(_LINE, min_size=1, max_size=8))
def test_block_lines_read_the_same_by_every_route(lines: list[tuple[str, ...]]) -> None:
    """Lines of keys and values at random indentations: where the Rust route takes the
    text, libyaml reads the same (this found the documents it ignored)."""
    text = "".join(
        f"{indent}{dash}{key}{colon}{value}\n" if key else f"{indent}{dash}{value}\n"
        for indent, dash, key, colon, value in lines
    )
    _same(text)


@given(st.text(alphabet=st.characters(max_codepoint=0x2FF), max_size=40))
def test_the_byte_screen_finds_the_characters_the_class_does(text: str) -> None:
    """An ASCII text is screened by deleting bytes; it must refuse exactly what the class does."""
    assert rustyaml._has_refused_chars(text) == (rustyaml._REFUSED_CHARS.search(text) is not None)


def test_the_byte_screen_knows_every_ascii_character() -> None:
    for code in range(128):
        text = f"a{chr(code)}b"
        assert rustyaml._has_refused_chars(text) == (
            rustyaml._REFUSED_CHARS.search(text) is not None
        ), code
