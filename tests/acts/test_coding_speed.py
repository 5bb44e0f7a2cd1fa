"""The coding policy's shortcuts never change a code: ``needs``, ``fold``, the lookahead
split and the one-sentence split give what the plain ordered policy gives."""

import re
import sys

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import pakru
from pakru.acts.extract import _Reader, problems, unsupported
from pakru.acts.policy import (
    ANNOUNCES,
    POLICY,
    CodingRule,
    Part,
    _triggers,
    announces,
    applicable,
    code_sentence,
    fold,
    needed_words,
)
from pakru.schema.text import normalise, sentences

PARTS: tuple[Part, ...] = (
    "meeting-held",
    "meeting-planned",
    "agreement-signed",
    "agreement-agreed",
    "outcome",
    "event",
)
KINDS = (None, "other-kind", *sorted({k for r in POLICY for k in r.kinds}))
PLACES = [(part, kind) for part in PARTS for kind in KINDS]

EXAMPLES = sorted(
    {r.example for r in POLICY}
    | {"the next meeting would be held in Moscow", "They met", "The talks were held."}
)
LINES = [  # ``.`` stops at a line break: a lookahead sees only the first line
    "The talks were held.\nThe next meeting would be held in Moscow.",
    "The next meeting would be held in Moscow.\nThe talks were held.",
    "talks\nwill hold",
    "will\nhold the meeting",
    "\nthe 5th round",
]


def plain(sentence: str, part: Part, kind: str | None) -> CodingRule | None:
    """The policy as it reads: the first applicable rule whose trigger the sentence matches."""
    return next((r for r in applicable(part, kind) if r.pattern.search(sentence)), None)


# -- sentences built from the policy's own words, in every case and spelling --------------

_WORDS = sorted(
    {w for r in POLICY for w in re.findall(r"[A-Za-z]+", f"{r.trigger} {r.example}")}
    | {w for r in POLICY for need in r.needs for w in need.split()}
)
_SEPARATORS = [" ", " ", " ", "  ", "-", ". ", ".", "! ", "? ", ", ", "\n", "’s ", " (", ") "]
_ODD = {"i": ("İ", "ı", "I"), "s": ("ſ", "S"), "k": ("\u212a", "K"), "e": ("é", "E")}


@st.composite
def spelled(draw: st.DrawFn, word: str) -> str:
    """The word as it is, upper, title-case, or with letters a case-insensitive match reads
    as others (İ, ı, ſ, the Kelvin sign)."""
    style = draw(st.sampled_from(["as-is", "upper", "title", "odd", "cut"]))
    if style == "upper":
        return word.upper()
    if style == "title":
        return word.title()
    if style == "cut" and len(word) > 2:
        return word[: draw(st.integers(1, len(word) - 1))]
    if style == "odd":
        return "".join(draw(st.sampled_from((c, *_ODD.get(c.lower(), ())))) for c in word)
    return word


_NEEDS = sorted({need for r in POLICY for need in r.needs})


def _variants(rule: CodingRule) -> set[str]:
    """The rule's example with each needed word in it swapped for each word of the trigger:
    a word the trigger takes but ``needs`` forgot shows up here."""
    found = set()
    lowered = rule.example.lower()
    for need in rule.needs:
        at = lowered.find(need)
        if at < 0:
            continue
        for word in re.findall(r"[a-z]+", rule.trigger):
            found.add(rule.example[:at] + word + rule.example[at + len(need) :])
    return found


VARIANTS = sorted({v for r in POLICY for v in _variants(r)})
_PHRASES = sorted(
    {*EXAMPLES, *VARIANTS, *_NEEDS, "would be held", "is to be held", "agreed to hold", "will hold"}
)


@st.composite
def respelled(draw: st.DrawFn, phrase: str) -> str:
    """The phrase with some of its words respelled."""
    words = phrase.split(" ")
    return " ".join(draw(spelled(w)) if draw(st.booleans()) else w for w in words)


@st.composite
def piece(draw: st.DrawFn) -> str:
    """A phrase of the policy (an example, a needed word, a trigger's words), part of one,
    or one word."""
    choice = draw(st.integers(0, 3))
    if choice == 0:
        return draw(respelled(draw(st.sampled_from(_PHRASES))))
    if choice == 1:
        example = draw(st.sampled_from(EXAMPLES))
        start = draw(st.integers(0, len(example)))
        return example[start : start + draw(st.integers(0, 60))]
    if choice == 2:
        return draw(spelled(draw(st.sampled_from(_WORDS))))
    return draw(st.text(max_size=6))


@st.composite
def policy_sentences(draw: st.DrawFn) -> str:
    """A run of the policy's phrases and words, joined by spaces and punctuation."""
    parts: list[str] = []
    for _ in range(draw(st.integers(1, 8))):
        parts.append(draw(piece()))
        parts.append(draw(st.sampled_from(_SEPARATORS)))
    return "".join(parts)


SENTENCES = policy_sentences()
FAST = settings(max_examples=300, deadline=None)


# -- fold and needs ------------------------------------------------------------------------


def test_fold_gives_each_letter_a_case_insensitive_pattern_takes_for_it() -> None:
    """Every character a case-insensitive ASCII letter (or space) matches folds to it."""
    everything = "".join(chr(c) for c in range(sys.maxunicode + 1) if not 0xD800 <= c < 0xE000)
    for letter in "abcdefghijklmnopqrstuvwxyz ":
        for match in re.finditer(re.escape(letter), everything, re.IGNORECASE):
            assert fold(match.group()) == letter, (letter, hex(ord(match.group())))


