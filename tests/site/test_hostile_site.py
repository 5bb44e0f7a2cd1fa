"""The site never executes record text: a site built from hostile records, read and run.

A pull request's preview builds the site before anyone reviews the records, so
the site is built here from a copy of records/ with script payloads planted in
every free-text field of every record kind and in every report text
(:mod:`tests.site.hostile`). The built HTML and the search index are read for
any element, attribute or link a payload made; then every page is opened in
headless Chromium, which fails on any dialog, script error or injected
element, and on a title or heading that does not read as the record's text.
"""

import json
import re
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pakru
from pakru.schema.text import normalise
from pakru.site.markup import page_title
from pakru.site.paths import page_of
from pakru.site.words import label
from tests.site.conftest import SHOTS, Hostile
from tests.site.hostile import MARK, PAYLOAD, VISIBLE, free_text_fields

_MARKER_ID = re.compile(rf"^{MARK}\d+$")
_URL_ATTRIBUTES = frozenset({"href", "src", "action", "formaction", "xlink:href", "data"})


class _Injected(HTMLParser):
    """What a payload would have made: its elements, event handlers, script, links."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[str] = []
        self.in_script = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.in_script = tag == "script"
        if tag in ("iframe", "object", "embed"):
            self.found.append(f"<{tag}>")
        for name, given in attrs:
            value = given or ""
            if name.startswith("on") or name in ("autofocus", "srcdoc"):
                self.found.append(f"<{tag} {name}>")
            elif name == "id" and _MARKER_ID.match(value):
                self.found.append(f"<{tag} id={value}>")
            elif name in _URL_ATTRIBUTES and value.strip().lower().startswith("javascript:"):
                self.found.append(f"<{tag} {name}={value}>")

    def handle_endtag(self, tag: str) -> None:
        if tag == "script":
            self.in_script = False

    def handle_data(self, data: str) -> None:
        if self.in_script and "alert(" in data:
            self.found.append(f"<script>{data[:60]}")


def injected(html: str) -> list[str]:
    """Elements, handlers, scripts and javascript: links a payload made in ``html``."""
    parser = _Injected()
    parser.feed(html)
    parser.close()
    return parser.found


def test_the_payload_is_planted_in_every_free_text_field(hostile_site: Hostile) -> None:
    wanted = free_text_fields()
    assert {("Meeting", "title"), ("Person", "name"), ("Evidence", "quote")} <= wanted
    assert ("Meeting", "id") not in wanted  # an id's pattern refuses the payload
    assert sorted(wanted - hostile_site.planted) == []
    ds = pakru.load([hostile_site.records])  # the records still load: the site is built
    assert PAYLOAD in ds.meeting("jwg-ct-07").title


def test_the_scan_finds_what_a_payload_makes() -> None:
    page = (
        f'<p><img src=x onerror=alert(1)><b id="{MARK}3">x</b><a href=" JavaScript:x">y</a>'
        "<script>alert(2)</script><iframe srcdoc=x></iframe><input autofocus></p>"
    )
    assert len(injected(page)) == 7
    assert injected(f'<h2 id="title-{MARK}3-x">&lt;script&gt;alert(1)</h2>') == []


def test_no_page_holds_markup_from_the_records(hostile_site: Hostile) -> None:
    pages = sorted(hostile_site.site.rglob("*.html"))
    assert len(pages) > 50
    found = {
        page.relative_to(hostile_site.site).as_posix(): hits
        for page in pages
        if (hits := injected(page.read_text(encoding="utf-8")))
    }
    assert found == {}
    codebook = [p for p in (hostile_site.site / "codebook").rglob("index.html") if p.parent.name]
    assert any(VISIBLE in _text(p) for p in codebook), "no actor name or quote on a code page"


class _Text(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []

    def handle_data(self, data: str) -> None:
        self.parts.append(data)


def _text(page: Path) -> str:
    """The text a reader sees (character references decoded)."""
    parser = _Text()
    parser.feed(page.read_text(encoding="utf-8"))
    parser.close()
    return "".join(parser.parts)


_KEPT = frozenset({"p", "code", "pre", "li", "ol", "ul", "sub", "sup"})
"""The tags Material's search keeps in its index (the search results render the index as HTML)."""


class _Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, list[tuple[str, str | None]]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, attrs))


def test_the_search_index_holds_no_markup_from_the_records(hostile_site: Hostile) -> None:
    index = json.loads((hostile_site.site / "search" / "search_index.json").read_text("utf-8"))
    docs: list[dict[str, Any]] = index["docs"]
    bad = []
    for doc in docs:
        for key in ("title", "text"):
            parser = _Tags()
            parser.feed(doc[key])
            parser.close()
            if any(tag not in _KEPT or attrs for tag, attrs in parser.tags):
                bad.append((doc["location"], key, parser.tags))
    assert bad == []
    assert any("&lt;script&gt;alert(2)&lt;/script&gt;" in doc["text"] for doc in docs)
    assert any("&lt;script&gt;alert(2)&lt;/script&gt;" in doc["title"] for doc in docs)


