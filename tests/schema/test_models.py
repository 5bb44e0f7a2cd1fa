"""Every record kind: a valid example builds, an invalid one gives the exact finding."""

import datetime as dt
from textwrap import dedent

import pytest

from pakru.schema import (
    Agreement,
    Body,
    Conflict,
    DateInterval,
    Derivation,
    Event,
    Meeting,
    Person,
    Source,
)
from pakru.validate.findings import Finding
from pakru.validate.models import Built, build_record
from pakru.validate.parse import Parsed, parse
from pakru.validate.read import Text

EVIDENCE = """\
evidence:
  - source: src-a
    quote: the quoted words
    supports: [published]
"""

DATE = """\
date:
  earliest: 2018-03-02
  latest: 2018-03-02
  precision: day
  derivations:
    - rule: weekday-before-publication
      source: src-a
      quote: on Friday
      weekday: friday
"""

LOCATION = """\
location:
  city: Islamabad
  country: PK
  venue: Ministry of Foreign Affairs
"""

VALID = {
    Source: """\
type: source
id: src-a
file: a.txt
title: A headline
publisher: null
author: Zahid Chaudhary
published: 2018-03-03
"""
    + EVIDENCE,
    Person: """\
type: person
id: sergey-ryabkov
name: Sergey Ryabkov
aliases: []
country: RU
titles:
  - title: Deputy Foreign Minister
    body: mfa-ru
    attested:
      earliest: 2018-03-02
      latest: 2018-03-02
      precision: day
    evidence:
      - source: src-a
        quote: Sergey Ryabkov, Deputy Foreign Minister
"""
    + EVIDENCE,
    Body: """\
type: body
id: cgss
kind: dialogue-series
name: Pakistan-Russia Consultative Group on Strategic Stability
aliases: []
country: null
members: [PK, RU]
"""
    + EVIDENCE,
    Meeting: """\
type: meeting
id: cgss-12
title: 12th meeting of the Consultative Group on Strategic Stability
kind: consultative-group
status: held
"""
    + DATE
    + LOCATION
    + """\
series: cgss
ordinal: 12
participants:
  - ref: sergey-ryabkov
    role: led the Russian delegation
    side: RU
    lead: true
    evidence:
      - source: src-a
        quote: the Russian delegation was led by Sergey Ryabkov
topics:
  - text: arms control
    evidence:
      - source: src-a
        quote: including arms control
"""
    + EVIDENCE,
    Agreement: """\
type: agreement
id: defence-2014
title: Defence cooperation agreement
kind: agreement
status: signed
date:
  earliest: 2014-11-01
  latest: 2014-11-30
  precision: month
  derivations:
    - rule: stated-month
      source: src-a
      quote: in Nov 2014 signed
      value: 2014-11
parties: [PK, RU]
meeting: null
subject: defence cooperation
"""
    + EVIDENCE,
    Event: """\
type: event
id: peace-mission-2021
title: Peace Mission 2021
kind: exercise
status: held
date:
  earliest: 2021-09-01
  latest: 2021-09-30
  precision: month
location:
  city: null
  country: RU
  venue: null
countries: [PK]
bodies: [sco]
"""
    + EVIDENCE,
    Conflict: """\
type: conflict
id: mi-35-conflict
kind: disagreement
subject: When and which helicopters
sides:
  - record: mi-35-2014
    field: date
    claim: acquired during 2014
    evidence:
      - source: src-a
        quote: during 2014
  - record: mi-35m
    claim: four Mi-35M helicopters, undated
    evidence:
      - source: src-b
        quote: four Mi-35M
"""
    + EVIDENCE,
}


def _parsed(text: str) -> Parsed:
    parsed = parse(Text("x.yaml", dedent(text)))
    assert isinstance(parsed, Parsed), parsed
    return parsed


def _findings(text: str) -> list[tuple[int, int, str, str, str]]:
    built = build_record(_parsed(text))
    assert isinstance(built, list), "expected findings, the record built"
    return [(f.line, f.column, f.rule, f.field, f.message) for f in built]


@pytest.mark.parametrize("model", list(VALID), ids=lambda m: m.__name__)
def test_valid_example_builds(model: type) -> None:
    built = build_record(_parsed(VALID[model]))
    assert isinstance(built, Built), built
    assert type(built.record) is model


def test_source_values_are_typed() -> None:
    built = build_record(_parsed(VALID[Source]))
    assert isinstance(built, Built)
    assert isinstance(built.record, Source)
    assert built.record.published == dt.date(2018, 3, 3)
    assert built.record.publisher is None


def test_meeting_values_are_typed() -> None:
    built = build_record(_parsed(VALID[Meeting]))
    assert isinstance(built, Built)
    meeting = built.record
    assert isinstance(meeting, Meeting)
    assert meeting.date.precision == "day"
    assert meeting.date.derivations[0].weekday == "friday"
    assert meeting.participants[0].lead is True
    assert meeting.location.venue == "Ministry of Foreign Affairs"


