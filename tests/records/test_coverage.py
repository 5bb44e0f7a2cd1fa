"""The coverage view: exact results on a tiny fixture, and the shipped reports fully cited.

What each sentence of today's reports mentions and feeds is pinned in
``tests/records/expected-mentions.tsv`` (``python -m tests.records.expected_mentions
--write`` regenerates it), not in test code."""

import json
from collections.abc import Callable
from pathlib import Path

import pytest

import pakru
from pakru.cli import main
from pakru.coverage import Sentence, coverage, sentences
from tests.validate.test_cases import CASES, build_tree

SOURCE = """\
type: source
id: src-a
file: a.txt
title: null
publisher: null
author: null
published: 2020-01-02
evidence:
  - source: src-a
    quote: date 2020-01-02
    supports: [published]
"""

TEXT = (
    "date 2020-01-02\n\n"
    "Mr Smith  met the JWG today. The weather was fine. M.M. Jones spoke.\n"
    "Nobody else came."
)

SMITH = """\
type: person
id: john-smith
name: John Smith
aliases: [Mr Smith]
country: null
evidence:
  - source: src-a
    quote: Mr Smith   met the JWG
    supports: [aliases]
"""

JONES = """\
type: person
id: mm-jones
name: M.M. Jones
country: null
titles:
  - title: Deputy Weather Minister
    attested: {earliest: null, latest: null, precision: unknown}
    evidence:
      - source: src-a
        quote: a quote that is not in the text
evidence:
  - source: src-a
    quote: another quote that is not in the text
"""

WEATHER = """\
type: person
id: weather-minister
name: Ann Other
country: null
titles:
  - title: Weather Minister
    attested: {earliest: null, latest: null, precision: unknown}
    evidence:
      - source: src-a
        quote: not in the text either
evidence:
  - source: src-a
    quote: not in the text at all
"""


@pytest.fixture
def tiny(write_tree: Callable[[dict[str, str]], Path]) -> Path:
    return write_tree(
        {
            "sources/src-a.yaml": SOURCE,
            "sources/text/a.txt": TEXT,
            "people/john-smith.yaml": SMITH,
            "people/mm-jones.yaml": JONES,
            "people/weather-minister.yaml": WEATHER,
        }
    )


def test_sentences_split_on_lines_and_stops_but_not_initials() -> None:
    text = "A b. C d!\nM.M. Popov met Mr Lavrov. “Yes.” He said.\n\n  E f  "
    assert [text[s:e] for s, e in sentences(text)] == [
        "A b.",
        "C d!",
        "M.M. Popov met Mr Lavrov.",
        "“Yes.”",
        "He said.",
        "E f",
    ]


def test_tiny_fixture_exact(tiny: Path) -> None:
    (report,) = coverage(pakru.load([tiny]))
    assert (report.source, report.file) == ("src-a", "a.txt")
    assert report.sentences == (
        Sentence(1, 1, 0, 15, "date 2020-01-02", (), ("src-a",)),
        Sentence(2, 3, 17, 45, "Mr Smith  met the JWG today.", ("john-smith",), ("john-smith",)),
        Sentence(3, 3, 46, 67, "The weather was fine.", (), ()),
        Sentence(4, 3, 68, 85, "M.M. Jones spoke.", ("mm-jones",), ()),
        Sentence(5, 4, 86, 103, "Nobody else came.", (), ()),
    )
    assert [s.index for s in report.mentioning] == [2, 4]
    assert [s.index for s in report.uncited] == [4]


def test_a_title_or_a_surname_alone_names_nobody_initials_do(tiny: Path) -> None:
    text = (tiny / "sources/text/a.txt").read_text(encoding="utf-8")
    (tiny / "sources/text/a.txt").write_text(
        text + "\nThe Deputy Weather Minister left. The Weather Minister stayed. Smith agreed. "
        "J.R. Smith nodded. A. Other waved. Ann Other, Weather Minister, sat.",
        encoding="utf-8",
    )
    (report,) = coverage(pakru.load([tiny]))
    assert [(s.text, s.mentions) for s in report.sentences[-6:]] == [
        ("The Deputy Weather Minister left.", ()),
        ("The Weather Minister stayed.", ()),
        ("Smith agreed.", ()),
        ("J.R. Smith nodded.", ("john-smith",)),
        ("A. Other waved.", ("weather-minister",)),
        ("Ann Other, Weather Minister, sat.", ("weather-minister",)),
    ]


def test_shorter_name_form_inside_a_longer_one_is_not_a_mention(tiny: Path) -> None:
    text = (tiny / "sources/text/a.txt").read_text(encoding="utf-8")
    (tiny / "sources/text/a.txt").write_text(text + "\nThe JWG Council met.", encoding="utf-8")
    (tiny / "bodies").mkdir()
    for body, name in (("jwg", "JWG"), ("jwg-council", "JWG Council")):
        (tiny / "bodies" / f"{body}.yaml").write_text(
            f"type: body\nid: {body}\nkind: council\nname: {name}\naliases: []\ncountry: null\n"
            "members: []\nevidence:\n  - source: src-a\n    quote: met the JWG\n"
            "    supports: [name]\n",
            encoding="utf-8",
        )
    (report,) = coverage(pakru.load([tiny]))
    assert report.sentences[-1].mentions == ("jwg-council",)


