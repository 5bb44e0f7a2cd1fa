"""The official YAML test suite: no route accepts an invalid text or gives another value.

Every case of the suite (``tests/yaml-test-suite/``, data only, see its
README) is read as a record file is: by the read stage's decoding, then by
each route the parse stage has — the whole of :func:`parse` (Rust parser,
libyaml's quick pass, the builder), the builder alone, the pure-Python
parser that stands in when PyYAML has no libyaml, and the two quick routes
on their own for a text that passes the screens — and by ``pakru fmt``.

A route may refuse any text: records are a strict subset of YAML (one
document, a mapping at the top, string keys, no alias, no tag but the core
schema's). What it accepts must be valid YAML, and its value must be the
suite's: the structure and every scalar's text of the suite's event stream
(``test.event``). A plain scalar may come back as its text, or as the value
the YAML 1.2 core schema gives it (pakru resolves fewer forms than the core
schema: ``0x1F`` and ``.inf`` stay strings).
"""

import math
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from pakru.tools.fmt import FormatError, format_text
from pakru.validate import parse as parse_module
from pakru.validate import rustyaml
from pakru.validate.findings import Finding
from pakru.validate.parse import Parsed, parse
from pakru.validate.read import Text, read_text
from tests.conftest import REPO

SUITE = REPO / "tests" / "yaml-test-suite"
CASES = sorted(p.parent for p in SUITE.rglob("in.yaml"))


class _NotARecord:
    """The value of a text no route may accept (an alias, a complex key, two documents...)."""

    def __repr__(self) -> str:
        return "<not a record>"


NOT_A_RECORD = _NotARecord()


@dataclass(frozen=True)
class Plain:
    """An untagged plain scalar: its text, or the core schema's value for it."""

    text: str


_CORE = "tag:yaml.org,2002:"
_ESCAPES = {"\\\\": "\\", "\\n": "\n", "\\t": "\t", "\\b": "\b", "\\r": "\r"}
_VAL = re.compile(r"^(?:&\S+ )?(?:<(?P<tag>[^>]*)> )?(?P<style>[:'\"|>])(?P<text>.*)$", re.DOTALL)
_NODE = re.compile(r"^(?:\{\}|\[\])? ?(?:&\S+)? ?(?:<(?P<tag>[^>]*)>)?$")


def _unescape(text: str) -> str:
    return re.sub(r"\\[\\ntbr]", lambda m: _ESCAPES[m.group()], text)


def core(text: str) -> Any:  # noqa: PLR0911 - one return per the schema's forms
    """A plain scalar's value by the YAML 1.2 core schema (spec 10.3.2)."""
    if re.fullmatch(r"~|null|Null|NULL|", text):
        return None
    if re.fullmatch(r"true|True|TRUE|false|False|FALSE", text):
        return text.lower() == "true"
    if re.fullmatch(r"[-+]?[0-9]+", text):
        return int(text)
    if re.fullmatch(r"0o[0-7]+", text):
        return int(text[2:], 8)
    if re.fullmatch(r"0x[0-9a-fA-F]+", text):
        return int(text[2:], 16)
    if re.fullmatch(r"[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?", text):
        return float(text)
    if re.fullmatch(r"[-+]?\.(inf|Inf|INF)", text):
        return -math.inf if text.startswith("-") else math.inf
    if re.fullmatch(r"\.nan|\.NaN|\.NAN", text):
        return math.nan
    return text


def _tagged(tag: str, text: str) -> Any:
    """A tagged scalar's value, or NOT_A_RECORD for a tag records refuse."""
    kind = tag.removeprefix(_CORE) if tag.startswith(_CORE) else None
    value = core(text)
    if kind == "str":
        return text
    expected = {"int": int, "float": float, "bool": bool, "null": type(None)}.get(kind or "")
    if expected is None:
        return NOT_A_RECORD
    if kind == "float" and type(value) is int:
        return float(value)
    return value if type(value) is expected else NOT_A_RECORD


def _close(kind: str, tag: str | None, items: list[Any]) -> Any:
    wanted = "map" if kind == "MAP" else "seq"
    if tag is not None and tag != _CORE + wanted:
        return NOT_A_RECORD
    if kind == "SEQ":
        return tuple(items)
    out: dict[str, Any] = {}
    for written, value in zip(items[::2], items[1::2], strict=True):
        key = core(written.text) if isinstance(written, Plain) else written
        if type(key) is not str or key in out:
            return NOT_A_RECORD
        out[key] = value
    return out


