"""Text: no invisible characters in what a record says.

A title, name or alias that holds a right-to-left override displays as
something else than it is (``gnp.exe`` shows as ``exe.png``); a zero-width
space makes two names that look the same differ, or one name look like
two; a control character can end a line or colour a terminal. Records
arrive as pull requests, so every text field of every record is checked
(reached through the model walker, :mod:`pakru.schema.introspect`).

What is found (:func:`invisible`):

- bidi controls: U+202A–U+202E, U+2066–U+2069, U+200E, U+200F, U+061C;
- zero-width characters: U+200B–U+200D, U+2060, U+FEFF;
- every other control (``Cc``), format (``Cf``), private-use (``Co``),
  surrogate (``Cs``) or unassigned (``Cn``, by the running Python's
  Unicode database) character, the line and paragraph separators U+2028 and
  U+2029, and the Hangul fillers (U+115F, U+1160, U+3164, U+FFA0), letters
  that draw nothing;
- every Default_Ignorable_Code_Point of Unicode (:data:`DEFAULT_IGNORABLE`),
  which a renderer draws as nothing whatever its category: the combining
  grapheme joiner U+034F, the variation selectors U+FE00–U+FE0F and
  U+E0100–U+E01EF, the Mongolian free variation selectors, the Khmer
  inherent vowels, the tag characters, …;
- the blanks (:data:`BLANKS`): U+2800 BRAILLE PATTERN BLANK and U+1D159
  MUSICAL SYMBOL NULL NOTEHEAD, symbols that draw an empty cell.

A line break or a tab is allowed where text may run over several lines:
an editor's note and a quote. A quote may also keep any of the characters
above where the report itself holds them: a verbatim excerpt of a text
that contains a soft hyphen or a right-to-left mark is still verbatim. The
reports themselves are not records and are not checked here.
"""

import re
import unicodedata
from collections.abc import Iterator, Mapping

from pydantic import BaseModel

from pakru.dataset import Dataset
from pakru.schema.introspect import FieldSpec, Loc, Quoted, text_values
from pakru.schema.introspect import texts as introspect_texts
from pakru.schema.markers import NOTE
from pakru.schema.text import NormalisedText
from pakru.validate.registry import Context, Hit, rule
from pakru.validate.scopes import RECORD

BIDI = frozenset(
    [*range(0x202A, 0x202F), *range(0x2066, 0x206A), 0x200E, 0x200F, 0x061C],
)
"""Code points that change the direction text is displayed in."""

ZERO_WIDTH = frozenset([0x200B, 0x200C, 0x200D, 0x2060, 0xFEFF])
"""Code points that take no width: spaces, joiners, the word joiner, the byte order mark."""

FILLERS = frozenset([0x115F, 0x1160, 0x3164, 0xFFA0])
"""Hangul fillers: letters (``Lo``) that draw nothing."""

