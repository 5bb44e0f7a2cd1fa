"""Stage 2, parse: YAML text → plain values with positions, treating input as hostile.

The parser reads libyaml's event stream (PyYAML's pure-Python parser when
libyaml is missing) and builds values itself, so that:

- no tag ever constructs an object: only the YAML core tags are accepted,
  each on its own kind of node (``!!map`` on a mapping, ``!!str`` on a scalar);
- characters the YAML parsers disagree about are refused before any parser
  runs, each with its line and column: tabs, control characters, NEL and the
  Unicode line and paragraph separators (line breaks in YAML 1.1, not in
  YAML 1.2) and a byte order mark past the start; so are directives other
  than ``%YAML 1.2``. libyaml, PyYAML's pure-Python parser and the
  formatter's ruamel then read the same files the same way;
- scalars resolve by the YAML 1.2 core schema: ``NO``, ``yes`` and ``on``
  stay strings (and a plain one is reported as ambiguous), only
  ``true``/``false`` are booleans;
- duplicate keys, aliases, non-string keys and multiple documents are
  errors, and nesting depth and node count are bounded, so an alias bomb or
  a deeply nested file fails fast in bounded memory;
- every value keeps its line and column for messages;
- mappings become dicts and sequences tuples, ready for strict models.
"""

import bisect
import contextlib
import re
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, replace
from types import MappingProxyType
from typing import Any, NamedTuple

import yaml

from pakru.schema import introspect
from pakru.validate import rustyaml
from pakru.validate.findings import Finding
from pakru.validate.read import Text

MAX_NODES = 50_000
MAX_DEPTH = 50

Loc = introspect.Loc  # defined with the models; the parse stage speaks in Locs too

Pos = tuple[int, int]

_CORE = "tag:yaml.org,2002:"
_ALLOWED_TAGS = {_CORE + t for t in ("str", "int", "float", "bool", "null", "map", "seq")}
_NULL = re.compile(r"^(?:~|null|Null|NULL|)$")
_BOOL = {"true": True, "True": True, "TRUE": True, "false": False, "False": False, "FALSE": False}
_INT = re.compile(r"^[-+]?[0-9]+$")
_FLOAT = re.compile(r"^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?$")
YAML11_BOOL = re.compile(r"^(?:y|Y|yes|Yes|YES|n|N|no|No|NO|on|On|ON|off|Off|OFF)$")
"""Plain words YAML 1.1 reads as booleans: a warning here, always quoted by ``pakru fmt``."""

REFUSED_CHARACTERS = re.compile(
    r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u2028\u2029\ufeff\ufffe\uffff\ud800-\udfff]"
)
"""Characters refused anywhere in a record file (tabs are screened on their own):
control characters, which no YAML parser reads raw; NEL and the Unicode line and
paragraph separators, line breaks in YAML 1.1 (libyaml, PyYAML) and not in
YAML 1.2 (ruamel, which ``pakru fmt`` uses); a byte order mark past the start
of the file (the read stage removes a leading one), which libyaml skips where
the others refuse it; and the non-characters U+FFFE and U+FFFF. Each can be
written as an escape in a double-quoted string (``"\\e"``, ``"\\L"``)."""

_NAMES = {"\x85": "next line, NEL", "\u2028": "line separator", "\u2029": "paragraph separator"}


_NO_POSITIONS: Mapping[Loc, Pos] = MappingProxyType({})


class Parsed(NamedTuple):
    """A parsed YAML document: its value and where each part of it stands.

    ``positions`` maps a location (a tuple of keys and indexes, ``()`` for
    the root) to the (line, column) of its value; ``key_positions`` maps the
    location of a mapping entry to the position of its key. From
    :func:`parse` without ``positions``, and from :meth:`found_later`, both
    tables are computed on first use, by parsing the text once more with
    positions.
    """

    path: str
    data: Any
    positions: Mapping[Loc, Pos] = _NO_POSITIONS
    key_positions: Mapping[Loc, Pos] = _NO_POSITIONS
    warnings: tuple[Finding, ...] = ()

    @classmethod
    def found_later(
        cls,
        path: str,
        data: dict[str, Any],
        warnings: tuple[Finding, ...],
        source: Callable[[], Text | Finding],
    ) -> "Parsed":
        """Values :func:`parse` gave (here or in a worker), whose positions, when first
        asked for, come from parsing ``source()`` (the file's text read again) with them."""
        state: list[Any] = [source]
        return cls(path, data, _Later(state, 0), _Later(state, 1), warnings)

    def position(self, loc: Loc, *, key: bool = False) -> Pos:
        """Position of ``loc``, or of its nearest ancestor that has one."""
        table = self.key_positions if key else self.positions
        for end in range(len(loc), -1, -1):
            if (found := table.get(loc[:end])) is not None:
                return found
            if key:
                table = self.positions
                if (found := table.get(loc[:end])) is not None:
                    return found
        return (1, 1)


