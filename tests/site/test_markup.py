"""The escapers record text goes through: whatever the text, Markdown renders it as that text.

Each property renders escaped text with Python-Markdown and the extensions of
mkdocs.yml (and ``attr_list`` on top, which the site does not enable, so the
escaping holds even where it is) and parses the HTML: the only elements are
the ones the page itself wrote around the text, and the text reads back as
written.
"""

import json
import re
from html.parser import HTMLParser
from typing import Any

import markdown
import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st
from markupsafe import Markup
from mkdocs.utils.meta import get_data

from pakru.site.lists import json_ld
from pakru.site.markup import esc, front_matter, page_title, table
from tests.site.conftest import REPO
from tests.site.hostile import PAYLOADS

_CONFIG = yaml.safe_load((REPO / "mkdocs.yml").read_text(encoding="utf-8"))
EXTENSIONS = [next(iter(e)) if isinstance(e, dict) else e for e in _CONFIG["markdown_extensions"]]

HOSTILE = st.one_of(
    st.sampled_from(PAYLOADS),
    st.lists(
        st.sampled_from(
            [*"\\`*_{}[]()#+-.!|~<>&;:=\"' \t\n\r\x00\x02\x03\x0b\x85\u2028a1é", "&lt;", "{:"]
        ),
        min_size=1,
    ).map("".join),
    st.text(min_size=1),
)
"""Payloads, every character Markdown or HTML reads, controls, and any text at all."""


def test_the_site_does_not_enable_attr_list() -> None:
    assert "attr_list" not in EXTENSIONS
    assert "md_in_html" in EXTENSIONS  # the site's own tables and lists need it


class _Tree(HTMLParser):
    """The elements (tag, attributes) and the text of an HTML fragment."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.elements: list[tuple[str, dict[str, str | None]]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.elements.append((tag, dict(attrs)))

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def _parse(html: str) -> _Tree:
    tree = _Tree()
    tree.feed(html)
    tree.close()
    return tree


def _shown(text: str) -> str:
    """What a reader sees: whitespace runs as one space, controls as U+FFFD, ends trimmed."""
    collapsed = re.sub(r"\s+", " ", text)
    return re.sub(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x84\x86-\x9f]", "\ufffd", collapsed).strip()


CONTEXTS = {
    "paragraph": ("{}", ["p"]),
    "heading": ("# {}", ["h1"]),
    "list item": ("- {}", ["ul", "li"]),
    "ordered item": ("1. {}", ["ol", "li"]),
    "admonition": ('!!! note "Note"\n    {}', ["div", "p", "p"]),
    "link text": ("[{}](page.md)", ["p", "a"]),
    "table cell": ("\n".join(table(["Head"], [["{}"]])), ["div", "table", "thead", "tr", "th"]),
    "second line": ("A line of the page.\n{}", ["p"]),
}
"""Where pages put escaped text: the Markdown around it and the elements that must result
(a table cell adds tbody, tr and td after the head)."""


def _render(source: str, extensions: list[str]) -> str:
    return str(markdown.markdown(source, extensions=extensions))


@settings(max_examples=150, deadline=None)
@given(text=HOSTILE, context=st.sampled_from(sorted(CONTEXTS)))
def test_escaped_text_renders_as_itself_and_nothing_else(text: str, context: str) -> None:
    shown = _shown(text)
    if not shown:
        return  # nothing to see: whitespace alone
    around, tags = CONTEXTS[context]
    expected = [*tags, "tbody", "tr", "td"] if context == "table cell" else tags
    for extensions in (EXTENSIONS, [*EXTENSIONS, "attr_list"]):
        html = _render(around.format(esc(text)), extensions)
        tree = _parse(html)
        assert [tag for tag, _ in tree.elements] == expected, html
        attributes = {name for _, attrs in tree.elements for name in attrs}
        assert attributes <= {"class", "id", "href", "data-label"}, html
        assert _shown("".join(tree.text)).endswith(shown), html


@given(text=HOSTILE)
def test_a_page_title_is_inert_wherever_the_theme_puts_it(text: str) -> None:
    """No character HTML reads, the same through striptags, and the front matter parses."""
    title = page_title(text)
    assert not set(title) & set("<>&\"'")
    assert Markup(title).striptags() == title  # noqa: S704 - the theme's filter, on our title
    body, meta = get_data(front_matter(text) + "# heading\n")
    assert meta == {"title": title}
    assert body == "# heading\n"


def test_a_page_title_keeps_the_words() -> None:
    breakout = "</title><img src=x onerror=alert(1)>"
    assert page_title(breakout) == "‹/title›‹img src=x onerror=alert(1)›"
    assert page_title('Pakistan & Russia\'s "talks"') == "Pakistan ＆ Russia’s ＂talks＂"
    assert page_title("a\u202eb\u200bc\nd") == "abc d"


@pytest.mark.parametrize("url", ["</script><script>alert(1)</script>", "<!--", "&lt;x&gt;"])
def test_json_ld_cannot_close_its_script(url: str) -> None:
    class _Site:
        class ds:  # noqa: N801 - stands in for a Dataset
            version = "1.0.0"

    script = json_ld(_Site(), site_url=url)  # type: ignore[arg-type]
    body = script.removeprefix('<script type="application/ld+json">').removesuffix("</script>")
    assert not set(body) & set("<>&")
    data: dict[str, Any] = json.loads(body)
    assert data["url"] == url
