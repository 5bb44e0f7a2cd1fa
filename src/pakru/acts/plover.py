"""PLOVER beside CAMEO: each act's PLOVER event type, mode and context, with the reason.

PLOVER (Political Language Ontology for Verifiable Event Records; Halterman,
Bagozzi, Beger, Schrodt and Scarborough, "PLOVER and POLECAT: A New Political
Event Ontology and Dataset", ISA 2023) is the ontology of the POLECAT dataset
and replaces CAMEO's 20 roots and their 3- and 4-digit codes with 16 event
types whose detail is carried by two optional fields, ``mode`` (how) and
``context`` (what about). This crosswalk follows, in this order:

1. the code-by-code table ``CAMEO2PLOVER-2021.txt`` of the PLOVER repository
   (github.com/openeventdata/PLOVER, edited by Philip Schrodt for manual
   draft 0.8, 17 September 2021), copied below in :data:`BY_CODE` for the
   codes it lists;
2. for any other code, the manual's table "PLOVER equivalents to CAMEO cue
   categories" (PLOVER manual, section "CAMEO to PLOVER translation"), which
   maps a CAMEO root to one PLOVER type and leaves mode and context empty
   (its note 2: "everything at the 3- and 4-digit level should simply be
   reduced to the 2-digit cue category"), in :data:`BY_ROOT`.

The manual drops CAMEO roots 01 (make public statement) and 02 (appeal):
PLOVER codes no simple commentary, so an act with such a code has no PLOVER
type, and its row says so in ``plover_reason`` instead of leaving the reader
to guess.

>>> coding = crosswalk("046", "Engage in negotiation")
>>> coding.event_type, coding.mode, coding.context
('CONSULT', None, 'diplomatic')
>>> coding.reason
'CAMEO2PLOVER-2021: 046 Engage in negotiation → CONSULT, context diplomatic'
>>> crosswalk("010").event_type is None
True
"""

from dataclasses import dataclass

BY_CODE: dict[str, tuple[str, str | None, str | None]] = {
    # code: (event type, mode, context), as CAMEO2PLOVER-2021.txt lists them
    "030": ("AGREE", None, "diplomatic"),
    "031": ("AGREE", None, "diplomatic"),
    "0311": ("AGREE", None, "economic"),
    "0312": ("AGREE", None, "military"),
    "0313": ("AGREE", None, "legal"),
    "0314": ("AGREE", None, "intelligence"),
    "032": ("AGREE", None, "diplomatic"),
    "033": ("AGREE", None, "diplomatic"),
    "0331": ("AGREE", None, "economic"),
    "0332": ("AGREE", None, "military"),
    "0333": ("AGREE", None, "humanitarian"),
    "0334": ("AGREE", None, "peacekeeping"),
    "036": ("AGREE", None, "diplomatic"),
    "037": ("AGREE", None, "diplomatic"),
    "038": ("AGREE", None, "diplomatic"),
    "039": ("AGREE", None, "diplomatic"),
    "040": ("CONSULT", None, None),
    "041": ("CONSULT", "phone", None),
    "042": ("CONSULT", "visit", None),
    "043": ("CONSULT", "visit", None),
    "044": ("CONSULT", "third-party", None),
    "045": ("CONSULT", None, "diplomatic"),
    "046": ("CONSULT", None, "diplomatic"),
    "050": ("SUPPORT", None, "diplomatic"),
    "051": ("SUPPORT", None, "diplomatic"),
    "052": ("SUPPORT", None, "diplomatic"),
    "053": ("SUPPORT", None, "diplomatic"),
    "054": ("SUPPORT", None, "diplomatic"),
    "055": ("SUPPORT", None, "diplomatic"),
    "056": ("SUPPORT", None, "diplomatic"),
    "057": ("SUPPORT", None, "diplomatic"),
    "060": ("COOPERATE", None, None),
    "061": ("COOPERATE", None, "economic"),
    "062": ("COOPERATE", None, "military"),
    "063": ("COOPERATE", None, "legal"),
    "064": ("COOPERATE", None, "intelligence"),
    "070": ("AID", None, None),
    "071": ("AID", None, "economic"),
    "072": ("AID", None, "military"),
    "073": ("AID", None, "humanitarian"),
    "074": ("AID", None, "peacekeeping"),
    "110": ("ACCUSE", "disapprove", None),
    "111": ("ACCUSE", "disapprove", None),
    "112": ("ACCUSE", "disapprove", None),
    "1123": ("ACCUSE", "allege", "military"),
    "114": ("ACCUSE", "allege", "diplomatic"),
}
"""The rows of CAMEO2PLOVER-2021.txt for the roots 03–07 and 11 (the cooperative and
verbal-conflict codes an act of this dataset can take), exactly as listed there."""

