"""``pakru validate FILE...``: check a few files against the whole tree they belong to.

The tree a file belongs to is loaded so references resolve and cross-record
rules see every record; only the findings on the given files, on files
whose records refer to them, and on the tree's manifest files are reported.
"""

import os
from collections.abc import Iterable, Sequence
from pathlib import Path, PurePath

from pakru.schema import RECORD_TYPES
from pakru.schema.introspect import references
from pakru.validate.provenance import Provenance
from pakru.validate.read import outside, tree_folder

FOLDERS = frozenset(t.folder for t in RECORD_TYPES.values())


def records_tree_of(path: Path) -> Path | None:
    """The records tree a record file is in (``records/`` for ``records/meetings/x.yaml``).

    None for a file that resolves out of the tree it is spelled in (a link, or
    a file under a linked folder): checked on its own, it is a ``read.outside``
    finding and is not read, and the tree it leads to is not loaded.
    """
    if outside(path, os.path.realpath(tree_folder(path))) is not None:
        return None
    parent = path.resolve().parent
    return parent.parent if parent.name in FOLDERS else None


def trees(paths: Sequence[Path]) -> dict[Path, list[Path]]:
    """Records tree (or the file itself, when outside any tree) → the given files in it."""
    out: dict[Path, list[Path]] = {}
    for path in paths:
        root = records_tree_of(path) if path.is_file() else None
        out.setdefault(root or path, []).append(path)
    return out


def touching(provenance: Provenance, paths: Iterable[str]) -> set[str]:
    """The shown ``paths`` plus every file whose record refers to a record in them."""
    given = set(paths)
    # a file that did not build has no record: its name is its id (ids.filename)
    ids = {o.record.id for o in provenance if o.path in given}
    ids |= {PurePath(p).stem for p in given}
    out = set(given)
    for origin in provenance:
        if origin.path not in out and any(t in ids for _, t, _ in references(origin.record)):
            out.add(origin.path)
    return out
