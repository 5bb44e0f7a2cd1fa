"""Cross-record rules, one module per theme; importing this package registers them all."""

from pakru.validate.rules import (
    conflicts,
    dates,
    duplicates,
    evidence,
    identity,
    links,
    people,
    references,
    series,
    stages,
    status,
)

__all__ = [
    "conflicts",
    "dates",
    "duplicates",
    "evidence",
    "identity",
    "links",
    "people",
    "references",
    "series",
    "stages",
    "status",
]
