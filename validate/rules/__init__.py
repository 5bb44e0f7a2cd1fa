"""Cross-record rules, one module per theme; importing this package registers them all."""

from pakru.validate.rules import (
    conflicts,
    dates,
    derived,
    duplicates,
    evidence,
    identity,
    people,
    references,
    series,
    stages,
    status,
    supports,
)

__all__ = [
    "conflicts",
    "dates",
    "derived",
    "duplicates",
    "evidence",
    "identity",
    "people",
    "references",
    "series",
    "stages",
    "status",
    "supports",
]
