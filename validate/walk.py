"""Old home of the record walks, now in :mod:`pakru.schema.introspect`.

Only re-exports, for modules not yet switched (``validate/parallel.py`` and
``docs/gen_pages.py``, owned by other work in progress); new code imports
:mod:`pakru.schema.introspect`. Delete this module once nothing imports it.
"""

from pydantic import BaseModel

from pakru.schema.introspect import evidence, fields, find, references

__all__ = ["evidence", "find", "reference_fields", "references"]


def reference_fields(model: type[BaseModel]) -> dict[str, tuple[str, ...]]:
    """Field name → record kinds it may reference, for a model's reference fields."""
    return {f.name: f.refers_to for f in fields(model) if f.refers_to is not None}