class _HandOverError(Exception):
    """The quick pass met something it leaves to the position-keeping builder."""


class ParseError(Exception):
    """Raised inside the parser; always turned into a finding before leaving this module."""

    def __init__(self, rule: str, message: str, line: int, column: int) -> None:
        super().__init__(message)
        self.rule, self.message, self.line, self.column = rule, message, line, column


_FAST = getattr(yaml, "CBaseLoader", None)
"""libyaml's parser (via the loader class that has no constructor), or None without libyaml."""


class _PureLoader(yaml.SafeLoader):
    """PyYAML's pure-Python parser, refusing what libyaml refuses and it would let by.

    libyaml refuses a directive it does not know (``%FOO``) and an escape
    that names no character (``"\\U99999999"``, a lone surrogate ``"\\ud800"``);
    the pure-Python parser skips the first, crashes on the second (an
    ``OverflowError``) and builds a broken string from the third.
    """

    def scan_directive(self) -> Any:
        start = self.get_mark()
        token = super().scan_directive()
        if token.name not in ("YAML", "TAG"):
            raise yaml.scanner.ScannerError(
                "while scanning a directive", start, "found unknown directive name", start
            )
        return token


_SURROGATE = re.compile(r"[\ud800-\udfff]")


def _events(text: str, *, fast: bool = True) -> Iterator[yaml.Event]:
    if _FAST is None or not fast:
        yield from _pure_events(text)
        return
    parser = _FAST(text)
    try:
        while (event := parser.get_event()) is not None:
            yield event
    finally:
        parser.dispose()


def _pure_events(text: str) -> Iterator[yaml.Event]:
    loader = _PureLoader(text)
    try:
        while loader.check_event():
            event = loader.get_event()  # type: ignore[no-untyped-call]
            if type(event) is yaml.ScalarEvent and _SURROGATE.search(event.value):
                raise ParseError("yaml.syntax", _BAD_ESCAPE, *_pos(event))
            yield event
    except (ValueError, OverflowError):  # chr() of an escape past U+10FFFF
        mark = loader.get_mark()
        raise ParseError("yaml.syntax", _BAD_ESCAPE, mark.line + 1, mark.column + 1) from None
    finally:
        loader.dispose()


_BAD_ESCAPE = "invalid YAML: found invalid Unicode character escape code"


def _pos(event: yaml.Event) -> Pos:
    mark = event.start_mark
    return (mark.line + 1, mark.column + 1) if mark is not None else (0, 0)


# A plain scalar can resolve to something other than its string (or draw a
# warning) only if it starts with one of these: null/~, true/false, numbers and
# the YAML 1.1 booleans y/n/yes/no/on/off. Most values skip the regexes.
_MAYBE_NOT_STR = frozenset("~nNtTfFyYoO0123456789+-.")


def _short(tag: str) -> str:
    """A tag as a record's author writes it: ``!!map`` for the core schema's."""
    return "!!" + tag.removeprefix(_CORE) if tag.startswith(_CORE) else tag


def _check_tag(tag: str, kind: str, at: Pos) -> None:
    """Refuse ``tag`` (not None) unless it is the core tag of a ``kind`` node (or a scalar's)."""
    if tag == "!":
        raise ParseError("yaml.tag", "the non-specific tag '!' is not allowed in records", *at)
    if tag not in _ALLOWED_TAGS:
        raise ParseError("yaml.tag", f"tag {tag!r} is not allowed in records", *at)
    own = tag.removeprefix(_CORE)
    if own in ("map", "seq") if kind == "scalar" else own != kind:
        node = {"map": "a mapping", "seq": "a sequence", "scalar": "a scalar"}
        raise ParseError("yaml.tag", f"tag {_short(tag)} cannot be on {node[kind]}", *at)


def _scalar(event: yaml.ScalarEvent, path: str, warnings: list[Finding]) -> Any:
    value, tag = event.value, event.tag
    if tag is None:
        # PyYAML's parser marks a plain scalar with style None, libyaml's with ""
        if event.style:
            return value
        if value and value[0] not in _MAYBE_NOT_STR:
            return value
        return _resolve_plain(value, path, _pos(event), warnings)
    _check_tag(tag, "scalar", _pos(event))
    return value if tag == _CORE + "str" else _resolve(value, tag, _pos(event))


def _resolve_plain(value: str, path: str, at: Pos, warnings: list[Finding] | None) -> Any:
    """A plain scalar by the YAML 1.2 core schema; ``warnings=None`` for the quick pass."""
    if _NULL.match(value):
        return None
    if value in _BOOL:
        return _BOOL[value]
    if _INT.match(value):
        return _int(value, at)
    if _FLOAT.match(value) and any(c.isdigit() for c in value):
        return float(value)
    if YAML11_BOOL.match(value):
        if warnings is None:
            raise _HandOverError
        warnings.append(
            Finding(
                path,
                *at,
                "yaml.ambiguous-scalar",
                "warning",
                f"plain {value!r} is a boolean in YAML 1.1 and a string here; quote it",
            )
        )
    return value


