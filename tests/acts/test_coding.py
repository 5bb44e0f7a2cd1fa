"""The coding policy: each rule's test sentence gets that rule's code, and nothing else does."""

import pytest

import pakru
from pakru.acts import acts, unsupported
from pakru.acts.codes import CAMEO, GOLDSTEIN
from pakru.acts.policy import NOT_ACTS, POLICY, RULES, CodingRule, code_sentence, code_slots
from pakru.dataset import Dataset
from pakru.schema import Body, Event, Meeting, Record
from tests.validate.test_cases import CASES, build_tree


@pytest.mark.parametrize("rule", POLICY, ids=lambda r: r.id)
def test_each_rule_codes_its_test_sentence(rule: CodingRule) -> None:
    for part in rule.parts:
        kind = rule.kinds[0] if rule.kinds else None
        assert rule in code_slots(rule.example, part, kind), (rule.id, part)


@pytest.mark.parametrize("rule", [r for r in POLICY if r.code is not None], ids=lambda r: r.id)
def test_each_code_is_listed_with_a_score(rule: CodingRule) -> None:
    assert rule.code in CAMEO
    assert rule.code in GOLDSTEIN


@pytest.mark.parametrize(("sentence", "why"), NOT_ACTS)
def test_sentences_left_uncoded_get_no_code(sentence: str, why: str) -> None:
    assert why
    assert code_sentence(sentence, "outcome") is None


def test_rule_ids_are_unique() -> None:
    assert len(RULES) == len(POLICY)


@pytest.mark.parametrize(
    ("sentence", "part", "kind", "codes"),
    [
        # a call, a visit, a place: the visit (042 and 043) beside the meeting's code
        (
            "Mikhail Popov called on Foreign Secretary Tehmina Janjua",
            "meeting-held",
            None,
            ["042", "043"],
        ),
        ("NSA warmly received and welcomed the guests", "meeting-held", None, ["042", "043"]),
        # precedence: holding consultations is negotiation, the call is still a visit
        (
            "Popov called on Janjua here and held consultations",
            "meeting-held",
            None,
            ["046", "042", "043"],
        ),
        ("visited Moscow and held wide ranging talks", "meeting-held", None, ["046", "042", "043"]),
        # other outlets' styles (wire, agency, ministry readout)
        (
            "Lavrov met his Pakistani counterpart, visiting Moscow on Tuesday, the ministry said.",
            "meeting-held",
            None,
            ["040", "042", "043"],
        ),
        (
            "MOSCOW (Reuters) - The delegations discussed regional security at the talks held "
            "in Moscow.",
            "meeting-held",
            None,
            ["046", "042", "043"],
        ),
        (
            "The sides held an in-depth exchange on Afghanistan, TASS reported.",
            "meeting-held",
            None,
            ["046"],
        ),
        ("The round was held on Monday.", "meeting-held", None, ["040"]),
        (
            "both sides agreed to setting up of a commission for promoting military cooperation",
            "agreement-agreed",
            None,
            ["0312"],
        ),
        (
            "Pakistan and Russia in Nov 2014 signed a defence cooperation agreement",
            "agreement-signed",
            None,
            ["057"],
        ),
        (
            "An agreement was concluded for expansion of cooperation",
            "agreement-signed",
            None,
            ["057"],
        ),
        # states are not acts; a sentence describing a series adds no meeting
        ("Pakistan is also an active member of RATS", "event", "membership", [None]),
        ("Initiated this year, the talks between officials", "event", "dialogue-launch", [None]),
    ],
)
def test_policy_examples(
    sentence: str, part: str, kind: str | None, codes: list[str | None]
) -> None:
    rules = code_slots(sentence, part, kind)  # type: ignore[arg-type]
    assert [r.code for r in rules] == codes