DEFAULT_IGNORABLE_RANGES = (
    (0x00AD, 0x00AD),  # Cf SOFT HYPHEN
    (0x034F, 0x034F),  # Mn COMBINING GRAPHEME JOINER
    (0x061C, 0x061C),  # Cf ARABIC LETTER MARK
    (0x115F, 0x1160),  # Lo HANGUL CHOSEONG FILLER..HANGUL JUNGSEONG FILLER
    (0x17B4, 0x17B5),  # Mn KHMER VOWEL INHERENT AQ..KHMER VOWEL INHERENT AA
    (0x180B, 0x180D),  # Mn MONGOLIAN FREE VARIATION SELECTOR ONE..THREE
    (0x180E, 0x180E),  # Cf MONGOLIAN VOWEL SEPARATOR
    (0x180F, 0x180F),  # Mn MONGOLIAN FREE VARIATION SELECTOR FOUR
    (0x200B, 0x200F),  # Cf ZERO WIDTH SPACE..RIGHT-TO-LEFT MARK
    (0x202A, 0x202E),  # Cf LEFT-TO-RIGHT EMBEDDING..RIGHT-TO-LEFT OVERRIDE
    (0x2060, 0x2064),  # Cf WORD JOINER..INVISIBLE PLUS
    (0x2065, 0x2065),  # Cn <reserved-2065>
    (0x2066, 0x206F),  # Cf LEFT-TO-RIGHT ISOLATE..NOMINAL DIGIT SHAPES
    (0x3164, 0x3164),  # Lo HANGUL FILLER
    (0xFE00, 0xFE0F),  # Mn VARIATION SELECTOR-1..VARIATION SELECTOR-16
    (0xFEFF, 0xFEFF),  # Cf ZERO WIDTH NO-BREAK SPACE
    (0xFFA0, 0xFFA0),  # Lo HALFWIDTH HANGUL FILLER
    (0xFFF0, 0xFFF8),  # Cn <reserved-FFF0>..<reserved-FFF8>
    (0x1BCA0, 0x1BCA3),  # Cf SHORTHAND FORMAT LETTER OVERLAP..SHORTHAND FORMAT UP STEP
    (0x1D173, 0x1D17A),  # Cf MUSICAL SYMBOL BEGIN BEAM..MUSICAL SYMBOL END PHRASE
    (0xE0000, 0xE0000),  # Cn <reserved-E0000>
    (0xE0001, 0xE0001),  # Cf LANGUAGE TAG
    (0xE0002, 0xE001F),  # Cn <reserved-E0002>..<reserved-E001F>
    (0xE0020, 0xE007F),  # Cf TAG SPACE..CANCEL TAG
    (0xE0080, 0xE00FF),  # Cn <reserved-E0080>..<reserved-E00FF>
    (0xE0100, 0xE01EF),  # Mn VARIATION SELECTOR-17..VARIATION SELECTOR-256
    (0xE01F0, 0xE0FFF),  # Cn <reserved-E01F0>..<reserved-E0FFF>
)
"""The Default_Ignorable_Code_Point property, as first and last code point of each range.

Copied from Unicode's DerivedCoreProperties.txt
(https://www.unicode.org/Public/UCD/latest/ucd/DerivedCoreProperties.txt; the
set is the same in Unicode 14.0 to 16.0), with the general category and
names of each range as that file gives them. A test compares it with the
``regex`` package's Unicode database.
"""

DEFAULT_IGNORABLE = frozenset(
    point for first, last in DEFAULT_IGNORABLE_RANGES for point in range(first, last + 1)
)
"""Code points a renderer draws as nothing when it has no glyph for them (4,174)."""

BLANKS = frozenset([0x2800, 0x1D159])
"""Symbols (``So``) that draw an empty cell: BRAILLE PATTERN BLANK, MUSICAL SYMBOL NULL NOTEHEAD."""

_PRINTABLE_INVISIBLE = sorted(
    point for point in DEFAULT_IGNORABLE | BLANKS if chr(point).isprintable()
)
"""The characters reported that ``str.isprintable`` passes (marks, letters, symbols)."""

_FILLER = re.compile("[" + "".join(chr(point) for point in _PRINTABLE_INVISIBLE) + "]")
"""Finds, in text ``str.isprintable`` passes, a character this rule still reports."""

MULTILINE = "\n\t"
"""Allowed in notes and quotes, which may run over several lines."""

_CATEGORIES = {
    "Cc": "a control character",
    "Cf": "an invisible format character",
    "Co": "a private-use character",
    "Cs": "a lone surrogate",
    "Cn": "an unassigned code point",
    "Zl": "a line separator",
    "Zp": "a paragraph separator",
}
SHOWN = 3
"""Characters named in one finding; the message counts the rest."""


def invisible(char: str) -> str | None:
    """What ``char`` is when it is one this rule reports, else None.

    >>> invisible("\\u202e"), invisible("\\u200b"), invisible("\\x1b"), invisible("a")
    ('a bidi control', 'a zero-width character', 'a control character', None)
    >>> invisible("\\ufe0f"), invisible("\\u2800")
    ('a default-ignorable character', 'a blank character')
    """
    point = ord(char)
    if point in BIDI:
        return "a bidi control"
    if point in ZERO_WIDTH:
        return "a zero-width character"
    if point in FILLERS:
        return "an invisible filler"
    if point in BLANKS:
        return "a blank character"
    by_category = _CATEGORIES.get(unicodedata.category(char))
    if by_category is None and point in DEFAULT_IGNORABLE:
        return "a default-ignorable character"
    return by_category


def _found(text: str, allowed: str) -> list[tuple[int, str, str]]:
    """(offset, character, what it is) of every reported character of ``text``."""
    if text.isprintable() and _FILLER.search(text) is None:
        return []  # most values, even in a record with a finding
    return [
        (at, char, what)
        for at, char in enumerate(text)
        if char not in allowed and (what := invisible(char)) is not None
    ]


