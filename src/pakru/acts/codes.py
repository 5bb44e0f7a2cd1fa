"""Codes that join pakru with other event data: CAMEO, Wikidata date precision, COW.

CAMEO (Conflict and Mediation Event Observations, the codebook of ICEWS and
GDELT) codes a *dyadic act*, so pakru codes acts, not records: the one
coding policy is :mod:`pakru.acts.policy`, and the ``acts`` table
(:func:`pakru.acts.acts`) gives each act its code, its two actors and the quote
that triggers the code. A record that states only a state (a membership)
has no act and no code. This module holds the code lists the policy and the
exports share: labels, Goldstein scores, QuadClasses, actor codes, and the
date and country codes that join pakru with Wikidata and COW.

>>> from pakru.acts.codes import CAMEO, wikidata_precision
>>> CAMEO["057"]
'Sign formal agreement'
>>> wikidata_precision("month"), wikidata_precision("range")
(10, None)
"""

import datetime as dt

from pakru.schema.countries import COUNTRIES

CAMEO: dict[str, str] = {
    "010": "Make statement, not specified",
    "012": "Make pessimistic comment",
    "013": "Make optimistic comment",
    "019": "Express accord",
    "020": "Make an appeal or request, not specified",
    "030": "Express intent to cooperate",
    "031": "Express intent to engage in material cooperation",
    "0312": "Express intent to cooperate militarily",
    "0332": "Express intent to provide military aid",
    "032": "Express intent to provide diplomatic cooperation",
    "036": "Express intent to meet or negotiate",
    "040": "Consult, not specified",
    "042": "Make a visit",
    "043": "Host a visit",
    "046": "Engage in negotiation",
    "050": "Engage in diplomatic cooperation, not specified",
    "051": "Praise or endorse",
    "057": "Sign formal agreement",
    "062": "Cooperate militarily",
    "064": "Share intelligence or information",
    "111": "Criticize or denounce",
    "180": "Use unconventional violence, not specified",
}
"""The CAMEO event codes pakru uses, with their codebook labels."""

GOLDSTEIN: dict[str, float] = {
    "010": 0.0,
    "012": -0.4,
    "013": 0.4,
    "019": 3.4,
    "020": 3.0,
    "030": 4.0,
    "031": 5.2,
    "0312": 5.2,
    "0332": 5.2,
    "032": 4.5,
    "036": 4.0,
    "040": 1.0,
    "042": 1.9,
    "043": 2.8,
    "046": 7.0,
    "050": 3.5,
    "051": 3.4,
    "057": 8.0,
    "062": 7.4,
    "064": 7.0,
    "111": -2.0,
    "180": -9.0,
}
"""Goldstein (1992) conflict–cooperation weights of the codes in :data:`CAMEO`, as
published with the CAMEO codebook (GDELT's ``CAMEO.goldsteinscale.txt``)."""

QUAD_CLASSES: dict[int, str] = {
    1: "Verbal cooperation",
    2: "Material cooperation",
    3: "Verbal conflict",
    4: "Material conflict",
}
"""QuadClass numbers and names, as GDELT and ICEWS use them."""


def root(code: str) -> str:
    """The CAMEO root (the first two digits) of an event code.

    >>> root("0312"), root("046")
    ('03', '04')
    """
    return code[:2]


def quad_class(code: str) -> int:
    """The QuadClass of an event code: roots 01–05 → 1, 06–09 → 2, 10–14 → 3, 15–20 → 4.

    >>> quad_class("046"), quad_class("062")
    (1, 2)
    """
    number = int(root(code))
    if not 1 <= number <= 20:
        raise ValueError(f"not a CAMEO event code: {code!r}")
    return 1 if number <= 5 else 2 if number <= 9 else 3 if number <= 14 else 4


def goldstein(code: str) -> float:
    """The Goldstein score of an event code listed in :data:`CAMEO`."""
    return GOLDSTEIN[code]


AGENTS: dict[str, str] = {
    "government": "GOV",
    "ministry": "GOV",
    "council": "GOV",
    "office": "GOV",
    "armed-forces": "MIL",
    "multilateral-organisation": "IGO",
    "military-alliance": "IGO",
}
"""Body kind → CAMEO actor role code (GOV government, MIL military, IGO
intergovernmental organisation); a kind not listed gives no role."""


