"""Scaffolds for contributors: a source record read from a report's text, and empty records.

``pakru new source FILE`` and ``pakru new KIND ID`` use these functions.
Nothing here invents data: a source field is filled only when the text
states it in a form :mod:`pakru.tools.layout` recognises (a date line, a
byline, a headline, a dateline), and then with the verbatim quote that
supports it, so ``pakru validate`` checks it like any other evidence. Every
other field of a scaffold is written as ``null`` with a comment saying what
belongs there; ``pakru validate`` reports the required ones until they are
filled.

Source ids. A report's text lives in ``records/sources/text/NNN_HASH.txt``
(``NNN`` the next free number, ``HASH`` 16 hex digits) and its id is
``src-`` plus the first 8 digits of ``HASH``. The five reports shipped first
came with their hashes; new reports get the first 16 hex digits of the
SHA-256 of their bytes, so adding the same text twice gives the same id.

Reading a report. A report file is hostile input like a record: it is read
only when it is a regular file (a FIFO is never opened for a blocking read,
a device never opened at all), at most :data:`~pakru.validate.read.MAX_BYTES`
bytes of it, and only UTF-8 text without NUL bytes is accepted
(:func:`read_report`).
"""

import hashlib
import json
import os
import re
import stat
from collections.abc import Iterator
from functools import cache
from pathlib import Path
from typing import Any

from pakru.schema.common import ID_PATTERN
from pakru.schema.record import RECORD_TYPES
from pakru.schema.text import normalise
from pakru.tools.layout import Field, read_layout
from pakru.validate.read import MAX_BYTES, kind_of

TEXT_NAME = re.compile(r"^(?P<number>\d{3})_(?P<hash>[0-9a-f]{16})\.txt$")


class ReportError(ValueError):
    """A report file that cannot be added as a source; the message says why."""


@cache
def id_max_length() -> int:
    """The longest id a record may have: the ``Id`` type's bound, as its JSON Schema states it."""
    schema = RECORD_TYPES["source"].model.model_json_schema(mode="validation")
    longest: int = schema["properties"]["id"]["maxLength"]
    return longest


def id_problem(value: str) -> str | None:
    """Why ``value`` is not a record id, or None when it is one."""
    if len(value) > (longest := id_max_length()):
        return f"is not an id: {len(value)} characters, at most {longest}"
    if not re.match(ID_PATTERN, value):
        return "is not an id: lower-case letters, digits, single hyphens"
    return None


def _line_column(data: bytes, offset: int) -> str:
    line = data.count(b"\n", 0, offset) + 1
    column = offset - (data.rfind(b"\n", 0, offset) + 1) + 1
    return f"line {line}, column {column}"


def read_report(path: Path, max_bytes: int = MAX_BYTES) -> bytes:
    """The bytes of a report's text file; :class:`ReportError` when it cannot be a report.

    Refused, with a message saying why: a missing file, a folder, a FIFO,
    socket or device (never opened for reading, so nothing blocks), a file
    over ``max_bytes`` (no more than ``max_bytes`` + 1 bytes are ever read),
    a NUL byte, and bytes that are not UTF-8.
    """
    try:
        info = path.stat()
        if not stat.S_ISREG(info.st_mode):
            raise ReportError(f"is {kind_of(info.st_mode)}, not a text file")
        # O_NONBLOCK: should a FIFO be swapped in after the check, opening it does not wait
        handle = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
        try:
            info = os.fstat(handle)
            if not stat.S_ISREG(info.st_mode):
                raise ReportError(f"is {kind_of(info.st_mode)}, not a text file")
            parts: list[bytes] = []
            total = 0
            while total <= max_bytes and (part := os.read(handle, max_bytes + 1 - total)):
                parts.append(part)
                total += len(part)
        finally:
            os.close(handle)
    except FileNotFoundError:
        raise ReportError("no such file") from None
    except OSError as error:
        raise ReportError(f"cannot read: {error.strerror or error}") from None
    data = b"".join(parts)
    if len(data) > max_bytes:
        raise ReportError(f"is larger than {max_bytes:,} bytes, the bound for a source text")
    if (nul := data.find(b"\0")) >= 0:
        raise ReportError(f"is not text: a NUL byte at {_line_column(data, nul)}")
    try:
        data.decode("utf-8")
    except UnicodeDecodeError as error:
        where = _line_column(data, error.start)
        raise ReportError(
            f"is not UTF-8 text (byte 0x{data[error.start]:02x} at {where})"
        ) from None
    return data