CONTROL_NAMES = {
    0x00: "NULL",
    0x09: "CHARACTER TABULATION",
    0x0A: "LINE FEED",
    0x0B: "LINE TABULATION",
    0x0C: "FORM FEED",
    0x0D: "CARRIAGE RETURN",
    0x1B: "ESCAPE",
    0x7F: "DELETE",
    0x85: "NEXT LINE",
}
"""Names of the common control characters (Python's Unicode database names none)."""


def _name(char: str) -> str:
    name = unicodedata.name(char, None) or CONTROL_NAMES.get(ord(char))
    return f"U+{ord(char):04X} {name}" if name else f"U+{ord(char):04X}"


def _message(found: list[tuple[int, str, str]], quote: bool) -> str:
    parts = [f"{_name(char)} ({what}) at character {at + 1}" for at, char, what in found[:SHOWN]]
    listed = "; ".join(parts) + (f"; and {len(found) - SHOWN} more" if len(found) > SHOWN else "")
    one = len(found) == 1
    head = "invisible character " if one else f"{len(found)} invisible characters: "
    fix = "remove it" if one else "remove them"
    if quote:
        fix += f"; the report has no such quote with {'it' if one else 'them'}"
    return f"{head}{listed}; {fix}"


def _multiline(spec: FieldSpec, owner: BaseModel) -> bool:
    """Whether the field may run over several lines: an editor's note, or a quote."""
    return NOTE in spec.roles or (spec.name == "quote" and isinstance(owner, Quoted))


def _maybe_invisible(record: BaseModel) -> bool:
    """Whether any text of ``record`` may hold a reported character (most records: no).

    One C-level test over all its texts joined by spaces: ``str.isprintable``
    is false for every control, format, private-use, surrogate, unassigned
    and separator character, and for the line breaks and tabs a note may
    hold, which the full walk then lets through.
    """
    joined = " ".join(text_values(record))
    return not joined.isprintable() or _FILLER.search(joined) is not None


def _kept_from_the_report(
    quote: str,
    found: list[tuple[int, str, str]],
    text: str | None,
    normalised: dict[str, NormalisedText],
    source: str,
) -> bool:
    """Whether the report holds ``quote`` with these very characters in the same places."""
    if text is None:
        return False
    if quote in text:
        return True
    wanted = [char for _, char, _ in found]
    if source not in normalised:
        normalised[source] = NormalisedText(text)
    for start, end in normalised[source].find_all(quote):
        span = text[start:end]
        if [c for c in span if c not in MULTILINE and invisible(c) is not None] == wanted:
            return True
    return False


def _record_hits(
    record: BaseModel, texts: Mapping[str, str], normalised: dict[str, NormalisedText]
) -> Iterator[tuple[Loc, str]]:
    for loc, text, spec, owner in introspect_texts(record):
        found = _found(text, MULTILINE if _multiline(spec, owner) else "")
        if not found:
            continue
        quoted = owner if spec.name == "quote" and isinstance(owner, Quoted) else None
        if quoted is not None:
            source = quoted.source
            if _kept_from_the_report(text, found, texts.get(source), normalised, source):
                continue
        yield loc, _message(found, quoted is not None)


@rule("text.invisible", scope=RECORD)
def invisible_characters(dataset: Dataset, _: Context) -> Iterator[Hit]:
    """No text field holds a bidi control, zero-width or other invisible or control character.

    Reported in every text of every record (titles, names, aliases, roles,
    statements, notes, quotes, ...): bidi controls (U+202A–U+202E,
    U+2066–U+2069, U+200E, U+200F, U+061C), zero-width characters (U+200B–
    U+200D, U+2060, U+FEFF), every other control, format, private-use,
    surrogate or unassigned character, line or paragraph separator and
    Hangul filler, every Unicode Default_Ignorable_Code_Point (the combining
    grapheme joiner U+034F, the variation selectors U+FE00–U+FE0F and
    U+E0100–U+E01EF, ...) and the blanks U+2800 and U+1D159. Line breaks and
    tabs are allowed in notes and quotes. A quote may keep such a character
    where the report it cites has it.
    """
    texts = dataset.texts
    normalised: dict[str, NormalisedText] = {}
    for record in dataset.records:
        if _maybe_invisible(record):
            for loc, message in _record_hits(record, texts, normalised):
                yield Hit(record.id, loc, message)