@pytest.mark.parametrize("rule", POLICY, ids=lambda r: r.id)
def test_needs_are_lowercase_words(rule: CodingRule) -> None:
    assert rule.needs, "every trigger of the policy needs some words (read from it)"
    for word in rule.needs:
        assert re.fullmatch(r"[a-z]+(?: [a-z]+)*", word), word
    assert rule.admits(fold(rule.example))


@pytest.mark.parametrize("sentence", [*EXAMPLES, *VARIANTS, *LINES])
def test_no_example_or_variant_triggers_a_rule_without_its_needs(sentence: str) -> None:
    for variant in (sentence, sentence.upper(), sentence.replace("i", "ı")):
        folded = fold(variant)
        for rule in POLICY:
            matched = bool(rule.pattern.search(variant))
            assert _triggers(rule)(variant, folded) == matched, (rule.id, variant)
            if matched:
                assert rule.admits(folded), (rule.id, variant)


@given(SENTENCES)
@FAST
def test_a_trigger_matches_only_sentences_with_one_of_its_needs(sentence: str) -> None:
    folded = fold(sentence)
    for rule in POLICY:
        if rule.pattern.search(sentence):
            assert rule.admits(folded), (rule.id, sentence)


@pytest.mark.parametrize("rule", POLICY, ids=lambda r: r.id)
@given(data=st.data())
@settings(max_examples=60, deadline=None)
def test_what_a_trigger_matches_has_one_of_its_needs(rule: CodingRule, data: st.DataObject) -> None:
    """Strings drawn from the trigger itself: every alternative of it, in any case."""
    sentence = data.draw(st.from_regex(rule.pattern))
    assert rule.admits(fold(sentence)), sentence
    assert _triggers(rule)(sentence, fold(sentence))
    for part, kind in PLACES:
        assert code_sentence(sentence, part, kind) is plain(sentence, part, kind), (part, kind)


# -- the needed words, read from a pattern ----------------------------------------------------

NEEDED = [
    (r"^(?P<a1>.*?)\bcalled on\b(?P<a2>.*)", ("called on",)),
    (
        r"\breaffirmed (?:the|their) commitments?\b",
        ("reaffirmed the commitment", "reaffirmed their commitment"),
    ),
    (r"critici[sz]ed", ("criticised", "criticized")),
    (r"\bties were renewed\b|\brenewed\b[^.]*\bties\b", ("renewed",)),
    (r"(?!never)\bever\b", ("ever",)),
    (r"ab(?:cd)+ef", ("ef",)),
    (r"Visited Moscow’s", ("visited moscow",)),
    (r"x.*|\bwords\b", ("words", "x")),
    (r"\d+|\bwords\b", ()),  # one alternative needs no word
    (r".*", ()),
    (r"\d+", ()),
    (r"[a-z]+ing", ("ing",)),
]


@pytest.mark.parametrize(("pattern", "words"), NEEDED)
def test_the_needed_words_are_read_from_the_pattern(pattern: str, words: tuple[str, ...]) -> None:
    assert needed_words(pattern) == words


@pytest.mark.parametrize("pattern", [p for p, _ in NEEDED] + [ANNOUNCES])
@given(data=st.data())
@settings(max_examples=40, deadline=None)
def test_what_a_pattern_matches_has_one_of_its_needed_words(
    pattern: str, data: st.DataObject
) -> None:
    words = needed_words(pattern)
    text = data.draw(st.from_regex(re.compile(pattern, re.IGNORECASE)))
    assert not words or any(w in fold(text) for w in words), (words, text)


def test_one_test_of_announcing_a_meeting() -> None:
    """The next-meeting rule triggers on what announces() says, and the talks rule refuses it."""
    [next_meeting] = [r for r in POLICY if r.id == "next-meeting"]
    assert next_meeting.trigger == ANNOUNCES
    for said in ("The next meeting will be held in Moscow", "They agreed to hold talks"):
        assert announces(said)
        assert code_sentence(said, "meeting-planned") is next_meeting
        assert code_sentence(said, "meeting-held") is None
    assert not announces("The talks had been planned for last year but were held in May")


@given(SENTENCES)
@FAST
def test_each_triggers_test_is_its_search(sentence: str) -> None:
    folded = fold(sentence)
    for rule in POLICY:
        assert _triggers(rule)(sentence, folded) == bool(rule.pattern.search(sentence)), rule.id


# -- the code chosen -------------------------------------------------------------------------


@pytest.mark.parametrize("sentence", [*EXAMPLES, *LINES])
def test_each_example_gets_the_plain_policys_code_everywhere(sentence: str) -> None:
    for part, kind in PLACES:
        for variant in (sentence, sentence.upper(), sentence.replace("i", "ı")):
            assert code_sentence(variant, part, kind) is plain(variant, part, kind)


@given(SENTENCES)
@FAST
def test_generated_sentences_get_the_plain_policys_code(sentence: str) -> None:
    for part, kind in PLACES:
        assert code_sentence(sentence, part, kind) is plain(sentence, part, kind), (part, kind)


# -- sentences of quotes ---------------------------------------------------------------------

_QUOTE_PIECES = st.sampled_from(["Mr", "M.M.", "Popov", "met", "They", "9", "x", "“", "’", "("])


@given(
    st.lists(
        st.one_of(_QUOTE_PIECES, st.sampled_from([" ", ". ", "! ", "? ", "\n", "\t", "."])),
        max_size=20,
    ).map("".join)
    | st.text(max_size=40)
)
@FAST
def test_the_readers_split_is_the_sentence_splitter(quote: str) -> None:
    text = normalise(quote)
    expected = tuple((text[s:e], text[s:e].casefold()) for s, e in sentences(text))
    assert _Reader().split(quote) == expected


def test_unsupported_is_problems_first() -> None:
    shipped = pakru.load()
    assert unsupported(shipped) == problems(shipped)[0]
