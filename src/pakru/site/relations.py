"""Where one record refers to another or quotes a source, said in words."""

from pakru.schema.introspect import Loc
from pakru.site.words import field_label


def _names(loc: Loc) -> list[str]:
    return [part for part in loc if isinstance(part, str)]


_DERIVED = {
    "date": "its date",
    "location": "its place",
    "participants": "a participant's side",
    "publication": "its publication date",
}
"""What a derivation under a field gives, in words (a record's own ``derivations``
give its country, ordinal or, for an event, name forms)."""


def _derived(names: list[str]) -> str:
    owner = [n for n in names if n != "derivations"]
    if not owner:
        return "a derived country, number or name form"
    if owner[0] in _DERIVED:
        return _DERIVED[owner[0]]
    return f"the date under “{field_label(owner[0])}”"


def linked_as(loc: Loc) -> str:
    """How a record refers to the page it is listed on: "takes its date from this record"."""
    names = _names(loc)
    if "derivations" in names:
        return f"takes {_derived(names)} from this record"
    return f"under “{field_label(names[0])}”"


def quoted_for(loc: Loc, supports: tuple[str, ...]) -> str:
    """What a quote is cited for: "its date", "its place", "Status, Series", "Participants"."""
    names = _names(loc)
    if "derivations" in names:
        return _derived(names)
    if names == ["evidence"]:
        return ", ".join(field_label(s) for s in supports) if supports else "the record as a whole"
    return field_label(names[0])
