"""Common news wording the policy codes (praise and thanks, deliveries, coordination at the
UN, a resolve or readiness to cooperate), and the look-alikes it must not code.

The sentences are written here in several outlets' styles (wire, agency, ministry
readout, daily); none is copied from a report of the corpora."""

import pytest

import pakru
from pakru.acts import Act, acts
from pakru.acts.policy import RULES, code_sentence
from pakru.dataset import Dataset
from pakru.schema import Record
from tests.validate.test_cases import CASES, build_tree


@pytest.mark.parametrize(
    ("sentence", "rule_id", "code"),
    [
        # praise (051): praised, commended, lauded, of the other side or its role
        (
            "Lavrov praised Pakistan's role in the Afghan peace process, RIA Novosti said.",
            "praise",
            "051",
        ),
        (
            "The Russian delegation commended the sacrifices of Pakistan's security forces.",
            "praise",
            "051",
        ),
        ("Islamabad lauded Moscow's principled stance, the Foreign Office said.", "praise", "051"),
        # thanks (051, PETRARCH THANK): the one thanked is named before "for"
        ("The Pakistani minister thanked Russia for its support at the SCO.", "thank", "051"),
        ("He thanked the hosts for their warm hospitality.", "thank", "051"),
        (
            "The envoy expressed his gratitude to the Russian side for the invitation.",
            "thank",
            "051",
        ),
        # coordination in a named forum (032)
        (
            "The ministers agreed to keep coordinating their steps at the UN Security Council.",
            "cooperate-in-fora",
            "032",
        ),
        (
            "Both countries pledged to deepen coordination within the SCO, TASS reported.",
            "cooperate-in-fora",
            "032",
        ),
        (
            "They reaffirmed readiness to continue cooperation on international platforms.",
            "cooperate-in-fora",
            "032",
        ),
        # specific over residual: a commitment to cooperate in a named forum is 032, not 030
        (
            "Both ministers reaffirmed their commitment to work and cooperate within the SCO.",
            "cooperate-in-fora",
            "032",
        ),
        # coordination is diplomatic, bilaterally or in fora (032); cooperation bilaterally
        # as well as in fora names more than diplomatic support (030)
        (
            "They agreed to maintain coordination bilaterally and at the UN, Dawn reported.",
            "cooperate-in-fora",
            "032",
        ),
        (
            "They reaffirmed their commitment to anti-drug cooperation bilaterally and at the UN.",
            "reaffirm-commitment",
            "030",
        ),
        # a resolve, a determination, a readiness to cooperate, no forum or area named (030)
        (
            "The sides reaffirmed their resolve to strengthen bilateral cooperation.",
            "reaffirm-commitment",
            "030",
        ),
        (
            "Both reiterated their determination to work together against extremism.",
            "reaffirm-commitment",
            "030",
        ),
        (
            "They confirmed their readiness to step up coordination on counter-narcotics.",
            "readiness-cooperate",
            "030",
        ),
        (
            "The two sides agreed to continue coordinating closely on Afghanistan.",
            "readiness-cooperate",
            "030",
        ),
    ],
)
def test_news_wording_gets_its_code(sentence: str, rule_id: str, code: str) -> None:
    rule = code_sentence(sentence, "outcome")
    assert rule is not None, sentence
    assert (rule.id, rule.code) == (rule_id, code)
    assert RULES[rule_id].cites, rule_id  # every rule says which codebook words it follows


@pytest.mark.parametrize(
    "sentence",
    [
        # coordination with no forum named is no 032
        "The two sides agreed to continue coordinating closely on Afghanistan.",
        # a resolve to fight terrorism, no cooperation named: not an intent to cooperate
        "The sides reaffirmed their resolve to fight terrorism.",
        # "appreciation" of a view held in common, no verb of praise
        "The talks were held in an atmosphere of mutual understanding.",
    ],
)
def test_look_alikes_get_no_diplomatic_intent_or_praise(sentence: str) -> None:
    rule = code_sentence(sentence, "outcome")
    assert rule is None or rule.code not in ("032", "051"), (sentence, rule)


