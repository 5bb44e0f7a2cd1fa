"""What every page builder shares: the dataset, its coverage and quotes, and links."""

from collections import defaultdict
from collections.abc import Sequence
from functools import cached_property

from pakru.acts import Act, rows
from pakru.coverage import SourceCoverage, coverage
from pakru.dataset import Dataset
from pakru.schema import BaseDerivation, Evidence, Source
from pakru.schema.introspect import Loc, references
from pakru.schema.text import normalise
from pakru.site.markup import attr, esc
from pakru.site.paths import file_url, page_of, rel, rel_url
from pakru.site.quotes import Citation, Passage, citations, first_words, passages, quote_id
from pakru.site.words import label, short_source


class Site:
    """The dataset and the indexes the pages read; every link on the site is made here."""

    def __init__(self, ds: Dataset, *, links_from_file: bool = False) -> None:
        self.ds = ds
        self.links_from_file = links_from_file
        """Raw HTML links relative to the page's Markdown file (Zensical rewrites them so)
        rather than to its URL (MkDocs leaves them as written)."""

    def raw_url(self, page: str, target: str) -> str:
        """A link from ``page`` to ``target`` for raw HTML (the pictures), as the site's
        generator needs it: :func:`~pakru.site.paths.rel_url` or
        :func:`~pakru.site.paths.file_url`."""
        return file_url(page, target) if self.links_from_file else rel_url(page, target)

    @cached_property
    def coverage(self) -> dict[str, SourceCoverage]:
        """Source id → its sentences, split by :func:`pakru.coverage.sentences`."""
        return {c.source: c for c in coverage(self.ds)}

    @cached_property
    def timeline_rank(self) -> dict[str, int]:
        """Record id → its place in ``ds.timeline()``: an actor's page sorts its few records by
        it instead of walking the whole timeline (the site's build stays linear in records)."""
        return {r.id: at for at, r in enumerate(self.ds.timeline())}

    @cached_property
    def acts(self) -> tuple[Act, ...]:
        """Every act the records state, coded by :mod:`pakru.acts.policy`, as the directed
        rows of the ``acts`` table (:func:`pakru.acts.rows`)."""
        return rows(self.ds)

    @cached_property
    def acts_of(self) -> dict[str, list[Act]]:
        """Record id → the acts it states, in the order of :attr:`acts`."""
        out: dict[str, list[Act]] = defaultdict(list)
        for act in self.acts:
            out[act.record].append(act)
        return out

    @cached_property
    def cited(self) -> dict[str, list[Citation]]:
        """Source id → every quote citing it."""
        return citations(self.ds)

    @cached_property
    def passages(self) -> dict[str, list[Passage]]:
        """Source id → passages of its text that some quote covers."""
        return passages(self.ds)

    @cached_property
    def found(self) -> dict[str, set[str]]:
        """Source id → anchors of the quotes found in its text."""
        return {sid: {p.qid for p in items} for sid, items in self.passages.items()}

    @cached_property
    def linked_from(self) -> dict[str, list[tuple[str, Loc]]]:
        """Record id → (record linking to it, where in that record), sources' quotes left out."""
        out: dict[str, list[tuple[str, Loc]]] = defaultdict(list)
        for record in self.ds.records:
            for loc, value, _kinds in references(record):
                if loc[-1] == "source" or value == record.id or value not in self.ds:
                    continue
                out[self.ds.get(value).id].append((record.id, loc))
        return out

    def link(self, page: str, record_id: str, text: str | None = None) -> str:
        """A Markdown link to a record's page, named in words."""
        if record_id not in self.ds:
            return f"{esc(record_id)} (no such record)"
        record = self.ds.get(record_id)
        return f"[{esc(text or label(record))}]({rel(page, page_of(record))})"

    def links(self, page: str, record_ids: Sequence[str]) -> str:
        """Links to records' pages, joined by commas, for a sentence or a table cell.

        Written as HTML anchors rather than Markdown links: Python-Markdown reads the
        Markdown links of one paragraph or cell in time that grows with their number
        times the text's length, so a cell listing hundreds of meetings (a pair of
        officials at 10,000 records) would cost seconds; HTML anchors are set aside in
        one pass. The anchors' URLs are made as the pictures' are (:meth:`raw_url`).
        """
        return ", ".join(self._anchor(page, record_id) for record_id in record_ids)

    def _anchor(self, page: str, record_id: str) -> str:
        if record_id not in self.ds:
            return f"{esc(record_id)} (no such record)"
        record = self.ds.get(record_id)
        return f'<a href="{attr(self.raw_url(page, page_of(record)))}">{esc(label(record))}</a>'

    def source_of(self, source_id: str) -> Source | None:
        """The source record with this id, if there is one."""
        record = self.ds.get(source_id) if source_id in self.ds else None
        return record if isinstance(record, Source) else None

    def quote_target(self, page: str, source_id: str, quote: str) -> str | None:
        """The URL of a quote's highlighted passage (its source page when not found)."""
        source = self.source_of(source_id)
        if source is None:
            return None
        anchor = quote_id(quote)
        fragment = f"#{anchor}" if anchor in self.found.get(source_id, set()) else ""
        return rel(page, page_of(source)) + fragment

    def quote_link(
        self, page: str, item: Evidence | BaseDerivation | Citation, *, short: bool = False
    ) -> str:
        """A quote linking to its passage, with its source named in words.

        ``short`` gives the quote's first words only, for tables and lists of references.
        """
        source = self.source_of(item.source)
        shown = first_words(item.quote) if short else normalise(item.quote)
        target = self.quote_target(page, item.source, item.quote)
        quoted = f"[“{esc(shown)}”]({target})" if target else f"“{esc(shown)}”"
        attribution = esc(short_source(source)) if source else "unknown source"
        return f"{quoted} — {attribution}"