def _int(value: str, at: Pos) -> int:
    try:
        return int(value)
    except ValueError:  # more digits than Python converts (sys.get_int_max_str_digits)
        raise ParseError(
            "yaml.number", f"an integer of {len(value):,} characters is too long", *at
        ) from None


def _resolve(value: str, tag: str, at: Pos) -> Any:
    """An explicitly tagged scalar (``!!int "7"``): resolve strictly by its tag."""
    kind = tag.removeprefix(_CORE)
    checks: dict[str, tuple[re.Pattern[str] | None, Any]] = {
        "int": (_INT, lambda v: _int(v, at)),
        "float": (_FLOAT, float),
        "null": (_NULL, lambda _v: None),
        "bool": (None, _BOOL.get),
    }
    pattern, convert = checks[kind]
    if (pattern is not None and not pattern.match(value)) or (
        kind == "bool" and value not in _BOOL
    ):
        raise ParseError("yaml.tag", f"{value!r} is not a valid !!{kind}", *at)
    return convert(value)


@dataclass
class _Frame:
    loc: Loc
    items: dict[str, Any] | list[Any]
    key: str | None = None


MAX_KEY = 127
"""Longest key: YAML writes a longer one (or one holding a line break) as an explicit
``? key``, which records do not use."""


def _key_problem(key: str) -> str:
    if not key:
        return "a key must not be empty"
    if "\n" in key:
        return "a key must not hold a line break"
    return f"a key of {len(key):,} characters is longer than {MAX_KEY}"


def _no_anchor(event: yaml.Event) -> None:
    """Refuse an anchor: aliases are refused, so an anchor serves nothing (and libyaml
    cuts ``&an:chor`` short, reading the rest of the name as the value)."""
    if event.anchor is not None:  # type: ignore[attr-defined]  # a node event
        raise ParseError(
            "yaml.alias",
            f"anchor &{event.anchor} is not allowed in records",  # type: ignore[attr-defined]
            *_pos(event),
        )


def _check_directives(event: yaml.DocumentStartEvent) -> None:
    """Refuse a ``%YAML`` directive other than 1.2, and any ``%TAG`` directive.

    Records are read as YAML 1.2 whatever a directive says, and ``pakru fmt``
    writes none: a ``%YAML 1.1`` file would mean ``yes`` to its author and
    ``'yes'`` here, and a tag handle would be lost.
    """
    version, tags = event.version, event.tags
    if version is not None and tuple(version) != (1, 2):
        written = ".".join(map(str, version))
        raise ParseError(
            "yaml.syntax", f"records are YAML 1.2: '%YAML {written}' is not allowed", *_pos(event)
        )
    if tags:
        raise ParseError(
            "yaml.syntax", "records are plain YAML: a %TAG directive is not allowed", *_pos(event)
        )


def _marks(event: yaml.Event) -> tuple[Any, Any]:
    """An event's start and end marks (both parsers always give them)."""
    start, end = event.start_mark, event.end_mark
    assert start is not None
    assert end is not None
    return start, end