@pytest.mark.parametrize(
    ("sentence", "rule_id"),
    [
        ("Russia supplied two Mi-17 transport helicopters to Pakistan last year.", "provide"),
        ("Moscow has delivered a second batch of engines to Islamabad, officials said.", "provide"),
        ("Russia handed over four Mi-35M gunships to the Pakistan Army in a ceremony.", "provide"),
        ("Four helicopters were supplied by Russia to Pakistan.", "provided-by"),
        ("Pakistan received a batch of RD-93 engines from Russia.", "acquire"),
        ("Pakistan has received two helicopters, the defence minister said.", "acquire"),
        ("The Pakistan Air Force took delivery of the aircraft from Russia in May.", "acquire"),
    ],
)
def test_a_delivery_of_military_hardware_is_062(sentence: str, rule_id: str) -> None:
    rule = code_sentence(sentence, "event", "delivery")
    assert rule is not None, sentence
    assert (rule.id, rule.code) == (rule_id, "062")


@pytest.mark.parametrize(
    "sentence",
    [
        # receiving a delegation or a call is a visit hosted (043), never a delivery
        "Pakistan received a Russian delegation led by the deputy minister.",
        "The army chief received the visiting Russian officials at GHQ.",
        # economic goods are 061, which the policy does not code: never 062
        "Russia delivered 100,000 tonnes of wheat to Pakistan.",
        "Pakistan received its first cargo of Russian crude oil from Russia.",
    ],
)
def test_what_is_no_military_delivery_is_not_062(sentence: str) -> None:
    assert code_sentence(sentence, "event", "delivery") is None


# -- the actors: praise of a third party is no Pakistan–Russia act -------------------------------


@pytest.fixture(scope="module")
def written(tmp_path_factory: pytest.TempPathFactory) -> Dataset:
    tree = tmp_path_factory.mktemp("news-wording") / "tree"
    return pakru.load(build_tree(CASES / "plans.unlinked" / "valid", tree))


def _said(ds: Dataset, summary: str, quote: str) -> list[Act]:
    """The outcome acts of the 7th meeting (one participant, Anna Karim, Pakistan's side)
    when its one outcome, summarised as ``summary``, quotes ``quote``."""
    meeting = ds.meeting("wg-07")
    topic = meeting.topics[0]
    evidence = (topic.evidence[0].model_copy(update={"source": "src-a", "quote": quote}),)
    outcome = topic.model_copy(update={"text": summary, "evidence": evidence})
    changed: Record = meeting.model_copy(update={"outcomes": (outcome,)})
    records = tuple(changed if r.id == changed.id else r for r in ds.records)
    found = acts(Dataset(records, ds.texts, version=ds.version))
    return [a for a in found if a.record == "wg-07" and a.part == "outcome"]


def _dyads(found: list[Act]) -> list[tuple[str, str | None, str | None]]:
    return [
        (a.code, a.actor1.country if a.actor1 else None, a.actor2.country if a.actor2 else None)
        for a in found
    ]


@pytest.mark.parametrize(
    ("quote", "dyads"),
    [
        # the other side praised, its role, its people: one row, from the praising side
        ("The Russian side praised the role of Pakistan in the region.", [("051", "RU", "PK")]),
        ("The Pakistani side commended Russia's stance.", [("051", "PK", "RU")]),
        # a third country praised, named before either side: no Pakistan–Russia act
        ("The Pakistani side praised the role of China in the region.", []),
        ("The Russian side commended the United States for its restraint.", []),
        # thanks for hospitality, or for coming to Pakistan: what follows "for" is the reason,
        # the one thanked is the other side (the pronoun is the participant the summary names)
        ("She thanked the hosts for their hospitality.", [("051", "PK", "RU")]),
        ("She thanked them for coming to Pakistan.", [("051", "PK", "RU")]),
    ],
)
def test_praise_and_thanks_go_to_the_other_side_never_a_third(
    written: Dataset, quote: str, dyads: list[tuple[str, str, str]]
) -> None:
    found = _said(written, "The Special Secretary on the ties", quote)
    assert _dyads(found) == dyads
