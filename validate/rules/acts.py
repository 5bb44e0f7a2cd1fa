"""Acts: every act a record states is coded by the policy and has two actors."""

from collections.abc import Iterator

from pakru.acts import problems
from pakru.dataset import Dataset
from pakru.validate.registry import Context, Hit, rule


@rule("acts.code-unsupported")
def code_unsupported(dataset: Dataset, context: Context) -> Iterator[Hit]:
    """A meeting, agreement or event states an act whose code no quote supports.

    The record's kind and status say it states an act (a held meeting, a
    signed agreement, an exercise), but none of its quotes contains a
    trigger phrase of the coding policy (:mod:`pakru.acts.policy`) for that part
    of a record, so any CAMEO code given to it would rest on the record's
    classification alone, not on its evidence. Quote the sentence that says
    what was done, or add a rule (with its test sentence) to the policy.
    """
    for found in context.index.memo(problems, dataset)[0]:  # once per run, for both rules
        yield Hit(found.record, found.loc, found.message)


@rule("acts.actors")
def actors(dataset: Dataset, context: Context) -> Iterator[Hit]:
    """An act's two actors cannot be derived from participants, sides or parties.

    Actor 1 and actor 2 of each act come from the record: the participants a
    directed act's sentence names, the countries it names, or the two sides
    of the record (a meeting's participant sides and series members, an
    agreement's parties, an event's countries and bodies). An act whose
    record gives fewer or more than two sides and whose sentence names
    neither actor is not a dyadic event.
    """
    for found in context.index.memo(problems, dataset)[1]:
        yield Hit(found.record, found.loc, found.message)