class _Layout:
    """Checks of a document's layout that libyaml and PyYAML leave out, read from marks and text.

    Both parsers accept some texts YAML 1.2 refuses, or read them with another
    value (the official YAML test suite finds each): a continuation line of a
    quoted scalar or flow collection not indented under its block
    (``quoted: "a\nb"``), a comment glued to a value (``"v"# c``, ``># c``),
    a block scalar's leading blank line holding more spaces than its text, a
    block scalar ending the file without a line break, and a plain scalar
    beginning with ``?`` in a flow collection, whose ``?`` they drop. Each is
    refused here; nothing of the kind is needed in a record.
    """

    def __init__(self, text: str) -> None:
        self.text = text
        self.has_hash = "#" in text
        self.has_question = "?" in text
        self.gaps = self.has_hash or self.has_question
        """Whether the text between nodes needs a look (only a '#' or '?' can be wrong there)."""
        self._starts: list[int] | None = None
        self.previous = 0
        """Where the previous node's text ends."""
        self.blocks: list[int] = []
        """The column of each open block collection, innermost last."""
        self.flows: list[Pos] = []
        """Where each open flow collection starts, innermost last."""
        self.open: list[int] = []
        """For each open collection: -1 for a block one, else the line a flow one starts on."""

    def starts(self) -> list[int]:
        if self._starts is None:
            self._starts = [0, *(m.end() for m in _LINE_BREAK.finditer(self.text))]
        return self._starts

    def _line(self, number: int) -> str:
        starts = self.starts()
        end = starts[number + 1] if number + 1 < len(starts) else len(self.text)
        return self.text[starts[number] : end].rstrip("\r\n")

    def scalar(self, event: yaml.ScalarEvent) -> None:
        # runs once per scalar of every file: the common case (plain, one line,
        # no '#' or '?' in the text, in a block collection) costs a few tests
        style, (start, end) = event.style, _marks(event)
        if self.gaps:
            self._gap(start.index, scalar=True)
            self.previous = end.index
        if style:
            if style in ("|", ">"):
                self._block_scalar(start.index, end.index, start.line)
                return
            if self.has_hash:
                self._glued_comment(end.index)
        if start.line != end.line:
            self._continuation(start.line, end.line)
        if not style and self.open and self.open[-1] >= 0:
            value = event.value
            if not value and event.tag is None:
                # libyaml and PyYAML place an empty scalar in a flow collection apart
                raise ParseError(
                    "yaml.layout",
                    "an empty value inside a flow collection; write null",
                    *self.flows[-1],
                )
            if "?" in value or ":" in value:
                # PyYAML ends a plain scalar at either in a flow collection and then
                # refuses the text; libyaml reads them as part of it
                raise ParseError(
                    "yaml.syntax",
                    "invalid YAML: a plain scalar in a flow collection holds '?' or ':'; quote it",
                    start.line + 1,
                    start.column + 1,
                )

    def collection_start(self, event: yaml.CollectionStartEvent) -> None:
        start, end = _marks(event)
        if self.gaps:
            self._gap(start.index, scalar=False)
            self.previous = end.index
        if event.flow_style:
            if self.gaps and "?" in self.text[start.index : end.index]:
                # a single-pair mapping in a flow sequence, [? key], holds its '?'
                raise ParseError(
                    "yaml.layout",
                    "an explicit key ('?') is not allowed in records; write 'key: value' "
                    "(quote a key that begins with '?')",
                    start.line + 1,
                    start.column + 1,
                )
            self.open.append(start.line)
            self.flows.append((start.line + 1, start.column + 1))
        else:
            self.open.append(-1)
            self.blocks.append(start.column)

    def collection_end(self, event: yaml.CollectionEndEvent) -> None:
        start, end = _marks(event)
        if self.gaps:
            self._gap(start.index, scalar=False)
            self.previous = end.index
        first = self.open.pop()
        if first < 0:
            self.blocks.pop()
            return
        self.flows.pop()
        if self.has_hash:
            self._glued_comment(end.index)
        if first != end.line and (not self.open or self.open[-1] < 0):  # the outermost flow
            self._continuation(first, end.line)

    def _gap(self, start: int, *, scalar: bool) -> None:
        """Check the text between the previous node and this one: indicators and comments.

        Refused there: ``?`` (an explicit key, which ruamel mangles with a
        comment, and which libyaml and PyYAML also find in ``{?foo: x}``,
        dropping the ``?`` of a key that YAML 1.2 reads as ``?foo``); a
        comment inside a flow collection, and a comment between a key (or a
        ``-``) and a scalar on a later line, both of which ruamel drops.
        """
        gap = self.text[self.previous : start]
        if "#" not in gap and "?" not in gap:
            return
        in_flow = bool(self.open) and self.open[-1] >= 0
        comment_after_indicator: bool | None = None  # None: no indicator (a key comes next)
        for number, line in enumerate(_LINE_BREAK.split(gap)):
            code, hashed, _ = line.partition("#")
            if "?" in code:
                column = code.index("?")
                self._refuse_layout(
                    start,
                    gap,
                    number,
                    column,
                    "an explicit key ('?') is not allowed in records; "
                    "write 'key: value' (quote a key that begins with '?')",
                )
            if code.strip(" "):
                comment_after_indicator = False
            if hashed:
                if in_flow:
                    self._refuse_layout(
                        start,
                        gap,
                        number,
                        len(code),
                        "a comment inside a flow collection ([...] or {...}) is not kept by "
                        "pakru fmt; put it on a line of its own above",
                    )
                if comment_after_indicator is not None:
                    comment_after_indicator = True
        if scalar and comment_after_indicator:
            self._refuse_layout(
                start,
                gap,
                0,
                0,
                "a comment between a key (or '-') and its value on a later line is not kept by "
                "pakru fmt; put the value on the key's line",
                at_value=True,
            )

    def _refuse_layout(
        self,
        start: int,
        gap: str,
        number: int,
        column: int,
        message: str,
        *,
        at_value: bool = False,
    ) -> None:
        if at_value:
            line, col = position(self.text, start)
        else:
            offset = self.previous + sum(len(p) for p in _LINES_KEEP.findall(gap)[:number]) + column
            line, col = position(self.text, offset)
        raise ParseError("yaml.layout", message, line, col)

    def _continuation(self, first: int, last: int) -> None:
        """Lines after ``first`` up to ``last`` must be indented under the innermost block."""
        block = self.blocks[-1] if self.blocks else -1
        for number in range(first + 1, last + 1):
            line = self._line(number)
            indent = len(line) - len(line.lstrip(" "))
            if indent < len(line) and indent <= block:
                raise ParseError(
                    "yaml.syntax",
                    "invalid YAML: a continuation line must be indented more than its block",
                    number + 1,
                    indent + 1,
                )

    def _glued_comment(self, end: int) -> None:
        if self.text[end : end + 1] == "#":
            line, column = position(self.text, end)
            raise ParseError(
                "yaml.syntax", "invalid YAML: a comment needs a space before its '#'", line, column
            )

    def _block_scalar(self, start: int, end: int, line: int) -> None:
        text = self.text
        header = re.compile(r"[|>][-+0-9]*").search(text, start)
        assert header is not None  # the scalar's own indicator
        if text[header.end() : header.end() + 1] == "#":
            self._glued_comment(header.end())
        starts = self.starts()
        for number in range(line + 1, len(starts)):
            content = self._line(number)
            if content.strip(" "):
                break
            if content:
                raise ParseError(
                    "yaml.syntax",
                    "invalid YAML: a block scalar's leading blank line holds spaces; remove them",
                    number + 1,
                    1,
                )
        if end >= len(text) and not text.endswith(("\n", "\r")):
            raise ParseError(
                "yaml.syntax",
                "invalid YAML: a block scalar ending the file needs a final line break",
                *position(text, len(text)),
            )


