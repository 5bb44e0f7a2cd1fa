"""Canonical form of record files: one layout, so a diff shows only real changes.

The canonical layout is: keys in the model's field order (``type`` and
``id`` first, ``evidence`` and ``note`` last; unknown keys kept at the end),
two-space indentation with list items indented under their key, lists of
scalars in flow style (``[PK, RU]``), lists of mappings in block style,
strings quoted only where YAML needs it, plus where YAML 1.1 would read a
plain word as a boolean (``'NO'``). Comments and block scalars (``>-``) are
kept. Formatting never changes the data: :func:`format_text` checks that
the parsed value is identical before and after.
"""

import io
from functools import cache
from typing import Any

from pydantic import BaseModel
from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.representer import RoundTripRepresenter

from pakru.schema import RECORD_TYPES
from pakru.schema.introspect import FieldSpec, fields, fields_by_name
from pakru.schema.markers import Role
from pakru.validate.parse import YAML11_BOOL, Parsed, parse
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


def format_text(text: str, path: str = "<record>") -> str:
    """The canonical text of a record file; raises FormatError if it cannot be formatted."""
    before = _parsed(text, path)
    yaml = _yaml()
    document = yaml.load(text)
    _canonical(document, _record_model(before.data))
    out = io.StringIO()
    yaml.dump(document, out)
    result = out.getvalue()
    if _parsed(result, path).data != before.data:
        raise FormatError(f"{path}: formatting would change the data; left as it is")
    return result