@pytest.mark.parametrize(
    ("sentence", "code", "rule_id"),
    [
        # concern about a third party (012), in other outlets' words
        (
            "Islamabad and Moscow voiced concern over the spread of Daesh in northern Afghanistan.",
            "012",
            "concern",
        ),
        ("The ministers expressed alarm at the ISIL presence near the border.", "012", "concern"),
        # accord (019): a view agreed, no commitment
        (
            "Both sides agreed that the situation in Afghanistan had no military solution.",
            "019",
            "accord",
        ),
        ("Officials noted a commonality of approach on arms control.", "019", "accord"),
        ("The two sides agreed.", "019", "accord"),
        # appeal to the region (020)
        (
            "The Russian envoy urged closer coordination among regional states against terrorism.",
            "020",
            "appeal",
        ),
        (
            "Both called for cooperation among countries of the region to counter the menace.",
            "020",
            "appeal",
        ),
        # satisfaction, praise (051)
        (
            "Both sides expressed satisfaction with the pace of defence cooperation, APP said.",
            "051",
            "satisfaction",
        ),
        ("Pakistan and Russia showed satisfaction over ties.", "051", "satisfaction"),
        # recognition of the need for their own joint efforts (030)
        (
            "They recognized the need for joint action against drug trafficking.",
            "030",
            "recognise-need",
        ),
        # briefing, exchange of assessments (064)
        (
            "The Pakistani side briefed the visitors on border management, the ISPR said.",
            "064",
            "brief",
        ),
        ("The secretary elaborated on the security situation in Balochistan.", "064", "brief"),
        (
            "The delegations exchanged information on terrorist financing networks.",
            "064",
            "exchange-assessments",
        ),
        # specific over generic: named material areas are 031, not 030
        (
            "He reiterated the commitment of Moscow to expand cooperation with Islamabad, "
            "including military and energy.",
            "031",
            "reiterate-commitment",
        ),
        # a commitment with no kind of cooperation named stays 030
        (
            "The two sides reaffirmed their commitment to work together against extremism.",
            "030",
            "reaffirm-commitment",
        ),
    ],
)
def test_each_verbal_trigger_in_other_styles(sentence: str, code: str, rule_id: str) -> None:
    rule = code_sentence(sentence, "outcome")
    assert rule is not None, sentence
    assert (rule.code, rule.id) == (code, rule_id)


def test_precedence_negotiation_over_meeting() -> None:
    """046 wins the meeting's slot over 040; the visit's 042/043 code beside it."""
    talks, meeting = RULES["talks"], RULES["meeting"]
    assert talks.slot == meeting.slot == "meeting"
    assert POLICY.index(talks) < POLICY.index(meeting)
    both = code_slots("The meeting was held in Moscow and the sides held talks", "meeting-held")
    assert [r.id for r in both] == ["talks", "visit-made", "visit-hosted"]


def test_a_visit_gives_042_and_043_from_the_same_sentences() -> None:
    made, hosted = RULES["visit-made"], RULES["visit-hosted"]
    assert (made.code, hosted.code) == ("042", "043")
    assert made.trigger == hosted.trigger
    assert (made.direction, hosted.direction) == ("visitor", "host")


def test_specific_over_generic_intent() -> None:
    readiness = code_sentence(
        "he expressed Moscow’s readiness to strengthen Pakistan’s counterterrorism capabilities",
        "event",
        "statement",
    )
    assert readiness is not None
    assert readiness.code == "0332"


def test_every_rule_cites_the_codebook_or_is_not_an_act() -> None:
    for coding_rule in POLICY:
        if coding_rule.code is not None:
            assert coding_rule.code in coding_rule.cites, coding_rule.id
            assert '"' in coding_rule.cites, coding_rule.id  # it quotes the codebook


def test_a_planned_meeting_is_never_a_held_one() -> None:
    assert code_sentence("the next meeting would be held in Moscow", "meeting-held") is None
    rule = code_sentence("the next meeting would be held in Moscow", "meeting-planned")
    assert rule is not None
    assert rule.code == "036"


def test_agreeing_to_hold_a_meeting_announces_it() -> None:
    sentence = "They agreed to hold the 8th meeting of the JWG in Moscow in 2018."
    assert code_sentence(sentence, "meeting-held") is None
    rule = code_sentence(sentence, "meeting-planned")
    assert rule is not None
    assert rule.id == "next-meeting"


def test_every_listed_code_has_a_goldstein_score() -> None:
    assert set(GOLDSTEIN) == set(CAMEO)


# -- the policy on a written tree (the case base with an 8th meeting), not today's records;
# today's acts are pinned in tests/acts/expected-acts.tsv ----------------------------------


@pytest.fixture(scope="module")
def written(tmp_path_factory: pytest.TempPathFactory) -> Dataset:
    tree = tmp_path_factory.mktemp("coding") / "tree"
    return pakru.load(build_tree(CASES / "plans.unlinked" / "valid", tree))


