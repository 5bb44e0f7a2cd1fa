"""The downloads page: every export format, made in-process by :func:`pakru.export.export`.

An export that fails raises, so ``mkdocs build --strict`` fails with it;
a site never says "not available" for a format the library can write.
"""

import tempfile
from pathlib import Path

import pakru
from pakru.dataset import Dataset
from pakru.export import FORMATS, export
from pakru.site.paths import rel

Pages = dict[str, str | bytes]


def exports(ds: Dataset) -> tuple[Pages, list[str]]:
    """Every export format written under ``downloads/<format>/``; the files and the page lines."""
    files: Pages = {}
    lines: list[str] = []
    for fmt in FORMATS:
        with tempfile.TemporaryDirectory() as tmp:
            out = Path(tmp) / fmt
            written = sorted(export(ds, fmt, out))
            if not written:
                raise RuntimeError(f"pakru export --format {fmt} wrote no file")
            links = []
            for path in written:
                name = f"downloads/{fmt}/{path.relative_to(out).as_posix()}"
                files[name] = path.read_bytes()
                shown = path.relative_to(out).as_posix()
                links.append(
                    f"[{shown}]({rel('downloads.md', name)}) ({path.stat().st_size:,} bytes)"
                )
            lines.append(f"- **{fmt}**: " + ", ".join(links))
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
            "was built.",
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
