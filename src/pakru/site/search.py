"""The site's record search: one small index per record kind, loaded when a reader searches.

Material's search builds one full-text index of every page in the reader's
browser before the first answer, which at 10,000 records means tens of
megabytes and many seconds. Record pages are therefore left out of it (their
front matter says ``search: exclude``), and the site's script
(``docs/javascripts/site.js``) searches these files instead: for each record
its page, name, summary sentence (what it is, date, place, aliases) and the
words it is found by besides its name (aliases, id). The files are fetched only when
the search box is first used, one per kind, so a page costs nothing until
then, and matching is one pass over a few hundred bytes per record.

Record text is hostile input: the files are JSON, read with ``JSON.parse`` and
shown with ``textContent``; ``<``, ``>`` and ``&`` are written as JSON escapes
so no byte of a file reads as markup to anything that sniffs it.
"""

import json

from pakru.schema import Record
from pakru.site.context import Site
from pakru.site.lists import KIND_TITLES
from pakru.site.markup import page_title
from pakru.site.paths import index_of, page_of, url_of
from pakru.site.words import label, summary

__all__ = ["FOLDER", "MANIFEST", "record_indexes"]

FOLDER = "search/records"
"""Where the indexes are published, under the site's root (beside Material's ``search/``)."""

MANIFEST = f"{FOLDER}/index.json"
"""The list of the kinds' index files the script fetches, with each one's record count."""

_JSON_IN_HTML = str.maketrans({"<": "\\u003c", ">": "\\u003e", "&": "\\u0026"})


def entry(record: Record) -> list[str]:
    """One record's row: [URL from the site's root, name, summary, found by].

    The name and the sentences are :func:`~pakru.site.markup.page_title` forms, as
    the record's page shows them in its title; "found by" adds the aliases and the id.
    """
    aliases = [str(a) for a in getattr(record, "aliases", ()) or ()]
    words = " ".join([record.id, *aliases])
    return [
        url_of(page_of(record)),
        page_title(label(record)),
        page_title(summary(record)),
        page_title(words),
    ]


def _dump(value: object) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":")).translate(_JSON_IN_HTML)


def record_indexes(site: Site) -> dict[str, str]:
    """Path under ``docs/`` → content: each record kind's index and the manifest naming them.

    Kinds come in the order of the site's lists (meetings first), records in the
    dataset's order; the script ranks a match by how well it matches, then by
    this order.
    """
    by_kind: dict[str, list[list[str]]] = {kind: [] for kind in KIND_TITLES}
    for record in site.ds.records:
        by_kind[record.type].append(entry(record))
    out: dict[str, str] = {}
    shards = []
    for kind, rows in by_kind.items():
        if not rows:
            continue
        name = f"{index_of(kind).split('/')[0]}.json"
        out[f"{FOLDER}/{name}"] = _dump(rows) + "\n"
        shards.append({"file": name, "kind": kind, "records": len(rows)})
    out[MANIFEST] = _dump({"format": 1, "shards": shards}) + "\n"
    return out
