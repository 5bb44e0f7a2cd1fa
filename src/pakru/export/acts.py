"""The ``acts`` table: one row per directed act (:func:`pakru.acts.rows`), as event data counts.

A two-sided act (a meeting both sides held, an accord both made) is two rows
with the actors reversed, sharing ``group_id`` (``reciprocal`` true), as CAMEO
codes it, so counting rows counts events; count distinct ``group_id`` for
acts. ``date_*`` and ``location_*`` are when and where the act was done or,
for an intent, stated (the meeting that announced the plan); ``plan_date_*``,
``plan_city`` and ``plan_country`` the planned event it concerns;
``realises_id`` / ``realised_by_id`` link a held meeting's acts and the plan's
intent to each other, as the ``meetings`` table links the meetings; ``report_date_*`` when its
reports were published, and ``retrospective`` flags background mentions.
``plover_*`` gives the PLOVER coding beside CAMEO (:mod:`pakru.acts.plover`).

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

from pakru.acts import Act, Actor, rows
from pakru.acts.codes import edtf, wikidata_precision
from pakru.acts.model import RETROSPECTIVE_DAYS
from pakru.export.columns import Col, derived, location, table
from pakru.export.model import ColumnType, ForeignKey, Table, Value
from pakru.schema import DateInterval, Location

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


def _date(act: Act) -> DateInterval | None:
    return act.date


def _mode(act: Act) -> str | None:
    return act.plover.mode


def _context(act: Act) -> str | None:
    return act.plover.context


def _interval_columns(
    prefix: str, what: str, of: Callable[[Act], DateInterval | None]
) -> list[Col[Act]]:
    """``<prefix>_earliest``, ``_latest``, ``_precision``, ``_edtf`` and (for the act's own
    date) ``_wikidata_precision``, in the vocabulary of every other table."""

    def earliest(act: Act) -> Value:
        interval = of(act)
        return None if interval is None else interval.earliest

    def latest(act: Act) -> Value:
        interval = of(act)
        return None if interval is None else interval.latest

    def precision(act: Act) -> Value:
        interval = of(act)
        return None if interval is None else interval.precision

    def as_edtf(act: Act) -> Value:
        interval = of(act)
        if interval is None:
            return None
        return edtf(interval.earliest, interval.latest, interval.precision)

    columns = [
        derived(f"{prefix}_earliest", "date", f"{what}: first possible day.", earliest),
        derived(f"{prefix}_latest", "date", f"{what}: last possible day.", latest),
        derived(
            f"{prefix}_precision",
            "string",
            f"{what}: day, month, year, range or unknown.",
            precision,
        ),
        derived(f"{prefix}_edtf", "string", f"{what}: the interval in EDTF.", as_edtf),
    ]
    if prefix == "date":

        def wikidata(act: Act) -> Value:
            return wikidata_precision(act.date.precision)

        columns.append(
            derived(
                "date_wikidata_precision",
                "integer",
                "Wikidata precision of the act's date: 9 year, 10 month, 11 day.",
                wikidata,
            )
        )
    return columns


COLUMNS: tuple[Col[Act], ...] = (
    derived(
        "id",
        "string",
        "Stable row id: <record id>--<coding rule>, then --<actor1>-<actor2> for a directed "
        "row of a two-sided act.",
        lambda a: a.id,
    ),
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
    *_interval_columns("date", "The act (when it was done, or stated for an intent)", _date),
    *_interval_columns(
        "plan_date",
        "The planned event an intent concerns (null for every other act)",
        lambda a: a.plan,
    ),
    *_interval_columns(
        "report_date",
        "Publication of the reports stating the act, first to last",
        lambda a: a.reported,
    ),
    derived(
        "retrospective",
        "boolean",
        "True for a background mention: the act ended more than "
        f"{RETROSPECTIVE_DAYS} days before its first report; null when either date is open.",
        lambda a: a.retrospective,
    ),
    *_actor_columns(1),
    *_actor_columns(2),
    derived(
        "group_id",
        "string",
        "The act this directed row belongs to: a two-sided act is two rows (actors "
        "reversed) sharing it; a one-way act's is its own id.",
        lambda a: a.group_id,
    ),
    derived(
        "reciprocal",
        "boolean",
        "True for one of the two directed rows of a two-sided act.",
        lambda a: a.reciprocal,
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
    derived(
        "plover_event_type",
        "string",
        "PLOVER event type (AGREE, CONSULT, …); null where PLOVER codes nothing.",
        lambda a: a.plover.event_type,
    ),
    derived("plover_mode", "string", "PLOVER mode, when the crosswalk gives one.", _mode),
    derived("plover_context", "string", "PLOVER context, when the crosswalk gives one.", _context),
    derived(
        "plover_reason",
        "string",
        "Why: the crosswalk row followed (see pakru.acts.plover).",
        lambda a: a.plover.reason,
    ),
    *location(_place, "location_", with_alpha3=True),
    derived(
        "plan_city",
        "string",
        "The planned event's city, for an intent (location_* is then where it was stated).",
        lambda a: None if a.plan_location is None else a.plan_location.city,
    ),
    derived(
        "plan_country",
        "string",
        "The planned event's country (ISO 3166-1 alpha-2), for an intent.",
        lambda a: None if a.plan_location is None else a.plan_location.country,
        foreign_key=ForeignKey(("plan_country",), "countries", ("alpha2",)),
    ),
    derived(
        "realises_id",
        "string",
        "For an act of a held meeting that carried out a planned one: the planned meeting.",
        lambda a: a.realises,
        foreign_key=ForeignKey(("realises_id",), "meetings"),
    ),
    derived(
        "realised_by_id",
        "string",
        "For an act of a planned meeting a held one carried out (the intent): the held "
        "meeting; empty while no report shows it held.",
        lambda a: a.realised_by,
        foreign_key=ForeignKey(("realised_by_id",), "meetings"),
    ),
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
    """The ``acts`` table of ``ds``: one row per directed act, CAMEO- and PLOVER-coded."""
    return table(
        "acts",
        "One row per directed act a record states (a two-sided act is two rows, actors "
        "reversed, sharing group_id), CAMEO- and PLOVER-coded with both actors, dated when "
        "the act was done or stated (see the codebook).",
        COLUMNS,
        rows(ds),
    )
