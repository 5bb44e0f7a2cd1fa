"""How to cite the data, from the ``CITATION.cff`` shipped in the package: BibTeX and APA.

``CITATION.cff`` (Citation File Format 1.2.0) is the one place the title,
authors, data version and release date are written; :func:`citation` reads
it, and :meth:`Citation.bibtex` and :meth:`Citation.apa` spell it for a
reference manager or a bibliography. The site's "how to cite" block and
every export's ``CITATION.cff`` come from the same file. A field the file
does not state (the project states no repository URL yet) is left out, never
invented.

>>> print(citation(TEXT).bibtex())
@misc{pakru_2_1_0,
  author = {{pakru developers}},
  title = {{pakru: a title}},
  year = {2026},
  version = {2.1.0},
  date = {2026-11-23},
  note = {Data version 2.1.0, released 2026-11-23},
}
<BLANKLINE>
>>> print(citation(TEXT).apa())
pakru developers. (2026). pakru: a title (Version 2.1.0) [Data set].
"""

import datetime as dt
import re
from dataclasses import dataclass
from importlib import resources

import yaml

from pakru.schema.text import normalise

FILE_NAME = "CITATION.cff"

TEXT = """\
cff-version: 1.2.0
title: "pakru: a title"
authors:
  - name: pakru developers
version: 2.1.0
date-released: "2026-11-23"
"""
"""A small example of the file, for the examples above."""


class CitationError(ValueError):
    """``CITATION.cff`` lacks a field a citation needs, or a field has the wrong shape."""


@dataclass(frozen=True)
class Citation:
    """What a citation of the data says: title, authors, version, release date, URL."""

    title: str
    authors: tuple[str, ...]
    """Each author as the file names them: an entity's ``name`` or "Family, Given"."""
    version: str
    released: dt.date
    url: str | None = None
    """The file's ``repository-code``, ``repository`` or ``url``, when it states one."""
    abstract: str = ""
    keywords: tuple[str, ...] = ()

    @property
    def year(self) -> str:
        """The release year, as a bibliography prints it."""
        return f"{self.released.year}"

    def bibtex(self) -> str:
        """A BibTeX ``@misc`` entry with author, title, year, version, date and URL."""
        key = "pakru_" + re.sub(r"[^0-9A-Za-z]+", "_", self.version)
        fields = {
            "author": " and ".join(
                f"{{{_tex(a)}}}" if "," not in a else _tex(a) for a in self.authors
            ),
            "title": f"{{{_tex(self.title)}}}",
            "year": self.year,
            "version": _tex(self.version),
            "date": self.released.isoformat(),
            "note": f"Data version {_tex(self.version)}, released {self.released.isoformat()}",
        }
        if self.url:
            fields["url"] = self.url
        lines = [f"  {name} = {{{value}}}," for name, value in fields.items()]
        return "\n".join([f"@misc{{{key},", *lines, "}"]) + "\n"

    def apa(self) -> str:
        """The APA 7 reference of a data set: Author. (Year). Title (Version x) [Data set]. URL"""
        authors = _apa_authors(self.authors)
        text = f"{authors} ({self.year}). {self.title} (Version {self.version}) [Data set]."
        return f"{text} {self.url}" if self.url else text


def citation(text: str | None = None) -> Citation:
    """The citation ``CITATION.cff`` states (the packaged file, or ``text`` in its format).

    Raises :class:`CitationError` naming the field when the file lacks a
    title, an author, a version or a release date.
    """
    if text is None:
        text = resources.files("pakru").joinpath(FILE_NAME).read_text(encoding="utf-8")
    data = yaml.safe_load(text)
    if not isinstance(data, dict):
        raise CitationError(f"{FILE_NAME}: not a mapping of fields")
    title = _text(data, "title")
    version = _text(data, "version")
    released = data.get("date-released")
    if isinstance(released, str):
        try:
            released = dt.date.fromisoformat(released)
        except ValueError:
            raise CitationError(f"{FILE_NAME}: date-released is not YYYY-MM-DD") from None
    if not isinstance(released, dt.date):
        raise CitationError(f"{FILE_NAME}: date-released is missing")
    authors = tuple(_author(a) for a in data.get("authors") or ())
    if not authors:
        raise CitationError(f"{FILE_NAME}: authors is missing")
    urls = (data.get(k) for k in ("repository-code", "repository", "url"))
    url = next((u for u in urls if isinstance(u, str) and u), None)
    abstract = data.get("abstract")
    keywords = tuple(str(k) for k in data.get("keywords") or () if isinstance(k, str))
    return Citation(
        title,
        authors,
        version,
        released,
        url,
        abstract=normalise(abstract) if isinstance(abstract, str) else "",
        keywords=keywords,
    )


def _text(data: dict[str, object], name: str) -> str:
    value = data.get(name)
    if isinstance(value, int | float) and not isinstance(value, bool):
        value = str(value)
    if not isinstance(value, str) or not value.strip():
        raise CitationError(f"{FILE_NAME}: {name} is missing")
    return value.strip()


def _author(entry: object) -> str:
    if not isinstance(entry, dict):
        raise CitationError(f"{FILE_NAME}: an author is not a mapping")
    family, given, name = (entry.get(k) for k in ("family-names", "given-names", "name"))
    if isinstance(family, str) and family:
        return f"{family}, {given}" if isinstance(given, str) and given else family
    if isinstance(name, str) and name:
        return name
    raise CitationError(f"{FILE_NAME}: an author has neither family-names nor name")


def _apa_authors(authors: tuple[str, ...]) -> str:
    """APA's author list: "Family, G." for people, an entity's name as it is, joined by "&"."""

    def one(author: str) -> str:
        family, _, given = author.partition(", ")
        initials = " ".join(f"{part[0]}." for part in given.split())
        return f"{family}, {initials}" if initials else family

    names = [one(a) for a in authors]
    joined = names[0] if len(names) == 1 else ", ".join(names[:-1]) + ", & " + names[-1]
    return joined if joined.endswith(".") else f"{joined}."


def _tex(text: str) -> str:
    """``text`` with BibTeX's special characters escaped."""
    return re.sub(r"([&%$#_{}])", r"\\\1", text)


__all__ = ["Citation", "CitationError", "citation"]
