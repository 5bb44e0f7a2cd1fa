"""A report read sentence by sentence: the story's sentences, with the dateline taken off."""

from dataclasses import dataclass

from pakru.schema.text import sentences
from pakru.tools.layout import Layout


@dataclass(frozen=True)
class Sentence:
    """One sentence of the story, exactly as printed (a quote the validator finds)."""

    index: int
    text: str


def story(text: str, layout: Layout) -> list[Sentence]:
    """The sentences of the story: from the dateline on (the head, its headline and byline,
    left out), the dateline itself taken off the first one."""
    start = 0
    dateline = layout.dateline
    if dateline is not None and "\n" not in dateline.quote:
        at = text.find(dateline.quote)
        if at >= 0:
            start = at + len(dateline.quote)
    out: list[Sentence] = []
    for begin, end in sentences(text[start:]):
        chunk = text[start + begin : start + end].strip(" -–—:")
        if chunk and any(c.isalpha() for c in chunk) and not chunk.startswith("date "):
            out.append(Sentence(len(out), chunk))
    return out
