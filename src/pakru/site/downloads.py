"""The downloads page: every export format, made in-process by :func:`pakru.export.export`.

An export that fails raises, so ``mkdocs build --strict`` fails with it;
a site never says "not available" for a format the library can write.
"""

import io
import tempfile
import zipfile
from pathlib import Path, PurePosixPath

import pakru
from pakru.dataset import Dataset
from pakru.export import ALL, FORMATS, export, tables
from pakru.site.markup import esc, table
from pakru.site.paths import rel

Pages = dict[str, str | bytes]

ZIP = "downloads/pakru-exports.zip"
"""Every export file in one archive, laid out as ``pakru export --format all`` lays it out."""

FORMAT_WORDS = {
    "json": "one JSON file per table, an array of rows",
    "jsonl": "one JSON Lines file per table, a row per line",
    "csv": "one CSV file per table",
    "sqlite": "every table in one SQLite database, with keys and views",
    "datapackage": "a Frictionless data package: the CSV tables and a descriptor of them",
    "parquet": "one Parquet file per table, typed columns",
}
"""Export format → what it is, in words."""

FILE_WORDS = {
    "CITATION.cff": "How to cite the data, in the Citation File Format citation managers read.",
    "LICENSE": "The licences: CC BY 4.0 for the data, MIT for the code.",
    "datapackage.json": "The data package descriptor: every table, its columns, their types "
    "and descriptions, keys and foreign keys.",
    "meta.json": "Names, versions and licence of the export.",
    "meta.csv": "Names, versions and licence of the export, as key–value rows.",
    "metadata.json": "Titles, descriptions, licence and source of every table, as Datasette "
    "reads them beside the SQLite database.",
    "records.json": "Every record as one JSON document, nested as the models give it.",
    "records.jsonl": "Every record as one JSON document per line, nested as the models give it.",
    "records.schema.json": "The JSON Schema of the records file.",
    "dtypes.json": "The type of every column of every table (pandas, Arrow, SQLite, readr), "
    "so a reader keeps codes as strings and unknown apart from empty.",
    "dtypes.csv": "The type of every column of every table, as rows: the same map as dtypes.json.",
}
"""Files that are not tables → what they hold."""

_ZIP_TIME = (2000, 1, 1, 0, 0, 0)
"""Every member's time in the archive, so the same exports make the same bytes."""


def describe(name: str, table_words: dict[str, str]) -> str:
    """What an export file holds, in words: its table's description, or the file's."""
    path = PurePosixPath(name)
    if path.name in FILE_WORDS:
        return FILE_WORDS[path.name]
    if path.stem in table_words:
        return table_words[path.stem]
    if path.suffix in (".sqlite", ".db"):
        return "Every table in one SQLite database, with primary and foreign keys and views."
    return "Part of the export."


def exports(ds: Dataset) -> tuple[Pages, list[str]]:
    """Every export format written under ``downloads/<format>/``, and all of them in one zip;
    the files and the page lines (per format, a table of its files, what each holds, its size).
    """
    files: Pages = {}
    lines: list[str] = []
    table_words = {name: t.description for name, t in tables(ds).items()}
    archive = io.BytesIO()
    with (
        tempfile.TemporaryDirectory() as tmp,
        zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as bundle,
    ):
        # one export of every format, which builds the tables once (not once per format)
        out = Path(tmp) / "all"
        written = sorted(export(ds, ALL, out))
        for fmt in FORMATS:
            mine = [p for p in written if p.relative_to(out).parts[0] == fmt]
            if not mine:
                raise RuntimeError(f"pakru export --format {fmt} wrote no file")
            rows = []
            for path in mine:
                shown = path.relative_to(out / fmt).as_posix()
                name = f"downloads/{fmt}/{shown}"
                content = path.read_bytes()
                files[name] = content
                member = zipfile.ZipInfo(f"pakru-exports/{fmt}/{shown}", _ZIP_TIME)
                member.compress_type = zipfile.ZIP_DEFLATED
                bundle.writestr(member, content)
                rows.append(
                    [
                        f"[{esc(shown)}]({rel('downloads.md', name)})",
                        esc(describe(shown, table_words)),
                        f"{len(content):,} bytes",
                    ]
                )
            lines += [f"### {fmt}", "", f"{FORMAT_WORDS.get(fmt, fmt).capitalize()}.", ""]
            lines += table(["File", "What it holds", "Size"], rows)
    files[ZIP] = archive.getvalue()
    size = len(files[ZIP])
    lines = [
        f"[Every export in one zip]({rel('downloads.md', ZIP)}) ({size:,} bytes): the files "
        "below, one folder per format.",
        "",
        *lines,
    ]
    return files, lines


def downloads_page(ds: Dataset, export_lines: list[str], json_files: list[str]) -> str:
    """The downloads page."""
    page = "downloads.md"
    return "\n".join(
        [
            "# Downloads",
            "",
            f"Built from {len(ds)} records with pakru {pakru.__version__}"
            + (f", data version {ds.version}." if ds.version else "."),
            "",
            "## Exports",
            "",
            "The same files `pakru export --format FORMAT --out DIR` writes, made when the site "
            "was built. Every format holds the same tables; each table's columns are described "
            "in the data package descriptor and in the "
            f"[library guide]({rel(page, 'library.md')}).",
            "",
            *(export_lines or ["- Exports were not made for this build."]),
            "",
            "## Records as JSON",
            "",
            f"- [records.json]({rel(page, 'downloads/records.json')}): every record as the "
            "models dump it. Each record's page also links its own JSON and YAML.",
            "",
            "## JSON Schema",
            "",
            *[f"- [{n}]({rel(page, 'reference/schema/' + n)})" for n in sorted(json_files)],
            "",
            "## Rights",
            "",
            "The records are published under CC BY 4.0 and the code under the MIT licence. The "
            "report texts in the exports and on the source pages are third-party material, "
            "reproduced so that every quote can be checked; they remain under their publishers' "
            "rights and are not covered by the data licence.",
            "",
        ]
    )
