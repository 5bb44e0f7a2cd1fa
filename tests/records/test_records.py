"""The records of issue 4: every meeting, agreement, event, person and body, with key values."""

import datetime as dt

import pytest

import pakru
from pakru.schema import Agreement, Body, Conflict, DateInterval, Event, Meeting, Person
from pakru.schema.introspect import references

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
    assert len(DS.agreements) == 8
    assert len(DS.events) == 14
    assert len(DS.people) == 7
    assert len(DS.bodies) == 12
    assert len(DS.conflicts) == 4
    assert len(DS.sources) == 5


# --- meetings ---------------------------------------------------------------


def test_cgss_12() -> None:
    m = meeting("cgss-12")
    assert (m.status, m.series, m.ordinal, m.kind) == ("held", "cgss", 12, "consultative-group")
    assert span(m.date) == ("2018-03-02", "2018-03-02", "day")
    (d,) = m.date.derivations
    assert (d.rule, d.source, d.weekday) == ("weekday-before-publication", S004, "friday")
    assert (m.location.city, m.location.country, m.location.venue) == (
        "Islamabad",
        "PK",
        "Ministry of Foreign Affairs",
    )
    assert [d.rule for d in m.location.derivations] == ["dateline-venue", "gazetteer-city"]
    assert (m.location.geonames_id, m.location.precision) == (1176615, "venue")
    assert m.agreements == ("cgss-12-bilateral-relations",)
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
    assert (m.location.city, m.location.country) == ("Islamabad", "PK")
    here = m.location.derivations[0]
    assert (here.rule, here.source, here.dateline, here.dateline_source) == (
        "dateline-here",
        S000,
        "ISLAMABAD",
        S001,
    )
    assert sources_of("jwg-ct-07") == {S000, S001}
    assert m.agreements == ("jwg-ct-07-commitments", "jwg-ct-07-un-cooperation")
    assert [x.id for x in DS.meetings if x.series == "jwg-ct" and x.status == "held"] == [
        "jwg-ct-07",
        "wg-citsc-09",
    ]


def test_jwg_ct_next_is_planned() -> None:
    m = meeting("jwg-ct-next")
    assert (m.status, m.series, m.ordinal, m.announced_at) == (
        "planned",
        "jwg-ct",
        8,
        "jwg-ct-07",
    )
    (d,) = m.derivations
    assert (d.rule, d.anchor) == ("next-ordinal", "jwg-ct-07")
    assert (m.location.country, m.location.geonames_id) == ("RU", 524901)
    assert span(m.date) == ("2019-01-01", "2019-12-31", "year")
    assert m.date.derivations[0].value == "2019"
    assert m.location.city == "Moscow"
    assert sources_of("jwg-ct-next") == {S000}


def test_ninth_round_is_bounded_by_its_report_and_the_series_order() -> None:
    m = meeting("wg-citsc-09")
    assert (m.status, m.series, m.ordinal) == ("held", "jwg-ct", 9)
    assert span(m.date) == ("2021-08-30", None, "range")
    assert [(d.rule, d.anchor) for d in m.date.derivations] == [
        ("weekday-before-publication", None),
        ("after-record", "jwg-ct-07"),
    ]
    assert m.location.city == "Moscow"
    assert set(m.agreements) == {"wg-citsc-09-agreement", "wg-citsc-09-commitments"}


