"""Codes that join pakru with other event data: CAMEO, Wikidata date precision, COW.

CAMEO (Conflict and Mediation Event Observations, the codebook of ICEWS and
GDELT) codes a *dyadic act*. pakru records say what kind of thing happened
and whether it happened, not who acted on whom, so the code is derived from
``kind`` and ``status`` alone, by the table below, and nothing else:

- meeting, ``planned`` (any kind): **036** Express intent to meet or negotiate
- meeting, ``held``, ``courtesy-call``: **042** Make a visit
- meeting, ``held``, ``working-group`` / ``consultative-group`` /
  ``security-consultations`` / ``ministerial-talks``: **046** Engage in negotiation
- meeting, ``held``, ``other``: **040** Consult, not specified
- agreement, ``signed`` or ``concluded`` (any kind): **057** Sign formal agreement
- agreement, ``agreed`` or ``planned`` (any kind): **030** Express intent to cooperate
- event, ``exercise`` / ``delivery``, ``held`` or ``recurring``: **062** Cooperate militarily
- event, ``exercise`` / ``delivery``, ``planned``: **031** Express intent to engage in
  material cooperation
- event, ``dialogue-launch`` (any status): **036** Express intent to meet or negotiate
- event, ``statement`` (any status): **010** Make statement, not specified
- event, ``reported-attacks`` (any status): **180** Use unconventional violence, not specified
- event, any other kind, ``held`` or ``recurring``: **050** Engage in diplomatic cooperation
- event, any other kind, ``planned``: **030** Express intent to cooperate

A courtesy call is coded from the visitor's side (042); the host's act is
043 ("Host a visit"), which a user who knows the direction can substitute.

>>> from pakru.codes import cameo, wikidata_precision
>>> cameo("meeting", "working-group", "held")
'046'
>>> cameo("agreement", "accord", "signed"), CAMEO["057"]
('057', 'Sign formal agreement')
>>> wikidata_precision("month"), wikidata_precision("range")
(10, None)
"""

from pakru.schema.countries import COUNTRIES

CAMEO: dict[str, str] = {
    "010": "Make statement, not specified",
    "030": "Express intent to cooperate",
    "031": "Express intent to engage in material cooperation",
    "036": "Express intent to meet or negotiate",
    "040": "Consult, not specified",
    "042": "Make a visit",
    "043": "Host a visit",
    "046": "Engage in negotiation",
    "050": "Engage in diplomatic cooperation, not specified",
    "057": "Sign formal agreement",
    "062": "Cooperate militarily",
    "180": "Use unconventional violence, not specified",
}
"""The CAMEO event codes pakru uses, with their codebook labels."""

_TALKS = {"working-group", "consultative-group", "security-consultations", "ministerial-talks"}
_MATERIAL = {"exercise", "delivery"}


_FIXED = {"dialogue-launch": "036", "statement": "010", "reported-attacks": "180"}
"""Event kinds coded the same whatever their status."""

_MEETING_HELD = dict.fromkeys(_TALKS, "046") | {"courtesy-call": "042"}


def cameo(record_type: str, kind: str, status: str) -> str:
    """The CAMEO event code of a meeting, agreement or event (see the module's table)."""
    planned = status == "planned"
    if record_type == "meeting":
        return "036" if planned else _MEETING_HELD.get(kind, "040")
    if record_type == "agreement":
        return "057" if status in ("signed", "concluded") else "030"
    if record_type != "event":
        raise ValueError(f"no CAMEO code for records of type {record_type!r}")
    if kind in _FIXED:
        return _FIXED[kind]
    if kind in _MATERIAL:
        return "031" if planned else "062"
    return "030" if planned else "050"


WIKIDATA_PRECISION: dict[str, int] = {"year": 9, "month": 10, "day": 11}
"""pakru precision → Wikidata time precision (9 year, 10 month, 11 day)."""


def wikidata_precision(precision: str) -> int | None:
    """Wikidata's precision number for a pakru precision; None for ``range`` and ``unknown``."""
    return WIKIDATA_PRECISION.get(precision)


def cow(alpha2: str | None) -> int | None:
    """The Correlates of War state number of an ISO alpha-2 code (None for None).

    >>> cow("PK"), cow("RU"), cow(None)
    (770, 365, None)
    """
    return None if alpha2 is None else COUNTRIES[alpha2].cow