def same_text(text_dir: Path, data: bytes) -> Path | None:
    """A text file in ``text_dir`` holding exactly ``data``, if there is one.

    Only regular files of the same size are read (links, FIFOs and anything
    else a folder may hold are not opened), each no further than its size.
    """
    try:
        with os.scandir(text_dir) as listing:
            names = sorted(e.name for e in listing if e.is_file(follow_symlinks=False))
    except OSError:
        return None
    for name in names:
        path = text_dir / name
        if not name.endswith(".txt") or path.lstat().st_size != len(data):
            continue
        try:
            if read_report(path, max_bytes=len(data)) == data:
                return path
        except ReportError:
            continue
    return None


def text_hash(data: bytes) -> str:
    """The 16 hex digits naming a new report's text file: the start of its SHA-256."""
    return hashlib.sha256(data).hexdigest()[:16]


def source_id(file_name: str) -> str:
    """The source id for a text file name: ``000_9a68526da9c98cf0.txt`` → ``src-9a68526d``."""
    match = TEXT_NAME.match(file_name)
    if match is None:
        raise ValueError(f"{file_name!r} is not NNN_<16 hex digits>.txt")
    return f"src-{match['hash'][:8]}"


def next_file_name(text_dir: Path, data: bytes) -> str:
    """``NNN_HASH.txt`` for a new text: the next free number and the hash of ``data``."""
    numbers = [int(m["number"]) for p in text_dir.glob("*.txt") if (m := TEXT_NAME.match(p.name))]
    return f"{max(numbers, default=-1) + 1:03d}_{text_hash(data)}.txt"


def read_fields(text: str) -> list[Field]:
    """The source-record fields the text prints, each with its quote (:mod:`pakru.tools.layout`).

    ``title``, ``author``, ``publisher`` and ``published`` as
    :meth:`~pakru.tools.layout.Layout.fields` gives them; then ``dateline``
    (the city) and ``dateline.agency`` when the text opens with a dateline or
    ends with a place of issue, quoted as printed.
    """
    layout = read_layout(text)
    fields = layout.fields()
    if layout.undated is not None:  # a day and month with no year: no publication day
        fields.append(Field("published.undated", layout.undated.value, layout.undated.quote))
    if (dateline := layout.dateline) is not None:
        fields.append(Field("dateline", dateline.city, dateline.quote))
        if dateline.agency is not None:
            fields.append(Field("dateline.agency", dateline.agency, dateline.quote))
    return fields


def _scalar(value: str) -> str:
    if "\n" in value:  # a place and date of issue on two lines: a double-quoted "\n"
        return json.dumps(value, ensure_ascii=False)
    return "'" + value.replace("'", "''") + "'"


def source_yaml(record_id: str, file_name: str, fields: list[Field]) -> str:
    """The source record's YAML: every field read from the text, the rest null, with evidence."""
    found = {f.name: f for f in fields}
    lines = ["type: source", f"id: {record_id}", f"file: {file_name}"]
    for name in ("title", "publisher", "author", "published"):
        if name == "published" and "published.undated" in found:
            undated = found["published.undated"]
            lines.append(
                f"published: null  # {_scalar(undated.quote)} prints the day ({undated.value}) "
                "but no year, and the text no full date of that day: the year is unknown from "
                "the text, so dates derived from the publication day cannot be derived"
            )
        elif name not in found:
            lines.append(f"{name}: null")
        else:  # a date stays plain, as in every record; text is quoted, fmt unquotes it
            value = found[name].value
            lines.append(f"{name}: {value if name == 'published' else _scalar(value)}")
    if "dateline" in found:
        lines += ["dateline:", f"  city: {_scalar(found['dateline'].value)}"]
        if "dateline.agency" in found:
            lines.append(f"  agency: {_scalar(found['dateline.agency'].value)}")
    lines.append("evidence:")
    for f in fields:
        if f.name in ("dateline.agency", "published.undated"):
            continue  # the dateline's quote supports its agency; no day is supported
        lines += [
            f"  - source: {record_id}",
            f"    quote: {_scalar(f.quote)}",
            f"    supports: [{f.name}]",
        ]
    if not fields:
        lines += [
            f"  - source: {record_id}",
            "    quote: null  # a verbatim quote from the text",
            "    supports: []",
        ]
    return "\n".join(lines) + "\n"