THIRD_PARTIES: dict[str, str] = {
    "islamic state": "IMGMUSISI",
    "isis": "IMGMUSISI",
    "isil": "IMGMUSISI",
    "is": "IMGMUSISI",
    "daesh": "IMGMUSISI",
    "nato": "IGOWSTNAT",
    "north atlantic treaty organization": "IGOWSTNAT",
    "shanghai cooperation organization": "IGOCAS",
    "sco": "IGOCAS",
    "regional anti-terrorists structure": "IGOCAS",
    "regional anti-terrorist structure": "IGOCAS",
    "rats": "IGOCAS",
    "united nations": "IGOUNO",
}
"""A body's name (or alias), lowercased → its CAMEO actor code, as the CAMEO actor
dictionaries (PETRARCH's ``Phoenix.Countries.actors.txt`` and
``Phoenix.International.actors.txt``) spell them: ``THE_ISLAMIC_STATE +ISIS_ +ISIL_ +DAESH_
[IMGMUSISI]``, ``NATO_ [IGOWSTNAT]``, ``SHANGHAI_COOPERATION_ORGANIZATION_ [IGOCAS]``,
``UNITED_NATIONS_ [IGOUNO]``. The dictionaries have no entry for the SCO's Regional
Anti-Terrorist Structure (RATS), a permanent organ of the SCO: it takes the SCO's code."""

REGION = "ASA"
"""CAMEO's code for Asia: the target of an appeal to "the countries of the region" (the
reports' region is Afghanistan's neighbourhood in South and Central Asia; ``SAS`` or
``CAS`` would each cover only part of it)."""

_COUNTRYLESS = ("IGO", "IMG", REGION)
"""Leading blocks of CAMEO actor codes that stand without a country."""


def actor_code(alpha3: str | None, agent: str | None) -> str | None:
    """A CAMEO actor code: country (ISO alpha-3) then role, e.g. ``PAKGOV``; ``IGO`` alone,
    or an international or non-state actor's own code (``IGOWSTNAT``, ``IMGMUSISI``, ``ASA``).

    >>> actor_code("PAK", "GOV"), actor_code("RUS", None), actor_code(None, "IGO")
    ('PAKGOV', 'RUS', 'IGO')
    >>> actor_code(None, "IMGMUSISI"), actor_code(None, "GOV")
    ('IMGMUSISI', None)
    """
    if alpha3 is None:
        return agent if agent is not None and agent[:3] in _COUNTRYLESS else None
    return alpha3 + (agent if agent and agent[:3] not in _COUNTRYLESS else "")


WIKIDATA_PRECISION: dict[str, int] = {"year": 9, "month": 10, "day": 11}
"""pakru precision → Wikidata time precision (9 year, 10 month, 11 day)."""


def wikidata_precision(precision: str) -> int | None:
    """Wikidata's precision number for a pakru precision; None for ``range`` and ``unknown``."""
    return WIKIDATA_PRECISION.get(precision)


def edtf(earliest: "dt.date | None", latest: "dt.date | None", precision: str) -> str | None:
    """The interval as an EDTF (ISO 8601-2) string; None when both bounds are unknown.

    A day is ``2018-03-02``, a month ``2018-02``, a year ``2019``; another
    range is ``start/end``, with an empty side when that bound is unknown
    (EDTF's "unknown", not "open": the sources give no bound).

    >>> import datetime as dt
    >>> edtf(dt.date(2018, 2, 1), dt.date(2018, 2, 28), "month")
    '2018-02'
    >>> edtf(None, dt.date(2018, 3, 15), "range"), edtf(None, None, "unknown")
    ('/2018-03-15', None)
    """
    if earliest is None and latest is None:
        return None
    if earliest is not None and precision in ("day", "month", "year"):
        return earliest.isoformat()[: {"day": 10, "month": 7, "year": 4}[precision]]
    start = "" if earliest is None else earliest.isoformat()
    end = "" if latest is None else latest.isoformat()
    return f"{start}/{end}"


def cow(alpha2: str | None) -> int | None:
    """The Correlates of War state number of an ISO alpha-2 code (None for None).

    >>> cow("PK"), cow("RU"), cow(None)
    (770, 365, None)
    """
    return None if alpha2 is None else COUNTRIES[alpha2].cow


def alpha3(alpha2: str | None) -> str | None:
    """The ISO 3166-1 alpha-3 code of an alpha-2 code (from :mod:`pakru.schema.countries`).

    >>> alpha3("PK"), alpha3("RU"), alpha3(None)
    ('PAK', 'RUS', None)
    """
    return None if alpha2 is None else COUNTRIES[alpha2].alpha3