class _Builder:
    """Turns an event stream into values; one instance per document."""

    def __init__(self, path: str, text: str) -> None:
        self.path = path
        self.layout = _Layout(text)
        self.stack: list[_Frame] = []
        self.root: Any = None
        self.documents = 0
        self.nodes = 0
        self.positions: dict[Loc, Pos] = {}
        self.key_positions: dict[Loc, Pos] = {}
        self.warnings: list[Finding] = []

    def feed(self, event: yaml.Event) -> None:
        # Dispatch on the exact event class, most frequent first: this loop runs
        # once per YAML node of every file.
        kind = type(event)
        if kind is yaml.ScalarEvent:
            _no_anchor(event)
            self.layout.scalar(event)  # type: ignore[arg-type]
            self._value(event, _scalar(event, self.path, self.warnings))  # type: ignore[arg-type]
        elif kind is yaml.MappingEndEvent or kind is yaml.SequenceEndEvent:
            self.layout.collection_end(event)  # type: ignore[arg-type]
            self._close()
        elif kind is yaml.MappingStartEvent or kind is yaml.SequenceStartEvent:
            _no_anchor(event)
            self.check_complex_key(event)
            self.layout.collection_start(event)  # type: ignore[arg-type]
            self._open(event)  # type: ignore[arg-type]
        else:
            self._feed_other(event)

    def _feed_other(self, event: yaml.Event) -> None:
        if isinstance(event, yaml.DocumentStartEvent):
            self.documents += 1
            if self.documents > 1:
                raise ParseError(
                    "yaml.multiple-documents",
                    "a record file holds exactly one document",
                    *_pos(event),
                )
            _check_directives(event)
        elif isinstance(event, yaml.AliasEvent):
            raise ParseError(
                "yaml.alias", f"alias *{event.anchor} is not allowed in records", *_pos(event)
            )

    def _count(self, event: yaml.Event) -> None:
        self.nodes += 1
        if self.nodes > MAX_NODES:
            raise ParseError(
                "yaml.too-many-nodes", f"more than {MAX_NODES:,} values in one file", *_pos(event)
            )

    def _open(self, event: yaml.MappingStartEvent | yaml.SequenceStartEvent) -> None:
        if event.tag is not None:
            kind = "map" if type(event) is yaml.MappingStartEvent else "seq"
            _check_tag(event.tag, kind, _pos(event))
        if len(self.stack) >= MAX_DEPTH:
            raise ParseError(
                "yaml.too-deep", f"nesting deeper than {MAX_DEPTH} levels", *_pos(event)
            )
        container: dict[str, Any] | list[Any]
        container = {} if isinstance(event, yaml.MappingStartEvent) else []
        loc = self._place(event)
        self.stack.append(_Frame(loc, container))

    def _close(self) -> None:
        frame = self.stack.pop()
        value = tuple(frame.items) if isinstance(frame.items, list) else frame.items
        self._attach(value)

    def _place(self, event: yaml.Event) -> Loc:
        """Count the node, record its position and return its location."""
        self._count(event)
        if not self.stack:
            loc: Loc = ()
        else:
            top = self.stack[-1]
            if isinstance(top.items, dict):
                assert top.key is not None  # a value only follows a key
                loc = (*top.loc, top.key)
            else:
                loc = (*top.loc, len(top.items))
        self.positions[loc] = _pos(event)
        return loc

    def _value(self, event: yaml.ScalarEvent, value: Any) -> None:
        top = self.stack[-1] if self.stack else None
        if isinstance(top, _Frame) and isinstance(top.items, dict) and top.key is None:
            self._key(event, value, top)
            return
        self._place(event)
        self._attach(value)

    def _key(self, event: yaml.ScalarEvent, key: Any, frame: _Frame) -> None:
        self._count(event)
        if not isinstance(key, str):
            raise ParseError("yaml.key", f"key {event.value!r} must be a string", *_pos(event))
        if not key or len(key) > MAX_KEY or "\n" in key:
            raise ParseError("yaml.key", _key_problem(key), *_pos(event))
        assert isinstance(frame.items, dict)
        loc = (*frame.loc, key)
        if key in frame.items or loc in self.key_positions:
            first = self.key_positions[loc][0]
            raise ParseError(
                "yaml.duplicate-key",
                f"duplicate key {key!r} (first on line {first})",
                *_pos(event),
            )
        self.key_positions[loc] = _pos(event)
        frame.key = key

    def _attach(self, value: Any) -> None:
        if not self.stack:
            self.root = value
            return
        top = self.stack[-1]
        if isinstance(top.items, dict):
            assert top.key is not None
            top.items[top.key] = value
            top.key = None
        else:
            top.items.append(value)

    def check_complex_key(self, event: yaml.Event) -> None:
        top = self.stack[-1] if self.stack else None
        if (
            isinstance(event, yaml.MappingStartEvent | yaml.SequenceStartEvent)
            and top is not None
            and isinstance(top.items, dict)
            and top.key is None
        ):
            raise ParseError("yaml.key", "a key must be a string, not a collection", *_pos(event))


