"""pakru.schema.introspect: field facts from the models, and the walks over records."""

import datetime as dt
from pathlib import Path

import pytest

import pakru
from pakru.schema import (
    RECORD_TYPES,
    Agreement,
    Body,
    Conflict,
    DateInterval,
    Derivation,
    Event,
    Evidence,
    Location,
    Meeting,
    Participant,
    Person,
    Source,
    Title,
)
from pakru.schema import introspect as I  # noqa: N812 - short name for a module read often
from pakru.schema.derivations import (
    CountryDerivation,
    NameDerivation,
    OrdinalDerivation,
    PlaceDerivation,
)
from pakru.schema.markers import Role

FIXTURE = Path(__file__).resolve().parents[1] / "library" / "fixtures" / "records"


def _needing_support(model: type) -> list[str]:
    return [f.name for f in I.fields(model) if f.needs_support]


def test_fields_needing_support_per_record_kind() -> None:
    # What evidence.unsupported asks a quote for; everything else is a key,
    # editorial, a note, a link, evidence or a sub-record with its own quotes.
    assert {name: _needing_support(t.model) for name, t in RECORD_TYPES.items()} == {
        "source": ["title", "publisher", "author", "published", "dateline", "publication"],
        "person": ["name", "aliases", "country"],
        "body": ["name", "aliases", "country", "members", "parent"],
        "meeting": ["status", "date", "location", "series", "ordinal", "announced_at"],
        "agreement": ["status", "date", "parties", "meeting", "subject", "bodies"],
        "event": [
            "aliases",
            "status",
            "date",
            "location",
            "countries",
            "bodies",
            "people",
            "meeting",
            "targets",
            "target_bodies",
            "count",
            "attributed_to",
        ],
        "conflict": [],
    }


def test_markers_are_read_from_annotations() -> None:
    assert I.field(Meeting, "type").roles == {Role.KEY}
    assert I.field(Meeting, "id").roles == {Role.KEY}
    assert I.field(Meeting, "note").roles == {Role.NOTE}
    assert I.field(Meeting, "agreements").roles == {Role.LINK}
    assert I.field(Event, "bodies").roles == frozenset()
    # the same field name can mean different things in different kinds
    assert I.field(Conflict, "subject").roles == {Role.EDITORIAL}
    assert I.field(Agreement, "subject").roles == frozenset()


def test_derived_facts() -> None:
    participants = I.field(Meeting, "participants")
    assert (participants.many, participants.model, participants.sub_record) == (
        True,
        Participant,
        True,
    )
    assert I.field(Meeting, "evidence").is_evidence
    assert not I.field(Meeting, "evidence").sub_record
    assert I.field(Meeting, "date").dated
    assert I.field(Meeting, "location").model is Location
    assert I.field(Person, "titles").model is Title
    assert I.field(Meeting, "ordinal").scalar is int
    assert I.field(Meeting, "ordinal").optional
    assert I.field(Meeting, "status").scalar is str
    assert I.field(Source, "published").scalar is dt.date
    assert I.field(Participant, "lead").scalar is bool


def test_references_and_countries() -> None:
    assert I.field(Meeting, "series").refers_to == ("body",)
    assert I.field(Participant, "ref").refers_to == ("person", "body")
    assert I.field(Meeting, "same_as").refers_to == ("meeting",)
    assert I.field(Meeting, "title").refers_to is None
    countries = {
        (model.__name__, f.name)
        for model in (Body, Person, Location, Agreement, Event, Participant)
        for f in I.fields(model)
        if f.country
    }
    assert countries == {
        ("Body", "country"),
        ("Body", "members"),
        ("Person", "country"),
        ("Location", "country"),
        ("Agreement", "parties"),
        ("Event", "countries"),
        ("Event", "targets"),
        ("Participant", "side"),
    }


def test_descriptions_are_the_docstrings_normalised() -> None:
    assert I.field(Meeting, "series").description == (
        "The dialogue series (a body of kind ``dialogue-series``) it belongs to, if any."
    )
    # a docstring over two lines reads as one
    assert "\n" not in I.field(DateInterval, "precision").description
    assert I.field(DateInterval, "precision").description.startswith("Shape of the interval:")


