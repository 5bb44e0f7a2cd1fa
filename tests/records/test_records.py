"""The records of issue 4: every meeting, agreement, event, person and body, with key values."""

import datetime as dt

import pytest

import pakru
from pakru.schema import Agreement, Body, Conflict, DateInterval, Event, Meeting, Person

DS = pakru.load()
S000, S001, S002, S003, S004 = (
    "src-9a68526d",
    "src-5c611fd4",
    "src-0d14edf0",
    "src-b44e9500",
    "src-70d7bb2a",
)


def meeting(rid: str) -> Meeting:
    record = DS.get(rid)
    assert isinstance(record, Meeting)
    return record


def agreement(rid: str) -> Agreement:
    record = DS.get(rid)
    assert isinstance(record, Agreement)
    return record


def event(rid: str) -> Event:
    record = DS.get(rid)
    assert isinstance(record, Event)
    return record


def person(rid: str) -> Person:
    record = DS.get(rid)
    assert isinstance(record, Person)
    return record


def body(rid: str) -> Body:
    record = DS.get(rid)
    assert isinstance(record, Body)
    return record


def conflict(rid: str) -> Conflict:
    record = DS.get(rid)
    assert isinstance(record, Conflict)
    return record


def span(date: DateInterval) -> tuple[str | None, str | None, str]:
    def iso(d: dt.date | None) -> str | None:
        return None if d is None else d.isoformat()

    return iso(date.earliest), iso(date.latest), date.precision


def sources_of(rid: str) -> set[str]:
    return {e.source for e in DS.get(rid).evidence}


def rules(date: DateInterval) -> list[tuple[str, str, str | None]]:
    return [(d.rule, d.source, d.anchor) for d in date.derivations]


def test_counts() -> None:
    assert len(DS.meetings) == 7
    assert len(DS.agreements) == 6
    assert len(DS.events) == 9
    assert len(DS.people) == 7
    assert len(DS.bodies) == 12
    assert len(DS.conflicts) == 3
    assert len(DS.sources) == 5


# --- meetings ---------------------------------------------------------------


def test_cgss_12() -> None:
    m = meeting("cgss-12")
    assert (m.status, m.series, m.ordinal, m.kind) == ("held", "cgss", 12, "consultative-group")
    assert span(m.date) == ("2018-03-02", "2018-03-02", "day")
    (d,) = m.date.derivations
    assert (d.rule, d.source, d.weekday) == ("weekday-before-publication", S004, "friday")
    assert (m.location.city, m.location.country, m.location.venue) == (
        None,
        None,
        "Ministry of Foreign Affairs",
    )
    leads = {(p.ref, p.side) for p in m.participants if p.lead}
    assert leads == {("tasnim-aslam", "PK"), ("sergey-ryabkov", "RU")}
    assert any("arms control" in t.text for t in m.topics)
    assert sources_of("cgss-12") == {S004}


def test_fm_talks_one_record_two_sources() -> None:
    m = meeting("fm-talks-2018-02")
    assert m.status == "held"
    assert span(m.date) == ("2018-02-01", "2018-02-28", "month")
    assert rules(m.date) == [
        ("month-before-record", S001, "jwg-ct-07"),
        ("before-publication", S004, None),
    ]
    assert m.location.city == "Moscow"
    assert {p.ref for p in m.participants} == {"khawaja-asif", "sergey-lavrov"}
    assert sources_of("fm-talks-2018-02") == {S001, S004}
    assert m.agreements == ("military-cooperation-commission",)
    assert [x.id for x in DS.meetings if x.kind == "ministerial-talks"] == ["fm-talks-2018-02"]


def test_security_consultations() -> None:
    m = meeting("security-consultations-2018-03-14")
    assert (m.status, m.kind, m.series, m.ordinal) == (
        "held",
        "security-consultations",
        "security-talks",
        None,
    )
    assert span(m.date) == ("2018-03-14", "2018-03-14", "day")
    (d,) = m.date.derivations
    assert (d.rule, d.source, d.weekday) == ("weekday-before-publication", S002, "wednesday")
    assert m.location.city == "Islamabad"
    assert {p.ref for p in m.participants} >= {"mikhail-popov", "tehmina-janjua"}


