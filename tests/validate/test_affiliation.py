"""The nationality rule: a quote states a country as someone's only by a bound country word.

:mod:`pakru.validate.derive.affiliation`, which ``evidence.supports-value`` applies to a
person's or body's ``country`` (case folder ``tests/cases/evidence.supports-value``).
"""

import pytest

from pakru.validate.derive.affiliation import affiliations, stated


@pytest.mark.parametrize(
    ("quote", "code"),
    [
        ("Russian Deputy Foreign Minister Sergey Ryabkov", "RU"),
        ("Pakistan's Foreign Minister Khawaja Asif", "PK"),
        ("According to the Pakistan Foreign Office", "PK"),
        ("Pakistani officials said", "PK"),
        ("the US Secretary of State", "US"),
        ("Ambassador Tasnim Aslam led the Pakistan side", "PK"),
        ("the Russian delegation was led by Sergey Ryabkov", "RU"),
        ("Sergey Ryabkov, Deputy Foreign Minister of the Russian Federation", "RU"),
        ("Deputy Secretary National Security Council of the Russia Federation Mikhail Popov", "RU"),
        ("foreign ministers of Pakistan and Russia Khawaja Asif and Sergey Lavrov", "PK"),
        ("foreign ministers of Pakistan and Russia Khawaja Asif and Sergey Lavrov", "RU"),
    ],
)
def test_a_country_word_bound_to_a_title_side_or_body_states_it(quote: str, code: str) -> None:
    assert stated(quote, code)


@pytest.mark.parametrize(
    ("quote", "code"),
    [
        ("Pakistan and Russia held talks, said Sergey Ryabkov", "RU"),
        ("Pakistan and Russia held talks, said Sergey Ryabkov", "PK"),
        ("Sergey Ryabkov held talks in Russia with Pakistan.", "RU"),
        ("The Pakistan-Russia Joint Working Group met under Sergey Ryabkov", "RU"),
        ("The Pakistan-Russia Joint Working Group met under Sergey Ryabkov", "PK"),
        ("the territory of Pakistan, said Khawaja Asif", "PK"),
        ("Sergey Lavrov arrived in Moscow", "RU"),  # a capital is a place, not a nationality
        ("Sergey Ryabkov led the delegation", "RU"),
        ("Russia. The minister said", "RU"),  # a sentence ends between them
    ],
)
def test_a_country_named_elsewhere_states_no_one_s_country(quote: str, code: str) -> None:
    assert not stated(quote, code)


def test_affiliations_lists_every_country_stated_and_only_those() -> None:
    quote = "Pakistan's Foreign Minister met his Russian counterpart in Afghanistan"
    assert affiliations(quote) == {"PK", "RU"}
    assert affiliations("Pakistan and Russia held talks on Afghanistan") == set()
