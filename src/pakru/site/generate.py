"""The pakru website, generated from the records: every generated page, and writing them.

``pages(ds)`` is a pure function from a :class:`~pakru.dataset.Dataset` to
``{path under docs/: content}``: a page per record, the kind lists, series,
conflicts, coverage, the home page's timeline and map, the codebook (the
coding policy and a page per CAMEO code used, listing its acts), the schema
and rules reference and the downloads (made in-process by :mod:`pakru.export`).
``write()`` hands the pages to mkdocs-gen-files (``docs/gen_pages.py`` is a
shim that calls it) or to ``python -m pakru.site``.
"""

import logging
from collections.abc import Callable
from pathlib import Path
from typing import IO, Any

from pakru.dataset import Dataset
from pakru.loading import DatasetError, load_tree
from pakru.schema.record import RECORD_TYPES
from pakru.site.analysis import analysis_page
from pakru.site.codebook import pages as codebook_pages
from pakru.site.context import Site
from pakru.site.downloads import Pages, downloads_page, exports
from pakru.site.lists import KIND_TITLES, coverage_pages, home, kind_index
from pakru.site.markup import first_sentence, front_matter
from pakru.site.paths import index_of, page_of
from pakru.site.records import data_path, record_page
from pakru.site.reference_pages import rules_page, schema_page
from pakru.site.search import record_indexes
from pakru.site.series import series_index
from pakru.site.toolchain import NOTICE
from pakru.tools.tree import find

__all__ = ["SiteError", "pages", "write"]


class SiteError(Exception):
    """The site cannot be built: the records do not load. The message names the tree and
    the findings (file, line, rule), to be printed as it is, without a traceback."""


def _record_files(ds: Dataset, folder: Path | None) -> Pages:
    """Each record's JSON, and its YAML file as written when the folder holds it."""
    out: Pages = {}
    for record in ds.records:
        out[data_path(record, ".json")] = record.model_dump_json(indent=2) + "\n"
        if folder is not None:
            path = folder / RECORD_TYPES[record.type].folder / f"{record.id}.yaml"
            if path.is_file():
                out[data_path(record, ".yaml")] = path.read_bytes()
    return out


def pages(
    ds: Dataset,
    *,
    run_exports: bool = True,
    folder: Path | None = None,
    site_url: str = "",
    links_from_file: bool = False,
) -> Pages:
    """Every generated file of the site: path under ``docs/`` → content.

    A path ending in ``+`` is appended to the hand-written page of that name.
    ``links_from_file`` writes the links of raw HTML for Zensical (see
    :class:`~pakru.site.context.Site`).
    """
    from pakru.schema import jsonschema  # noqa: PLC0415 - only the site needs the schema files

    site = Site(ds, links_from_file=links_from_file)
    out: Pages = _record_files(ds, folder)
    for record in ds.records:
        has_yaml = data_path(record, ".yaml") in out
        out[page_of(record)] = record_page(site, record, has_yaml=has_yaml)
    for kind in KIND_TITLES:
        out[index_of(kind)] = kind_index(site, kind)
    out.update(record_indexes(site))
    out["series.md"] = series_index(site)
    json_files = {n: jsonschema.render(d) for n, d in jsonschema.schemas().items()}
    for name, text in json_files.items():
        out[f"reference/schema/{name}"] = text
    out["reference/schema.md"] = schema_page(json_files)
    out["reference/rules.md"] = rules_page()
    out.update(coverage_pages(site))
    out["analysis.md"] = analysis_page(site)
    out.update(codebook_pages(site))
    export_files, export_lines = exports(ds) if run_exports else ({}, [])
    out.update(export_files)
    dump = [r.model_dump_json() for r in ds.records]
    out["downloads/records.json"] = "[\n" + ",\n".join(dump) + "\n]\n"
    out["downloads.md"] = downloads_page(ds, export_lines, list(json_files))
    out["index.md+"] = home(site, site_url=site_url)
    return _described(out)


def _described(out: Pages) -> Pages:
    """Each generated page with no front matter gets its first paragraph as its meta
    description, so no two pages share the site's one description."""
    for name, content in out.items():
        if name.endswith(".md") and isinstance(content, str) and not content.startswith("---"):
            said = first_sentence(content)
            if said:
                out[name] = front_matter(None, said) + content
    return out


Opener = Callable[..., IO[Any]]


def write(open_file: Opener, *, site_url: str = "", links_from_file: bool = False) -> None:
    """Write every page of the records tree :func:`pakru.tools.tree.find` names through
    ``open_file`` (``mkdocs_gen_files.open``).

    Raises :class:`SiteError` when the records do not load; the entry points
    (``docs/gen_pages.py``, ``python -m pakru.site``) print its message and fail.
    """
    log = logging.getLogger("mkdocs.plugins.pakru")
    log.info(NOTICE)
    records = find()
    folder = records.path
    try:
        ds = load_tree(records)
    except DatasetError as error:  # NotRecordsError too: a missing or empty PAKRU_RECORDS
        findings = str(error).rstrip("\n")
        where = records.describe()
        raise SiteError(f"pakru: cannot build the site from {where}: {findings}") from None
    log.info("pakru: building the site from %s records in %s", len(ds), records.describe())
    for name, content in pages(
        ds, folder=folder, site_url=site_url, links_from_file=links_from_file
    ).items():
        if name.endswith("+"):
            with open_file(name[:-1], "a", encoding="utf-8") as f:
                f.write(str(content))
        elif isinstance(content, bytes):
            with open_file(name, "wb") as fb:
                fb.write(content)
        else:
            with open_file(name, "w", encoding="utf-8") as f:
                f.write(content)