def test_field_facts_are_cached_per_class() -> None:
    assert I.fields(Meeting) is I.fields(Meeting)
    assert I.field(Meeting, "date") in I.fields(Meeting)
    assert I.fields_by_name(Meeting) is I.fields_by_name(Meeting)


def test_locations() -> None:
    assert I.field_path(("participants", 0, "ref")) == "participants[0].ref"
    assert I.field_path(()) == ""
    assert I.model_at(Meeting, ("participants", 0)) is Participant
    assert I.model_at(Meeting, ("participants", 0, "evidence", 1)) is Evidence
    assert I.model_at(Meeting, ("nothing",)) is None
    assert I.names_a_field(Meeting, "location.city")
    assert I.names_a_field(Meeting, "date")
    assert not I.names_a_field(Meeting, "location.town")
    assert not I.names_a_field(Meeting, "title.city")


@pytest.fixture(scope="module")
def dataset() -> pakru.Dataset:
    return pakru.load([FIXTURE])


def test_walks_over_a_meeting(dataset: pakru.Dataset) -> None:
    meeting = dataset.get("jwg-ct-07")
    assert isinstance(meeting, Meeting)
    found = list(I.find(meeting, Participant))
    assert [loc for loc, _ in found] == [("participants", i) for i in range(len(found))]
    assert [p for _, p in found] == list(meeting.participants)
    evidence = list(I.evidence(meeting))
    assert evidence[0] == (("evidence", 0), meeting.evidence[0])
    quoted = list(I.quotes(meeting))
    derivations = [loc for loc, item in quoted if isinstance(item, Derivation)]
    assert derivations == [("date", "derivations", i) for i in range(len(meeting.date.derivations))]
    assert len(quoted) == len(evidence) + len(derivations)
    assert list(I.dated(meeting)) == [(("date",), meeting.date)]
    refs = {(I.field_path(loc), target) for loc, target, _ in I.references(meeting)}
    assert ("series", "pk-ru-jwg-ct") in refs
    assert I.cited_sources(meeting) == {e.source for _, e in evidence}


def test_dated_finds_title_attestations(dataset: pakru.Dataset) -> None:
    person = next(p for p in dataset.people if p.titles)
    assert [loc for loc, _ in I.dated(person)] == [
        ("titles", i, "attested") for i in range(len(person.titles))
    ]


def test_references_carry_the_kinds_allowed(dataset: pakru.Dataset) -> None:
    seen = 0
    for record in dataset.records:
        for loc, target, kinds in I.references(record):
            at = max(i for i, part in enumerate(loc) if isinstance(part, str))
            owner = I.model_at(type(record), loc[:at])
            assert owner is not None
            assert I.field(owner, str(loc[at])).refers_to == kinds
            assert isinstance(target, str)
            seen += 1
    assert seen > 20


def test_choices_of_literal_fields() -> None:
    assert I.field(Meeting, "status").choices == ("held", "planned")
    assert I.field(Meeting, "type").choices == ("meeting",)
    assert I.field(Meeting, "title").choices is None


def test_models_reachable_from_the_record_kinds() -> None:
    reached = I.models(t.model for t in RECORD_TYPES.values())
    assert reached[: len(RECORD_TYPES)] == tuple(t.model for t in RECORD_TYPES.values())
    assert set(reached[len(RECORD_TYPES) :]) == {
        Evidence,
        Title,
        DateInterval,
        Location,
        Participant,
        I.field(Meeting, "topics").model,
        I.field(Conflict, "sides").model,
        Derivation,
        CountryDerivation,
        OrdinalDerivation,
        PlaceDerivation,
        NameDerivation,
        I.field(Source, "dateline").model,
    }
    assert len(set(reached)) == len(reached)


def test_is_set() -> None:
    unknown = DateInterval(earliest=None, latest=None, precision="unknown")
    assert not I.is_set(unknown)
    assert I.is_set(DateInterval(earliest=None, latest=dt.date(2018, 3, 3), precision="range"))
    assert not I.is_set(Location(city=None, country=None, venue=None))
    assert I.is_set(Location(city="Moscow", country=None, venue=None))
    assert not I.is_set(())
    assert not I.is_set(None)
    assert I.is_set(False)
