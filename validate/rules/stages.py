"""Checks made while reading, parsing and building models and reading the manifest files.

Registered here for ``pakru rules``, the docs and ``--select``.
"""

from pakru.validate.registry import stage_rule

for _id, _severity, _doc in (
    ("read.io", "error", "A file could not be read."),
    (
        "read.outside",
        "error",
        "A record file, report text or folder is a link that leads out of the records tree, "
        "so it is not read.",
    ),
    ("read.too-large", "error", "A file is larger than the size bound (1,000,000 bytes)."),
    ("read.nul-byte", "error", "A file contains a NUL byte, so it is not text."),
    ("read.encoding", "error", "A file is not valid UTF-8."),
    (
        "read.suffix",
        "error",
        "A record-like file has a suffix in another case (x.YAML), so it is not read.",
    ),
    ("yaml.syntax", "error", "A file is not valid YAML."),
    (
        "yaml.tab",
        "error",
        "A tab character; YAML indents with spaces and parsers disagree on tabs.",
    ),
    ("yaml.empty", "error", "A file holds no record."),
    ("yaml.root", "error", "A file's top level is not a mapping."),
    ("yaml.multiple-documents", "error", "A file holds more than one YAML document."),
    (
        "yaml.duplicate-key",
        "error",
        "A mapping repeats a key; YAML loaders would keep one silently.",
    ),
    ("yaml.key", "error", "A mapping key is not a string."),
    ("yaml.alias", "error", "An alias is used; records are plain data and aliases can explode."),
    (
        "yaml.tag",
        "error",
        "A tag other than the YAML core tags, or on the wrong kind of node (no object is built).",
    ),
    (
        "yaml.layout",
        "error",
        "An explicit key ('?'), an empty value in a flow collection, or a comment inside a flow "
        "collection or between a key and a value on a later line: parsers or pakru fmt differ.",
    ),
    ("yaml.too-deep", "error", "Values are nested deeper than the parser's bound."),
    ("yaml.too-many-nodes", "error", "A file holds more values than the parser's bound."),
    ("yaml.number", "error", "An integer has more digits than Python converts (4,300)."),
    (
        "yaml.ambiguous-scalar",
        "warning",
        "A plain yes/no/on/off scalar, a boolean in YAML 1.1, is read as a string; quote it.",
    ),
    ("schema.unknown-type", "error", "A record's 'type' is not one of the record kinds."),
    ("schema.unknown-key", "error", "A key is not a field of the record kind."),
    ("schema.missing-key", "error", "A required key is missing."),
    ("schema.wrong-type", "error", "A value has the wrong type; nothing is coerced."),
    ("schema.invalid-value", "error", "A value breaks a constraint of its field."),
    ("manifest.version", "error", "``VERSION`` is not a semantic version (MAJOR.MINOR.PATCH)."),
    ("manifest.json", "error", "``withdrawn.json`` is not JSON, or not a list of entries."),
    ("manifest.entry", "error", "An entry of ``withdrawn.json`` lacks a key or has a wrong value."),
    ("manifest.withdrawn-record", "error", "An id in ``withdrawn.json`` still names a record."),
    (
        "manifest.merged-unknown",
        "error",
        "An id in ``withdrawn.json`` was merged into an id that names nothing.",
    ),
):
    stage_rule(_id, _severity, _doc)  # type: ignore[arg-type]
