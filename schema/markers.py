"""Markers the models put on fields and types, read by :mod:`pakru.schema.introspect`.

A marker is plain ``Annotated`` metadata: pydantic ignores it, so it changes
neither validation nor the JSON Schema. Markers say what a field *is* where
its type alone cannot: ``Meeting.agreements`` and ``Event.bodies`` are both
lists of ids, but only the first is a cross-link whose targets carry their
own evidence. Everything derivable from the type (sub-records, evidence,
dates) is derived by :mod:`pakru.schema.introspect` instead of marked.
"""

import enum
from dataclasses import dataclass


class Role(enum.Enum):
    """What a field is for, beyond its type; put on a field as ``Annotated[T, Role.X]``."""

    KEY = "key"
    """Names the record (``type``, ``id``): not a fact, written first in a record file."""
    EDITORIAL = "editorial"
    """Chosen or written by a maintainer (a descriptive title, a kind, a file name): no
    source has to state it, so it needs no ``supports``."""
    NOTE = "note"
    """The editor's remark: never a fact, written last in a record file."""
    LINK = "link"
    """A cross-link to records that carry their own evidence (``same_as``, ``agreements``)."""


KEY = Role.KEY
EDITORIAL = Role.EDITORIAL
NOTE = Role.NOTE
LINK = Role.LINK


@dataclass(frozen=True)
class RefTarget:
    """Marks an id type as a reference to a record of one of ``kinds``.

    The validator's ``references.resolve`` rule checks every field so marked
    (found by :func:`pakru.schema.introspect.references`); the JSON Schema
    shows the kinds as ``x-references``.
    """

    kinds: tuple[str, ...]


@dataclass(frozen=True)
class CountryMarker:
    """Marks a string type as an ISO 3166-1 alpha-2 code listed in ``pakru.schema.countries``."""


COUNTRY = CountryMarker()
