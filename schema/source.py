"""A source: one news report, shipped with the package as text."""

from typing import Annotated, Literal

from pydantic import StringConstraints

from pakru.schema.common import Text
from pakru.schema.dates import IsoDate
from pakru.schema.markers import EDITORIAL, KEY
from pakru.schema.recordbase import RecordBase


class Source(RecordBase):
    """A news report whose text is in ``records/sources/text/``.

    Every metadata field is null unless the text itself states it: a report
    that prints no date has ``published: null``, never a guessed date.
    """

    type: Annotated[Literal["source"], KEY]
    """Record kind."""
    file: Annotated[str, StringConstraints(pattern=r"^[A-Za-z0-9_.-]+\.txt$"), EDITORIAL]
    """File name of the report's text under ``records/sources/text/``."""
    title: Text | None
    """The headline as printed, or null when the text has none."""
    publisher: Text | None
    """The publisher or outlet, when the text names one."""
    author: Text | None
    """The byline, when the text gives one."""
    published: IsoDate | None
    """Publication date, when the text gives one; null means unknown."""
