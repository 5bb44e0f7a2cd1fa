"""Canonical form of record files: one layout, so a diff shows only real changes.

The canonical layout is: keys in the model's field order (``type`` and
``id`` first, ``evidence`` and ``note`` last; unknown keys kept at the end),
two-space indentation with list items indented under their key, lists of
scalars in flow style (``[PK, RU]``), lists of mappings in block style,
strings quoted only where YAML needs it, plus where YAML 1.1 would read a
plain word as a boolean (``'NO'``), and double-quoted where a string holds a
character records refuse raw (a tab, a control character, U+2028: written as
an escape). There are no document markers (``---``, ``...``) and no
``%YAML 1.2`` directive; a comment above or on them, or after the end, is
kept at the top or the bottom. Every comment and block scalar (``>-``) is
kept. Formatting never changes the data or loses a comment:
:func:`format_text` checks that the parsed value and the comments are the
same before and after, and formatting a formatted text changes nothing.

``format_text`` reads the file with the validator's parse stage first, so it
formats exactly the files ``pakru validate`` reads: one that the parse stage
refuses is refused with the same finding before ruamel sees it.
"""

import io
import re
from collections import Counter
from functools import cache
from typing import Any

from pydantic import BaseModel
from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.representer import RoundTripRepresenter

from pakru.schema import RECORD_TYPES
from pakru.schema.introspect import FieldSpec, fields, fields_by_name
from pakru.schema.markers import Role
from pakru.validate.parse import REFUSED_CHARACTERS, YAML11_BOOL, Parsed, comments, parse
from pakru.validate.read import Text

FLOW_WIDTH = 60
"""A list of scalars is written ``[a, b]`` when its items take at most this many characters."""


class FormatError(ValueError):
    """The file cannot be formatted (it does not parse, or formatting would change it)."""


class _Representer(RoundTripRepresenter):
    """Quotes the YAML 1.1 boolean words, which ruamel (YAML 1.2) would leave plain."""

    def represent_str(self, data: str) -> Any:
        if YAML11_BOOL.match(data):
            return self.represent_scalar("tag:yaml.org,2002:str", data, style="'")
        if "\t" in data or REFUSED_CHARACTERS.search(data):
            # written as escapes: the parse stage refuses these characters raw
            return self.represent_scalar("tag:yaml.org,2002:str", data, style='"')
        return super().represent_str(data)

    def represent_none(self, data: None) -> Any:
        del data
        return self.represent_scalar("tag:yaml.org,2002:null", "null")


_Representer.add_representer(str, _Representer.represent_str)
_Representer.add_representer(type(None), _Representer.represent_none)


def _yaml() -> YAML:
    yaml = YAML(typ="rt")
    yaml.Representer = _Representer
    yaml.indent(mapping=2, sequence=4, offset=2)
    yaml.width = 4096
    yaml.preserve_quotes = False
    yaml.explicit_start = False
    return yaml


def round_trip() -> YAML:
    """The round-trip YAML reader and writer ``pakru fmt`` uses (comments kept), for tools
    that change a record file (``pakru draft --apply``)."""
    return _yaml()


def _place(spec: FieldSpec) -> int:
    if Role.KEY in spec.roles:
        return 0
    if spec.is_evidence:
        return 2
    return 3 if Role.NOTE in spec.roles else 1


@cache
def key_order(model: type[BaseModel]) -> tuple[str, ...]:
    """Canonical key order for a model: keys (``type``, ``id``), own fields, ``evidence``, ``note``.

    Fields marked :attr:`~pakru.schema.markers.Role.KEY` come first, most
    specific first (``type`` is declared by each kind, ``id`` by the base);
    the record's quotes and the editor's note come last.
    """
    specs = fields(model)
    keys = [s.name for s in reversed(specs) if _place(s) == 0]
    rest = sorted((s for s in specs if _place(s) > 0), key=_place)
    return (*keys, *(s.name for s in rest))


