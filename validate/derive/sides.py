"""Country derivations: a participant's side, a person's or a body's country.

Each rule of :data:`pakru.schema.derivations.CountryRule` is one function
giving the alpha-2 code it derives; it raises :class:`UnderivableError`
when its conditions do not hold. The ``sides.derived`` rule compares the
record's value with it.
"""

from collections.abc import Callable, Mapping
from dataclasses import dataclass

from pakru.schema import Body, Meeting, Person, Record
from pakru.schema.derivations import CountryDerivation
from pakru.schema.reference import GAZETTEER_COUNTRIES
from pakru.validate.derive.dates import UnderivableError
from pakru.validate.derive.text import countries_named


@dataclass(frozen=True)
class SideFacts:
    """What country rules read: the record holding the value, its meeting, all records."""

    holder: Record
    """The person or body whose country, or the meeting whose participant's side, is derived."""
    records: Mapping[str, Record]


def _one_named(d: CountryDerivation) -> str:
    named = countries_named(d.quote)
    if len(named) != 1:
        raise UnderivableError(f"the quote names {len(named)} countries, not one")
    (code,) = named
    return code


def _host(d: CountryDerivation, facts: SideFacts) -> str:
    return _one_named(d)


def _counterpart(d: CountryDerivation, facts: SideFacts) -> str:
    pair = _meeting_pair(facts)
    visitor = _one_named(d)
    if visitor not in pair or len(pair) != 2:
        raise UnderivableError(f"{visitor} is not one of the meeting's two countries {pair}")
    return next(code for code in pair if code != visitor)


def _meeting_pair(facts: SideFacts) -> tuple[str, ...]:
    holder = facts.holder
    if not isinstance(holder, Meeting):
        raise UnderivableError("visitor-counterpart derives a meeting participant's side")
    if holder.series is not None and isinstance(body := facts.records.get(holder.series), Body):
        return body.members or GAZETTEER_COUNTRIES
    return GAZETTEER_COUNTRIES


def _anchor(d: CountryDerivation, facts: SideFacts) -> Meeting:
    meeting = facts.records.get(d.anchor or "")
    if not isinstance(meeting, Meeting):
        raise UnderivableError(f"anchor {d.anchor!r} is not a meeting")
    return meeting


def _side_in_meeting(d: CountryDerivation, facts: SideFacts) -> str:
    if not isinstance(facts.holder, Person):
        raise UnderivableError("side-in-meeting derives a person's country")
    meeting = _anchor(d, facts)
    sides = {p.side for p in meeting.participants if p.ref == facts.holder.id}
    sides.discard(None)
    if len(sides) != 1:
        raise UnderivableError(f"{facts.holder.id} has no single side in {meeting.id}")
    return str(sides.pop())


def _venue_country(d: CountryDerivation, facts: SideFacts) -> str:
    body = facts.holder
    if not isinstance(body, Body):
        raise UnderivableError("venue-country derives a body's country")
    location = _anchor(d, facts).location
    names = {n.casefold() for n in (body.name, *body.aliases)}
    if location.venue is None or location.venue.casefold() not in names:
        raise UnderivableError(f"{body.id} is not the venue of {d.anchor}")
    if location.country is None:
        raise UnderivableError(f"the location of {d.anchor} has no country")
    return location.country


COUNTRY_RULES: dict[str, Callable[[CountryDerivation, SideFacts], str]] = {
    "host-country": _host,
    "visitor-counterpart": _counterpart,
    "side-in-meeting": _side_in_meeting,
    "venue-country": _venue_country,
}


def derive_country(d: CountryDerivation, facts: SideFacts) -> str:
    """The alpha-2 code a derivation gives; raises :class:`UnderivableError`."""
    return COUNTRY_RULES[d.rule](d, facts)