def test_identity_policy_one_series_with_the_doubt_shown() -> None:
    """Continuity rule: the 9th round counts in the JWG's series; the conflict keeps the doubt."""
    in_order = sorted(
        (m for m in DS.meetings if m.series == "jwg-ct"), key=lambda m: m.ordinal or 0
    )
    assert [(m.id, m.ordinal, m.status) for m in in_order] == [
        ("jwg-ct-07", 7, "held"),
        ("jwg-ct-next", 8, "planned"),
        ("wg-citsc-09", 9, "held"),
    ]
    assert DS.get("wg-citsc").id == "jwg-ct"  # the merged id still finds the series
    name = "Russia-Pakistan Working Group on Countering International Terrorism"
    assert any(a.startswith(name) for a in body("jwg-ct").aliases)
    c = conflict("series-jwg-ct-wg-citsc")
    assert c.kind == "possible-identity"
    assert {(s.record, s.field) for s in c.sides} == {
        ("jwg-ct-07", "series"),
        ("wg-citsc-09", "series"),
    }


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
        (
            "wg-citsc-09-agreement",
            "agreement",
            "concluded",
            ("2021-08-30", None, "range"),
            "wg-citsc-09",
        ),
        (
            "wg-citsc-09-commitments",
            "commitment",
            "agreed",
            ("2021-08-30", None, "range"),
            "wg-citsc-09",
        ),
        (
            "jwg-ct-07-un-cooperation",
            "commitment",
            "agreed",
            ("2018-03-21", "2018-03-21", "day"),
            "jwg-ct-07",
        ),
        (
            "cgss-12-bilateral-relations",
            "commitment",
            "agreed",
            ("2018-03-02", "2018-03-02", "day"),
            "cgss-12",
        ),
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
    assert c.kind == "possible-identity"  # 2014 lies inside "on or before 2018-03-03"
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
        ("tehmina-janjua", "Tehmina Janjua", (), "PK", ("Foreign Secretary",)),
        (
            "nasser-khan-janjua",
            "Nasser Khan Janjua",
            (),
            "PK",
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
            (
                "Pakistan-Russia Joint Working Group on Counter-Terrorism",
                "JWG",
                "Russia-Pakistan Working Group on Countering International Terrorism"
                " and other Security Challenges",
            ),
        ),
        (
            "military-cooperation-commission-body",
            "commission",
            "military cooperation commission",
            ("commission for promoting military cooperation",),
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


def test_body_countries_stated_or_derived() -> None:
    assert {b.id: b.country for b in DS.bodies if b.country is not None} == {
        "ru-security-council": "RU",
        "pk-foreign-office": "PK",
        "ministry-of-foreign-affairs": "PK",
    }
    (d,) = body("ministry-of-foreign-affairs").derivations
    assert (d.rule, d.anchor) == ("venue-country", "cgss-12")


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
    assert (by_id[S003].author, by_id[S003].publisher, by_id[S003].byline_kind) == (
        "The Frontier Post",
        "The Frontier Post",
        "house",
    )
    assert (by_id[S004].author, by_id[S004].byline_kind) == ("Zahid Chaudhary", "person")
    assert all(by_id[x].publisher is None for x in (S000, S001, S002, S004))
    assert by_id[S001].title == "Pakistan, Russia concerned over growing IS threat"


def test_undated_sources_have_a_derived_publication_interval() -> None:
    by_id = {s.id: s for s in DS.sources}
    b, a = by_id[S003].publication, by_id[S001].publication
    assert b is not None
    assert a is not None
    assert span(b) == ("2021-09-01", None, "range")
    assert rules(b) == [("written-after-record", S003, "peace-mission-2021")]
    assert span(a) == ("2018-03-21", None, "range")
    assert all(by_id[x].publication is None for x in (S000, S002, S004))


def test_sides_and_countries_derived_by_host_visitor_rules() -> None:
    consultations = meeting("security-consultations-2018-03-14")
    (janjua,) = [p for p in consultations.participants if p.ref == "tehmina-janjua"]
    assert (janjua.side, janjua.derivations[0].rule) == ("PK", "visitor-counterpart")
    nsa = meeting("nsa-meeting-2018-03")
    (host,) = [p for p in nsa.participants if p.ref == "nasser-khan-janjua"]
    assert (host.side, host.derivations[0].rule) == ("PK", "host-country")
    assert person("tehmina-janjua").derivations[0].anchor == consultations.id


def test_every_city_has_gazetteer_coordinates() -> None:
    for record in (*DS.meetings, *DS.events):
        loc = record.location
        if loc.city is not None:
            assert loc.country is not None, record.id
            assert None not in (loc.geonames_id, loc.latitude, loc.longitude), record.id


def test_missing_acts_are_records_of_their_own() -> None:
    attacks = event("is-attacks-afghanistan-2017")
    assert (attacks.kind, attacks.count, attacks.attributed_to) == (
        "reported-attacks",
        60,
        "Afghan media",
    )
    assert span(attacks.date) == ("2017-01-01", "2017-12-31", "year")
    assert attacks.location.precision == "country"
    criticism = event("fm-talks-2018-02-us-nato-criticism")
    assert (criticism.targets, criticism.target_bodies) == (("US",), ("nato",))
    assert event("lavrov-unmarked-helicopters").people == ("sergey-lavrov",)
    assert event("lavrov-counter-terrorism-readiness").targets == ("PK",)
    assert event("popov-cooperation-commitment").meeting == "nsa-meeting-2018-03"
    assert agreement("jwg-ct-07-un-cooperation").bodies == ("united-nations",)
    assert "next" not in (agreement("jwg-ct-07-commitments").subject or "")


def test_every_body_is_referenced() -> None:
    referenced = {ref for r in DS.records for _, ref, _ in references(r)}
    assert {"nato", "united-nations", "islamic-state"} <= referenced
