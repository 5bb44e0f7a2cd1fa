"""Where each page lives: Markdown paths for links, URLs for raw HTML (pictures)."""

import posixpath

from pakru.schema import Record
from pakru.schema.record import RECORD_TYPES


def page_of(record: Record) -> str:
    """The page of a record, e.g. ``meetings/jwg-ct-07.md``."""
    return f"{RECORD_TYPES[record.type].folder}/{record.id}.md"


def index_of(kind: str) -> str:
    """The list page of a record kind, e.g. ``meetings/index.md``."""
    return f"{RECORD_TYPES[kind].folder}/index.md"


def rel(from_page: str, to_page: str) -> str:
    """A relative Markdown link between two pages (MkDocs turns it into a URL).

    >>> rel("meetings/a.md", "people/b.md"), rel("meetings/a.md", "meetings/c.md")
    ('../people/b.md', 'c.md')
    """
    here, there = from_page.split("/")[:-1], to_page.split("/")
    if "" in here or "" in there or {".", ".."} & {*here, *there}:
        return posixpath.relpath(to_page, posixpath.dirname(from_page) or ".")
    # the site's pages are plain relative paths: what relpath answers, without its abspath calls
    common = 0
    while common < min(len(here), len(there)) and here[common] == there[common]:
        common += 1
    return "/".join([".."] * (len(here) - common) + there[common:]) or "."


def url_of(page: str) -> str:
    """The directory URL MkDocs gives a page (``use_directory_urls: true``)."""
    if page == "index.md":
        return ""
    stem = page.removesuffix(".md")
    return (stem.removesuffix("/index") if stem.endswith("/index") else stem) + "/"


def rel_url(from_page: str, to_page: str) -> str:
    """A relative URL between two pages, for raw HTML that MkDocs does not rewrite."""
    here, there = url_of(from_page), url_of(to_page)
    link = posixpath.relpath(there or ".", here.rstrip("/") or ".")
    return "./" if link == "." else link + "/"


def file_url(from_page: str, to_page: str) -> str:
    """The URL of ``to_page`` relative to the folder of ``from_page``'s Markdown file.

    Zensical reads a relative link in raw HTML as relative to the Markdown
    file and rewrites it for the page's URL (adding ``../`` on a page that is
    not an ``index.md``); MkDocs leaves raw HTML as written, which
    :func:`rel_url` is for.
    """
    link = posixpath.relpath(url_of(to_page) or ".", posixpath.dirname(from_page) or ".")
    return "./" if link == "." else link + "/"
