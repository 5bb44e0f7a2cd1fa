"""Ordinal derivations: "the next meeting" after the Nth is number N + 1."""

import re
from collections.abc import Mapping

from pakru.schema import Meeting, Record
from pakru.schema.derivations import OrdinalDerivation
from pakru.validate.derive.dates import UnderivableError


def derive_ordinal(d: OrdinalDerivation, meeting: Meeting, records: Mapping[str, Record]) -> int:
    """The ordinal a derivation gives; raises :class:`UnderivableError`."""
    if re.search(r"\bnext\b", d.quote, re.IGNORECASE) is None:
        raise UnderivableError(f"{d.quote!r} does not say 'next'")
    anchor = records.get(d.anchor)
    if not isinstance(anchor, Meeting) or anchor.ordinal is None:
        raise UnderivableError(f"anchor {d.anchor!r} is not a numbered meeting")
    if anchor.series != meeting.series:
        raise UnderivableError(f"anchor {d.anchor!r} is not in series {meeting.series!r}")
    return anchor.ordinal + 1
