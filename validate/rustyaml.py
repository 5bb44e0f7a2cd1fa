"""The quickest route through parse: a Rust YAML parser, for texts plain enough to trust it.

``py-yaml12`` (an optional dependency, the ``fast`` extra) builds Python
values in Rust in about a third of the time libyaml's event stream takes to
reach Python, let alone be built into values. It is a YAML 1.2 parser and
keeps no positions, and it is lenient where pakru is strict: it keeps the
last of two duplicate keys, reads only the first of several documents
(asked for one, it ignores anything after the first, even lines that are no YAML),
resolves aliases, reads ``0x1F``, ``.inf`` and ``+-1`` as numbers and
integers past 64 bits as floats (or infinity). So :func:`values` uses it
only for a text that cannot hold any of that, and checks what it gives
back; anything else returns None and goes the libyaml way
(:func:`pakru.validate.parse.parse`), which words and places the findings.
A text is taken only if:

- every character is printable (no control, format, private-use or
  unassigned character, no NEL or Unicode line separator, which YAML 1.1
  reads as line breaks and YAML 1.2 does not), it has no carriage return,
  backslash, blank line or trailing space, and it ends with a line break;
- it has neither 24 spaces in a row nor 4 ``- `` in a row, which bounds
  the nesting (deeper files are left to libyaml, which refuses them with a
  finding; the Rust parser would crash on them);
- it has none of ``! & * | ` @ # ? % +``, no ``>`` but a folded scalar's
  ``>-`` closing a line, no document marker at a line start, no flow
  collection but ``{}`` and lists of words (``[]``, ``[PK, Mr Lavrov]``), and
  none of ``0x``, ``0o``, ``.inf``, ``.nan`` (in any case);
- every mapping entry is marked in the text by ``": "`` or ``":\n"``
  (with flow mappings, explicit keys and aliases refused, each is), and
  the entries are exactly the marks less those inside strings (a line
  folded after a colon turns ``":\n"`` into ``": "``): a duplicate key
  leaves one entry fewer, which sends the file the libyaml way;
- every key is a string of at most 127 characters that is not a YAML 1.1
  boolean word, no string is
  one (plain or quoted: the text no longer says which), no float is 2**63
  or more in size, and the node count and nesting are within bounds.

``tests/properties/test_parse_quick.py`` checks on generated, broken and
shipped records that this route, the quick libyaml pass and the
position-keeping builder give the same values, or that this route leaves
the file to them.
"""

import importlib
import re
from types import ModuleType
from typing import Any

try:  # an optional dependency: without it, every file goes the libyaml way
    yaml12: ModuleType | None = importlib.import_module("yaml12")
except ImportError:  # pragma: no cover - the test extra installs it
    yaml12 = None

_REFUSED_CHARS = re.compile(r"[\x00-\x09\x0b-\x1f\x7f!&*|`@\\#?%+]")
"""Characters that send a text the libyaml way (control characters: in an ASCII text)."""
_REFUSED_BYTES = bytes([*range(0x0A), *range(0x0B, 0x20), 0x7F]) + b"!&*|`@\\#?%+"
"""The same characters as bytes, for an ASCII text: deleting them with ``bytes.translate``
is a table look-up per byte, about three times quicker than searching the class."""
_MARKER = re.compile(r"\n(?:---|\.\.\.|[ ]*\n)")
"""A document marker at a line start, or a blank line."""
_DEEP_SPACES = " " * 24
_DEEP_DASHES = re.compile("- +" * 3 + "- ")  # spelt out: a repeated group is searched slowly
"""With neither 24 spaces in a row nor 4 ``- `` in a row, no line's indentation
(spaces and ``- ``) reaches 120 columns, and block nesting needs a column, or a
``- ``, per level or two: the depth stays below about 130 levels. This is a
guard, not a nicety: the Rust parser recurses per level and crashes the process
(no exception) at some thousands of levels, which a hostile file reaches in a
few kilobytes. The exact bound is the walk's (``max_depth``)."""
_HEX_OCTAL = re.compile(r"0[xo]")
_INF_NAN = re.compile(r"\.(?i:inf|nan)")
_ITEM = r"\w[\w.-]*(?: \w[\w.-]*)*"
_FLOW = re.compile(rf"\[(?:{_ITEM}(?:, {_ITEM})*)?\]", re.ASCII)
"""The one flow collection taken besides ``{}``: ``[]`` or a list of words, ``[PK, Mr Lavrov]``."""
YAML11_WORDS = frozenset("y Y yes Yes YES n N no No NO on On ON off Off OFF".split())  # noqa: SIM905
"""Plain words YAML 1.1 reads as booleans (the parse stage's too): left to libyaml."""
_BIG = 2.0**63
_MAX_KEY = 127  # pakru.validate.parse.MAX_KEY: a longer key goes the libyaml way, which refuses it


class _RefusedError(Exception):
    """The values are not ones the libyaml way would surely give."""


