"""The ``acts`` table: one row per act (:mod:`pakru.events`), in the shape event-data users know.

:func:`pakru.export.definitions.build` assembles it from :data:`COLUMNS`,
:data:`FOREIGN_KEYS` and :func:`rows`; this module does not import the
table model, so the two never import each other. Named ``acts`` because
``events`` is the table of event *records* (exercises, deliveries, …);
``Dataset.events_table()`` returns it. Codes are strings everywhere
(``cameo_code`` ``"046"``, never 46): Table Schema type ``string``, SQLite
``TEXT``, quoted in CSV; read the CSV back with
:func:`pakru.export.read_csv` to keep them so.
"""

import datetime as dt
from typing import TYPE_CHECKING, TypeAlias

from pakru.codes import alpha3, cow, edtf, wikidata_precision
from pakru.events import Act, Actor, acts

if TYPE_CHECKING:
    from pakru.dataset import Dataset

NAME = "acts"
DESCRIPTION = "One row per act a record states, CAMEO-coded with both actors (see the codebook)."

Spec: TypeAlias = tuple[str, str, str, bool]
"""A column: name, type (as :class:`pakru.export.definitions.Column`), description, required."""
Value: TypeAlias = str | int | float | bool | dt.date | tuple[str | int, ...] | None
Row: TypeAlias = dict[str, Value]


def _c(name: str, kind: str, description: str, *, required: bool = False) -> Spec:
    return (name, kind, description, required)


def _actor_columns(n: int) -> tuple[Spec, ...]:
    a = f"actor{n}"
    return (
        _c(f"{a}_record_ids", "list", f"Actor {n}: ids of the people or bodies acting."),
        _c(f"{a}_names", "list", f"Actor {n}: their names."),
        _c(f"{a}_country", "string", f"Actor {n}: ISO 3166-1 alpha-2 code."),
        _c(f"{a}_country_alpha3", "string", f"Actor {n}: ISO 3166-1 alpha-3 code."),
        _c(f"{a}_country_cow", "integer", f"Actor {n}: Correlates of War state number."),
        _c(f"{a}_cameo", "string", f"Actor {n}: CAMEO actor code (PAKGOV, RUSMIL, RUS, IGO)."),
        _c(f"{a}_basis", "string", f"Actor {n}: the derivation rule (see pakru.events)."),
    )


COLUMNS: tuple[Spec, ...] = (
    _c("id", "string", "Stable act id: <record id>--<coding rule>.", required=True),
    _c("record_id", "string", "The record stating the act."),
    _c("record_type", "string", "meeting, agreement or event."),
    _c("part", "string", "The part of the record read (see pakru.coding)."),
    _c("coding_rule", "string", "The coding rule that gave the code (see the codebook)."),
    _c("status", "string", "The record's status (held, planned, signed, agreed, …)."),
    _c("planned", "boolean", "True when the act was announced, not (yet) done."),
    _c("date_start", "date", "First possible day; null when the sources give no bound."),
    _c("date_end", "date", "Last possible day; null when the sources give no bound."),
    _c("date_precision", "string", "day, month, year, range or unknown."),
    _c("date_edtf", "string", "The interval in EDTF (ISO 8601-2)."),
    _c("date_wikidata_precision", "integer", "Wikidata precision: 9 year, 10 month, 11 day."),
    *_actor_columns(1),
    *_actor_columns(2),
    _c("mutual", "boolean", "True when both actors did the act together (order is the record's)."),
    _c("cameo_code", "string", "CAMEO event code, a string: '046', never 46."),
    _c("cameo_root", "string", "CAMEO root code (first two digits)."),
    _c("cameo_label", "string", "The code's CAMEO codebook label."),
    _c("quad_class", "integer", "1 verbal cooperation, 2 material cooperation, 3, 4 conflict."),
    _c("goldstein", "number", "Goldstein score of the code (-10 to +10)."),
    _c("location_city", "string", "City, as a source names it."),
    _c("location_country", "string", "ISO 3166-1 alpha-2 code of the place."),
    _c("location_venue", "string", "Building or institution."),
    _c("location_country_alpha3", "string", "ISO 3166-1 alpha-3 code of the place."),
    _c("location_country_cow", "integer", "Correlates of War state number of the place."),
    _c("location_geonames_id", "integer", "GeoNames id of the city (or country)."),
    _c("location_latitude", "number", "Latitude of the GeoNames city (WGS 84)."),
    _c("location_longitude", "number", "Longitude of the GeoNames city (WGS 84)."),
    _c("location_precision", "string", "venue, city, country or unknown (as ACLED's)."),
    _c("source_count", "integer", "Number of sources stating the act."),
    _c("source_ids", "list", "Sources stating the act."),
    _c("quote", "string", "The first sentence that triggers the code, verbatim."),
)
"""The columns of the ``acts`` table, in order."""


def _actor_values(n: int, actor: Actor | None) -> Row:
    a = f"actor{n}"
    return {
        f"{a}_record_ids": actor.records if actor else (),
        f"{a}_names": actor.names if actor else (),
        f"{a}_country": actor.country if actor else None,
        f"{a}_country_alpha3": actor.alpha3 if actor else None,
        f"{a}_country_cow": actor.cow if actor else None,
        f"{a}_cameo": actor.cameo if actor else None,
        f"{a}_basis": actor.basis if actor else None,
    }


def row(act: Act) -> Row:
    """The table row of one act."""
    date, place = act.date, act.location
    return {
        "id": act.id,
        "record_id": act.record,
        "record_type": act.record_type,
        "part": act.part,
        "coding_rule": act.rule.id,
        "status": act.status,
        "planned": act.planned,
        "date_start": date.earliest,
        "date_end": date.latest,
        "date_precision": date.precision,
        "date_edtf": edtf(date.earliest, date.latest, date.precision),
        "date_wikidata_precision": wikidata_precision(date.precision),
        **_actor_values(1, act.actor1),
        **_actor_values(2, act.actor2),
        "mutual": act.mutual,
        "cameo_code": act.code,
        "cameo_root": act.root,
        "cameo_label": act.label,
        "quad_class": act.quad_class,
        "goldstein": act.goldstein,
        "location_city": place.city if place else None,
        "location_country": place.country if place else None,
        "location_venue": place.venue if place else None,
        "location_country_alpha3": alpha3(place.country) if place else None,
        "location_country_cow": cow(place.country) if place else None,
        "location_geonames_id": place.geonames_id if place else None,
        "location_latitude": place.latitude if place else None,
        "location_longitude": place.longitude if place else None,
        "location_precision": place.precision if place else "unknown",
        "source_count": len(act.sources),
        "source_ids": act.sources,
        "quote": act.sentences[0] if act.sentences else None,
    }


FOREIGN_KEYS: tuple[tuple[str, str, str], ...] = (
    ("cameo_code", "cameo", "code"),
    ("actor1_country", "countries", "alpha2"),
    ("actor2_country", "countries", "alpha2"),
    ("location_country", "countries", "alpha2"),
)
"""(column, table, column referred to) of each foreign key."""


def rows(ds: "Dataset") -> tuple[Row, ...]:
    """The rows of the ``acts`` table of ``ds``, one per act."""
    return tuple(row(a) for a in acts(ds))
