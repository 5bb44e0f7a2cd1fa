"""Acts: every act a record states is coded by the policy and has two actors."""

from collections.abc import Iterator

from pakru.acts import acts, problems
from pakru.dataset import Dataset
from pakru.schema import Person
from pakru.validate.registry import Context, Hit, rule
from pakru.validate.scopes import REFERRERS


@rule("acts.code-unsupported", scope=REFERRERS)
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


@rule("acts.actors", scope=REFERRERS)
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


@rule("acts.person-role", scope=REFERRERS)
def person_role(dataset: Dataset, context: Context) -> Iterator[Hit]:
    """A person acting in an act has no title, so the act cannot give them a CAMEO role.

    CAMEO codes an official as the country plus a role (``PAKGOV``, ``RUSMIL``);
    pakru gives a person the role ``GOV`` from a title the reports attest
    (:data:`pakru.acts.actors.ROLES`). A person who is an actor of an act — a
    participant a directed act names, or one of the people on a side of a
    meeting — but has no title is coded by the country alone, and event data
    would count a government act as the state's. Add the title the reports
    give (with its evidence), or leave the person out of the participants.
    One finding per person, at the first act that needs the role.
    """
    seen: set[str] = set()
    for act in context.index.memo(acts, dataset):
        for actor in (act.actor1, act.actor2):
            if actor is None:
                continue
            for record_id in actor.records:
                person = dataset.get(record_id) if record_id in dataset else None
                if not isinstance(person, Person) or person.titles or record_id in seen:
                    continue
                seen.add(record_id)
                yield Hit(
                    record_id,
                    ("titles",),
                    f"person {record_id!r} is an actor of act {act.id!r} ({act.code} "
                    f"{act.label}) but has no title: CAMEO's role (GOV or MIL) comes from a "
                    "title, so the act is coded by the country alone; add the title the "
                    "reports give",
                )
