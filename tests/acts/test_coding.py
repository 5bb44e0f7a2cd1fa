"""The coding policy: each rule's test sentence gets that rule's code, and nothing else does."""

import pytest

from pakru.acts.codes import CAMEO, GOLDSTEIN
from pakru.acts.policy import NOT_ACTS, POLICY, RULES, CodingRule, code_sentence


@pytest.mark.parametrize("rule", POLICY, ids=lambda r: r.id)
def test_each_rule_codes_its_test_sentence(rule: CodingRule) -> None:
    for part in rule.parts:
        kind = rule.kinds[0] if rule.kinds else None
        assert code_sentence(rule.example, part, kind) == rule, (rule.id, part)


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
    ("sentence", "part", "kind", "code"),
    [
        # the examples: a call is a visit, its direction decides 042 or 043
        ("Mikhail Popov called on Foreign Secretary Tehmina Janjua", "meeting-held", None, "042"),
        ("NSA warmly received and welcomed the guests", "meeting-held", None, "043"),
        # a call followed by consultations is still the call
        ("Popov called on Janjua here and held consultations", "meeting-held", None, "042"),
        ("visited Moscow and held wide ranging talks", "meeting-held", None, "046"),
        (
            "both sides agreed to setting up of a commission for promoting military cooperation",
            "agreement-agreed",
            None,
            "0312",
        ),
        (
            "Pakistan and Russia in Nov 2014 signed a defence cooperation agreement",
            "agreement-signed",
            None,
            "057",
        ),
        (
            "An agreement was concluded for expansion of cooperation",
            "agreement-signed",
            None,
            "057",
        ),
        # states are not acts
        ("Pakistan is also an active member of RATS", "event", "membership", None),
        ("Initiated this year, the talks between officials", "event", "dialogue-launch", "046"),
    ],
)
def test_policy_examples(sentence: str, part: str, kind: str | None, code: str | None) -> None:
    rule = code_sentence(sentence, part, kind)  # type: ignore[arg-type]
    assert rule is not None
    assert rule.code == code


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