def test_nsa_meeting() -> None:
    m = meeting("nsa-meeting-2018-03")
    assert m.status == "held"
    assert span(m.date) == (None, "2018-03-15", "range")
    assert rules(m.date) == [("before-publication", S002, None)]
    assert {p.ref for p in m.participants} == {"nasser-khan-janjua", "mikhail-popov"}
    assert m.location.venue == "office of the National Security Adviser"


def test_jwg_ct_07_one_record_two_sources() -> None:
    m = meeting("jwg-ct-07")
    assert (m.status, m.series, m.ordinal) == ("held", "jwg-ct", 7)
    assert span(m.date) == ("2018-03-21", "2018-03-21", "day")
    assert rules(m.date) == [("publication-day", S000, None)]
    assert m.location.venue == "Ministry of Foreign Affairs"
    assert m.location.city is None
    assert sources_of("jwg-ct-07") == {S000, S001}
    assert m.agreements == ("jwg-ct-07-commitments",)
    assert [x.id for x in DS.meetings if x.series == "jwg-ct" and x.status == "held"] == [
        "jwg-ct-07"
    ]


def test_jwg_ct_next_is_planned() -> None:
    m = meeting("jwg-ct-next")
    assert (m.status, m.series, m.ordinal, m.announced_at) == (
        "planned",
        "jwg-ct",
        None,
        "jwg-ct-07",
    )
    assert span(m.date) == ("2019-01-01", "2019-12-31", "year")
    assert m.date.derivations[0].value == "2019"
    assert m.location.city == "Moscow"
    assert sources_of("jwg-ct-next") == {S000}


def test_ninth_round_is_its_own_series_with_unknown_date() -> None:
    m = meeting("wg-citsc-09")
    assert (m.status, m.series, m.ordinal) == ("held", "wg-citsc", 9)
    assert span(m.date) == (None, None, "unknown")
    assert m.date.derivations == ()
    assert m.location.city == "Moscow"
    assert set(m.agreements) == {"wg-citsc-09-agreement", "wg-citsc-09-commitments"}
    assert "series-jwg-ct-wg-citsc" in (body("wg-citsc").note or "")
    c = conflict("series-jwg-ct-wg-citsc")
    assert c.kind == "possible-identity"
    assert {s.record for s in c.sides} == {"jwg-ct", "wg-citsc"}


@pytest.mark.parametrize("rid", [m.id for m in DS.meetings])
def test_series_are_dialogue_series(rid: str) -> None:
    m = meeting(rid)
    if m.series is not None:
        assert body(m.series).kind == "dialogue-series"


# --- agreements -------------------------------------------------------------


@pytest.mark.parametrize(
    ("rid", "kind", "status", "interval", "meeting_id"),
    [
        (
            "defence-cooperation-2014-11",
            "agreement",
            "signed",
            ("2014-11-01", "2014-11-30", "month"),
            None,
        ),
        (
            "military-technical-cooperation-2015-10",
            "accord",
            "signed",
            ("2015-10-01", "2015-10-31", "month"),
            None,
        ),
        (
            "military-cooperation-commission",
            "decision",
            "agreed",
            ("2018-02-01", "2018-02-28", "month"),
            "fm-talks-2018-02",
        ),
        ("wg-citsc-09-agreement", "agreement", "concluded", (None, None, "unknown"), "wg-citsc-09"),
        ("wg-citsc-09-commitments", "commitment", "agreed", (None, None, "unknown"), "wg-citsc-09"),
        (
            "jwg-ct-07-commitments",
            "commitment",
            "agreed",
            ("2018-03-21", "2018-03-21", "day"),
            "jwg-ct-07",
        ),
    ],
)
def test_agreement(
    rid: str,
    kind: str,
    status: str,
    interval: tuple[str | None, str | None, str],
    meeting_id: str | None,
) -> None:
    a = agreement(rid)
    assert (a.kind, a.status, a.meeting) == (kind, status, meeting_id)
    assert span(a.date) == interval
    assert set(a.parties) == {"PK", "RU"}
    if meeting_id is not None:
        assert rid in meeting(meeting_id).agreements


