"""Find internal names in a built site's prose: field paths, list indexes, source hash ids."""

import re
from html.parser import HTMLParser
from pathlib import Path

from pydantic import BaseModel

from pakru.schema.introspect import fields
from pakru.schema.record import RECORD_TYPES

SKIPPED_TAGS = frozenset({"code", "pre", "script", "style", "kbd", "samp"})


def field_names() -> set[str]:
    """Every field name of every model reachable from the record kinds."""
    names: set[str] = set()
    pending: list[type[BaseModel]] = [t.model for t in RECORD_TYPES.values()]
    seen: set[type[BaseModel]] = set()
    while pending:
        model = pending.pop()
        if model in seen:
            continue
        seen.add(model)
        for spec in fields(model):
            names.add(spec.name)
            if spec.model is not None:
                pending.append(spec.model)
    return names


class _Text(HTMLParser):
    """Visible text outside code, scripts and styles (attributes and URLs are never text)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.depth = 0
        self.parts: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in SKIPPED_TAGS:
            self.depth += 1

    def handle_endtag(self, tag: str) -> None:
        if tag in SKIPPED_TAGS and self.depth:
            self.depth -= 1

    def handle_data(self, data: str) -> None:
        if not self.depth:
            self.parts.append(data)


def prose(html: str) -> str:
    """The visible text of a page outside code, one string."""
    parser = _Text()
    parser.feed(html)
    return " ".join(parser.parts)


def internal_names(text: str, fields: set[str]) -> list[str]:
    """Internal names found in ``text``: ``[0]``, ``location.city``, ``announced_at``, ``src-…``."""
    found = re.findall(r"\[\d+\]", text)
    found += re.findall(r"\bsrc-[0-9a-f]{6,}\b", text)
    for match in re.finditer(r"\b[a-z_]+(?:\.[a-z_]+)+\b", text):
        if all(part in fields for part in match.group().split(".")):
            found.append(match.group())
    found += [w for w in re.findall(r"\b[a-z]+_[a-z_]+\b", text) if w in fields]
    return found


def scan(site: Path, skip: frozenset[str] = frozenset()) -> dict[str, list[str]]:
    """Page → internal names in its prose, for every page of a built site with any."""
    fields = field_names()
    out: dict[str, list[str]] = {}
    for page in sorted(site.rglob("*.html")):
        name = page.relative_to(site).as_posix()
        if name.split("/")[0] in skip:
            continue
        hits = internal_names(prose(page.read_text(encoding="utf-8")), fields)
        if hits:
            out[name] = sorted(set(hits))
    return out