_LINE_BREAK = re.compile(r"\r\n|\r|\n")
"""YAML 1.2's line breaks; ``str.splitlines`` also breaks at form feeds and U+2028."""
_LINES_KEEP = re.compile(r"[^\r\n]*(?:\r\n|\r|\n)")
"""Each line of a text with its line break (a last line without one is left out)."""


def position(text: str, offset: int) -> Pos:
    """The (line, column) of character ``offset`` in ``text`` (YAML 1.2's line breaks)."""
    before = text[:offset]
    breaks = list(_LINE_BREAK.finditer(before))
    line_start = breaks[-1].end() if breaks else 0
    if before.endswith("\r") and text[offset : offset + 1] == "\n":
        line_start = breaks[-2].end() if len(breaks) > 1 else 0  # inside a CRLF
        return len(breaks), offset - line_start + 1
    return len(breaks) + 1, offset - line_start + 1


def _tab(text: str) -> tuple[int, int, str] | None:
    """Where the first tab stands, and the message for it.

    A tab is refused wherever it stands raw: in indentation YAML forbids it,
    and elsewhere libyaml and the pure-Python parser disagree about it (libyaml
    reads ``name:<tab>x``, the other refuses it; the reverse holds for some
    tabs before a value). Inside a double-quoted string, ``\t`` writes one.
    """
    at = text.find("\t")
    if at < 0:  # nearly every file
        return None
    line, column = position(text, at)
    line_start = at - column + 1
    if not text[line_start:at].strip(" \t"):
        return line, column, "tab used for indentation; use spaces"
    return line, column, r'tab character; records use spaces (in a double-quoted string, "\t")'


def _refused_character(text: str) -> tuple[int, int, str] | None:
    """Where the first of :data:`REFUSED_CHARACTERS` stands, and the message for it."""
    found = REFUSED_CHARACTERS.search(text)
    if found is None:
        return None
    char = found.group()
    code = f"U+{ord(char):04X}"
    if char in _NAMES:
        message = (
            f"character {code} ({_NAMES[char]}) is a line break in YAML 1.1 and not in YAML 1.2; "
            "write it as an escape in a double-quoted string"
        )
    elif char == "\ufeff":
        message = "a byte order mark (U+FEFF) is allowed only at the start of the file"
    elif char in "\ufffe\uffff" or "\ud800" <= char <= "\udfff":
        message = f"invalid YAML: {code} is not a character YAML allows"
    else:
        message = (
            f"invalid YAML: control character {code} is not allowed; "
            "write it as an escape in a double-quoted string"
        )
    return (*position(text, found.start()), message)


_COMMENT = re.compile(r"(?:(?<=[ \r\n])|^)#[^\r\n]*")


def comments(text: str) -> list[str]:
    """Every comment of a text the parse stage accepts, in order, without trailing spaces.

    A ``#`` begins a comment where it follows a space or a line break outside
    every scalar (a block scalar's header line is outside its scalar).
    """
    if "#" not in text:
        return []
    starts: list[int] = []
    ends: list[int] = []
    with contextlib.suppress(yaml.YAMLError):  # a refused text: the comments found so far
        for event in _events(text):
            if type(event) is yaml.ScalarEvent:
                first, last = _marks(event)
                start, end = first.index, last.index
                if event.style in ("|", ">"):
                    header_end = _LINE_BREAK.search(text, start)
                    start = header_end.start() if header_end is not None else end
                starts.append(start)
                ends.append(end)
    found = []
    for match in _COMMENT.finditer(text):
        at = bisect.bisect_right(starts, match.start()) - 1
        if at < 0 or match.start() >= ends[at]:
            found.append(match.group().rstrip(" "))
    return found


