"""Today's records yield exactly the acts they state, with the policy's codes and both actors."""

import pytest

import pakru
from pakru.acts import acts, problems
from pakru.dataset import Dataset

EXPECTED = [
    # issue 26: visits give 042 and 043 beside the meeting's 046; the verbal acts of
    # topics and outcomes (concern, accord, appeal, praise, briefing) with third parties;
    # one act per happening (the Mi-35 transfer, the exercise reported twice)
    ("cgss-12--visit-made", "042", "RUSGOV", "PAKGOV"),
    ("cgss-12--visit-hosted", "043", "PAKGOV", "RUSGOV"),
    ("cgss-12--talks", "046", "PAKGOV", "RUSGOV"),
    ("fm-talks-2018-02--visit-made", "042", "PAKGOV", "RUSGOV"),
    ("fm-talks-2018-02--visit-hosted", "043", "RUSGOV", "PAKGOV"),
    ("fm-talks-2018-02--talks", "046", "PAKGOV", "RUSGOV"),
    ("jwg-ct-07--visit-made", "042", "RUSGOV", "PAKGOV"),
    ("jwg-ct-07--visit-hosted", "043", "PAKGOV", "RUSGOV"),
    ("jwg-ct-07--talks", "046", "PAK", "RUS"),
    ("jwg-ct-next--next-meeting", "036", "PAK", "RUS"),
    ("nsa-meeting-2018-03--talks", "046", "PAKGOV", "RUSGOV"),
    ("nsa-meeting-2018-03--visit-made", "042", "RUSGOV", "PAKGOV"),
    ("nsa-meeting-2018-03--visit-hosted", "043", "PAKGOV", "RUSGOV"),
    ("security-consultations-2018-03-14--talks", "046", "PAKGOV", "RUSGOV"),
    ("security-consultations-2018-03-14--visit-made", "042", "RUSGOV", "PAKGOV"),
    ("security-consultations-2018-03-14--visit-hosted", "043", "PAKGOV", "RUSGOV"),
    ("wg-citsc-09--visit-made", "042", "PAK", "RUS"),
    ("wg-citsc-09--visit-hosted", "043", "RUS", "PAK"),
    ("wg-citsc-09--talks", "046", "PAK", "RUS"),
    ("druzbha-drill--exercise", "062", "PAK", "RUS"),
    ("fm-talks-2018-02-us-nato-criticism--criticise--pak-usa", "111", "PAKGOV", "USA"),
    ("fm-talks-2018-02-us-nato-criticism--criticise--pak-nato", "111", "PAKGOV", "IGOWSTNAT"),
    ("fm-talks-2018-02-us-nato-criticism--criticise--rus-usa", "111", "RUSGOV", "USA"),
    ("fm-talks-2018-02-us-nato-criticism--criticise--rus-nato", "111", "RUSGOV", "IGOWSTNAT"),
    ("lavrov-counter-terrorism-readiness--state-readiness", "0332", "RUSGOV", "PAK"),
    ("lavrov-unmarked-helicopters--criticise--rus-usa", "111", "RUSGOV", "USA"),
    ("lavrov-unmarked-helicopters--criticise--rus-nato", "111", "RUSGOV", "IGOWSTNAT"),
    ("mi-35-2014--acquire", "062", "RUS", "PAK"),
    ("peace-mission-2021--exercise", "062", "PAKMIL", "IGOCAS"),
    ("popov-cooperation-commitment--state-commitment", "031", "RUSGOV", "PAK"),
    ("ties-renewed-2007--renew-ties", "050", "PAK", "RUS"),
    ("cgss-12-bilateral-relations--agree-cooperation", "030", "PAK", "RUS"),
    ("defence-cooperation-2014-11--sign", "057", "PAK", "RUS"),
    ("jwg-ct-07-commitments--reaffirm-commitment", "030", "PAK", "RUS"),
    ("jwg-ct-07-un-cooperation--cooperate-in-fora", "032", "PAK", "RUS"),
    ("military-cooperation-commission--military-commission", "0312", "PAK", "RUS"),
    ("military-technical-cooperation-2015-10--sign", "057", "PAK", "RUS"),
    ("wg-citsc-09-agreement--sign", "057", "RUS", "PAK"),
    ("wg-citsc-09-commitments--reaffirm-commitment", "030", "RUS", "PAK"),
    ("cgss-12--accord", "019", "PAKGOV", "RUSGOV"),
    ("fm-talks-2018-02--concern--pak-islamic-state", "012", "PAKGOV", "IMGMUSISI"),
    ("fm-talks-2018-02--concern--rus-islamic-state", "012", "RUSGOV", "IMGMUSISI"),
    ("jwg-ct-07--concern--pak-islamic-state", "012", "PAK", "IMGMUSISI"),
    ("jwg-ct-07--concern--rus-islamic-state", "012", "RUS", "IMGMUSISI"),
    ("jwg-ct-07--accord--pak-rus", "019", "PAK", "RUS"),
    ("jwg-ct-07--brief", "064", "PAKGOV", "RUSGOV"),
    ("jwg-ct-07--appeal--pak-asa", "020", "PAK", "ASA"),
    ("jwg-ct-07--appeal--rus-asa", "020", "RUS", "ASA"),
    ("jwg-ct-07--accord--pak-rus--2", "019", "PAK", "RUS"),
    ("jwg-ct-07--praise", "051", "RUS", "PAK"),
    ("nsa-meeting-2018-03--brief", "064", "PAKGOV", "RUSGOV"),
    ("nsa-meeting-2018-03--appeal", "020", "PAKGOV", "ASA"),
    ("nsa-meeting-2018-03--praise--pak-rus", "051", "PAKGOV", "RUS"),
    ("nsa-meeting-2018-03--praise--rus-pak", "051", "RUSGOV", "PAK"),
    ("security-consultations-2018-03-14--satisfaction", "051", "PAKGOV", "RUSGOV"),
    ("security-consultations-2018-03-14--brief", "064", "PAKGOV", "RUSGOV"),
    ("security-consultations-2018-03-14--accord", "019", "PAKGOV", "RUSGOV"),
    ("security-consultations-2018-03-14--praise", "051", "RUS", "PAK"),
    ("security-consultations-2018-03-14--recognise-need", "030", "PAKGOV", "RUSGOV"),
    ("wg-citsc-09--exchange-assessments", "064", "PAK", "RUS"),
]


