"""The generated files of the schema package, written into a checkout and checked.

:mod:`pakru.schema` computes them and writes no file: the JSON Schema files
(:mod:`pakru.schema.jsonschema`; ``pakru schema`` writes them into
``schema/json/`` and says which are stale) and the reference extract
(:func:`pakru.schema.reference.extract`, rebuilt by :func:`write_reference`).
"""

import stat
from collections.abc import Iterable
from pathlib import Path

from pakru.schema import reference
from pakru.schema.jsonschema import JSON_DIR, render, schemas
from pakru.tools.atomic import check_inside, remove_orphans, write_text

EXTRACT = JSON_DIR.parent / reference.REFERENCE_FILE
"""``schema/reference.json`` of the checkout (or installation) pakru runs from."""


def write(directory: Path) -> list[Path]:
    """Write every schema file into ``directory``; return the files that changed.

    Nothing is written through a link: ``directory`` and the files in it must
    not be symbolic links (:class:`pakru.tools.atomic.UnsafePathError`, checked for
    every file before any is written). Each file is written atomically, and
    a killed run's temporary files there are removed first.
    """
    planned = [(directory / name, render(document)) for name, document in schemas().items()]
    for path in (directory, *(p for p, _ in planned)):
        check_inside(directory, path)
    directory.mkdir(parents=True, exist_ok=True)
    check_inside(directory, directory)  # made just now, or there already: not a link
    remove_orphans(directory)
    changed = []
    for path, content in planned:
        if not _holds(path, content):
            write_text(path, content, root=directory)
            changed.append(path)
    return changed


def _holds(path: Path, content: str) -> bool:
    """Whether the regular file ``path`` holds exactly ``content`` (read no further)."""
    expected = content.encode("utf-8")
    try:
        info = path.lstat()
        if not stat.S_ISREG(info.st_mode) or info.st_size != len(expected):
            return False
        return path.read_bytes() == expected
    except OSError:
        return False


def stale(directory: Path = JSON_DIR) -> list[str]:
    """Names of schema files in ``directory`` that are missing or differ from the models."""
    return [
        name
        for name, document in schemas().items()
        if not (directory / name).exists()
        or (directory / name).read_text(encoding="utf-8") != render(document)
    ]


def write_reference(path: Path = EXTRACT, names: Iterable[str] | None = None) -> bool:
    """Rebuild the reference extract from the installed packages; whether the file changed.

    ``names`` (the printed names to hold romanisation candidates for) defaults
    to those the shipped extract holds. Rebuild it after adding a country code
    or a name a record derives aliases from (``docs/contributing.md``).
    """
    if names is None:
        names = reference.held_names() if path == EXTRACT else ()
    content = reference.render(reference.extract(names))
    if _holds(path, content):
        return False
    write_text(path, content, root=path.parent)
    return True
