"""``text.invisible``: every character the rule names is found, in every kind of text field.

The case folder ``tests/cases/text.invisible/`` holds the exact findings with
file and line; this module runs the rule on records changed in memory, one
character and one field at a time.
"""

import pytest

import pakru
from pakru.dataset import Dataset
from pakru.schema import Evidence, Meeting, Person, Record, introspect
from pakru.schema.text import NormalisedText
from pakru.validate.registry import Context, Hit
from pakru.validate.rules.text import (
    BIDI,
    BLANKS,
    DEFAULT_IGNORABLE,
    FILLERS,
    ZERO_WIDTH,
    invisible,
    invisible_characters,
)

SHIPPED = pakru.load()
MEETING = SHIPPED.meetings[0]
PERSON = SHIPPED.people[0]

NAMED_IN_THE_ISSUE = [
    *range(0x202A, 0x202F),
    *range(0x2066, 0x206A),
    0x200E,
    0x200F,
    0x061C,
    0x200B,
    0x200C,
    0x200D,
    0x2060,
    0xFEFF,
]
OTHERS = [0x00, 0x07, 0x1B, 0x7F, 0x85, 0x9B, 0xAD, 0x2028, 0x2029, 0xE000, 0xF8FF, 0x0378, 0x3164]
IGNORABLE_AND_BLANK = [
    0x034F,  # combining grapheme joiner
    0xFE00,  # variation selectors
    0xFE0F,
    0xE0100,
    0xE01EF,
    0x17B4,  # Khmer inherent vowel
    0x180B,  # Mongolian free variation selector
    0x2800,  # Braille pattern blank
    0x1D159,  # musical symbol null notehead
]
"""Characters str.isprintable passes (marks, symbols) that the rule reports all the same."""


def _hits(*records: Meeting | Person) -> list[Hit]:
    replaced = {r.id: r for r in records}
    dataset = Dataset(
        [replaced.get(r.id, r) for r in SHIPPED.records],
        SHIPPED.texts,
        version=SHIPPED.version,
    )
    return list(invisible_characters(dataset, Context()))


def test_the_shipped_records_are_clean() -> None:
    assert _hits() == []


def test_the_named_code_points_are_grouped_as_documented() -> None:
    assert set(NAMED_IN_THE_ISSUE) == BIDI | ZERO_WIDTH
    assert all(invisible(chr(point)) is not None for point in [*BIDI, *ZERO_WIDTH, *FILLERS])
    assert [invisible(c) for c in "a é -\u00a0\u4e2d"] == [None] * 7


@pytest.mark.parametrize(
    "point", NAMED_IN_THE_ISSUE + OTHERS + IGNORABLE_AND_BLANK, ids=lambda p: f"U+{p:04X}"
)
def test_each_character_is_found_in_a_title_and_an_alias(point: int) -> None:
    char = chr(point)
    meeting = MEETING.model_copy(update={"title": f"Talks{char} in Moscow"})
    person = PERSON.model_copy(update={"aliases": (*PERSON.aliases, f"x{char}y")})
    hits = _hits(meeting, person)
    assert [(h.record, h.loc) for h in hits] == sorted(
        [(meeting.id, ("title",)), (person.id, ("aliases", len(PERSON.aliases)))]
    )
    assert all(f"U+{point:04X}" in h.message and "at character" in h.message for h in hits)


def test_the_default_ignorable_set_is_unicodes() -> None:
    """DEFAULT_IGNORABLE is Unicode's Default_Ignorable_Code_Point, and every one is reported.

    The ``regex`` package (a dependency of ``wordfreq``, in the test extra)
    carries its own copy of the Unicode character database.
    """
    import regex  # noqa: PLC0415

    unicode = regex.compile(r"\p{Default_Ignorable_Code_Point}")
    assert {p for p in range(0x110000) if unicode.match(chr(p))} == DEFAULT_IGNORABLE
    assert len(DEFAULT_IGNORABLE) == 4174
    assert sorted(BLANKS) == [0x2800, 0x1D159]
    assert [p for p in sorted(DEFAULT_IGNORABLE | BLANKS) if invisible(chr(p)) is None] == []
    described = {invisible(chr(p)) for p in IGNORABLE_AND_BLANK}
    assert described == {"a default-ignorable character", "a blank character"}


def test_line_breaks_and_tabs_only_where_text_runs_over_lines() -> None:
    note = MEETING.model_copy(update={"note": "First line,\n\tsecond line."})
    assert _hits(note) == []
    title = MEETING.model_copy(update={"title": "Talks\nin Moscow"})
    assert [h.loc for h in _hits(title)] == [("title",)]
    role = PERSON.model_copy(update={"name": "A\tB"})
    assert [h.loc for h in _hits(role)] == [("name",)]


def _quoting(quote: str) -> Meeting:
    evidence = (*MEETING.evidence, Evidence(source=MEETING.evidence[0].source, quote=quote))
    return MEETING.model_copy(update={"evidence": evidence})


def test_a_quote_keeps_what_its_report_holds_there_only() -> None:
    source = MEETING.evidence[0].source
    text = SHIPPED.texts[source]
    words = MEETING.evidence[0].quote.split()
    verbatim = " ".join(words)
    assert verbatim in " ".join(text.split())
    # the report holds none: a zero-width space inside the quote is reported
    planted = f"{words[0]}\u200b {' '.join(words[1:])}"
    at = ("evidence", len(MEETING.evidence), "quote")
    assert [h.loc for h in _hits(_quoting(planted))] == [at]
    # a report that holds it there: the same quote is verbatim, and passes
    start, _ = next(NormalisedText(text).find_all(verbatim))
    cut = start + len(words[0])
    changed = f"{text[:cut]}\u200b{text[cut:]}"
    dataset = Dataset(
        [_quoting(planted) if r.id == MEETING.id else r for r in SHIPPED.records],
        {**SHIPPED.texts, source: changed},
        version=SHIPPED.version,
    )
    assert list(invisible_characters(dataset, Context())) == []


@pytest.mark.parametrize("record", SHIPPED.records, ids=lambda r: r.id)
def test_the_walk_reaches_every_free_text(record: Record) -> None:
    found = list(introspect.texts(record))
    assert introspect.text_values(record) == [text for _, text, _, _ in found]
    by_loc = {loc: text for loc, text, _, _ in found}
    for loc, quoted in introspect.quotes(record):
        assert by_loc[(*loc, "quote")] == quoted.quote
    own = introspect.fields_by_name(type(record))
    for name in ("title", "name", "note"):
        if name in own and getattr(record, name) is not None:
            assert by_loc[(name,)] == getattr(record, name)
    for index, alias in enumerate(getattr(record, "aliases", ())):
        assert by_loc[("aliases", index)] == alias
    # keys, references and fixed choices are not free text
    assert ("id",) not in by_loc
    assert ("type",) not in by_loc
    assert all(loc[-1] not in {"source", "ref", "series", "kind", "status"} for loc in by_loc)
