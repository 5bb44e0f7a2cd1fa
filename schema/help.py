"""Field descriptions in ``help()``: each model's docstring gains a "Fields" list.

Run once by :mod:`pakru.schema` after every model is defined. The JSON
Schema keeps the docstring as written (see ``Model``'s ``json_schema_extra``),
so only ``help(Meeting)`` and ``Meeting?`` in Jupyter show the list.
"""

import inspect
from collections.abc import Iterable

from pydantic import BaseModel

from pakru.schema.introspect import fields, models


def add_field_docs(roots: Iterable[type[BaseModel]]) -> None:
    """Append ``name (required|optional): description`` for every field to each model's doc."""
    for model in models(roots):
        own = model.__dict__.get("__doc__")
        if not own or "_pakru_doc" in model.__dict__:
            continue
        lines = [inspect.cleandoc(own), "", "Fields:"]
        for spec in fields(model):
            need = "required" if spec.required else "optional"
            lines.append(f"    {spec.name} ({need}): {spec.description.replace('``', '')}")
        model._pakru_doc = own  # type: ignore[attr-defined]  # read by the JSON Schema
        model.__doc__ = "\n".join(lines)
