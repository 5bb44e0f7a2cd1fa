"""Derived names: an event's aliases are printed in its sources or given by a name rule.

Each name derivation is recomputed by :mod:`pakru.validate.derive.names`; an
alias the rule does not give, and no cited source prints, is an error, as a
date or place the rule does not reproduce.
"""

from collections.abc import Iterator, Mapping

from pakru.dataset import Dataset
from pakru.schema import Event
from pakru.schema.introspect import evidence
from pakru.validate.derive import UnderivableError
from pakru.validate.derive.names import derive_aliases
from pakru.validate.derive.text import contains
from pakru.validate.registry import Context, Hit, rule
from pakru.validate.scopes import RECORD


def _derived(event: Event) -> tuple[list[Hit], list[str]]:
    """Hits for derivations whose rule does not hold, and the aliases the others give."""
    hits: list[Hit] = []
    aliases: list[str] = []
    for index, d in enumerate(event.derivations):
        try:
            aliases += derive_aliases(d)
        except UnderivableError as error:
            hits.append(Hit(event.id, ("derivations", index), f"{d.rule}: {error}"))
    return hits, list(dict.fromkeys(aliases))


def _event_problems(event: Event, texts: Mapping[str, str]) -> Iterator[Hit]:
    hits, derived = _derived(event)
    yield from hits
    for alias in derived:
        if alias not in event.aliases:
            yield Hit(event.id, ("aliases",), f"a name derivation gives {alias!r}, not in aliases")
    cited = [texts[e.source] for _, e in evidence(event) if e.source in texts]
    for index, alias in enumerate(event.aliases):
        if alias not in derived and not any(contains(text, alias) for text in cited):
            yield Hit(
                event.id,
                ("aliases", index),
                f"alias {alias!r} is printed in no cited source and no name derivation gives it",
            )


@rule("names.derived", scope=RECORD)
def names_derived(dataset: Dataset, _: Context) -> Iterator[Hit]:
    """An event's alias is printed in a source it cites, or a name derivation gives it."""
    texts = dataset.texts
    for event in dataset.events:
        if event.aliases or event.derivations:  # most events have neither: nothing to check
            yield from _event_problems(event, texts)