BY_ROOT: dict[str, str | None] = {
    "01": None,
    "02": None,
    "03": "AGREE",
    "04": "CONSULT",
    "05": "SUPPORT",
    "06": "COOPERATE",
    "07": "AID",
    "09": "ACCUSE",
    "10": "REQUEST",
    "11": "ACCUSE",
    "12": "REJECT",
    "13": "THREATEN",
    "14": "PROTEST",
    "15": "MOBILIZE",
    "16": "SANCTION",
    "17": "COERCE",
    "18": "ASSAULT",
    "19": "ASSAULT",
    # The manual's table prints "FIGHT (see Note 1)" for 20, a type its 16 do not list;
    # note 1 codes unconventional weapons as a mode of the fighting type, ASSAULT.
    "20": "ASSAULT",
}
"""The manual's root table (None: dropped). Root 08 is split by the manual (081–083
CONCEDE, 084–087 RETREAT) and handled in :func:`crosswalk`."""


@dataclass(frozen=True)
class Plover:
    """An act's PLOVER coding: event type (None when PLOVER codes nothing), mode, context,
    and why."""

    event_type: str | None
    mode: str | None
    context: str | None
    reason: str


def crosswalk(code: str, label: str | None = None) -> Plover:
    """The PLOVER coding of a CAMEO event code, by the first source above that lists it.

    >>> crosswalk("0812").event_type, crosswalk("085").event_type
    ('CONCEDE', 'RETREAT')
    >>> crosswalk("012").reason
    'PLOVER drops CAMEO root 01 (make public statement): simple commentary is not an event'
    """
    named = f"{code} {label}" if label else code
    if code in BY_CODE:
        event_type, mode, context = BY_CODE[code]
        detail = ", ".join(
            f"{field} {value}" for field, value in (("mode", mode), ("context", context)) if value
        )
        return Plover(
            event_type,
            mode,
            context,
            f"CAMEO2PLOVER-2021: {named} → {event_type}" + (f", {detail}" if detail else ""),
        )
    root = code[:2]
    if root == "01":
        return Plover(None, None, None, _DROPPED.format("01 (make public statement)"))
    if root == "02":
        return Plover(None, None, None, _DROPPED.format("02 (appeal)"))
    if root == "08":
        split = "CONCEDE" if code[:3] in ("080", "081", "082", "083") else "RETREAT"
        return Plover(split, None, None, f"PLOVER manual: {named}, root 08 → {split}")
    by_root = BY_ROOT.get(root)
    if by_root is None:
        raise ValueError(f"not a CAMEO event code: {code!r}")
    return Plover(
        by_root, None, None, f"PLOVER manual root table: {named}, root {root} → {by_root}"
    )


_DROPPED = "PLOVER drops CAMEO root {}: simple commentary is not an event"

EVENT_TYPES: tuple[str, ...] = (
    "AGREE",
    "CONSULT",
    "SUPPORT",
    "CONCEDE",
    "COOPERATE",
    "AID",
    "RETREAT",
    "REQUEST",
    "ACCUSE",
    "REJECT",
    "THREATEN",
    "PROTEST",
    "SANCTION",
    "MOBILIZE",
    "COERCE",
    "ASSAULT",
)
"""PLOVER's 16 event types, in the manual's order."""

__all__ = ["BY_CODE", "BY_ROOT", "EVENT_TYPES", "Plover", "crosswalk"]
