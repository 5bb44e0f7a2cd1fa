"""Where one record refers to another or quotes a source, said in words."""

from pakru.schema.introspect import Loc
from pakru.site.words import field_label


def _names(loc: Loc) -> list[str]:
    return [part for part in loc if isinstance(part, str)]


def linked_as(loc: Loc) -> str:
    """How a record refers to the page it is listed on: "takes its date from this record"."""
    names = _names(loc)
    if "derivations" in names:
        return "takes its date from this record"
    return f"under “{field_label(names[0])}”"


def quoted_for(loc: Loc, supports: tuple[str, ...]) -> str:
    """What a quote is cited for: "its date", "Status, Series", "Participants"."""
    names = _names(loc)
    if "derivations" in names:
        owner = [n for n in names if n not in ("derivations",)]
        return "its date" if owner == ["date"] else f"the date under “{field_label(owner[0])}”"
    if names == ["evidence"]:
        return ", ".join(field_label(s) for s in supports) if supports else "the record as a whole"
    return field_label(names[0])