INVALID = [
    pytest.param(
        Source,
        ("published: 2018-03-03", "published: 03/03/2018"),
        [
            (
                7,
                12,
                "schema.invalid-value",
                "published",
                "Value error, expected a date as YYYY-MM-DD, got '03/03/2018'",
            )
        ],
        id="source-date-format",
    ),
    pytest.param(
        Person,
        ("country: RU", "country: XX"),
        [
            (
                5,
                10,
                "schema.invalid-value",
                "country",
                "Value error, unknown country code 'XX' (known: AF, CN, IN, IQ, PK, RU, SY, US)",
            )
        ],
        id="person-unknown-country",
    ),
    pytest.param(
        Body,
        ("kind: dialogue-series", "kind: club"),
        [
            (
                3,
                7,
                "schema.invalid-value",
                "kind",
                "Input should be 'government', 'ministry', 'council', 'commission', 'office', "
                "'armed-forces', 'dialogue-series', 'multilateral-organisation', "
                "'military-alliance', 'armed-group' or 'media'",
            )
        ],
        id="body-unknown-kind",
    ),
    pytest.param(
        Meeting,
        ("  city: Islamabad", "  cty: Islamabad"),
        [
            (16, 3, "schema.missing-key", "location", "missing required key 'city'"),
            (16, 3, "schema.unknown-key", "location", "unknown key 'cty' (did you mean 'city'?)"),
        ],
        id="meeting-misspelt-key",
    ),
    pytest.param(
        Meeting,
        ("ordinal: 12", "ordinal: '12'"),
        [
            (
                20,
                10,
                "schema.wrong-type",
                "ordinal",
                "Input should be a valid integer (got str '12')",
            )
        ],
        id="meeting-ordinal-not-coerced",
    ),
    pytest.param(
        Meeting,
        ("    lead: true", "    lead: yes"),
        [
            (
                25,
                11,
                "schema.wrong-type",
                "participants[0].lead",
                "Input should be a valid boolean (got str 'yes')",
            )
        ],
        id="meeting-yes-is-not-true",
    ),
    pytest.param(
        Agreement,
        ("parties: [PK, RU]", "parties: []"),
        [
            (
                15,
                10,
                "schema.invalid-value",
                "parties",
                "Tuple should have at least 1 item after validation, not 0",
            )
        ],
        id="agreement-no-parties",
    ),
    pytest.param(
        Agreement,
        ("      value: 2014-11\n", ""),
        [
            (
                11,
                7,
                "schema.invalid-value",
                "date.derivations[0]",
                "Value error, rule 'stated-month' needs 'value'",
            )
        ],
        id="agreement-derivation-missing-value",
    ),
    pytest.param(
        Event,
        ("status: held", "status: maybe"),
        [
            (
                5,
                9,
                "schema.invalid-value",
                "status",
                "Input should be 'held', 'recurring' or 'planned'",
            )
        ],
        id="event-unknown-status",
    ),
    pytest.param(
        Conflict,
        ("    field: date\n", "    field: Date Of\n"),
        [
            (
                7,
                12,
                "schema.invalid-value",
                "sides[0].field",
                "String should match pattern '^[a-z_]+(?:\\.[a-z_]+)*$'",
            )
        ],
        id="conflict-bad-field-name",
    ),
    pytest.param(
        Source,
        ("type: source", "type: article"),
        [
            (
                1,
                1,
                "schema.unknown-type",
                "",
                "'type' must be one of: source, person, body, meeting, agreement, event, conflict",
            )
        ],
        id="unknown-type",
    ),
]


@pytest.mark.parametrize(("model", "change", "expected"), INVALID)
def test_invalid_example_gives_exact_finding(
    model: type, change: tuple[str, str], expected: list[tuple[int, int, str, str, str]]
) -> None:
    old, new = change
    assert old in VALID[model]
    assert _findings(VALID[model].replace(old, new, 1)) == expected


def test_missing_type_is_reported() -> None:
    text = VALID[Source].replace("type: source\n", "")
    assert _findings(text) == [(1, 1, "schema.missing-key", "", "missing required key 'type'")]


def test_records_are_frozen() -> None:
    built = build_record(_parsed(VALID[Meeting]))
    assert isinstance(built, Built)
    with pytest.raises(ValueError, match="frozen"):
        built.record.title = "changed"  # type: ignore[misc]


def test_python_construction_is_strict() -> None:
    interval = DateInterval(earliest=None, latest=None, precision="unknown", derivations=())
    assert interval.derivations == ()
    with pytest.raises(ValueError, match="Input should be a valid tuple"):
        DateInterval(earliest=None, latest=None, precision="unknown", derivations=[])
    with pytest.raises(ValueError, match="needs 'weekday'"):
        Derivation(rule="weekday-before-publication", source="s", quote="on Friday")


def test_finding_is_a_value() -> None:
    finding = Finding("a.yaml", 1, 2, "schema.wrong-type", "error", "m", "f", "r")
    assert finding.to_dict() == {
        "path": "a.yaml",
        "line": 1,
        "column": 2,
        "rule": "schema.wrong-type",
        "severity": "error",
        "message": "m",
        "field": "f",
        "record": "r",
    }
