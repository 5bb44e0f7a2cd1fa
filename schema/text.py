"""Source text as pakru reads it: one whitespace normaliser and one sentence splitter.

Quotes are compared with every run of whitespace collapsed to one space
(:func:`normalise`), so a line break in a report never hides a quote;
:class:`NormalisedText` finds quotes that way and answers with offsets in the
original text. :func:`sentences` is the one sentence splitter: coverage, the
site's source pages and anything else counting sentences use it.
"""

import re
from collections.abc import Iterator

__all__ = ["NormalisedText", "normalise", "sentences"]

_RUNS = re.compile(r"\s+|\S+")


def normalise(text: str) -> str:
    """Collapse every run of whitespace to one space and strip both ends.

    >>> normalise("  Joint Working\\n  Group ")
    'Joint Working Group'
    """
    # str.split() splits on exactly the characters ``\s`` matches (str.isspace), and
    # drops the ends: the same result as collapsing runs and stripping, at a third
    # of the cost (the validator normalises every quote).
    return " ".join(text.split())


class NormalisedText:
    """A text with whitespace runs collapsed, mapping positions back to the original."""

    def __init__(self, text: str) -> None:
        chars: list[str] = []
        origin: list[int] = []
        for match in _RUNS.finditer(text):
            if match.group().isspace():
                chars.append(" ")
                origin.append(match.start())
            else:
                chars.extend(match.group())
                origin.extend(range(match.start(), match.end()))
        self.text = "".join(chars)
        """The text, whitespace runs collapsed (but not stripped)."""
        self.origin = origin
        """Offset in the original text of each character of :attr:`text`."""

    def find_all(self, needle: str) -> Iterator[tuple[int, int]]:
        """Original ``(start, end)`` spans of every occurrence of ``needle`` (normalised).

        >>> list(NormalisedText("a  b\\nc b c").find_all("b c"))
        [(3, 6), (7, 10)]
        """
        needle = normalise(needle)
        if not needle:
            return
        at = self.text.find(needle)
        while at >= 0:
            yield self.origin[at], self.origin[at + len(needle) - 1] + 1
            at = self.text.find(needle, at + 1)


# A sentence ends at . ! or ? (plus closing quotes or brackets) when the next
# word starts a new sentence; "M.M. Popov" and "Mr Lavrov" must not split.
_END = re.compile(r"[.!?][”’\"')]*(?=\s+[“‘\"'(]?[A-Z0-9])")
_WORD_BEFORE = re.compile(r"([A-Za-z.]+)$")
_ABBREVIATIONS = frozenset({"Mr", "Mrs", "Ms", "Dr", "Lt", "Gen", "Col", "St", "No", "Nov", "Oct"})


def _is_abbreviation(text: str, period: int) -> bool:
    if text[period] != ".":
        return False
    match = _WORD_BEFORE.search(text, 0, period)
    if match is None:
        return False
    word = match.group(1)
    return "." in word or (len(word) == 1 and word.isupper()) or word in _ABBREVIATIONS


def sentences(text: str) -> Iterator[tuple[int, int]]:
    """``(start, end)`` offsets of each sentence of ``text``; a line break always ends one.

    >>> text = "Mr Lavrov met M.M. Popov. They spoke.\\nNext line"
    >>> [text[s:e] for s, e in sentences(text)]
    ['Mr Lavrov met M.M. Popov.', 'They spoke.', 'Next line']
    """
    offset = 0
    for line in text.splitlines(keepends=True):
        begin = 0
        for match in _END.finditer(line):
            if _is_abbreviation(line, match.start()):
                continue
            yield from _trimmed(line, begin, match.end(), offset)
            begin = match.end()
        yield from _trimmed(line, begin, len(line), offset)
        offset += len(line)


def _trimmed(line: str, begin: int, end: int, offset: int) -> Iterator[tuple[int, int]]:
    chunk = line[begin:end]
    stripped = chunk.strip()
    if stripped:
        lead = len(chunk) - len(chunk.lstrip())
        yield offset + begin + lead, offset + begin + lead + len(stripped)
