"""A link check over a built site: every internal href and #fragment must resolve."""

from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urldefrag, urlsplit


@dataclass(frozen=True)
class Link:
    """One href on one page."""

    page: Path
    href: str


class _Collector(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.ids: set[str] = set()
        self.hrefs: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        for key in ("id", "name") if tag == "a" else ("id",):
            if values.get(key):
                self.ids.add(str(values[key]))
        for key in ("href", "src"):
            value = values.get(key)
            if value is not None and (tag != "link" or key == "href"):
                self.hrefs.append(value)


def _parse(path: Path) -> _Collector:
    collector = _Collector()
    collector.feed(path.read_text(encoding="utf-8"))
    return collector


def _target(site: Path, page: Path, path: str, base: str) -> Path:
    if path.startswith("/"):
        # absolute links carry the path of site_url (e.g. /pakru/), which is the site's root
        root, path = site, path.removeprefix(base.rstrip("/"))
    else:
        root = page.parent
    target = (root / unquote(path.lstrip("/"))).resolve()
    return target / "index.html" if target.is_dir() else target


def broken_links(site: Path, base: str = "/") -> list[str]:
    """Every internal link in the HTML under ``site`` that does not resolve, as text.

    ``base`` is the path of the site's address (``site_url``), under which absolute links point.
    """
    site = site.resolve()
    pages = {p.resolve(): _parse(p) for p in site.rglob("*.html")}
    broken: list[str] = []
    for page, parsed in pages.items():
        for href in parsed.hrefs:
            parts = urlsplit(href)
            if parts.scheme or parts.netloc or href.startswith(("mailto:", "javascript:")):
                continue
            path, fragment = urldefrag(href)
            target = _target(site, page, path, base) if path else page
            shown = f"{page.relative_to(site)}: {href}"
            if not target.is_file():
                broken.append(f"{shown} (no file {target})")
                continue
            if fragment and target.suffix == ".html":
                ids = pages[target].ids if target in pages else _parse(target).ids
                if unquote(fragment) not in ids:
                    broken.append(f"{shown} (no #{fragment} in {target.relative_to(site)})")
    return broken