def _run(builder: _Builder, text: str, *, fast: bool = True) -> Finding | None:
    """Feed every event to ``builder``; a finding when the YAML is refused."""
    path = builder.path
    try:
        feed = builder.feed
        for event in _events(text, fast=fast):
            feed(event)
    except ParseError as error:
        return Finding(path, error.line, error.column, error.rule, "error", error.message)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line, column = (mark.line + 1, mark.column + 1) if mark else (0, 0)
        problem = error.problem or error.context or "invalid YAML"
        return Finding(path, line, column, "yaml.syntax", "error", f"invalid YAML: {problem}")
    except yaml.reader.ReaderError as error:
        # screened before any parser runs (REFUSED_CHARACTERS); placed all the same
        line, column = position(text, error.position)
        message = f"invalid YAML: {error.reason} (character {error.character!r})"
        return Finding(path, line, column, "yaml.syntax", "error", message)
    except yaml.YAMLError as error:
        return Finding(path, 1, 1, "yaml.syntax", "error", f"invalid YAML: {error}")
    return None


def _screen(source: Text) -> Finding | None:
    """The finding for a tab or a refused character, checked before any parser runs."""
    text = source.text
    if (found := _tab(text)) is not None:
        return Finding(source.path, *found[:2], "yaml.tab", "error", found[2])
    if (found := _refused_character(text)) is not None:
        return Finding(source.path, *found[:2], "yaml.syntax", "error", found[2])
    return None


def _with_positions(source: Text) -> Parsed | Finding:
    """Parse one record file keeping every value's position, or return the finding that stops it."""
    path = source.path
    if (screened := _screen(source)) is not None:
        return screened
    builder = _Builder(path, source.text)
    refused = _run(builder, source.text)
    if refused is not None and refused.rule == "yaml.syntax" and _FAST is not None:
        # libyaml words some errors differently; the pure-Python parser, run
        # only on the rare broken file, gives the message (and mark) findings use,
        # so they are the same with or without libyaml, whatever the file's size.
        # Its cost is linear and bounded: what reading the file costs without
        # libyaml, at most MAX_BYTES of text and MAX_NODES values (about 3 s for
        # a broken 1 MB file, benchmarks/broken.py)
        reworded = _run(_Builder(path, source.text), source.text, fast=False)
        if reworded is not None:
            refused = reworded
    if refused is not None:
        return refused
    if builder.documents == 0 or builder.root is None:
        return Finding(path, 1, 1, "yaml.empty", "error", "file holds no record")
    if not isinstance(builder.root, dict):
        line, column = builder.positions.get((), (1, 1))
        return Finding(path, line, column, "yaml.root", "error", "a record must be a mapping")
    return Parsed(path, builder.root, builder.positions, builder.key_positions, _placed(builder))


def _placed(builder: _Builder) -> tuple[Finding, ...]:
    """The warnings with the field and record they concern, like every later finding.

    Scalars warn before their place is known; the few files that draw a
    warning look theirs up here, by position, once the document is built.
    """
    if not builder.warnings:
        return ()
    at = {pos: loc for loc, pos in builder.key_positions.items()}
    at.update({pos: loc for loc, pos in builder.positions.items()})
    record = builder.root.get("id")
    record = record if isinstance(record, str) else ""
    return tuple(
        replace(w, field=introspect.field_path(at.get((w.line, w.column), ())), record=record)
        for w in builder.warnings
    )


def parse(source: Text, *, positions: bool = False) -> Parsed | Finding:
    """Parse one record file, or return the first finding that stops it: the one entry.

    Every route gives the same values, warnings and findings; they differ in
    speed only (``docs/performance.md``: ``pakru validate`` ≤ 1.0x
    CSafeLoader). A clean file (nearly every one) is read by a quick route
    that keeps no positions, its position tables filled on first use: the
    Rust parser (:mod:`pakru.validate.rustyaml`, the ``fast`` extra) when the
    text is plain enough for it, else the quick libyaml pass, which makes
    every check but records no position. A file neither takes — a refusal, a
    warning, a tag, anything unusual — and every file with ``positions``
    goes through the position-keeping builder, which words and places the
    finding. ``tests/properties/test_parse_quick.py`` compares the routes.
    """
    text = source.text
    # a tab, or a character beyond ASCII that libyaml reads but the screens refuse,
    # goes the builder's way (libyaml refuses the ASCII control characters itself)
    if (
        not positions
        and _FAST is not None
        and "\t" not in text
        and (text.isascii() or not _screen(source))
    ):
        data = rustyaml.values(source.text, MAX_NODES, MAX_DEPTH)
        if data is None:
            data = _quick(source.text)
        if data is not None:
            return Parsed.found_later(source.path, data, (), lambda: source)
    return _with_positions(source)


