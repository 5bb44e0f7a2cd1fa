"""Cross-record rules, one module per theme; importing this package registers them all."""

from pakru.validate.rules import (
    conflicts,
    dates,
    derived,
    duplicates,
    events,
    evidence,
    identity,
    people,
    references,
    series,
    stages,
    status,
)

__all__ = [
    "conflicts",
    "dates",
    "derived",
    "duplicates",
    "events",
    "evidence",
    "identity",
    "people",
    "references",
    "series",
    "stages",
    "status",
]
