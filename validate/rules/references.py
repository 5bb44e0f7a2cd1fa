"""References: every id a record names exists and is of the right kind."""

from collections.abc import Iterator

from pakru.dataset import Dataset
from pakru.validate.registry import Context, Hit, rule
from pakru.validate.scopes import RECORD


@rule("references.resolve", scope=RECORD)
def resolve(dataset: Dataset, context: Context) -> Iterator[Hit]:
    """Every referenced id names an existing record of a kind the field allows."""
    kind_of = {record.id: record.type for record in dataset.records}  # the ids `in dataset`
    facts = context.index.facts
    for origin in context.provenance:
        for loc, target, kinds in facts(origin.record).references:
            found = kind_of.get(target)
            if found is None:
                yield Hit(origin.record.id, loc, f"no record with id {target!r}", origin, target)
                continue
            if found not in kinds:
                allowed = " or ".join(kinds)
                yield Hit(
                    origin.record.id, loc, f"{target!r} is a {found}, expected a {allowed}", origin
                )


@rule("references.source-text", scope=RECORD)
def source_text(dataset: Dataset, _: Context) -> Iterator[Hit]:
    """Every source record has its report's text in ``sources/text/``."""
    for source in dataset.sources:
        if dataset.text(source.id) is None:
            yield Hit(source.id, ("file",), f"text file {source.file!r} was not found or not read")