class _Later(Mapping[Loc, Pos]):
    """One position table of a file, from a second, position-keeping parse when first asked.

    ``state`` is shared by the file's two tables: the function giving its
    text, until then, and both tables once one is asked for.
    """

    def __init__(self, state: list[Any], which: int) -> None:
        self._state, self._which = state, which

    def _table(self) -> Mapping[Loc, Pos]:
        if callable(self._state[0]):
            text = self._state[0]()
            full = _with_positions(text) if isinstance(text, Text) else text
            if not isinstance(full, Parsed):  # the file changed since: no positions
                full = Parsed("", None)
            self._state[0] = (full.positions, full.key_positions)
        table: Mapping[Loc, Pos] = self._state[0][self._which]
        return table

    def __getitem__(self, loc: Loc) -> Pos:
        return self._table()[loc]

    def __iter__(self) -> Iterator[Loc]:
        return iter(self._table())

    def __len__(self) -> int:
        return len(self._table())


_Scalar, _MapStart, _MapEnd = yaml.ScalarEvent, yaml.MappingStartEvent, yaml.MappingEndEvent
_SeqStart, _SeqEnd = yaml.SequenceStartEvent, yaml.SequenceEndEvent


def _quick(text: str) -> dict[str, Any] | None:
    """The record in ``text`` if the quick pass finds nothing to report, else None.

    It makes the builder's checks (one document, a mapping at the root,
    string keys without duplicates, no alias, depth and node bounds, YAML 1.2
    core scalars) without recording positions, and gives up on any tag, any
    ambiguous scalar and any error: those files are parsed again by the
    builder that words the finding and places it.
    """
    assert _FAST is not None
    parser = _FAST(text)
    get = parser.get_event
    try:
        if type(get()) is not yaml.StreamStartEvent:
            return None
        start = get()
        if type(start) is not yaml.DocumentStartEvent:
            return None
        _check_directives(start)
        event = get()
        if type(event) is not _MapStart or event.tag is not None or event.anchor is not None:
            return None
        layout = _Layout(text)
        layout.collection_start(event)
        root = _quick_mapping(get, layout)
        if type(get()) is not yaml.DocumentEndEvent or type(get()) is not yaml.StreamEndEvent:
            return None  # a second document
    except (_HandOverError, ParseError, yaml.YAMLError):
        return None
    finally:
        parser.dispose()
    return root


_DIGITISH = frozenset("0123456789+-.")
"""First characters of plain scalars that may be numbers (or ``.``, ``-`` strings)."""
_WORDS = frozenset(("~", "null", "Null", "NULL", *_BOOL, *rustyaml.YAML11_WORDS))
"""Every plain scalar not starting with a digit, sign or dot that is not simply a string:
null, the booleans, and the YAML 1.1 booleans the quick pass leaves to the builder."""


def _quick_mapping(get: Callable[[], Any], layout: _Layout) -> dict[str, Any]:  # noqa: PLR0912, PLR0915 - one hot loop
    """The root mapping, its start already read, up to and including its end."""
    max_open = MAX_DEPTH - 1
    root: dict[str, Any] = {}
    items: Any = root  # the open mapping (a dict) or sequence (a list)
    in_map = True
    key: str | None = None  # the key whose value comes next; None: a key comes next
    stack: list[tuple[Any, bool, str | None]] = []
    nodes = 1
    digitish, words = _DIGITISH, _WORDS
    scalar, start, end = layout.scalar, layout.collection_start, layout.collection_end
    while True:
        event = get()
        kind = type(event)
        if kind is _Scalar:
            nodes += 1
            if event.tag is not None or event.anchor is not None:
                raise _HandOverError
            scalar(event)
            value = event.value
            # libyaml marks a plain scalar with style ""; most cannot resolve to a non-string
            if not event.style:
                if not value:
                    value = None
                elif value[0] in digitish or value in words:
                    value = _resolve_plain(value, "", (0, 0), None)
            if key is not None:  # a mapping's value (in a sequence, key is always None)
                items[key] = value
                key = None
            elif not in_map:
                items.append(value)
            elif (
                type(value) is not str
                or not value
                or value in items
                or len(value) > MAX_KEY
                or "\n" in value
            ):
                raise _HandOverError
            else:
                key = value
        elif kind is _MapEnd or kind is _SeqEnd:
            end(event)
            if not stack:
                break
            done = items if in_map else tuple(items)
            items, in_map, key = stack.pop()
            if key is not None:
                items[key] = done
                key = None
            else:
                items.append(done)
        elif kind is _MapStart or kind is _SeqStart:
            nodes += 1
            if event.tag is not None or event.anchor is not None or len(stack) >= max_open:
                raise _HandOverError
            start(event)
            if in_map and key is None:
                raise _HandOverError  # a collection as a key
            stack.append((items, in_map, key))
            in_map = kind is _MapStart
            items = {} if in_map else []
            key = None
        else:
            raise _HandOverError  # an alias, or something the builder words
    # counted, not checked per node: a file is at most read.MAX_BYTES, so the
    # count is bounded anyway, and a file over it goes to the builder all the same
    if nodes > MAX_NODES:
        raise _HandOverError
    return root