def expected_value(events: str) -> Any:
    """The one document of the event stream as a record's value, or NOT_A_RECORD."""
    documents: list[Any] = []
    stack: list[tuple[str, str | None, list[Any]]] = []
    root: list[Any] = []
    for line in events.splitlines():
        word, _, rest = line.partition(" ")
        target = stack[-1][2] if stack else root
        if word in ("+MAP", "+SEQ"):
            node = _NODE.match(rest)
            assert node is not None, line
            stack.append((word[1:], node["tag"], []))
        elif word in ("-MAP", "-SEQ"):
            kind, tag, items = stack.pop()
            (stack[-1][2] if stack else root).append(_close(kind, tag, items))
        elif word == "=VAL":
            val = _VAL.match(rest)
            assert val is not None, line
            text = _unescape(val["text"])
            if val["tag"] is not None:
                target.append(_tagged(val["tag"], text))
            else:
                target.append(Plain(text) if val["style"] == ":" else text)
        elif word == "=ALI":
            target.append(NOT_A_RECORD)
        elif word == "-DOC":
            documents.append(root[0] if root else None)
            root = []
    if len(documents) != 1 or type(documents[0]) is not dict:
        return NOT_A_RECORD
    return documents[0]


def matches(value: Any, expected: Any) -> bool:
    """Whether a route's value is the suite's (a plain scalar: its text or its core value)."""
    if isinstance(expected, Plain):
        if type(value) is str:
            return value == expected.text
        wanted = core(expected.text)
        return type(value) is type(wanted) and value == wanted
    if type(expected) is dict:
        return (
            type(value) is dict
            and list(value) == list(expected)
            and all(matches(value[k], expected[k]) for k in expected)
        )
    if type(expected) is tuple:
        return (
            type(value) is tuple
            and len(value) == len(expected)
            and all(matches(v, e) for v, e in zip(value, expected, strict=True))
        )
    return type(value) is type(expected) and value == expected


def _routes(source: Text, monkeypatch: pytest.MonkeyPatch) -> dict[str, Any]:
    """What each route makes of the text: a value, or None where it refuses it."""

    def value(result: Parsed | Finding) -> Any:
        return result.data if isinstance(result, Parsed) else None

    routes = {
        "parse": value(parse(source)),
        "builder": value(parse(source, positions=True)),
    }
    if parse_module._screen(source) is None and parse_module._FAST is not None:
        routes["quick"] = parse_module._quick(source.text)
        limits = (parse_module.MAX_NODES, parse_module.MAX_DEPTH)
        routes["rust"] = rustyaml.values(source.text, *limits)
    try:
        formatted = format_text(source.text, source.path)
    except FormatError:
        routes["fmt"] = None
    else:
        routes["fmt"] = value(parse(Text(source.path, formatted)))
        assert format_text(formatted, source.path) == formatted, "fmt is not idempotent"
    with monkeypatch.context() as m:
        m.setattr(parse_module, "_FAST", None)
        routes["pure"] = value(parse(source))
    return routes


def _id(case: Path) -> str:
    return case.relative_to(SUITE).as_posix()


@pytest.mark.parametrize("case", CASES, ids=_id)
def test_no_route_accepts_an_invalid_text_or_another_value(
    case: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    source = read_text(case / "in.yaml", _id(case))
    if isinstance(source, Finding):  # refused by the read stage (a NUL byte...)
        return
    invalid = (case / "error").exists()
    expected = None if invalid else expected_value((case / "test.event").read_text("utf-8"))
    routes = _routes(source, monkeypatch)
    assert (routes["fmt"] is None) == (routes["parse"] is None), "fmt and validate disagree"
    accepted = {k: v for k, v in routes.items() if v is not None}
    if invalid:
        assert accepted == {}, "an invalid text is accepted"
    for route, got in accepted.items():
        assert matches(got, expected), f"{route} gives {got!r}; the suite: {expected!r}"


def test_the_suite_is_complete_and_read() -> None:
    """All 402 cases are here, and some are accepted (the test above is not vacuous)."""
    assert len(CASES) == 402
    accepted = 0
    for case in CASES:
        source = read_text(case / "in.yaml")
        if isinstance(source, Text) and isinstance(parse(source), Parsed):
            accepted += 1
    assert accepted > 50
