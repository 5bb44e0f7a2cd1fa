"""A report read sentence by sentence: the story's sentences, with the dateline taken off."""

import re
from dataclasses import dataclass

from pakru.schema.text import sentences
from pakru.tools.layout import Layout

_BREAK = re.compile(r"\n\s*")


@dataclass(frozen=True)
class Sentence:
    """One sentence of the story, exactly as printed (a quote the validator finds)."""

    index: int
    text: str
    paragraph: int = 0
    """The paragraph it stands in (paragraphs are split at line breaks), counted from 0."""


def story(text: str, layout: Layout) -> list[Sentence]:
    """The sentences of the story: from the dateline on (the head, its headline and byline,
    left out), the dateline itself taken off the first one."""
    start = 0
    dateline = layout.dateline
    if dateline is not None and "\n" not in dateline.quote:
        at = text.find(dateline.quote)
        if at >= 0:
            start = at + len(dateline.quote)
    body = text[start:]
    out: list[Sentence] = []
    paragraph, seen = 0, 0
    for begin, end in sentences(body):
        paragraph += len(_BREAK.findall(body, seen, begin))
        seen = begin
        chunk = body[begin:end].strip(" -–—:")
        if chunk and any(c.isalpha() for c in chunk) and not chunk.startswith("date "):
            out.append(Sentence(len(out), chunk, paragraph))
    return out