# -- empty records of any kind, from the JSON Schema ---------------------------------


def _resolve(schema: dict[str, Any], node: dict[str, Any]) -> dict[str, Any]:
    ref = node.get("$ref")
    if ref is None:
        return node
    resolved: dict[str, Any] = schema["$defs"][ref.rsplit("/", 1)[1]]
    return resolved


def _hint(node: dict[str, Any]) -> str:
    options = node.get("enum") or next(
        (o["enum"] for o in node.get("anyOf", []) if "enum" in o), None
    )
    refs = node.get("x-references") or next(
        (o["x-references"] for o in node.get("anyOf", []) if "x-references" in o), None
    )
    words = normalise((node.get("description") or "").replace("``", ""))
    if options:
        words += f" One of: {', '.join(map(str, options))}."
    if refs:
        words += f" An id of a {' or '.join(refs)} record."
    return words.strip()


def _nullable_scalar(prop: dict[str, Any]) -> bool:
    """An optional field holding one value or null (an id, a number): no list, no object."""
    kinds = [o.get("type") for o in prop.get("anyOf", [])]
    return "null" in kinds and all(k in {"null", "string", "integer", "number"} for k in kinds)


ASKED_FOR: dict[str, frozenset[str]] = {"person": frozenset({"titles"})}
"""Optional lists a rule asks for, written as one entry to fill: a person acting in an act
needs a title with its ``attested`` date (``acts.person-role``)."""


def _wanted(node: dict[str, Any], name: str, *, nested: bool) -> bool:
    """Whether the scaffold writes the field: required ones, optional ones the validator may
    ask for (an id or a number; in a nested object such as a location, also its lists, such
    as the gazetteer's fields and their derivations)."""
    prop = node["properties"][name]
    if name in node.get("required", []) or name in node.get("x-asked", ()):
        return True
    if _nullable_scalar(prop):
        return True
    return nested and prop.get("type") == "array" and "$ref" in prop.get("items", {})


def _lines(
    schema: dict[str, Any],
    node: dict[str, Any],
    indent: str,
    values: dict[str, str],
    *,
    nested: bool = False,
) -> Iterator[str]:
    """``key: null  # what belongs here`` for every field to fill, nested objects expanded."""
    node = _resolve(schema, node)
    for name in [n for n in node.get("properties", {}) if _wanted(node, n, nested=nested)]:
        prop = node["properties"][name]
        asked = name in node.get("x-asked", ())
        if name not in node.get("required", []) and prop.get("type") == "array" and not asked:
            yield f"{indent}{name}: []  # {_hint(prop)}".rstrip()
            continue
        target = _resolve(schema, prop)
        hint = _hint({**target, **prop})
        if name in values:
            yield f"{indent}{name}: {values[name]}"
        elif "const" in prop:
            yield f"{indent}{name}: {prop['const']}"
        elif target.get("type") == "object":
            yield f"{indent}{name}:  # {hint}" if hint else f"{indent}{name}:"
            yield from _lines(schema, target, indent + "  ", values, nested=True)
        elif prop.get("type") == "array" and _resolve(schema, prop["items"]).get("required"):
            yield f"{indent}{name}:  # {hint}" if hint else f"{indent}{name}:"
            item = list(_lines(schema, prop["items"], indent + "    ", values))
            yield indent + "  - " + item[0].lstrip()
            yield from item[1:]
        elif prop.get("type") == "array":
            items = _hint(_resolve(schema, prop["items"]))
            yield f"{indent}{name}: []  # {hint} Items: {items}".rstrip()
        else:
            yield f"{indent}{name}: null  # {hint}" if hint else f"{indent}{name}: null"


def record_yaml(
    kind: str, record_id: str, source: str | None = None, *, series: str | None = None
) -> str:
    """An empty record of ``kind``: its required fields, null, each with a comment saying what.

    ``pakru validate`` reports each required field until it is filled; the
    comments say what the field holds and, for a fixed list, its values.
    """
    schema = RECORD_TYPES[kind].model.model_json_schema(mode="validation")
    schema["x-asked"] = sorted(ASKED_FOR.get(kind, ()))
    values = {"id": record_id}
    if source:
        values["source"] = source
    if series:
        values["series"] = series
    return "\n".join(_lines(schema, schema, "", values)) + "\n"
