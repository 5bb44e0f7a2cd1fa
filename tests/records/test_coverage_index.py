"""Coverage's name index gives exactly the mentions of trying every pattern on every sentence.

The reference below is coverage's matching as it was before the index (issue 28):
every name pattern of every record, and every title, run over every sentence.
"""

import random
import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import pakru
from benchmarks import corpus
from pakru.coverage import _named, coverage, name_index, person_patterns
from pakru.dataset import Dataset
from pakru.schema.names import name_pattern


def plain_patterns(ds: Dataset) -> list[tuple[str, re.Pattern[str]]]:
    patterns = [(r.id, p) for r in ds.records for p in person_patterns(r)]
    titles = {t.title for person in ds.people for t in person.titles}
    return patterns + [("", name_pattern(title)) for title in sorted(titles)]


def plain_mentions(ds: Dataset) -> dict[tuple[str, int], set[str]]:
    """Sentence → names found by every pattern, with the old nested loop and containment."""
    patterns = plain_patterns(ds)
    out = {}
    for report in coverage(ds):
        for s in report.sentences:
            hits = [(m.start(), m.end(), rid) for rid, p in patterns for m in p.finditer(s.text)]
            out[report.source, s.index] = {
                rid
                for start, end, rid in hits
                if rid
                and not any(a <= start and end <= b and (b - a) > (end - start) for a, b, _ in hits)
            }
    return out


def indexed_mentions(ds: Dataset) -> dict[tuple[str, int], set[str]]:
    index = name_index(ds)
    return {
        (report.source, s.index): _named(s.text, index)
        for report in coverage(ds)
        for s in report.sentences
    }


SHIPPED = pakru.load()


def test_the_shipped_reports_get_the_same_names() -> None:
    found = indexed_mentions(SHIPPED)
    assert sum(map(len, found.values())) > 20  # the comparison is not of empty sets
    assert found == plain_mentions(SHIPPED)


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> Dataset:
    out = tmp_path_factory.mktemp("corpus")
    corpus.write(corpus.build(400, random.Random(3)), out)  # noqa: S311 - not crypto
    return pakru.load([out])


def test_a_generated_tree_gets_the_same_names(generated: Dataset) -> None:
    found = indexed_mentions(generated)
    assert sum(map(len, found.values())) > 100
    assert found == plain_mentions(generated)


def test_coverage_of_a_generated_tree_cites_every_quote(generated: Dataset) -> None:
    reports = coverage(generated)
    cited = {rid for r in reports for s in r.sentences for rid in s.cited_by}
    assert {m.id for m in generated.meetings} <= cited


# Words of the shipped names, letters the matcher equates beyond lower case ("ſ", "ı",
# "ς", the combining "ͅ" that equals a word letter), and separators.
PIECES = sorted(
    {w for _, p in plain_patterns(SHIPPED) for w in re.findall(r"\w+", p.pattern)}
    | {"ſ", "ı", "İ", "ς", "Σ", "ͅ", "ι", "K", "é", "’", ".", "-", " ", "\u00a0", "(", "S."}
)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=14).map("".join))
def test_any_sentence_gets_the_same_names(sentence: str) -> None:
    patterns = plain_patterns(SHIPPED)
    hits = [(m.start(), m.end(), rid) for rid, p in patterns for m in p.finditer(sentence)]
    expected = {
        rid
        for start, end, rid in hits
        if rid and not any(a <= start and end <= b and (b - a) > (end - start) for a, b, _ in hits)
    }
    assert _named(sentence, name_index(SHIPPED)) == expected


def test_odd_letters_match_as_the_regex_engine_says(tmp_path: Path) -> None:
    # "ſ" is "s" and "İ" is "i" to re.IGNORECASE; the index must not lose them
    index = name_index(SHIPPED)
    body = next(b for b in SHIPPED.bodies if not b.name.isupper() and "s" in b.name.lower())
    odd = body.name.replace("s", "ſ").replace("i", "İ")
    assert name_pattern(body.name).search(odd) is not None
    assert body.id in _named(f"Then {odd} met.", index)
