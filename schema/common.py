"""Types shared by every record kind: ids, country codes, evidence, statements."""

from typing import Annotated, Any

from pydantic import AfterValidator, Field, StringConstraints

from pakru.schema.base import Model
from pakru.schema.markers import COUNTRY, RefTarget
from pakru.schema.reference import COUNTRY_CODES

ID_PATTERN = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"

Id = Annotated[str, StringConstraints(pattern=ID_PATTERN, min_length=1, max_length=80)]
"""A record id: lower-case letters, digits and single hyphens.

No ``Field(description=...)`` here: pydantic would let it mask the docstring
of every field holding an id (``Evidence.source`` would read "A record id").
"""


def _refers_to(*kinds: str) -> Any:
    return Field(json_schema_extra={"x-references": list(kinds)})


SourceRef = Annotated[Id, RefTarget(("source",)), _refers_to("source")]
PersonRef = Annotated[Id, RefTarget(("person",)), _refers_to("person")]
BodyRef = Annotated[Id, RefTarget(("body",)), _refers_to("body")]
ActorRef = Annotated[Id, RefTarget(("person", "body")), _refers_to("person", "body")]
MeetingRef = Annotated[Id, RefTarget(("meeting",)), _refers_to("meeting")]
AgreementRef = Annotated[Id, RefTarget(("agreement",)), _refers_to("agreement")]
RecordRef = Annotated[
    Id,
    RefTarget(("meeting", "agreement", "event", "person", "body", "source")),
    _refers_to("meeting", "agreement", "event", "person", "body", "source"),
]

Text = Annotated[str, StringConstraints(min_length=1, max_length=2000)]
"""Free text written by a maintainer (a title, a role, a paraphrase)."""

Quote = Annotated[str, StringConstraints(min_length=3, max_length=2000)]
"""A verbatim excerpt of a source text (compared whitespace-normalised)."""


# the codes, not pakru.schema.countries: that table reads reference.json, which
# defining the models (and so pakru.load()) does not need
def _known_country(code: str) -> str:
    if code not in COUNTRY_CODES:
        known = ", ".join(sorted(COUNTRY_CODES))
        raise ValueError(f"unknown country code {code!r} (known: {known})")
    return code


CountryCode = Annotated[
    str,
    StringConstraints(pattern=r"^[A-Z]{2}$"),
    AfterValidator(_known_country),
    COUNTRY,
    Field(
        description="ISO 3166-1 alpha-2 country code (listed in pakru.schema.countries).",
        json_schema_extra={"enum": sorted(COUNTRY_CODES)},
    ),
]

FIELD_NAME = r"^[a-z_]+(?:\.[a-z_]+)*$"


class BaseDerivation(Model):
    """A value derived by a documented rule from one phrase of one source.

    Subclasses narrow ``rule`` to their kind's rules and add the rule's
    arguments; :mod:`pakru.validate.derive` implements every rule once, and
    the validator recomputes each derivation and reports a value its rule
    does not reproduce.
    """

    rule: str
    """The rule applied (listed in the docs' derivation rules)."""
    source: SourceRef
    """The source whose text contains ``quote``."""
    quote: Quote
    """The verbatim phrase the value is derived from."""


class Evidence(Model):
    """A verbatim quote from a source that supports some fields of a record."""

    source: SourceRef
    """Id of the source record whose text contains the quote."""
    quote: Quote
    """Verbatim text from the source (whitespace is normalised before comparing)."""
    supports: tuple[Annotated[str, StringConstraints(pattern=FIELD_NAME)], ...] = ()
    """Names of the record's fields this quote supports (e.g. ``date``, ``location.city``)."""


class Statement(Model):
    """One thing a source says, paraphrased, with the quotes that say it."""

    text: Text
    """A short paraphrase of what the sources say."""
    evidence: Annotated[tuple[Evidence, ...], Field(min_length=1)]
    """Quotes that state it."""
