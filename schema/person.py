"""A person named in the reports, with every name form and title they are given."""

from typing import Annotated, Literal

from pydantic import Field

from pakru.schema.base import Model
from pakru.schema.common import BodyRef, CountryCode, Evidence, Text
from pakru.schema.dates import DateInterval
from pakru.schema.markers import KEY
from pakru.schema.recordbase import RecordBase


class Title(Model):
    """A title or post a source gives a person, and when it is attested."""

    title: Text
    """The title as the source gives it (e.g. "Deputy Foreign Minister")."""
    body: BodyRef | None = None
    """The body (ministry, council) the post belongs to, when the source names it."""
    attested: DateInterval
    """When the source attests the title: the date of the event it reports."""
    evidence: Annotated[tuple[Evidence, ...], Field(min_length=1)]
    """Quotes giving the title."""


class Person(RecordBase):
    """One person: one id, whatever name forms the reports use."""

    type: Annotated[Literal["person"], KEY]
    """Record kind."""
    name: Text
    """The fullest name form a source uses."""
    aliases: tuple[Text, ...] = ()
    """Every other name form used in a source (e.g. "M.M. Popov")."""
    country: CountryCode | None
    """The country the person serves, when the sources say so."""
    titles: tuple[Title, ...] = ()
    """Titles and posts, each with the date it is attested."""
