"""Quotes on source pages: where each sits in its text, and who cites it.

Quotes are located by :func:`pakru.coverage.quote_spans`, the same search
the coverage page uses, so a passage highlighted here is exactly what the
coverage page counts as cited.
"""

import hashlib
import html
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from itertools import pairwise

from pakru.coverage import quote_spans
from pakru.dataset import Dataset
from pakru.schema import Evidence
from pakru.schema.introspect import Loc, quotes
from pakru.schema.text import normalise


def quote_id(quote: str) -> str:
    """The anchor of a quote on its source's page, stable across builds and line breaks."""
    digest = hashlib.sha1(normalise(quote).encode(), usedforsecurity=False).hexdigest()
    return "q-" + digest[:10]


@dataclass(frozen=True)
class Citation:
    """One quote of one record: the record, where in it, and the quote."""

    record: str
    loc: Loc
    source: str
    quote: str
    supports: tuple[str, ...] = ()


def citations(ds: Dataset) -> dict[str, list[Citation]]:
    """Source id → every quote citing it (evidence and date derivations), in record order."""
    out: dict[str, list[Citation]] = defaultdict(list)
    for record in ds.records:
        for loc, item in quotes(record):
            supports = item.supports if isinstance(item, Evidence) else ()
            out[item.source].append(Citation(record.id, loc, item.source, item.quote, supports))
    return out


@dataclass(frozen=True)
class Passage:
    """A stretch of a source text that some quote covers."""

    qid: str
    start: int
    end: int
    records: tuple[str, ...]


def passages(ds: Dataset) -> dict[str, list[Passage]]:
    """Source id → the passages quoted from its text, in text order."""
    out: dict[str, list[Passage]] = {}
    for source_id, spans in quote_spans(ds).items():
        text = ds.text(source_id) or ""
        grouped: dict[tuple[int, int], set[str]] = defaultdict(set)
        for start, end, record_id in spans:
            grouped[start, end].add(record_id)
        out[source_id] = [
            Passage(quote_id(text[s:e]), s, e, tuple(sorted(ids)))
            for (s, e), ids in sorted(grouped.items())
        ]
    return out


def highlighted(text: str, found: Iterable[Passage], cite_note: Callable[[Passage], str]) -> str:
    """The source text as HTML, each quoted passage in ``<mark>``.

    Passages may overlap, so the text is cut at every boundary and each piece
    is marked with the classes of all passages covering it; an empty
    ``<span id=…>`` anchors each passage's start (``site.js`` highlights the
    one named by the URL fragment), and ``cite_note`` adds what follows each
    passage's end (a link to who cites it).
    """
    spans = list(found)
    cuts = sorted({0, len(text), *(p.start for p in spans), *(p.end for p in spans)})
    starts: dict[int, list[str]] = defaultdict(list)
    ends: dict[int, list[Passage]] = defaultdict(list)
    for p in spans:
        if p.qid not in starts[p.start]:
            starts[p.start].append(p.qid)
        ends[p.end].append(p)
    out: list[str] = []
    seen: set[str] = set()
    for a, b in pairwise(cuts):
        for qid in starts.get(a, []):
            if qid not in seen:
                seen.add(qid)
                out.append(f'<span class="pk-anchor" id="{qid}"></span>')
        piece = html.escape(text[a:b]).replace("\n", "&#10;")
        covering = sorted({p.qid for p in spans if p.start <= a and b <= p.end})
        out.append(
            f'<mark class="pk-quote {" ".join(covering)}">{piece}</mark>' if covering else piece
        )
        ending = ends.get(b, [])
        if ending:  # one note where several passages end: the longest names them all
            out.append(cite_note(min(ending, key=lambda p: p.start)))
    return "".join(out)


def first_words(quote: str, count: int = 6) -> str:
    """The start of a quote, as the text of a link to it: "The 7th meeting of the …"."""
    words = quote.split()
    return " ".join(words[:count]) + (" …" if len(words) > count else "")


def by_record(items: Iterable[Citation]) -> dict[str, list[Citation]]:
    """Citations grouped by the citing record, in first-seen order."""
    out: dict[str, list[Citation]] = {}
    for c in items:
        out.setdefault(c.record, []).append(c)
    return out