def test_agreement_stated_months() -> None:
    assert agreement("defence-cooperation-2014-11").date.derivations[0].value == "2014-11"
    assert (
        agreement("military-technical-cooperation-2015-10").date.derivations[0].value == "2015-10"
    )
    assert "arms supplies" in (agreement("military-technical-cooperation-2015-10").subject or "")


# --- events and conflicts ---------------------------------------------------


def test_helicopters_conflict() -> None:
    a, b = event("mi-35-2014"), event("mi-35m-delivery")
    assert span(a.date) == ("2014-01-01", "2014-12-31", "year")
    assert span(b.date) == (None, "2018-03-03", "range")
    assert sources_of("mi-35-2014") == {S003}
    assert sources_of("mi-35m-delivery") == {S004}
    assert a.same_as == ("mi-35m-delivery",)
    assert b.same_as == ("mi-35-2014",)
    c = conflict("mi-35-helicopters")
    assert c.kind == "disagreement"
    assert {(s.record, s.evidence[0].source) for s in c.sides} == {
        ("mi-35-2014", S003),
        ("mi-35m-delivery", S004),
    }


def test_friendship_and_druzbha_are_two_events_flagged_as_possibly_one() -> None:
    f, d = event("friendship-exercise"), event("druzbha-drill")
    assert (f.kind, f.status, d.kind, d.status) == (
        "exercise",
        "recurring",
        "exercise",
        "recurring",
    )
    assert span(f.date) == (None, "2018-03-03", "range")
    assert span(d.date) == (None, None, "unknown")
    assert sources_of("friendship-exercise") == {S003, S004}
    c = conflict("friendship-druzbha")
    assert c.kind == "possible-identity"
    assert {s.record for s in c.sides} == {"friendship-exercise", "druzbha-drill"}


@pytest.mark.parametrize(
    ("rid", "kind", "status", "interval", "bodies"),
    [
        ("peace-mission-2021", "exercise", "held", ("2021-09-01", "2021-09-30", "month"), ("sco",)),
        ("sco-accession-2017", "accession", "held", ("2017-01-01", "2017-12-31", "year"), ("sco",)),
        ("rats-membership", "membership", "held", (None, None, "unknown"), ("rats", "sco")),
        (
            "ties-renewed-2007",
            "relations-milestone",
            "held",
            ("2007-01-01", "2007-12-31", "year"),
            (),
        ),
        (
            "security-talks-launch-2018",
            "dialogue-launch",
            "held",
            ("2018-01-01", "2018-03-15", "range"),
            ("security-talks",),
        ),
    ],
)
def test_event(
    rid: str,
    kind: str,
    status: str,
    interval: tuple[str | None, str | None, str],
    bodies: tuple[str, ...],
) -> None:
    e = event(rid)
    assert (e.kind, e.status, e.bodies) == (kind, status, bodies)
    assert span(e.date) == interval


def test_event_details() -> None:
    assert event("peace-mission-2021").location.country == "RU"
    assert event("peace-mission-2021").countries == ("PK",)
    assert rules(event("security-talks-launch-2018").date) == [("year-of-publication", S002, None)]
    assert sources_of("ties-renewed-2007") == {S001}


# --- people and bodies ------------------------------------------------------


@pytest.mark.parametrize(
    ("rid", "name", "aliases", "country", "titles"),
    [
        (
            "mikhail-popov",
            "Mikhail Popov",
            ("M.M. Popov",),
            "RU",
            ("Deputy Secretary National Security Council of the Russia Federation",),
        ),
        ("khawaja-asif", "Khawaja Muhammad Asif", ("Khawaja Asif",), "PK", ("Foreign Minister",)),
        ("sergey-lavrov", "Sergey Lavrov", ("Mr Lavrov",), "RU", ("Russian foreign minister",)),
        (
            "tasnim-aslam",
            "Tasnim Aslam",
            (),
            "PK",
            ("Ambassador", "Special Secretary United Nations and Economic Coordination"),
        ),
        (
            "sergey-ryabkov",
            "Sergey Ryabkov",
            (),
            "RU",
            ("Deputy Foreign Minister of the Russian Federation",),
        ),
        ("tehmina-janjua", "Tehmina Janjua", (), None, ("Foreign Secretary",)),
        (
            "nasser-khan-janjua",
            "Nasser Khan Janjua",
            (),
            None,
            ("National Security Adviser", "NSA", "Lt Gen (retd)"),
        ),
    ],
)
def test_person(
    rid: str, name: str, aliases: tuple[str, ...], country: str | None, titles: tuple[str, ...]
) -> None:
    p = person(rid)
    assert (p.name, p.aliases, p.country) == (name, aliases, country)
    assert tuple(t.title for t in p.titles) == titles


