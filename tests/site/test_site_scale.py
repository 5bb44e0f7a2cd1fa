"""The site's build-speed shortcuts (issue 28) give what the plain computations gave."""

import posixpath

from hypothesis import given
from hypothesis import strategies as st

import pakru
from pakru.schema import Body, Person
from pakru.site.context import Site
from pakru.site.paths import rel
from pakru.site.records import _involved

PARTS = st.sampled_from(["meetings", "people", "reference", "schema", "a.md", "index.md", "x"])
PAGES = st.lists(PARTS, min_size=1, max_size=4).map("/".join)


@given(PAGES, PAGES)
def test_rel_is_relpath(from_page: str, to_page: str) -> None:
    assert rel(from_page, to_page) == posixpath.relpath(
        to_page, posixpath.dirname(from_page) or "."
    )


def test_rel_of_odd_paths_falls_back_to_relpath() -> None:
    for a, b in [("a//b.md", "c.md"), ("./a.md", "x/y.md"), ("x/../y.md", "z/w.md")]:
        assert rel(a, b) == posixpath.relpath(b, posixpath.dirname(a) or ".")


def test_an_actors_records_are_in_timeline_order() -> None:
    ds = pakru.load()
    site = Site(ds)
    actors = [r for r in ds.records if isinstance(r, Person | Body)]
    checked = 0
    for actor in actors:
        page = f"people/{actor.id}.md"
        involved = {r.id for r in ds.involving(actor.id)}
        dated = [r for r in ds.timeline() if r.id in involved]  # the walk it replaced
        expected = [f"- {site.link(page, r.id)}" for r in dated]
        shown = [line for line in _involved(site, page, actor) if line.startswith("- ")]
        assert [line.split(": ", 1)[1] for line in shown] == [e[2:] for e in expected]
        checked += bool(dated)
    assert checked > 5
