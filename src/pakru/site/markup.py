"""Markdown and HTML pieces: escaping, page titles, prose from docstrings, stackable tables.

Record text is hostile input: a pull request's preview builds the site from
records nobody has reviewed. Every record-derived string reaches a page
through one of the escapers below, each for its context:

- :func:`esc` for Markdown prose, headings, list items and table cells;
- :func:`attr` for a double-quoted HTML attribute;
- :func:`page_title` for the title the theme puts in ``<title>``, the header
  and the search index (given through :func:`front_matter`);
- ``html.escape`` for raw HTML that Markdown does not read (the pictures'
  SVG, the source text on source pages).
"""

import html
import json
import re
import unicodedata
from collections.abc import Sequence

from pakru.schema.text import normalise

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x84\x86-\x9f]")
"""C0 and C1 control characters that are not whitespace: shown as U+FFFD."""

_HTML = {"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#x27;"}
"""What ``html.escape`` replaces, as it replaces it."""

_MARKDOWN = {c: f"&#{ord(c)};" for c in "\\`*_{}[]#+!|~"}
"""Characters some Markdown rule or extension reads anywhere in a line, as numeric references.

``{`` and ``}`` (attribute lists), ``[`` and ``]`` (links, images, reference
definitions: without them ``(…)`` is plain text), ``* _ ~`` (emphasis), the
backtick (code), ``\\`` (escapes), ``#`` (headings), ``+`` (lists), ``!``
(images, admonitions), ``|`` (tables). A numeric reference is set aside by
Markdown's first inline pattern and reaches the HTML as it is, so no later
rule (``attr_list``, ``toc``) ever sees the character; the browser shows it.
"""

_ESCAPES = str.maketrans(_HTML | _MARKDOWN)

_LINE_START = re.compile(r"^(\s*)(?:([-=])|(\d+)\.)")
"""What Markdown reads only at the start of a line: a list (``- x``, ``1. x``), a rule
(``---``) or a heading's underline (``===``, ``---``)."""


def esc(text: str) -> str:
    """Record text as Markdown that renders exactly as the text, in any inline or block place.

    HTML-escaped (quotes included, so the result is also safe in an attribute),
    every character Markdown or an extension reads replaced by a numeric
    character reference (``{`` becomes ``&#123;``), and a leading ``-``, ``=``
    or ``1.`` likewise, so the text is never a heading, list, rule, link, image,
    code, table, admonition or attribute list. Runs of whitespace become one space
    (kept at the edges: pieces are joined); other control characters become
    U+FFFD.
    """
    out = _CONTROL.sub("\ufffd", re.sub(r"\s+", " ", text)).translate(_ESCAPES)
    return _LINE_START.sub(_line_start, out, count=1)


def _line_start(match: re.Match[str]) -> str:
    space, mark, number = match.groups()
    return f"{space}{number}&#46;" if mark is None else f"{space}&#{ord(mark)};"


def prose(text: str) -> str:
    """A docstring as Markdown: reST ````code```` becomes a code span, the rest is escaped."""
    parts = re.split(r"``(.+?)``", normalise(text))
    return "".join(f"`{part}`" if i % 2 else esc(part) for i, part in enumerate(parts))


def attr(text: str) -> str:
    """Text safe inside a double-quoted HTML attribute."""
    return html.escape(_CONTROL.sub("\ufffd", normalise(text)), quote=True)


_TITLE = str.maketrans({"<": "‹", ">": "›", "&": "＆", '"': "＂", "'": "’"})
"""Characters HTML gives meaning to, as look-alikes that have none."""


def page_title(text: str) -> str:
    """A page's title as the theme may use it anywhere: no character HTML or YAML reads.

    Material for MkDocs puts the title raw into ``<title>``, the header and
    the search index, and passes a title it takes from the page's ``<h1>``
    through Jinja's ``striptags``, which turns ``&lt;`` back into ``<``. A
    title holding no ``<``, ``>``, ``&`` or quote (each becomes a look-alike:
    ``‹ › ＆ ＂ ’``) reads the same escaped, unescaped or stripped, and cannot
    become markup. Control and format characters (bidi overrides, zero-width
    characters) are dropped, so the YAML front matter carrying it always parses.
    """
    kept = "".join(c for c in text if unicodedata.category(c)[0] != "C" or c.isspace())
    return normalise(kept).translate(_TITLE)


