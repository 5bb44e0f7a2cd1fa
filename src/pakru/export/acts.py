"""The ``acts`` table: one row per act (:mod:`pakru.acts`), in the shape event-data users know.

Named ``acts`` because ``events`` is the table of event *records* (exercises,
deliveries, …); ``ds.acts_table()`` returns it. Its columns are declared as
every table's are (:mod:`pakru.export.columns`), the place with the same
columns as the meetings' and events' under a ``location_`` prefix. Codes are
strings everywhere (``cameo_code`` ``"046"``, never 46): Table Schema type
``string``, SQLite ``TEXT``, quoted in CSV; read the CSV back with
:func:`pakru.export.read_csv` to keep them so.
"""

from collections.abc import Callable
from typing import TYPE_CHECKING

from pakru.acts import Act, Actor, acts
from pakru.acts.codes import edtf, wikidata_precision
from pakru.export.columns import Col, derived, location, table
from pakru.export.model import ColumnType, ForeignKey, Table, Value
from pakru.schema import Location

if TYPE_CHECKING:
    from pakru.dataset import Dataset


_ACTOR: tuple[tuple[str, str, ColumnType, str], ...] = (
    # attribute of Actor, column name after "actor<n>_", type, description
    ("records", "record_ids", "list", "ids of the people or bodies acting."),
    ("names", "names", "list", "their names."),
    ("country", "country", "string", "ISO 3166-1 alpha-2 code."),
    ("alpha3", "country_alpha3", "string", "ISO 3166-1 alpha-3 code."),
    ("cow", "country_cow", "integer", "Correlates of War state number."),
    ("cameo", "cameo", "string", "CAMEO actor code (PAKGOV, RUSMIL, RUS, IGO)."),
    ("basis", "basis", "string", "the derivation rule (see pakru.acts.actors)."),
)


def _actor_columns(n: int) -> list[Col[Act]]:
    def of(attribute: str, empty: Value) -> Callable[[Act], Value]:
        def get(act: Act) -> Value:
            actor: Actor | None = act.actor1 if n == 1 else act.actor2
            return empty if actor is None else getattr(actor, attribute)

        return get

    countries = ForeignKey((f"actor{n}_country",), "countries", ("alpha2",))
    return [
        derived(
            f"actor{n}_{name}",
            kind,
            f"Actor {n}: {description}",
            of(attribute, () if kind == "list" else None),
            foreign_key=countries if name == "country" else None,
        )
        for attribute, name, kind, description in _ACTOR
    ]


def _place(act: Act) -> Location | None:
    return act.location


COLUMNS: tuple[Col[Act], ...] = (
    derived("id", "string", "Stable act id: <record id>--<coding rule>.", lambda a: a.id),
    derived("record_id", "string", "The record stating the act.", lambda a: a.record),
    derived("record_type", "string", "meeting, agreement or event.", lambda a: a.record_type),
    derived(
        "part", "string", "The part of the record read (see pakru.acts.policy).", lambda a: a.part
    ),
    derived(
        "coding_rule",
        "string",
        "The coding rule that gave the code (see the codebook).",
        lambda a: a.rule.id,
    ),
    derived(
        "status",
        "string",
        "The record's status (held, planned, signed, agreed, …).",
        lambda a: a.status,
    ),
    derived(
        "planned",
        "boolean",
        "True when the act was announced, not (yet) done.",
        lambda a: a.planned,
    ),
    derived(
        "date_start",
        "date",
        "First possible day; null when the sources give no bound.",
        lambda a: a.date.earliest,
    ),
    derived(
        "date_end",
        "date",
        "Last possible day; null when the sources give no bound.",
        lambda a: a.date.latest,
    ),
    derived(
        "date_precision",
        "string",
        "day, month, year, range or unknown.",
        lambda a: a.date.precision,
    ),
    derived(
        "date_edtf",
        "string",
        "The interval in EDTF (ISO 8601-2).",
        lambda a: edtf(a.date.earliest, a.date.latest, a.date.precision),
    ),
    derived(
        "date_wikidata_precision",
        "integer",
        "Wikidata precision: 9 year, 10 month, 11 day.",
        lambda a: wikidata_precision(a.date.precision),
    ),
    *_actor_columns(1),
    *_actor_columns(2),
    derived(
        "mutual",
        "boolean",
        "True when both actors did the act together (order is the record's).",
        lambda a: a.mutual,
    ),
    derived(
        "cameo_code",
        "string",
        "CAMEO event code, a string: '046', never 46.",
        lambda a: a.code,
        foreign_key=ForeignKey(("cameo_code",), "cameo", ("code",)),
    ),
    derived("cameo_root", "string", "CAMEO root code (first two digits).", lambda a: a.root),
    derived("cameo_label", "string", "The code's CAMEO codebook label.", lambda a: a.label),
    derived(
        "quad_class",
        "integer",
        "1 verbal cooperation, 2 material cooperation, 3, 4 conflict.",
        lambda a: a.quad_class,
    ),
    derived(
        "goldstein", "number", "Goldstein score of the code (-10 to +10).", lambda a: a.goldstein
    ),
    *location(_place, "location_", with_alpha3=True),
    derived(
        "source_count", "integer", "Number of sources stating the act.", lambda a: len(a.sources)
    ),
    derived("source_ids", "list", "Sources stating the act.", lambda a: a.sources),
    derived(
        "quote",
        "string",
        "The first sentence that triggers the code, verbatim.",
        lambda a: a.sentences[0] if a.sentences else None,
    ),
)
"""The columns of the ``acts`` table, in order."""


def acts_table(ds: "Dataset") -> Table:
    """The ``acts`` table of ``ds``: one CAMEO-coded row per act, with both actors."""
    return table(
        "acts",
        "One row per act a record states, CAMEO-coded with both actors (see the codebook).",
        COLUMNS,
        acts(ds),
    )
