"""The ``source_texts`` table: the full text of every report, for search and reading.

Kept apart from :mod:`pakru.export.definitions` because its rows are whole
documents, not facts: the SQLite export indexes it for full-text search
(``source_texts_fts``) and the other formats carry it so that no export
needs the package to read the quotes in context.
"""

from typing import TYPE_CHECKING

from pakru.export.definitions import Column, ForeignKey, Table

if TYPE_CHECKING:
    from pakru.dataset import Dataset

NAME = "source_texts"


def source_texts(ds: "Dataset") -> Table:
    """One row per source whose text was read: id, file name and the text, unchanged."""
    return Table(
        name=NAME,
        description="The full text of each report, exactly as shipped in records/sources/text/.",
        columns=(
            Column("source_id", "string", "The source record.", required=True),
            Column("file", "string", "File name under records/sources/text/."),
            Column("text", "string", "The report's text, unchanged."),
        ),
        primary_key=("source_id",),
        foreign_keys=(ForeignKey(("source_id",), "sources"),),
        rows=tuple(
            {"source_id": s.id, "file": s.file, "text": ds.texts[s.id]}
            for s in ds.sources
            if s.id in ds.texts
        ),
    )
