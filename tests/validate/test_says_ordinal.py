"""says_ordinal's one compiled pattern per number answers as a search per spelling does."""

import re

from hypothesis import given
from hypothesis import strategies as st

from pakru.validate.rules.supports import ordinal_words, says_ordinal

WORDS = ["the", "7th", "7", "seventh", "Twenty-First", "twenty first", "21st", "first", "100th"]
WORDS += ["3rd", "thirteenth", "", "-", "42nd", "forty-second", "fortieth", "40", "SEVENTH"]


def _spelled_out(quote: str, n: int) -> bool:
    if re.search(rf"\b{n}(?:st|nd|rd|th)?\b", quote, re.IGNORECASE):
        return True
    return any(re.search(rf"\b{w}\b", quote, re.IGNORECASE) for w in ordinal_words(n))


@given(st.lists(st.sampled_from(WORDS), max_size=6), st.integers(-3, 120))
def test_one_pattern_answers_as_each_spelling(words: list[str], n: int) -> None:
    quote = " ".join(words)
    assert says_ordinal(quote, n) == _spelled_out(quote, n)