def test_cli_uncited_on_fixture(tiny: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["coverage", "--uncited", str(tiny)]) == 1
    out = capsys.readouterr().out
    assert out.splitlines() == [
        "src-a (a.txt): 1/2 mentioning sentences cited, 5 sentences",
        "  ! 3:4 M.M. Jones spoke.",
        "      mentions: mm-jones",
    ]


def test_cli_json_on_fixture(tiny: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["coverage", "--format", "json", str(tiny)]) == 0
    (item,) = json.loads(capsys.readouterr().out)
    assert (item["sentences"], item["mentioning"], item["uncited"]) == (5, 2, 1)
    assert item["items"][1]["cited_by"] == ["john-smith"]
    assert item["items"][1]["mentioning"] is True


# --- the shipped reports ----------------------------------------------------

SHIPPED = pakru.load()
REPORTS = {c.source: c for c in coverage(SHIPPED)}

FIRST_FIVE = ("src-9a68526d", "src-5c611fd4", "src-0d14edf0", "src-b44e9500", "src-70d7bb2a")
"""The reports the dataset was built from; a quiet sentence of a later one is reviewed in
tests/records/expected-mentions.tsv."""

KNOWN_UNCITED: dict[tuple[str, int], str] = {}
"""(source, sentence index) → why a mentioning sentence is left uncited. None today."""

NOT_MENTIONING = {
    ("src-5c611fd4", 16): "The evolving geo-strategic landscape",  # background; names no body
    ("src-5c611fd4", 17): "Share This Article",  # page furniture
    ("src-5c611fd4", 18): "Avatar of",
    ("src-5c611fd4", 19): "A Newspaper company in Kashmir",
    ("src-5c611fd4", 20): "Leave a comment",
    ("src-b44e9500", 1): "Pak-Russia alliance against terrorism",  # headline (cited by the source)
    ("src-b44e9500", 2): "Written by The Frontier Post",  # byline (cited by the source)
    ("src-b44e9500", 7): "Pakistan Russia bilateral relations remained",  # history, no entity
    ("src-b44e9500", 8): "Pakistan Russia bilateral trade",  # general trend, no entity
    ("src-b44e9500", 14): "In fact, Pakistan-Russia relations",  # comment
    ("src-b44e9500", 15): "About the author",
    ("src-b44e9500", 16): "The Frontier Post",
    ("src-70d7bb2a", 1): "date 2018-03-03 Zahid Chaudhary",  # byline (cited by the source)
}
"""Sentences of the first five reports that mention no meeting, agreement, event or actor,
with the reason. Every report's quiet sentences are in tests/records/expected-mentions.tsv
(mentions '-'); a new report's are reviewed there, not listed here."""


def test_every_source_is_covered() -> None:
    assert sorted(REPORTS) == sorted(s.id for s in SHIPPED.sources)


def test_no_mentioning_sentence_is_uncited() -> None:
    uncited = {(r.source, s.index): s.text for r in REPORTS.values() for s in r.uncited}
    assert set(uncited) == set(KNOWN_UNCITED)


def test_non_mentioning_sentences_are_the_listed_ones() -> None:
    quiet = {
        (r.source, s.index): s.text
        for r in REPORTS.values()
        for s in r.sentences
        if not s.mentioning
    }
    assert {key for key in quiet if key[0] in FIRST_FIVE} == set(NOT_MENTIONING)
    for key, start in NOT_MENTIONING.items():
        assert quiet[key].startswith(start)


def test_cli_uncited_on_shipped_data(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["coverage", "--uncited"]) == 0
    *lines, tree = capsys.readouterr().out.splitlines()
    assert len(lines) == len(SHIPPED.sources)
    assert all("mentioning sentences cited" in line for line in lines)
    assert tree.startswith("Checked ")  # the records tree found (this checkout), and its size
    assert tree.endswith((" upwards).", "(PAKRU_RECORDS)."))


def test_sentences_show_the_derivations_they_feed(tmp_path: Path) -> None:
    # a written tree (the case base): the 7th meeting's date is derived from "on Friday"
    ds = pakru.load(build_tree(CASES / "plans.unlinked" / "valid", tmp_path / "tree"))
    report = next(r for r in coverage(ds) if r.source == "src-a")
    friday = [s for s in report.sentences if "on Friday" in s.text]
    assert len(friday) == 1
    assert "wg-07 date (weekday-before-publication)" in friday[0].feeds
    assert "wg-07" in friday[0].mentions
    # a sentence feeding nothing says so
    quiet = [s for s in report.sentences if "on Friday" not in s.text and not s.feeds]
    assert quiet
