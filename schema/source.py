"""A source: one news report, shipped with the package as text."""

from typing import Annotated, Literal

from pydantic import StringConstraints

from pakru.schema.base import Model
from pakru.schema.common import Text
from pakru.schema.dates import DateInterval, IsoDate
from pakru.schema.markers import EDITORIAL, KEY
from pakru.schema.recordbase import RecordBase

BylineKind = Literal["person", "house", "agency"]


class Dateline(Model):
    """The dateline that opens a report ("ISLAMABAD:", "MOSCOW (TASS) –"), or the place of
    issue a press release prints at its end; an evidence item of the source quotes it as
    printed (``supports: [dateline]``)."""

    city: Text
    """The dateline's city, as a name ("Islamabad" for "ISLAMABAD:")."""
    agency: Text | None = None
    """The wire agency the dateline names in parentheses ("TASS", "APP", "Reuters"), or null;
    an outlet's own name there ("Dunya News") is its ``publisher``, not an agency."""


class Source(RecordBase):
    """A news report whose text is in ``records/sources/text/``.

    Every metadata field is null unless the text itself states it: a report
    that prints no date has ``published: null``, never a guessed date; its
    ``publication`` interval holds what rules derive from its content.
    """

    type: Annotated[Literal["source"], KEY]
    """Record kind."""
    file: Annotated[str, StringConstraints(pattern=r"^[A-Za-z0-9_.-]+\.txt$"), EDITORIAL]
    """File name of the report's text under ``records/sources/text/``."""
    title: Text | None
    """The headline as printed, or null when the text has none."""
    publisher: Text | None
    """The publisher or outlet, when the text names one (a house byline names the outlet)."""
    author: Text | None
    """The byline, when the text gives one, as printed."""
    byline_kind: Annotated[BylineKind | None, EDITORIAL] = None
    """What the byline names: a ``person``, the outlet itself (``house``, e.g. "Written by
    The Frontier Post") or a news ``agency``; null without a byline."""
    published: IsoDate | None
    """Publication date, when the text gives one; null means unknown."""
    dateline: Dateline | None = None
    """Where the report is datelined: the ``dateline-here`` and ``dateline-venue`` rules read
    the city from here. Null when the text prints no dateline."""
    publication: DateInterval | None = None
    """For a report that states no day: the interval its content fixes
    (``written-after-record``)."""
