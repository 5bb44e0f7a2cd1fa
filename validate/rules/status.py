"""Status: a held meeting rests on a quote that says it was held, not that it will be."""

from collections.abc import Iterator

from pakru.acts.policy import announces
from pakru.dataset import Dataset
from pakru.validate.registry import Context, Hit, rule
from pakru.validate.scopes import RECORD


@rule("status.held-evidence", scope=RECORD)
def held_evidence(dataset: Dataset, _: Context) -> Iterator[Hit]:
    """A held meeting's status is not supported only by quotes announcing a future meeting."""
    for meeting in dataset.meetings:
        if meeting.status != "held":
            continue
        quotes = [e.quote for e in meeting.evidence if "status" in e.supports]
        if quotes and all(announces(q) for q in quotes):
            yield Hit(
                meeting.id,
                ("status",),
                f"status is 'held' but its evidence only announces a meeting: {quotes[0]!r}; "
                "a plan keeps status 'planned': record the held meeting from the report "
                f"that says it took place, with 'realises: {meeting.id}'",
            )