def front_matter(
    title: str | None, description: str | None = None, *, searched: bool = True
) -> str:
    """YAML front matter giving a page its :func:`page_title` and its meta description (a
    sentence a search engine or a link preview shows), ending in a blank line.

    ``searched=False`` leaves the page out of Material's full-text search index: record
    pages are found through the site's own record search (:mod:`pakru.site.search`).
    """
    # a JSON string is a YAML double-quoted scalar; page_title left nothing YAML refuses
    lines = ["---"]
    if title is not None:
        lines.append(f"title: {json.dumps(page_title(title), ensure_ascii=False)}")
    if description is not None:
        said = page_title(description)
        said = said if len(said) <= DESCRIPTION_CHARS else said[: DESCRIPTION_CHARS - 1] + "…"
        lines.append(f"description: {json.dumps(said, ensure_ascii=False)}")
    if not searched:
        lines += ["search:", "  exclude: true"]
    return "\n".join([*lines, "---", "", ""])


DESCRIPTION_CHARS = 200
"""The longest meta description written; longer ones end in "…"."""


def first_sentence(markdown: str) -> str:
    """The first paragraph of a generated page below its title, as plain words: the page's
    meta description when nothing better describes it."""
    for block in markdown.split("\n\n"):
        text = block.strip()
        if not text or text.startswith(("#", "<", "---", "!!!", "-", "|", "`")):
            continue
        plain = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", text)
        plain = re.sub(r"[*`]", "", html.unescape(plain))
        return normalise(plain)
    return ""


def table(
    head: Sequence[str],
    rows: Sequence[Sequence[str]],
    *,
    caption: str = "",
    sortable: bool = False,
    in_order: Sequence[str] = (),
    searched: bool = True,
) -> list[str]:
    """An HTML table whose cells hold inline Markdown.

    Each cell carries its column name in ``data-label`` so that the site's
    stylesheet can stack a row into label–value lines on a phone. A
    ``sortable`` table gets a filter box and sortable columns from the site's
    script (the page works without it); a column named in ``in_order`` sorts
    by the order the rows are given in (dates in words sort by the day they
    allow, which the text does not show). A table of records is not ``searched``: Material's
    full-text search leaves it out (see :data:`NOT_SEARCHED`).
    """
    box = "pk-table pk-sortable" if sortable else "pk-table"
    skip = "" if searched else f" {NOT_SEARCHED}"
    out = [f'<div class="{box}"{skip} markdown="1">', '<table markdown="1">']
    if caption:
        out.append(f'<caption markdown="span">{caption}</caption>')
    heads = "".join(
        f'<th data-pk-order="1">{h}</th>' if h in in_order else f"<th>{h}</th>" for h in head
    )
    out.append(f"<thead><tr>{heads}</tr></thead>")
    out.append('<tbody markdown="1">')
    for row in rows:
        cells = "".join(
            f'<td data-label="{attr(h)}" markdown="span">{c}</td>'
            for h, c in zip(head, row, strict=True)
        )
        out.append(f'<tr markdown="1">{cells}</tr>')
    out += ["</tbody>", "</table>", "</div>", ""]
    return out


def filterable(items: Sequence[str]) -> list[str]:
    """A Markdown bullet list of records the site's script gives a filter box (the page works
    without); Material's full-text search leaves it out (see :data:`NOT_SEARCHED`)."""
    opening = f'<div class="pk-filterable" {NOT_SEARCHED} markdown="1">'
    return [opening, "", *items, "", "</div>", ""]


NOT_SEARCHED = 'data-search-exclude="1"'
"""The attribute by which Material's search leaves a block out of its index (and removes
the attribute from the page). Lists and tables of records carry it: the record search
(:mod:`pakru.site.search`) finds the records, and a list page's index entry stays the size
of its prose, not of the dataset, so the index the browser builds does not grow with it."""


def facts(rows: Sequence[tuple[str, str]]) -> list[str]:
    """A definition list of label → Markdown value (reads as a list on any screen width)."""
    out = ['<dl class="pk-facts" markdown="1">']
    for label, value in rows:
        out += [f"<dt>{html.escape(label)}</dt>", f'<dd markdown="span">{value}</dd>']
    out += ["</dl>", ""]
    return out