def _canonical(node: Any, model: type[BaseModel] | None) -> None:
    if isinstance(node, CommentedMap):
        _order(node, model)
        for key in node:
            spec = fields_by_name(model).get(key) if model else None
            _canonical(node[key], spec.model if spec else None)
    elif isinstance(node, CommentedSeq):
        scalars = all(not isinstance(item, CommentedMap | CommentedSeq) for item in node)
        if scalars and sum(len(str(item)) + 2 for item in node) <= FLOW_WIDTH:
            node.fa.set_flow_style()
        else:
            node.fa.set_block_style()
        for item in node:
            _canonical(item, model)


def _order(node: CommentedMap, model: type[BaseModel] | None) -> None:
    if model is None:
        return
    known = [k for k in key_order(model) if k in node]
    unknown = [k for k in node if k not in known]
    for key in [*known, *unknown]:
        node.move_to_end(key)


def _record_model(data: Any) -> type[BaseModel] | None:
    kind = data.get("type") if isinstance(data, dict) else None
    record_type = RECORD_TYPES.get(kind) if isinstance(kind, str) else None
    return record_type.model if record_type else None


def _parsed(text: str, path: str) -> Parsed:
    parsed = parse(Text(path, text))
    if not isinstance(parsed, Parsed):
        where = f"{path}:{parsed.line}:{parsed.column}" if parsed.line else path
        raise FormatError(f"{where}: {parsed.message} [{parsed.rule}]")
    return parsed


_LINES = re.compile(r"[^\r\n]*(?:\r\n|\r|\n|$)")
_START = re.compile(r"---(?:[ ]|$)")
_END = re.compile(r"\.\.\.(?:[ ]|$)")


def _frame(text: str) -> tuple[list[str], str, list[str]]:
    """The comments above the document, its body, and the comments after its end.

    ruamel drops a comment above a ``---`` or ``%YAML`` line and one after
    ``...``; the canonical form has neither marker nor directive, and keeps
    those comments as the first and last lines. The parse stage has accepted
    the text, so it holds one document: every line before a ``---`` line is
    blank, a comment or a directive, and every line from a ``...`` line on is
    blank, a comment or another ``...``.
    """
    lines = [m.group() for m in _LINES.finditer(text) if m.group()]
    head: list[str] = []
    body_start = 0
    for number, line in enumerate(lines):
        stripped = line.rstrip("\r\n")
        if _START.match(stripped):
            rest = stripped[3:].lstrip(" ")
            if rest.startswith("#") or not rest:
                head += [rest] if rest else []
                body_start = number + 1
            else:  # content on the marker line: keep it, in the marker's columns
                lines[number] = "   " + line[3:]
                body_start = number
            break
        if stripped.strip(" ") and not stripped.lstrip(" ").startswith(("#", "%")):
            head = []  # no document start marker: ruamel keeps the leading comments itself
            break
        if stripped.lstrip(" ").startswith("#"):
            head.append(stripped.strip(" "))
    body_end = len(lines)
    tail: list[str] = []
    for number in range(body_start, len(lines)):
        if _END.match(lines[number]):
            body_end = number
            for line in lines[number:]:
                comment = line.rstrip("\r\n").removeprefix("...").strip(" ")
                tail += [comment] if comment else []
            break
    return head, "".join(lines[body_start:body_end]), tail


def _dump(body: str, data: Any, path: str) -> str:
    """The canonical form of a document's body, by ruamel (comments kept)."""
    yaml = _yaml()
    try:
        document = yaml.load(body)
        _canonical(document, _record_model(data))
        out = io.StringIO()
        yaml.dump(document, out)
    except Exception as error:
        reason = str(error).strip().splitlines()[0] if str(error).strip() else type(error).__name__
        raise FormatError(f"{path}: cannot format: {reason}") from None
    return out.getvalue().lstrip("\n")


def format_text(text: str, path: str = "<record>") -> str:
    """The canonical text of a record file; raises FormatError if it cannot be formatted."""
    before = _parsed(text, path)
    head, body, tail = _frame(text)
    dumped = _dump(body, before.data, path)
    result = "".join(f"{line}\n" for line in head) + dumped + "".join(f"{c}\n" for c in tail)
    if _parsed(result, path).data != before.data:
        raise FormatError(f"{path}: formatting would change the data; left as it is")
    lost = Counter(comments(text)) - Counter(comments(result))
    if lost:
        raise FormatError(
            f"{path}: formatting would lose the comment {next(iter(lost))!r}; left as it is"
        )
    return result
