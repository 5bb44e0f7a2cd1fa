"""The normaliser collapses exactly what a ``\\s+`` regex collapses."""

import re
import sys

from hypothesis import given
from hypothesis import strategies as st

from pakru.schema.text import normalise

SPACES = "".join(c for c in map(chr, range(sys.maxunicode + 1)) if re.fullmatch(r"\s", c))


def test_every_regex_space_is_a_str_space() -> None:
    assert "".join(c for c in map(chr, range(sys.maxunicode + 1)) if c.isspace()) == SPACES


@given(st.text(alphabet=st.sampled_from([*SPACES, "a", "B", ".", "é"])))
def test_normalise_is_collapse_and_strip(text: str) -> None:
    assert normalise(text) == re.sub(r"\s+", " ", text).strip()
