"""Markdown and HTML pieces: escaping, prose from docstrings, stackable tables."""

import html
import re
from collections.abc import Sequence

from pakru.schema.text import normalise


def esc(text: str) -> str:
    """Text safe in Markdown prose and table cells: HTML escaped, Markdown specials neutralised."""
    # runs of whitespace become one space but are kept at the edges: pieces are joined
    out = html.escape(re.sub(r"\s+", " ", text), quote=False)
    return re.sub(r"([\\`*_\[\]#])", r"\\\1", out).replace("|", "&#124;")


def prose(text: str) -> str:
    """A docstring as Markdown: reST ````code```` becomes a code span, the rest is escaped."""
    parts = re.split(r"``(.+?)``", normalise(text))
    return "".join(f"`{part}`" if i % 2 else esc(part) for i, part in enumerate(parts))


def attr(text: str) -> str:
    """Text safe inside a double-quoted HTML attribute."""
    return html.escape(normalise(text), quote=True)


def table(head: Sequence[str], rows: Sequence[Sequence[str]], *, caption: str = "") -> list[str]:
    """An HTML table whose cells hold inline Markdown.

    Each cell carries its column name in ``data-label`` so that the site's
    stylesheet can stack a row into label–value lines on a phone.
    """
    out = ['<div class="pk-table" markdown="1">', '<table markdown="1">']
    if caption:
        out.append(f'<caption markdown="span">{caption}</caption>')
    out.append("<thead><tr>" + "".join(f"<th>{h}</th>" for h in head) + "</tr></thead>")
    out.append('<tbody markdown="1">')
    for row in rows:
        cells = "".join(
            f'<td data-label="{attr(h)}" markdown="span">{c}</td>'
            for h, c in zip(head, row, strict=True)
        )
        out.append(f'<tr markdown="1">{cells}</tr>')
    out += ["</tbody>", "</table>", "</div>", ""]
    return out


def facts(rows: Sequence[tuple[str, str]]) -> list[str]:
    """A definition list of label → Markdown value (reads as a list on any screen width)."""
    out = ['<dl class="pk-facts" markdown="1">']
    for label, value in rows:
        out += [f"<dt>{html.escape(label)}</dt>", f'<dd markdown="span">{value}</dd>']
    out += ["</dl>", ""]
    return out