def test_title_attested_dates() -> None:
    assert span(person("tasnim-aslam").titles[0].attested) == ("2018-03-02", "2018-03-02", "day")
    assert span(person("mikhail-popov").titles[0].attested) == ("2018-03-14", "2018-03-14", "day")
    assert person("mikhail-popov").titles[0].body == "ru-security-council"
    assert span(person("khawaja-asif").titles[0].attested) == ("2018-02-01", "2018-02-28", "month")
    assert span(person("nasser-khan-janjua").titles[0].attested) == (None, "2018-03-15", "range")


def test_name_forms_map_to_one_person() -> None:
    seen: dict[str, str] = {}
    for p in DS.people:
        for form in (p.name, *p.aliases):
            assert seen.setdefault(form.lower(), p.id) == p.id
    assert seen["tehmina janjua"] != seen["nasser khan janjua"]


@pytest.mark.parametrize(
    ("rid", "kind", "name", "aliases"),
    [
        (
            "jwg-ct",
            "dialogue-series",
            "Pakistan Russia Joint Working Group (JWG) on Counter-Terrorism",
            ("Pakistan-Russia Joint Working Group on Counter-Terrorism", "JWG"),
        ),
        (
            "wg-citsc",
            "dialogue-series",
            "Russia-Pakistan Working Group on Countering International Terrorism"
            " and other Security Challenges",
            (),
        ),
        (
            "cgss",
            "dialogue-series",
            "Pakistan-Russia Consultative Group on Strategic Stability",
            (),
        ),
        (
            "security-talks",
            "dialogue-series",
            "talks between the high-level security officials of Pakistan and Russia",
            (),
        ),
        (
            "ru-security-council",
            "council",
            "National Security Council of the Russia Federation",
            (),
        ),
        ("pk-foreign-office", "ministry", "Pakistan Foreign Office", ("Foreign Office",)),
        (
            "ministry-of-foreign-affairs",
            "ministry",
            "Ministry of Foreign Affairs",
            ("foreign ministry",),
        ),
        ("sco", "multilateral-organisation", "Shanghai Cooperation Organization", ("SCO",)),
        ("rats", "multilateral-organisation", "Regional Anti-Terrorists Structure", ("RATS",)),
        ("nato", "military-alliance", "Nato", ()),
        ("islamic-state", "armed-group", "Islamic State", ("IS", "ISIS")),
        ("united-nations", "multilateral-organisation", "United Nations", ()),
    ],
)
def test_body(rid: str, kind: str, name: str, aliases: tuple[str, ...]) -> None:
    b = body(rid)
    assert (b.kind, b.name, b.aliases) == (kind, name, aliases)


def test_body_countries_only_when_stated() -> None:
    assert {b.id: b.country for b in DS.bodies if b.country is not None} == {
        "ru-security-council": "RU",
        "pk-foreign-office": "PK",
    }


def test_sources() -> None:
    published = {s.id: s.published for s in DS.sources}
    assert published == {
        S000: dt.date(2018, 3, 21),
        S001: None,
        S002: dt.date(2018, 3, 15),
        S003: None,
        S004: dt.date(2018, 3, 3),
    }


def test_source_metadata_only_as_printed() -> None:
    by_id = {s.id: s for s in DS.sources}
    assert (by_id[S003].author, by_id[S003].publisher) == ("The Frontier Post", None)
    assert by_id[S004].author == "Zahid Chaudhary"
    assert by_id[S001].title == "Pakistan, Russia concerned over growing IS threat"