_SCAN = """(mark) => {
  const found = [];
  const url = new Set(['href', 'src', 'action', 'formaction', 'xlink:href', 'data']);
  for (const el of document.querySelectorAll('*')) {
    const tag = el.tagName.toLowerCase();
    if (['iframe', 'object', 'embed'].includes(tag)) found.push(`<${tag}>`);
    if (tag === 'script' && el.textContent.includes('alert(')) found.push('<script>alert');
    for (const a of el.attributes) {
      const name = a.name.toLowerCase();
      if (name.startsWith('on') || name === 'autofocus' || name === 'srcdoc')
        found.push(`<${tag} ${name}>`);
      else if (name === 'id' && new RegExp(`^${mark}\\\\d+$`).test(a.value))
        found.push(`<${tag} id=${a.value}>`);
      else if (url.has(name) && /^\\s*javascript:/i.test(a.value))
        found.push(`<${tag} ${name}=${a.value}>`);
    }
  }
  return found;
}"""
"""The DOM after the page ran: what :func:`injected` looks for in the HTML, in the live page."""

_HEADING = """() => [...document.querySelector('article h1').childNodes]
  .filter(n => !(n.nodeType === 1 && n.classList.contains('headerlink')))
  .map(n => n.textContent).join('')"""
"""The text of the page's heading, its permalink left out."""


def test_no_page_of_the_hostile_site_runs_record_text(
    browser: Any, serve: Any, hostile_site: Hostile
) -> None:
    """Every page opened: no dialog, no script error, no element, handler or link from a
    payload; each record page's title and heading read as the record's own text. A source
    page opened with a hostile fragment and a search for the payload run nothing either."""
    site = hostile_site.site
    base = serve(site)
    ds = pakru.load([hostile_site.records])
    records = {page_of(r).removesuffix(".md") + "/": r for r in ds.records}
    paths = sorted(p.relative_to(site).parent.as_posix() + "/" for p in site.rglob("index.html"))
    paths = [p.removeprefix("./") for p in paths]
    assert set(records) <= set(paths)
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    dialogs: list[str] = []
    errors: list[str] = []

    def dialog(shown: Any) -> None:
        dialogs.append(f"{page.url}: {shown.type} {shown.message}")
        shown.dismiss()

    page.on("dialog", dialog)
    page.on("pageerror", lambda exc: errors.append(f"{page.url}: {exc}"))
    # each page would build the whole (payload-sized) search index again in its worker:
    # pages get an empty one, and the real one is searched below
    index = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
    empty = json.dumps({**index, "docs": []})
    page.route("**/search/search_index.json", lambda route: route.fulfill(body=empty))
    found: dict[str, list[str]] = {}
    for path in [*paths, "404.html"]:
        page.goto(base + path, wait_until="load")
        if hits := page.evaluate(_SCAN, MARK):
            found[path] = hits
        record = records.get(path)
        if record is None:
            continue
        name = label(record)
        assert page.title() == f"{page_title(name)} - pakru", path
        assert page.evaluate(_HEADING) == normalise(name), path
        assert VISIBLE in page.locator("article").text_content(), path
    assert found == {}
    source = next(path for path in records if path.startswith("sources/"))
    for fragment in ("%E0%A4%A", f"q-0%22%3E%3Cimg%20src=x%20onerror=alert(19)%20id={MARK}19%3E"):
        page.goto(f"{base}{source}#{fragment}", wait_until="load")  # site.js reads the fragment
        if hits := page.evaluate(_SCAN, MARK):
            found[f"{source}#{fragment}"] = hits
    _search(page, base, found)
    page.close()
    assert (dialogs, errors, found) == ([], [], {})


def _search(page: Any, base: str, found: dict[str, list[str]]) -> None:
    """Search for the payload: the results show it as text and run nothing."""
    from playwright.sync_api import expect  # noqa: PLC0415

    page.unroute("**/search/search_index.json")
    page.goto(base, wait_until="load")
    page.locator("input.md-search__input").click()
    page.keyboard.type("alert", delay=20)  # Material searches on key events, not on fill()
    results = page.locator(".md-search-result__item")
    expect(results.first).to_be_visible(timeout=90000)  # a payload-sized index takes a while
    page.wait_for_timeout(500)
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / "hostile-search.png"))
    shown = " ".join(results.all_inner_texts())
    assert "alert(" in shown
    if hits := page.evaluate(_SCAN, MARK):
        found["search"] = hits