def _with(ds: Dataset, *records: Record) -> Dataset:
    """``ds`` with ``records`` added, or replacing the record of the same id."""
    new = {r.id: r for r in records}
    kept = tuple(new.pop(r.id, r) for r in ds.records)
    return Dataset((*kept, *new.values()), ds.texts, version=ds.version)


def _quoted(record: Meeting, quote: str, **update: object) -> Meeting:
    """A copy of the meeting whose only evidence is ``quote`` (its first item's source)."""
    evidence = record.evidence[0].model_copy(update={"quote": quote})
    return record.model_copy(update={"evidence": (evidence,), **update})


def test_a_sentence_describing_a_series_adds_no_meeting(written: Dataset) -> None:
    exercise = written.get("friendship")
    assert isinstance(exercise, Event)
    launch = exercise.model_copy(
        update={
            "id": "wg-launch",
            "kind": "dialogue-launch",
            "bodies": ("wg",),
            "evidence": (
                exercise.evidence[0].model_copy(
                    update={
                        "quote": "Initiated this year, the talks of the working group provide "
                        "a useful platform for engagement.",
                        "supports": ("status", "countries", "bodies"),
                    }
                ),
            ),
        }
    )
    ds = _with(written, launch)
    assert [a for a in acts(ds) if a.record == "wg-launch"] == []
    assert unsupported(ds) == unsupported(written)  # not an uncoded act either
    assert [a.record for a in acts(ds) if a.record == "friendship"] == ["friendship"]


def test_the_visitor_is_the_side_from_the_other_country(written: Dataset) -> None:
    held = written.meeting("wg-07")  # Pakistan's Anna Karim led her side
    assert held.location is not None
    place = held.location.model_copy(update={"city": "Moscow", "country": "RU", "venue": None})
    visit = _quoted(
        held,
        "The Pakistani delegation visited Moscow and held wide ranging talks.",
        id="wg-visit",
        ordinal=None,
        location=place,
    )
    found = {a.rule.id: a for a in acts(_with(written, visit)) if a.record == "wg-visit"}
    made, hosted = found["visit-made"], found["visit-hosted"]
    assert (made.code, hosted.code) == ("042", "043")
    assert made.actor1 is not None
    assert made.actor2 is not None
    assert (made.actor1.country, made.actor2.country) == ("PK", "RU")  # held in Moscow
    assert made.actor1.records == ("anna-karim",)
    assert (hosted.actor1, hosted.actor2) == (made.actor2, made.actor1)
    assert found["talks"].code == "046"  # negotiation beside the visit


def test_concern_about_a_non_state_group_names_its_cameo_code(written: Dataset) -> None:
    series = written.get("wg")
    assert isinstance(series, Body)
    group = series.model_copy(
        update={
            "id": "islamic-state",
            "kind": "armed-group",
            "name": "Islamic State",
            "aliases": ("IS",),
            "members": (),
        }
    )
    meeting = written.meeting("wg-07")
    topic = meeting.topics[0]

    def statement(text: str, quote: str) -> object:
        evidence = topic.evidence[0].model_copy(update={"quote": quote})
        return topic.model_copy(update={"text": text, "evidence": (evidence,)})

    outcomes = (
        statement(
            "concern over the Islamic State",
            "Both sides expressed concern over the growing threat of the Islamic State (IS) "
            "group in the region.",
        ),
        statement(
            "Anna Karim on regional cooperation",
            "He stressed the need for regional cooperation against terrorism.",
        ),
    )
    ds = _with(written, group, meeting.model_copy(update={"outcomes": outcomes}))
    found = [a for a in acts(ds) if a.record == "wg-07"]
    concern = [a for a in found if a.code == "012"]
    assert [a.actor1.country for a in concern if a.actor1] == ["PK", "RU"]  # both sides
    for act in concern:
        assert act.actor2 is not None
        assert (act.actor2.cameo, act.actor2.records, act.actor2.basis) == (
            "IMGMUSISI",
            ("islamic-state",),
            "third-party",
        )
    # "He stressed …": one speaker, the one the statement's summary names
    appeals = [a for a in found if a.code == "020"]
    assert [(a.actor1.records if a.actor1 else None) for a in appeals] == [("anna-karim",)]
    assert {a.actor2.cameo for a in appeals if a.actor2 is not None} == {"ASA"}