def _plain_enough(text: str) -> bool:
    """Whether ``text`` is one this route may take (see the module's docstring).

    Each check is a search for one literal or character class, which the
    regular expression engine does at C speed; one pattern for all of them
    would make it try every alternative at every character.
    """
    refused = (
        not text.endswith("\n")
        or text.startswith(("---", "..."))
        or _has_refused_chars(text)
        or _MARKER.search(text) is not None
        or _DEEP_SPACES in text
        or _DEEP_DASHES.search(text) is not None
        or " \n" in text  # trailing spaces
        or _HEX_OCTAL.search(text) is not None
        or _INF_NAN.search(text) is not None
        # a ">" other than a folded scalar's ">-" at the end of its line
        or (">" in text and text.count(">") != text.count(": >-\n") + text.count("- >-\n"))
        or (("[" in text or "]" in text) and not _flows_are_lists_of_words(text))
        or (
            ("{" in text or "}" in text)
            and not text.count("{") == text.count("}") == text.count("{}")
        )
    )
    return not refused and (text.isascii() or text.replace("\n", "").isprintable())


def _has_refused_chars(text: str) -> bool:
    """Whether ``text`` holds a character of :data:`_REFUSED_CHARS`."""
    if text.isascii():  # the usual record: its bytes are its characters
        data = text.encode()
        return len(data.translate(None, _REFUSED_BYTES)) != len(data)
    return _REFUSED_CHARS.search(text) is not None


def _flows_are_lists_of_words(text: str) -> bool:
    flows = len(_FLOW.findall(text))
    return text.count("[") == flows and text.count("]") == flows


def values(text: str, max_nodes: int, max_depth: int) -> dict[str, Any] | None:
    """The record in ``text``, as the quick libyaml pass would give it, or None to go that way."""
    if yaml12 is None or not _plain_enough(text):
        return None
    try:
        # all documents: asked for one, it stops at the first and ignores whatever
        # follows, even lines that are no YAML at all
        documents = yaml12.parse_yaml(text, multi=True)
    except Exception:  # any refusal: libyaml words it
        return None
    if type(documents) is not list or len(documents) != 1 or type(documents[0]) is not dict:
        return None
    data = documents[0]
    counts = [0, 1]  # mapping entries, nodes
    try:
        root = _mapping(data, max_depth - 1, counts)
    except _RefusedError:
        return None
    entries, nodes = counts
    marks = text.count(": ") + text.count(":\n")
    if nodes > max_nodes or (entries != marks and entries != marks - _marks_within(root)):
        return None
    return root


def _marks_within(value: Any) -> int:
    """How many ``": "`` and ``":\n"`` the strings in ``value`` hold, keys included.

    Each stands for one in the text inside a scalar (a line folded after a
    colon turns ``":\n"`` into ``": "``; escapes, comments and blank lines
    are refused), so the text's marks less these are the mapping entries'.
    """
    if type(value) is str:
        return value.count(": ") + value.count(":\n") if ":" in value else 0
    if type(value) is dict:
        return sum(_marks_within(k) + _marks_within(v) for k, v in value.items())
    if type(value) is tuple:
        return sum(_marks_within(v) for v in value)
    return 0


# The walk checks every value and turns lists into tuples, counting mapping
# entries and nodes; ``room`` is how many more levels of nesting are allowed
# (the quick pass's bound, kept one level earlier).


def _mapping(data: dict[Any, Any], room: int, counts: list[int]) -> dict[str, Any]:
    counts[0] += len(data)
    counts[1] += 2 * len(data)
    out: dict[str, Any] = {}
    for key, value in data.items():
        if type(key) is not str or key in YAML11_WORDS or len(key) > _MAX_KEY:
            raise _RefusedError
        kind = type(value)
        if kind is str:
            if value in YAML11_WORDS:
                raise _RefusedError
            out[key] = value
        else:
            out[key] = _value(value, kind, room, counts)
    return out


def _sequence(data: list[Any], room: int, counts: list[int]) -> tuple[Any, ...]:
    counts[1] += len(data)
    out = []
    for value in data:
        kind = type(value)
        if kind is str:
            if value in YAML11_WORDS:
                raise _RefusedError
            out.append(value)
        else:
            out.append(_value(value, kind, room, counts))
    return tuple(out)


def _value(value: Any, kind: type, room: int, counts: list[int]) -> Any:
    if kind is dict or kind is list:
        if room <= 1:
            raise _RefusedError
        if kind is dict:
            return _mapping(value, room - 1, counts)
        return _sequence(value, room - 1, counts)
    if kind is float and not abs(value) < _BIG:
        # an integer past 64 bits comes back as a float (or inf), where pakru
        # keeps it exact or refuses it; a float this large is left to libyaml too
        raise _RefusedError
    if kind is int or kind is float or kind is bool or value is None:
        return value
    raise _RefusedError  # a tagged value or a complex key: not for this route
