"""Cross-record rules, one module per theme; importing this package registers them all."""

from pakru.validate.rules import identity, references, stages

__all__ = ["identity", "references", "stages"]