@pytest.fixture(scope="module")
def shipped() -> Dataset:
    return pakru.load()


def _cameo(actor: object) -> str | None:
    return getattr(actor, "cameo", None)


def test_todays_records_yield_exactly_these_acts(shipped: Dataset) -> None:
    found = [(a.id, a.code, _cameo(a.actor1), _cameo(a.actor2)) for a in acts(shipped)]
    assert found == EXPECTED


def test_every_act_has_actors_and_quotes_from_its_record(shipped: Dataset) -> None:
    assert problems(shipped) == ((), ())
    for act in acts(shipped):
        record = shipped.get(act.record)
        assert act.sentences
        for sentence in act.sentences:
            assert any(sentence in " ".join(q.quote.split()) for q in act.quotes)
        same = (record.id, *getattr(record, "same_as", ()))  # one act per happening
        assert set(act.sources) <= {s for r in same for s in shipped.sources_of(r)}


def test_actor_evidence_names_the_records(shipped: Dataset) -> None:
    by_id = {a.id: a for a in acts(shipped)}
    call = by_id["security-consultations-2018-03-14--visit-made"]
    assert call.actor1 is not None
    assert call.actor2 is not None
    assert (call.actor1.records, call.actor1.country, call.actor1.basis) == (
        ("mikhail-popov",),
        "RU",
        "participant, visit",
    )
    assert (call.actor2.records, call.actor2.country) == (("tehmina-janjua",), "PK")
    assert (call.actor1.alpha3, call.actor1.cow, call.actor2.cow) == ("RUS", 365, 770)
    # "He also applauded …": the speaker is not named; the other side of the meeting
    applause = by_id["nsa-meeting-2018-03--praise--pak-rus"]
    assert applause.actor1 is not None
    assert applause.actor1.country == "PK"
    assert "other-side" in applause.actor1.basis


def test_a_statement_is_one_row_per_speaker_and_target(shipped: Dataset) -> None:
    rows = [a for a in acts(shipped) if a.record == "fm-talks-2018-02-us-nato-criticism"]
    pairs = {
        (a.actor1.country if a.actor1 else None, a.actor2.cameo if a.actor2 else None) for a in rows
    }
    assert pairs == {("PK", "USA"), ("PK", "IGOWSTNAT"), ("RU", "USA"), ("RU", "IGOWSTNAT")}
    assert {a.code for a in rows} == {"111"}
    assert {a.quad_class for a in rows} == {3}


def test_planned_and_dated(shipped: Dataset) -> None:
    by_id = {a.id: a for a in acts(shipped)}
    assert [a.id for a in acts(shipped) if a.planned] == ["jwg-ct-next--next-meeting"]
    assert by_id["jwg-ct-next--next-meeting"].date.precision == "year"
    assert by_id["jwg-ct-07--talks"].sources == ("src-5c611fd4", "src-9a68526d")


def test_no_act_for_states(shipped: Dataset) -> None:
    records = {a.record for a in acts(shipped)}
    assert "rats-membership" not in records
    assert "sco-accession-2017" not in records
    assert "is-attacks-afghanistan-2017" not in records


def test_an_outcome_held_by_another_record_is_not_coded_twice(shipped: Dataset) -> None:
    ids = [a.id for a in acts(shipped)]
    # Popov's commitment is its own event record; the outcome quoting it adds no act
    assert "popov-cooperation-commitment--state-commitment" in ids
    assert not any(i.startswith("nsa-meeting-2018-03--reiterate") for i in ids)
    # the next meeting, announced among the 7th JWG's commitments, is the planned meeting's act
    assert [i for i in ids if i.endswith("--next-meeting")] == ["jwg-ct-next--next-meeting"]
