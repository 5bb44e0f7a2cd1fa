"""Name derivations: other forms of a printed name, from a word list and a romanisation scheme.

The one rule of :data:`pakru.schema.derivations.NameRule`, ``romanisation``,
reads a name printed in Latin letters as a Russian word: the candidates are
the word-list words whose romanisation is within one edit of it, extracted
into ``schema/reference.json`` (:func:`pakru.schema.reference.romanisations`).
Exactly one candidate gives two aliases, its standard romanisation and its
Cyrillic form; none or several give none (the rule does not guess). The
``names.derived`` rule compares an event's aliases with these values.
"""

from collections.abc import Iterable, Iterator

from pakru.schema import Event, Record
from pakru.schema.derivations import NameDerivation
from pakru.schema.reference import NAME_PACKAGES, romanisations, versions
from pakru.validate.derive.dates import UnderivableError
from pakru.validate.derive.text import contains


def pins() -> tuple[str, ...]:
    """The rule's packages as ``name==version``, from the shipped extract."""
    found = versions()
    return tuple(f"{name}=={found[name]}" for name in sorted(NAME_PACKAGES))


def capitalised_as(word: str, printed: str) -> str:
    """``word`` with its first letter in the case of the printed name's first letter."""
    if not word or not printed[:1].isupper():
        return word
    return word[0].upper() + word[1:]


def aliases_from(printed: str, candidates: Iterable[tuple[str, str]]) -> tuple[str, ...]:
    """The aliases one candidate (Cyrillic word, romanisation) gives, capitalised as printed;
    raises :class:`UnderivableError` for none or several candidates."""
    found = sorted(set(candidates))
    if len(found) != 1:
        words = ", ".join(w for w, _ in found) or "none"
        raise UnderivableError(
            f"{len(found)} candidate words for {printed!r} ({words}), not one: no alias"
        )
    ((cyrillic, latin),) = found
    return tuple(dict.fromkeys(capitalised_as(w, printed) for w in (latin, cyrillic)))


def derive_aliases(d: NameDerivation) -> tuple[str, ...]:
    """The aliases a derivation gives; raises :class:`UnderivableError`."""
    if not contains(d.quote, d.printed):
        raise UnderivableError(f"the quote does not print {d.printed!r}")
    if tuple(sorted(d.packages)) != pins():
        raise UnderivableError(
            f"packages {', '.join(d.packages)} are not the extract's {', '.join(pins())}"
        )
    candidates = romanisations(d.printed)
    if candidates is None:
        raise UnderivableError(
            f"{d.printed!r} is not in schema/reference.json: rebuild it"
            " (pakru.tools.schemafiles.write_reference(names=...))"
        )
    return aliases_from(d.printed, candidates)


def printed_names(records: Iterable[Record]) -> Iterator[str]:
    """Every name a record derives aliases from: the names the reference extract must hold."""
    for record in records:
        if isinstance(record, Event):
            yield from (d.printed for d in record.derivations)
